package csv_test

import (
	"bytes"
	"context"
	stdcsv "encoding/csv"
	"errors"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/csv"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
)

func write(t *testing.T, g graph.Walker) (nodes, edges []byte) {
	t.Helper()
	var nb, eb bytes.Buffer
	if err := csv.Write(context.Background(), &nb, &eb, g, csv.Options{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return nb.Bytes(), eb.Bytes()
}

func read(t *testing.T, name string, b []byte) [][]string {
	t.Helper()
	r := stdcsv.NewReader(bytes.NewReader(b))
	recs, err := r.ReadAll() // also checks every row has the header's width
	if err != nil {
		t.Fatalf("reading %s back: %v", name, err)
	}
	return recs
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name string
		g    *exporttest.Graph
	}{
		{"small", exporttest.Small()},
		{"hostile", exporttest.Hostile()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nb, eb := write(t, tt.g.Walker())
			exporttest.Golden(t, tt.name+"-nodes.csv", nb)
			exporttest.Golden(t, tt.name+"-edges.csv", eb)
			nodes, edges := read(t, "nodes.csv", nb), read(t, "edges.csv", eb)
			if !reflect.DeepEqual(nodes[0], csv.NodeHeader) || !reflect.DeepEqual(edges[0], csv.EdgeHeader) {
				t.Errorf("headers = %q, %q, want %q, %q", nodes[0], edges[0], csv.NodeHeader, csv.EdgeHeader)
			}
			if got, want := len(nodes)-1, len(tt.g.Nodes); got != want {
				t.Errorf("node rows = %d, want %d", got, want)
			}
			if got, want := len(edges)-1, len(tt.g.Edges); got != want {
				t.Errorf("edge rows = %d, want %d", got, want)
			}
			ids := map[string]bool{}
			for _, r := range nodes[1:] {
				if ids[r[0]] {
					t.Errorf("node Id %q written twice", r[0])
				}
				ids[r[0]] = true
				for _, f := range r {
					checkText(t, f)
				}
			}
			for _, r := range edges[1:] {
				if !ids[r[0]] || !ids[r[1]] {
					t.Errorf("edge %q: %q -> %q dangles", r[4], r[0], r[1])
				}
				if r[2] != "Directed" {
					t.Errorf("edge %q Type = %q, want Directed", r[4], r[2])
				}
				for _, f := range r {
					checkText(t, f)
				}
			}
		})
	}
}

// checkText fails on what a spreadsheet importer chokes on.
func checkText(t *testing.T, f string) {
	t.Helper()
	if !utf8.ValidString(f) {
		t.Errorf("field %q is not UTF-8", f)
	}
	for _, r := range f {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			t.Errorf("field %q holds control character %U", f, r)
		}
	}
}

func TestWriteValues(t *testing.T) {
	nb, eb := write(t, exporttest.Small().Walker())
	nodes, edges := read(t, "nodes.csv", nb), read(t, "edges.csv", eb)
	want := []string{"person:joseph-yun", "Joseph Yun", "PERSON", "Mr Yun | Yun", "negotiator, United States", "7", "2",
		"2017-10-17", "2017-11-01", "<[2017-10-17, 2017-10-17]; [2017-11-01, 2017-11-01]>"}
	if !reflect.DeepEqual(nodes[3], want) {
		t.Errorf("node row 3 = %q, want %q", nodes[3], want)
	}
	wantE := []string{"person:joseph-yun", "person:rex-tillerson", "Directed", "mentioned_with", "e5", "mentioned_with", "mentioned_with", "3.5", "", "", ""}
	if !reflect.DeepEqual(edges[5], wantE) {
		t.Errorf("edge row 5 = %q, want %q", edges[5], wantE)
	}
}

func TestWriteErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var nb, eb bytes.Buffer
	if err := csv.Write(ctx, &nb, &eb, exporttest.Small().Walker(), csv.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Write(cancelled) = %v, want context.Canceled", err)
	}
}

func TestWriteStore(t *testing.T) {
	g := exporttest.Store(t)
	wantN, wantE := exporttest.Count(t, g)
	nb, eb := write(t, g)
	nodes, edges := read(t, "nodes.csv", nb), read(t, "edges.csv", eb)
	if len(nodes)-1 != wantN || len(edges)-1 != wantE {
		t.Errorf("wrote %d node rows, %d edge rows, want %d, %d", len(nodes)-1, len(edges)-1, wantN, wantE)
	}
	ids := map[string]bool{}
	for _, r := range nodes[1:] {
		ids[r[0]] = true
	}
	for _, r := range edges[1:] {
		if !ids[r[0]] || !ids[r[1]] {
			t.Errorf("edge %q: %q -> %q dangles", r[4], r[0], r[1])
		}
	}
}
