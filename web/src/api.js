// Every GraphQL query the dashboard sends lives here, so that a renamed field
// in the schema is fixed in one place. Each entity-page section has its own
// query: a field the server lacks then breaks that section, not the page.

export class GraphQLError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join('; '));
    this.name = 'GraphQLError';
    this.errors = errors;
  }
}

// gql posts one query and returns its data. Errors with no data throw;
// errors beside data are logged and the data is returned.
export async function gql(query, variables = {}, { signal } = {}) {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body;
  try {
    body = await res.json();
  } catch {
    throw new Error(`graphql: HTTP ${res.status} ${res.statusText}`);
  }
  if (body.errors?.length) {
    if (!body.data) throw new GraphQLError(body.errors);
    console.warn('graphql:', body.errors);
  }
  if (!res.ok && !body.data) throw new Error(`graphql: HTTP ${res.status}`);
  return body.data;
}

const nodes = (conn) => (conn?.edges ?? []).map((e) => e.node).filter(Boolean);

// The server refuses pages over its limit, so lists longer than a page are
// read page by page, up to max items.
export const PAGE = 100;

async function collect(fetchPage, max) {
  const out = [];
  let after = null;
  while (out.length < max) {
    const conn = await fetchPage(Math.min(PAGE, max - out.length), after);
    out.push(...nodes(conn));
    if (!conn?.pageInfo?.hasNextPage || !conn.pageInfo.endCursor) break;
    after = conn.pageInfo.endCursor;
  }
  return out;
}

export async function searchEntities(search, { type, first = 10, signal } = {}) {
  const data = await gql(
    `query Search($search: String, $type: String, $first: Int) {
      entities(search: $search, type: $type, first: $first) {
        edges { node { id name type mentionCount } }
      }
    }`,
    { search: search || null, type: type || null, first },
    { signal },
  );
  return nodes(data.entities);
}

export async function entityCore(id) {
  const data = await gql(
    `query Entity($id: ID) {
      entity(id: $id) { id name type aliases mentionCount roles { title org from to } }
    }`,
    { id },
  );
  return data.entity;
}

// SHOWN_SOURCES bounds the sources a list of quotes fetches for each: a
// quote every outlet carries has hundreds, and the list says how many more.
// A literal, not a variable: the server costs a query by its page sizes.
export const SHOWN_SOURCES = 5;

export async function entityQuotes(id, max = 500) {
  return collect(async (first, after) => (await gql(
    `query EntityQuotes($id: ID, $first: Int, $after: String) {
      entity(id: $id) {
        quotes(first: $first, after: $after) {
          pageInfo { hasNextPage endCursor }
          edges { node {
            id text date cue direct
            sourceCount sources(first: ${SHOWN_SOURCES}) { document { id title source published } start end }
          } }
        }
      }
    }`,
    { id, first, after },
  )).entity?.quotes, max);
}

export async function entityRelations(id, first = 100) {
  const data = await gql(
    `query EntityRelations($id: ID, $first: Int) {
      entity(id: $id) {
        relations(first: $first) {
          edges { node { predicate date subject { id name } object { id name } } }
        }
      }
    }`,
    { id, first },
  );
  return nodes(data.entity?.relations);
}

export async function entityCooccurring(id, first = 15) {
  const data = await gql(
    `query EntityCooccurring($id: ID, $first: Int) {
      entity(id: $id) { cooccurring(first: $first) { entity { id name type } weight } }
    }`,
    { id, first },
  );
  return data.entity?.cooccurring ?? [];
}

export async function entityDocuments(id, first = 50) {
  const data = await gql(
    `query EntityDocuments($id: ID, $first: Int) {
      entity(id: $id) { documents(first: $first) { edges { node { id title source published } } } }
    }`,
    { id, first },
  );
  return nodes(data.entity?.documents);
}

const eventFields = `id type text date participants { id name type } place { id name }`;

export async function events({ participant, from, to, max = 500 } = {}) {
  return collect(async (first, after) => (await gql(
    `query Events($participant: String, $from: String, $to: String, $first: Int, $after: String) {
      events(participant: $participant, from: $from, to: $to, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node { ${eventFields} } }
      }
    }`,
    { participant: participant || null, from: from || null, to: to || null, first, after },
  )).events, max);
}

export async function quotes({ speaker, contains, from, to, max = 500 } = {}) {
  return collect(async (first, after) => (await gql(
    `query Quotes($speaker: String, $contains: String, $from: String, $to: String, $first: Int, $after: String) {
      quotes(speaker: $speaker, contains: $contains, from: $from, to: $to, first: $first, after: $after) {
        pageInfo { hasNextPage endCursor }
        edges { node {
          id text date cue direct speaker { id name type }
          sourceCount sources(first: ${SHOWN_SOURCES}) { document { id title source published } start end }
        } }
      }
    }`,
    { speaker: speaker || null, contains: contains || null, from: from || null, to: to || null, first, after },
  )).quotes, max);
}

export async function neighbourhood(entity, { depth = 1, from, to, limit = 3000 } = {}) {
  const data = await gql(
    `query Neighbourhood($entity: ID!, $depth: Int, $from: String, $to: String, $limit: Int) {
      neighbourhood(entity: $entity, depth: $depth, from: $from, to: $to, limit: $limit) {
        nodes { id name type mentionCount firstSeen lastSeen }
        edges { source target type weight firstSeen lastSeen }
      }
    }`,
    { entity, depth, from: from || null, to: to || null, limit },
  );
  return data.neighbourhood ?? { nodes: [], edges: [] };
}

export async function documentByID(id) {
  const data = await gql(
    `query Document($id: ID!) { document(id: $id) { id title source url published text } }`,
    { id },
  );
  return data.document;
}

// exportURL is the server's export endpoint for the given view; the
// browser downloads whatever it answers.
export function exportURL(format, { ego, depth, types, from, to } = {}) {
  const q = new URLSearchParams({ format });
  if (ego) q.set('ego', ego);
  if (ego && depth) q.set('depth', String(depth));
  if (types?.length) q.set('types', types.join(','));
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  return `/export?${q}`;
}

export async function stats() {
  const data = await gql(`query Stats { stats { documents entities quotes events } }`);
  return data.stats;
}
