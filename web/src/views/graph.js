// The graph view: an entity's neighbourhood (depth 1 or 2) drawn by sigma
// over a graphology graph, coloured by type, with type filters, a date
// window that replays the story over time, and export of what is shown.
// Sigma draws with WebGL and filters through reducers, so thousands of
// nodes stay smooth: moving the slider re-renders, it never rebuilds.
import Graph from 'graphology';
import Sigma from 'sigma';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import { neighbourhood } from '../api.js';
import { h, badge, color, typeLabel, fmtDate, dayNumber, dayString, empty, errorBox, COLORS } from '../util.js';
import { exportMenu } from './exportmenu.js';

// Graphs up to this many nodes are laid out at once before the first
// frame; larger ones settle in a web worker while the user watches.
const SYNC_LAYOUT_MAX = 600;

export async function renderGraph(root, [id], params) {
  if (!id) {
    root.replaceChildren(errorBox('no entity named in the address'));
    return;
  }
  const depth = params.get('depth') === '2' ? 2 : 1;
  const limit = Number(params.get('limit')) || 3000;
  const data = await neighbourhood(id, { depth, limit });
  const ego = data.nodes.find((n) => n.id === id);
  document.title = `${ego?.name ?? id}: graph · newsgraph`;

  const graph = build(data, id);
  const state = {
    hiddenTypes: new Set(),
    from: null, // day numbers; null = open
    to: null,
    hovered: null,
    selected: null,
    neighbours: new Set(),
  };

  // Date bounds of everything dated in the view.
  let lo = Infinity;
  let hi = -Infinity;
  const bound = (_k, a) => {
    if (a.first != null) lo = Math.min(lo, a.first);
    if (a.last != null) hi = Math.max(hi, a.last);
  };
  graph.forEachNode(bound);
  graph.forEachEdge(bound);
  const dated = lo <= hi;

  // Controls.
  const depthSel = h('select', { id: 'depth', 'aria-label': 'Depth', onchange: () => { location.hash = `#/graph/${encodeURIComponent(id)}?depth=${depthSel.value}`; } },
    h('option', { value: '1', selected: depth === 1 }, '1 hop'),
    h('option', { value: '2', selected: depth === 2 }, '2 hops'));

  const typeCounts = {};
  graph.forEachNode((_n, a) => { typeCounts[a.kind] = (typeCounts[a.kind] ?? 0) + 1; });
  const legend = h('ul', { class: 'legend' },
    Object.keys(typeCounts).sort((a, b) => order(a) - order(b)).map((t) => {
      const cb = h('input', { type: 'checkbox', checked: true, dataset: { type: t }, onchange: () => {
        cb.checked ? state.hiddenTypes.delete(t) : state.hiddenTypes.add(t);
        scheduleRefresh();
      } });
      return h('li', {}, h('label', {}, cb, h('span', { class: 'dot', style: `--c:${color(t)}` }), typeLabel(t), h('span', { class: 'num' }, typeCounts[t])));
    }));

  const fromRange = h('input', { type: 'range', id: 'date-from', 'aria-label': 'From date', disabled: !dated });
  const toRange = h('input', { type: 'range', id: 'date-to', 'aria-label': 'To date', disabled: !dated });
  const window_ = h('div', { class: 'date-window', id: 'date-window' });
  const play = h('button', { class: 'button small', type: 'button', id: 'play', disabled: !dated }, '▶ Replay');
  if (dated) {
    for (const r of [fromRange, toRange]) {
      r.min = String(lo);
      r.max = String(hi);
      r.step = '1';
    }
    fromRange.value = String(lo);
    toRange.value = String(hi);
  }
  const onRange = (which) => {
    let f = Number(fromRange.value);
    let t = Number(toRange.value);
    if (f > t) {
      // Keep the window non-empty: the handle being dragged pushes the other.
      if (which === 'from') toRange.value = String((t = f));
      else fromRange.value = String((f = t));
    }
    state.from = f <= lo ? null : f;
    state.to = t >= hi ? null : t;
    scheduleRefresh();
  };
  fromRange.addEventListener('input', () => onRange('from'));
  toRange.addEventListener('input', () => onRange('to'));

  // Replay runs on the clock, not on frames: a slow machine shows fewer
  // steps of the same eight-second story rather than a longer one.
  const REPLAY_MS = 8000;
  let replay = null;
  const stopPlay = () => {
    if (replay) cancelAnimationFrame(replay.frame);
    replay = null;
    play.textContent = '▶ Replay';
  };
  play.addEventListener('click', () => {
    if (replay) return stopPlay();
    // Hold the start, sweep the end from it to the last date, so nodes
    // appear in the order the story met them.
    const start = Number(fromRange.value);
    toRange.value = String(start);
    onRange('to');
    play.textContent = '❚❚ Pause';
    const t0 = performance.now();
    const tick = (now) => {
      const f = Math.min(1, (now - t0) / REPLAY_MS);
      toRange.value = String(Math.round(start + (hi - start) * f));
      onRange('to');
      if (f >= 1) return stopPlay();
      replay.frame = requestAnimationFrame(tick);
    };
    replay = { frame: requestAnimationFrame(tick) };
  });

  const stats = h('div', { class: 'graph-stats', id: 'graph-stats' });
  const info = h('div', { class: 'node-info', id: 'node-info' }, h('p', { class: 'muted' }, 'Click a node to see it here. Hover to light up its neighbours.'));
  const container = h('div', { class: 'sigma', id: 'sigma' });

  const currentView = () => ({
    ego: id,
    depth,
    types: state.hiddenTypes.size ? Object.keys(typeCounts).filter((t) => !state.hiddenTypes.has(t)) : undefined,
    from: state.from != null ? dayString(state.from) : undefined,
    to: state.to != null ? dayString(state.to) : undefined,
  });

  root.replaceChildren(
    h('aside', { class: 'graph-side' },
      h('div', { class: 'side-block' },
        h('div', { class: 'side-title' }, 'Neighbourhood of'),
        h('h1', {}, h('a', { href: `#/entity/${encodeURIComponent(id)}` }, ego?.name ?? id)),
        h('div', { class: 'row' }, h('label', {}, 'Depth ', depthSel), stats),
        data.nodes.length >= limit && h('p', { class: 'note' }, `The server stopped at ${limit.toLocaleString('en')} nodes; the rest of the neighbourhood is not drawn.`)),
      h('div', { class: 'side-block' }, h('div', { class: 'side-title' }, 'Types'), legend),
      h('div', { class: 'side-block' },
        h('div', { class: 'side-title' }, 'Date window'),
        dated
          ? [window_, h('label', { class: 'range' }, h('span', {}, 'From'), fromRange), h('label', { class: 'range' }, h('span', {}, 'To'), toRange), play]
          : empty('Nothing in this view is dated.')),
      h('div', { class: 'side-block' }, exportMenu(currentView)),
      h('div', { class: 'side-block grow' }, info)),
    h('div', { class: 'graph-main' }, container, graph.order === 0 ? h('div', { class: 'graph-empty' }, 'This entity has no neighbours in the graph.') : null),
  );

  // Layout, then draw.
  let layout = null;
  if (graph.order > 1) {
    const settings = { ...forceAtlas2.inferSettings(graph), adjustSizes: false, gravity: 1, scalingRatio: 4 };
    if (graph.order <= SYNC_LAYOUT_MAX) {
      forceAtlas2.assign(graph, { iterations: graph.order < 100 ? 300 : 150, settings });
    } else {
      layout = new FA2Layout(graph, { settings: { ...settings, barnesHutOptimize: true } });
      layout.start();
      setTimeout(() => layout?.stop(), Math.min(8000, 2000 + graph.order * 2));
    }
  }

  const big = graph.order > 1000;
  if (big) {
    // Thousands of edges: thin lines keep the picture readable and the
    // pixel count, which a software renderer pays for, low.
    graph.forEachEdge((e, a) => graph.setEdgeAttribute(e, 'size', a.size * 0.35));
  }
  const renderer = new Sigma(graph, container, {
    renderEdgeLabels: false,
    hideEdgesOnMove: big,
    hideLabelsOnMove: big,
    labelRenderedSizeThreshold: graph.order > 300 ? 9 : 4,
    labelFont: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    labelSize: 12,
    labelWeight: '500',
    defaultEdgeColor: '#cfd6df',
    zIndex: !big,
    minCameraRatio: 0.05,
    maxCameraRatio: 10,
    nodeReducer: (node, a) => {
      const r = { ...a };
      if (!visible(a)) {
        r.hidden = true;
        return r;
      }
      const focus = state.hovered ?? state.selected;
      if (focus && focus !== node && !state.neighbours.has(node)) {
        r.color = '#e3e7ec';
        r.label = '';
        r.zIndex = 0;
      } else if (focus) {
        r.zIndex = 2;
        r.forceLabel = true;
      }
      if (node === id || node === state.selected) {
        r.highlighted = true;
        r.forceLabel = true;
        r.zIndex = 3;
      }
      return r;
    },
    edgeReducer: (edge, a) => {
      const r = { ...a };
      if (!visible(a)) {
        r.hidden = true;
        return r;
      }
      const focus = state.hovered ?? state.selected;
      if (focus) {
        const [s, t] = graph.extremities(edge);
        if (s === focus || t === focus) {
          r.color = '#7b8794';
          r.zIndex = 1;
        } else {
          r.color = '#eef1f4';
        }
      }
      return r;
    },
  });

  function visible(a) {
    if (a.kind && state.hiddenTypes.has(a.kind)) return false;
    if (a.ego) return true; // the centre stays while the story replays around it
    if (a.first == null && a.last == null) return true; // undated: always shown
    if (state.to != null && a.first != null && a.first > state.to) return false;
    if (state.from != null && a.last != null && a.last < state.from) return false;
    return true;
  }

  // Input events come faster than frames while a slider is dragged; one
  // refresh per frame is all the eye can use.
  let pending = 0;
  function scheduleRefresh() {
    if (pending) return;
    pending = requestAnimationFrame(() => {
      pending = 0;
      refresh();
    });
  }

  function refresh() {
    if (dated) {
      window_.textContent = `${fmtDate(dayString(Number(fromRange.value)))} – ${fmtDate(dayString(Number(toRange.value)))}`;
    }
    let n = 0;
    let e = 0;
    graph.forEachNode((_k, a) => { if (visible(a)) n++; });
    graph.forEachEdge((_k, a, s, t, sa, ta) => { if (visible(a) && visible(sa) && visible(ta)) e++; });
    stats.textContent = `${n} of ${graph.order} nodes · ${e} of ${graph.size} edges`;
    stats.dataset.visibleNodes = String(n);
    stats.dataset.visibleEdges = String(e);
    renderer.refresh({ skipIndexation: true });
  }

  function focusOn(node) {
    state.neighbours = node ? new Set(graph.neighbors(node)) : new Set();
  }

  renderer.on('enterNode', ({ node }) => {
    state.hovered = node;
    focusOn(node);
    container.style.cursor = 'pointer';
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('leaveNode', () => {
    state.hovered = null;
    focusOn(state.selected);
    container.style.cursor = '';
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('clickNode', ({ node }) => {
    state.selected = node;
    focusOn(node);
    showInfo(node);
    renderer.refresh({ skipIndexation: true });
  });
  renderer.on('clickStage', () => {
    state.selected = null;
    focusOn(state.hovered);
    info.replaceChildren(h('p', { class: 'muted' }, 'Click a node to see it here. Hover to light up its neighbours.'));
    renderer.refresh({ skipIndexation: true });
  });

  function showInfo(node) {
    const a = graph.getNodeAttributes(node);
    const entity = a.kind !== 'QUOTE';
    const links = graph.edges(node).map((e) => {
      const other = graph.opposite(node, e);
      return { other, label: graph.getNodeAttribute(other, 'label'), w: graph.getEdgeAttribute(e, 'weight'), kinds: graph.getEdgeAttribute(e, 'kinds') };
    }).sort((x, y) => y.w - x.w).slice(0, 12);
    info.replaceChildren(
      h('h2', {}, a.label),
      h('div', { class: 'entity-meta' }, badge(a.kind), a.mentions != null && h('span', {}, `${a.mentions} mentions`)),
      (a.firstSeen || a.lastSeen) && h('p', { class: 'muted' }, a.firstSeen === a.lastSeen ? fmtDate(a.firstSeen) : `${fmtDate(a.firstSeen)} – ${fmtDate(a.lastSeen)}`),
      entity && h('div', { class: 'row' },
        h('a', { class: 'button small primary', href: `#/entity/${encodeURIComponent(node)}` }, 'Open page'),
        node !== id && h('a', { class: 'button small', href: `#/graph/${encodeURIComponent(node)}?depth=${depth}` }, 'Centre here')),
      links.length ? h('ul', { class: 'links' }, links.map((l) =>
        h('li', {}, h('button', { class: 'link', type: 'button', onclick: () => { renderer.emit('clickNode', { node: l.other }); } }, l.label),
          h('span', { class: 'muted' }, ` ${[...l.kinds].join(', ').replaceAll('_', ' ')} ×${l.w}`)))) : null);
  }

  refresh();
  // Tests and the curious can reach the live graph from the console.
  window.__newsgraph = { graph, renderer, state };

  return () => {
    stopPlay();
    cancelAnimationFrame(pending);
    layout?.kill();
    layout = null;
    renderer.kill();
    delete window.__newsgraph;
  };
}

function order(t) {
  const i = Object.keys(COLORS).indexOf(t);
  return i < 0 ? 99 : i;
}

// build turns the neighbourhood into an undirected graphology graph. The
// several typed edges between two nodes become one, weights summed and
// date ranges joined, which is what the eye wants from a map.
function build(data, egoID) {
  const g = new Graph({ type: 'undirected', multi: false });
  const maxM = Math.max(1, ...data.nodes.map((n) => n.mentionCount ?? 1));
  for (const n of data.nodes) {
    if (g.hasNode(n.id)) continue;
    const [x, y] = seedPosition(n.id, n.id === egoID);
    g.addNode(n.id, {
      label: n.name ?? n.id,
      kind: n.type,
      ego: n.id === egoID,
      fixed: n.id === egoID, // ForceAtlas2 leaves it at the centre
      color: color(n.type),
      size: 3 + 11 * Math.sqrt((n.mentionCount ?? 1) / maxM),
      x,
      y,
      mentions: n.mentionCount,
      firstSeen: n.firstSeen,
      lastSeen: n.lastSeen,
      first: dayNumber(n.firstSeen),
      last: dayNumber(n.lastSeen || n.firstSeen, true),
    });
  }
  for (const e of data.edges) {
    if (!g.hasNode(e.source) || !g.hasNode(e.target) || e.source === e.target) continue;
    const first = dayNumber(e.firstSeen);
    const last = dayNumber(e.lastSeen || e.firstSeen, true);
    const w = e.weight ?? 1;
    if (g.hasEdge(e.source, e.target)) {
      g.updateEdgeAttributes(e.source, e.target, (a) => ({
        ...a,
        weight: a.weight + w,
        size: edgeSize(a.weight + w),
        kinds: a.kinds.add(e.type),
        first: minDay(a.first, first),
        last: maxDay(a.last, last),
      }));
    } else {
      g.addEdge(e.source, e.target, { weight: w, size: edgeSize(w), kinds: new Set([e.type]), first, last });
    }
  }
  return g;
}

const edgeSize = (w) => Math.min(6, 0.6 + Math.log2(1 + w) * 0.7);
const minDay = (a, b) => (a == null ? b : b == null ? a : Math.min(a, b));
const maxDay = (a, b) => (a == null ? b : b == null ? a : Math.max(a, b));

// seedPosition places a node on a disc by a hash of its id, so the same
// neighbourhood always settles into the same picture.
function seedPosition(id, isEgo) {
  if (isEgo) return [0, 0];
  let x = 2166136261;
  for (let i = 0; i < id.length; i++) x = Math.imul(x ^ id.charCodeAt(i), 16777619);
  const a = ((x >>> 0) % 3600) / 3600 * 2 * Math.PI;
  const r = 10 + (((x >>> 12) % 1000) / 1000) * 90;
  return [Math.cos(a) * r, Math.sin(a) * r];
}
