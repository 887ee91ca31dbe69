package bench

import (
	"context"
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

// benchQueryKinds runs one sub-benchmark per query kind of the load test,
// one query per op, reporting p50 and p99 in ms beside ns/op.
func benchQueryKinds(b *testing.B, ctx context.Context, post querymix.Poster, targets querymix.Targets) {
	for _, k := range querymix.Kinds {
		b.Run("query="+string(k), func(b *testing.B) {
			p := querymix.NewPicker([]querymix.Kind{k}, targets, 1)
			var lat []time.Duration
			for i := 0; b.Loop(); i++ {
				r := p.Next(i)
				t := time.Now()
				if _, err := post(ctx, r); err != nil {
					b.Fatalf("%s %v: %v", k, r.Variables, err)
				}
				lat = append(lat, time.Since(t))
			}
			slices.Sort(lat)
			b.ReportMetric(float64(lat[len(lat)/2])/1e6, "p50-ms")
			b.ReportMetric(float64(lat[(len(lat)*99)/100])/1e6, "p99-ms")
		})
	}
}
