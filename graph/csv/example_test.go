package csv_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/csv"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
	"github.com/newsgraph/newsgraph/kind"
)

func ExampleWrite() {
	// Any graph.Walker will do; (*graph.Store).Walker() in real use.
	g := &exporttest.Graph{
		Nodes: []graph.Node{
			{ID: "person:ada", Label: "Ada Lovelace", Type: "PERSON", Aliases: []string{"Ada", "Countess"}, Mentions: 2, Sources: 1},
			{ID: "place:london", Label: "London", Type: "PLACE", Mentions: 1, Sources: 1, FirstSeen: "1835-07", LastSeen: "1835-07", Dates: []string{"1835-07"}},
		},
		Edges: []graph.Edge{{ID: "e1", Source: "person:ada", Target: "place:london", Type: kind.LocatedIn, Weight: 1,
			FirstSeen: "1835-07-08", LastSeen: "1835-07-08", Dates: []string{"1835-07-08"}}},
	}
	var nodes, edges strings.Builder
	if err := csv.Write(context.Background(), &nodes, &edges, g.Walker(), csv.Options{}); err != nil {
		panic(err)
	}
	fmt.Print(nodes.String(), edges.String())
	// Output:
	// Id,Label,EntityType,Aliases,Roles,Mentions,Sources,FirstSeen,LastSeen,timeset
	// person:ada,Ada Lovelace,PERSON,Ada | Countess,,2,1,,,
	// place:london,London,PLACE,,,1,1,1835-07,1835-07,"<[1835-07-01, 1835-07-31]>"
	// Source,Target,Type,Kind,Id,Label,Relation,Weight,FirstSeen,LastSeen,timeset
	// person:ada,place:london,Directed,located_in,e1,located_in,located_in,1,1835-07-08,1835-07-08,"<[1835-07-08, 1835-07-08]>"
}
