// Buurtwiki: the search page (Pagefind). Without JavaScript the page lists the overviews.
(function () {
  "use strict";
  var box = document.getElementById("bw-zoeken");
  if (!box || typeof PagefindUI === "undefined") { return; }
  var ui = new PagefindUI({
    element: "#bw-zoeken",
    bundlePath: box.getAttribute("data-bundle"),
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    translations: {
      placeholder: "Zoek in de buurtwiki",
      clear_search: "Wissen",
      load_more: "Meer resultaten",
      search_label: "Zoek op deze site",
      filters_label: "Filters",
      zero_results: "Niets gevonden voor [SEARCH_TERM]",
      many_results: "[COUNT] resultaten voor [SEARCH_TERM]",
      one_result: "[COUNT] resultaat voor [SEARCH_TERM]",
      total_zero_results: "Niets gevonden",
      total_one_result: "[COUNT] resultaat",
      total_many_results: "[COUNT] resultaten",
      alt_search: "Niets gevonden voor [SEARCH_TERM]. Dit zijn de resultaten voor [DIFFERENT_TERM]",
      search_suggestion: "Niets gevonden voor [SEARCH_TERM]. Probeer een van deze zoekwoorden:",
      searching: "Zoeken naar [SEARCH_TERM]…"
    }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { ui.triggerSearch(query.slice(0, 200)); }
})();
