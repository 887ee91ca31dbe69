package jsongraph_test

import (
	"context"
	"flag"
	"io"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
	"github.com/newsgraph/newsgraph/graph/jsongraph"
)

var _ = flag.Bool("update", false, "rewrite the golden files in testdata")

func writeDiscard(ctx context.Context, g graph.Walker) error {
	return jsongraph.Write(ctx, io.Discard, g, jsongraph.Options{})
}

func TestWriteFlat(t *testing.T) { exporttest.CheckFlat(t, writeDiscard) }

// BenchmarkWrite writes a generated graph of 100k nodes and 200k edges;
// with -benchmem, allocs/node stays the same at any size.
func BenchmarkWrite(b *testing.B) { exporttest.Bench(b, 100_000, writeDiscard) }
