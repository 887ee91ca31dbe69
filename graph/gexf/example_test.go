package gexf_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/gexf"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
)

func ExampleWrite() {
	// Any graph.Walker will do; (*graph.Store).Walker() in real use.
	g := &exporttest.Graph{Nodes: []graph.Node{
		{ID: "person:ada", Label: "Ada Lovelace", Type: "PERSON", Mentions: 2, Sources: 1,
			FirstSeen: "1835-07-08", LastSeen: "1843", Dates: []string{"1835-07-08", "1843"}},
	}}
	var out strings.Builder
	if err := gexf.Write(context.Background(), &out, g.Walker(), gexf.Options{Dynamic: true}); err != nil {
		panic(err)
	}
	// Print the node only.
	s := out.String()
	fmt.Print(s[strings.Index(s, "      <node "):strings.Index(s, "    </nodes>")])
	// Output:
	//       <node id="person:ada" label="Ada Lovelace">
	//         <attvalues>
	//           <attvalue for="type" value="PERSON"/>
	//           <attvalue for="mentions" value="2"/>
	//           <attvalue for="sources" value="1"/>
	//           <attvalue for="first_seen" value="1835-07-08"/>
	//           <attvalue for="last_seen" value="1843"/>
	//         </attvalues>
	//         <spells>
	//           <spell start="1835-07-08" end="1835-07-08"/>
	//           <spell start="1843-01-01" end="1843-12-31"/>
	//         </spells>
	//         <viz:color r="31" g="119" b="180"/>
	//         <viz:size value="20.99"/>
	//       </node>
}
