package gexf_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/gexf"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
)

func write(t *testing.T, g graph.Walker, opts gexf.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := gexf.Write(context.Background(), &buf, g, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

// doc is what a GEXF reader sees of the file.
type doc struct {
	Graph struct {
		Mode       string `xml:"mode,attr"`
		TimeFormat string `xml:"timeformat,attr"`
		Nodes      []struct {
			ID     string `xml:"id,attr"`
			Label  string `xml:"label,attr"`
			Values []struct {
				For   string `xml:"for,attr"`
				Value string `xml:"value,attr"`
			} `xml:"attvalues>attvalue"`
			Spells []struct {
				Start string `xml:"start,attr"`
				End   string `xml:"end,attr"`
			} `xml:"spells>spell"`
		} `xml:"nodes>node"`
		Edges []struct {
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Label  string `xml:"label,attr"`
			Weight string `xml:"weight,attr"`
		} `xml:"edges>edge"`
	} `xml:"graph"`
}

func parse(t *testing.T, b []byte) doc {
	t.Helper()
	var d doc
	if err := xml.Unmarshal(b, &d); err != nil {
		t.Fatalf("output is not well-formed XML: %v", err)
	}
	return d
}

func TestWrite(t *testing.T) {
	tests := []struct {
		name   string
		g      *exporttest.Graph
		opts   gexf.Options
		golden string
	}{
		{"static", exporttest.Small(), gexf.Options{Modified: time.Date(2024, 5, 1, 12, 0, 0, 0, time.UTC)}, "small.gexf"},
		{"dynamic", exporttest.Small(), gexf.Options{Dynamic: true, Description: "seed <graph> & co"}, "small-dynamic.gexf"},
		{"hostile", exporttest.Hostile(), gexf.Options{Dynamic: true}, "hostile.gexf"},
		{"1.2draft", exporttest.Small(), gexf.Options{Dynamic: true, Version: "1.2draft"}, "small-1.2draft.gexf"},
		{"hostile 1.2draft", exporttest.Hostile(), gexf.Options{Version: "1.2draft"}, "hostile-1.2draft.gexf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := write(t, tt.g.Walker(), tt.opts)
			exporttest.Golden(t, tt.golden, out)
			d := parse(t, out)
			if got, want := len(d.Graph.Nodes), len(tt.g.Nodes); got != want {
				t.Errorf("nodes = %d, want %d", got, want)
			}
			if got, want := len(d.Graph.Edges), len(tt.g.Edges); got != want {
				t.Errorf("edges = %d, want %d", got, want)
			}
			ids := map[string]bool{}
			for _, n := range d.Graph.Nodes {
				if ids[n.ID] {
					t.Errorf("node id %q written twice", n.ID)
				}
				ids[n.ID] = true
			}
			for _, e := range d.Graph.Edges {
				if !ids[e.Source] || !ids[e.Target] {
					t.Errorf("edge %q: %q -> %q dangles", e.ID, e.Source, e.Target)
				}
			}
			if tt.opts.Dynamic && (d.Graph.Mode != "dynamic" || d.Graph.TimeFormat != "date") {
				t.Errorf("graph mode %q timeformat %q, want dynamic and date", d.Graph.Mode, d.Graph.TimeFormat)
			}
			path := filepath.Join(t.TempDir(), tt.golden)
			if err := os.WriteFile(path, out, 0o644); err != nil {
				t.Fatal(err)
			}
			exporttest.Check(t, path)
		})
	}
}

func TestWriteKeepsText(t *testing.T) {
	d := parse(t, write(t, exporttest.Small().Walker(), gexf.Options{Dynamic: true}))
	n := d.Graph.Nodes[2]
	if n.ID != "person:joseph-yun" || n.Label != "Joseph Yun" {
		t.Fatalf("third node = %q %q, want person:joseph-yun, Joseph Yun", n.ID, n.Label)
	}
	vals := map[string]string{}
	for _, v := range n.Values {
		vals[v.For] = v.Value
	}
	want := map[string]string{"type": "PERSON", "aliases": "Mr Yun | Yun", "roles": "negotiator, United States",
		"mentions": "7", "sources": "2", "first_seen": "2017-10-17", "last_seen": "2017-11-01"}
	for k, w := range want {
		if vals[k] != w {
			t.Errorf("attvalue %s = %q, want %q", k, vals[k], w)
		}
	}
	if len(n.Spells) != 2 || n.Spells[0].Start != "2017-10-17" || n.Spells[1].End != "2017-11-01" {
		t.Errorf("spells = %+v, want 2017-10-17 and 2017-11-01", n.Spells)
	}
	ev := d.Graph.Nodes[0]
	if len(ev.Spells) != 1 || ev.Spells[0].Start != "2017-10-01" || ev.Spells[0].End != "2017-10-31" {
		t.Errorf("event spells = %+v, want the whole of 2017-10", ev.Spells)
	}
}

func TestAppendID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"person:joseph-yun", "person:joseph-yun"},
		{"a b/c", "a b/c"},
		{"100%", "100%25"},
		{"nul\x00", "nul%00"},
		{"bad\xff", "bad%FF"},
		{"<&>", "&lt;&amp;&gt;"},
		{"金", "金"},
	}
	for _, tt := range tests {
		if got := string(gexf.AppendID(nil, tt.in)); got != tt.want {
			t.Errorf("AppendID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := gexf.Write(ctx, new(bytes.Buffer), exporttest.Small().Walker(), gexf.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Write(cancelled) = %v, want context.Canceled", err)
	}
	err = gexf.Write(context.Background(), new(bytes.Buffer), exporttest.Small().Walker(), gexf.Options{Version: "1.4"})
	if !errors.Is(err, gexf.ErrVersion) {
		t.Errorf("Write(version 1.4) = %v, want ErrVersion", err)
	}
	err = gexf.Write(context.Background(), failWriter{}, exporttest.Generated{N: 5000}, gexf.Options{})
	if !errors.Is(err, errDisk) {
		t.Errorf("Write(failing writer) = %v, want %v", err, errDisk)
	}
}

