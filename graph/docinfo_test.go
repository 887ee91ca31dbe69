package graph_test

import (
	"context"
	"errors"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// DocumentInfo remembers what it read, but never past a write: a deleted
// document is gone at once, a new one found.
func TestDocumentInfoNeverStale(t *testing.T) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	docs := graphtest.Fixture()
	for _, d := range docs[:len(docs)-1] {
		if _, err := s.Ingest(ctx, d.Article, d.Document); err != nil {
			t.Fatal(err)
		}
	}
	first, last := docs[0].Article.ID, docs[len(docs)-1].Article.ID
	for range 2 { // the second read comes from memory
		d, err := s.DocumentInfo(ctx, first)
		if err != nil || d.ID != first || d.Hash == "" {
			t.Fatalf("DocumentInfo(%s) = %+v, %v; want the document", first, d, err)
		}
	}
	if _, err := s.DocumentInfo(ctx, last); !errors.Is(err, graph.ErrNotFound) {
		t.Fatalf("DocumentInfo(%s) before its ingest: error %v, want ErrNotFound", last, err)
	}
	l := docs[len(docs)-1]
	if _, err := s.Ingest(ctx, l.Article, l.Document); err != nil {
		t.Fatal(err)
	}
	if d, err := s.DocumentInfo(ctx, last); err != nil || d.ID != last {
		t.Errorf("DocumentInfo(%s) after its ingest = %+v, %v; want it", last, d, err)
	}
	if _, err := s.DocumentInfo(ctx, first); err != nil { // in memory again
		t.Fatal(err)
	}
	if err := s.Delete(ctx, first); err != nil {
		t.Fatal(err)
	}
	if d, err := s.DocumentInfo(ctx, first); !errors.Is(err, graph.ErrNotFound) {
		t.Errorf("DocumentInfo(%s) after its delete = %+v, %v; want ErrNotFound", first, d, err)
	}
}
