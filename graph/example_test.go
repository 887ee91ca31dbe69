package graph_test

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kind"
)

func ExampleOpen() {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{InMemory: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	text := `Ms Berg said: "We will not back down."`
	speaker := "Anna Berg"
	doc := extract.Document{ID: "a1", Published: "2020-03-01",
		Entities: []extract.Entity{{ID: "e1", Name: "Anna Berg", Type: kind.Person, Aliases: []string{"Ms Berg"},
			Mentions: []extract.Span{{Start: 0, End: 7, Text: "Ms Berg"}}}},
		Quotes: []extract.Quote{{Speaker: &speaker, SpeakerID: "e1", Text: "We will not back down.", Cue: "said",
			Direct: true, Start: 15, End: 37}},
	}
	for range 2 {
		out, err := s.Ingest(ctx, extract.Article{ID: "a1", Text: text}, doc)
		fmt.Println(out, err)
	}
	quotes, err := s.Quotes(ctx, graph.QuoteFilter{Speaker: "Mr. Berg", Contains: "not back down"}, graph.Page{First: 10})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range quotes.Items {
		fmt.Printf("%s %q %s (from document: %v)\n", q.SpeakerID, q.Text, q.Date, q.DateFromDocument)
	}
	// Output:
	// added <nil>
	// unchanged <nil>
	// person:anna-berg "We will not back down." 2020-03-01 (from document: true)
}
