// Package export picks one of newsgraph's exporters by its format name and
// writes a graph with it, so that the command line and the HTTP server
// offer the same formats the same way.
package export

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/csv"
	"github.com/newsgraph/newsgraph/graph/gexf"
	"github.com/newsgraph/newsgraph/graph/graphml"
	"github.com/newsgraph/newsgraph/graph/jsongraph"
	"github.com/newsgraph/newsgraph/graph/nquads"
)

// Formats are the format names Write accepts.
var Formats = []string{"gexf", "graphml", "csv", "json", "rdf"}

// Options tune the formats that have options.
type Options struct {
	Dynamic     bool   // GEXF: dates as spells, for Gephi's timeline
	GEXFVersion string // GEXF: "1.3" (default) or "1.2draft" for older Gephi and networkx before 3.6
	Dgraph      bool   // RDF: the N-Quads flavour Dgraph's live loader takes (blank nodes, dgraph.type)
}

// Check returns an error naming the formats if format is not one of them.
func Check(format string) error {
	if !slices.Contains(Formats, format) {
		return fmt.Errorf("export: unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
	}
	return nil
}

// ContentType and Extension describe a format's single-stream output as
// Write produces it (CSV comes as a zip of nodes.csv and edges.csv).
func ContentType(format string) string {
	switch format {
	case "gexf", "graphml":
		return "application/xml; charset=utf-8"
	case "csv":
		return "application/zip"
	case "json":
		return "application/json"
	case "rdf":
		return "application/n-quads; charset=utf-8"
	}
	return "application/octet-stream"
}

func Extension(format string) string {
	switch format {
	case "csv":
		return "csv.zip"
	case "rdf":
		return "nq"
	}
	return format
}

// Write writes g to w in format. CSV, being two files, is written as a zip
// holding nodes.csv and edges.csv; WriteCSV writes them separately.
func Write(ctx context.Context, format string, w io.Writer, g graph.Walker, opts Options) error {
	if err := Check(format); err != nil {
		return err
	}
	switch format {
	case "gexf":
		return gexf.Write(ctx, w, g, gexf.Options{Dynamic: opts.Dynamic, Version: opts.GEXFVersion})
	case "graphml":
		return graphml.Write(ctx, w, g, graphml.Options{})
	case "json":
		return jsongraph.Write(ctx, w, g, jsongraph.Options{})
	case "rdf":
		return nquads.Write(ctx, w, g, nquads.Options{Dgraph: opts.Dgraph})
	}
	zw := zip.NewWriter(w)
	// A zip takes one entry at a time, so the graph is walked twice: once
	// for the nodes, once for the edges. Memory stays flat either way.
	nodes, err := zw.Create("nodes.csv")
	if err != nil {
		return err
	}
	if err := csv.Write(ctx, nodes, io.Discard, g, csv.Options{}); err != nil {
		return err
	}
	edges, err := zw.Create("edges.csv")
	if err != nil {
		return err
	}
	if err := csv.Write(ctx, io.Discard, edges, g, csv.Options{}); err != nil {
		return err
	}
	return zw.Close()
}

// WriteCSV writes the nodes and edges of g as two CSV files.
func WriteCSV(ctx context.Context, nodes, edges io.Writer, g graph.Walker) error {
	return csv.Write(ctx, nodes, edges, g, csv.Options{})
}
