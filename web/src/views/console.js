// The GraphQL console: GraphiQL, with schema docs, autocompletion and query
// history (kept in localStorage), against the server's /graphql. React and
// GraphiQL load only when the console is first opened.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { getIntrospectionQuery, parse, print } from 'graphql';
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

const http = createGraphiQLFetcher({ url: `${location.origin}/graphql` });

// The server refuses queries nested deeper than its limit, and the standard
// introspection query unwraps types nine levels deep. Six levels cover every
// type the schema can write ([T!]! is three wrappers), so GraphiQL's own
// introspection is swapped for this shallower one.
const INTROSPECTION = getIntrospectionQuery({ descriptions: true, typeDepth: 6 });

function fetcher(params, opts) {
  if (params.operationName === 'IntrospectionQuery') {
    params = { ...params, query: INTROSPECTION };
  }
  return http(params, opts);
}

// pretty lays a shared query out as the editor would; one it cannot parse
// is shown as it came, for the editor to mark the error.
function pretty(q) {
  if (!q) return undefined;
  try {
    return print(parse(q));
  } catch {
    return q;
  }
}

export function renderConsole(root, _parts, params) {
  document.title = 'GraphQL console · newsgraph';
  const mount = h('div', { class: 'graphiql-mount', id: 'graphiql' });
  root.replaceChildren(mount);
  const reactRoot = createRoot(mount);
  reactRoot.render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery: DEFAULT_QUERY,
      // A query in the address (#/console?query=...) replaces the editor's
      // content, so that a link can share a query.
      query: pretty(params.get('query')),
      defaultEditorToolsVisibility: true,
      shouldPersistHeaders: false,
      isHeadersEditorEnabled: false,
      forcedTheme: 'light',
    }),
  );
  return () => reactRoot.unmount();
}
