package schema

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/source"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// fixtureSchema is the schema over an in-memory store holding graphtest's
// fixture.
func fixtureSchema(t *testing.T) graphql.Schema {
	t.Helper()
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	if err := graphtest.Load(ctx, store); err != nil {
		t.Fatal(err)
	}
	s, err := New(store)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestLeanMatchesGraphQLGo checks that the lean executor answers exactly
// what graphql-go answers, and leaves to graphql-go what it must.
func TestLeanMatchesGraphQLGo(t *testing.T) {
	ctx := context.Background()
	s := fixtureSchema(t)
	for _, tc := range []struct {
		name  string
		query string
		vars  map[string]any
		op    string
		lean  bool // the lean executor answers (else graphql-go must)
	}{
		{"speaker mix", `query($s: String) { quotes(speaker: $s, first: 20) { totalCount
  edges { cursor node { id text date cue direct speaker { id name type } sources { document { id title source published } start end } } }
  pageInfo { hasNextPage endCursor } } }`, map[string]any{"s": "Anna Berg"}, "", true},
		{"contains mix", `query($c: String, $f: String, $t: String) { quotes(contains: $c, from: $f, to: $t, first: 20) { totalCount
  edges { cursor node { id text date speaker { id name } sources { document { id title published } } } }
  pageInfo { hasNextPage endCursor } } }`, map[string]any{"c": "back down", "f": "2020", "t": "2021"}, "", true},
		{"entity mix", `query($n: String) { entity(name: $n) { id name type aliases mentionCount
  roles { title org from to }
  quotes(first: 20) { totalCount edges { node { id text date cue direct } } pageInfo { hasNextPage endCursor } } } }`,
			map[string]any{"n": "Ms Berg"}, "", true},
		{"neighbourhood mix", `query($e: ID!) { neighbourhood(entity: $e, depth: 2) {
  nodes { id name type mentionCount } edges { source target type weight } } }`, map[string]any{"e": "Anna Berg"}, "", true},
		{"variable as number", `query($e: ID!, $l: Int) { neighbourhood(entity: $e, limit: $l) { nodes { id } } }`,
			map[string]any{"e": "Anna Berg", "l": 3.0}, "", true},
		{"default variable", `query($f: Int = 1) { quotes(first: $f) { edges { node { id } } } }`, nil, "", true},
		{"everything on an entity", `{ entity(name: "Ms Berg") { name type aliases roles { title org orgId from to } mentionCount documentCount
			firstSeen lastSeen quotes(first: 2, newestFirst: true) { totalCount } documents { totalCount edges { node { id title text } } }
			relations { totalCount edges { node { id predicate subject { name } object { name } date dates sources { start } } } }
			events { totalCount edges { node { type participants { name } place { name } dateFromDocument } } }
			cooccurring(first: 3) { entity { name } weight firstSeen lastSeen } } }`, nil, "", true},
		{"aliases, fragments, typename", `query Q { a: quotes(from: "1900", first: 1) { __typename totalCount pageInfo { hasNextPage } }
			b: quotes(from: "1900", first: 1) { ...total edges { node { id } } } c: quotes(from: "1900", first: 1) { ... on QuoteConnection { totalCount } edges { node { text } } } }
			fragment total on QuoteConnection { totalCount edges { node { id date } } }`, nil, "Q", true},
		{"unknown entity", `{ entity(name: "Nobody") { id } }`, nil, "", true},
		{"stats and documents", `{ stats { documents entities quotes events relations edges } documents(first: 2) { edges { cursor node { id } } } }`, nil, "", true},
		{"neighbourhood with dates", `{ neighbourhood(entity: "Anna Berg", depth: 2, limit: 10, from: "2020") { nodes { id name aliases firstSeen lastSeen }
			edges { id source target type weight firstSeen lastSeen dates } } }`, nil, "", true},
		{"sources paged", `query($s: String, $n: Int) { quotes(speaker: $s, first: 5) { edges { node { id sourceCount
			sources(first: $n) { document { id } start } } } }
			events(first: 2) { edges { node { sourceCount sources(first: 0) { start } } } }
			entity(name: "Ms Berg") { relations(first: 2) { edges { node { sourceCount sources(first: 1) { end } } } } } }`, map[string]any{"s": "Anna Berg", "n": 1.0}, "", true},
		{"resolver error", `{ quotes(first: -1) { totalCount } }`, nil, "", false},
		{"negative sources", `{ quotes(first: 1) { edges { node { sources(first: -1) { start } } } } }`, nil, "", false},
		{"null in a non-null field", `{ entity { id } }`, nil, "", false},
		{"introspection", `{ __schema { types { name } } }`, nil, "", false}, // in graphql-go's map order: not compared
		{"directive", `query($x: Boolean!) { stats @include(if: $x) { documents } }`, map[string]any{"x": true}, "", false},
		{"missing non-null variable", `query($e: ID!) { neighbourhood(entity: $e) { nodes { id } } }`, nil, "", false},
		{"two operations", `query A { stats { documents } } query B { stats { edges } }`, nil, "B", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{Body: []byte(tc.query)})})
			if err != nil {
				t.Fatal(err)
			}
			req := Request{Query: tc.query, Variables: tc.vars, OperationName: tc.op}
			want := graphql.Execute(graphql.ExecuteParams{Schema: s, AST: doc, Args: tc.vars, OperationName: tc.op, Context: ctx})
			data, err := runLean(withMemo(ctx), s, doc, req)
			if !tc.lean {
				if err == nil {
					t.Errorf("runLean(%s) answered; want it left to graphql-go", tc.name)
				}
			} else if err != nil {
				t.Fatalf("runLean(%s) = %v, want an answer (graphql-go: %v)", tc.name, err, want.Errors)
			} else {
				// Byte for byte: the handler sends these bytes as they are.
				got := data
				w, _ := json.Marshal(want.Data)
				if string(got) != string(w) {
					t.Errorf("runLean(%s) = %s, want %s", tc.name, got, w)
				}
			}
			// Whoever answers, execute answers as graphql-go does.
			got, _ := json.Marshal(execute(withMemo(ctx), s, doc, req))
			w, _ := json.Marshal(want)
			if string(got) != string(w) && tc.name != "introspection" {
				t.Errorf("execute(%s) = %s, want %s", tc.name, got, w)
			}
		})
	}
}

