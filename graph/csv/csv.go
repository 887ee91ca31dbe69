// Package csv writes the graph as two CSV files, nodes.csv and edges.csv,
// with the column names Gephi's spreadsheet import recognises, readable as
// they are by pandas, R, igraph and spreadsheets.
//
// nodes.csv: Id, Label, EntityType, Aliases, Roles, Mentions, Sources,
// FirstSeen, LastSeen, timeset.
//
// edges.csv: Source, Target, Type, Kind, Id, Label, Relation, Weight,
// FirstSeen, LastSeen, timeset.
//
// In Gephi's edge table Type means Directed or Undirected, so it is always
// "Directed"; the predicate (said, role_of, …) goes in Label, in Relation
// and in Kind, which Gephi (0.9.2 and later) uses to keep parallel edges of
// different predicates apart instead of merging them. The node's
// PERSON/ORG/… is EntityType, so that no reader mistakes it for an edge
// direction. timeset, the column Gephi itself writes and reads for when an
// element exists, holds the days a node or edge is dated in Gephi's
// interval-set syntax "<[2005-01-01, 2005-01-31]; [2005-03-02, 2005-03-02]>"
// (empty when undated): import it as an interval set for a dynamic graph. Lists are joined with " | ". Files are UTF-8 without a
// byte-order mark, comma-separated, quoted per RFC 4180, lines ending in
// "\n"; in text, control characters and invalid UTF-8 are replaced by U+FFFD;
// IDs are mapped as in the GEXF export ('%' and those characters become
// %XX), which keeps them distinct.
package csv

import (
	"bufio"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/dates"
	"github.com/newsgraph/newsgraph/graph/internal/xmltext"
)

// Options tune the output. The zero value is ready to use; there is
// nothing to tune yet.
type Options struct{}

// ListSep joins the items of list-valued columns.
const ListSep = " | "

// NodeHeader and EdgeHeader are the first lines of the two files.
var (
	NodeHeader = []string{"Id", "Label", "EntityType", "Aliases", "Roles", "Mentions", "Sources", "FirstSeen", "LastSeen", "timeset"}
	EdgeHeader = []string{"Source", "Target", "Type", "Kind", "Id", "Label", "Relation", "Weight", "FirstSeen", "LastSeen", "timeset"}
)

// Write writes the nodes of g to nodes and its edges to edges, streaming:
// memory does not grow with the size of the graph. Errors from g, from ctx
// and from the writers stop it.
func Write(ctx context.Context, nodes, edges io.Writer, g graph.Walker, opts Options) error {
	var (
		rec   = make([]string, len(EdgeHeader))
		spans []dates.Span
		ib    []byte
	)
	interval := func(ds []string, first, last string) string {
		spans = dates.Spans(spans, ds, first, last)
		if len(spans) == 0 {
			return ""
		}
		ib = append(ib[:0], '<')
		for i, s := range spans {
			if i > 0 {
				ib = append(ib, "; "...)
			}
			ib = append(ib, '[')
			ib = append(ib, s.Start...)
			ib = append(ib, ", "...)
			ib = append(ib, s.End...)
			ib = append(ib, ']')
		}
		ib = append(ib, '>')
		return string(ib)
	}

	nb := bufio.NewWriterSize(nodes, 64<<10)
	nw := csv.NewWriter(nb)
	if err := nw.Write(NodeHeader); err != nil {
		return fmt.Errorf("csv: write nodes: %w", err)
	}
	err := g.Nodes(ctx, func(n graph.Node) error {
		rec[0] = xmltext.ID(n.ID)
		rec[1] = xmltext.Clean(n.Label)
		rec[2] = xmltext.Clean(n.Type)
		rec[3] = join(n.Aliases)
		rec[4] = join(n.Roles)
		rec[5] = strconv.Itoa(n.Mentions)
		rec[6] = strconv.Itoa(n.Sources)
		rec[7] = xmltext.Clean(n.FirstSeen)
		rec[8] = xmltext.Clean(n.LastSeen)
		rec[9] = interval(n.Dates, n.FirstSeen, n.LastSeen)
		return nw.Write(rec[:len(NodeHeader)])
	})
	if err == nil {
		nw.Flush()
		err = nw.Error()
	}
	if err == nil {
		err = nb.Flush()
	}
	if err != nil {
		return fmt.Errorf("csv: write nodes: %w", err)
	}

	eb := bufio.NewWriterSize(edges, 64<<10)
	ew := csv.NewWriter(eb)
	if err := ew.Write(EdgeHeader); err != nil {
		return fmt.Errorf("csv: write edges: %w", err)
	}
	err = g.Edges(ctx, func(e graph.Edge) error {
		rel := xmltext.Clean(string(e.Type))
		rec[0] = xmltext.ID(e.Source)
		rec[1] = xmltext.ID(e.Target)
		rec[2] = "Directed"
		rec[3] = rel
		rec[4] = xmltext.ID(e.ID)
		rec[5] = rel
		rec[6] = rel
		rec[7] = ""
		if !math.IsNaN(e.Weight) && !math.IsInf(e.Weight, 0) {
			rec[7] = strconv.FormatFloat(e.Weight, 'g', -1, 64)
		}
		rec[8] = xmltext.Clean(e.FirstSeen)
		rec[9] = xmltext.Clean(e.LastSeen)
		rec[10] = interval(e.Dates, e.FirstSeen, e.LastSeen)
		return ew.Write(rec)
	})
	if err == nil {
		ew.Flush()
		err = ew.Error()
	}
	if err == nil {
		err = eb.Flush()
	}
	if err != nil {
		return fmt.Errorf("csv: write edges: %w", err)
	}
	return nil
}

func join(vs []string) string {
	switch len(vs) {
	case 0:
		return ""
	case 1:
		return xmltext.Clean(vs[0])
	}
	var b strings.Builder
	for i, v := range vs {
		if i > 0 {
			b.WriteString(ListSep)
		}
		b.WriteString(xmltext.Clean(v))
	}
	return b.String()
}
