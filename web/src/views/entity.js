// The entity page: who or what this is, the roles they held, what they said
// (newest first, each quote linked to its span in the article), the events
// they took part in and who they appear with most.
import * as api from '../api.js';
import { h, badge, color, entityLink, fmtDate, compareDates, section, empty, errorBox } from '../util.js';
import { exportMenu } from './exportmenu.js';

export async function renderEntity(root, [id]) {
  if (!id) {
    root.replaceChildren(errorBox('no entity named in the address'));
    return;
  }
  const e = await api.entityCore(id);
  if (!e) {
    root.replaceChildren(h('div', { class: 'card' }, h('h1', {}, 'Not found'), h('p', {}, `No entity has the id “${id}”.`)));
    return;
  }
  document.title = `${e.name} · newsgraph`;
  const eid = encodeURIComponent(e.id);
  root.replaceChildren(
    h('div', { class: 'entity-head', style: `--c:${color(e.type)}` },
      h('div', {},
        h('h1', { class: 'entity-name' }, e.name),
        h('div', { class: 'entity-meta' },
          badge(e.type),
          e.mentionCount != null && h('span', {}, `${e.mentionCount} mention${e.mentionCount === 1 ? '' : 's'}`)),
        e.aliases?.length
          ? h('div', { class: 'aliases' }, h('span', { class: 'label' }, 'Also called'), e.aliases.map((a) => h('span', { class: 'chip' }, a)))
          : null),
      h('div', { class: 'actions' },
        h('a', { class: 'button primary', href: `#/graph/${eid}?depth=1`, id: 'open-graph' }, 'Graph view'),
        h('a', { class: 'button', href: `#/timeline?entity=${eid}&name=${encodeURIComponent(e.name)}` }, 'Timeline'),
        exportMenu(() => ({ ego: e.id, depth: 1 })))),
    h('div', { class: 'entity-grid' },
      h('div', { class: 'col-main' },
        rolesSection(e),
        quotesSection(e),
        eventsSection(e),
        relationsSection(e)),
      h('div', { class: 'col-side' },
        cooccurSection(e),
        documentsSection(e))),
  );
}

function rolesSection(e) {
  return section('Roles', () => {
    const roles = [...(e.roles ?? [])].sort((a, b) => compareDates(a.from, b.from));
    if (!roles.length) return [empty('No role recorded.'), 0];
    return [
      h('ol', { class: 'roles' },
        roles.map((r) =>
          h('li', {},
            h('span', { class: 'role-title' }, r.title),
            r.org && h('span', { class: 'role-org' }, ' · ', r.org),
            h('span', { class: 'role-when' }, span(r.from, r.to))))),
      roles.length,
    ];
  }, { id: 'roles' });
}

function span(from, to) {
  if (!from && !to) return '';
  if (from && to) return from === to ? fmtDate(from) : `${fmtDate(from)} – ${fmtDate(to)}`;
  return from ? `since ${fmtDate(from)}` : `until ${fmtDate(to)}`;
}

function quotesSection(e) {
  return section('Quotes', async () => {
    const qs = await api.entityQuotes(e.id);
    // Newest first; undated quotes last, in the server's order.
    qs.sort((a, b) => (!a.date) - (!b.date) || compareDates(b.date, a.date));
    if (!qs.length) return [empty('No quote attributed.'), 0];
    return [h('ol', { class: 'quotes' }, qs.map((q) => quoteItem(q))), qs.length];
  }, { id: 'quotes' });
}

