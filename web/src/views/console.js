// The GraphQL console: GraphiQL, with schema docs, autocompletion and query
// history (kept in localStorage), against the server's /graphql. React and
// GraphiQL load only when the console is first opened.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import { h } from '../util.js';

const DEFAULT_QUERY = `# Welcome to the newsgraph console.
# Ctrl-Space completes, Ctrl-Enter runs; the Docs panel lists every field.
{
  entities(type: "PERSON", first: 10) {
    edges { node { id name type mentionCount } }
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: `${location.origin}/graphql` });

export function renderConsole(root, _parts, params) {
  document.title = 'GraphQL console · newsgraph';
  const mount = h('div', { class: 'graphiql-mount', id: 'graphiql' });
  root.replaceChildren(mount);
  const reactRoot = createRoot(mount);
  reactRoot.render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: DEFAULT_QUERY,
      initialQuery: params.get('query') ?? undefined,
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
      isHeadersEditorEnabled: false,
      forcedTheme: 'light',
    }),
  );
  return () => reactRoot.unmount();
}
