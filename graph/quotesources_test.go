package graph

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestQuoteSources checks how a quote's sources are filed: once per span,
// in the order stored, whatever the document lists twice.
func TestQuoteSources(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const said = "We will keep talking to everyone"
	text := said + ", she said. Later: " + said + "."
	first := extract.Quote{Text: said, Start: 0, End: len(said)}
	second := extract.Quote{Text: said, Start: len(said) + 19, End: 2*len(said) + 19}
	for _, doc := range []struct {
		id     string
		quotes []extract.Quote
	}{
		{"b", []extract.Quote{first, first, second}}, // the same span twice
		{"a", []extract.Quote{second}},
	} {
		d := extract.Document{ID: doc.id, Quotes: doc.quotes}
		if err := s.Put(ctx, extract.Article{ID: doc.id, Text: text}, d); err != nil {
			t.Fatal(err)
		}
	}
	want := []Source{{"b", first.Start, first.End}, {"b", second.Start, second.End}, {"a", second.Start, second.End}}
	q, err := s.Quote(ctx, "q"+shortHash(NormQuote(said)))
	if err != nil {
		t.Fatal(err)
	}
	if q.SourceCount != len(want) || len(q.Sources) != len(want) {
		t.Fatalf("quote has %d sources, counted %d, want %d", len(q.Sources), q.SourceCount, len(want))
	}
	for i := range want {
		if q.Sources[i] != want[i] {
			t.Errorf("source %d = %+v, want %+v (the order stored)", i, q.Sources[i], want[i])
		}
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify() = %v", err)
	}
	// Deleting b leaves a's source, first now, found through xq/.
	if err := s.Delete(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if q, err = s.Quote(ctx, q.ID); err != nil || len(q.Sources) != 1 || q.Sources[0] != want[2] || q.SourceCount != 1 {
		t.Errorf("after deleting b: Quote() = %+v (%v), want the one source %+v", q.Sources, err, want[2])
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify() after the delete = %v", err)
	}
}
