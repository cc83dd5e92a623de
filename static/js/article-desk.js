/* The article form's safety nets: who else is editing (a heartbeat every 20 s), and the text kept
   in this browser's local storage until it is saved, offered back after a crash, a closed tab or
   an expired session. Progressive enhancement: the form works without it. */
(function () {
  "use strict";
  var FIELDS = ["headline", "slug", "standfirst", "body"];
  var HEARTBEAT_MS = 20000;

  document.addEventListener("DOMContentLoaded", function () {
    var desk = document.getElementById("article-desk");
    var form = desk && desk.closest("form");
    if (!form) return;
    var key = desk.getAttribute("data-storage-key");

    function field(name) { return form.querySelector("[name=" + name + "]"); }
    function values() {
      var out = {};
      FIELDS.forEach(function (name) { var el = field(name); if (el) out[name] = el.value; });
      return out;
    }
    function stored() {
      try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
    }

    // --- Keep unsaved text --------------------------------------------------------------
    var original = JSON.stringify(values());
    var timer = null;
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var now = values();
        if (JSON.stringify(now) === original) return;
        try {
          window.localStorage.setItem(key, JSON.stringify({ saved: Date.now(), version: desk.getAttribute("data-version"), values: now }));
        } catch (e) { /* storage full or disabled: nothing to keep */ }
      }, 500);
    });
    // A successful save lands on another page; until then the copy stays. Clear it on submit only
    // once the server has answered with a redirect (the next page load finds no form errors).
    form.addEventListener("submit", function () {
      try { window.sessionStorage.setItem("newsroom:submitted", key); } catch (e) {}
    });
    var submitted = null;
    try { submitted = window.sessionStorage.getItem("newsroom:submitted"); window.sessionStorage.removeItem("newsroom:submitted"); } catch (e) {}
    var hasErrors = document.querySelector(".errornote, .errorlist") !== null;
    if (submitted && !hasErrors) {
      try { window.localStorage.removeItem(submitted); } catch (e) {}
    }

    var draft = stored();
    var current = values();
    var differs = draft && FIELDS.some(function (n) { return draft.values[n] !== undefined && draft.values[n] !== current[n]; });
    var banner = document.getElementById("draft-restore");
    if (draft && differs && banner) {
      banner.hidden = false;
      banner.querySelector("[data-when]").textContent = new Date(draft.saved).toLocaleString();
      banner.querySelector("[data-restore]").addEventListener("click", function () {
        FIELDS.forEach(function (name) {
          var el = field(name);
          if (!el || draft.values[name] === undefined) return;
          if (name === "body") setBody(el, draft.values.body);
          else { el.value = draft.values[name]; el.dispatchEvent(new Event("input", { bubbles: true })); }
        });
        banner.hidden = true;
      });
      banner.querySelector("[data-discard]").addEventListener("click", function () {
        try { window.localStorage.removeItem(key); } catch (e) {}
        banner.hidden = true;
      });
    }

    // The rich-text editor owns the body: hand it the HTML as a paste over the whole document.
    function setBody(textarea, html) {
      var editor = textarea.parentElement.querySelector(".ProseMirror[contenteditable=true]");
      textarea.value = html;
      if (!editor) return;
      editor.focus();
      var range = document.createRange();
      range.selectNodeContents(editor);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", html.replace(/<[^>]+>/g, " "));
      editor.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }

    // --- Presence -----------------------------------------------------------------------
    var heartbeatUrl = desk.getAttribute("data-heartbeat-url");
    var presence = document.getElementById("presence");
    var csrf = field("csrfmiddlewaretoken");
    function beat() {
      fetch(heartbeatUrl, { method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrf ? csrf.value : "" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data || !presence) return;
          presence.textContent = "";
          if (!data.others.length) return;
          var p = document.createElement("p");
          p.className = "errornote";
          p.textContent = data.others.map(function (o) { return o.name; }).join(", ") +
            (data.others.length > 1 ? " are" : " is") + " editing this article right now.";
          presence.appendChild(p);
        })
        .catch(function () {});
    }
    if (heartbeatUrl) setInterval(beat, HEARTBEAT_MS);
  });
})();
