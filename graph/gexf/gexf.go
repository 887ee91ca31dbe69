// Package gexf writes the graph as GEXF 1.3 (https://gexf.net), the format
// Gephi reads natively and networkx (3.6 and later) and Gephi Lite open, or
// as GEXF 1.2draft for older readers.
//
// Nodes carry their type, aliases, roles, mention and source counts and
// first and last dates as declared attributes, a viz:color by type and a
// viz:size growing with the mention count. Edges are directed; the
// predicate is the edge's label, its kind (so that Gephi keeps parallel
// edges of different predicates apart) and its "relation" attribute. In
// Dynamic mode every node and edge carries its dates as spells of whole
// days (timeformat "date"), so that Gephi's timeline plays the story.
//
// Lists (aliases, roles) are joined with " | ", since list attribute types
// are not read by every consumer. Characters XML 1.0 cannot carry are
// replaced by U+FFFD in text; in IDs they, and '%', are percent-encoded
// (UTF-8 bytes as %XX), which keeps distinct IDs distinct.
package gexf

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/dates"
	"github.com/newsgraph/newsgraph/graph/internal/xmltext"
)

// Options tune the output. The zero value writes a static graph without a
// modification date.
type Options struct {
	// Dynamic writes each node's and edge's dates as spells and marks the
	// graph dynamic. Undated nodes and edges get no spell: they are there
	// the whole time.
	Dynamic bool
	// Modified is written as the meta lastmodifieddate (its UTC day); the
	// zero time leaves it out, which keeps golden files stable.
	Modified time.Time
	// Creator names the producer in meta; "" means "newsgraph".
	Creator string
	// Description goes into meta; "" leaves it out.
	Description string
	// Version is the GEXF version to write: "1.3" (the default when "") or
	// "1.2draft", for Gephi before 0.9.3 and networkx before 3.6 (Debian
	// 12's 2.8.8), which cannot read 1.3. 1.2draft has no edge kind, so
	// Gephi merges parallel edges of different predicates.
	Version string
}

// ErrVersion reports an Options.Version Write does not know.
var ErrVersion = errors.New("gexf: unknown version (want 1.3 or 1.2draft)")

// ListSep joins the items of list-valued attributes.
const ListSep = " | "

