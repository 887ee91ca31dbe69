package exporttest

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestMeasureFlatCatchesLeaks makes sure the flat-memory check can fail: a
// writer that remembers every node ID must be caught.
func TestMeasureFlatCatchesLeaks(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	leaky := func(ctx context.Context, g graph.Walker) error {
		seen := map[string]bool{}
		if err := g.Nodes(ctx, func(n graph.Node) error { seen[n.ID] = true; return nil }); err != nil {
			return err
		}
		return g.Edges(ctx, func(e graph.Edge) error { _ = seen[e.Source]; return nil })
	}
	m, err := MeasureFlat(leaky)
	if err != nil {
		t.Fatal(err)
	}
	if m.Growth <= 256<<10 {
		t.Errorf("MeasureFlat(leaky).Growth = %d, want more than 256 KiB", m.Growth)
	}
}
