package schema_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/schema"
)

// response is a GraphQL answer decoded loosely.
type response struct {
	Data   map[string]any `json:"data"`
	Errors []struct {
		Message string `json:"message"`
	} `json:"errors"`
	status int
}

func (r response) errText() string {
	var s []string
	for _, e := range r.Errors {
		s = append(s, e.Message)
	}
	return strings.Join(s, "; ")
}

func post(t *testing.T, srv *httptest.Server, query string, vars map[string]any) response {
	t.Helper()
	body, _ := json.Marshal(schema.Request{Query: query, Variables: vars})
	res, err := http.Post(srv.URL+"/graphql", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return decode(t, res)
}

func decode(t *testing.T, res *http.Response) response {
	t.Helper()
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	var r response
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("response %s is not JSON: %v", b, err)
	}
	r.status = res.StatusCode
	return r
}

// path walks decoded JSON: keys for objects, ints for lists.
func path(v any, steps ...any) any {
	for _, s := range steps {
		switch s := s.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[s]
		case int:
			l, _ := v.([]any)
			if s >= len(l) {
				return nil
			}
			v = l[s]
		}
	}
	return v
}

func fixtureServer(t *testing.T, opts schema.Options) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := graphtest.Load(ctx, s); err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", schema.Handler(s, opts))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestQueries(t *testing.T) {
	srv := fixtureServer(t, schema.Options{MaxPageSize: 5, MaxDepth: 8})
	for _, tc := range []struct {
		name  string
		query string
		check func(t *testing.T, r response)
	}{
		{"quote merged across outlets", `{ quotes(contains: "not back down") { totalCount edges { cursor node {
			text date direct speaker { id name type } sources { document { id source published } start end } } } } }`,
			func(t *testing.T, r response) {
				q := path(r.Data, "quotes", "edges", 0, "node")
				if got := path(q, "speaker", "name"); got != "Anna Berg" {
					t.Errorf("speaker = %v, want Anna Berg", got)
				}
				if got := len(path(q, "sources").([]any)); got != 3 {
					t.Errorf("sources = %d, want 3", got)
				}
				if got := path(q, "sources", 0, "document", "source"); got != "outlet-a" {
					t.Errorf("first source outlet = %v, want outlet-a", got)
				}
			}},
		{"sources paged", `{ quotes(contains: "not back down") { edges { node { sourceCount
			all: sources { document { id } } two: sources(first: 2) { document { id } } none: sources(first: 0) { start } } } } }`,
			func(t *testing.T, r response) {
				q := path(r.Data, "quotes", "edges", 0, "node")
				all, two := path(q, "all").([]any), path(q, "two").([]any)
				if got := path(q, "sourceCount"); got != float64(len(all)) || len(all) != 3 {
					t.Errorf("sourceCount = %v with %d sources, want 3 and 3", got, len(all))
				}
				if len(two) != 2 || path(two[0], "document", "id") != path(all[0], "document", "id") ||
					path(two[1], "document", "id") != path(all[1], "document", "id") {
					t.Errorf("sources(first: 2) = %v, want the first two of %v", two, all)
				}
				if none := path(q, "none").([]any); len(none) != 0 {
					t.Errorf("sources(first: 0) = %v, want none", none)
				}
			}},
		{"entity by alias", `{ entity(name: "Ms Berg") { name type aliases roles { title org } mentionCount
			quotes(first: 2) { totalCount } documents { totalCount } relations { totalCount edges { node { predicate subject { name } object { name } } } }
			events { totalCount edges { node { type participants { name } place { name } } } }
			cooccurring(first: 3) { entity { name } weight } } }`,
			func(t *testing.T, r response) {
				e := path(r.Data, "entity")
				if path(e, "name") != "Anna Berg" || path(e, "type") != "PERSON" {
					t.Errorf("entity = %v, want Anna Berg, PERSON", e)
				}
				if got := path(e, "documents", "totalCount"); got != 3.0 {
					t.Errorf("documents.totalCount = %v, want 3", got)
				}
				if got := path(e, "events", "edges", 0, "node", "place", "name"); got != "United Nations" {
					t.Errorf("events[0].place = %v, want United Nations", got)
				}
				if got := path(e, "roles", 0, "title"); got != "foreign minister" {
					t.Errorf("roles[0].title = %v, want foreign minister", got)
				}
			}},
		{"newest first", `{ quotes(newestFirst: true, first: 1) { edges { node { date } } } entity(name: "Ms Berg") { events(newestFirst: true) { totalCount } } }`,
			func(t *testing.T, r response) {
				if got := path(r.Data, "quotes", "edges", 0, "node", "date"); got != "2020-03-02" {
					t.Errorf("quotes(newestFirst).first date = %v, want 2020-03-02", got)
				}
			}},
		{"unknown entity is null", `{ entity(name: "Nobody") { id } }`, func(t *testing.T, r response) {
			if len(r.Errors) > 0 || r.Data["entity"] != nil {
				t.Errorf("entity(Nobody) = %v, %s; want null, no error", r.Data["entity"], r.errText())
			}
		}},
		{"entities by type", `{ entities(type: "person", first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { name mentionCount } } } }`,
			func(t *testing.T, r response) {
				if got := path(r.Data, "entities", "totalCount"); got != 4.0 {
					t.Errorf("totalCount = %v, want 4", got)
				}
				if got := path(r.Data, "entities", "pageInfo", "hasNextPage"); got != true {
					t.Errorf("hasNextPage = %v, want true", got)
				}
			}},
		{"events on a day", `{ events(from: "2020-02-28", to: "2020-02-28") { totalCount edges { node { type date sources { start end } } } } }`,
			func(t *testing.T, r response) {
				if got := path(r.Data, "events", "edges", 0, "node", "type"); got != "speech" {
					t.Errorf("event type = %v, want speech", got)
				}
			}},
		{"documents and text", `{ documents(first: 5) { totalCount edges { node { id title } } } document(id: "b") { text published } }`,
			func(t *testing.T, r response) {
				if got := path(r.Data, "documents", "totalCount"); got != 3.0 {
					t.Errorf("documents.totalCount = %v, want 3", got)
				}
				if got, _ := path(r.Data, "document", "text").(string); !strings.HasPrefix(got, "Minister Anna Berg") {
					t.Errorf("document(b).text = %q, want the article", got)
				}
			}},
		{"neighbourhood", `{ neighbourhood(entity: "Anna Berg", depth: 2, limit: 10) { nodes { id name type mentionCount firstSeen lastSeen }
			edges { source target type weight firstSeen lastSeen } } }`,
			func(t *testing.T, r response) {
				if got := path(r.Data, "neighbourhood", "nodes", 0, "name"); got != "Anna Berg" {
					t.Errorf("nodes[0] = %v, want Anna Berg", got)
				}
				if n, _ := path(r.Data, "neighbourhood", "edges").([]any); len(n) == 0 {
					t.Errorf("no edges")
				}
			}},
		{"totalCount through fragments", `query { a: quotes(from: "1900", first: 1) { totalCount pageInfo { hasNextPage } }
			b: quotes(from: "1900", first: 1) { ...total } c: quotes(from: "1900", first: 1) { ... on QuoteConnection { totalCount } } }
			fragment total on QuoteConnection { totalCount }`,
			func(t *testing.T, r response) {
				a := path(r.Data, "a", "totalCount")
				if n, ok := a.(float64); !ok || n < 2 || path(r.Data, "a", "pageInfo", "hasNextPage") != true {
					t.Fatalf("quotes(from: 1900, first: 1) = totalCount %v, hasNextPage %v; want at least 2 and true", a, path(r.Data, "a", "pageInfo", "hasNextPage"))
				}
				for _, k := range []string{"b", "c"} {
					if got := path(r.Data, k, "totalCount"); got != a {
						t.Errorf("%s: totalCount = %v, want %v", k, got, a)
					}
				}
			}},
		{"stats", `{ stats { documents entities quotes events relations edges } }`, func(t *testing.T, r response) {
			if got := path(r.Data, "stats", "documents"); got != 3.0 {
				t.Errorf("stats.documents = %v, want 3", got)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, tc.query, nil)
			if len(r.Errors) > 0 {
				t.Fatalf("errors: %s", r.errText())
			}
			tc.check(t, r)
		})
	}
}

