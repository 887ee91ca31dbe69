package csv_test

import (
	"context"
	"flag"
	"io"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/csv"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
)

var _ = flag.Bool("update", false, "rewrite the golden files in testdata")

func writeDiscard(ctx context.Context, g graph.Walker) error {
	return csv.Write(ctx, io.Discard, io.Discard, g, csv.Options{})
}

func TestWriteFlat(t *testing.T) { exporttest.CheckFlat(t, writeDiscard) }

// BenchmarkWrite writes a generated graph of 100k nodes and 200k edges;
// with -benchmem, allocs/node stays the same at any size.
func BenchmarkWrite(b *testing.B) { exporttest.Bench(b, 100_000, writeDiscard) }