export function quoteItem(q, { speaker } = {}) {
  return h('li', { class: `quote ${q.direct === false ? 'indirect' : 'direct'}` },
    h('blockquote', {}, q.direct === false ? q.text : `“${q.text}”`),
    h('div', { class: 'quote-meta' },
      speaker && q.speaker && h('span', { class: 'speaker' }, entityLink(q.speaker)),
      q.date ? h('time', { datetime: q.date }, fmtDate(q.date)) : h('span', { class: 'muted' }, 'undated'),
      q.cue && h('span', { class: 'cue' }, q.cue),
      h('span', { class: 'muted' }, q.direct === false ? 'reported' : 'direct')),
    (q.sources ?? []).length
      ? h('ul', { class: 'sources' },
        q.sources.map((s) =>
          h('li', {},
            h('a', { href: `#/doc/${encodeURIComponent(s.document?.id)}?start=${s.start}&end=${s.end}`, class: 'source-link' },
              s.document?.title || s.document?.id),
            h('span', { class: 'muted' }, [s.document?.source, fmtDate(s.document?.published)].filter(Boolean).join(' · '))),
        ).concat(q.sourceCount > q.sources.length
          ? [h('li', { class: 'muted more-sources' }, `and ${q.sourceCount - q.sources.length} more`)]
          : []))
      : null);
}

function eventsSection(e) {
  return section('Events', async () => {
    const evs = await api.events({ participant: e.id });
    evs.sort((a, b) => (!a.date) - (!b.date) || compareDates(b.date, a.date));
    if (!evs.length) return [empty('Takes part in no recorded event.'), 0];
    return [h('ol', { class: 'events' }, evs.map(eventItem)), evs.length];
  }, { id: 'events' });
}

export function eventItem(ev) {
  return h('li', { class: 'event' },
    h('div', { class: 'event-head' },
      h('span', { class: 'event-type' }, ev.type),
      ev.date ? h('time', { datetime: ev.date }, fmtDate(ev.date)) : h('span', { class: 'muted' }, 'undated'),
      ev.place && h('span', {}, 'in ', entityLink(ev.place))),
    ev.text && h('p', { class: 'event-text' }, ev.text),
    ev.participants?.length ? h('div', { class: 'participants' }, ev.participants.map((p) => h('span', { class: 'chip' }, entityLink(p)))) : null);
}

function relationsSection(e) {
  return section('Relations', async () => {
    const rels = await api.entityRelations(e.id);
    if (!rels.length) return [empty('No relation recorded.'), 0];
    return [
      h('table', { class: 'relations' },
        h('tbody', {},
          rels.map((r) =>
            h('tr', {},
              h('td', {}, r.subject?.id === e.id ? h('strong', {}, r.subject.name) : entityLink(r.subject)),
              h('td', { class: 'predicate' }, (r.predicate ?? '').replaceAll('_', ' ')),
              h('td', {}, r.object?.id === e.id ? h('strong', {}, r.object.name) : entityLink(r.object)),
              h('td', { class: 'muted' }, fmtDate(r.date)))))),
      rels.length,
    ];
  }, { id: 'relations' });
}

function cooccurSection(e) {
  return section('Appears with', async () => {
    const co = await api.entityCooccurring(e.id, 15);
    if (!co.length) return [empty('Appears with no one else.'), 0];
    const max = Math.max(1, ...co.map((c) => c.weight ?? 0));
    return [
      h('ol', { class: 'ranked' },
        co.map((c) =>
          h('li', {},
            h('a', { href: `#/entity/${encodeURIComponent(c.entity.id)}`, title: c.entity.type }, c.entity.name),
            h('span', { class: 'bar', style: `--w:${((c.weight ?? 0) / max) * 100}%;--c:${color(c.entity.type)}` }),
            h('span', { class: 'num' }, c.weight ?? '')))),
      co.length,
    ];
  }, { id: 'cooccurring' });
}

function documentsSection(e) {
  return section('Articles', async () => {
    const docs = await api.entityDocuments(e.id);
    if (!docs.length) return [empty('No article.'), 0];
    return [
      h('ul', { class: 'docs' },
        docs.map((d) =>
          h('li', {},
            h('a', { href: `#/doc/${encodeURIComponent(d.id)}?entity=${encodeURIComponent(e.id)}` }, d.title || d.id),
            h('div', { class: 'muted' }, [d.source, fmtDate(d.published)].filter(Boolean).join(' · '))))),
      docs.length,
    ];
  }, { id: 'documents' });
}
