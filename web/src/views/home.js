// The landing page: the size of the graph and the most mentioned entities
// of each type, a way in for someone who does not yet know what to search.
import * as api from '../api.js';
import { h, TYPES, typeLabel, color, section, empty, fmtDate } from '../util.js';

export function renderHome(root) {
  document.title = 'newsgraph';
  const counts = h('p', { class: 'stats', id: 'stats' });
  api.stats().then((s) => {
    if (!s) return;
    counts.replaceChildren(
      ...[['documents', 'articles'], ['entities', 'entities'], ['quotes', 'quotes'], ['events', 'events']].map(([k, label]) =>
        h('span', {}, h('strong', {}, (s[k] ?? 0).toLocaleString('en')), ` ${label}`)));
  }).catch(() => {});
  root.replaceChildren(
    h('div', { class: 'hero' },
      h('h1', {}, 'Explore the news graph'),
      h('p', {}, 'People, organisations, places and events read from the articles, with who said what, when, and where it was written. ',
        'Start typing in the search box, or open an entity below. Press ', h('kbd', {}, '/'), ' to search.'),
      counts),
    h('div', { class: 'grid-4' },
      TYPES.map((type) =>
        section(plural(type), async () => {
          const items = await api.searchEntities('', { type, first: 12 });
          items.sort((a, b) => (b.mentionCount ?? 0) - (a.mentionCount ?? 0));
          if (!items.length) return type === 'EVENT' ? recentEvents() : [empty('None yet.'), 0];
          const max = Math.max(1, ...items.map((e) => e.mentionCount ?? 0));
          return [
            h('ol', { class: 'ranked' },
              items.map((e) =>
                h('li', {},
                  h('a', { href: `#/entity/${encodeURIComponent(e.id)}`, title: e.name }, e.name),
                  h('span', { class: 'bar', style: `--w:${((e.mentionCount ?? 0) / max) * 100}%;--c:${color(type)}` }),
                  h('span', { class: 'num' }, e.mentionCount ?? '')))),
            null,
          ];
        }, { id: `top-${type.toLowerCase()}` }))),
  );
}

// recentEvents lists the latest events when none is an entity of its own;
// each opens the timeline on its date.
async function recentEvents() {
  const evs = await api.events({ max: 100 });
  if (!evs.length) return [empty('None yet.'), 0];
  evs.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return [
    h('ol', { class: 'event-list' },
      evs.slice(0, 12).map((ev) =>
        h('li', {},
          h('a', { href: ev.date ? `#/timeline?from=${ev.date}&to=${ev.date}` : '#/timeline', title: ev.text ?? '' },
            h('span', { class: 'event-type' }, ev.type),
            (ev.participants ?? []).length ? h('span', { class: 'muted' }, ` · ${ev.participants.map((p) => p.name).join(', ')}`) : null),
          h('span', { class: 'num' }, fmtDate(ev.date))))),
    null,
  ];
}

function plural(type) {
  return { PERSON: 'People', ORG: 'Organisations', PLACE: 'Places', EVENT: 'Events' }[type] ?? typeLabel(type);
}
