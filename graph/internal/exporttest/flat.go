package exporttest

import (
	"context"
	"runtime"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// probe wraps a Generated graph and measures the live heap, after a
// collection, when the walk reaches two points: early in the nodes and at
// the end of the edges.
type probe struct {
	Generated
	early, late uint64
}

func liveHeap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func (p *probe) Nodes(ctx context.Context, fn func(graph.Node) error) error {
	i := 0
	return p.Generated.Nodes(ctx, func(n graph.Node) error {
		if i++; i == 1000 {
			p.early = liveHeap()
		}
		return fn(n)
	})
}

func (p *probe) Edges(ctx context.Context, fn func(graph.Edge) error) error {
	i, last := 0, 2*p.N
	return p.Generated.Edges(ctx, func(e graph.Edge) error {
		if i++; i == last {
			p.late = liveHeap()
		}
		return fn(e)
	})
}

// CheckFlat fails the test unless write keeps its memory flat: the live
// heap may not grow by more than 256 KiB between the 1,000th node and the
// last of 200,000 edges of a 100,000-node graph (a writer that kept even
// one small value per node would grow by megabytes), and allocations per
// node must not grow with the graph.
func CheckFlat(t *testing.T, write func(ctx context.Context, g graph.Walker) error) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: skipping the 100k-node memory check")
	}
	m, err := MeasureFlat(write)
	if err != nil {
		t.Fatal(err)
	}
	if m.Growth > 256<<10 {
		t.Errorf("live heap grew by %d bytes over a 100k-node graph, want at most 256 KiB", m.Growth)
	}
	if m.PerNodeLarge > m.PerNodeSmall*1.05+0.05 {
		t.Errorf("allocations per node grow with the graph: %.2f at 1k nodes, %.2f at 10k", m.PerNodeSmall, m.PerNodeLarge)
	}
}

// Flatness is what MeasureFlat found.
type Flatness struct {
	Growth                     int64   // live heap bytes gained while walking 100k nodes and 200k edges
	PerNodeSmall, PerNodeLarge float64 // allocations per node for 1k and 10k nodes
}

// MeasureFlat measures the memory write uses as the graph grows.
func MeasureFlat(write func(ctx context.Context, g graph.Walker) error) (Flatness, error) {
	var m Flatness
	p := &probe{Generated: Generated{N: 100_000}}
	if err := write(context.Background(), p); err != nil {
		return m, err
	}
	m.Growth = int64(p.late) - int64(p.early)
	var err error
	per := func(n int) float64 {
		g := Generated{N: n}
		return testing.AllocsPerRun(2, func() {
			if e := write(context.Background(), g); e != nil {
				err = e
			}
		}) / float64(n)
	}
	m.PerNodeSmall, m.PerNodeLarge = per(1_000), per(10_000)
	return m, err
}

// Bench runs write over a generated graph of n nodes (and 2n edges) and
// reports bytes and allocations per node besides the usual per-op numbers.
func Bench(b *testing.B, n int, write func(ctx context.Context, g graph.Walker) error) {
	g := Generated{N: n}
	ctx := context.Background()
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ops := 0
	for b.Loop() {
		if err := write(ctx, g); err != nil {
			b.Fatal(err)
		}
		ops++
	}
	runtime.ReadMemStats(&after)
	nodes := float64(ops * n)
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/nodes, "allocs/node")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/nodes, "B/node")
}
