/* newsgraph map: draws the graph in #ng-data (SCHEMA.md objects, each node
 * with its Graphviz position) as SVG and adds the interaction: pan and
 * zoom, hover neighbourhoods, node and edge panels, search, filters (the
 * legends are filters too), and the view kept in the URL fragment. Every
 * text from the graph goes into the page as text (textContent, attribute
 * values), never as markup. */
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var TYPE_COLOURS = {person: '#fdb97d', state: '#8fb8de', organization: '#9fd494', company: '#f5dd6b',
    agreement: '#d0d0d0', location: '#c9ad7f', group: '#c9a3d4'};
  var REL_COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#9c755f', '#ff9da7',
    '#79706e', '#86bcb6', '#d37295', '#8cd17d'];
  var DIFF_COLOURS = {added: '#2e7d32', removed: '#c62828', changed: '#ef6c00', unchanged: '#9e9e9e'};
  var NEGATED_COLOUR = '#c62828';
  var MODALITIES = ['asserted', 'reported', 'expected', 'hypothetical'];
  var EDGE_LABELS_UP_TO = 150;

  var data = JSON.parse(document.getElementById('ng-data').textContent);
  var nodes = data.nodes, edges = data.edges, byId = Object.create(null), articles = Object.create(null);
  var $ = function (id) { return document.getElementById(id); };
  var svg = $('map'), viewport = $('viewport');

  nodes.forEach(function (n, i) { byId[n.id] = i; n.edges = []; });
  data.articles.forEach(function (a) { articles[a.id] = a; });
  edges.forEach(function (e, i) {
    e.s = byId[e.source];
    e.t = byId[e.target];
    nodes[e.s].edges.push(i);
    if (e.t !== e.s) nodes[e.t].edges.push(i);
    e.when = edgeDate(e);
  });

  /* An edge's date for the date filter: its own when it names a year
   * (not "--05-16"), else the earliest of its articles' dates. */
  function edgeDate(e) {
    if (e.date && /^[0-9]{4}/.test(e.date)) return e.date;
    var best = null;
    e.evidence.forEach(function (v) {
      var a = articles[v.article];
      if (a && a.date && (!best || a.date < best)) best = a.date;
    });
    return best;
  }

  /* ---- Elements, built from text only ---- */
  function html(tag, text, cls) {
    var x = document.createElement(tag);
    if (text !== undefined && text !== null) x.textContent = String(text);
    if (cls) x.className = cls;
    return x;
  }
  function svgEl(tag, attrs) {
    var x = document.createElementNS(SVG, tag);
    for (var k in attrs) x.setAttribute(k, attrs[k]);
    return x;
  }
  function count(list, key) {
    var c = {};
    list.forEach(function (x) { c[x[key]] = (c[x[key]] || 0) + 1; });
    return c;
  }

  var relTypes = Object.keys(count(edges, 'type')).sort();
  var relColour = {};
  relTypes.forEach(function (t, i) { relColour[t] = REL_COLOURS[i % REL_COLOURS.length]; });

  function edgeColour(e) {
    if (data.diff) return DIFF_COLOURS[e.diff] || DIFF_COLOURS.unchanged;
    return e.negated ? NEGATED_COLOUR : relColour[e.type];
  }

  /* ---- Drawing ---- */
  var markers = {};
  function marker(colour) {
    if (markers[colour]) return markers[colour];
    var id = 'arrow' + Object.keys(markers).length;
    var m = svgEl('marker', {id: id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7,
      orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse'});
    m.appendChild(svgEl('path', {d: 'M0,1 L10,5 L0,9 z', fill: colour}));
    $('markers').appendChild(m);
    return (markers[colour] = 'url(#' + id + ')');
  }

  function radius(n) { return 5 + 2.5 * Math.log2(1 + n.edges.length); }

  /* Edges between the same two nodes fan out as curves of growing bend. */
  function edgeGeometry() {
    var pairs = {};
    edges.forEach(function (e, i) {
      var key = e.s < e.t ? e.s + ' ' + e.t : e.t + ' ' + e.s;
      (pairs[key] = pairs[key] || []).push(i);
    });
    Object.keys(pairs).forEach(function (key) {
      var list = pairs[key];
      list.forEach(function (i, k) { edges[i].bend = (k - (list.length - 1) / 2) * 18; });
    });
  }

  function edgePath(e) {
    var a = nodes[e.s], b = nodes[e.t];
    if (e.s === e.t) {
      var r = radius(a);
      return {d: 'M' + (a.x) + ',' + (-a.y - r) + ' a' + r + ',' + r + ' 0 1,1 ' + r + ',' + r, mx: a.x + 2 * r, my: -a.y - 2 * r};
    }
    var x1 = a.x, y1 = -a.y, x2 = b.x, y2 = -b.y, dx = x2 - x1, dy = y2 - y1, len = Math.hypot(dx, dy) || 1;
    var sign = e.s < e.t ? 1 : -1;
    var cx = (x1 + x2) / 2 - dy / len * e.bend * sign, cy = (y1 + y2) / 2 + dx / len * e.bend * sign;
    var ex = x2 - cx, ey = y2 - cy, el = Math.hypot(ex, ey) || 1, rb = radius(b) + 1;
    var sx = x1 - cx, sy = y1 - cy, sl = Math.hypot(sx, sy) || 1, ra = radius(a) + 1;
    var tx = x2 - ex / el * rb, ty = y2 - ey / el * rb, fx = x1 - sx / sl * ra, fy = y1 - sy / sl * ra;
    return {d: 'M' + fx.toFixed(1) + ',' + fy.toFixed(1) + ' Q' + cx.toFixed(1) + ',' + cy.toFixed(1) + ' ' +
      tx.toFixed(1) + ',' + ty.toFixed(1), mx: (x1 + 2 * cx + x2) / 4, my: (y1 + 2 * cy + y2) / 4};
  }

  function drawEdges() {
    var frag = document.createDocumentFragment(), labels = edges.length <= EDGE_LABELS_UP_TO;
    edges.forEach(function (e, i) {
      var g = svgEl('g', {'class': 'edge ' + e.modality + (data.diff ? ' diff-' + e.diff : ''), 'data-i': i});
      var p = edgePath(e), colour = edgeColour(e);
      g.appendChild(svgEl('path', {'class': 'hit', d: p.d}));
      var line = svgEl('path', {'class': 'line', d: p.d, stroke: colour});
      if (!e.symmetric) line.setAttribute('marker-end', marker(colour));
      g.appendChild(line);
      if (labels) {
        var t = svgEl('text', {x: p.mx.toFixed(1), y: p.my.toFixed(1), 'text-anchor': 'middle'});
        t.textContent = (e.negated ? 'not ' : '') + e.type;
        g.appendChild(t);
      }
      var tip = svgEl('title', {});
      tip.textContent = nodes[e.s].name + ' ' + (e.negated ? 'not ' : '') + e.type + ' ' + nodes[e.t].name;
      g.appendChild(tip);
      e.el = g;
      frag.appendChild(g);
    });
    $('edges').appendChild(frag);
  }

  function drawNodes() {
    var frag = document.createDocumentFragment();
    nodes.forEach(function (n, i) {
      var g = svgEl('g', {'class': 'node' + (data.diff ? ' diff-' + n.diff : ''), 'data-i': i,
        transform: 'translate(' + n.x + ',' + (-n.y) + ')'});
      g.setAttribute('data-id', n.id);
      var r = radius(n);
      g.appendChild(svgEl('circle', {r: r.toFixed(1), fill: TYPE_COLOURS[n.type] || '#eee'}));
      var label = svgEl('text', {x: (r + 3).toFixed(1), y: 4, 'font-size': Math.min(30, 10 + 2 * Math.log2(1 + n.edges.length)).toFixed(1)});
      label.textContent = n.name;
      g.appendChild(label);
      var tip = svgEl('title', {});
      tip.textContent = n.name + ' (' + n.type + ')';
      g.appendChild(tip);
      n.el = g;
      frag.appendChild(g);
    });
    $('nodes').appendChild(frag);
  }

  /* ---- Pan and zoom ---- */
  var view = {x: 0, y: 0, k: 1};
  function applyView() {
    viewport.setAttribute('transform', 'translate(' + view.x.toFixed(1) + ',' + view.y.toFixed(1) + ') scale(' + view.k.toFixed(4) + ')');
  }
  /* The whole map (or the nodes in list) in the part of the view the
   * panel leaves free. */
  function fit(list) {
    var box = svg.getBoundingClientRect(), pts = list.length ? list : nodes;
    var free = {width: box.width - ($('panel').hidden ? 0 : $('panel').offsetWidth), height: box.height};
    if (!pts.length || free.width <= 0) return;
    var x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    pts.forEach(function (n) {
      x0 = Math.min(x0, n.x); x1 = Math.max(x1, n.x); y0 = Math.min(y0, -n.y); y1 = Math.max(y1, -n.y);
    });
    if (!list.length) { /* the whole drawing, labels included */
      var all = viewport.getBBox();
      x0 = all.x; y0 = all.y; x1 = all.x + all.width; y1 = all.y + all.height;
    }
    var pad = 30, w = Math.max(x1 - x0, 1), h = Math.max(y1 - y0, 1);
    view.k = Math.max(0.02, Math.min(2, Math.min((free.width - 2 * pad) / w, (free.height - 2 * pad) / h)));
    view.x = free.width / 2 - view.k * (x0 + x1) / 2;
    view.y = free.height / 2 - view.k * (y0 + y1) / 2;
    applyView();
  }
  function centreOn(n) {
    var box = svg.getBoundingClientRect(), width = box.width - ($('panel').hidden ? 0 : $('panel').offsetWidth);
    view.k = Math.max(view.k, 1);
    view.x = width / 2 - view.k * n.x;
    view.y = box.height / 2 + view.k * n.y;
    applyView();
  }
  svg.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var box = svg.getBoundingClientRect(), px = ev.clientX - box.left, py = ev.clientY - box.top;
    var f = Math.exp(-ev.deltaY * 0.0015), k = Math.max(0.02, Math.min(40, view.k * f));
    view.x = px - (px - view.x) * k / view.k;
    view.y = py - (py - view.y) * k / view.k;
    view.k = k;
    applyView();
  }, {passive: false});
  var drag = null;
  svg.addEventListener('pointerdown', function (ev) {
    if (ev.target.closest('.node, .edge')) return;
    drag = {x: ev.clientX, y: ev.clientY, vx: view.x, vy: view.y, moved: false};
    svg.classList.add('panning');
  });
  window.addEventListener('pointermove', function (ev) {
    if (!drag) return;
    view.x = drag.vx + ev.clientX - drag.x;
    view.y = drag.vy + ev.clientY - drag.y;
    drag.moved = drag.moved || Math.abs(ev.clientX - drag.x) + Math.abs(ev.clientY - drag.y) > 3;
    applyView();
  });
  window.addEventListener('pointerup', function () {
    if (drag && !drag.moved) select(null);
    drag = null;
    svg.classList.remove('panning');
  });

  /* ---- Hover: a node, its neighbours and their edges stand out ---- */
  function hover(n) {
    svg.classList.add('hovering');
    n.el.classList.add('hl');
    n.edges.forEach(function (i) {
      edges[i].el.classList.add('hl');
      nodes[edges[i].s].el.classList.add('hl');
      nodes[edges[i].t].el.classList.add('hl');
    });
  }
  function unhover() {
    svg.classList.remove('hovering');
    Array.prototype.forEach.call(svg.querySelectorAll('.hl'), function (x) { x.classList.remove('hl'); });
  }

  /* ---- Filters ---- */
  var state = {types: {}, rels: {}, mods: {}, diffs: {}, negation: 'all', min: 1, from: '', to: ''};

  function edgeFiltersActive() {
    return relTypes.some(function (t) { return state.rels[t] === false; }) ||
      MODALITIES.some(function (m) { return state.mods[m] === false; }) ||
      state.negation !== 'all' || state.min > 1 || state.from !== '' || state.to !== '';
  }
  function dateOK(d) {
    if (!state.from && !state.to) return true;
    if (!d) return false;
    return (!state.from || d >= state.from.slice(0, d.length)) && (!state.to || d <= state.to.slice(0, d.length));
  }
  function on(set, key) { return set[key] !== false; }

  /* An edge shows when both its ends' types do and it passes every edge
   * filter; a node when its type does and it has a shown edge, or, with no
   * edge filter set, when its own change is shown. */
  function applyFilters() {
    var active = edgeFiltersActive(), shownEdges = 0, shownNodes = 0;
    var hasEdge = new Uint8Array(nodes.length);
    edges.forEach(function (e) {
      var show = on(state.types, nodes[e.s].type) && on(state.types, nodes[e.t].type) && on(state.rels, e.type) &&
        on(state.mods, e.modality) && (state.negation === 'all' || (state.negation === 'negated') === e.negated) &&
        e.count >= state.min && dateOK(e.when) && (!data.diff || on(state.diffs, e.diff));
      e.el.classList.toggle('hidden', !show);
      if (show) { hasEdge[e.s] = hasEdge[e.t] = 1; shownEdges++; }
    });
    nodes.forEach(function (n, i) {
      var show = on(state.types, n.type) && (hasEdge[i] || (!active && (!data.diff || on(state.diffs, n.diff))));
      n.el.classList.toggle('hidden', !show);
      if (show) shownNodes++;
    });
    $('shown').textContent = shownNodes + ' of ' + nodes.length + ' entities, ' + shownEdges + ' of ' + edges.length + ' relations';
  }

  function legend(listId, kind, keys, counts, swatch) {
    var ul = $(listId);
    keys.forEach(function (k) {
      var li = html('li'), label = html('label'), box = html('input');
      box.type = 'checkbox';
      box.checked = true;
      box.value = k;
      box.setAttribute('data-kind', kind);
      box.addEventListener('change', function () {
        state[kind][k] = box.checked;
        if (kind === 'diffs' && k === 'unchanged') $('only-changes').checked = !box.checked;
        changed();
      });
      var sw = html('span', null, 'swatch');
      swatch(sw, k);
      label.appendChild(box);
      label.appendChild(sw);
      label.appendChild(document.createTextNode(k + ' '));
      label.appendChild(html('span', '(' + (counts[k] || 0) + ')', 'count'));
      li.appendChild(label);
      ul.appendChild(li);
    });
  }
  function buildFilters() {
    var types = Object.keys(TYPE_COLOURS).filter(function (t) { return nodes.some(function (n) { return n.type === t; }); });
    legend('legend-types', 'types', types, count(nodes, 'type'), function (sw, t) { sw.style.background = TYPE_COLOURS[t]; });
    legend('legend-rels', 'rels', relTypes, count(edges, 'type'), function (sw, t) {
      sw.classList.add('line');
      sw.style.borderColor = relColour[t];
    });
    legend('legend-mods', 'mods', MODALITIES, count(edges, 'modality'), function (sw, m) {
      sw.classList.add('line');
      sw.style.borderTopStyle = m === 'asserted' ? 'solid' : m === 'expected' ? 'dotted' : 'dashed';
    });
    if (data.diff) {
      $('diff-section').hidden = false;
      $('only-changes-box').hidden = false;
      var both = count(nodes.concat(edges), 'diff');
      legend('legend-diff', 'diffs', ['added', 'removed', 'changed', 'unchanged'], both, function (sw, d) {
        sw.style.background = DIFF_COLOURS[d];
      });
      $('only-changes').addEventListener('change', function () {
        state.diffs.unchanged = !$('only-changes').checked;
        syncControls();
        changed();
      });
    }
    $('negation').addEventListener('change', function () { state.negation = $('negation').value; changed(); });
    $('min-count').addEventListener('input', function () { state.min = Math.max(1, parseInt($('min-count').value, 10) || 1); changed(); });
    $('date-from').addEventListener('change', function () { state.from = $('date-from').value; changed(); });
    $('date-to').addEventListener('change', function () { state.to = $('date-to').value; changed(); });
    $('reset').addEventListener('click', function () {
      state = {types: {}, rels: {}, mods: {}, diffs: {}, negation: 'all', min: 1, from: '', to: ''};
      syncControls();
      changed();
    });
  }
  function syncControls() {
    Array.prototype.forEach.call(document.querySelectorAll('.legend input'), function (box) {
      box.checked = on(state[box.getAttribute('data-kind')], box.value);
    });
    if (data.diff) $('only-changes').checked = !on(state.diffs, 'unchanged');
    $('negation').value = state.negation;
    $('min-count').value = state.min;
    $('date-from').value = state.from;
    $('date-to').value = state.to;
  }

  /* ---- Panels ---- */
  var selected = null;
  function go(text, action) {
    var a = html('a', text, 'go');
    a.tabIndex = 0;
    a.addEventListener('click', function (ev) { ev.preventDefault(); action(); });
    return a;
  }
  function facts(pairs) {
    var dl = html('dl');
    pairs.forEach(function (p) {
      if (p[1] === undefined || p[1] === null || p[1] === '') return;
      dl.appendChild(html('dt', p[0]));
      var dd = html('dd');
      if (p[1] instanceof Node) dd.appendChild(p[1]); else dd.textContent = String(p[1]);
      dl.appendChild(dd);
    });
    return dl;
  }
  function status(d) { return d ? html('span', d, 'status ' + d) : null; }

  function nodePanel(n) {
    var body = $('panel-body'), kb = n.kb || {};
    body.appendChild(html('h2', n.name));
    var wd = kb.wikidata && /^Q[0-9]+$/.test(kb.wikidata) ? html('a', kb.wikidata) : kb.wikidata;
    if (wd instanceof Node) {
      wd.href = 'https://www.wikidata.org/wiki/' + kb.wikidata;
      wd.target = '_blank';
      wd.rel = 'noopener noreferrer';
    }
    body.appendChild(facts([['type', n.type], ['id', n.id], ['ISO 3166', kb.iso3166], ['Wikidata', wd],
      ['mentions', n.mentions], ['change', status(n.diff)]]));
    if (n.aliases.length) {
      body.appendChild(html('h3', 'Aliases'));
      var ul = html('ul', null, 'aliases');
      n.aliases.forEach(function (a) { ul.appendChild(html('li', a)); });
      body.appendChild(ul);
    }
    body.appendChild(html('h3', 'Relations (' + n.edges.length + ')'));
    var rl = html('ul', null, 'relations');
    n.edges.forEach(function (i) {
      var e = edges[i], li = html('li');
      li.appendChild(go(nodes[e.s].name + ' ' + (e.negated ? 'not ' : '') + e.type + ' ' + nodes[e.t].name +
        ' (' + e.count + ')', function () { select({edge: i}); }));
      rl.appendChild(li);
    });
    body.appendChild(rl);
  }

  /* The sentence with its trigger marked: the first place the trigger
   * occurs, matched as written, else ignoring case. */
  function sentence(v) {
    var q = html('blockquote'), s = v.sentence || '', t = v.trigger || '', at = t ? s.indexOf(t) : -1;
    if (t && at < 0) at = s.toLowerCase().indexOf(t.toLowerCase());
    if (at < 0) {
      q.textContent = s;
      return q;
    }
    q.appendChild(document.createTextNode(s.slice(0, at)));
    q.appendChild(html('mark', s.slice(at, at + t.length)));
    q.appendChild(document.createTextNode(s.slice(at + t.length)));
    return q;
  }

  function edgePanel(i) {
    var e = edges[i], body = $('panel-body'), h = html('h2');
    h.appendChild(go(nodes[e.s].name, function () { select({node: e.s}); }));
    h.appendChild(document.createTextNode(' ' + (e.negated ? 'not ' : '') + e.type + ' '));
    h.appendChild(go(nodes[e.t].name, function () { select({node: e.t}); }));
    body.appendChild(h);
    var attrs = Object.keys(e.attrs || {}).map(function (k) { return k + ': ' + e.attrs[k]; }).join(', ');
    body.appendChild(facts([['modality', e.modality], ['negated', e.negated ? 'yes' : 'no'], ['date', e.date],
      ['confidence', e.confidence], ['evidence', e.count], ['CAMEO', e.cameo], ['attributes', attrs],
      ['change', status(e.diff)]]));
    body.appendChild(html('h3', 'Evidence'));
    e.evidence.forEach(function (v) {
      var box = html('div', null, 'evidence'), a = articles[v.article] || {};
      box.appendChild(sentence(v));
      box.appendChild(facts([['article', v.article], ['date', a.date], ['title', a.title], ['modality', v.modality],
        ['negated', v.negated ? 'yes' : 'no'], ['trigger', v.trigger], ['rule', v.rule]]));
      body.appendChild(box);
    });
  }

  /* sel: {node: index} or {edge: index} or null. */
  function select(sel, keepView) {
    if (selected) (selected.node !== undefined ? nodes[selected.node] : edges[selected.edge]).el.classList.remove('sel');
    selected = sel;
    var body = $('panel-body');
    body.textContent = '';
    $('panel').hidden = !sel;
    if (sel && sel.node !== undefined) {
      nodes[sel.node].el.classList.add('sel');
      nodePanel(nodes[sel.node]);
      if (!keepView) centreOn(nodes[sel.node]);
    } else if (sel) {
      edges[sel.edge].el.classList.add('sel');
      edgePanel(sel.edge);
    }
    writeHash();
  }
  $('close').addEventListener('click', function () { select(null); });
  document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') select(null); });

  /* ---- Search over names and aliases ---- */
  function fold(s) { return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); }
  nodes.forEach(function (n) { n.keys = [n.name].concat(n.aliases).map(fold); });
  function search() {
    var q = fold($('search').value.trim()), ul = $('results');
    ul.textContent = '';
    if (!q) { ul.hidden = true; return; }
    var hits = [];
    nodes.forEach(function (n, i) {
      var k = n.keys.findIndex(function (s) { return s.indexOf(q) >= 0; });
      if (k >= 0) hits.push({i: i, via: k ? n.aliases[k - 1] : null, exact: n.keys[k] === q});
    });
    hits.sort(function (a, b) { return b.exact - a.exact || nodes[b.i].edges.length - nodes[a.i].edges.length; });
    hits.slice(0, 30).forEach(function (h) {
      var n = nodes[h.i], li = html('li', n.name + ' ');
      li.setAttribute('data-i', h.i);
      li.appendChild(html('span', n.type + (h.via ? ', as ' + h.via : ''), 'via'));
      li.addEventListener('click', function () { ul.hidden = true; select({node: h.i}); });
      ul.appendChild(li);
    });
    if (!hits.length) ul.appendChild(html('li', 'nothing found'));
    ul.hidden = false;
  }
  $('search').addEventListener('input', search);
  /* Enter opens the highlighted result (the first by default), the arrows
   * move the highlight, Escape closes the list. */
  $('search').addEventListener('keydown', function (ev) {
    var items = Array.prototype.slice.call($('results').querySelectorAll('li[data-i]'));
    var at = items.findIndex(function (li) { return li.classList.contains('active'); });
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (at >= 0) items[at].classList.remove('active');
      at = Math.max(0, Math.min(items.length - 1, at + (ev.key === 'ArrowDown' ? 1 : -1)));
      if (items[at]) { items[at].classList.add('active'); items[at].scrollIntoView({block: 'nearest'}); }
    } else if (ev.key === 'Enter' && items.length) {
      $('results').hidden = true;
      select({node: +items[Math.max(at, 0)].getAttribute('data-i')});
    } else if (ev.key === 'Escape') {
      $('results').hidden = true;
    }
  });

  /* ---- The view in the URL fragment: selection and filters ---- */
  var reading = false;
  function hidden(set) { return Object.keys(set).filter(function (k) { return set[k] === false; }); }
  function writeHash() {
    if (reading) return;
    var p = [];
    if (selected && selected.node !== undefined) p.push('node=' + encodeURIComponent(nodes[selected.node].id));
    if (selected && selected.edge !== undefined) {
      var e = edges[selected.edge];
      p.push('edge=' + [e.source, e.type, e.target].map(encodeURIComponent).join('/'));
    }
    ['types', 'rels', 'mods', 'diffs'].forEach(function (k) {
      var h = hidden(state[k]);
      if (h.length) p.push('hide-' + k + '=' + h.map(encodeURIComponent).join(','));
    });
    if (state.negation !== 'all') p.push('negation=' + state.negation);
    if (state.min > 1) p.push('min=' + state.min);
    if (state.from) p.push('from=' + state.from);
    if (state.to) p.push('to=' + state.to);
    var hash = p.length ? '#' + p.join('&') : '';
    if (hash !== location.hash) history.replaceState(null, '', hash || location.pathname + location.search);
  }
  /* A fragment typed or cut by hand may hold a bad %-escape: it names
   * nothing, rather than stopping the page. */
  function decode(v) {
    try { return decodeURIComponent(v); } catch (e) { return null; }
  }
  function readHash() {
    var p = {};
    location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
      var at = kv.indexOf('=');
      if (at > 0) p[kv.slice(0, at)] = kv.slice(at + 1);
    });
    reading = true;
    state = {types: {}, rels: {}, mods: {}, diffs: {}, negation: 'all', min: 1, from: '', to: ''};
    ['types', 'rels', 'mods', 'diffs'].forEach(function (k) {
      if (p['hide-' + k]) p['hide-' + k].split(',').map(decode).forEach(function (v) { if (v !== null) state[k][v] = false; });
    });
    if (p.negation === 'affirmed' || p.negation === 'negated') state.negation = p.negation;
    state.min = Math.max(1, parseInt(p.min, 10) || 1);
    var day = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
    state.from = day.test(p.from || '') ? p.from : '';
    state.to = day.test(p.to || '') ? p.to : '';
    syncControls();
    applyFilters();
    var sel = null;
    var id = p.node !== undefined ? decode(p.node) : null;
    if (id !== null && id in byId) sel = {node: byId[id]};
    if (p.edge !== undefined) {
      var k = p.edge.split('/').map(decode);
      var i = edges.findIndex(function (e) { return e.source === k[0] && e.type === k[1] && e.target === k[2]; });
      if (i >= 0) sel = {edge: i};
    }
    select(sel);
    reading = false;
  }
  function changed() {
    applyFilters();
    writeHash();
  }
  window.addEventListener('hashchange', readHash);

  /* ---- Start ---- */
  var one = data.articles.length === 1 ? data.articles[0] : null;
  $('title').textContent = (data.diff ? 'Changes: ' : '') + (one && one.title ? one.title :
    nodes.length + ' entities, ' + edges.length + ' relations' + (data.articles.length ? ' from ' + data.articles.length + ' articles' : ''));
  document.title = $('title').textContent + ' - newsgraph';
  $('empty').hidden = nodes.length > 0;
  edgeGeometry();
  drawEdges();
  drawNodes();
  nodes.forEach(function (n, i) {
    n.el.addEventListener('mouseenter', function () { hover(n); });
    n.el.addEventListener('mouseleave', unhover);
    n.el.addEventListener('click', function () { select({node: i}, true); });
  });
  edges.forEach(function (e, i) { e.el.addEventListener('click', function () { select({edge: i}); }); });
  buildFilters();
  $('fit').addEventListener('click', function () { fit([]); });
  readHash();
  if (!selected || selected.node === undefined) fit([]);
  window.addEventListener('resize', function () { fit([]); });
  document.body.setAttribute('data-ready', '1');
})();
