package graph_test

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
)

func ExampleFiltered() {
	// The people around "Mr Yun", two hops out, in October 2017.
	g := graph.Filtered(exporttest.Small().Walker(), graph.Filter{
		Ego: "mr yun", Depth: 2, Types: []string{"PERSON"}, From: "2017-10", To: "2017-10",
	})
	ctx := context.Background()
	g.Nodes(ctx, func(n graph.Node) error { fmt.Println(n.ID, n.Dates); return nil })
	g.Edges(ctx, func(e graph.Edge) error { fmt.Println(e.Source, e.Type, e.Target); return nil })
	// Output:
	// person:joseph-yun [2017-10-17]
	// person:rex-tillerson [2017-10-17]
	// person:joseph-yun mentioned_with person:rex-tillerson
	// person:rex-tillerson mentioned_with person:joseph-yun
}
