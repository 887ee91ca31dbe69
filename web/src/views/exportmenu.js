// The export buttons: each is a link to the server's /export endpoint for
// the current view, so the browser downloads the file itself.
import { exportURL } from '../api.js';
import { h } from '../util.js';

const FORMATS = [
  ['gexf', 'GEXF', 'Gephi'],
  ['graphml', 'GraphML', 'yEd, Cytoscape, NetworkX'],
  ['csv', 'CSV', 'nodes.csv + edges.csv, zipped'],
  ['json', 'JSON', 'node-link JSON'],
];

// exportMenu renders the buttons; view returns the current {ego, depth,
// types, from, to} when a button is pressed, so links follow the view.
export function exportMenu(view) {
  const links = FORMATS.map(([format, label, hint]) => {
    const a = h('a', { class: 'button small', href: exportURL(format, view()), download: '', title: `Export this view as ${label} (${hint})`, dataset: { format } }, label);
    // Refresh just before the click so sliders and filters are honoured.
    const refresh = () => { a.href = exportURL(format, view()); };
    a.addEventListener('pointerdown', refresh);
    a.addEventListener('focus', refresh);
    a.addEventListener('click', refresh);
    return a;
  });
  return h('div', { class: 'export', role: 'group', 'aria-label': 'Export' }, h('span', { class: 'label' }, 'Export'), links);
}