// TestEntityHeadAnswers checks that a reference answered from the head of
// an entity record shows what the whole record shows.
func TestEntityHeadAnswers(t *testing.T) {
	ctx := context.Background()
	s := fixtureSchema(t)
	run := func(q string) []any {
		res := Execute(ctx, s, Request{Query: q}, Options{})
		if len(res.Errors) > 0 {
			t.Fatalf("Execute(%s): %v", q, res.Errors)
		}
		var data map[string]any
		if err := json.Unmarshal(res.Data.(json.RawMessage), &data); err != nil {
			t.Fatal(err)
		}
		var out []any
		for _, e := range data["quotes"].(map[string]any)["edges"].([]any) {
			sp, _ := e.(map[string]any)["node"].(map[string]any)["speaker"].(map[string]any)
			delete(sp, "aliases")
			out = append(out, sp)
		}
		return out
	}
	head := run(`{ quotes(first: 5) { edges { node { speaker { id name type } } } } }`)
	whole := run(`{ quotes(first: 5) { edges { node { speaker { id name type aliases } } } } }`)
	if fmt.Sprint(head) != fmt.Sprint(whole) || len(head) == 0 {
		t.Errorf("speakers from heads = %v, want %v", head, whole)
	}
}

// TestLeanAnswersOwnTheirBytes checks that an answer of the lean executor
// does not share memory with its pooled output buffer: answers are cached
// and sent long after the buffer has served other requests.
func TestLeanAnswersOwnTheirBytes(t *testing.T) {
	ctx := context.Background()
	s := fixtureSchema(t)
	run := func(query string) []byte {
		t.Helper()
		doc, err := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{Body: []byte(query)})})
		if err != nil {
			t.Fatal(err)
		}
		data, err := runLean(withMemo(ctx), s, doc, Request{Query: query})
		if err != nil {
			t.Fatalf("runLean(%s): %v", query, err)
		}
		return data
	}
	first := run(`{ neighbourhood(entity: "Anna Berg", depth: 2) { nodes { id name } edges { source target type } } }`)
	kept := string(first)
	for range 10 {
		if other := run(`{ stats { documents entities quotes } }`); string(other) == kept {
			t.Fatalf("two different queries answered the same: %s", other)
		}
	}
	if string(first) != kept {
		t.Errorf("an answer changed after later queries:\n got %s\nwant %s", first, kept)
	}
}
