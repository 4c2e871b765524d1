/* diplokg graph page: draws the graph from the JSON block above, search, type filters, details.
   Text from documents is only ever set with textContent: it is shown, never interpreted. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var body = document.body;
  var byId = new Map();
  data.nodes.forEach(function (n) { byId.set(n.id, n); });
  var edgeById = new Map();
  data.edges.forEach(function (e, i) { e.id = i; edgeById.set(i, e); });
  var hiddenTypes = new Set();

  function el(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }

  function visNode(n) {
    var t = data.types[n.type] || data.types._default;
    return { id: n.id, label: n.short || n.label, x: n.x, y: n.y, size: n.size, shape: t.shape, font: { size: n.font },
             color: { background: t.color, border: t.border, highlight: { background: t.color, border: "#000" },
                      hover: { background: t.color, border: "#000" } },
             hidden: !shown(n) };
  }

  // filters: types (legend), a date range and a forum; a node is shown when it passes all three.
  // A node's dates are [first, last] (a statement: its date); undated nodes are hidden by a date bound.
  var filter = { from: "", to: "", forum: -1 };
  function shown(n) {
    if (hiddenTypes.has(n.type)) return false;
    if (filter.from || filter.to) {
      if (!n.dates) return false;
      if (filter.from && n.dates[1] < filter.from) return false;
      if (filter.to && n.dates[0] > filter.to) return false;
    }
    if (filter.forum >= 0 && (!n.forums || n.forums.indexOf(filter.forum) < 0)) return false;
    return true;
  }

  var nodes = new vis.DataSet(data.nodes.map(visNode));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return { id: e.id, from: e.from, to: e.to, width: e.w || 1, color: { color: data.edgeColors[e.c], opacity: 0.7 },
             arrows: data.directed ? { to: { enabled: true, scaleFactor: 0.45 } } : undefined };
  }));
  var big = data.nodes.length > data.simplifyLimit;
  // Positions come from Python (force-directed layout, then nodes moved apart until labels do not
  // overlap), so the page draws at once and stays still. "physics" lets vis-network move the nodes
  // until they settle; then it stops by itself.
  var physicsOptions = {
    solver: "forceAtlas2Based",
    forceAtlas2Based: { gravitationalConstant: -45, centralGravity: 0.01, springLength: 80, springConstant: 0.05, avoidOverlap: 1 },
    stabilization: { enabled: false },
    minVelocity: 1.5, maxVelocity: 40
  };
  var options = {
    autoResize: true,
    layout: { improvedLayout: false, randomSeed: 7 },
    nodes: { borderWidth: 1, font: { size: 13, face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" },
             scaling: { label: { drawThreshold: 4 } } },
    edges: { smooth: false, selectionWidth: 2, hoverWidth: 1.5 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false },
    physics: Object.assign({}, physicsOptions, { enabled: false })
  };
  var container = document.getElementById("kg-canvas");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var physicsBox = document.getElementById("kg-physics");
  physicsBox.checked = false;
  network.on("stabilized", function () {
    if (physicsBox.checked) { network.setOptions({ physics: { enabled: false } }); physicsBox.checked = false; }
  });
  physicsBox.addEventListener("change", function () {
    network.setOptions({ physics: { enabled: physicsBox.checked } });
  });
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit(); });

  // legend: colour and shape per type, a checkbox each to show or hide that type
  var legend = document.getElementById("kg-legend");
  data.legend.forEach(function (item) {
    var t = data.types[item.type] || data.types._default;
    var lab = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.dataset.type = item.type;
    box.addEventListener("change", function () {
      if (box.checked) hiddenTypes.delete(item.type); else hiddenTypes.add(item.type);
      applyFilters();
    });
    var sym = el("span", t.symbol, "kg-sym");
    sym.style.color = t.color;
    lab.appendChild(box); lab.appendChild(sym);
    lab.appendChild(document.createTextNode(" " + item.type + " (" + item.count + ")"));
    legend.appendChild(lab);
  });

  var fromBox = document.getElementById("kg-from"), toBox = document.getElementById("kg-to");
  var forumBox = document.getElementById("kg-forum"), filterStatus = document.getElementById("kg-filter-status");
  var dated = data.nodes.filter(function (n) { return n.dates; });
  if (dated.length) {
    fromBox.min = toBox.min = dated.reduce(function (a, n) { return n.dates[0] < a ? n.dates[0] : a; }, "9999");
    fromBox.max = toBox.max = dated.reduce(function (a, n) { return n.dates[1] > a ? n.dates[1] : a; }, "0000");
  }
  (data.forums || []).forEach(function (label, i) { var o = el("option", label); o.value = String(i); forumBox.appendChild(o); });
  if (!(data.forums || []).length) document.getElementById("kg-forum-label").hidden = true;
  function applyFilters() {
    filter.from = fromBox.value || ""; filter.to = toBox.value || "";
    filter.forum = forumBox.value === "" ? -1 : Number(forumBox.value);
    var upd = [], visible = 0;
    data.nodes.forEach(function (n) { var s = shown(n); if (s) visible++; upd.push({ id: n.id, hidden: !s }); });
    nodes.update(upd);
    var filtered = filter.from || filter.to || filter.forum >= 0;
    filterStatus.textContent = filtered ? visible + " of " + data.nodes.length + " nodes shown" : "";
    body.dataset.visibleNodes = String(visible);
  }
  [fromBox, toBox, forumBox].forEach(function (x) { x.addEventListener("change", applyFilters); });
  body.dataset.visibleNodes = String(data.nodes.length);

  // the label list for the search box (only for graphs of a reasonable size)
  if (data.nodes.length <= 5000) {
    var list = document.getElementById("kg-labels");
    var seen = new Set();
    data.nodes.forEach(function (n) {
      if (n.type === "Statement" || seen.has(n.label)) return;
      seen.add(n.label);
      var o = el("option"); o.value = n.label; list.appendChild(o);
    });
  }

  // details: type, label, facts and evidence (quoted spans with document and date), as text
  var details = document.getElementById("kg-details");
  function evidenceList(items, total) {
    var frag = document.createDocumentFragment();
    if (!items || !items.length) return frag;
    frag.appendChild(el("h3", "Evidence" + (total > items.length ? " (" + items.length + " of " + total + ")" : "")));
    // [source index], [source index, quote] or [source index, quote, sentence around it];
    // a source is [statement, document, date]
    items.forEach(function (item) {
      var s = data.sources[item[0]] || ["", "", ""];
      var quote = item.length > 1 ? item[1] : s[0];
      frag.appendChild(item.length > 2 ? inSentence(quote, item[2]) : el("blockquote", quote, "kg-quote"));
      var src = [s[1], s[2]].filter(Boolean).join(", ");
      if (s[0] && s[0] !== quote) src += (src ? " — " : "") + s[0];
      frag.appendChild(el("p", src, "kg-source"));
    });
    return frag;
  }
  function inSentence(quote, sentence) {  // the sentence, its quoted words marked (as text, never as HTML)
    var q = el("blockquote", null, "kg-quote");
    quote = quote.replace(/\s+/g, " ");  // as the sentence is written
    var at = sentence.indexOf(quote);
    if (at < 0) { q.textContent = sentence; return q; }
    q.appendChild(document.createTextNode(sentence.slice(0, at)));
    q.appendChild(el("mark", quote));
    q.appendChild(document.createTextNode(sentence.slice(at + quote.length)));
    return q;
  }
  function facts(rows) {
    var dl = el("dl");
    rows.forEach(function (r) { if (r[1] === "" || r[1] === undefined || r[1] === null) return;
      dl.appendChild(el("dt", r[0])); dl.appendChild(el("dd", r[1])); });
    return dl;
  }
  function showNode(id) {
    var n = byId.get(id); if (!n) return;
    details.replaceChildren();
    var ty = el("div", n.type, "kg-type"); ty.style.color = (data.types[n.type] || data.types._default).color;
    details.appendChild(ty);
    details.appendChild(el("h2", n.label));
    details.appendChild(facts((n.facts || []).concat([["links", String(network.getConnectedEdges(id).length)], ["IRI", n.iri]])));
    details.appendChild(evidenceList(n.evidence || [], n.evidenceCount || (n.evidence || []).length));
    body.dataset.shown = n.label;
  }
  function showEdge(id) {
    var e = edgeById.get(id); if (!e) return;
    var a = byId.get(e.from), b = byId.get(e.to);
    details.replaceChildren();
    details.appendChild(el("div", "link", "kg-type"));
    details.appendChild(el("h2", data.edgeLabels[e.l]));
    details.appendChild(facts([["from", a ? a.label : ""], ["to", b ? b.label : ""]].concat(e.facts || [])));
    details.appendChild(evidenceList(e.evidence || [], e.evidenceCount || (e.evidence || []).length));
  }
  var pinned = false;
  network.on("hoverNode", function (p) { if (!pinned) showNode(p.node); });
  network.on("hoverEdge", function (p) { if (!pinned) showEdge(p.edge); });
  network.on("click", function (p) {
    if (p.nodes.length) { pinned = true; showNode(p.nodes[0]); }
    else if (p.edges.length) { pinned = true; showEdge(p.edges[0]); }
    else { pinned = false; }
  });

  // search: exact label first, then a label starting with the text, then containing it; most links wins
  var status = document.getElementById("kg-search-status");
  function search(text) {
    var q = String(text || "").trim().toLocaleLowerCase();
    if (!q) return null;
    var best = null, bestRank = -1, bestDeg = -1;
    data.nodes.forEach(function (n) {
      if (!shown(n)) return;
      var l = n.label.toLocaleLowerCase();
      var rank = l === q ? 3 : l.indexOf(q) === 0 ? 2 : l.indexOf(q) >= 0 ? 1 : 0;
      if (rank > bestRank || (rank === bestRank && rank > 0 && n.degree > bestDeg)) {
        if (rank > 0) { best = n; bestRank = rank; bestDeg = n.degree; }
      }
    });
    if (!best) {
      status.textContent = "no node matches “" + text + "”";
      body.dataset.searchResult = "";
      return null;
    }
    network.selectNodes([best.id]);
    network.focus(best.id, { scale: Math.max(network.getScale(), 1.0), animation: false });
    pinned = true;
    showNode(best.id);
    status.textContent = "found: " + best.label;
    body.dataset.searchResult = best.label;
    return best;
  }
  document.getElementById("kg-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(document.getElementById("kg-search").value);
  });
  function hashValue(name) {
    var m = new RegExp("(?:^#|&)" + name + "=([^&]*)").exec(location.hash);
    return m ? decodeURIComponent(m[1].replace(/\+/g, " ")) : null;
  }
  function day(text, end) {  // 2020, 2020-06 or 2020-06-30 as a day: the first of the period, or the last with end
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text || "");
    if (!m) return "";
    if (m[3]) return text;
    var month = m[2] || (end ? "12" : "01");
    var last = new Date(Date.UTC(Number(m[1]), Number(month), 0)).getUTCDate();
    return m[1] + "-" + month + "-" + (end ? String(last) : "01");
  }
  function fromHash() {
    var from = hashValue("from"), to = hashValue("to"), forum = hashValue("forum");
    if (from !== null || to !== null || forum !== null) {
      if (from !== null) fromBox.value = day(from, false);
      if (to !== null) toBox.value = day(to, true);
      if (forum !== null) forumBox.value = String((data.forums || []).indexOf(forum));
      if (forumBox.selectedIndex < 0) forumBox.value = "";
      applyFilters();
    }
    var m = /(?:^#|&)search=([^&]*)/.exec(location.hash);
    if (m) {
      var text = decodeURIComponent(m[1].replace(/\+/g, " "));
      document.getElementById("kg-search").value = text;
      search(text);
    }
  }
  window.addEventListener("hashchange", fromHash);

  // how many pairs of drawn labels overlap (what the layout's label spreading is checked by); big graphs: -1
  function labelOverlaps() {
    if (data.nodes.length > 1000 || !network.body || !network.body.nodes) return -1;
    var boxes = [];
    data.nodes.forEach(function (n) {
      var b = network.body.nodes[n.id], s = b && b.labelModule && b.labelModule.size;
      if (s && s.width > 0 && !b.options.hidden) boxes.push([s.left, s.top, s.left + s.width, s.top + s.height]);
    });
    var count = 0;
    for (var i = 0; i < boxes.length; i++) {
      for (var j = i + 1; j < boxes.length; j++) {
        var a = boxes[i], b = boxes[j];
        if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) count++;
      }
    }
    return count;
  }

  network.once("afterDrawing", function () {
    document.getElementById("kg-loading").remove();
    body.dataset.drawnNodes = String(Object.keys(network.getPositions()).length);
    body.dataset.drawnEdges = String(edges.length);
    body.dataset.labelOverlaps = String(labelOverlaps());
    body.dataset.ready = "1";
    fromHash();
  });
})();
