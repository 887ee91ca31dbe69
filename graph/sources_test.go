package graph

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"
)

// TestSources checks how the sources of quotes, events and relations are
// filed: once per span, in the order stored, whatever a document lists
// twice; found again by Delete through xf/; checked by Verify.
func TestSources(t *testing.T) {
	ctx := context.Background()
	const said = "We will keep talking to everyone"
	text := "Ann Lee met Bob Ray. " + said + ", she said. Later: " + said + "."
	first := extract.Quote{Text: said, Start: 21, End: 21 + len(said)}
	second := extract.Quote{Text: said, Start: first.End + 19, End: first.End + 19 + len(said)}
	doc := func(id string, quotes ...extract.Quote) extract.Document {
		return extract.Document{ID: id, Published: "2021-01-01",
			Entities: []extract.Entity{
				{ID: "1", Name: "Ann Lee", Type: kind.Person, Mentions: []extract.Span{{Start: 0, End: 7}}},
				{ID: "2", Name: "Bob Ray", Type: kind.Person, Mentions: []extract.Span{{Start: 12, End: 19}}},
			},
			Quotes: quotes,
			Events: []extract.Event{{Type: "meeting", Text: "Ann Lee met Bob Ray", Participants: []string{"Ann Lee", "Bob Ray"},
				ParticipantIDs: []string{"1", "2"}, Start: 0, End: 19}},
			Relations: []extract.Relation{{Subject: "Ann Lee", SubjectID: "1", Predicate: kind.Met,
				Object: "Bob Ray", ObjectID: "2", Start: 0, End: 19}},
		}
	}
	open := func(t *testing.T) *Store {
		s, err := Open(ctx, Options{InMemory: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		for _, d := range []extract.Document{doc("b", first, first, second), doc("a", second)} {
			if err := s.Put(ctx, extract.Article{ID: d.ID, Text: text, Published: d.Published}, d); err != nil {
				t.Fatal(err)
			}
		}
		return s
	}
	qid := "q" + shortHash(NormQuote(said))
	s := open(t)
	events, err := s.Events(ctx, EventFilter{}, Page{})
	if err != nil || len(events.Items) != 1 {
		t.Fatalf("Events() = %+v (%v), want one event", events.Items, err)
	}
	rels, err := s.Relations(ctx, "Ann Lee", Page{})
	if err != nil || len(rels.Items) != 1 {
		t.Fatalf("Relations(Ann Lee) = %+v (%v), want one relation", rels.Items, err)
	}
	vid, rid := events.Items[0].ID, rels.Items[0].ID
	facts := []struct {
		id   string
		want []Source
	}{
		{qid, []Source{{"b", first.Start, first.End}, {"b", second.Start, second.End}, {"a", second.Start, second.End}}},
		{vid, []Source{{"b", 0, 19}, {"a", 0, 19}}},
		{rid, []Source{{"b", 0, 19}, {"a", 0, 19}}},
	}
	counts := map[string]int{qid: -1, vid: events.Items[0].SourceCount, rid: rels.Items[0].SourceCount}
	q, err := s.Quote(ctx, qid)
	if err != nil {
		t.Fatal(err)
	}
	counts[qid] = q.SourceCount
	if !slices.Equal(q.Sources, facts[0].want) {
		t.Errorf("Quote().Sources = %+v, want %+v", q.Sources, facts[0].want)
	}
	for _, f := range facts {
		if counts[f.id] != len(f.want) {
			t.Errorf("%s counts %d sources, want %d", f.id, counts[f.id], len(f.want))
		}
		for _, n := range []int{-1, 0, 1, 2, 3} {
			got, err := s.Sources(ctx, f.id, n)
			want := f.want
			if n >= 0 && n < len(want) {
				want = want[:n]
			}
			if err != nil || !slices.Equal(got, want) {
				t.Errorf("Sources(%s, %d) = %+v (%v), want %+v (the order stored)", f.id, n, got, err, want)
			}
		}
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify() = %v", err)
	}

	// Deleting b leaves a's sources, found through xf/.
	if err := s.Delete(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	for _, f := range facts {
		if got, err := s.Sources(ctx, f.id, -1); err != nil || !slices.Equal(got, f.want[len(f.want)-1:]) {
			t.Errorf("after deleting b: Sources(%s) = %+v (%v), want %+v", f.id, got, err, f.want[len(f.want)-1:])
		}
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify() after the delete = %v", err)
	}

	// Verify notices a fact's sources that disagree with its record, or
	// with the documents' index of facts.
	for _, tc := range []struct {
		name    string
		corrupt func(txn *badger.Txn) error
	}{
		{"missing event source", func(txn *badger.Txn) error { return txn.Delete([]byte(kFactSource(vid, 1))) }},
		{"extra relation source", func(txn *badger.Txn) error {
			return txn.Set([]byte(kFactSource(rid, 2)), encodeSource(Source{Document: "a", Start: 1, End: 2}))
		}},
		{"relation source out of sequence", func(txn *badger.Txn) error {
			if err := txn.Delete([]byte(kFactSource(rid, 0))); err != nil {
				return err
			}
			return txn.Set([]byte(kFactSource(rid, 2)), encodeSource(Source{Document: "b", Start: 0, End: 19}))
		}},
		{"missing document fact key", func(txn *badger.Txn) error { return txn.Delete([]byte(kDocFact("a", vid))) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			if err := s.db.Update(tc.corrupt); err != nil {
				t.Fatal(err)
			}
			if err := s.Verify(ctx); !errors.Is(err, ErrInconsistent) {
				t.Errorf("Verify() = %v, want ErrInconsistent", err)
			}
		})
	}
}
