/* Buurtwiki preview for Decap CMS: the entity page as it will be published (title, status badge,
 * summary, facts, body), with the site's own stylesheet. Built with React elements only (`h`),
 * never HTML strings, so nothing a resident types is read as markup. Labels come from the
 * collection configuration, which is generated from the model. */
(function () {
  "use strict";
  if (!window.CMS || !window.h) { return; }
  var h = window.h;
  var HEADER = { titel: 1, samenvatting: 1, status: 1, body: 1 };

  function plain(value) {
    if (value === null || value === undefined) { return ""; }
    if (value.toJS) { value = value.toJS(); }
    if (Array.isArray(value)) {
      return value.map(function (v) { return typeof v === "object" ? Object.values(v || {}).filter(Boolean).join(", ") : String(v); }).join("; ");
    }
    if (typeof value === "object") { return Object.values(value).filter(Boolean).join(", "); }
    return String(value);
  }

  function optionLabel(field, value) {
    var options = field.get("options");
    if (!options) { return null; }
    var found = options.find(function (o) { return o && o.get && o.get("value") === value; });
    return found ? found.get("label") : null;
  }

  function shown(field, value) {
    if (value && value.toJS) { value = value.toJS(); }
    if (field.get("widget") === "select") {
      var values = Array.isArray(value) ? value : [value];
      return values.map(function (v) { return optionLabel(field, v) || String(v); }).join(", ");
    }
    return plain(value);
  }

  function Preview(props) {
    var entry = props.entry;
    var fields = props.fields || props.collection.get("fields");
    var data = entry.get("data");
    var status = data.get("status");
    var statusField = fields.find(function (f) { return f.get("name") === "status"; });
    var rows = [];
    fields.forEach(function (field) {
      var name = field.get("name");
      var value = data.get(name);
      if (HEADER[name] || value === undefined || value === null || value === "" || (value.size === 0)) { return; }
      rows.push(h("div", { key: name, className: "bw-fact bw-fact-" + name },
        h("dt", null, field.get("label")), h("dd", null, shown(field, value))));
    });
    return h("article", { className: "bw-entity" },
      h("header", { className: "bw-entity-header" },
        h("p", { className: "bw-kicker" }, props.collection.get("label_singular") || ""),
        h("h1", null, data.get("titel") || ""),
        status ? h("span", { className: "bw-badge bw-status-" + String(status).replace(/[^a-z-]/g, "") },
          (statusField && optionLabel(statusField, status)) || String(status)) : null,
        data.get("samenvatting") ? h("p", { className: "bw-summary" }, data.get("samenvatting")) : null),
      rows.length ? h("section", { className: "bw-infobox" },
        h("h2", { className: "bw-infobox-title" }, "Feiten"), h("dl", null, rows)) : null,
      h("div", { className: "bw-body" }, props.widgetFor("body")));
  }

  window.CMS.registerPreviewStyle("../assets/buurtwiki/buurtwiki.css");
  var names = JSON.parse((document.getElementById("bw-preview-templates") || {}).textContent || "[]");
  names.forEach(function (name) { window.CMS.registerPreviewTemplate(name, Preview); });
}());
