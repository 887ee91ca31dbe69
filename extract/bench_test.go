package extract

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/corpus"
)

// loadCorpus reads the first n articles of the BBC corpus, or skips.
func loadCorpus(tb testing.TB, n int) []Article {
	tb.Helper()
	arts, err := corpus.Load(n)
	if err != nil {
		tb.Skipf("corpus not available: %v", err)
	}
	out := make([]Article, len(arts))
	for i, a := range arts {
		out[i] = Article{ID: a.ID, Title: a.Title, Text: a.Text}
	}
	return out
}

func loadSeeds(tb testing.TB) []Article {
	tb.Helper()
	files, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(files) == 0 {
		tb.Skip("no seed articles")
	}
	var arts []Article
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		arts = append(arts, Article{ID: strings.TrimSuffix(filepath.Base(f), ".txt"), Text: string(b), Published: "2017-11-01"})
	}
	return arts
}

func benchArticles(b *testing.B, arts []Article) {
	x := New()
	ctx := context.Background()
	words := 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			if _, err := x.Extract(ctx, a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkExtract measures the whole extraction, quotes and dates
// included, in words per second on one core.
func BenchmarkExtract(b *testing.B) {
	b.Run("bbc200", func(b *testing.B) { benchArticles(b, loadCorpus(b, 200)) })
	b.Run("seeds", func(b *testing.B) { benchArticles(b, loadSeeds(b)) })
}
