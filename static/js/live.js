/* A live blog follows the match without reloading: every 12 s it asks /live/<id>/entries/ for
   what was posted or changed since the last answer, and puts it in place. The page is complete
   without this file (refreshing shows the latest); the endpoint is cached for a few seconds, so
   many readers cost the site one request per few seconds. */
(function () {
  "use strict";
  var section = document.querySelector("[data-live-url]");
  if (!section || !window.fetch) return;
  var list = section.querySelector("[data-live-entries]");
  var score = section.querySelector("[data-live-score]");
  var events = section.querySelector("[data-live-events]");
  var since = 0;
  var EVERY = 12000;

  function fromHtml(html) {
    var holder = document.createElement("ol");
    holder.innerHTML = html; // our own server's sanitised HTML
    return holder.firstElementChild;
  }

  // The match box above the blog (score, goals and cards): the server draws it again with each
  // answer, and it is swapped only when it changed.
  var box = document.querySelector(".match-box");
  var boxHtml = null;

  function applyMatchBox(html) {
    if (!box || !html || html === boxHtml) return;
    var holder = document.createElement("template");
    holder.innerHTML = html.trim();
    var fresh = holder.content.firstElementChild;
    if (!fresh) return;
    box.replaceWith(fresh);
    box = fresh;
    boxHtml = html;
  }

  function apply(data) {
    applyMatchBox(data.match_box);
    // Only a change is written: the score is a live region, and a screen reader reads what changes.
    if (score && score.textContent !== data.score) score.textContent = data.score;
    if (data.state) section.setAttribute("data-status", data.state); // the marker follows the whistle
    if (events && data.key_events) {
      events.textContent = "";
      data.key_events.forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        events.appendChild(item);
      });
    }
    var empty = list.querySelector(".live__empty");
    if (empty && data.ids.length) empty.remove();
    data.entries.forEach(function (entry) {
      var fresh = fromHtml(entry.html);
      var old = document.getElementById("entry-" + entry.id);
      if (old) {
        old.replaceWith(fresh);
      } else {
        // site.css makes it glow for a moment; the class goes before the next answer moves the
        // entries into order, which would start the glow again.
        fresh.classList.add("live-entry--new");
        window.setTimeout(function () { fresh.classList.remove("live-entry--new"); }, 5000);
        list.appendChild(fresh);
      }
    });
    var wanted = {};
    data.ids.forEach(function (id) { wanted[id] = true; });
    list.querySelectorAll("[data-entry]").forEach(function (item) {
      if (!wanted[item.getAttribute("data-entry")]) item.remove();
    });
    // The server's order: the pinned entry first, then newest first.
    data.ids.forEach(function (id) {
      var item = document.getElementById("entry-" + id);
      if (item) list.appendChild(item);
    });
    // Overlap (an entry saved as the answer was made is not missed), in steps of 10 s so that
    // readers ask the same few addresses and the CDN answers them.
    since = Math.max(0, Math.floor((data.now - 15) / 10) * 10);
    if (!data.open) return false;
    return true;
  }

  function poll() {
    fetch(section.getAttribute("data-live-url") + (since ? "?since=" + since : ""), { credentials: "omit" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (data) {
        if (data && apply(data) === false) return; // the blog closed: stop asking
        window.setTimeout(poll, EVERY);
      })
      .catch(function () { window.setTimeout(poll, EVERY * 2); });
  }
  window.setTimeout(poll, EVERY);
})();
