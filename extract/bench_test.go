package extract

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const corpusPath = "/work/shared/corpus/bbc.jsonl"

// loadCorpus reads the first n articles of the BBC corpus, or skips.
func loadCorpus(tb testing.TB, n int) []Article {
	tb.Helper()
	f, err := os.Open(corpusPath)
	if err != nil {
		tb.Skipf("corpus not available: %v", err)
	}
	defer f.Close()
	var arts []Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && len(arts) < n {
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("corpus line %d: %v", len(arts)+1, err)
		}
		arts = append(arts, a)
	}
	return arts
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
