package schema_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/schema"
)

// FuzzExecute runs arbitrary queries against the fixture: execution must
// not panic, must answer JSON, and must say something (data or errors).
func FuzzExecute(f *testing.F) {
	for _, q := range []string{
		`{ quotes(contains: "back down") { totalCount edges { node { text speaker { name } } } } }`,
		`{ entity(name: "Ms Berg") { quotes { edges { cursor } } cooccurring { weight } } }`,
		`{ entities(search: "p", type: "PERSON", first: 2, after: "MQ") { pageInfo { endCursor } } }`,
		`{ events(from: "2020", to: "2020-02") { edges { node { participants { id } } } } }`,
		`{ neighbourhood(entity: "Anna Berg", depth: 2, limit: 3) { nodes { id } edges { weight } } }`,
		`query Q($x: String) { quotes(speaker: $x) { totalCount } }`,
		`{ __schema { types { name } } }`,
		`fragment F on Entity { id ...F } { entity(name: "UN") { ...F } }`,
	} {
		f.Add(q)
	}
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Options{InMemory: true})
	if err != nil {
		f.Fatal(err)
	}
	defer store.Close()
	if err := graphtest.Load(ctx, store); err != nil {
		f.Fatal(err)
	}
	s, err := schema.New(store)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		res := schema.Execute(ctx, s, schema.Request{Query: q}, schema.Options{})
		if res.Data == nil && len(res.Errors) == 0 {
			t.Errorf("Execute(%q): no data and no errors", q)
		}
		if _, err := json.Marshal(res); err != nil {
			t.Errorf("Execute(%q): answer does not marshal: %v", q, err)
		}
	})
}
