package graph_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/internal/corpus"
)

// batchInputs is the fixture, some corpus articles as the extractor reads
// them (when the corpus is there), and documents the store refuses or
// skips: a repeat, a conflict, one too big for a transaction, one without
// an ID, in the middle of the others.
func batchInputs(t *testing.T) []graph.BatchItem {
	t.Helper()
	var items []graph.BatchItem
	for _, d := range graphtest.Fixture() {
		items = append(items, graph.BatchItem{Article: d.Article, Document: d.Document})
	}
	if path, err := corpus.Path(); err == nil {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		x := extract.New()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for n := 0; n < 30 && sc.Scan(); n++ {
			var a extract.Article
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatal(err)
			}
			d, err := x.Extract(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			items = append(items, graph.BatchItem{Article: a, Document: d})
		}
	}
	// Each distinct word of a quote is a key of the word index.
	var words strings.Builder
	for i := range 60000 {
		fmt.Fprintf(&words, "w%d ", i)
	}
	big := graph.BatchItem{Article: extract.Article{ID: "too-big", Text: "A long quote."},
		Document: extract.Document{Quotes: []extract.Quote{{Text: words.String(), Start: 0, End: 13}}}}
	conflict := items[1]
	conflict.Article.Text += " Changed."
	mid := len(items) / 2
	extra := []graph.BatchItem{items[0], big, conflict, {Article: extract.Article{Text: "no id"}}}
	return append(items[:mid:mid], append(extra, items[mid:]...)...)
}

func dump(t *testing.T, s *graph.Store) map[string]string {
	t.Helper()
	kv, err := graph.DumpKV(s)
	if err != nil {
		t.Fatal(err)
	}
	return kv
}

func outcome(o graph.Outcome, err error) string {
	for _, e := range []error{graph.ErrConflict, graph.ErrTooBig, graph.ErrBadDocument} {
		if errors.Is(err, e) {
			return e.Error()
		}
	}
	if err != nil {
		return "error: " + err.Error()
	}
	return o.String()
}

// TestIngestBatchEqualsOneByOne: whatever the batch sizes, IngestBatch
// builds the store, and reports the outcomes, that Ingest of each document
// in turn does, refused documents included.
func TestIngestBatchEqualsOneByOne(t *testing.T) {
	ctx := context.Background()
	items := batchInputs(t)
	open := func() *graph.Store {
		s, err := graph.Open(ctx, graph.Options{InMemory: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	ref := open()
	var want []string
	for _, it := range items {
		want = append(want, outcome(ref.Ingest(ctx, it.Article, it.Document)))
	}
	wantDump := dump(t, ref)
	if !strings.Contains(strings.Join(want, ","), graph.ErrTooBig.Error()) {
		t.Fatalf("outcomes %v: the oversized document was stored; the test needs a bigger one", want)
	}
	for _, size := range []int{3, 16, len(items)} {
		t.Run(fmt.Sprint("batch=", size), func(t *testing.T) {
			s := open()
			var got []string
			for i := 0; i < len(items); i += size {
				gen := s.Generation()
				res, err := s.IngestBatch(ctx, items[i:min(i+size, len(items))])
				if err != nil {
					t.Fatalf("IngestBatch(items[%d:]) = %v", i, err)
				}
				added := false
				for _, r := range res {
					got = append(got, outcome(r.Outcome, r.Err))
					added = added || r.Outcome == graph.Added
				}
				if added && s.Generation() == gen {
					t.Errorf("IngestBatch(items[%d:]) added documents but left Generation at %d", i, gen)
				}
			}
			if g, w := strings.Join(got, ","), strings.Join(want, ","); g != w {
				t.Errorf("outcomes = %s, want %s", g, w)
			}
			gotDump := dump(t, s)
			diffs := 0
			for k, v := range wantDump {
				if gv, ok := gotDump[k]; !ok || gv != v {
					if diffs++; diffs <= 5 {
						t.Errorf("key %q = %.80q (present %v), want %.80q", k, gv, ok, v)
					}
				}
			}
			for k, v := range gotDump {
				if _, ok := wantDump[k]; !ok {
					if diffs++; diffs <= 10 {
						t.Errorf("key %q = %.80q, want no such key", k, v)
					}
				}
			}
			if err := s.Verify(ctx); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestIngestBatchAfterDelete: a delete between two batches changes
// counters the first batch left; the second must count from the store's
// values, not from what the first one wrote.
func TestIngestBatchAfterDelete(t *testing.T) {
	ctx := context.Background()
	items := batchInputs(t)
	s, err := graph.Open(ctx, graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	half := len(items) / 2
	res, err := s.IngestBatch(ctx, items[:half])
	if err != nil {
		t.Fatal(err)
	}
	var added []string
	for i, r := range res {
		if r.Outcome == graph.Added {
			added = append(added, items[i].Article.ID)
		}
	}
	if len(added) < 3 {
		t.Fatalf("the first batch added %d documents, want at least 3", len(added))
	}
	for _, id := range []string{added[0], added[len(added)/2], added[len(added)-1]} {
		if err := s.Delete(ctx, id); err != nil {
			t.Fatalf("Delete(%s) = %v", id, err)
		}
	}
	if _, err := s.IngestBatch(ctx, items[half:]); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Error(err)
	}
}
