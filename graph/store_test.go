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
