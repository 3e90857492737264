// imrnet html: the interactive page. Data text is always set with textContent, never as HTML.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("imrnet-data").textContent);
  var STATUSES = ["reported", "alleged", "disputed", "planned"];
  var KINDS = ["affiliation", "adversarial", "coverage"];
  var LINE = { reported: "solid", alleged: "dashed", disputed: "dotted", planned: "dashed" };
  var KIND_COLOUR = { affiliation: "#8a8a8a", adversarial: "#c0392b", coverage: "#2e86c1" };

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function years(text, last) {
    // first or last year a partial date covers
    return text ? parseInt(String(text).slice(0, 4), 10) : (last ? Infinity : -Infinity);
  }

  var degree = {};
  DATA.elements.edges.forEach(function (e) {
    degree[e.data.source] = (degree[e.data.source] || 0) + 1;
    degree[e.data.target] = (degree[e.data.target] || 0) + 1;
  });
  DATA.elements.nodes.forEach(function (n) {
    n.data.size = 18 + 7 * Math.sqrt(degree[n.data.id] || 0);
    n.position = DATA.positions[n.data.id];
  });

  var cy = cytoscape({
    container: document.getElementById("cy"),
    elements: DATA.elements,
    layout: { name: "preset", fit: true, padding: 30 },
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 6,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", "label": "data(name)", "width": "data(size)",
        "height": "data(size)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3,
        "text-wrap": "wrap", "text-max-width": 120, "text-background-color": "#fff",
        "text-background-opacity": 0.7, "border-width": 1.5, "border-color": "#fff" } },
      { selector: "edge", style: {
        "width": 1.6, "curve-style": "bezier", "line-color": function (e) { return KIND_COLOUR[e.data("kind")]; },
        "target-arrow-color": function (e) { return KIND_COLOUR[e.data("kind")]; },
        "target-arrow-shape": function (e) { return e.data("symmetric") ? "none" : "triangle"; },
        "line-style": function (e) { return LINE[e.data("status")]; }, "opacity": 0.8,
        "label": "", "font-size": 8, "color": "#444" } },
      { selector: "edge.show-label, node:selected ~ edge", style: { "label": "data(label)" } },
      { selector: "node:selected", style: { "border-color": "#111", "border-width": 3 } },
      { selector: ".match", style: { "border-color": "#ff0", "border-width": 4 } },
      { selector: ".filtered", style: { "display": "none" } }
    ]
  });
  window.imrnet = { cy: cy };

  document.getElementById("title").textContent = DATA.title;
  document.title = DATA.title;
  document.getElementById("about").textContent = DATA.about;

  var legend = document.getElementById("legend");
  Object.keys(DATA.colours).forEach(function (type) {
    if (!cy.nodes().some(function (n) { return n.data("type") === type; })) return;
    var item = el("span");
    var dot = el("span", null, "dot");
    dot.style.background = DATA.colours[type];
    item.appendChild(dot);
    item.appendChild(document.createTextNode(type.replace("_", " ")));
    legend.appendChild(item);
  });

  function checkboxes(holder, values, name) {
    values.forEach(function (value) {
      var label = el("label");
      var box = el("input");
      box.type = "checkbox"; box.checked = true; box.value = value; box.name = name;
      box.addEventListener("change", applyFilters);
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + value));
      holder.appendChild(label);
    });
  }
  checkboxes(document.getElementById("status-filter"), STATUSES, "status");
  checkboxes(document.getElementById("kind-filter"), KINDS, "kind");

  // The year slider: its lowest position shows every link; year Y shows the
  // links whose effective time meets Y (as `--since Y --until Y`: acts dated
  // in Y, states holding during Y); links that cannot be placed are hidden.
  var slider = document.getElementById("year");
  var dated = [];
  cy.edges().forEach(function (e) {
    var t = e.data("time");
    [t.start, t.end].forEach(function (d) { if (d) dated.push(years(d)); });
  });
  var first = dated.length ? Math.min.apply(null, dated) : 2000;
  var last = dated.length ? Math.max.apply(null, dated) : 2000;
  slider.min = first - 1; slider.max = last; slider.value = first - 1;

  function checked(name) {
    var out = {};
    document.querySelectorAll("input[name=" + name + "]").forEach(function (b) { out[b.value] = b.checked; });
    return out;
  }
  function applyFilters() {
    var statuses = checked("status"), kinds = checked("kind");
    var year = parseInt(slider.value, 10);
    var all = year < first;
    document.getElementById("year-label").textContent = all ? "all years" : String(year);
    cy.batch(function () {
      cy.edges().forEach(function (e) {
        var t = e.data("time");
        var keep = statuses[e.data("status")] && kinds[e.data("kind")] &&
          (all || ((t.start || t.end) && years(t.start, false) <= year && years(t.end, true) >= year));
        e.toggleClass("filtered", !keep);
      });
    });
    var shown = cy.edges().filter(function (e) { return !e.hasClass("filtered"); }).length;
    document.getElementById("counts").textContent =
      cy.nodes().length + " entities, " + shown + " of " + cy.edges().length + " links shown";
  }
  slider.addEventListener("input", applyFilters);
  applyFilters();

  function when(link) {
    var s = link.start, e = link.end, t = link.time;
    if (!s && !e) {
      if (t && t.basis === "event") return t.start + " (the event's date)";
      if (t && t.basis === "entities") return "≥" + t.start;
      return "undated";
    }
    if (s && e) return s === e ? s : s + " – " + e;
    if (s && t && t.timing === "act") return s;
    return s ? "since " + s : "until " + e;
  }
  function sources(list) {
    return (list || []).map(function (c) { return c.locator ? c.id + " (" + c.locator + ")" : c.id; }).join("; ");
  }
  function line(card, label, value) {
    if (value === null || value === undefined || value === "" || (value.length === 0)) return;
    var p = el("p");
    p.appendChild(el("strong", label + ": "));
    p.appendChild(document.createTextNode(Array.isArray(value) ? value.join(", ") : value));
    card.appendChild(p);
  }

  function showCard(node) {
    var d = node.data();
    var card = document.getElementById("card");
    card.replaceChildren();
    card.appendChild(el("h2", d.name));
    card.appendChild(el("p", d.type.replace("_", " ") + " · " + d.id, "muted"));
    line(card, "Also known as", d.aliases);
    line(card, "Dates", d.dates);
    line(card, "Country", d.country);
    line(card, "Place", d.place);
    line(card, "Tags", d.tags);
    if (d.summary) card.appendChild(el("p", d.summary));
    line(card, "Sources", sources(d.sources));
    var edges = node.connectedEdges();
    card.appendChild(el("h3", "Links (" + edges.length + ")"));
    var list = el("ul", null, "links");
    edges.forEach(function (e) {
      var l = e.data();
      var other = cy.getElementById(l.source === d.id ? l.target : l.source).data("name");
      var text = l.source === d.id ? d.name + " " + l.label + " " + other : other + " " + l.label + " " + d.name;
      var item = el("li", null, "status-" + l.status);
      item.appendChild(el("span", text));
      item.appendChild(el("span", " — " + l.status + ", " + when(l) +
        (l.amount !== null && l.amount !== undefined ? ", " + l.amount + " " + (l.currency || "") : ""), "muted"));
      if (l.summary) item.appendChild(el("div", l.summary));
      if (l.sources && l.sources.length) item.appendChild(el("div", "Sources: " + sources(l.sources), "muted"));
      if (e.hasClass("filtered")) item.appendChild(el("div", "(hidden by the filters)", "muted"));
      list.appendChild(item);
    });
    card.appendChild(list);
  }
  cy.on("tap", "node", function (evt) {
    cy.elements().unselect();
    evt.target.select();
    showCard(evt.target);
  });

  document.getElementById("search").addEventListener("input", function (evt) {
    var q = fold(evt.target.value.trim());
    cy.nodes().removeClass("match");
    if (q.length < 2) return;
    var found = cy.nodes().filter(function (n) {
      var d = n.data();
      return [d.name, d.id].concat(d.aliases || []).some(function (t) { return fold(t).indexOf(q) >= 0; });
    });
    found.addClass("match");
    if (found.length) {
      cy.elements().unselect();
      found[0].select();
      showCard(found[0]);
      cy.animate({ center: { eles: found[0] } }, { duration: 200 });
    }
  });
})();
