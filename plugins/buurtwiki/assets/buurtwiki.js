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
})();
