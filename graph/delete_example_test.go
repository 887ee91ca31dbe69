package graph_test

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kind"
)

func ExampleStore_Delete() {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{InMemory: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()

	// Two outlets report the same words of Anna Berg.
	speaker := "Anna Berg"
	for _, id := range []string{"a1", "a2"} {
		text := `Anna Berg said: "We will not back down."`
		doc := extract.Document{ID: id,
			Entities: []extract.Entity{{ID: "e1", Name: "Anna Berg", Type: kind.Person,
				Mentions: []extract.Span{{Start: 0, End: 9, Text: "Anna Berg"}}}},
			Quotes: []extract.Quote{{Speaker: &speaker, SpeakerID: "e1", Text: "We will not back down.",
				Cue: "said", Direct: true, Start: 17, End: 39}},
		}
		if _, err := s.Ingest(ctx, extract.Article{ID: id, Text: text}, doc); err != nil {
			fmt.Println(err)
			return
		}
	}
	show := func() {
		e, err := s.Entity(ctx, "person:anna-berg")
		if err != nil {
			fmt.Println(err)
			return
		}
		q, _ := s.Quotes(ctx, graph.QuoteFilter{Speaker: "Anna Berg"}, graph.Page{First: 1})
		fmt.Printf("%s: %d documents, %d mentions; %d quote with %d sources\n",
			e.Name, e.Documents, e.Mentions, len(q.Items), q.Items[0].SourceCount)
	}
	show()
	fmt.Println(s.Delete(ctx, "a2"))
	show()
	fmt.Println(s.Delete(ctx, "a2"))
	// Output:
	// Anna Berg: 2 documents, 2 mentions; 1 quote with 2 sources
	// <nil>
	// Anna Berg: 1 documents, 1 mentions; 1 quote with 1 sources
	// graph: delete a2: graph: not found
}
