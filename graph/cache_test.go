package graph

import (
	"context"
	"encoding/json"
	"testing"
)

// drop empties the cache, as if nothing had been read yet.
func (c *genCache[V]) drop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.recs, c.used = nil, 0
}

func (s *Store) dropCaches() {
	s.docInfo.drop()
	s.relations.drop()
	s.quotes.drop()
	s.srcLists.drop()
	s.nodes.drop()
	s.coocLists.drop()
	s.relEnds.drop()
}

// The records queries keep in memory (documents, quotes, neighbourhood
// nodes, sources, co-occurrence lists, relation ends and relations) never outlive a
// write: after an ingest and after a delete, answers given with the
// caches warm from before the write are the answers of a store read cold.
func TestRecordCachesNeverStale(t *testing.T) {
	ctx := context.Background()
	as, bs := deleteArticles(t)
	s := openDisk(t, t.TempDir())
	ingestAll(t, s, as[:len(as)-1])

	answers := func() string {
		t.Helper()
		var out []any
		ents, err := s.Entities(ctx, EntityFilter{}, Page{First: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents.Items {
			for _, depth := range []int{1, 2} {
				sg, err := s.Neighbourhood(ctx, e.ID, NeighbourhoodOptions{Depth: depth, Limit: 12, NoEdgeDates: true})
				if err != nil {
					t.Fatalf("Neighbourhood(%s): %v", e.ID, err)
				}
				out = append(out, sg)
			}
			qs, err := s.Quotes(ctx, QuoteFilter{Speaker: e.ID}, Page{First: 50})
			if err != nil {
				t.Fatalf("Quotes(speaker %s): %v", e.ID, err)
			}
			out = append(out, qs)
			for _, q := range qs.Items {
				srcs, err := s.Sources(ctx, q.ID, -1)
				if err != nil {
					t.Fatalf("Sources(%s): %v", q.ID, err)
				}
				out = append(out, srcs)
			}
		}
		qs, err := s.Quotes(ctx, QuoteFilter{Contains: "the"}, Page{First: 1000})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, ents, qs)
		b, err := json.Marshal(out)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	check := func(after string) {
		t.Helper()
		warm := answers()
		s.dropCaches()
		if cold := answers(); warm != cold {
			t.Errorf("after %s, answers with the caches of before differ from a cold read", after)
		}
	}

	answers() // fill the caches
	ingestAll(t, s, as[len(as)-1:])
	check("an ingest")
	ingestAll(t, s, bs)
	check("more ingests")
	for _, a := range bs {
		if err := s.Delete(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		check("deleting " + a.ID)
	}
	if s.quotes.recs == nil || s.srcLists.recs == nil || s.relations.recs == nil ||
		s.nodes.recs == nil || s.coocLists.recs == nil || s.relEnds.recs == nil {
		t.Error("a cache stayed empty: the test checks nothing for it")
	}
}

// What queries hand out is the caller's own: changing it changes no later
// answer, though the records behind it are kept in memory.
func TestRecordCachesHandOutCopies(t *testing.T) {
	ctx := context.Background()
	as, _ := deleteArticles(t)
	s := openDisk(t, t.TempDir())
	ingestAll(t, s, as)
	ents, err := s.Entities(ctx, EntityFilter{}, Page{First: 1000})
	if err != nil {
		t.Fatal(err)
	}
	read := func() ([]Subgraph, []List[Quote]) {
		var sgs []Subgraph
		var qls []List[Quote]
		for _, e := range ents.Items {
			sg, err := s.Neighbourhood(ctx, e.ID, NeighbourhoodOptions{Depth: 1, NoEdgeDates: true})
			if err != nil {
				t.Fatal(err)
			}
			ql, err := s.Quotes(ctx, QuoteFilter{Speaker: e.ID}, Page{First: 50})
			if err != nil {
				t.Fatal(err)
			}
			sgs, qls = append(sgs, sg), append(qls, ql)
		}
		return sgs, qls
	}
	encode := func(sgs []Subgraph, qls []List[Quote]) string {
		b, err := json.Marshal([]any{sgs, qls})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	sgs, qls := read()
	want := encode(sgs, qls)
	changed := 0
	for _, sg := range sgs {
		for _, n := range sg.Nodes {
			for _, l := range [][]string{n.Aliases, n.Roles, n.Dates} {
				for i := range l {
					l[i], changed = "changed", changed+1
				}
			}
		}
	}
	for _, ql := range qls {
		for _, q := range ql.Items {
			for _, l := range [][]string{q.Variants, q.Speakers, q.About} {
				for i := range l {
					l[i], changed = "changed", changed+1
				}
			}
		}
	}
	if changed == 0 {
		t.Fatal("nothing to change: the test checks nothing")
	}
	if got := encode(read()); got != want {
		t.Error("changing what queries returned changed later answers")
	}
}
