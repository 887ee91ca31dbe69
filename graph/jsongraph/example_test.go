package jsongraph_test

import (
	"context"
	"os"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
	"github.com/newsgraph/newsgraph/graph/jsongraph"
	"github.com/newsgraph/newsgraph/kind"
)

func ExampleWrite() {
	// Any graph.Walker will do; (*graph.Store).Walker() in real use.
	g := &exporttest.Graph{
		Nodes: []graph.Node{
			{ID: "person:ada", Label: "Ada Lovelace", Type: "PERSON", Mentions: 2, Sources: 1},
			{ID: "place:london", Label: "London", Type: "PLACE", Mentions: 1, Sources: 1, FirstSeen: "1835", LastSeen: "1835", Dates: []string{"1835"}},
		},
		Edges: []graph.Edge{{ID: "e1", Source: "person:ada", Target: "place:london", Type: kind.LocatedIn, Weight: 1}},
	}
	if err := jsongraph.Write(context.Background(), os.Stdout, g.Walker(), jsongraph.Options{}); err != nil {
		panic(err)
	}
	// Output:
	// {"directed": true, "multigraph": true, "graph": {"name": "newsgraph"},
	// "nodes": [
	// {"id":"person:ada","label":"Ada Lovelace","type":"PERSON","aliases":[],"roles":[],"mentions":2,"sources":1,"first_seen":"","last_seen":"","dates":[]},
	// {"id":"place:london","label":"London","type":"PLACE","aliases":[],"roles":[],"mentions":1,"sources":1,"first_seen":"1835","last_seen":"1835","dates":["1835"]}
	// ],
	// "links": [
	// {"id":"e1","key":"e1","source":"person:ada","target":"place:london","relation":"located_in","weight":1,"first_seen":"","last_seen":"","dates":[]}
	// ]}
}
