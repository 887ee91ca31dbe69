// The timeline: quotes and events in a date window, in date order, with a
// histogram of how much happened when. Optionally narrowed to one entity.
import * as api from '../api.js';
import { h, fmtDate, compareDates, dayNumber, dayString, empty, errorBox, loading } from '../util.js';
import { quoteItem, eventItem } from './entity.js';
import { exportMenu } from './exportmenu.js';

export async function renderTimeline(root, _parts, params) {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const entity = params.get('entity') ?? '';
  const name = params.get('name') ?? entity;
  document.title = 'Timeline · newsgraph';

  const fromIn = h('input', { type: 'date', id: 'tl-from', value: from, 'aria-label': 'From' });
  const toIn = h('input', { type: 'date', id: 'tl-to', value: to, 'aria-label': 'To' });
  const showQuotes = h('input', { type: 'checkbox', checked: params.get('quotes') !== '0', id: 'tl-quotes' });
  const showEvents = h('input', { type: 'checkbox', checked: params.get('events') !== '0', id: 'tl-events' });
  const apply = () => {
    const q = new URLSearchParams();
    if (fromIn.value) q.set('from', fromIn.value);
    if (toIn.value) q.set('to', toIn.value);
    if (entity) q.set('entity', entity), q.set('name', name);
    if (!showQuotes.checked) q.set('quotes', '0');
    if (!showEvents.checked) q.set('events', '0');
    location.hash = `#/timeline?${q}`;
  };
  const chart = h('div', { class: 'histogram' });
  const list = h('div', { class: 'timeline' }, loading());
  const summary = h('span', { class: 'muted' });

  root.replaceChildren(
    h('div', { class: 'page-head' },
      h('h1', {}, 'Timeline', entity && [' · ', h('a', { href: `#/entity/${encodeURIComponent(entity)}` }, name)]),
      h('form', { class: 'toolbar', onsubmit: (ev) => { ev.preventDefault(); apply(); } },
        h('label', {}, 'From ', fromIn),
        h('label', {}, 'To ', toIn),
        h('label', { class: 'check' }, showQuotes, ' Quotes'),
        h('label', { class: 'check' }, showEvents, ' Events'),
        h('button', { class: 'button primary', type: 'submit' }, 'Show'),
        (from || to || entity) && h('a', { class: 'button', href: '#/timeline' }, 'Clear'),
        summary)),
    h('div', { class: 'page-tools' }, exportMenu(() => ({ ego: entity || undefined, depth: entity ? 1 : undefined, from: from || undefined, to: to || undefined }))),
    h('section', { class: 'card' }, chart),
    list);

  let quotes = [];
  let events = [];
  try {
    [quotes, events] = await Promise.all([
      showQuotes.checked ? api.quotes({ speaker: entity || null, from, to, max: 1000 }) : [],
      showEvents.checked ? api.events({ participant: entity || null, from, to, max: 1000 }) : [],
    ]);
  } catch (err) {
    list.replaceChildren(errorBox(err, 'the timeline'));
    return;
  }
  const items = [
    ...quotes.map((q) => ({ kind: 'quote', date: q.date, item: q })),
    ...events.map((e) => ({ kind: 'event', date: e.date, item: e })),
  ];
  const dated = items.filter((i) => i.date).sort((a, b) => compareDates(a.date, b.date));
  const undated = items.filter((i) => !i.date);
  summary.textContent = `${quotes.length} quote${quotes.length === 1 ? '' : 's'}, ${events.length} event${events.length === 1 ? '' : 's'}`;
  chart.replaceChildren(histogram(dated));
  if (!items.length) {
    list.replaceChildren(empty('Nothing said or done in this window.'));
    return;
  }
  const groups = new Map();
  for (const it of dated) {
    if (!groups.has(it.date)) groups.set(it.date, []);
    groups.get(it.date).push(it);
  }
  if (undated.length) groups.set('', undated);
  list.replaceChildren(
    ...[...groups].map(([date, its]) =>
      h('section', { class: 'tl-day', id: date ? `d-${date}` : 'undated' },
        h('h2', { class: 'tl-date' }, date ? fmtDate(date) : 'Undated'),
        h('ol', { class: 'tl-items' },
          its.map((it) =>
            it.kind === 'quote'
              ? h('li', { class: 'tl-quote' }, h('span', { class: 'tl-kind' }, 'Quote'), h('ol', { class: 'quotes' }, quoteItem(it.item, { speaker: true })))
              : h('li', { class: 'tl-event' }, h('span', { class: 'tl-kind' }, 'Event'), h('ol', { class: 'events' }, eventItem(it.item))))))));
}

// histogram draws counts per day, or per month when the window is longer
// than about four months, as an SVG bar chart whose bars jump to their day.
function histogram(dated) {
  if (!dated.length) return h('p', { class: 'empty' }, 'No dated quote or event.');
  const days = dated.map((d) => dayNumber(d.date)).filter((n) => n != null);
  const lo = Math.min(...days);
  const hi = Math.max(...days);
  const monthly = hi - lo > 120;
  // A partial date (2016, 2017-04) counts on its first month or day.
  const key = (d) => (monthly ? (d.length >= 7 ? d.slice(0, 7) : `${d.slice(0, 4)}-01`) : dayString(dayNumber(d)));
  const counts = new Map();
  for (const d of dated) counts.set(key(d.date), (counts.get(key(d.date)) ?? 0) + 1);
  // Fill the gaps so that time reads left to right at an even pace.
  const keys = [];
  if (monthly) {
    let [y, m] = key(dayString(lo)).split('-').map(Number);
    const end = key(dayString(hi));
    for (;;) {
      const k = `${y}-${String(m).padStart(2, '0')}`;
      keys.push(k);
      if (k >= end || keys.length > 600) break;
      m++;
      if (m > 12) (m = 1), y++;
    }
  } else {
    for (let n = lo; n <= hi; n++) keys.push(dayString(n));
  }
  const max = Math.max(...counts.values());
  const W = 1000;
  const H = 90;
  const bw = W / keys.length;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H + 18}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', 'hist');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Quotes and events over time');
  keys.forEach((k, i) => {
    const c = counts.get(k) ?? 0;
    if (!c) return;
    const r = document.createElementNS(ns, 'rect');
    const bh = Math.max(2, (c / max) * H);
    r.setAttribute('x', String(i * bw + bw * 0.1));
    r.setAttribute('y', String(H - bh));
    r.setAttribute('width', String(Math.max(1, bw * 0.8)));
    r.setAttribute('height', String(bh));
    const t = document.createElementNS(ns, 'title');
    t.textContent = `${fmtDate(k)}: ${c}`;
    r.append(t);
    r.addEventListener('click', () => {
      const target = [...document.querySelectorAll('.tl-day')].find((s) => s.id.slice(2).startsWith(k));
      target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
    });
    svg.append(r);
  });
  return h('div', { class: 'hist-wrap' }, svg,
    h('div', { class: 'hist-axis' }, h('span', {}, fmtDate(keys[0])), h('span', {}, fmtDate(keys[keys.length - 1]))));
}
