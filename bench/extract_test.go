package bench

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jdkato/prose/v2"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/ingest"
)

// sampleSize is how many BBC articles the extractor benchmarks read:
// about 110,000 words, enough to average over article lengths and styles.
const sampleSize = 300

// ratioSize is the smaller sample of the ratio benchmark, which runs
// prose (about 12,000 words/s) over it once per iteration.
const ratioSize = 60

func sample(b *testing.B, n int) ([]extract.Article, int) {
	b.Helper()
	path, err := CorpusPath()
	if err != nil {
		b.Skip(err)
	}
	arts, err := LoadArticles(path, n)
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	for _, a := range arts {
		words += ingest.CountWords(a.Text)
	}
	return arts, words
}

// reportWords reports the words/s of words read in the benchmark's time,
// and words/cpu-s: the words per second of CPU the process used since
// cpu0 (GC included), which other work on a shared machine does not
// lower.
func reportWords(b *testing.B, words int, cpu0 time.Duration) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(words)/s, "words/s")
	}
	if c := (CPUTime() - cpu0).Seconds(); c > 0 {
		b.ReportMetric(float64(words)/c, "words/cpu-s")
	}
}

// BenchmarkExtractNewsgraph is the extractor with everything on, one
// article per op, on one goroutine.
func BenchmarkExtractNewsgraph(b *testing.B) {
	arts, _ := sample(b, sampleSize)
	x := extract.New()
	ctx := context.Background()
	words := 0
	b.ReportAllocs()
	cpu0 := CPUTime()
	for i := 0; b.Loop(); i++ {
		a := arts[i%len(arts)]
		if _, err := x.Extract(ctx, a); err != nil {
			b.Fatalf("Extract(%s): %v", a.ID, err)
		}
		words += ingest.CountWords(a.Text)
	}
	reportWords(b, words, cpu0)
}

// BenchmarkExtractParallel is the extractor on every core
// (GOMAXPROCS goroutines sharing one Extractor), as ingest runs it.
func BenchmarkExtractParallel(b *testing.B) {
	arts, _ := sample(b, sampleSize)
	x := extract.New()
	ctx := context.Background()
	var next, words atomic.Int64
	b.ReportAllocs()
	cpu0 := CPUTime()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			a := arts[int(next.Add(1))%len(arts)]
			if _, err := x.Extract(ctx, a); err != nil {
				b.Errorf("Extract(%s): %v", a.ID, err)
				return
			}
			words.Add(int64(ingest.CountWords(a.Text)))
		}
	})
	reportWords(b, int(words.Load()), cpu0)
}

// BenchmarkExtractProseLoadedOnce is prose v2 with its model built once
// and reused (prose.UsingModel), tokenizing, segmenting, tagging and
// finding entities: the fair baseline, not the model-per-document way its
// README shows.
func BenchmarkExtractProseLoadedOnce(b *testing.B) {
	arts, _ := sample(b, sampleSize)
	m := prose.ModelFromData("en")
	words := 0
	b.ReportAllocs()
	cpu0 := CPUTime()
	for i := 0; b.Loop(); i++ {
		a := arts[i%len(arts)]
		if _, err := prose.NewDocument(a.Text, prose.UsingModel(m)); err != nil {
			b.Fatalf("prose.NewDocument(%s): %v", a.ID, err)
		}
		words += ingest.CountWords(a.Text)
	}
	reportWords(b, words, cpu0)
}

// BenchmarkExtractRatio reads the same articles with newsgraph and with
// prose (model loaded once) in each iteration, on one goroutine, and
// reports how many times faster newsgraph is: the target is ≥12.
// Both run in the same process at the same moment, so machine load
// affects both alike. Run it with -benchtime=1x or 3x: each iteration
// takes prose about two seconds.
func BenchmarkExtractRatio(b *testing.B) {
	arts, words := sample(b, ratioSize)
	x := extract.New()
	m := prose.ModelFromData("en")
	ctx := context.Background()
	var ng, pr, ngCPU, prCPU time.Duration
	for b.Loop() {
		t0, c0 := time.Now(), CPUTime()
		for _, a := range arts {
			if _, err := x.Extract(ctx, a); err != nil {
				b.Fatalf("Extract(%s): %v", a.ID, err)
			}
		}
		t1, c1 := time.Now(), CPUTime()
		for _, a := range arts {
			if _, err := prose.NewDocument(a.Text, prose.UsingModel(m)); err != nil {
				b.Fatalf("prose.NewDocument(%s): %v", a.ID, err)
			}
		}
		ng += t1.Sub(t0)
		pr += time.Since(t1)
		ngCPU += c1 - c0
		prCPU += CPUTime() - c1
	}
	n := float64(b.N) * float64(words)
	b.ReportMetric(n/ng.Seconds(), "newsgraph-words/s")
	b.ReportMetric(n/pr.Seconds(), "prose-words/s")
	b.ReportMetric(pr.Seconds()/ng.Seconds(), "ratio")
	b.ReportMetric(prCPU.Seconds()/ngCPU.Seconds(), "cpu-ratio")
}
