package bench

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/bench/gencorpus"
	"github.com/newsgraph/newsgraph/bench/querymix"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/schema"
)

// slice is the Source of articles held in memory.
func slice(arts []extract.Article) ingest.Source {
	return func(ctx context.Context, emit func(article.Item) error) error {
		for _, a := range arts {
			if err := emit(article.Item{Article: a, Origin: a.ID}); err != nil {
				return err
			}
		}
		return nil
	}
}

// BenchmarkIngestBBC stores all of bbc.jsonl into a new on-disk store per
// op, with the pipeline `newsgraph ingest` runs (extract workers, one
// writer, cross-document resolution). It reports words/s, the store's size
// on disk against the text's, and the process's peak resident memory.
// Run it with -benchtime=1x.
func BenchmarkIngestBBC(b *testing.B) {
	path, err := CorpusPath()
	if err != nil {
		b.Skip(err)
	}
	arts, err := LoadArticles(path, 0)
	if err != nil {
		b.Fatal(err)
	}
	textBytes, words := 0, 0
	for _, a := range arts {
		textBytes += len(a.Text)
		words += ingest.CountWords(a.Text)
	}
	ctx := context.Background()
	var storeBytes int64
	var ingested time.Duration
	for b.Loop() {
		dir, err := os.MkdirTemp("", "newsgraph-bench-")
		if err != nil {
			b.Fatal(err)
		}
		st := openStore(b, ctx, dir)
		t0 := time.Now()
		s, err := ingest.Store(ctx, slice(arts), extract.New(), st, ingest.Options{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		ingested += time.Since(t0)
		if s.Documents != len(arts) {
			b.Fatalf("ingest stored %d documents, want %d (%d failed)", s.Documents, len(arts), s.Failed)
		}
		if storeBytes, err = DirSize(dir); err != nil {
			b.Fatal(err)
		}
		os.RemoveAll(dir)
	}
	b.ReportMetric(float64(words)*float64(b.N)/ingested.Seconds(), "words/s")
	b.ReportMetric(float64(storeBytes)/1e6, "store-MB")
	b.ReportMetric(float64(storeBytes)/float64(textBytes), "store/text")
	if rss, err := PeakRSS(); err == nil {
		b.ReportMetric(float64(rss)/1e6, "peak-RSS-MB")
	}
}

func openStore(b *testing.B, ctx context.Context, dir string) *graph.Store {
	b.Helper()
	st, err := graph.Open(ctx, graph.Options{Dir: dir})
	if err != nil {
		b.Fatal(err)
	}
	return st
}

// growthSizes are the store sizes of BenchmarkGrowth:
// $NEWSGRAPH_GROWTH (comma-separated), else 1,000 and 10,000 articles.
func growthSizes(b *testing.B) []int {
	s := os.Getenv("NEWSGRAPH_GROWTH")
	if s == "" {
		return []int{1000, 10000}
	}
	var out []int
	for f := range strings.SplitSeq(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			b.Fatalf("NEWSGRAPH_GROWTH=%q: want sizes like 1000,10000", s)
		}
		out = append(out, n)
	}
	return out
}

// BenchmarkGrowth fills a store with N generated articles (untimed), then
// times, at that size, each query of the load test's mix in process
// (schema handler, no network), one query per op, and the ingest of one
// more article per op (extract and store). Compare ns/op across sizes:
// the target is at most 1.5× from 1,000 to 100,000 articles. Each query
// kind also reports its p50 and p99 in ms.
//
//	NEWSGRAPH_GROWTH=1000,10000 go test ./bench -run '^$' -bench Growth -benchtime 2s
//
// Filling takes about a minute per 5,000 articles on the reference machine.
func BenchmarkGrowth(b *testing.B) {
	path, err := CorpusPath()
	if err != nil {
		b.Skip(err)
	}
	corpus, err := gencorpus.LoadCorpus(path)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	for _, n := range growthSizes(b) {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			gen := gencorpus.NewGenerator(corpus, gencorpus.Config{Seed: 1, N: n})
			st := openStore(b, ctx, b.TempDir())
			defer st.Close()
			fill := make([]extract.Article, n)
			for i := range fill {
				fill[i] = toArticle(gen.Article(i))
			}
			t0 := time.Now()
			s, err := ingest.Store(ctx, slice(fill), extract.New(), st, ingest.Options{}, nil)
			if err != nil {
				b.Fatal(err)
			}
			b.Logf("filled %d articles (%d words) in %v: %.0f words/s", s.Documents, s.Words, time.Since(t0).Round(time.Millisecond), s.WordsPerSecond())
			fill = nil

			post := querymix.Handler(schema.Handler(st, schema.Options{CacheBytes: -1}))
			targets, err := querymix.Discover(ctx, post)
			if err != nil {
				b.Fatal(err)
			}
			benchQueryKinds(b, ctx, post, targets)
			b.Run("ingest", func(b *testing.B) {
				x := extract.New()
				words := 0
				for i := 0; b.Loop(); i++ {
					a := toArticle(gen.Article(n + i))
					d, err := x.Extract(ctx, a)
					if err != nil {
						b.Fatal(err)
					}
					if _, err := st.Ingest(ctx, a, d); err != nil {
						b.Fatal(err)
					}
					words += ingest.CountWords(a.Text)
				}
				b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
			})
		})
	}
}

func toArticle(g gencorpus.Article) extract.Article {
	return extract.Article{ID: g.ID, Title: g.Title, Text: g.Text, Published: g.Published, Source: g.Source}
}
