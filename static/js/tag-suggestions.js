/* The article form's suggestions panel: lists the clubs and players the text mentions that are
   not tagged yet, and adds one or all with a click. Progressive enhancement: without it the
   autocomplete fields work as before. Nothing is tagged until the editor clicks. */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    var panel = document.getElementById("tag-suggestions");
    var form = panel && panel.closest("form");
    if (!form) return;
    var selects = { clubs: form.querySelector("select[name=clubs]"), players: form.querySelector("select[name=players]") };
    var timer = null;
    var lastPayload = null;

    function field(name) {
      var el = form.querySelector("[name=" + name + "]");
      return el ? el.value : "";
    }

    function selectedIds(select) {
      return Array.prototype.map.call(select.selectedOptions, function (o) { return o.value; });
    }

    function addTag(kind, item) {
      var select = selects[kind];
      if (!select || selectedIds(select).indexOf(String(item.id)) !== -1) return;
      var existing = select.querySelector('option[value="' + item.id + '"]');
      if (existing) existing.selected = true;
      else select.appendChild(new Option(item.name, item.id, true, true));
      // Let select2 (the admin's autocomplete) redraw its chips.
      if (window.django && window.django.jQuery) window.django.jQuery(select).trigger("change");
      else select.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function render(data) {
      panel.textContent = "";
      var pending = [];
      ["clubs", "players"].forEach(function (kind) {
        var taken = selects[kind] ? selectedIds(selects[kind]) : [];
        (data[kind] || []).forEach(function (item) {
          if (taken.indexOf(String(item.id)) === -1) pending.push({ kind: kind, item: item });
        });
      });
      if (!pending.length) {
        var none = document.createElement("p");
        none.className = "help";
        var found = (data.clubs || []).length + (data.players || []).length;
        // Before any text there is nothing to have found: say what will happen instead.
        none.textContent = data.has_text === false ? "Suggestions appear here as you write."
          : found ? "Every club and player the text mentions is tagged."
          : "No club or player found in the text yet.";
        panel.appendChild(none);
        return;
      }
      var list = document.createElement("ul");
      list.className = "tag-suggestions__list";
      pending.forEach(function (entry) {
        var li = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "tag-suggestions__add";
        button.textContent = "+ " + entry.item.name;
        button.title = "Mentioned as " + entry.item.forms.join(", ") + " (" + entry.item.count + "×)";
        button.setAttribute("data-kind", entry.kind);
        button.addEventListener("click", function () { addTag(entry.kind, entry.item); refresh(true); });
        var forms = document.createElement("span");
        forms.className = "tag-suggestions__forms";
        forms.textContent = (entry.kind === "clubs" ? "club" : "player") + " · “" + entry.item.forms.join("”, “") + "”";
        li.appendChild(button);
        li.appendChild(forms);
        list.appendChild(li);
      });
      var all = document.createElement("button");
      all.type = "button";
      all.className = "tag-suggestions__all";
      all.textContent = "Add all " + pending.length;
      all.addEventListener("click", function () {
        pending.forEach(function (entry) { addTag(entry.kind, entry.item); });
        refresh(true);
      });
      panel.appendChild(list);
      panel.appendChild(all);
    }

    function refresh(force) {
      var payload = new URLSearchParams();
      ["headline", "standfirst", "body", "match"].forEach(function (name) { payload.append(name, field(name)); });
      var key = payload.toString();
      if (!force && key === lastPayload) return;
      lastPayload = key;
      fetch(panel.getAttribute("data-url"), {
        method: "POST",
        body: payload,
        credentials: "same-origin",
        headers: { "X-CSRFToken": field("csrfmiddlewaretoken") },
      })
        .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
        .then(render)
        .catch(function () {
          panel.textContent = "";
          var p = document.createElement("p");
          p.className = "help";
          p.textContent = "Suggestions are unavailable just now; tagging by hand still works.";
          panel.appendChild(p);
        });
    }

    function later() {
      clearTimeout(timer);
      timer = setTimeout(refresh, 700);
    }

    // The rich-text editor fires "input" on its textarea after every change.
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    if (window.django && window.django.jQuery) window.django.jQuery(form).on("change", "select", later);
    refresh(true);
  });
})();
