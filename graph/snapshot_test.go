package graph_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// TestSnapshotIsConsistent: documents stored after a snapshot was taken
// stay out of it, so its edges only join nodes it lists.
func TestSnapshotIsConsistent(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs := graphtest.Fixture()
	if len(docs) < 2 {
		t.Fatalf("fixture has %d documents, want at least 2", len(docs))
	}
	if err := s.Put(ctx, docs[0].Article, docs[0].Document); err != nil {
		t.Fatal(err)
	}
	snap, release := s.Snapshot()
	defer release()
	count := func(w graph.Walker) (nodes map[string]bool, edges int, dangling int) {
		nodes = map[string]bool{}
		if err := w.Nodes(ctx, func(n graph.Node) error { nodes[n.ID] = true; return nil }); err != nil {
			t.Fatal(err)
		}
		if err := w.Edges(ctx, func(e graph.Edge) error {
			edges++
			if !nodes[e.Source] || !nodes[e.Target] {
				dangling++
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return nodes, edges, dangling
	}
	before, edgesBefore, _ := count(snap)
	for _, d := range docs[1:] {
		if err := s.Put(ctx, d.Article, d.Document); err != nil {
			t.Fatal(err)
		}
	}
	after, edgesAfter, dangling := count(snap)
	if len(after) != len(before) || edgesAfter != edgesBefore || dangling != 0 {
		t.Errorf("snapshot walked %d nodes, %d edges (%d dangling) after more puts; before them %d nodes, %d edges",
			len(after), edgesAfter, dangling, len(before), edgesBefore)
	}
	live, _, _ := count(s.Walker())
	if len(live) <= len(before) {
		t.Errorf("the live walker sees %d nodes, no more than the snapshot's %d: the later documents added nothing", len(live), len(before))
	}
}
