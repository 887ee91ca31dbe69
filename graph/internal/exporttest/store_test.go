package exporttest

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestStore(t *testing.T) {
	g := Store(t)
	n, e := Count(t, g)
	if n < 10 || e < 5 {
		t.Errorf("store fixture has %d nodes and %d edges, want at least 10 and 5", n, e)
	}
	if testing.Verbose() {
		g.Nodes(context.Background(), func(n graph.Node) error { t.Logf("%+v", n); return nil })
		g.Edges(context.Background(), func(e graph.Edge) error { t.Logf("%+v", e); return nil })
	}
}
