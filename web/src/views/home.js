// The landing page: the most mentioned entities of each type, a way in for
// someone who does not yet know what to search for.
import { searchEntities } from '../api.js';
import { h, TYPES, typeLabel, color, section, empty } from '../util.js';

export function renderHome(root) {
  root.replaceChildren(
    h('div', { class: 'hero' },
      h('h1', {}, 'Explore the news graph'),
      h('p', {}, 'People, organisations, places and events read from the articles, with who said what, when, and where it was written. ',
        'Start typing in the search box, or open an entity below. Press ', h('kbd', {}, '/'), ' to search.')),
    h('div', { class: 'grid-4' },
      TYPES.map((type) =>
        section(plural(type), async () => {
          const items = await searchEntities('', { type, first: 12 });
          items.sort((a, b) => (b.mentionCount ?? 0) - (a.mentionCount ?? 0));
          if (!items.length) return [empty('None yet.'), 0];
          const max = Math.max(1, ...items.map((e) => e.mentionCount ?? 0));
          return [
            h('ol', { class: 'ranked' },
              items.map((e) =>
                h('li', {},
                  h('a', { href: `#/entity/${encodeURIComponent(e.id)}` }, e.name),
                  h('span', { class: 'bar', style: `--w:${((e.mentionCount ?? 0) / max) * 100}%;--c:${color(type)}` }),
                  h('span', { class: 'num' }, e.mentionCount ?? '')))),
            null,
          ];
        }, { id: `top-${type.toLowerCase()}` }))),
  );
}

function plural(type) {
  return { PERSON: 'People', ORG: 'Organisations', PLACE: 'Places', EVENT: 'Events' }[type] ?? typeLabel(type);
}
