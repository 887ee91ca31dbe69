package nquads_test

import (
	"context"
	"os"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
	"github.com/newsgraph/newsgraph/graph/nquads"
)

func ExampleWrite() {
	// Any graph.Walker will do; (*graph.Store).Walker() in real use.
	g := &exporttest.Graph{Nodes: []graph.Node{
		{ID: "person:ada lovelace", Label: `Ada "Countess" Lovelace`, Type: "PERSON", Mentions: 2, Sources: 1, FirstSeen: "1835-07"},
	}}
	err := nquads.Write(context.Background(), os.Stdout, g.Walker(), nquads.Options{Base: "https://example.org/", Graph: "https://example.org/news"})
	if err != nil {
		panic(err)
	}
	// Output:
	// <https://example.org/node:person:ada%20lovelace> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Person> <https://example.org/news> .
	// <https://example.org/node:person:ada%20lovelace> <http://schema.org/name> "Ada \"Countess\" Lovelace" <https://example.org/news> .
	// <https://example.org/node:person:ada%20lovelace> <http://schema.org/identifier> "person:ada lovelace" <https://example.org/news> .
	// <https://example.org/node:person:ada%20lovelace> <urn:newsgraph:vocab:type> "PERSON" <https://example.org/news> .
	// <https://example.org/node:person:ada%20lovelace> <urn:newsgraph:vocab:mentions> "2"^^<http://www.w3.org/2001/XMLSchema#integer> <https://example.org/news> .
	// <https://example.org/node:person:ada%20lovelace> <urn:newsgraph:vocab:sources> "1"^^<http://www.w3.org/2001/XMLSchema#integer> <https://example.org/news> .
	// <https://example.org/node:person:ada%20lovelace> <urn:newsgraph:vocab:firstSeen> "1835-07"^^<http://www.w3.org/2001/XMLSchema#gYearMonth> <https://example.org/news> .
}
