// Small DOM and formatting helpers shared by the views.

// h builds an element: h('a', {href, class: 'x', onclick}, 'text', child).
// Null, false and undefined children are skipped; arrays are flattened.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.className = v;
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (k in el && typeof v !== 'string') el[k] = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

export const TYPES = ['PERSON', 'ORG', 'PLACE', 'EVENT'];

// Colours are the Tableau 10 hues: distinct for the colour-blind in pairs
// and legible on white.
export const COLORS = {
  PERSON: '#4c78a8',
  ORG: '#f58518',
  PLACE: '#54a24b',
  EVENT: '#b279a2',
  QUOTE: '#9d755d',
};
export const color = (type) => COLORS[type] ?? '#8c8c8c';

const TYPE_LABELS = { PERSON: 'Person', ORG: 'Organisation', PLACE: 'Place', EVENT: 'Event', QUOTE: 'Quote' };
export const typeLabel = (t) => TYPE_LABELS[t] ?? (t ? t[0] + t.slice(1).toLowerCase() : 'Unknown');

export function badge(type) {
  return h('span', { class: 'badge', style: `--c:${color(type)}` }, typeLabel(type));
}

export function entityLink(e) {
  if (!e) return h('span', { class: 'muted' }, 'unknown');
  return h('a', { href: `#/entity/${encodeURIComponent(e.id)}`, class: 'entity-link' }, e.name ?? e.id);
}

const enc = new TextEncoder();
const dec = new TextDecoder();

// splitBytes cuts text at UTF-8 byte offsets [start, end), the offsets the
// extractor records, and returns [before, inside, after]. Offsets outside
// the text are clamped.
export function splitBytes(text, start, end) {
  const b = enc.encode(text);
  const s = Math.max(0, Math.min(start ?? 0, b.length));
  const e = Math.max(s, Math.min(end ?? s, b.length));
  return [dec.decode(b.subarray(0, s)), dec.decode(b.subarray(s, e)), dec.decode(b.subarray(e))];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// fmtDate shows YYYY, YYYY-MM or YYYY-MM-DD as "2017", "Oct 2017",
// "17 Oct 2017"; anything else as it is.
export function fmtDate(d) {
  if (!d) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d);
  if (!m) return d;
  const [, y, mo, da] = m;
  if (!mo) return y;
  const mon = MONTHS[Number(mo) - 1] ?? mo;
  return da ? `${Number(da)} ${mon} ${y}` : `${mon} ${y}`;
}

// dayNumber maps a (partial) date to days since 1970 for sliders; partial
// dates take their first day, or their last when end is true.
export function dayNumber(d, end = false) {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(d ?? '');
  if (!m) return null;
  const y = Number(m[1]);
  let mo = m[2] ? Number(m[2]) - 1 : end ? 11 : 0;
  let t;
  if (m[3]) t = Date.UTC(y, mo, Number(m[3]));
  else if (end) t = Date.UTC(y, mo + 1, 0);
  else t = Date.UTC(y, mo, 1);
  return Math.floor(t / 86400000);
}

export function dayString(n) {
  return new Date(n * 86400000).toISOString().slice(0, 10);
}

export function compareDates(a, b) {
  return (a ?? '').localeCompare(b ?? '');
}

export function loading(text = 'Loading…') {
  return h('div', { class: 'loading' }, h('span', { class: 'spinner' }), text);
}

export function errorBox(err, what) {
  return h('div', { class: 'error', role: 'alert' }, h('strong', {}, what ? `Could not load ${what}. ` : 'Error. '), String(err?.message ?? err));
}

export function empty(text) {
  return h('p', { class: 'empty' }, text);
}

// section renders a titled card whose body fills in when load resolves, so
// that one failing query does not blank the page.
export function section(title, load, { id, count = true, actions } = {}) {
  const body = h('div', { class: 'card-body' }, loading());
  const counter = h('span', { class: 'count' });
  const el = h('section', { class: 'card', id }, h('header', {}, h('h2', {}, title, counter), actions), body);
  Promise.resolve()
    .then(load)
    .then((r) => {
      const [content, n] = Array.isArray(r) ? r : [r, null];
      body.replaceChildren(content);
      if (count && n != null) counter.textContent = String(n);
    })
    .catch((err) => body.replaceChildren(errorBox(err, title.toLowerCase())));
  return el;
}

export function debounce(fn, ms) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}

export function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, qs] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(qs ?? '') };
}