func TestErrors(t *testing.T) {
	srv := fixtureServer(t, schema.Options{MaxPageSize: 5, MaxDepth: 7, MaxCost: 100})
	for _, tc := range []struct {
		name, query, want string
	}{
		{"first over the cap", `{ quotes(first: 6) { totalCount } }`, "over the limit of 5"},
		{"negative first", `{ quotes(first: -1) { totalCount } }`, "negative"},
		{"negative first of sources", `{ quotes(first: 1) { edges { node { sources(first: -2) { start } } } } }`, "first: -2 is negative"},
		{"bad date", `{ quotes(from: "2017-13-01") { totalCount } }`, "bad date"},
		{"unknown type", `{ entities(type: "ANIMAL") { totalCount } }`, "unknown entity type"},
		{"bad cursor", `{ quotes(after: "%%%") { totalCount } }`, "bad cursor"},
		{"too deep", `{ entity(name: "Berg") { quotes { edges { node { speaker { quotes { edges { node { id } } } } } } } } }`, "over the limit of 7"},
		{"syntax", `{ quotes( }`, "Syntax Error"},
		{"no entity key", `{ entity { id } }`, "give an id or a name"},
		{"too costly", `{ entities(first: 5) { edges { node { quotes(first: 5) { edges { node { id text date } } } } } } }`, "over the limit of 100"},
		{"fragment cycle", `fragment A on Entity { id ...B } fragment B on Entity { ...A } { entity(name: "UN") { ...A } }`, "spreads itself"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := post(t, srv, tc.query, nil)
			if !strings.Contains(r.errText(), tc.want) {
				t.Errorf("errors = %q, want one containing %q", r.errText(), tc.want)
			}
		})
	}
}

