// Package graphml writes the graph as GraphML 1.0
// (http://graphml.graphdrawing.org), which yEd, Cytoscape, networkx, igraph
// and Gephi read.
//
// Every attribute is declared up front as a typed key (string, int or
// double); lists (aliases, roles, dates) are joined with " | ". The graph
// is directed; an edge's predicate is its "relation". GraphML IDs must be
// NMTOKENs, so node and edge IDs are mapped one-to-one by ID: letters and
// digits of ASCII, '.', ':' and '-' stay, every other byte becomes _XX (hex).
// Where that changes an ID, the original is kept in the node's
// "newsgraph_id" attribute. Text characters XML 1.0 cannot carry are
// replaced by U+FFFD.
package graphml

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/xmltext"
)

// Options tune the output. The zero value is ready to use.
type Options struct {
	// GraphID is the id of the <graph> element; "" means "newsgraph". It
	// is mapped like node IDs.
	GraphID string
}

// ListSep joins the items of list-valued attributes.
const ListSep = " | "

const header = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="aliases" for="node" attr.name="aliases" attr.type="string"/>
  <key id="roles" for="node" attr.name="roles" attr.type="string"/>
  <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
  <key id="sources" for="node" attr.name="sources" attr.type="int"/>
  <key id="first_seen" for="node" attr.name="first_seen" attr.type="string"/>
  <key id="last_seen" for="node" attr.name="last_seen" attr.type="string"/>
  <key id="dates" for="node" attr.name="dates" attr.type="string"/>
  <key id="newsgraph_id" for="node" attr.name="newsgraph_id" attr.type="string"/>
  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>
  <key id="e_label" for="edge" attr.name="label" attr.type="string"/>
  <key id="weight" for="edge" attr.name="weight" attr.type="double">
    <default>1</default>
  </key>
  <key id="e_first_seen" for="edge" attr.name="first_seen" attr.type="string"/>
  <key id="e_last_seen" for="edge" attr.name="last_seen" attr.type="string"/>
  <key id="e_dates" for="edge" attr.name="dates" attr.type="string"/>
`

// Write writes g to w as GraphML, streaming: memory does not grow with the
// size of the graph. Errors from g, from ctx and from w stop it.
//
// Node labels and edge labels (the predicate, again) are the keys named
// "label", which Gephi and Cytoscape show; weights are "weight".
func Write(ctx context.Context, w io.Writer, g graph.Walker, opts Options) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	gid := opts.GraphID
	if gid == "" {
		gid = "newsgraph"
	}
	b := append([]byte(header), `  <graph id="`...)
	b = AppendID(b, gid)
	b = append(b, "\" edgedefault=\"directed\">\n"...)
	flush := func() error {
		_, err := bw.Write(b)
		b = b[:0]
		return err
	}
	if err := flush(); err != nil {
		return fmt.Errorf("graphml: write: %w", err)
	}
	if err := g.Nodes(ctx, func(n graph.Node) error {
		b = appendNode(b, n)
		return flush()
	}); err != nil {
		return fmt.Errorf("graphml: write nodes: %w", err)
	}
	if err := g.Edges(ctx, func(e graph.Edge) error {
		b = appendEdge(b, e)
		return flush()
	}); err != nil {
		return fmt.Errorf("graphml: write edges: %w", err)
	}
	b = append(b, "  </graph>\n</graphml>\n"...)
	if err := flush(); err != nil {
		return fmt.Errorf("graphml: write: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("graphml: write: %w", err)
	}
	return nil
}

func appendNode(b []byte, n graph.Node) []byte {
	b = append(b, `    <node id="`...)
	start := len(b)
	b = AppendID(b, n.ID)
	mapped := string(b[start:]) != n.ID
	b = append(b, "\">\n"...)
	b = data(b, "label", n.Label)
	b = data(b, "type", n.Type)
	b = dataList(b, "aliases", n.Aliases)
	b = dataList(b, "roles", n.Roles)
	b = dataInt(b, "mentions", n.Mentions)
	b = dataInt(b, "sources", n.Sources)
	b = data(b, "first_seen", n.FirstSeen)
	b = data(b, "last_seen", n.LastSeen)
	b = dataList(b, "dates", n.Dates)
	if mapped {
		b = data(b, "newsgraph_id", n.ID)
	}
	return append(b, "    </node>\n"...)
}

func appendEdge(b []byte, e graph.Edge) []byte {
	b = append(b, `    <edge id="`...)
	b = AppendID(b, e.ID)
	b = append(b, `" source="`...)
	b = AppendID(b, e.Source)
	b = append(b, `" target="`...)
	b = AppendID(b, e.Target)
	b = append(b, "\">\n"...)
	b = data(b, "relation", string(e.Type))
	b = data(b, "e_label", string(e.Type))
	if !math.IsNaN(e.Weight) && !math.IsInf(e.Weight, 0) {
		b = append(b, `      <data key="weight">`...)
		b = strconv.AppendFloat(b, e.Weight, 'g', -1, 64)
		b = append(b, "</data>\n"...)
	}
	b = data(b, "e_first_seen", e.FirstSeen)
	b = data(b, "e_last_seen", e.LastSeen)
	b = dataList(b, "e_dates", e.Dates)
	return append(b, "    </edge>\n"...)
}

func data(b []byte, key, v string) []byte {
	if v == "" {
		return b
	}
	b = append(b, `      <data key="`...)
	b = append(b, key...)
	b = append(b, `">`...)
	b = xmltext.Append(b, v)
	return append(b, "</data>\n"...)
}

func dataList(b []byte, key string, vs []string) []byte {
	if len(vs) == 0 {
		return b
	}
	b = append(b, `      <data key="`...)
	b = append(b, key...)
	b = append(b, `">`...)
	b = xmltext.AppendJoined(b, vs, ListSep)
	return append(b, "</data>\n"...)
}

func dataInt(b []byte, key string, v int) []byte {
	b = append(b, `      <data key="`...)
	b = append(b, key...)
	b = append(b, `">`...)
	b = strconv.AppendInt(b, int64(v), 10)
	return append(b, "</data>\n"...)
}

// AppendID appends id mapped to an XML NMTOKEN: ASCII letters and digits,
// '.', ':' and '-' are kept and every other byte, '_' included, becomes
// '_' and two upper-case hex digits. The mapping is one-to-one; the empty
// ID becomes "_", which no other ID maps to.
func AppendID(b []byte, id string) []byte {
	const hex = "0123456789ABCDEF"
	if id == "" {
		return append(b, '_')
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '.', c == ':', c == '-':
			b = append(b, c)
		default:
			b = append(b, '_', hex[c>>4], hex[c&15])
		}
	}
	return b
}
