package gexf_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph/gexf"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
)

// FuzzWrite checks that any IDs, labels and predicates give well-formed
// XML with distinct node IDs and no dangling edge.
func FuzzWrite(f *testing.F) {
	f.Add("a", "b", "Ada & <Bob>", "said", "2005-01")
	f.Add("x\x00", "x\x01", "\xff\"'", "a b", "2005-02-30")
	f.Fuzz(func(t *testing.T, id1, id2, label, pred, date string) {
		if id1 == id2 {
			return
		}
		g := exporttest.Fuzzed(id1, id2, label, pred, date)
		var buf bytes.Buffer
		if err := gexf.Write(context.Background(), &buf, g.Walker(), gexf.Options{Dynamic: true}); err != nil {
			t.Fatal(err)
		}
		d := parse(t, buf.Bytes())
		if len(d.Graph.Nodes) != 2 || d.Graph.Nodes[0].ID == d.Graph.Nodes[1].ID {
			t.Fatalf("nodes = %+v, want two distinct", d.Graph.Nodes)
		}
		if e := d.Graph.Edges[0]; e.Source != d.Graph.Nodes[0].ID || e.Target != d.Graph.Nodes[1].ID {
			t.Errorf("edge %q -> %q, want %q -> %q", e.Source, e.Target, d.Graph.Nodes[0].ID, d.Graph.Nodes[1].ID)
		}
	})
}
