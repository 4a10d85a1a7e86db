// Buurtwiki: small enhancements only. Every page is complete without this script.
(function () {
  "use strict";
  function reverse(s) { return s.split("").reverse().join(""); }
  document.querySelectorAll(".bw-email[data-u][data-d]").forEach(function (el) {
    var address = reverse(el.getAttribute("data-u")) + "@" + reverse(el.getAttribute("data-d"));
    var a = document.createElement("a");
    a.href = "mailto:" + address;
    a.textContent = address;
    el.replaceChildren(a);
  });

  // The printed web address, on a site built without site_url: the address the reader opened.
  document.querySelectorAll(".bw-print-address[data-bw-here]").forEach(function (el) {
    if (/^https?:$/.test(location.protocol)) { el.textContent = location.href.split("#")[0]; }
  });

  // "3 dagen geleden" beside an absolute date: computed here, on the reader's day, never at build
  // time (a built page is read for months). The page shows the date itself without this script.
  var DAY = 86400000;
  function relative(days) {
    if (typeof Intl === "undefined" || !Intl.RelativeTimeFormat) { return ""; }
    var words = new Intl.RelativeTimeFormat("nl", { numeric: "auto" });
    if (days < 14) { return words.format(-days, "day"); }
    if (days < 60) { return words.format(-Math.floor(days / 7), "week"); }
    if (days < 730) { return words.format(-Math.floor(days / 30.44), "month"); }
    return words.format(-Math.floor(days / 365.25), "year");
  }
  document.querySelectorAll("time[data-bw-ago][datetime]").forEach(function (el) {
    var value = el.getAttribute("datetime");
    var match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value || "");
    if (!match) { return; }
    var then = new Date(+match[1], +match[2] - 1, +match[3]);
    var now = new Date();
    var today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    var days = Math.round((today - then) / DAY);
    if (days < 0) { return; }
    var text = relative(days);
    if (!text) { return; }
    var span = document.createElement("span");
    span.className = "bw-ago";
    span.textContent = " (" + text + ")";
    el.after(span);
  });
})();
