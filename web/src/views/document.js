// The document view: an article's text with a span, a quote as a rule,
// highlighted at the byte offsets the extractor recorded.
import { documentByID } from '../api.js';
import { h, splitBytes, fmtDate, errorBox } from '../util.js';

export async function renderDocument(root, [id], params) {
  const doc = await documentByID(id);
  if (!doc) {
    root.replaceChildren(errorBox(`no document has the id “${id}”`));
    return;
  }
  document.title = `${doc.title || doc.id} · newsgraph`;
  const start = params.has('start') ? Number(params.get('start')) : null;
  const end = params.has('end') ? Number(params.get('end')) : null;
  const text = doc.text ?? '';
  let body;
  let mark = null;
  if (start != null && end != null && Number.isFinite(start) && Number.isFinite(end) && end > start) {
    const [before, inside, after] = splitBytes(text, start, end);
    mark = h('mark', { id: 'span', title: `bytes ${start}–${end}` }, inside);
    body = h('div', { class: 'doc-text' }, before, mark, after);
  } else {
    body = h('div', { class: 'doc-text' }, text);
  }
  root.replaceChildren(
    h('article', { class: 'card doc' },
      h('header', { class: 'doc-head' },
        h('button', { class: 'link back', type: 'button', onclick: () => history.back() }, '← Back'),
        h('h1', {}, doc.title || doc.id),
        h('div', { class: 'muted' },
          [doc.source, fmtDate(doc.published), doc.id].filter(Boolean).join(' · '),
          doc.url && [' · ', h('a', { href: doc.url, rel: 'noreferrer noopener', target: '_blank' }, 'original')]),
        mark && h('p', { class: 'doc-span-note' }, `Highlighted: bytes ${start}–${end} of the article.`)),
      body));
  if (mark) requestAnimationFrame(() => mark.scrollIntoView({ block: 'center' }));
}
