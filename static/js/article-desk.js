/* The article form's safety nets: who else is editing (a heartbeat every 20 s), and the text kept
   in this browser's local storage until it is saved, offered back after a crash, a closed tab or
   an expired session. Progressive enhancement: the form works without it. */
(function () {
  "use strict";
  var FIELDS = ["headline", "slug", "standfirst", "body"];
  var LABELS = { headline: "Headline", slug: "Slug", standfirst: "Standfirst", body: "Body" };
  var HEARTBEAT_MS = 20000;

  // Spellcheck on in the body editor, whatever the browser's default for contenteditable: the
  // editor (ProseMirror) builds its element after load, so set it once that element exists.
  function spellcheckBody() {
    var found = document.querySelectorAll(".prose-editor .ProseMirror, .prose-editor [contenteditable]");
    found.forEach(function (el) { el.setAttribute("spellcheck", "true"); });
    return found.length > 0;
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (!spellcheckBody() && window.MutationObserver) {
      var watcher = new MutationObserver(function () { if (spellcheckBody()) watcher.disconnect(); });
      watcher.observe(document.body, { childList: true, subtree: true });
    }
  });

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
    var differs = draft && draft.values && FIELDS.some(function (n) { return draft.values[n] !== undefined && draft.values[n] !== current[n]; });
    var banner = document.getElementById("draft-restore");
    if (draft && differs && banner) {
      banner.hidden = false;
      banner.querySelector("[data-when]").textContent = new Date(draft.saved).toLocaleString();
      var saved = desk.getAttribute("data-version");
      var since = banner.querySelector("[data-saved-since]");
      if (since && saved && draft.version && draft.version !== saved) since.hidden = false;
      showDifferences(banner.querySelector("[data-differences]"), current, draft.values);
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

    // What the kept copy changes, as text: each field's old and new value, and the body's
    // paragraphs that the copy removes (struck through) or adds. Built with textContent only.
    function showDifferences(list, saved, kept) {
      if (!list) return;
      FIELDS.forEach(function (name) {
        if (kept[name] === undefined || kept[name] === saved[name]) return;
        var item = document.createElement("li");
        var title = document.createElement("strong");
        title.textContent = LABELS[name] + ": ";
        item.appendChild(title);
        var before = name === "body" ? paragraphs(saved[name]) : [saved[name]];
        var after = name === "body" ? paragraphs(kept[name]) : [kept[name]];
        diffLists(before, after).forEach(function (part) {
          var el = document.createElement(part[0] === "-" ? "del" : part[0] === "+" ? "ins" : "span");
          el.textContent = part[1];
          el.className = "article-desk__diff-line";
          item.appendChild(el);
        });
        list.appendChild(item);
      });
    }
    function paragraphs(html) {
      var doc = new DOMParser().parseFromString(html || "", "text/html");
      return Array.prototype.map.call(doc.body.children, function (el) { return el.textContent; })
        .filter(function (text) { return text.trim(); });
    }
    // The longest common subsequence of two short lists: [op, text] with op "-", "+" or " ".
    function diffLists(a, b) {
      var i, j, table = [];
      for (i = 0; i <= a.length; i++) { table.push(new Array(b.length + 1).fill(0)); }
      for (i = a.length - 1; i >= 0; i--) {
        for (j = b.length - 1; j >= 0; j--) {
          table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
        }
      }
      var out = [];
      i = 0; j = 0;
      while (i < a.length || j < b.length) {
        if (i < a.length && j < b.length && a[i] === b[j]) { out.push([" ", a[i]]); i++; j++; }
        else if (j < b.length && (i === a.length || table[i][j + 1] >= table[i + 1][j])) { out.push(["+", b[j]]); j++; }
        else { out.push(["-", a[i]]); i++; }
      }
      return out.filter(function (part) { return part[0] !== " "; });
    }

    // The rich-text editor owns the body: its content is *replaced* through the editor's own
    // command (Tiptap keeps its instance on the editing element). A paste over a selection made
    // from script was not reliable: ProseMirror reads the DOM selection late and the pasted copy
    // landed after the text already there.
    function setBody(textarea, html) {
      var editing = Array.prototype.find.call(
        textarea.parentElement.querySelectorAll(".ProseMirror"), function (el) { return el.editor; });
      textarea.value = html;
      if (editing && editing.editor) {
        editing.editor.commands.setContent(html, true);
        textarea.value = editing.editor.getHTML();
      }
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
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
