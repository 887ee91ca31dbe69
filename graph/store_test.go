package graph_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

func TestConformanceInMemory(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) *graph.Store {
		s, err := graph.Open(context.Background(), graph.Options{InMemory: true})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestConformanceOnDisk(t *testing.T) {
	graphtest.Run(t, func(t *testing.T) *graph.Store {
		s, err := graph.Open(context.Background(), graph.Options{Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestConcurrentPut(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const workers, each = 4, 25
	errs := make(chan error, workers)
	for w := 0; w < workers; w++ {
		go func(w int) {
			for i := 0; i < each; i++ {
				a, d := synthDoc(w*each + i)
				if err := s.Put(ctx, a, d); err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}(w)
	}
	for w := 0; w < workers; w++ {
		if err := <-errs; err != nil {
			t.Errorf("Put: %v", err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != workers*each {
		t.Errorf("Stats().Documents = %d, want %d", st.Documents, workers*each)
	}
	if err := s.Verify(ctx); err != nil {
		t.Errorf("Verify() = %v", err)
	}
}

// TestNeighbourhoodHub checks the pairwise path taken for nodes with many
// more edges than the subgraph has nodes.
func TestNeighbourhoodHub(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	text := "Hub Person met"
	d := extract.Document{ID: "hub", Published: "2021-01-01"}
	d.Entities = append(d.Entities, extract.Entity{ID: "h", Name: "Hub Person", Type: kind.Person,
		Mentions: []extract.Span{{Start: 0, End: 10}}})
	for i := 0; i < 30; i++ {
		name := fmt.Sprintf("Guest%02d Person", i)
		text += " " + name + ","
		d.Entities = append(d.Entities, extract.Entity{ID: fmt.Sprint(i), Name: name, Type: kind.Person,
			Mentions: []extract.Span{{Start: len(text) - len(name) - 1, End: len(text) - 1}}})
	}
	d.Relations = []extract.Relation{{SubjectID: "h", Predicate: kind.Met, ObjectID: "0"}}
	if err := s.Put(ctx, extract.Article{ID: "hub", Text: text + " in one sentence."}, d); err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int{3, 5, 31} {
		sg, err := s.Neighbourhood(ctx, "Hub Person", graph.NeighbourhoodOptions{Limit: limit})
		if err != nil {
			t.Fatal(err)
		}
		n := len(sg.Nodes)
		if want := min(limit, 31); n != want {
			t.Errorf("Neighbourhood(limit %d) = %d nodes, want %d", limit, n, want)
		}
		met, in := 0, map[string]bool{}
		for _, nd := range sg.Nodes {
			in[nd.Label] = true
		}
		for _, e := range sg.Edges {
			if e.Type == kind.Met {
				met++
			}
		}
		want := n * (n - 1) / 2
		if in["Guest00 Person"] {
			want++ // the met relation
		}
		if len(sg.Edges) != want || met > 1 {
			t.Errorf("Neighbourhood(limit %d) = %d edges (%d met) among %d nodes, want %d (all pairs once, and met)", limit, len(sg.Edges), met, n, want)
		}
	}
}

// TestHeaviestNeighbours checks that neighbours and co-occurrences come
// heaviest first when weights grow document by document (the weight index
// is rewritten on each change).
func TestHeaviestNeighbours(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const n = 8
	// Document j names Centre Person with Guest j..n in one sentence, so
	// Guest i ends with weight i.
	for j := 1; j <= n; j++ {
		text := "Centre Person"
		d := extract.Document{ID: fmt.Sprint("doc", j), Published: "2021-01-01"}
		d.Entities = append(d.Entities, extract.Entity{ID: "c", Name: "Centre Person", Type: kind.Person,
			Mentions: []extract.Span{{Start: 0, End: len(text)}}})
		for i := j; i <= n; i++ {
			name := fmt.Sprintf("Guest%d Person", i)
			text += " and " + name
			d.Entities = append(d.Entities, extract.Entity{ID: fmt.Sprint(i), Name: name, Type: kind.Person,
				Mentions: []extract.Span{{Start: len(text) - len(name), End: len(text)}}})
		}
		if err := s.Put(ctx, extract.Article{ID: d.ID, Text: text + " met.", Published: d.Published}, d); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("Verify() = %v", err)
	}
	co, err := s.Cooccurring(ctx, "Centre Person", 3)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range co {
		got = append(got, fmt.Sprintf("%s:%d", c.Entity.Name, c.Weight))
	}
	if want := "[Guest8 Person:8 Guest7 Person:7 Guest6 Person:6]"; fmt.Sprint(got) != want {
		t.Errorf("Cooccurring(Centre Person, 3) = %v, want %v", got, want)
	}
	for _, depth := range []int{1, 2} {
		t.Run(fmt.Sprint("depth=", depth), func(t *testing.T) {
			sg, err := s.Neighbourhood(ctx, "Centre Person", graph.NeighbourhoodOptions{Depth: depth, Limit: 4})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, nd := range sg.Nodes {
				got = append(got, nd.Label)
			}
			if want := "[Centre Person Guest8 Person Guest7 Person Guest6 Person]"; fmt.Sprint(got) != want {
				t.Errorf("Neighbourhood(Centre Person, limit 4) nodes = %v, want %v", got, want)
			}
			if len(sg.Edges) != 6 {
				t.Errorf("Neighbourhood(Centre Person, limit 4) = %d edges, want 6 (all pairs)", len(sg.Edges))
			}
			// Without dates the edges are read another way (keys of the
			// weight index): they must be the same edges.
			bare, err := s.Neighbourhood(ctx, "Centre Person", graph.NeighbourhoodOptions{Depth: depth, Limit: 4, NoEdgeDates: true})
			if err != nil {
				t.Fatal(err)
			}
			edgeSet := func(es []graph.Edge) map[string]bool {
				m := map[string]bool{}
				for _, e := range es {
					m[fmt.Sprintf("%s %s-%s %g", e.Type, e.Source, e.Target, e.Weight)] = true
				}
				return m
			}
			if got, want := edgeSet(bare.Edges), edgeSet(sg.Edges); fmt.Sprint(got) != fmt.Sprint(want) || len(bare.Edges) != len(sg.Edges) {
				t.Errorf("Neighbourhood(NoEdgeDates) edges = %v, want %v", got, want)
			}
			for _, e := range bare.Edges {
				if e.Type == kind.MentionedWith && (len(e.Dates) > 0 || e.FirstSeen != "") {
					t.Errorf("Neighbourhood(NoEdgeDates) edge %s has dates %v", e.ID, e.Dates)
				}
			}
		})
	}
}
