package graph_test

import (
	"context"
	"testing"

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
