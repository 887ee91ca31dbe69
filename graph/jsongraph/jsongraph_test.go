package jsongraph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
	"github.com/newsgraph/newsgraph/graph/jsongraph"
	"github.com/newsgraph/newsgraph/kind"
)

func write(t *testing.T, g graph.Walker) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jsongraph.Write(context.Background(), &buf, g, jsongraph.Options{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

const loadNX = `
import json, sys
import networkx as nx
d = json.load(open(sys.argv[1]))
try:
    G = nx.node_link_graph(d, edges="links")
except TypeError:  # networkx < 3.4
    G = nx.node_link_graph(d, link="links")
print(G.number_of_nodes(), G.number_of_edges(), G.is_directed(), G.is_multigraph())
`

func TestWrite(t *testing.T) {
	tests := []struct {
		name string
		g    *exporttest.Graph
	}{
		{"small", exporttest.Small()},
		{"hostile", exporttest.Hostile()},
		{"empty", &exporttest.Graph{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := write(t, tt.g.Walker())
			exporttest.Golden(t, tt.name+".json", out)
			var d jsongraph.Graph
			dec := json.NewDecoder(bytes.NewReader(out))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&d); err != nil {
				t.Fatalf("output is not the documented JSON: %v", err)
			}
			if len(d.Nodes) != len(tt.g.Nodes) || len(d.Links) != len(tt.g.Edges) {
				t.Errorf("wrote %d nodes, %d links, want %d, %d", len(d.Nodes), len(d.Links), len(tt.g.Nodes), len(tt.g.Edges))
			}
			ids := map[string]bool{}
			for _, n := range d.Nodes {
				if ids[n.ID] {
					t.Errorf("node id %q written twice", n.ID)
				}
				ids[n.ID] = true
				if n.Aliases == nil || n.Roles == nil || n.Dates == nil {
					t.Errorf("node %q has a null list", n.ID)
				}
			}
			for _, l := range d.Links {
				if !ids[l.Source] || !ids[l.Target] {
					t.Errorf("link %q: %q -> %q dangles", l.ID, l.Source, l.Target)
				}
			}
			path := filepath.Join(t.TempDir(), "g.json")
			if err := os.WriteFile(path, out, 0o644); err != nil {
				t.Fatal(err)
			}
			got := strings.TrimSpace(exporttest.Networkx(t, loadNX, path))
			if want := fmt.Sprintf("%d %d True True", len(tt.g.Nodes), len(tt.g.Edges)); got != want {
				t.Errorf("networkx read %q, want %q", got, want)
			}
		})
	}
}

func TestWriteWeight(t *testing.T) {
	g := &exporttest.Graph{
		Nodes: []graph.Node{{ID: "a"}, {ID: "b"}},
		Edges: []graph.Edge{
			{ID: "nan", Source: "a", Target: "b", Type: kind.Met, Weight: math.NaN()},
			{ID: "two", Source: "b", Target: "a", Type: kind.Met, Weight: 2},
		},
	}
	var d jsongraph.Graph
	if err := json.Unmarshal(write(t, g.Walker()), &d); err != nil {
		t.Fatal(err)
	}
	if d.Links[0].Weight != nil {
		t.Errorf("NaN weight written as %v, want left out", *d.Links[0].Weight)
	}
	if d.Links[1].Weight == nil || *d.Links[1].Weight != 2 {
		t.Errorf("weight 2 written as %v, want 2", d.Links[1].Weight)
	}
}

func TestWriteErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := jsongraph.Write(ctx, new(bytes.Buffer), exporttest.Small().Walker(), jsongraph.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Write(cancelled) = %v, want context.Canceled", err)
	}
}

func TestWriteStore(t *testing.T) {
	g := exporttest.Store(t)
	wantN, wantE := exporttest.Count(t, g)
	out := write(t, g)
	var d jsongraph.Graph
	if err := json.Unmarshal(out, &d); err != nil {
		t.Fatal(err)
	}
	if len(d.Nodes) != wantN || len(d.Links) != wantE {
		t.Errorf("wrote %d nodes, %d links, want %d, %d", len(d.Nodes), len(d.Links), wantN, wantE)
	}
	path := filepath.Join(t.TempDir(), "store.json")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	got := strings.TrimSpace(exporttest.Networkx(t, loadNX, path))
	if want := fmt.Sprintf("%d %d True True", wantN, wantE); got != want {
		t.Errorf("networkx read %q, want %q", got, want)
	}
}