var errDisk = errors.New("disk full")

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errDisk }

func TestSize(t *testing.T) {
	prev := 0.0
	for _, m := range []int{-1, 0, 1, 10, 1000, 1 << 30} {
		s := gexf.Size(m)
		if s < 10 || s < prev || s > 300 {
			t.Errorf("Size(%d) = %v, want >= 10, >= %v, <= 300", m, s, prev)
		}
		prev = s
	}
}

// TestWriteStore exports the real store, dynamic, and checks the file as
// Gephi's and networkx's users would.
func TestWriteStore(t *testing.T) {
	g := exporttest.Store(t)
	wantN, wantE := exporttest.Count(t, g)
	out := write(t, g, gexf.Options{Dynamic: true, Modified: time.Now()})
	d := parse(t, out)
	if len(d.Graph.Nodes) != wantN || len(d.Graph.Edges) != wantE {
		t.Errorf("wrote %d nodes, %d edges, want %d, %d", len(d.Graph.Nodes), len(d.Graph.Edges), wantN, wantE)
	}
	path := filepath.Join(t.TempDir(), "store.gexf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	exporttest.Check(t, path)
}

// TestWriteFiltered exports an ego network through graph.Filtered.
func TestWriteFiltered(t *testing.T) {
	g := graph.Filtered(exporttest.Store(t), graph.Filter{Ego: "ms berg", Types: []string{"PERSON", "QUOTE"}})
	out := write(t, g, gexf.Options{Dynamic: true})
	d := parse(t, out)
	if len(d.Graph.Nodes) < 2 || len(d.Graph.Edges) < 1 {
		t.Errorf("ego network of Ms Berg has %d nodes and %d edges, want at least 2 and 1", len(d.Graph.Nodes), len(d.Graph.Edges))
	}
	path := filepath.Join(t.TempDir(), "ego.gexf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	exporttest.Check(t, path)
}