func TestHTTP(t *testing.T) {
	srv := fixtureServer(t, schema.Options{MaxBodyBytes: 200})
	t.Run("GET", func(t *testing.T) {
		q := url.Values{"query": {`query($n: String) { entity(name: $n) { name } }`}, "variables": {`{"n": "UN"}`}}
		res, err := http.Get(srv.URL + "/graphql?" + q.Encode())
		if err != nil {
			t.Fatal(err)
		}
		r := decode(t, res)
		if got := path(r.Data, "entity", "name"); got != "United Nations" {
			t.Errorf("GET entity(UN) = %v (%s), want United Nations", got, r.errText())
		}
	})
	t.Run("variables", func(t *testing.T) {
		r := post(t, srv, `query($c: String) { quotes(contains: $c) { totalCount } }`, map[string]any{"c": "going well"})
		if got := path(r.Data, "quotes", "totalCount"); got != 1.0 {
			t.Errorf("totalCount = %v (%s), want 1", got, r.errText())
		}
	})
	for _, tc := range []struct {
		name   string
		method string
		body   string
		status int
	}{
		{"body too big", http.MethodPost, `{"query": "{ stats { documents } }", "pad": "` + strings.Repeat("x", 300) + `"}`, http.StatusRequestEntityTooLarge},
		{"not JSON", http.MethodPost, `query`, http.StatusBadRequest},
		{"no query", http.MethodPost, `{}`, http.StatusBadRequest},
		{"method", http.MethodDelete, ``, http.StatusMethodNotAllowed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest(tc.method, srv.URL+"/graphql", strings.NewReader(tc.body))
			req.Header.Set("Content-Type", "application/json")
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			r := decode(t, res)
			if r.status != tc.status || len(r.Errors) == 0 {
				t.Errorf("%s %q = %d %q, want %d with an error", tc.method, tc.body, r.status, r.errText(), tc.status)
			}
		})
	}
}

// TestIntrospectionPassesDepthLimit: the standard introspection query that
// GraphiQL and other tools send nests deeper than the data limit; it must
// still answer, while a deep data query is refused.
func TestIntrospectionPassesDepthLimit(t *testing.T) {
	srv := fixtureServer(t, schema.Options{MaxDepth: 4})
	typeRef := "kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } }"
	intro := `{ __schema { queryType { name } types { name fields { name type { ` + typeRef + ` } } } } }`
	resp, err := http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(`{"query":`+strconv.Quote(intro)+`}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), `"queryType":{"name":"Query"}`) || strings.Contains(string(b), `"errors"`) {
		t.Errorf("introspection under a depth limit of 4 = %.300s, want the schema", b)
	}
	deep := `{ entity(name: "x") { quotes { edges { node { speaker { quotes { edges { node { id } } } } } } } } }`
	resp, err = http.Post(srv.URL+"/graphql", "application/json", strings.NewReader(`{"query":`+strconv.Quote(deep)+`}`))
	if err != nil {
		t.Fatal(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), "over the limit of 4") {
		t.Errorf("deep data query = %.300s, want it refused for depth", b)
	}
}
