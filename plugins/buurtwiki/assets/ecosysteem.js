// Buurtwiki: the ecosystem graph of one wijk (/wijken/<wijk>/ecosysteem/).
// A progressive enhancement: the page lists every connection without JavaScript. This script
// loads the wijk's data file (same site, relative URL), draws it with the vendored Cytoscape.js
// and wires the form controls: filter by type, focus on one page and widen by 1 or 2 steps.
// On a phone (a canvas narrower than 600 px) it starts focused on one page with one step (the page
// in ?pagina=, else the wijk's best connected page) and lays the pages out in rows: shapes of at
// least 44 px to tap, every label shown at 13 px.
(function () {
  "use strict";

  var figure = document.querySelector(".bw-eco-graph[data-json]");
  if (!figure || typeof window.cytoscape !== "function" || !window.fetch) return;

  var canvas = figure.querySelector(".bw-eco-canvas");
  var status = figure.querySelector(".bw-eco-status");
  var form = figure.querySelector(".bw-eco-controls");
  var focusSelect = form.querySelector('select[name="focus"]');
  var root = figure.getAttribute("data-root") || "";
  var wijk = figure.getAttribute("data-wijk");
  var wijkKey = figure.getAttribute("data-wijk-key"); // the wijk's own page: linked to nearly everything
  var TAP = 44; // px: the smallest shape a finger can hit (WCAG 2.5.5)
  var PHONE_FONT = 13; // px: labels on a phone
  var ROW = TAP + 52; // px: one row of shapes with a label of two lines under them
  var LINE = "#767676"; // 4.5:1 on white
  var types = {}; // type name -> {colour, shape, name, order, hub}

  Array.prototype.forEach.call(form.querySelectorAll('input[name="type"]'), function (box, i) {
    types[box.value] = {
      colour: box.getAttribute("data-kleur"),
      shape: box.getAttribute("data-vorm"),
      name: box.getAttribute("data-naam") || box.value,
      plural: box.getAttribute("data-meervoud") || box.value,
      order: i,
      hub: box.hasAttribute("data-spil") // the wijk's own type, from the model
    };
  });

  function say(text) { status.textContent = text; }
  function plural(n, one, more) { return n + " " + (n === 1 ? one : more); }

  fetch(figure.getAttribute("data-json"), { credentials: "same-origin" })
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(start)
    .catch(function (error) {
      // Keep the figure hidden: the lists below hold the same network.
      if (window.console) console.warn("Buurtwiki: ecosysteem niet geladen", error);
    });

  // The focus list: the wijk's own pages per type, then the pages from elsewhere.
  function fillFocusSelect(nodes) {
    var groups = {};
    var outside = [];
    nodes.forEach(function (n) {
      if (n.wijk !== wijk) outside.push(n);
      else (groups[n.type] = groups[n.type] || []).push(n);
    });
    var byTitle = function (a, b) { return a.titel.localeCompare(b.titel, "nl"); };
    var add = function (label, list) {
      if (!list.length) return;
      var group = document.createElement("optgroup");
      group.label = label;
      list.sort(byTitle).forEach(function (n) {
        var option = document.createElement("option");
        option.value = n.id;
        option.textContent = n.titel;
        group.appendChild(option);
      });
      focusSelect.appendChild(group);
    };
    Object.keys(types).sort(function (a, b) { return types[a].order - types[b].order; }).forEach(function (t) {
      add(types[t].plural, groups[t] || []);
      delete groups[t];
    });
    Object.keys(groups).forEach(function (t) { add(t, groups[t]); });
    add("Buiten de wijk", outside);
  }

  function start(data) {
    figure.hidden = false;
    if (!canvas.clientHeight) canvas.style.height = "32rem"; // in case the stylesheet is missing
    Array.prototype.forEach.call(document.querySelectorAll(".bw-eco-js-only"), function (el) { el.hidden = false; });

    var degree = {};
    data.edges.forEach(function (e) {
      degree[e.bron] = (degree[e.bron] || 0) + 1;
      degree[e.doel] = (degree[e.doel] || 0) + 1;
    });
    var elements = [];
    data.nodes.forEach(function (n) {
      var style = types[n.type] || { colour: "#555555", shape: "ellipse", name: n.type };
      var inner = n.wijk === wijk;
      var nodeSize = Math.min(48, 22 + 3 * Math.sqrt(degree[n.id] || 0)) * ((types[n.type] || {}).hub ? 1.3 : 1);
      elements.push({
        group: "nodes",
        data: { id: n.id, label: n.titel, type: n.type, url: n.url, inner: inner, colour: style.colour, shape: style.shape, size: nodeSize },
        classes: inner ? "" : "buiten"
      });
    });
    data.edges.forEach(function (e, i) {
      elements.push({
        group: "edges",
        data: { id: "e" + i, source: e.bron, target: e.doel, relatie: e.relatie },
        classes: e.relatie === "link" ? "link" : ""
      });
    });

    fillFocusSelect(data.nodes);
    var phone = canvas.clientWidth < 600;
    var many = data.edges.length > 1500;
    var zoom = 1;
    var redrawPending = false;
    // Shapes are a bit smaller on a narrow screen (a phone) and in a big wijk.
    var ownCount = data.nodes.filter(function (n) { return n.wijk === wijk; }).length;
    var scale = phone ? 1 : Math.max(0.75, Math.min(1, canvas.clientWidth / 800)) * (ownCount > 120 ? 0.7 : 1);
    function px(value) { return function () { return value * scale / zoom; }; }
    function size(node) { return (phone ? Math.max(TAP, node.data("size")) : node.data("size") * scale) / zoom; }
    function shownNodes() { return cy.nodes().not(".verborgen"); }
    function text(value) { return function () { return value / zoom; }; } // labels keep their size
    var columns = canvas.clientWidth >= 480 ? 3 : 2;
    var labelWidth = canvas.clientWidth / columns - 12;
    if (phone) shortLabels(elements, Math.floor(labelWidth / (PHONE_FONT * 0.62)));
    var cy = window.cytoscape({
      container: canvas,
      elements: elements,
      layout: { name: "preset" },
      minZoom: 0.15,
      maxZoom: 4,
      userZoomingEnabled: false, // the page keeps scrolling; zoom with the buttons or + and -
      boxSelectionEnabled: false,
      selectionType: "single",
      style: [
        // Sizes are divided by the zoom, so shapes, lines and labels keep the same size on screen:
        // zooming in gives the pages more room instead of making everything bigger.
        { selector: "node", style: {
          "background-color": "data(colour)", "shape": "data(shape)", "width": size, "height": size,
          "label": "", "font-size": text(12), "color": "#1a1a1a", "text-valign": "bottom", "text-margin-y": text(3),
          "text-outline-color": "#ffffff", "text-outline-width": text(2), "text-wrap": "ellipsis", "text-max-width": text(130),
          "border-width": px(1), "border-color": "#ffffff"
        } },
        { selector: "node.met-label, node.huidig, node.focus, node.hover", style: { "label": "data(label)" } },
        { selector: "node.buiten", style: { "border-width": px(2.5), "border-style": "dashed", "border-color": "#333333" } },
        { selector: "edge", style: {
          "width": px(1.5), "line-color": LINE, "target-arrow-color": LINE, "target-arrow-shape": many ? "none" : "triangle",
          "arrow-scale": 0.8, "curve-style": many ? "haystack" : "bezier"
        } },
        { selector: "edge.link", style: { "line-style": "dashed", "line-dash-pattern": [5, 4] } },
        { selector: ".faded", style: { "opacity": 0.15 } },
        { selector: "node.huidig, node.hover", style: {
          "border-width": px(4), "border-style": "solid", "border-color": "#000000", "font-weight": "bold", "z-index": 10
        } },
        { selector: "node.focus", style: { "border-width": px(5), "border-style": "double", "border-color": "#000000", "font-weight": "bold" } },
        { selector: ".verborgen", style: { "display": "none" } }
      ].concat(phone ? [
        // A phone: every label, on up to two lines within its column; lines lighter behind them.
        { selector: "node", style: {
          "font-size": text(PHONE_FONT), "text-wrap": "wrap", "text-max-width": text(labelWidth), "text-margin-y": text(4)
        } },
        { selector: "node.met-label, node.huidig, node.focus, node.hover", style: { "label": "data(kort)" } },
        { selector: "edge", style: { "opacity": 0.45, "curve-style": "straight" } },
        { selector: "edge.zijlijn", style: { "display": "none" } } // between pages in one row group
      ] : []),
      userPanningEnabled: !phone // a phone scrolls the page; the rows fit the width
    });
    cy.on("zoom pan resize", redrawSoon);

    // Labels: only where they do not overlap, the pages with the most connections first;
    // zooming in makes room for more. Hovering, choosing or focusing a page always shows its label.
    function redrawSoon() {
      if (redrawPending) return;
      redrawPending = true;
      window.requestAnimationFrame(function () {
        redrawPending = false;
        if (zoom !== cy.zoom()) {
          zoom = cy.zoom();
          cy.style().update();
        }
        placeLabels();
      });
    }

    function placeLabels() {
      if (phone) { // the rows leave room for every label
        cy.batch(function () { shownNodes().addClass("met-label"); });
        return;
      }
      var w = canvas.clientWidth, h = canvas.clientHeight;
      var onScreen = shownNodes().filter(function (n) {
        var p = n.renderedPosition();
        return p.x >= 0 && p.y >= 0 && p.x <= w && p.y <= h;
      });
      var shapes = {};
      onScreen.forEach(function (n) {
        var p = n.renderedPosition(), r = n.data("size") * scale / 2;
        shapes[n.id()] = { x1: p.x - r, x2: p.x + r, y1: p.y - r, y2: p.y + r };
      });
      var overlaps = function (a, b) { return a.x1 < b.x2 && a.x2 > b.x1 && a.y1 < b.y2 && a.y2 > b.y1; };
      var taken = [];
      var chosen = [];
      onScreen.sort(function (a, b) {
        return (degree[b.id()] || 0) - (degree[a.id()] || 0) || (a.data("inner") ? -1 : 1);
      }).forEach(function (n) {
        if (chosen.length > 300) return;
        var own = shapes[n.id()];
        var width = Math.min(130, 7 * n.data("label").length);
        var cx = (own.x1 + own.x2) / 2;
        var box = { x1: cx - width / 2 - 2, x2: cx + width / 2 + 2, y1: own.y2 + 1, y2: own.y2 + 18 };
        if (box.x1 < 0 || box.x2 > w || box.y2 > h) return; // a label cut off by the edge helps nobody
        var i;
        for (i = 0; i < taken.length; i++) if (overlaps(box, taken[i])) return;
        // the few best connected pages get their label even over another shape
        if (chosen.length >= 5) for (var id in shapes) if (id !== n.id() && overlaps(box, shapes[id])) return;
        taken.push(box);
        chosen.push(n);
      });
      cy.batch(function () {
        cy.nodes(".met-label").removeClass("met-label");
        chosen.forEach(function (n) { n.addClass("met-label"); });
      });
    }

    // Layout: the wijk's own pages in the middle (force-directed, started from a circle so it
    // is the same every time), the pages from elsewhere on a ring around them, each near the
    // pages it is linked to.
    var inner = cy.nodes("[?inner]");
    var outer = cy.nodes("[!inner]");
    var innerEls = inner.union(inner.edgesWith(inner));
    inner.layout({ name: "circle", fit: false, avoidOverlap: true }).run();
    if (inner.length > 1) {
      innerEls.layout({
        name: "cose", animate: false, randomize: false, fit: false, nodeDimensionsIncludeLabels: true,
        // typed links hold pages together; a mention in the text pulls only lightly
        idealEdgeLength: function (e) { return e.hasClass("link") ? 110 : 80; },
        edgeElasticity: function (e) { return e.hasClass("link") ? 300 : 80; },
        nodeRepulsion: function () { return 40000; },
        componentSpacing: 60, nodeOverlap: 10, gravity: 0.6, numIter: inner.length > 150 ? 500 : 1500
      }).run();
    }
    placeOuter();
    cy.resize();
    figure.bwGraph = cy; // for checks in a browser (bench/ecosysteem_browser.py)
    var home = {};
    cy.nodes().forEach(function (n) { home[n.id()] = { x: n.position("x"), y: n.position("y") }; });
    cy.fit(undefined, 36);

    function placeOuter() {
      if (!outer.length) return;
      var bb = inner.length ? inner.boundingBox() : { x1: 0, y1: 0, x2: 0, y2: 0, w: 0, h: 0 };
      var cx = (bb.x1 + bb.x2) / 2, cyy = (bb.y1 + bb.y2) / 2;
      var reach = 0;
      inner.forEach(function (n) {
        reach = Math.max(reach, Math.sqrt(Math.pow(n.position("x") - cx, 2) + Math.pow(n.position("y") - cyy, 2)));
      });
      var radius = Math.max(reach + 70, outer.length * 60 / (2 * Math.PI));
      if (reach > 0 && radius - 70 > reach) {
        // Many pages at the edge make a big ring: spread the wijk's own pages to fill it.
        var factor = (radius - 70) / reach;
        inner.positions(function (n) {
          return { x: cx + (n.position("x") - cx) * factor, y: cyy + (n.position("y") - cyy) * factor };
        });
      }
      var placed = outer.map(function (n) {
        var sx = 0, sy = 0, k = 0;
        n.neighborhood("node[?inner]").forEach(function (m) { sx += m.position("x"); sy += m.position("y"); k++; });
        var angle = k ? Math.atan2(sy / k - cyy, sx / k - cx) : 0;
        return { node: n, angle: angle };
      }).sort(function (a, b) { return a.angle - b.angle; });
      var step = 2 * Math.PI / placed.length;
      var first = placed[0].angle;
      placed.forEach(function (p, i) {
        var a = placed.length > 1 ? first + i * step : p.angle;
        p.node.position({ x: cx + radius * Math.cos(a), y: cyy + radius * Math.sin(a) });
      });
    }

    // A phone: rows instead of a tangle ---------------------------------------------------

    // Labels cut to two lines of their column, at a word where possible.
    function shortLabels(list, perLine) {
      list.forEach(function (el) {
        if (el.group !== "nodes") return;
        var label = el.data.label, most = 2 * perLine;
        if (label.length > most) {
          var cut = label.lastIndexOf(" ", most - 1);
          label = label.slice(0, cut > perLine ? cut : most - 1).replace(/[\s,.:;-]+$/, "") + "…";
        }
        el.data.kort = label;
      });
    }

    // The shown pages in rows of two or three columns, group by group (the focus, then each step
    // away; or the wijk's own pages, then those from elsewhere), each group by type and title.
    // The canvas grows to hold them all at zoom 1, so nothing overlaps and the page scrolls.
    function layoutRows(nodes, level) {
      var width = canvas.clientWidth, colWidth = width / columns;
      var groups = {};
      nodes.forEach(function (n) { (groups[level(n)] = groups[level(n)] || []).push(n); });
      var y = 10 + TAP / 2, at = {};
      Object.keys(groups).map(Number).sort(function (a, b) { return a - b; }).forEach(function (g) {
        var list = groups[g].sort(byTypeAndTitle);
        list.forEach(function (n, i) {
          var x = list.length === 1 ? width / 2 : (i % columns + 0.5) * colWidth;
          at[n.id()] = { x: x, y: y + Math.floor(i / columns) * ROW };
        });
        y += Math.ceil(list.length / columns) * ROW;
      });
      canvas.style.height = Math.max(ROW, y - ROW + TAP / 2 + 48) + "px";
      cy.resize();
      nodes.positions(function (n) { return at[n.id()]; });
      cy.zoom(1);
      cy.pan({ x: 0, y: 0 });
    }

    function byTypeAndTitle(a, b) {
      var ta = (types[a.data("type")] || {}).order || 0, tb = (types[b.data("type")] || {}).order || 0;
      return ta - tb || a.data("label").localeCompare(b.data("label"), "nl");
    }

    // Where to start: the page in ?pagina= (a link from that page), else on a phone the wijk's
    // best connected page other than the wijk page itself; else no focus (the whole wijk).
    function startFocus() {
      var wanted = window.URLSearchParams ? new window.URLSearchParams(window.location.search).get("pagina") : null;
      if (wanted && cy.getElementById(wanted).nonempty()) return wanted;
      if (!phone) return "";
      var best = null;
      inner.forEach(function (n) {
        if (n.id() === wijkKey) return;
        var d = degree[n.id()] || 0, bestDegree = best ? degree[best.id()] || 0 : -1;
        if (d > bestDegree || (d === bestDegree && n.data("label").localeCompare(best.data("label"), "nl") < 0)) best = n;
      });
      return best ? best.id() : "";
    }

    // Filters and focus -------------------------------------------------------------------

    function settings() {
      var shown = {};
      Array.prototype.forEach.call(form.querySelectorAll('input[name="type"]'), function (box) { shown[box.value] = box.checked; });
      var outside = form.querySelector('input[name="buiten"]');
      var steps = form.querySelector('input[name="stappen"]:checked');
      return {
        shown: shown,
        outside: outside ? outside.checked : true,
        focus: focusSelect.value,
        steps: steps ? parseInt(steps.value, 10) : 1
      };
    }

    function apply() {
      var s = settings();
      var focus = s.focus ? cy.getElementById(s.focus) : null;
      if (focus && focus.empty()) focus = null;
      var allowed = function (n) {
        return (focus && n.same(focus)) || (s.shown[n.data("type")] !== false && (n.data("inner") || s.outside));
      };
      var visible = {};
      var distance = {};
      if (focus) {
        var frontier = [focus];
        distance[focus.id()] = 0;
        visible[focus.id()] = true;
        for (var d = 1; d <= s.steps; d++) {
          var next = [];
          frontier.forEach(function (n) {
            // The wijk page links to nearly everything: do not widen through it (unless it is the focus).
            if ((types[n.data("type")] || {}).hub && !n.same(focus)) return;
            n.neighborhood("node").forEach(function (m) {
              if (!visible[m.id()] && allowed(m)) {
                visible[m.id()] = true;
                distance[m.id()] = d;
                next.push(m);
              }
            });
          });
          frontier = next;
        }
      } else {
        cy.nodes().forEach(function (n) { if (allowed(n)) visible[n.id()] = true; });
      }
      cy.batch(function () {
        cy.elements().removeClass("faded focus huidig");
        cy.nodes().forEach(function (n) {
          if (visible[n.id()]) n.removeClass("verborgen"); else n.addClass("verborgen");
        });
        if (focus) focus.addClass("focus");
      });
      var shown = cy.nodes().filter(function (n) { return visible[n.id()]; });
      if (phone) {
        var level = focus ? function (n) { return distance[n.id()] || 0; } : function (n) { return n.data("inner") ? 0 : 1; };
        layoutRows(shown, level);
        // Only the lines from one group to the next: from the focus outwards, a picture without a web.
        cy.batch(function () {
          cy.edges().forEach(function (e) {
            // without a focus the rows are a list by type: all lines would be a web over it
            if (!focus || level(e.source()) === level(e.target())) e.addClass("zijlijn"); else e.removeClass("zijlijn");
          });
        });
      }
      if (focus) {
        if (!phone) shown.layout({
          name: "concentric", animate: false, fit: true, padding: 36, minNodeSpacing: 28, avoidOverlap: true,
          concentric: function (n) { return s.steps + 1 - (distance[n.id()] || 0); },
          levelWidth: function () { return 1; }
        }).run();
        say("Focus op " + focus.data("label") + ": " + plural(shown.length - 1, "pagina", "pagina's") +
            " binnen " + plural(s.steps, "stap", "stappen") + ".");
      } else {
        if (!phone) cy.nodes().positions(function (n) { return home[n.id()]; });
        if (shown.length && !phone) cy.fit(shown, 36);
        say((shown.length === cy.nodes().length
          ? plural(shown.length, "pagina", "pagina's") + " en " + plural(data.edges.length, "verbinding", "verbindingen") + "."
          : plural(shown.length, "pagina", "pagina's") + " van de " + cy.nodes().length + " zichtbaar.") +
          (phone ? " Kies een pagina bij Focus om te zien waarmee die verbonden is." : ""));
      }
      current = null;
      redrawSoon();
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    Array.prototype.forEach.call(form.querySelectorAll("button[data-zoom]"), function (button) {
      button.addEventListener("click", function () { zoom(button.getAttribute("data-zoom")); });
    });

    function zoom(how) {
      if (how === "fit" && phone) {
        cy.zoom(1);
        cy.pan({ x: 0, y: 0 });
        return;
      }
      if (how === "fit") {
        cy.fit(shownNodes(), 36);
        return;
      }
      var factor = how === "in" ? 1.3 : 1 / 1.3;
      cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 } });
    }

    // Pointer: hover shows a page's neighbours, a click opens the page ----------------------

    function highlight(node) {
      cy.batch(function () {
        cy.elements().removeClass("faded");
        if (node) shownNodes().union(shownNodes().edgesWith(shownNodes())).difference(node.closedNeighborhood()).addClass("faded");
      });
    }

    function open(node) {
      window.location.href = root + node.data("url");
    }

    cy.on("mouseover", "node", function (event) {
      event.target.addClass("hover");
      highlight(event.target);
      canvas.style.cursor = "pointer";
      canvas.title = event.target.data("label");
    });
    cy.on("mouseout", "node", function (event) {
      event.target.removeClass("hover");
      highlight(current);
      canvas.style.cursor = "";
      canvas.title = "";
    });
    cy.on("tap", "node", function (event) { open(event.target); });

    // Keyboard: arrows walk along the visible pages, Enter opens, F focuses, Escape clears ----

    var current = null;

    function ordered() {
      return shownNodes().sort(function (a, b) {
        var ta = (types[a.data("type")] || {}).order || 0, tb = (types[b.data("type")] || {}).order || 0;
        if (a.data("inner") !== b.data("inner")) return a.data("inner") ? -1 : 1;
        if (ta !== tb) return ta - tb;
        return a.data("label").localeCompare(b.data("label"), "nl");
      });
    }

    function choose(node) {
      cy.nodes().removeClass("huidig");
      current = node;
      if (!node) { highlight(null); return; }
      node.addClass("huidig");
      highlight(node);
      var p = node.renderedPosition();
      if (p.x < 0 || p.y < 0 || p.x > canvas.clientWidth || p.y > canvas.clientHeight) cy.center(node);
      var type = (types[node.data("type")] || {}).name || node.data("type");
      var links = node.neighborhood("node").not(".verborgen").length;
      say(node.data("label") + ", " + type.toLowerCase() + (node.data("inner") ? "" : ", buiten de wijk") + ", " +
          plural(links, "verbonden pagina", "verbonden pagina's") + ". Enter opent de pagina, F zet de focus erop.");
    }

    canvas.addEventListener("keydown", function (event) {
      var list = ordered();
      if (!list.length) return;
      var index = current ? list.indexOf(current) : -1;
      var key = event.key;
      if (key === "ArrowRight" || key === "ArrowDown") {
        choose(list[(index + 1) % list.length]);
      } else if (key === "ArrowLeft" || key === "ArrowUp") {
        choose(list[(index - 1 + list.length) % list.length]);
      } else if (key === "Home") {
        choose(list[0]);
      } else if (key === "End") {
        choose(list[list.length - 1]);
      } else if (key === "Enter" && current) {
        open(current);
      } else if (key === "f" || key === "F") {
        // Material opens its search on F (a listener on window): this key is the graph's here.
        if (current) {
          focusSelect.value = current.id();
          apply();
        } else {
          say("Kies eerst een pagina met de pijltjestoetsen, en druk dan op F.");
        }
      } else if (key === "Escape" && focusSelect.value) {
        focusSelect.value = "";
        apply();
      } else if (key === "+" || key === "=") {
        zoom("in");
      } else if (key === "-") {
        zoom("out");
      } else {
        return;
      }
      // A key the graph used goes no further: not to the page's scrolling, and not to Material's
      // keyboard shortcuts (F and S open the search box), so the keyboard user keeps their place.
      event.preventDefault();
      event.stopPropagation();
    });
    canvas.addEventListener("focus", function () {
      if (!current) say("Gebruik de pijltjestoetsen om langs de pagina's te lopen.");
    });

    window.addEventListener("resize", function () {
      cy.resize();
      if (phone) apply();
    });
    // Many pages from elsewhere hide the wijk itself: then they start switched off.
    var outsideBox = form.querySelector('input[name="buiten"]');
    if (outsideBox && outer.length > 60) outsideBox.checked = false;
    focusSelect.value = startFocus();
    apply();
    if (focusSelect.value && window.location.search.indexOf("pagina=") >= 0) figure.scrollIntoView();
  }
})();
