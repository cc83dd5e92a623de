"""The reader's light or dark scheme: the system's, unless the reader chose one with the
masthead's switch, which is remembered in localStorage.

The script is inline in <head> (base.html, `{% theme_script %}`) so the chosen scheme applies
before the first paint (a deferred file would flash the system's scheme first), and it is this
fixed text, so the Content-Security-Policy allows exactly it by hash (settings, `script-src`):
no 'unsafe-inline', no nonce in cached pages. It only sets `data-theme` on <html> and handles the
switch's clicks; static/css/site.css does the rest.
"""

import base64
import hashlib

STORAGE_KEY = "newsroom-theme"

SCRIPT = (
    "(function(root){var key='" + STORAGE_KEY + "',query=matchMedia('(prefers-color-scheme: dark)');"
    "function apply(theme){if(theme==='light'||theme==='dark')root.dataset.theme=theme;"
    "else delete root.dataset.theme;}"
    "function dark(){return root.dataset.theme?root.dataset.theme==='dark':query.matches;}"
    "function sync(){document.querySelectorAll('[data-theme-switch]').forEach(function(button){"
    "button.setAttribute('aria-pressed',String(dark()));});}"
    "try{apply(localStorage.getItem(key));}catch(e){}"
    "root.classList.add('js');"
    "document.addEventListener('click',function(event){"
    "var button=event.target.closest&&event.target.closest('[data-theme-switch]');if(!button)return;"
    "var theme=dark()?'light':'dark';apply(theme);try{localStorage.setItem(key,theme);}catch(e){}sync();});"
    "document.addEventListener('DOMContentLoaded',sync);query.addEventListener('change',sync);"
    "})(document.documentElement);"
)

CSP_HASH = "'sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode() + "'"
