// The dashboard shell: a hash router over the views and the search box in
// the top bar. Heavy views (graph, console) load their code on first use.
import './style.css';
import { searchEntities } from './api.js';
import { h, badge, debounce, parseHash, errorBox, loading } from './util.js';
import { renderHome } from './views/home.js';
import { renderEntity } from './views/entity.js';
import { renderDocument } from './views/document.js';
import { renderTimeline } from './views/timeline.js';

const view = document.getElementById('view');
let cleanup = null;

const routes = {
  '': renderHome,
  entity: renderEntity,
  doc: renderDocument,
  timeline: renderTimeline,
  graph: async (...a) => (await import('./views/graph.js')).renderGraph(...a),
  console: async (...a) => (await import('./views/console.js')).renderConsole(...a),
};

async function route() {
  const { parts, params } = parseHash();
  const name = parts[0] ?? '';
  const render = routes[name] ?? renderHome;
  if (cleanup) {
    try { cleanup(); } catch (err) { console.warn(err); }
    cleanup = null;
  }
  document.body.dataset.view = name || 'home';
  for (const a of document.querySelectorAll('[data-nav]')) {
    a.classList.toggle('active', a.dataset.nav === (name || 'home'));
  }
  const root = h('div', { class: `page page-${name || 'home'}` });
  view.replaceChildren(root);
  root.append(loading());
  try {
    const c = await render(root, parts.slice(1), params);
    if (typeof c === 'function') cleanup = c;
  } catch (err) {
    root.replaceChildren(errorBox(err));
  }
  window.scrollTo(0, 0);
}

window.addEventListener('hashchange', () => {
  close();
  route();
});
route();

// Search as you type: each keystroke cancels the request before it, so the
// list always shows the newest query's answer.
const input = document.getElementById('search');
const list = document.getElementById('search-results');
let active = -1;
let controller = null;

function show(items, q) {
  active = -1;
  list.replaceChildren();
  if (!q) {
    list.hidden = true;
    return;
  }
  if (!items.length) {
    list.append(h('li', { class: 'search-empty' }, `No entity matches “${q}”`));
  }
  for (const e of items) {
    list.append(
      h('li', { role: 'option', dataset: { id: e.id } },
        h('a', { href: `#/entity/${encodeURIComponent(e.id)}`, onmousedown: (ev) => ev.preventDefault(), onclick: () => { close(); input.value = ''; input.blur(); } },
          h('span', { class: 'name' }, e.name), badge(e.type),
          e.mentionCount != null && h('span', { class: 'mentions' }, `${e.mentionCount} mentions`))),
    );
  }
  // An answer arriving after the user moved on must not pop the list open.
  list.hidden = document.activeElement !== input;
}

function close() {
  if (!list) return;
  controller?.abort();
  list.hidden = true;
  active = -1;
}

const run = debounce(async (q) => {
  controller?.abort();
  if (!q) return show([], q);
  controller = new AbortController();
  try {
    show(await searchEntities(q, { first: 10, signal: controller.signal }), q);
  } catch (err) {
    if (err.name === 'AbortError') return;
    list.replaceChildren(h('li', { class: 'search-empty' }, `Search failed: ${err.message}`));
    list.hidden = false;
  }
}, 120);

input.addEventListener('input', () => run(input.value.trim()));
input.addEventListener('focus', () => { if (list.children.length && input.value.trim()) list.hidden = false; });
input.addEventListener('blur', () => setTimeout(close, 150));
input.addEventListener('keydown', (ev) => {
  const items = [...list.querySelectorAll('li[role=option]')];
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    if (!items.length) return;
    active = (active + (ev.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length;
    items.forEach((li, i) => li.classList.toggle('active', i === active));
  } else if (ev.key === 'Enter') {
    const li = items[active >= 0 ? active : 0];
    if (li) {
      location.hash = `#/entity/${encodeURIComponent(li.dataset.id)}`;
      close();
      input.value = '';
      input.blur();
    }
  } else if (ev.key === 'Escape') {
    close();
  }
});
document.addEventListener('keydown', (ev) => {
  if (ev.key === '/' && document.activeElement === document.body) {
    ev.preventDefault();
    input.focus();
  }
});