// Write writes g to w as GEXF 1.3, streaming: memory does not grow with
// the size of the graph. Errors from g, from ctx and from w stop it.
func Write(ctx context.Context, w io.Writer, g graph.Walker, opts Options) error {
	switch opts.Version {
	case "", "1.3", "1.2draft":
	default:
		return fmt.Errorf("%w: %q", ErrVersion, opts.Version)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	x := &writer{w: bw, opts: opts}
	x.header()
	x.flushBuf()
	if err := g.Nodes(ctx, func(n graph.Node) error {
		x.node(n)
		return x.flushBuf()
	}); err != nil {
		return fmt.Errorf("gexf: write nodes: %w", err)
	}
	x.buf = append(x.buf, "    </nodes>\n    <edges>\n"...)
	if err := g.Edges(ctx, func(e graph.Edge) error {
		x.edge(e)
		return x.flushBuf()
	}); err != nil {
		return fmt.Errorf("gexf: write edges: %w", err)
	}
	x.buf = append(x.buf, "    </edges>\n  </graph>\n</gexf>\n"...)
	if err := x.flushBuf(); err != nil {
		return fmt.Errorf("gexf: write: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gexf: write: %w", err)
	}
	return nil
}

type writer struct {
	w     *bufio.Writer
	opts  Options
	buf   []byte       // the element being written, reused
	spans []dates.Span // reused
}

func (x *writer) flushBuf() error {
	_, err := x.w.Write(x.buf)
	x.buf = x.buf[:0]
	return err
}

func (x *writer) header() {
	b := append(x.buf, `<?xml version="1.0" encoding="UTF-8"?>`+"\n"...)
	if x.opts.Version == "1.2draft" {
		b = append(b, `<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">`...)
	} else {
		b = append(b, `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">`...)
	}
	b = append(b, "\n  <meta"...)
	if !x.opts.Modified.IsZero() {
		b = append(b, ` lastmodifieddate="`...)
		b = x.opts.Modified.UTC().AppendFormat(b, time.DateOnly)
		b = append(b, '"')
	}
	creator := x.opts.Creator
	if creator == "" {
		creator = "newsgraph"
	}
	b = append(b, ">\n    <creator>"...)
	b = xmltext.Append(b, creator)
	b = append(b, "</creator>\n"...)
	if x.opts.Description != "" {
		b = append(b, "    <description>"...)
		b = xmltext.Append(b, x.opts.Description)
		b = append(b, "</description>\n"...)
	}
	b = append(b, "  </meta>\n"...)
	if x.opts.Dynamic {
		b = append(b, `  <graph defaultedgetype="directed" mode="dynamic" timeformat="date">`+"\n"...)
	} else {
		b = append(b, `  <graph defaultedgetype="directed" mode="static">`+"\n"...)
	}
	b = append(b, `    <attributes class="node" mode="static">
      <attribute id="type" title="type" type="string"/>
      <attribute id="aliases" title="aliases" type="string"/>
      <attribute id="roles" title="roles" type="string"/>
      <attribute id="mentions" title="mentions" type="integer"/>
      <attribute id="sources" title="sources" type="integer"/>
      <attribute id="first_seen" title="first_seen" type="string"/>
      <attribute id="last_seen" title="last_seen" type="string"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="relation" title="relation" type="string"/>
      <attribute id="first_seen" title="first_seen" type="string"/>
      <attribute id="last_seen" title="last_seen" type="string"/>
    </attributes>
    <nodes>
`...)
	x.buf = b
}

func (x *writer) node(n graph.Node) {
	b := append(x.buf, `      <node id="`...)
	b = AppendID(b, n.ID)
	b = append(b, '"')
	if n.Label != "" {
		b = append(b, ` label="`...)
		b = xmltext.Append(b, n.Label)
		b = append(b, '"')
	}
	b = append(b, ">\n        <attvalues>\n"...)
	b = attString(b, "type", n.Type)
	b = attList(b, "aliases", n.Aliases)
	b = attList(b, "roles", n.Roles)
	b = attInt(b, "mentions", n.Mentions)
	b = attInt(b, "sources", n.Sources)
	b = attString(b, "first_seen", n.FirstSeen)
	b = attString(b, "last_seen", n.LastSeen)
	b = append(b, "        </attvalues>\n"...)
	if x.opts.Dynamic {
		b = x.appendSpells(b, n.Dates, n.FirstSeen, n.LastSeen)
	}
	c := colorOf(n.Type)
	b = append(b, `        <viz:color r="`...)
	b = strconv.AppendUint(b, uint64(c[0]), 10)
	b = append(b, `" g="`...)
	b = strconv.AppendUint(b, uint64(c[1]), 10)
	b = append(b, `" b="`...)
	b = strconv.AppendUint(b, uint64(c[2]), 10)
	b = append(b, "\"/>\n        <viz:size value=\""...)
	b = strconv.AppendFloat(b, Size(n.Mentions), 'f', -1, 64)
	b = append(b, "\"/>\n      </node>\n"...)
	x.buf = b
}

func (x *writer) edge(e graph.Edge) {
	b := append(x.buf, `      <edge id="`...)
	b = AppendID(b, e.ID)
	b = append(b, `" source="`...)
	b = AppendID(b, e.Source)
	b = append(b, `" target="`...)
	b = AppendID(b, e.Target)
	b = append(b, '"')
	if e.Type != "" {
		b = append(b, ` label="`...)
		b = xmltext.Append(b, string(e.Type))
		if x.opts.Version != "1.2draft" {
			b = append(b, `" kind="`...)
			b = xmltext.Append(b, string(e.Type))
		}
		b = append(b, '"')
	}
	if !math.IsNaN(e.Weight) && !math.IsInf(e.Weight, 0) {
		b = append(b, ` weight="`...)
		b = strconv.AppendFloat(b, e.Weight, 'g', -1, 64)
		b = append(b, '"')
	}
	b = append(b, ">\n        <attvalues>\n"...)
	b = attString(b, "relation", string(e.Type))
	b = attString(b, "first_seen", e.FirstSeen)
	b = attString(b, "last_seen", e.LastSeen)
	b = append(b, "        </attvalues>\n"...)
	if x.opts.Dynamic {
		b = x.appendSpells(b, e.Dates, e.FirstSeen, e.LastSeen)
	}
	b = append(b, "      </edge>\n"...)
	x.buf = b
}

func (x *writer) appendSpells(b []byte, ds []string, first, last string) []byte {
	x.spans = dates.Spans(x.spans, ds, first, last)
	if len(x.spans) == 0 {
		return b
	}
	b = append(b, "        <spells>\n"...)
	for _, s := range x.spans {
		b = append(b, `          <spell start="`...)
		b = append(b, s.Start...)
		b = append(b, `" end="`...)
		b = append(b, s.End...)
		b = append(b, "\"/>\n"...)
	}
	return append(b, "        </spells>\n"...)
}

func attString(b []byte, key, v string) []byte {
	if v == "" {
		return b
	}
	b = append(b, `          <attvalue for="`...)
	b = append(b, key...)
	b = append(b, `" value="`...)
	b = xmltext.Append(b, v)
	return append(b, "\"/>\n"...)
}

func attList(b []byte, key string, vs []string) []byte {
	if len(vs) == 0 {
		return b
	}
	b = append(b, `          <attvalue for="`...)
	b = append(b, key...)
	b = append(b, `" value="`...)
	b = xmltext.AppendJoined(b, vs, ListSep)
	return append(b, "\"/>\n"...)
}

func attInt(b []byte, key string, v int) []byte {
	b = append(b, `          <attvalue for="`...)
	b = append(b, key...)
	b = append(b, `" value="`...)
	b = strconv.AppendInt(b, int64(v), 10)
	return append(b, "\"/>\n"...)
}

// AppendID appends id as written in GEXF id, source and target attributes:
// '%', invalid UTF-8 and characters XML cannot carry become %XX per byte,
// then the result is escaped for an attribute value. The mapping is
// one-to-one, so distinct IDs stay distinct, and gives the IDs the CSV and
// JSON exports write.
func AppendID(b []byte, id string) []byte { return xmltext.Append(b, xmltext.ID(id)) }

// Size is the viz:size of a node mentioned m times: 10 for none, growing
// with the logarithm so that the most quoted people stand out without
// hiding everyone else. Rounded to two decimals.
func Size(m int) float64 {
	if m < 0 {
		m = 0
	}
	return math.Round(1000*(1+math.Log1p(float64(m)))) / 100
}

// colorOf is the viz:color of a node type, the first colours of the
// common "category10" palette so that the types read as in d3 dashboards.
func colorOf(typ string) [3]uint8 {
	switch strings.ToUpper(typ) {
	case "PERSON":
		return [3]uint8{31, 119, 180} // blue
	case "ORG":
		return [3]uint8{255, 127, 14} // orange
	case "PLACE":
		return [3]uint8{44, 160, 44} // green
	case "EVENT":
		return [3]uint8{214, 39, 40} // red
	case "QUOTE":
		return [3]uint8{148, 103, 189} // purple
	}
	return [3]uint8{127, 127, 127} // grey
}
