package graphtest

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kind"
)

// Run runs the conformance suite. open returns a new, empty store for each
// subtest; Run closes it.
func Run(t *testing.T, open func(t *testing.T) *graph.Store) {
	ctx := context.Background()
	loaded := func(t *testing.T) *graph.Store {
		t.Helper()
		s := open(t)
		t.Cleanup(func() { s.Close() })
		if err := Load(ctx, s); err != nil {
			t.Fatalf("Load: %v", err)
		}
		return s
	}
	byName := func(t *testing.T, s *graph.Store, name string) graph.Entity {
		t.Helper()
		e, err := s.EntityByName(ctx, name)
		if err != nil {
			t.Fatalf("EntityByName(%q): %v", name, err)
		}
		return e
	}

	t.Run("Put", func(t *testing.T) {
		s := open(t)
		defer s.Close()
		for _, d := range Fixture() {
			got, err := s.Ingest(ctx, d.Article, d.Document)
			if err != nil || got != graph.Added {
				t.Fatalf("Ingest(%s) = %v, %v, want added", d.Article.ID, got, err)
			}
		}
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		// Entities: Berg, Freedonia, UN, Lee Park, New York, Tom Park, Park.
		want := graph.Stats{Documents: 3, Entities: 7, Quotes: 3, Events: 2}
		if st.Documents != want.Documents || st.Entities != want.Entities || st.Quotes != want.Quotes || st.Events != want.Events {
			t.Errorf("Stats() = %+v, want documents, entities, quotes, events as in %+v", st, want)
		}
		if err := s.Verify(ctx); err != nil {
			t.Errorf("Verify() = %v", err)
		}
	})

	t.Run("Idempotent", func(t *testing.T) {
		s := loaded(t)
		before, _ := s.Stats(ctx)
		for _, d := range Fixture() {
			got, err := s.Ingest(ctx, d.Article, d.Document)
			if err != nil || got != graph.Unchanged {
				t.Errorf("second Ingest(%s) = %v, %v, want unchanged", d.Article.ID, got, err)
			}
		}
		after, _ := s.Stats(ctx)
		if before != after {
			t.Errorf("Stats() after re-ingest = %+v, want %+v", after, before)
		}
		d := Fixture()[0]
		d.Article.Text += " More."
		if _, err := s.Ingest(ctx, d.Article, d.Document); !errors.Is(err, graph.ErrConflict) {
			t.Errorf("Ingest(changed text) error = %v, want ErrConflict", err)
		}
	})

	t.Run("BadDocument", func(t *testing.T) {
		s := open(t)
		defer s.Close()
		d := Fixture()[0]
		for _, tc := range []struct {
			name string
			id   string
			text string
		}{
			{"no id", "", "text"},
			{"NUL in id", "a\x00b", "text"},
			{"invalid UTF-8", "x", "bad \xff text"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				a := d.Article
				a.ID, a.Text = tc.id, tc.text
				doc := d.Document
				doc.ID = tc.id
				if _, err := s.Ingest(ctx, a, doc); !errors.Is(err, graph.ErrBadDocument) {
					t.Errorf("Ingest(%s) error = %v, want ErrBadDocument", tc.name, err)
				}
			})
		}
		if st, _ := s.Stats(ctx); st.Documents != 0 {
			t.Errorf("Stats().Documents = %d after refused documents, want 0", st.Documents)
		}
	})

	t.Run("Merge", func(t *testing.T) {
		s := loaded(t)
		berg := byName(t, s, "Anna Berg")
		for _, name := range []string{"Ms Berg", "berg", "Mrs. Anna Berg", "Foreign Minister Anna Berg"} {
			if got := byName(t, s, name); got.ID != berg.ID {
				t.Errorf("EntityByName(%q) = %s, want %s", name, got.ID, berg.ID)
			}
		}
		if berg.Documents != 3 {
			t.Errorf("Anna Berg: Documents = %d, want 3", berg.Documents)
		}
		if berg.FirstSeen != "2020-03-01" || berg.LastSeen != "2020-04-10" {
			t.Errorf("Anna Berg: seen %s..%s, want 2020-03-01..2020-04-10", berg.FirstSeen, berg.LastSeen)
		}
		if !slices.Contains(berg.Aliases, "Ms Berg") {
			t.Errorf("Anna Berg: Aliases = %q, want Ms Berg among them", berg.Aliases)
		}
		if len(berg.Roles) != 1 || berg.Roles[0].Title != "foreign minister" || berg.Roles[0].OrgID == "" {
			t.Errorf("Anna Berg: Roles = %+v, want one foreign minister of a resolved org", berg.Roles)
		}
		l, err := s.Entities(ctx, graph.EntityFilter{Type: kind.Person, Search: "park"}, graph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		var parks []string
		for _, e := range l.Items {
			parks = append(parks, e.Name)
		}
		slices.Sort(parks)
		if want := []string{"Lee Park", "Park", "Tom Park"}; !slices.Equal(parks, want) {
			t.Errorf("people named Park = %q, want %q", parks, want)
		}
		un, nations := byName(t, s, "UN"), byName(t, s, "the United Nations")
		if un.ID != nations.ID || un.Documents != 2 || un.Name != "United Nations" {
			t.Errorf("UN = %s %q (%d docs), United Nations = %s, want one entity named United Nations in 2 docs",
				un.ID, un.Name, un.Documents, nations.ID)
		}
		if _, err := s.EntityByName(ctx, "Nobody Here"); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("EntityByName(unknown) error = %v, want ErrNotFound", err)
		}
	})

	t.Run("Quotes", func(t *testing.T) {
		s := loaded(t)
		berg := byName(t, s, "Anna Berg")
		q, err := s.Quotes(ctx, graph.QuoteFilter{Contains: "NOT back down"}, graph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if len(q.Items) != 1 || q.Total != 1 {
			t.Fatalf("Quotes(contains not back down) = %d items, total %d, want 1", len(q.Items), q.Total)
		}
		got := q.Items[0]
		if got.SpeakerID != berg.ID || got.Date != "2020-02-28" || got.DateFromDocument || got.SourceCount != 3 {
			t.Errorf("quote = speaker %s, date %s (from doc %v), %d sources; want %s, 2020-02-28 (own), 3",
				got.SpeakerID, got.Date, got.DateFromDocument, got.SourceCount, berg.ID)
		}
		if got.Text != "We will not back down, not now and not ever." {
			t.Errorf("quote text = %q, want the longest report", got.Text)
		}
		// Lists count a quote's sources; Quote reads them all, and
		// Sources a page of them, in the same order.
		whole, err := s.Quote(ctx, got.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(whole.Sources) != got.SourceCount || whole.SourceCount != got.SourceCount {
			t.Fatalf("Quote(%s) has %d sources (count %d), want %d", got.ID, len(whole.Sources), whole.SourceCount, got.SourceCount)
		}
		for _, first := range []int{0, 2, 3, 10} {
			page, err := s.Sources(ctx, got.ID, first)
			if err != nil {
				t.Fatal(err)
			}
			if want := whole.Sources[:min(first, len(whole.Sources))]; !slices.Equal(page, want) {
				t.Errorf("Sources(%s, %d) = %v, want %v", got.ID, first, page, want)
			}
		}
		for _, src := range whole.Sources {
			d, err := s.Document(ctx, src.Document)
			if err != nil {
				t.Fatal(err)
			}
			if n := graph.NormQuote(d.Text[src.Start:src.End]); !bytes.Contains([]byte(n), []byte("not back down")) {
				t.Errorf("source %s[%d:%d] = %q, want the quote's words", src.Document, src.Start, src.End, d.Text[src.Start:src.End])
			}
		}
		park, err := s.Quotes(ctx, graph.QuoteFilter{Speaker: "Lee Park"}, graph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if len(park.Items) != 1 || park.Items[0].Date != "2020-03-01" || !park.Items[0].DateFromDocument {
			t.Errorf("Quotes(speaker Lee Park) = %+v, want one quote dated 2020-03-01 from its document", park.Items)
		}
		for _, tc := range []struct {
			name string
			f    graph.QuoteFilter
			want int
		}{
			{"all", graph.QuoteFilter{}, 3},
			{"speaker by alias", graph.QuoteFilter{Speaker: "Ms Berg"}, 1},
			{"speaker by id", graph.QuoteFilter{Speaker: berg.ID}, 1},
			{"unknown speaker", graph.QuoteFilter{Speaker: "Nobody"}, 0},
			{"february", graph.QuoteFilter{From: "2020-02", To: "2020-02"}, 1},
			{"march on", graph.QuoteFilter{From: "2020-03-01"}, 2},
			{"until march 1", graph.QuoteFilter{To: "2020-03-01"}, 2},
			{"day", graph.QuoteFilter{From: "2020-02-28", To: "2020-02-28"}, 1},
			{"contains and speaker", graph.QuoteFilter{Contains: "talks", Speaker: "Anna Berg"}, 0},
			{"contains and date", graph.QuoteFilter{Contains: "it is over", From: "2020-03"}, 1},
			{"contains and date outside", graph.QuoteFilter{Contains: "it is over", From: "2020-04"}, 0},
			{"second speaker", graph.QuoteFilter{Speaker: "Tom Park"}, 1},
			{"absent word", graph.QuoteFilter{Contains: "zebra"}, 0},
			{"words out of order", graph.QuoteFilter{Contains: "down back"}, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				l, err := s.Quotes(ctx, tc.f, graph.Page{First: 10})
				if err != nil {
					t.Fatal(err)
				}
				if len(l.Items) != tc.want || l.Total != tc.want {
					t.Errorf("Quotes(%+v) = %d items, total %d, want %d", tc.f, len(l.Items), l.Total, tc.want)
				}
			})
		}
		over, err := s.Quotes(ctx, graph.QuoteFilter{Contains: "It is over"}, graph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		if len(over.Items) != 1 || over.Items[0].SourceCount != 2 || len(over.Items[0].Speakers) != 2 {
			t.Errorf("Quotes(contains it is over) = %+v, want one quote, two sources, two speakers", over.Items)
		}
		if _, err := s.Quotes(ctx, graph.QuoteFilter{From: "2020-13"}, graph.Page{}); !errors.Is(err, graph.ErrBadDate) {
			t.Errorf("Quotes(from 2020-13) error = %v, want ErrBadDate", err)
		}
	})

	t.Run("Pagination", func(t *testing.T) {
		s := loaded(t)
		for _, tc := range []struct {
			name string
			list func(p graph.Page) ([]string, []string, bool, int, error)
		}{
			{"quotes", func(p graph.Page) ([]string, []string, bool, int, error) {
				l, err := s.Quotes(ctx, graph.QuoteFilter{}, p)
				return ids(l.Items, func(q graph.Quote) string { return q.ID }), l.Cursors, l.HasNext, l.Total, err
			}},
			{"quotes in a window", func(p graph.Page) ([]string, []string, bool, int, error) {
				l, err := s.Quotes(ctx, graph.QuoteFilter{From: "2020"}, p)
				return ids(l.Items, func(q graph.Quote) string { return q.ID }), l.Cursors, l.HasNext, l.Total, err
			}},
			{"quotes newest first", func(p graph.Page) ([]string, []string, bool, int, error) {
				l, err := s.Quotes(ctx, graph.QuoteFilter{NewestFirst: true}, p)
				return ids(l.Items, func(q graph.Quote) string { return q.ID }), l.Cursors, l.HasNext, l.Total, err
			}},
			{"quotes in a window newest first", func(p graph.Page) ([]string, []string, bool, int, error) {
				l, err := s.Quotes(ctx, graph.QuoteFilter{From: "2020-02", To: "2020-03", NewestFirst: true}, p)
				return ids(l.Items, func(q graph.Quote) string { return q.ID }), l.Cursors, l.HasNext, l.Total, err
			}},
			{"events newest first", func(p graph.Page) ([]string, []string, bool, int, error) {
				l, err := s.Events(ctx, graph.EventFilter{NewestFirst: true}, p)
				return ids(l.Items, func(e graph.Event) string { return e.ID }), l.Cursors, l.HasNext, l.Total, err
			}},
			{"entities", func(p graph.Page) ([]string, []string, bool, int, error) {
				l, err := s.Entities(ctx, graph.EntityFilter{}, p)
				return ids(l.Items, func(e graph.Entity) string { return e.ID }), l.Cursors, l.HasNext, l.Total, err
			}},
			{"people", func(p graph.Page) ([]string, []string, bool, int, error) {
				l, err := s.Entities(ctx, graph.EntityFilter{Type: kind.Person}, p)
				return ids(l.Items, func(e graph.Entity) string { return e.ID }), l.Cursors, l.HasNext, l.Total, err
			}},
			{"search park", func(p graph.Page) ([]string, []string, bool, int, error) {
				l, err := s.Entities(ctx, graph.EntityFilter{Search: "par"}, p)
				return ids(l.Items, func(e graph.Entity) string { return e.ID }), l.Cursors, l.HasNext, l.Total, err
			}},
			{"documents", func(p graph.Page) ([]string, []string, bool, int, error) {
				l, err := s.Documents(ctx, p)
				return ids(l.Items, func(d graph.Document) string { return d.ID }), l.Cursors, l.HasNext, l.Total, err
			}},
			{"events", func(p graph.Page) ([]string, []string, bool, int, error) {
				l, err := s.Events(ctx, graph.EventFilter{}, p)
				return ids(l.Items, func(e graph.Event) string { return e.ID }), l.Cursors, l.HasNext, l.Total, err
			}},
		} {
			t.Run(tc.name, func(t *testing.T) {
				all, _, more, total, err := tc.list(graph.Page{First: 100})
				if err != nil {
					t.Fatal(err)
				}
				if more || len(all) != total || total == 0 {
					t.Fatalf("one big page: %d items, total %d, more %v; want all, more false", len(all), total, more)
				}
				var paged []string
				after := ""
				for i := 0; i <= total; i++ {
					items, cursors, more, tot, err := tc.list(graph.Page{First: 1, After: after})
					if err != nil {
						t.Fatal(err)
					}
					if tot != total {
						t.Errorf("page %d: total %d, want %d", i, tot, total)
					}
					paged = append(paged, items...)
					if !more {
						break
					}
					after = cursors[len(cursors)-1]
				}
				if !slices.Equal(paged, all) {
					t.Errorf("pages of 1 = %q, want %q", paged, all)
				}
			})
		}
		for _, f := range []graph.QuoteFilter{{}, {From: "2020-02", To: "2020-03"}, {Speaker: "Anna Berg"}} {
			up, err := s.Quotes(ctx, f, graph.Page{First: 100})
			if err != nil {
				t.Fatal(err)
			}
			f.NewestFirst = true
			down, err := s.Quotes(ctx, f, graph.Page{First: 100})
			if err != nil {
				t.Fatal(err)
			}
			a := ids(up.Items, func(q graph.Quote) string { return q.ID })
			b := ids(down.Items, func(q graph.Quote) string { return q.ID })
			slices.Reverse(b)
			if !slices.Equal(a, b) || up.Total != down.Total {
				t.Errorf("Quotes(%+v) newest first = reverse %q (total %d), want %q (total %d)", f, b, down.Total, a, up.Total)
			}
		}
		if _, err := s.Quotes(ctx, graph.QuoteFilter{}, graph.Page{After: "!!not a cursor"}); !errors.Is(err, graph.ErrBadCursor) {
			t.Errorf("Quotes(bad cursor) error = %v, want ErrBadCursor", err)
		}
	})

	t.Run("Entities", func(t *testing.T) {
		s := loaded(t)
		l, err := s.Entities(ctx, graph.EntityFilter{Type: kind.Person}, graph.Page{First: 10})
		if err != nil {
			t.Fatal(err)
		}
		if l.Total != 4 || len(l.Items) != 4 || l.Items[0].Name != "Anna Berg" {
			t.Errorf("Entities(PERSON) = %d (total %d), first %q; want 4, Anna Berg first", len(l.Items), l.Total, first(l.Items))
		}
		for i := 1; i < len(l.Items); i++ {
			if l.Items[i].Mentions > l.Items[i-1].Mentions {
				t.Errorf("Entities(PERSON) not by mentions: %d after %d", l.Items[i].Mentions, l.Items[i-1].Mentions)
			}
		}
		for _, tc := range []struct {
			search string
			typ    kind.Entity
			want   int
		}{
			{"park", kind.Unknown, 3},
			{"PAR", kind.Person, 3},
			{"fre", kind.Place, 1},
			{"fre", kind.Person, 0},
			{"anna b", kind.Unknown, 1},
			{"united", kind.Org, 1},
			{"zzz", kind.Unknown, 0},
		} {
			l, err := s.Entities(ctx, graph.EntityFilter{Search: tc.search, Type: tc.typ}, graph.Page{})
			if err != nil {
				t.Fatal(err)
			}
			if l.Total != tc.want {
				t.Errorf("Entities(search %q, %v) total = %d, want %d", tc.search, tc.typ, l.Total, tc.want)
			}
		}
		berg := byName(t, s, "Anna Berg")
		docs, err := s.EntityDocuments(ctx, berg.ID, graph.Page{})
		if err != nil || docs.Total != 3 || len(docs.Items) != 3 {
			t.Errorf("EntityDocuments(Berg) = %d items, total %d, %v; want 3", len(docs.Items), docs.Total, err)
		}
		rels, err := s.Relations(ctx, berg.ID, graph.Page{})
		if err != nil {
			t.Fatal(err)
		}
		preds := map[kind.Predicate]bool{}
		for _, r := range rels.Items {
			preds[r.Predicate] = true
		}
		if !preds[kind.RoleOf] || !preds[kind.Met] {
			t.Errorf("Relations(Berg) predicates = %v, want role_of and met", preds)
		}
		co, err := s.Cooccurring(ctx, "Anna Berg", 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(co) == 0 || co[0].Weight < 1 {
			t.Errorf("Cooccurring(Berg) = %+v, want someone", co)
		}
	})

	t.Run("Events", func(t *testing.T) {
		s := loaded(t)
		for _, tc := range []struct {
			name    string
			f       graph.EventFilter
			want    int
			sources int
		}{
			{"speaker", graph.EventFilter{Participant: "Ms Berg"}, 1, 2},
			{"place counts", graph.EventFilter{Participant: "UN"}, 1, 2},
			{"day", graph.EventFilter{From: "2020-02-28", To: "2020-02-28"}, 1, 2},
			{"undated takes the document date", graph.EventFilter{From: "2020-04-10", To: "2020-04-10"}, 1, 1},
			{"none", graph.EventFilter{From: "2021"}, 0, 0},
		} {
			t.Run(tc.name, func(t *testing.T) {
				l, err := s.Events(ctx, tc.f, graph.Page{})
				if err != nil {
					t.Fatal(err)
				}
				if l.Total != tc.want || len(l.Items) != tc.want {
					t.Fatalf("Events(%+v) = %d, total %d, want %d", tc.f, len(l.Items), l.Total, tc.want)
				}
				if tc.want > 0 && l.Items[0].SourceCount != tc.sources {
					t.Errorf("Events(%+v)[0] has %d sources, want %d", tc.f, l.Items[0].SourceCount, tc.sources)
				}
			})
		}
	})

	t.Run("Documents", func(t *testing.T) {
		s := loaded(t)
		for _, d := range Fixture() {
			got, err := s.Document(ctx, d.Article.ID)
			if err != nil {
				t.Fatal(err)
			}
			if got.Text != d.Article.Text || got.Source != d.Article.Source || got.Published != d.Article.Published {
				t.Errorf("Document(%s) = %q/%s/%s, want the article back", d.Article.ID, got.Text, got.Source, got.Published)
			}
		}
		if _, err := s.Document(ctx, "nope"); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Document(nope) error = %v, want ErrNotFound", err)
		}
	})

	t.Run("Neighbourhood", func(t *testing.T) {
		s := loaded(t)
		berg := byName(t, s, "Anna Berg")
		sg, err := s.Neighbourhood(ctx, berg.ID, graph.NeighbourhoodOptions{Depth: 1})
		if err != nil {
			t.Fatal(err)
		}
		if len(sg.Nodes) < 3 || sg.Nodes[0].ID != berg.ID {
			t.Fatalf("Neighbourhood(Berg) = %d nodes, first %v; want Berg first and neighbours", len(sg.Nodes), sg.Nodes)
		}
		in := map[string]bool{}
		for _, n := range sg.Nodes {
			in[n.ID] = true
		}
		for _, e := range sg.Edges {
			if !in[e.Source] || !in[e.Target] {
				t.Errorf("edge %s -> %s leaves the subgraph", e.Source, e.Target)
			}
		}
		small, err := s.Neighbourhood(ctx, berg.ID, graph.NeighbourhoodOptions{Depth: 2, Limit: 2})
		if err != nil {
			t.Fatal(err)
		}
		if len(small.Nodes) != 2 {
			t.Errorf("Neighbourhood(limit 2) = %d nodes, want 2", len(small.Nodes))
		}
		late, err := s.Neighbourhood(ctx, berg.ID, graph.NeighbourhoodOptions{From: "2020-04"})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range late.Edges {
			if e.LastSeen < "2020-04" {
				t.Errorf("Neighbourhood(from 2020-04) kept edge %s last seen %s", e.ID, e.LastSeen)
			}
		}
		if _, err := s.Neighbourhood(ctx, "nobody", graph.NeighbourhoodOptions{}); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Neighbourhood(nobody) error = %v, want ErrNotFound", err)
		}
	})

	t.Run("Walker", func(t *testing.T) {
		s := loaded(t)
		w := s.Walker()
		nodes := map[string]graph.Node{}
		err := w.Nodes(ctx, func(n graph.Node) error {
			if _, dup := nodes[n.ID]; dup {
				t.Errorf("node %s walked twice", n.ID)
			}
			nodes[n.ID] = n
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		berg := byName(t, s, "Anna Berg")
		if got, want := nodes[berg.ID].Dates, []string{"2020-03-01", "2020-03-02", "2020-04-10"}; !slices.Equal(got, want) {
			t.Errorf("Walker: Anna Berg's Dates = %q, want %q", got, want)
		}
		st, _ := s.Stats(ctx)
		if want := st.Entities + st.Quotes + st.Events; len(nodes) != want {
			t.Errorf("Walker: %d nodes, want %d", len(nodes), want)
		}
		types := map[kind.Predicate]int{}
		edgeIDs := map[string]bool{}
		err = w.Edges(ctx, func(e graph.Edge) error {
			if nodes[e.Source].ID == "" || nodes[e.Target].ID == "" {
				t.Errorf("edge %s: %s -> %s, an end is not a node", e.ID, e.Source, e.Target)
			}
			if edgeIDs[e.ID] {
				t.Errorf("edge %s walked twice", e.ID)
			}
			edgeIDs[e.ID] = true
			types[e.Type]++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range []kind.Predicate{kind.Said, kind.MentionedWith, kind.RoleOf, kind.ParticipatedIn, kind.LocatedIn, kind.Met} {
			if types[p] == 0 {
				t.Errorf("Walker: no %s edge; got %v", p, types)
			}
		}
		stop := errors.New("stop")
		if err := w.Nodes(ctx, func(graph.Node) error { return stop }); !errors.Is(err, stop) {
			t.Errorf("Nodes(fn returning error) = %v, want that error", err)
		}
	})

	t.Run("BackupRestore", func(t *testing.T) {
		s := loaded(t)
		var buf bytes.Buffer
		if err := s.Backup(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		r := open(t)
		defer r.Close()
		if err := r.Restore(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		a, _ := s.Stats(ctx)
		b, _ := r.Stats(ctx)
		if a != b {
			t.Errorf("restored Stats() = %+v, want %+v", b, a)
		}
		if err := r.Verify(ctx); err != nil {
			t.Errorf("restored Verify() = %v", err)
		}
	})
}

func ids[T any](items []T, id func(T) string) []string {
	out := make([]string, len(items))
	for i, x := range items {
		out[i] = id(x)
	}
	return out
}

func first(es []graph.Entity) string {
	if len(es) == 0 {
		return ""
	}
	return es[0].Name
}
