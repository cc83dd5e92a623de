/* Progressive enhancements for readers; every page reads fine without this file.
   - <time data-local>: the time in the reader's own zone and words ("2 hours ago", "Wed 27 Nov, 21:30").
   - A "Share…" button where the browser has a native share sheet. */
(function () {
  "use strict";
  var rtf = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(undefined, { numeric: "auto" }) : null;
  var abs = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  function words(date) {
    var minutes = Math.round((date - Date.now()) / 60000);
    if (rtf && Math.abs(minutes) < 60) return rtf.format(minutes, "minute");
    if (rtf && Math.abs(minutes) < 60 * 24) return rtf.format(Math.round(minutes / 60), "hour");
    return abs.format(date);
  }
  document.querySelectorAll("time[data-local]").forEach(function (el) {
    var date = new Date(el.getAttribute("datetime"));
    if (isNaN(date)) return;
    el.title = el.textContent;
    el.textContent = words(date);
  });
  var list = document.querySelector("[data-share-url]");
  if (list && navigator.share) {
    var item = document.createElement("li");
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = "Share…";
    button.addEventListener("click", function () {
      navigator.share({ title: list.dataset.shareTitle, url: list.dataset.shareUrl }).catch(function () {});
    });
    item.appendChild(button);
    list.insertBefore(item, list.firstChild);
  }
})();
