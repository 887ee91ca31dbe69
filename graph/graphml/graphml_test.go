package graphml_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphml"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
	"github.com/newsgraph/newsgraph/graph/internal/xmltext"
)

type data struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

type doc struct {
	Keys []struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	} `xml:"key"`
	Graph struct {
		EdgeDefault string `xml:"edgedefault,attr"`
		Nodes       []struct {
			ID   string `xml:"id,attr"`
			Data []data `xml:"data"`
		} `xml:"node"`
		Edges []struct {
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Target string `xml:"target,attr"`
			Data   []data `xml:"data"`
		} `xml:"edge"`
	} `xml:"graph"`
}

func write(t *testing.T, g graph.Walker) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := graphml.Write(context.Background(), &buf, g, graphml.Options{}); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

var nmtoken = regexp.MustCompile(`^[A-Za-z0-9._:-]+$`)

func TestWrite(t *testing.T) {
	tests := []struct {
		name   string
		g      *exporttest.Graph
		golden string
	}{
		{"small", exporttest.Small(), "small.graphml"},
		{"hostile", exporttest.Hostile(), "hostile.graphml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := write(t, tt.g.Walker())
			exporttest.Golden(t, tt.golden, out)
			var d doc
			if err := xml.Unmarshal(out, &d); err != nil {
				t.Fatalf("output is not well-formed XML: %v", err)
			}
			if len(d.Graph.Nodes) != len(tt.g.Nodes) || len(d.Graph.Edges) != len(tt.g.Edges) {
				t.Errorf("wrote %d nodes, %d edges, want %d, %d", len(d.Graph.Nodes), len(d.Graph.Edges), len(tt.g.Nodes), len(tt.g.Edges))
			}
			ids := map[string]bool{}
			for i, n := range d.Graph.Nodes {
				if !nmtoken.MatchString(n.ID) {
					t.Errorf("node id %q is not an NMTOKEN", n.ID)
				}
				if ids[n.ID] {
					t.Errorf("node id %q written twice", n.ID)
				}
				ids[n.ID] = true
				orig := n.ID
				for _, v := range n.Data {
					if v.Key == "newsgraph_id" {
						orig = v.Value
					}
				}
				if want := xmltext.Clean(tt.g.Nodes[i].ID); orig != want && want != "" {
					t.Errorf("node %d original id = %q, want %q", i, orig, want)
				}
			}
			for _, e := range d.Graph.Edges {
				if !ids[e.Source] || !ids[e.Target] {
					t.Errorf("edge %q: %q -> %q dangles", e.ID, e.Source, e.Target)
				}
				if !nmtoken.MatchString(e.ID) {
					t.Errorf("edge id %q is not an NMTOKEN", e.ID)
				}
			}
			path := filepath.Join(t.TempDir(), tt.golden)
			if err := os.WriteFile(path, out, 0o644); err != nil {
				t.Fatal(err)
			}
			exporttest.Check(t, path)
		})
	}
}

func TestWriteKeepsValues(t *testing.T) {
	var d doc
	if err := xml.Unmarshal(write(t, exporttest.Small().Walker()), &d); err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	for _, k := range d.Keys {
		types[k.For+"/"+k.Name] = k.Type
	}
	for k, want := range map[string]string{"node/mentions": "int", "node/label": "string", "edge/weight": "double", "edge/relation": "string"} {
		if types[k] != want {
			t.Errorf("key %s has attr.type %q, want %q", k, types[k], want)
		}
	}
	vals := map[string]string{}
	for _, v := range d.Graph.Nodes[2].Data {
		vals[v.Key] = v.Value
	}
	for k, want := range map[string]string{"label": "Joseph Yun", "aliases": "Mr Yun | Yun", "mentions": "7", "dates": "2017-10-17 | 2017-11-01"} {
		if vals[k] != want {
			t.Errorf("node 2 %s = %q, want %q", k, vals[k], want)
		}
	}
	if _, ok := vals["newsgraph_id"]; ok {
		t.Errorf("node 2 has newsgraph_id though its id needs no mapping")
	}
}

func TestAppendID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"person:joseph-yun", "person:joseph-yun"},
		{"a b", "a_20b"},
		{"a_20b", "a_5F20b"},
		{"", "_"},
		{"金", "_E9_87_91"},
		{"\x00<", "_00_3C"},
	}
	for _, tt := range tests {
		if got := string(graphml.AppendID(nil, tt.in)); got != tt.want {
			t.Errorf("AppendID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := graphml.Write(ctx, new(bytes.Buffer), exporttest.Small().Walker(), graphml.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Write(cancelled) = %v, want context.Canceled", err)
	}
}

func TestWriteStore(t *testing.T) {
	g := exporttest.Store(t)
	wantN, wantE := exporttest.Count(t, g)
	out := write(t, g)
	var d doc
	if err := xml.Unmarshal(out, &d); err != nil {
		t.Fatalf("output is not well-formed XML: %v", err)
	}
	if len(d.Graph.Nodes) != wantN || len(d.Graph.Edges) != wantE {
		t.Errorf("wrote %d nodes, %d edges, want %d, %d", len(d.Graph.Nodes), len(d.Graph.Edges), wantN, wantE)
	}
	path := filepath.Join(t.TempDir(), "store.graphml")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	exporttest.Check(t, path)
}
