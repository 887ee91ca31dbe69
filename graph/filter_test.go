package graph_test

import (
	"context"
	"errors"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
)

// walkFiltered collects the IDs a Walker yields, sorted, and checks the Walker
// contract: every edge's ends are among the nodes.
func walkFiltered(t *testing.T, w graph.Walker) (nodes, edges []string, err error) {
	t.Helper()
	ctx := context.Background()
	seen := map[string]bool{}
	if err := w.Nodes(ctx, func(n graph.Node) error {
		nodes = append(nodes, n.ID)
		seen[n.ID] = true
		return nil
	}); err != nil {
		return nil, nil, err
	}
	if err := w.Edges(ctx, func(e graph.Edge) error {
		if !seen[e.Source] || !seen[e.Target] {
			t.Errorf("edge %s: %s -> %s has an end that was not walked", e.ID, e.Source, e.Target)
		}
		edges = append(edges, e.ID)
		return nil
	}); err != nil {
		return nil, nil, err
	}
	sort.Strings(nodes)
	sort.Strings(edges)
	return nodes, edges, nil
}

func TestFiltered(t *testing.T) {
	all := []string{"event:talks-2017", "org:state-department", "person:joseph-yun", "person:rex-tillerson", "place:north-korea", "quote:0001"}
	tests := []struct {
		name         string
		f            graph.Filter
		nodes, edges []string
	}{
		{"zero", graph.Filter{}, all, []string{"e1", "e2", "e3", "e4", "e5", "e6", "e7"}},
		{"types", graph.Filter{Types: []string{"person", "ORG"}},
			[]string{"org:state-department", "person:joseph-yun", "person:rex-tillerson"}, []string{"e3", "e5", "e6"}},
		{"min mentions", graph.Filter{MinMentions: 4},
			[]string{"org:state-department", "person:joseph-yun", "place:north-korea"}, []string{"e3"}},
		{"min weight", graph.Filter{MinWeight: 2}, all, []string{"e3", "e5"}},
		// North Korea is undated and stays; the October events and quotes go.
		{"window", graph.Filter{From: "2017-11", To: "2017-12-31"},
			[]string{"org:state-department", "person:joseph-yun", "place:north-korea"}, []string{"e3"}},
		{"window partial to", graph.Filter{To: "2017-10"}, all, []string{"e1", "e2", "e3", "e4", "e5", "e6", "e7"}},
		{"ego by alias depth 1", graph.Filter{Ego: "mr yun"},
			[]string{"event:talks-2017", "org:state-department", "person:joseph-yun", "person:rex-tillerson"}, []string{"e3", "e4", "e5", "e6"}},
		{"ego by id depth 2", graph.Filter{Ego: "org:state-department", Depth: 2},
			[]string{"event:talks-2017", "org:state-department", "person:joseph-yun", "person:rex-tillerson"}, []string{"e3", "e4", "e5", "e6"}},
		{"ego by label depth 3 reaches quote", graph.Filter{Ego: "STATE DEPARTMENT", Depth: 3}, all, []string{"e1", "e2", "e3", "e4", "e5", "e6", "e7"}},
		{"ego types keep ego", graph.Filter{Ego: "North Korea", Depth: 2, Types: []string{"PERSON"}},
			[]string{"person:joseph-yun", "person:rex-tillerson", "place:north-korea"}, []string{"e5", "e6"}},
		{"ego heavy edges only", graph.Filter{Ego: "Tillerson", Depth: 5, MinWeight: 2},
			[]string{"org:state-department", "person:joseph-yun", "person:rex-tillerson"}, []string{"e3", "e5"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nodes, edges, err := walkFiltered(t, graph.Filtered(exporttest.Small().Walker(), tt.f))
			if err != nil {
				t.Fatalf("Filtered(%+v): %v", tt.f, err)
			}
			if !reflect.DeepEqual(nodes, tt.nodes) {
				t.Errorf("Filtered(%+v) nodes = %q, want %q", tt.f, nodes, tt.nodes)
			}
			if !reflect.DeepEqual(edges, tt.edges) {
				t.Errorf("Filtered(%+v) edges = %q, want %q", tt.f, edges, tt.edges)
			}
		})
	}
}

func TestFilteredTrimsDates(t *testing.T) {
	w := graph.Filtered(exporttest.Small().Walker(), graph.Filter{From: "2017-11-01"})
	var got graph.Node
	err := w.Nodes(context.Background(), func(n graph.Node) error {
		if n.ID == "person:joseph-yun" {
			got = n
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"2017-11-01"}; !reflect.DeepEqual(got.Dates, want) || got.FirstSeen != "2017-11-01" || got.LastSeen != "2017-11-01" {
		t.Errorf("dates = %q first %q last %q, want %q first and last 2017-11-01", got.Dates, got.FirstSeen, got.LastSeen, want)
	}
	// The input graph must not change.
	if d := exporttest.Small().Nodes[2].Dates; len(d) != 2 {
		t.Errorf("fixture dates = %q, want two", d)
	}
}

func TestFilteredErrors(t *testing.T) {
	tests := []struct {
		name string
		f    graph.Filter
		want error
	}{
		{"unknown ego", graph.Filter{Ego: "Nobody"}, graph.ErrNotFound},
		{"bad from", graph.Filter{From: "yesterday"}, graph.ErrBadDate},
		{"bad to", graph.Filter{To: "2005-13"}, graph.ErrBadDate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := walkFiltered(t, graph.Filtered(exporttest.Small().Walker(), tt.f))
			if !errors.Is(err, tt.want) {
				t.Errorf("Filtered(%+v) error = %v, want %v", tt.f, err, tt.want)
			}
		})
	}
}

func TestFilteredStopsOnCallbackError(t *testing.T) {
	stop := errors.New("stop")
	w := graph.Filtered(exporttest.Small().Walker(), graph.Filter{Types: []string{"PERSON"}})
	n := 0
	err := w.Nodes(context.Background(), func(graph.Node) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("Nodes with failing callback = %v after %d calls, want %v after 1", err, n, stop)
	}
}

func TestFilteredHostileEgo(t *testing.T) {
	g := exporttest.Hostile()
	label := g.Nodes[4].Label // non-Latin scripts
	nodes, _, err := walkFiltered(t, graph.Filtered(g.Walker(), graph.Filter{Ego: strings.ToUpper(label), Depth: 1}))
	if err != nil {
		t.Fatal(err)
	}
	if len(nodes) != 3 {
		t.Errorf("ego %q depth 1 = %q, want the node and its two neighbours", label, nodes)
	}
}
