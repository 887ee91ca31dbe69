package bench

import (
	"context"
	"fmt"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/bench/querymix"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
)

// BenchmarkQueries times each query of the load test's mix in process
// (schema handler, no network) against an existing store named by
// $NEWSGRAPH_BENCH_STORE, opened read-only, so that a profile of one kind
// can be taken on a large store without filling it again. The answer
// cache is off: this measures the queries themselves, as on a cache miss.
//
//	NEWSGRAPH_BENCH_STORE=/tmp/s100k go test ./bench -run '^$' -bench 'Queries/query=speaker' -cpuprofile /tmp/cpu.prof
func BenchmarkQueries(b *testing.B) {
	dir := os.Getenv("NEWSGRAPH_BENCH_STORE")
	if dir == "" {
		b.Skip("set NEWSGRAPH_BENCH_STORE to a store directory")
	}
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Options{Dir: dir, ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	post := querymix.Handler(schema.Handler(st, schema.Options{CacheBytes: -1}))
	targets, err := querymix.Discover(ctx, post)
	if err != nil {
		b.Fatal(err)
	}
	benchQueryKinds(b, ctx, post, targets)
}

// benchQueryKinds runs two sub-benchmarks per query kind of the load
// test, one query per op, reporting p50 and p99 in ms beside ns/op:
// query=KIND asks about the people the load test draws, most mentioned
// first, whose answers grow with the store; query=KIND,answer=BAND asks
// only the questions whose answers have a size both small and large
// stores hold, so that its growth across stores is the cost of the store
// alone, not of a larger answer.
func benchQueryKinds(b *testing.B, ctx context.Context, post querymix.Poster, targets querymix.Targets) {
	for _, k := range querymix.Kinds {
		b.Run("query="+string(k), func(b *testing.B) {
			p := querymix.NewPicker([]querymix.Kind{k}, targets, 1)
			timeQueries(b, ctx, post, p.Next)
		})
	}
	for _, k := range querymix.Kinds {
		band := sameAnswer[k]
		b.Run(fmt.Sprintf("query=%s,answer=%s", k, band), func(b *testing.B) {
			// Sizing asks every question once, so the record caches are
			// warm when the timing starts.
			reqs, bytes, err := answersWithin(ctx, post, querymix.Each(k, targets), band)
			if err != nil {
				b.Fatal(err)
			}
			if len(reqs) == 0 {
				b.Skip("no answer of this size in the store")
			}
			timeQueries(b, ctx, post, func(i int) querymix.Request { return reqs[i%len(reqs)] })
			b.ReportMetric(float64(len(reqs)), "questions")
			b.ReportMetric(float64(bytes)/float64(len(reqs)), "answer-B")
		})
	}
}

// timeQueries posts next(i) once per op and reports p50 and p99 in ms.
func timeQueries(b *testing.B, ctx context.Context, post querymix.Poster, next func(int) querymix.Request) {
	var lat []time.Duration
	for i := 0; b.Loop(); i++ {
		r := next(i)
		t := time.Now()
		if _, err := post(ctx, r); err != nil {
			b.Fatalf("%s %v: %v", r.Kind, r.Variables, err)
		}
		lat = append(lat, time.Since(t))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2])/1e6, "p50-ms")
	b.ReportMetric(float64(lat[(len(lat)*99)/100])/1e6, "p99-ms")
}

// answerBand is a range of answer sizes in bytes, [lo, hi).
type answerBand struct{ lo, hi int }

func (a answerBand) String() string { return fmt.Sprintf("%d-%dKB", a.lo>>10, a.hi>>10) }

// sameAnswer is, per kind, a narrow band of answer sizes that the
// generated stores of 1,000 and of 100,000 articles (gencorpus -seed 1)
// both hold questions in: 28 and 153 speakers, 9 and 19 phrases, 44 and
// 309 entities, 146 and 36 neighbourhoods. The most mentioned people's
// answers are 4-8 times larger at 100k than at 1k.
var sameAnswer = map[querymix.Kind]answerBand{
	querymix.Speaker:       {8 << 10, 11 << 10},
	querymix.Contains:      {3 << 10, 5 << 10},
	querymix.EntityByName:  {3 << 10, 5 << 10},
	querymix.Neighbourhood: {56 << 10, 64 << 10},
}

// answersWithin asks every request once and keeps those whose answers
// fall in band, with the total size of their answers.
func answersWithin(ctx context.Context, post querymix.Poster, reqs []querymix.Request, band answerBand) ([]querymix.Request, int, error) {
	var kept []querymix.Request
	total := 0
	for _, r := range reqs {
		body, err := post(ctx, r)
		if err != nil {
			return nil, 0, fmt.Errorf("sizing the answer to %s %v: %w", r.Kind, r.Variables, err)
		}
		if n := len(body); n >= band.lo && n < band.hi {
			kept = append(kept, r)
			total += n
		}
	}
	return kept, total, nil
}
