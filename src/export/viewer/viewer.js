// The kgexport graph viewer: draws the embedded graph on a canvas at the
// positions kgexport's layout gave, with pan, zoom, a legend, a search by
// name and a details panel. Written for kgexport, no library. Every text
// from the data reaches the page through textContent, never as HTML.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = data.nodes, edges = data.edges;
  var canvas = document.getElementById("graph");
  var ctx = canvas.getContext("2d");
  var colour = {};
  data.kinds.forEach(function (k) { colour[k.kind] = k.colour; });
  var hiddenKinds = {};
  var incident = nodes.map(function () { return []; });
  edges.forEach(function (e, i) {
    incident[e.source].push(i);
    if (e.target !== e.source) incident[e.target].push(i);
  });
  // world (x, y up) to screen (CSS pixels, y down): s = w * scale + offset
  var view = { scale: 1, x: 0, y: 0, fitScale: 1 };
  var selected = null; // { type: "node" | "edge", index }
  var width = 0, height = 0;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }

  function screenX(n) { return n.x * view.scale + view.x; }
  function screenY(n) { return -n.y * view.scale + view.y; }
  function visible(n) { return !hiddenKinds[n.kind]; }
  function radius(n) {
    var zoom = Math.sqrt(view.scale / view.fitScale);
    return (n.size / 3) * Math.min(2.5, Math.max(0.6, zoom));
  }

  function resize() {
    var dpr = window.devicePixelRatio || 1;
    width = canvas.clientWidth;
    height = canvas.clientHeight;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  }

  function fit() {
    if (nodes.length === 0) { view.scale = view.fitScale = 1; view.x = width / 2; view.y = height / 2; return; }
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    nodes.forEach(function (n) {
      minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x);
      minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y);
    });
    var margin = 40;
    var scale = Math.min((width - 2 * margin) / Math.max(maxX - minX, 1),
                         (height - 2 * margin) / Math.max(maxY - minY, 1));
    view.scale = view.fitScale = scale > 0 ? scale : 1;
    view.x = width / 2 - ((minX + maxX) / 2) * view.scale;
    view.y = height / 2 + ((minY + maxY) / 2) * view.scale;
  }

  var pending = false;
  function redraw() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; draw(); });
  }

  function isHighlighted(edgeIndex) {
    if (!selected) return false;
    if (selected.type === "edge") return selected.index === edgeIndex;
    var e = edges[edgeIndex];
    return e.source === selected.index || e.target === selected.index;
  }

  function drawEdge(e, strong) {
    var s = nodes[e.source], t = nodes[e.target];
    var x1 = screenX(s), y1 = screenY(s), x2 = screenX(t), y2 = screenY(t);
    ctx.strokeStyle = strong ? "rgba(20,20,20,0.85)" : "rgba(120,120,120,0.35)";
    ctx.lineWidth = strong ? 2 : 1;
    ctx.beginPath(); ctx.moveTo(x1, y1); ctx.lineTo(x2, y2); ctx.stroke();
    var dx = x2 - x1, dy = y2 - y1, len = Math.sqrt(dx * dx + dy * dy);
    if (len < 1) return;
    // arrowhead at the target's rim
    var ux = dx / len, uy = dy / len, r = radius(t), ax = x2 - ux * r, ay = y2 - uy * r, a = strong ? 9 : 6;
    ctx.fillStyle = ctx.strokeStyle;
    ctx.beginPath();
    ctx.moveTo(ax, ay);
    ctx.lineTo(ax - ux * a - uy * a / 2, ay - uy * a + ux * a / 2);
    ctx.lineTo(ax - ux * a + uy * a / 2, ay - uy * a - ux * a / 2);
    ctx.fill();
    if (strong) {
      ctx.fillStyle = "#222";
      ctx.font = "11px system-ui, 'DejaVu Sans', sans-serif";
      ctx.textAlign = "center";
      ctx.fillText(e.relation, (x1 + x2) / 2, (y1 + y2) / 2 - 4);
    }
  }

  function draw() {
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    var strong = [];
    edges.forEach(function (e, i) {
      if (!visible(nodes[e.source]) || !visible(nodes[e.target])) return;
      if (isHighlighted(i)) strong.push(e); else drawEdge(e, false);
    });
    strong.forEach(function (e) { drawEdge(e, true); });
    var labelled = [];
    nodes.forEach(function (n, i) {
      if (!visible(n)) return;
      var x = screenX(n), y = screenY(n), r = radius(n);
      if (x < -r || y < -r || x > width + r || y > height + r) return;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = colour[n.kind] || "#999999";
      ctx.fill();
      var isSelected = selected && selected.type === "node" && selected.index === i;
      ctx.lineWidth = isSelected ? 3 : 1;
      ctx.strokeStyle = isSelected ? "#000000" : "#ffffff";
      ctx.stroke();
      if (isSelected || r >= 8 || view.scale > 2.5 * view.fitScale) labelled.push(n);
    });
    ctx.font = "12px system-ui, 'DejaVu Sans', sans-serif";
    ctx.textAlign = "left";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "rgba(255,255,255,0.85)";
    ctx.fillStyle = "#111111";
    labelled.slice(0, 400).forEach(function (n) {
      var x = screenX(n) + radius(n) + 3, y = screenY(n) + 4;
      var text = n.label.length > 32 ? n.label.slice(0, 31) + "\u2026" : n.label;
      ctx.strokeText(text, x, y);
      ctx.fillText(text, x, y);
    });
  }

  // what is at (x, y) in CSS pixels of the canvas: a node first, else an edge
  function hit(x, y) {
    for (var i = nodes.length - 1; i >= 0; i--) {
      var n = nodes[i];
      if (!visible(n)) continue;
      var dx = screenX(n) - x, dy = screenY(n) - y, r = radius(n) + 2;
      if (dx * dx + dy * dy <= r * r) return { type: "node", index: i };
    }
    var best = null, bestDistance = 5;
    edges.forEach(function (e, i) {
      var s = nodes[e.source], t = nodes[e.target];
      if (!visible(s) || !visible(t)) return;
      var d = segmentDistance(x, y, screenX(s), screenY(s), screenX(t), screenY(t));
      if (d < bestDistance) { bestDistance = d; best = { type: "edge", index: i }; }
    });
    return best;
  }

  function segmentDistance(px, py, x1, y1, x2, y2) {
    var dx = x2 - x1, dy = y2 - y1, len2 = dx * dx + dy * dy;
    var t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
    var cx = x1 + t * dx - px, cy = y1 + t * dy - py;
    return Math.sqrt(cx * cx + cy * cy);
  }

  function list(title, items, parent) {
    if (items.length === 0) return;
    parent.appendChild(el("h3", title));
    var ul = el("ul");
    items.forEach(function (item) { ul.appendChild(el("li", item)); });
    parent.appendChild(ul);
  }

  function kindLine(kind) {
    var p = el("p");
    var swatch = el("span", undefined, "swatch");
    swatch.style.background = colour[kind] || "#999999";
    p.appendChild(swatch);
    p.appendChild(document.createTextNode(kind));
    return p;
  }

  function showDetails() {
    var panel = document.getElementById("details");
    panel.textContent = "";
    if (!selected) { panel.appendChild(el("p", "Nothing selected.", "hint")); return; }
    if (selected.type === "node") {
      var n = nodes[selected.index];
      panel.appendChild(el("h2", n.label));
      panel.appendChild(kindLine(n.kind));
      panel.appendChild(el("p", n.id, "id"));
      if (n.label_en) list("English", [n.label_en], panel);
      list("Aliases", n.aliases, panel);
      list("Sources", n.sources, panel);
      var rel = incident[selected.index];
      if (rel.length) {
        panel.appendChild(el("h3", "Relations (" + rel.length + ")"));
        rel.forEach(function (i) {
          var e = edges[i];
          var outgoing = e.source === selected.index;
          var other = nodes[outgoing ? e.target : e.source];
          var item = el("div", undefined, "relation");
          // this node -relation-> other, or other -relation-> this node
          item.appendChild(el("strong", outgoing ? "\u2192 " + e.relation + " \u2192 " + other.label
                                                 : "\u2190 " + e.relation + " \u2190 " + other.label));
          item.appendChild(el("blockquote", e.sentence));
          item.addEventListener("click", function () { select({ type: "edge", index: i }); });
          panel.appendChild(item);
        });
      }
    } else {
      var e = edges[selected.index];
      var s = nodes[e.source], t = nodes[e.target];
      panel.appendChild(el("h2", s.label + " \u2014" + e.relation + "\u2192 " + t.label));
      panel.appendChild(el("p", "confidence " + e.confidence));
      list("Sources", e.sources, panel);
      panel.appendChild(el("h3", "Evidence"));
      panel.appendChild(el("blockquote", e.sentence));
      [s, t].forEach(function (n) {
        var item = el("div", undefined, "relation");
        item.appendChild(el("strong", n.label + " (" + n.kind + ")"));
        item.addEventListener("click", function () { select({ type: "node", index: nodes.indexOf(n) }); });
        panel.appendChild(item);
      });
    }
  }

  function select(what) {
    selected = what;
    showDetails();
    redraw();
  }

  function centreOn(n) {
    view.x = width / 2 - n.x * view.scale;
    view.y = height / 2 + n.y * view.scale;
  }

  // search: labels, English labels and aliases, ignoring case and diacritics
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u0111\u0110]/g, "d").toLowerCase();
  }
  var names = nodes.map(function (n) {
    return [n.label].concat(n.label_en ? [n.label_en] : [], n.aliases).map(fold);
  });
  var search = document.getElementById("search");
  var results = document.getElementById("results");
  var matches = [];
  function find(query) {
    var q = fold(query.trim());
    if (!q) return [];
    var found = [];
    for (var i = 0; i < nodes.length && found.length < 50; i++) {
      var rank = -1;
      names[i].forEach(function (name, k) {
        var at = name.indexOf(q);
        if (at >= 0) {
          var r = (at === 0 ? 0 : 2) + (k === 0 ? 0 : 1);
          if (rank < 0 || r < rank) rank = r;
        }
      });
      if (rank >= 0) found.push({ index: i, rank: rank });
    }
    found.sort(function (a, b) { return a.rank - b.rank || a.index - b.index; });
    return found.slice(0, 20).map(function (f) { return f.index; });
  }
  function choose(i) {
    results.hidden = true;
    search.value = nodes[i].label;
    view.scale = Math.max(view.scale, 2 * view.fitScale);
    centreOn(nodes[i]);
    select({ type: "node", index: i });
  }
  search.addEventListener("input", function () {
    matches = find(search.value);
    results.textContent = "";
    matches.forEach(function (i, k) {
      var li = el("li", nodes[i].label + " ", k === 0 ? "active" : "");
      li.appendChild(el("span", nodes[i].kind, "kind"));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(i); });
      results.appendChild(li);
    });
    results.hidden = matches.length === 0;
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && matches.length) choose(matches[0]);
    if (ev.key === "Escape") results.hidden = true;
  });
  search.addEventListener("blur", function () { results.hidden = true; });

  // legend: one line per kind, a click hides or shows the kind
  var legend = document.getElementById("legend");
  data.kinds.forEach(function (k) {
    var li = el("li");
    var swatch = el("span", undefined, "swatch");
    swatch.style.background = k.colour;
    li.appendChild(swatch);
    li.appendChild(document.createTextNode(k.kind + " (" + k.count + ")"));
    li.addEventListener("click", function () {
      hiddenKinds[k.kind] = !hiddenKinds[k.kind];
      li.className = hiddenKinds[k.kind] ? "off" : "";
      redraw();
    });
    legend.appendChild(li);
  });
  document.getElementById("summary").textContent =
    nodes.length + " nodes, " + edges.length + " edges";

  // pan by dragging, zoom with the wheel, select by clicking
  var drag = null;
  canvas.addEventListener("mousedown", function (ev) {
    drag = { x: ev.clientX, y: ev.clientY, viewX: view.x, viewY: view.y, moved: false };
    canvas.style.cursor = "grabbing";
  });
  window.addEventListener("mousemove", function (ev) {
    if (!drag) return;
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
    if (drag.moved) { view.x = drag.viewX + dx; view.y = drag.viewY + dy; redraw(); }
  });
  window.addEventListener("mouseup", function (ev) {
    if (!drag) return;
    var wasClick = !drag.moved;
    drag = null;
    canvas.style.cursor = "grab";
    if (wasClick && ev.target === canvas) {
      var box = canvas.getBoundingClientRect();
      select(hit(ev.clientX - box.left, ev.clientY - box.top));
    }
  });
  canvas.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var box = canvas.getBoundingClientRect();
    var mx = ev.clientX - box.left, my = ev.clientY - box.top;
    var factor = Math.exp(-ev.deltaY * 0.0015);
    view.x = mx - (mx - view.x) * factor;
    view.y = my - (my - view.y) * factor;
    view.scale *= factor;
    redraw();
  }, { passive: false });
  window.addEventListener("resize", function () { resize(); fit(); redraw(); });

  resize();
  fit();
  draw();

  // for tests and the console: where a node or edge is on the page
  window.kgViewer = {
    nodeCount: nodes.length,
    edgeCount: edges.length,
    nodePosition: function (id) {
      var i = nodes.findIndex(function (n) { return n.id === id; });
      if (i < 0) return null;
      var box = canvas.getBoundingClientRect();
      return { x: box.left + screenX(nodes[i]), y: box.top + screenY(nodes[i]) };
    },
    // a point on edge i that hits the edge and no node, or null
    edgePoint: function (i) {
      var e = edges[i], s = nodes[e.source], t = nodes[e.target];
      var box = canvas.getBoundingClientRect();
      for (var f = 0.5; f > 0.05; f -= 0.05) {
        var x = screenX(s) + f * (screenX(t) - screenX(s)), y = screenY(s) + f * (screenY(t) - screenY(s));
        var h = hit(x, y);
        if (h && h.type === "edge" && h.index === i) return { x: box.left + x, y: box.top + y };
      }
      return null;
    },
    ready: true
  };
})();
