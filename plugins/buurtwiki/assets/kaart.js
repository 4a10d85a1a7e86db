/* Buurtwiki maps: turns a list of places (ul.bw-map-places) into Leaflet markers.
 * Without JavaScript the list is the map. Markers are focusable buttons; Enter opens the popup.
 * One-finger scrolling passes the page on phones (no dragging on touch; two fingers zoom).
 * The only host contacted is the tile host in data-tiles (none when it is absent). */
(function () {
  "use strict";
  var COLOURS = { open: "#2e7d32", bedreigd: "#b26a00", gesloten: "#616161", tijdelijk: "#1565c0" };

  function marker(item, L) {
    var lat = parseFloat(item.getAttribute("data-lat"));
    var lon = parseFloat(item.getAttribute("data-lon"));
    if (!isFinite(lat) || !isFinite(lon)) return null;
    var status = item.getAttribute("data-status") || "";
    var link = item.querySelector("a");
    var title = link ? link.textContent : "";
    var icon = L.divIcon({
      className: "bw-marker bw-marker-" + status,
      html: '<span class="bw-marker-dot"></span>',
      iconSize: [44, 44],
      iconAnchor: [22, 22],
      popupAnchor: [0, -14]
    });
    var m = L.marker([lat, lon], { icon: icon, title: title, alt: title, keyboard: true });
    var content = document.createElement("div");
    content.className = "bw-popup";
    for (var i = 0; i < item.children.length; i++) content.appendChild(item.children[i].cloneNode(true));
    m.bindPopup(content);
    m.on("add", function () {
      var el = m.getElement();
      if (el) {
        el.setAttribute("aria-label", title + (status ? " (" + status + ")" : ""));
        el.style.setProperty("--bw-marker", COLOURS[status] || "#37474f");
      }
    });
    return m;
  }

  function init(box) {
    var L = window.L;
    if (!L) return;
    var list = document.getElementById(box.getAttribute("data-list"));
    var items = list ? list.querySelectorAll("li[data-lat]") : [];
    var areas = [];
    var script = box.querySelector("script.bw-map-areas");
    try { areas = JSON.parse(script ? script.textContent : "[]"); } catch (e) { areas = []; }
    if (!items.length && !areas.length) return;
    box.hidden = false;
    var touch = L.Browser.mobile || L.Browser.touch && !L.Browser.pointer;
    var map = L.map(box, {
      scrollWheelZoom: false,
      dragging: !touch,
      tap: false,
      keyboard: true,
      attributionControl: true,
      zoomSnap: 0.5
    });
    map.attributionControl.setPrefix(false);
    var tiles = box.getAttribute("data-tiles");
    if (tiles) {
      L.tileLayer(tiles, {
        maxZoom: parseInt(box.getAttribute("data-max-zoom") || "19", 10),
        attribution: box.getAttribute("data-attribution") || ""
      }).addTo(map);
    }
    var group = L.featureGroup().addTo(map);
    if (areas.length) {
      L.geoJSON(areas, { style: { color: "#37474f", weight: 2, fillOpacity: 0.05 }, interactive: false }).addTo(group);
    }
    for (var i = 0; i < items.length; i++) {
      var m = marker(items[i], L);
      if (m) m.addTo(group);
    }
    var bounds = group.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 17 });
    else map.setView([52.1, 5.3], 7);
  }

  function start() {
    var boxes = document.querySelectorAll(".bw-map[data-list]");
    for (var i = 0; i < boxes.length; i++) init(boxes[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
