package graph

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"
)

// hotStep is one write of TestHotCacheAcrossWrites.
type hotStep struct {
	ingest  []int // article indexes, one IngestBatch of them
	del     []int // article indexes to Delete
	cancel  int   // with ingest: cancel the batch after this many ctx checks
	wantErr bool
}

func span(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		out = append(out, i)
	}
	return out
}

// countdownCtx is cancelled once Err has been asked n times: a batch
// cut short after some of its documents resolved names and changed
// entities and edges.
type countdownCtx struct {
	context.Context
	n atomic.Int64
}

func (c *countdownCtx) Err() error {
	if c.n.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// TestHotCacheAcrossWrites runs the same writes on two stores, one that
// keeps its cache of hot records across batches and one that starts every
// batch without it, and compares them key for key. Between batches a
// Delete changes entities, names and edges that the cache holds, and a
// batch cut short leaves behind what it read and wrote; neither may show
// through the cache.
func TestHotCacheAcrossWrites(t *testing.T) {
	var items []BatchItem
	for _, a := range recombined(t, 24, 7) {
		items = append(items, BatchItem{Article: a, Document: extractCached(t, a)})
	}
	tests := []struct {
		name  string
		steps []hotStep
	}{
		{"batches only", []hotStep{{ingest: span(0, 8)}, {ingest: span(8, 16)}, {ingest: span(16, 24)}}},
		{"delete between batches", []hotStep{
			{ingest: span(0, 12)}, {del: span(4, 10)}, {ingest: span(12, 24)}}},
		{"delete then ingest again", []hotStep{
			{ingest: span(0, 12)}, {ingest: span(12, 20)}, {del: span(12, 20)}, {ingest: span(12, 24)}}},
		{"delete the first, then more", []hotStep{
			{ingest: span(0, 6)}, {ingest: span(6, 12)}, {del: span(0, 3)}, {ingest: span(12, 18)},
			{del: span(6, 9)}, {ingest: span(18, 24)}}},
		{"batch cut short", []hotStep{
			{ingest: span(0, 8)}, {ingest: span(8, 20), cancel: 9, wantErr: true}, {ingest: span(8, 24)}}},
		{"batch cut short after a delete", []hotStep{
			{ingest: span(0, 12)}, {del: span(0, 4)}, {ingest: span(12, 24), cancel: 5, wantErr: true},
			{ingest: span(12, 24)}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { compareHot(t, items, tt.steps) })
	}
}

// TestHotCacheCopies widens a role, adds an alias and a date to an edge in
// a batch that is then cut short: the records the cache handed out were
// copies, so the next batch sees them as committed.
func TestHotCacheCopies(t *testing.T) {
	doc := func(id, pub string, role extract.Role, aliases ...string) BatchItem {
		text := "Alan Brightwater runs Norland Mining."
		return BatchItem{Article: extract.Article{ID: id, Text: text, Published: pub},
			Document: extract.Document{Entities: []extract.Entity{
				{ID: "p", Name: "Alan Brightwater", Type: kind.Person, Aliases: aliases,
					Roles: []extract.Role{role}, Mentions: []extract.Span{{Start: 0, End: 16}}},
				{ID: "o", Name: "Norland Mining", Type: kind.Org, Mentions: []extract.Span{{Start: 22, End: 36}}},
			}}}
	}
	ceo := func(from, to string) extract.Role {
		return extract.Role{Title: "chief executive", Org: "Norland Mining", OrgID: "o", From: from, To: to}
	}
	items := []BatchItem{
		doc("r1", "2017-01-05", ceo("2012", "2014")),
		doc("r2", "2017-01-02", ceo("2005", "2020"), "Mr Brightwater"),
		doc("r3", "2017-01-09", ceo("2013", "2013")),
		doc("r4", "2017-01-01", extract.Role{}),
		doc("r5", "2017-01-12", extract.Role{}),
	}
	compareHot(t, items, []hotStep{
		// Three dates: the edge's list has room to grow in place.
		{ingest: []int{0, 2, 4}},
		{ingest: []int{1, 3}, cancel: 3, wantErr: true},
		{ingest: []int{3}},
		{ingest: []int{1}},
	})
}

// compareHot runs steps on two stores, one that keeps its cache across
// batches and one that starts every batch without it, and compares them.
func compareHot(t *testing.T, items []BatchItem, steps []hotStep) {
	t.Helper()
	s := openDisk(t, t.TempDir())
	ref := openDisk(t, t.TempDir())
	for i, st := range steps {
		for _, x := range []*Store{s, ref} {
			if x == ref {
				x.hot.gen = ^uint64(0) // stale: the next batch starts without it
			}
			runHotStep(t, x, items, st)
		}
		// After each step: a later step may write over what went wrong.
		if diff := diffDumps(dumpStore(t, s), dumpStore(t, ref)); diff != "" {
			t.Fatalf("after step %d, the store with the cache differs from one without (- without, + with):\n%s", i, diff)
		}
	}
	if err := s.Verify(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func runHotStep(t *testing.T, s *Store, all []BatchItem, st hotStep) {
	t.Helper()
	for _, i := range st.del {
		if err := s.Delete(context.Background(), all[i].Article.ID); err != nil {
			t.Fatalf("Delete(%s): %v", all[i].Article.ID, err)
		}
	}
	if st.ingest == nil {
		return
	}
	var items []BatchItem
	for _, i := range st.ingest {
		items = append(items, all[i])
	}
	var ctx context.Context = context.Background()
	if st.cancel > 0 {
		c := &countdownCtx{Context: ctx}
		c.n.Store(int64(st.cancel))
		ctx = c
	}
	res, err := s.IngestBatch(ctx, items)
	if (err != nil) != st.wantErr {
		t.Fatalf("IngestBatch(%d documents) = %v, want error %v", len(items), err, st.wantErr)
	}
	if err != nil {
		return
	}
	for i, r := range res {
		if r.Err != nil {
			t.Fatalf("IngestBatch: %s: %v", items[i].Article.ID, r.Err)
		}
	}
}

// TestHotMapBound fills a hotMap with far more than its budget: what it
// holds stays within the budget, and a record used all along stays.
func TestHotMapBound(t *testing.T) {
	tests := []struct {
		budget, records, every int
	}{
		{budget: 4 << 10, records: 10000, every: 10},
		{budget: 64 << 10, records: 100000, every: 50},
		{budget: 1 << 20, records: 60000, every: 500},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.budget), func(t *testing.T) {
			var m hotMap[[]string]
			m.reset(tt.budget, variantsSize)
			hot := hotVal[[]string]{v: []string{"the record read often"}, found: true}
			m.put("hot", hot)
			for i := range tt.records {
				m.put(fmt.Sprintf("quote%07d", i), hotVal[[]string]{v: []string{fmt.Sprint(i)}, found: true})
				// A record that grows and shrinks is counted at its size.
				m.put("grows", hotVal[[]string]{v: make([]string, i%(tt.budget/1024)), found: true})
				if i%tt.every == 0 {
					if x, ok := m.get("hot"); !ok || x.v[0] != hot.v[0] {
						t.Fatalf("after %d records, the record read every %d is gone", i, tt.every)
					}
				}
				if i%97 != 0 {
					continue
				}
				held := 0
				for _, mm := range []map[string]hotVal[[]string]{m.cur, m.old} {
					for k, x := range mm {
						held += variantsSize(k, x.v)
					}
				}
				if held > tt.budget {
					t.Fatalf("after %d records the map holds %d bytes, budget %d", i, held, tt.budget)
				}
			}
			// A record too large for the map is not kept, nor an older
			// copy of it.
			m.put("big", hot)
			big := hotVal[[]string]{v: make([]string, tt.budget/8), found: true}
			m.put("big", big)
			if _, ok := m.get("big"); ok {
				t.Errorf("a record of %d bytes was kept in a map of %d", variantsSize("big", big.v), tt.budget)
			}
		})
	}
}

// TestBatchCapAdapts ingests into a store whose transactions hold few
// documents: the first batch overflows and is done again smaller, later
// ones start at the size that fitted, and the store is still the one
// ingest one by one builds.
func TestBatchCapAdapts(t *testing.T) {
	arts := recombined(t, 48, 3)
	small := func(o badger.Options) badger.Options { return o.WithMemTableSize(4 << 20).WithValueThreshold(1 << 10) }
	var items []BatchItem
	for _, a := range arts {
		items = append(items, BatchItem{Article: a, Document: extractCached(t, a)})
	}
	ctx := context.Background()
	s, err := Open(ctx, Options{Dir: t.TempDir(), tune: small})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for from := 0; from < len(items); from += 24 {
		res, err := s.IngestBatch(ctx, items[from:from+24])
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range res {
			if r.Err != nil {
				t.Fatalf("%s: %v", items[from+i].Article.ID, r.Err)
			}
		}
		if s.batchCap <= 0 || s.batchCap >= 24 {
			t.Fatalf("after a batch of 24 documents overflowed, batchCap = %d, want 1..23", s.batchCap)
		}
	}
	one, err := Open(ctx, Options{Dir: t.TempDir(), tune: small})
	if err != nil {
		t.Fatal(err)
	}
	defer one.Close()
	ingestAll(t, one, arts)
	if diff := diffDumps(dumpStore(t, s), dumpStore(t, one)); diff != "" {
		t.Errorf("batched ingest with a cap differs from one by one (- one by one, + batched):\n%s", diff)
	}
}
