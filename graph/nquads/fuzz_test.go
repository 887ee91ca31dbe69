package nquads_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
	"github.com/newsgraph/newsgraph/graph/nquads"
)

// FuzzWrite checks that any IDs, labels and predicates give statements the
// strict parser accepts, with one typed subject per node.
func FuzzWrite(f *testing.F) {
	f.Add("a", "b", "Ada & <Bob>", "said", "2005-01")
	f.Add("x\x00", "x\x01", "\xff\"'\\u", "a b", "2005-02-30")
	f.Fuzz(func(t *testing.T, id1, id2, label, pred, date string) {
		if id1 == id2 {
			return
		}
		g := exporttest.Fuzzed(id1, id2, label, pred, date)
		for _, dg := range []bool{false, true} {
			var buf bytes.Buffer
			if err := nquads.Write(context.Background(), &buf, g.Walker(), nquads.Options{Dgraph: dg}); err != nil {
				t.Fatal(err)
			}
			out := bytes.ReplaceAll(buf.Bytes(), []byte("<dgraph.type>"), []byte("<urn:dgraph.type>"))
			quads, err := parse(out, !dg)
			if err != nil {
				t.Fatalf("Dgraph %v: %v\n%s", dg, err, out)
			}
			subjects := map[string]bool{}
			for _, q := range quads {
				if q.P.Value == rdfType || q.P.Value == "urn:dgraph.type" {
					subjects[q.S.Value] = true
				}
			}
			if len(subjects) != 3 {
				t.Errorf("Dgraph %v: %d typed subjects, want 2 nodes and 1 edge", dg, len(subjects))
			}
		}
	})
}
