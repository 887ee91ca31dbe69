package graph

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"
)

// TestEdgeDates stores one pair of people in a sentence of documents of
// three dates (one only a month), then asks for their edge in windows,
// with and without the edge's dates, and after deleting documents.
func TestEdgeDates(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const text = "Anna Berg met Carl Dahl."
	doc := func(id, published string) (extract.Article, extract.Document) {
		a := extract.Article{ID: id, Published: published, Text: text}
		d := extract.Document{ID: id, Published: published, Entities: []extract.Entity{
			{ID: "e1", Name: "Anna Berg", Type: kind.Person, Mentions: []extract.Span{{Start: 0, End: 9, Text: "Anna Berg"}}},
			{ID: "e2", Name: "Carl Dahl", Type: kind.Person, Mentions: []extract.Span{{Start: 14, End: 23, Text: "Carl Dahl"}}},
		}}
		return a, d
	}
	for _, p := range [][2]string{{"d1", "2017-10-17"}, {"d2", "2017-11"}, {"d3", "2018-01-05"}, {"d4", "2017-10-17"}} {
		a, d := doc(p[0], p[1])
		if err := s.Put(ctx, a, d); err != nil {
			t.Fatal(err)
		}
	}
	// edge returns the edge in the window, and checks that Carl Dahl is
	// a neighbour exactly when it is there.
	edge := func(from, to string, noDates bool) (Edge, bool) {
		t.Helper()
		sg, err := s.Neighbourhood(ctx, "Anna Berg", NeighbourhoodOptions{From: from, To: to, NoEdgeDates: noDates})
		if err != nil {
			t.Fatal(err)
		}
		var e Edge
		found := false
		for _, x := range sg.Edges {
			if x.Type == kind.MentionedWith {
				e, found = x, true
			}
		}
		if neighbour := len(sg.Nodes) == 2; neighbour != found {
			t.Errorf("window [%s, %s]: %d nodes, edge found %v", from, to, len(sg.Nodes), found)
		}
		return e, found
	}
	check := func(name string, wantDates []string) {
		t.Helper()
		if wantDates == nil {
			// The people went with their last document: nothing of the
			// edge may be left.
			kv, err := DumpKV(s)
			if err != nil {
				t.Fatal(err)
			}
			for k := range kv {
				if strings.HasPrefix(k, pCooc) || strings.HasPrefix(k, pCoocDate) || strings.HasPrefix(k, pCoocRank) {
					t.Errorf("%s: %q left", name, k)
				}
			}
			if err := s.Verify(ctx); err != nil {
				t.Errorf("%s: %v", name, err)
			}
			return
		}
		for _, tc := range []struct {
			from, to string
			in       bool
		}{
			{"", "", len(wantDates) > 0},
			{"2017-10-17", "2017-10-17", slices.Contains(wantDates, "2017-10-17")},
			{"2017-11-01", "2017-11-30", slices.Contains(wantDates, "2017-11")},
			{"2017-11-05", "2017-11-06", false}, // inside the month, not all of it
			{"2017-11-01", "2017-11-15", false}, // "2017-11" is read, and is not inside
			{"2018", "", slices.Contains(wantDates, "2018-01-05")},
			{"2019", "", false},
			{"", "2017-09-30", false},
		} {
			for _, noDates := range []bool{false, true} {
				e, in := edge(tc.from, tc.to, noDates)
				if in != tc.in {
					t.Errorf("%s: edge in [%s, %s] (dates read: %v) = %v, want %v", name, tc.from, tc.to, !noDates, in, tc.in)
					continue
				}
				if !in || (noDates && tc.from == "" && tc.to == "") {
					continue
				}
				if !slices.Equal(e.Dates, wantDates) || e.FirstSeen != wantDates[0] || e.LastSeen != wantDates[len(wantDates)-1] {
					t.Errorf("%s: edge dates %q, %s to %s, want %q", name, e.Dates, e.FirstSeen, e.LastSeen, wantDates)
				}
			}
		}
		if err := s.Verify(ctx); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	check("all stored", []string{"2017-10-17", "2017-11", "2018-01-05"})
	// d4 shares its date with d1: the date stays.
	for _, step := range []struct {
		doc   string
		dates []string
	}{
		{"d4", []string{"2017-10-17", "2017-11", "2018-01-05"}},
		{"d3", []string{"2017-10-17", "2017-11"}},
		{"d1", []string{"2017-11"}},
		{"d2", nil},
	} {
		if err := s.Delete(ctx, step.doc); err != nil {
			t.Fatal(err)
		}
		check("after deleting "+step.doc, step.dates)
	}
}
