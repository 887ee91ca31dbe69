// Package jsongraph writes the graph as one JSON object in the node-link
// shape that d3-force, networkx (node_link_graph with edges="links") and
// most dashboards read:
//
//	{"directed": true, "multigraph": true, "graph": {"name": "newsgraph"},
//	 "nodes": [{"id": "person:joseph-yun", "label": "Joseph Yun", "type": "PERSON",
//	            "aliases": ["Mr Yun"], "roles": [], "mentions": 7, "sources": 2,
//	            "first_seen": "2017-10-17", "last_seen": "2017-11-01", "dates": ["2017-10-17"]}],
//	 "links": [{"id": "e3", "key": "e3", "source": "person:joseph-yun", "target": "org:state-department",
//	            "relation": "works_for", "weight": 2, "first_seen": "", "last_seen": "", "dates": []}]}
//
// Every field is always present (lists as [], missing dates as ""), so a
// dashboard needs no guards; weight alone is left out when it is not a
// finite number. "key" repeats the edge ID for networkx's multigraph.
// IDs are mapped as in the GEXF and CSV exports ('%', control characters
// and invalid UTF-8 become %XX); in text those characters become U+FFFD.
package jsongraph

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/xmltext"
)

// Options tune the output. The zero value is ready to use.
type Options struct {
	// Name goes into "graph": {"name": ...}; "" means "newsgraph".
	Name string
}

// Node is one element of "nodes".
type Node struct {
	ID        string   `json:"id"`
	Label     string   `json:"label"`
	Type      string   `json:"type"`
	Aliases   []string `json:"aliases"`
	Roles     []string `json:"roles"`
	Mentions  int      `json:"mentions"`
	Sources   int      `json:"sources"`
	FirstSeen string   `json:"first_seen"`
	LastSeen  string   `json:"last_seen"`
	Dates     []string `json:"dates"`
}

// Link is one element of "links".
type Link struct {
	ID        string   `json:"id"`
	Key       string   `json:"key"`
	Source    string   `json:"source"`
	Target    string   `json:"target"`
	Relation  string   `json:"relation"`
	Weight    *float64 `json:"weight,omitempty"`
	FirstSeen string   `json:"first_seen"`
	LastSeen  string   `json:"last_seen"`
	Dates     []string `json:"dates"`
}

// Graph is the whole document, for readers that decode it at once.
type Graph struct {
	Directed   bool              `json:"directed"`
	Multigraph bool              `json:"multigraph"`
	Graph      map[string]string `json:"graph"`
	Nodes      []Node            `json:"nodes"`
	Links      []Link            `json:"links"`
}

// Write writes g to w as node-link JSON, streaming: memory does not grow
// with the size of the graph. Errors from g, from ctx and from w stop it.
func Write(ctx context.Context, w io.Writer, g graph.Walker, opts Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	name := opts.Name
	if name == "" {
		name = "newsgraph"
	}
	buf.WriteString(`{"directed": true, "multigraph": true, "graph": {"name": `)
	if err := enc.Encode(xmltext.Clean(name)); err != nil {
		return fmt.Errorf("jsongraph: write: %w", err)
	}
	buf.Truncate(buf.Len() - 1)
	buf.WriteString("},\n\"nodes\": [")
	first := true
	item := func(v any) error {
		if !first {
			buf.WriteByte(',')
		}
		first = false
		buf.WriteByte('\n')
		if err := enc.Encode(v); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1) // Encode's newline
		_, err := bw.Write(buf.Bytes())
		buf.Reset()
		return err
	}
	var jn Node
	if err := g.Nodes(ctx, func(n graph.Node) error {
		jn = Node{
			ID: xmltext.ID(n.ID), Label: xmltext.Clean(n.Label), Type: xmltext.Clean(n.Type),
			Aliases: cleanList(n.Aliases), Roles: cleanList(n.Roles),
			Mentions: n.Mentions, Sources: n.Sources,
			FirstSeen: xmltext.Clean(n.FirstSeen), LastSeen: xmltext.Clean(n.LastSeen), Dates: cleanList(n.Dates),
		}
		return item(&jn)
	}); err != nil {
		return fmt.Errorf("jsongraph: write nodes: %w", err)
	}
	buf.WriteString("\n],\n\"links\": [")
	first = true
	var jl Link
	var weight float64
	if err := g.Edges(ctx, func(e graph.Edge) error {
		id := xmltext.ID(e.ID)
		jl = Link{
			ID: id, Key: id, Source: xmltext.ID(e.Source), Target: xmltext.ID(e.Target),
			Relation:  xmltext.Clean(string(e.Type)),
			FirstSeen: xmltext.Clean(e.FirstSeen), LastSeen: xmltext.Clean(e.LastSeen), Dates: cleanList(e.Dates),
		}
		if !math.IsNaN(e.Weight) && !math.IsInf(e.Weight, 0) {
			weight = e.Weight
			jl.Weight = &weight
		}
		return item(&jl)
	}); err != nil {
		return fmt.Errorf("jsongraph: write links: %w", err)
	}
	buf.WriteString("\n]}\n")
	if _, err := bw.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("jsongraph: write: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("jsongraph: write: %w", err)
	}
	return nil
}

var empty = []string{}

// cleanList returns vs with every item Clean, vs itself when nothing
// changes, and an empty list rather than nil so that JSON says [].
func cleanList(vs []string) []string {
	if len(vs) == 0 {
		return empty
	}
	for i, v := range vs {
		if c := xmltext.Clean(v); c != v {
			out := append([]string(nil), vs...)
			out[i] = c
			for j := i + 1; j < len(out); j++ {
				out[j] = xmltext.Clean(out[j])
			}
			return out
		}
	}
	return vs
}
