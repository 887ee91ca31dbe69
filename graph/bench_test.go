package graph_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kind"
)

// synthDoc draws document i of a synthetic corpus: a dozen people from a
// window of 500 that slides along the corpus (each person is in the news
// for a while, so answers about one person keep their size), a few
// organisations and places from fixed pools, five quotes of made-up words,
// one event and one relation. The same i always gives the same document.
func synthDoc(i int) (extract.Article, extract.Document) {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	var text strings.Builder
	d := extract.Document{ID: fmt.Sprintf("doc%06d", i), Published: fmt.Sprintf("20%02d-%02d-%02d", 10+i/3650%10, 1+i/300%12, 1+i%28)}
	add := func(id string, t kind.Entity, name string) {
		start := text.Len()
		text.WriteString(name + " spoke. ")
		d.Entities = append(d.Entities, extract.Entity{ID: id, Name: name, Type: t,
			Mentions: []extract.Span{{Start: start, End: start + len(name), Text: name}}})
	}
	for j := 0; j < 12; j++ {
		p := i/4 + r.IntN(500)
		add(fmt.Sprintf("p%d", j), kind.Person, fmt.Sprintf("Person%d Surname%d", p, p%97))
	}
	for j := 0; j < 4; j++ {
		o := r.IntN(200)
		add(fmt.Sprintf("o%d", j), kind.Org, fmt.Sprintf("Org%d Institute", o))
	}
	for j := 0; j < 3; j++ {
		add(fmt.Sprintf("l%d", j), kind.Place, fmt.Sprintf("Place%d", r.IntN(100)))
	}
	for j := 0; j < 5; j++ {
		var words []string
		for k := 0; k < 12; k++ {
			words = append(words, fmt.Sprintf("w%d", r.IntN(5000)))
		}
		words = append(words, fmt.Sprintf("unique%dq%d", i, j))
		q := strings.Join(words, " ")
		start := text.Len() + 1
		text.WriteString("\"" + q + "\" he said. ")
		sp := d.Entities[r.IntN(12)]
		d.Quotes = append(d.Quotes, extract.Quote{Speaker: &sp.Name, SpeakerID: sp.ID, Text: q, Direct: true,
			Cue: "said", Start: start, End: start + len(q)})
	}
	d.Events = []extract.Event{{Type: "meeting", Text: "met", Participants: []string{d.Entities[0].Name, d.Entities[1].Name},
		ParticipantIDs: []string{"p0", "p1"}, Date: d.Published}}
	d.Relations = []extract.Relation{{Subject: d.Entities[0].Name, SubjectID: "p0", Predicate: kind.WorksFor,
		Object: d.Entities[12].Name, ObjectID: "o0"}}
	a := extract.Article{ID: d.ID, Text: text.String(), Published: d.Published, Source: "synth"}
	return a, d
}

func BenchmarkPut(b *testing.B) { benchPut(b, nil) }

// benchPut stores synthetic documents, each changed by edit if it is set,
// one per iteration, into a new store on disk.
func benchPut(b *testing.B, edit func(*extract.Article, *extract.Document)) {
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Dir: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		a, d := synthDoc(i)
		i++
		if edit != nil {
			edit(&a, &d)
		}
		if err := s.Put(ctx, a, d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(i)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkQuery runs each query on stores of 1,000 and 10,000 documents:
// the costs should stay flat, since every query starts from an index.
// Building the stores takes a while; with NEWSGRAPH_BENCH_DIR set they are
// kept there and reused by later runs.
func BenchmarkQuery(b *testing.B) {
	ctx := context.Background()
	for _, n := range []int{1000, 10000} {
		dir := b.TempDir()
		if keep := os.Getenv("NEWSGRAPH_BENCH_DIR"); keep != "" {
			dir = filepath.Join(keep, fmt.Sprintf("docs%d", n))
		}
		s, err := graph.Open(ctx, graph.Options{Dir: dir})
		if err != nil {
			b.Fatal(err)
		}
		st, err := s.Stats(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for i := st.Documents; i < n; i++ {
			a, d := synthDoc(i)
			if err := s.Put(ctx, a, d); err != nil {
				b.Fatal(err)
			}
		}
		_, probe := synthDoc(n / 2)
		speaker := *probe.Quotes[0].Speaker
		phrase := strings.Join(strings.Fields(probe.Quotes[0].Text)[10:], " ")
		for _, q := range []struct {
			name string
			run  func() (int, error)
		}{
			{"Document", func() (int, error) { _, err := s.Document(ctx, probe.ID); return 1, err }},
			{"EntityByName", func() (int, error) { _, err := s.EntityByName(ctx, speaker); return 1, err }},
			{"QuotesBySpeaker", func() (int, error) {
				l, err := s.Quotes(ctx, graph.QuoteFilter{Speaker: speaker}, graph.Page{First: 10})
				return len(l.Items), err
			}},
			{"QuotesBySpeakerNoTotal", func() (int, error) {
				l, err := s.Quotes(ctx, graph.QuoteFilter{Speaker: speaker}, graph.Page{First: 10, SkipTotal: true})
				return len(l.Items), err
			}},
			{"QuotesContains", func() (int, error) {
				l, err := s.Quotes(ctx, graph.QuoteFilter{Contains: phrase}, graph.Page{First: 10})
				return len(l.Items), err
			}},
			{"QuotesDay", func() (int, error) {
				l, err := s.Quotes(ctx, graph.QuoteFilter{From: probe.Published, To: probe.Published}, graph.Page{First: 10})
				return len(l.Items), err
			}},
			{"QuotesFirstPage", func() (int, error) {
				l, err := s.Quotes(ctx, graph.QuoteFilter{}, graph.Page{First: 20})
				return len(l.Items), err
			}},
			{"EntitiesSearch", func() (int, error) {
				l, err := s.Entities(ctx, graph.EntityFilter{Search: "org1"}, graph.Page{First: 10})
				return len(l.Items), err
			}},
			{"Neighbourhood", func() (int, error) {
				sg, err := s.Neighbourhood(ctx, speaker, graph.NeighbourhoodOptions{Depth: 1, Limit: 50})
				return len(sg.Nodes), err
			}},
			{"Neighbourhood2", func() (int, error) {
				sg, err := s.Neighbourhood(ctx, speaker, graph.NeighbourhoodOptions{Depth: 2, Limit: 200})
				return len(sg.Nodes), err
			}},
		} {
			b.Run(fmt.Sprintf("%s/docs=%d", q.name, n), func(b *testing.B) {
				for b.Loop() {
					got, err := q.run()
					if err != nil || got == 0 {
						b.Fatalf("%s = %d, %v; want results", q.name, got, err)
					}
				}
			})
		}
		s.Close()
	}
}

// BenchmarkPutWidelyReportedQuote stores synthetic documents that all
// report one quote as well as their own, as every outlet does with a
// leader's words. Its cost per document should not grow with b.N: run it
// with -benchtime 1000x and 8000x. A quote's sources used to be a list in
// its record, rewritten whole by each new report.
func BenchmarkPutWidelyReportedQuote(b *testing.B) {
	const said = "We will not be the first to strike, but we will answer any strike"
	benchPut(b, func(a *extract.Article, d *extract.Document) {
		start := len(a.Text) + 1
		a.Text += "\"" + said + "\" the minister said."
		d.Quotes = append(d.Quotes, extract.Quote{Text: said, Direct: true, Cue: "said",
			Start: start, End: start + len(said)})
	})
}
