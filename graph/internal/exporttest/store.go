package exporttest

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/kind"
)

// Store opens an in-memory graph.Store holding graphtest's fixture plus
// one document whose names hold markup characters, quotes and non-Latin
// scripts, and returns its Walker. The store is closed when the test ends.
func Store(t testing.TB) graph.Walker {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{InMemory: true})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	if err := graphtest.Load(ctx, s); err != nil {
		t.Fatalf("load fixture: %v", err)
	}
	a, d := hostileDoc()
	if err := s.Put(ctx, a, d); err != nil {
		t.Fatalf("ingest hostile document: %v", err)
	}
	return s.Walker()
}

func hostileDoc() (extract.Article, extract.Document) {
	names := []struct {
		name string
		typ  kind.Entity
	}{
		{`AT&T <Labs> "Research"`, kind.Org},
		{"金正恩", kind.Person},
		{"Jean-Luc O'Brien | Smith", kind.Person},
		{"كيم جونغ أون", kind.Person},
		{`Back\slash {Place} ^Town^`, kind.Place},
	}
	quote := `We said "no" & <meant> it, 金正恩 too.`
	text := ""
	for _, n := range names {
		text += n.name + " met the others. "
	}
	text += "\u201c" + quote + "\u201d " + names[1].name + " said."
	a := extract.Article{ID: "hostile <doc> & \"co\"", Title: "Hostile & <title>", Text: text, Published: "2005-03-02", Source: "outlet & co"}
	d := extract.Document{ID: a.ID, Title: a.Title, Source: a.Source, Published: a.Published}
	for i, n := range names {
		off := strings.Index(text, n.name)
		d.Entities = append(d.Entities, extract.Entity{
			ID: "h" + string(rune('0'+i)), Name: n.name, Type: n.typ, Confidence: 1,
			Mentions: []extract.Span{{Start: off, End: off + len(n.name), Text: n.name}},
		})
	}
	qs := strings.Index(text, quote)
	speaker := names[1].name
	d.Quotes = []extract.Quote{{Speaker: &speaker, SpeakerID: "h1", Text: quote, Cue: "said", Direct: true,
		Date: "2005-03-01", Start: qs, End: qs + len(quote), Confidence: 1}}
	d.Relations = []extract.Relation{{Subject: names[0].name, SubjectID: "h0", Predicate: kind.LocatedIn,
		Object: names[4].name, ObjectID: "h4", Start: 0, End: len(names[0].name), Confidence: 1}}
	return a, d
}

// Count walks g and returns how many nodes and edges it holds.
func Count(t testing.TB, g graph.Walker) (nodes, edges int) {
	t.Helper()
	ctx := context.Background()
	if err := g.Nodes(ctx, func(graph.Node) error { nodes++; return nil }); err != nil {
		t.Fatal(err)
	}
	if err := g.Edges(ctx, func(graph.Edge) error { edges++; return nil }); err != nil {
		t.Fatal(err)
	}
	return nodes, edges
}
