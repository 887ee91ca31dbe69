package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
)

// filterFlags are the graph filters shared by every export format.
type filterFlags struct {
	types, from, to, ego *string
	depth, minMentions   *int
	minWeight            *float64
}

func addFilterFlags(fs *flag.FlagSet) filterFlags {
	return filterFlags{
		types:       fs.String("types", "", "keep only these node `types`, comma-separated: PERSON,ORG,PLACE,EVENT,QUOTE"),
		from:        fs.String("from", "", "keep what is dated on or after this `date` (undated nodes stay)"),
		to:          fs.String("to", "", "keep what is dated on or before this `date`"),
		ego:         fs.String("ego", "", "keep only the neighbourhood of this `entity` (ID, name or alias)"),
		depth:       fs.Int("depth", 1, "hops from --ego"),
		minMentions: fs.Int("min-mentions", 0, "drop nodes mentioned fewer `times`"),
		minWeight:   fs.Float64("min-weight", 0, "drop edges lighter than `weight`"),
	}
}

func (f filterFlags) filter() graph.Filter {
	var types []string
	for _, t := range strings.Split(*f.types, ",") {
		if t = strings.TrimSpace(t); t != "" {
			types = append(types, strings.ToUpper(t))
		}
	}
	return graph.Filter{Types: types, From: *f.from, To: *f.to, Ego: *f.ego, Depth: *f.depth,
		MinWeight: *f.minWeight, MinMentions: *f.minMentions}
}

func runExport(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "export", "--format FORMAT [--out PATH]", "Writes the graph, or the part the filters select, for Gephi, networkx, igraph, Cytoscape,\nyEd or a triple store. Formats: gexf, graphml, csv (nodes.csv and edges.csv in the folder\n--out), json, rdf (N-Quads). Without --out the file goes to standard output.")
	data := dataFlag(fs, env)
	format := fs.String("format", "", "gexf, graphml, csv, json or rdf")
	out := fs.String("out", "", "output `file` (a folder for csv); default standard output")
	dynamic := fs.Bool("dynamic", false, "gexf: write dates as spells so Gephi's timeline plays the story")
	gexfVersion := fs.String("gexf-version", "1.3", "gexf: `version` 1.3, or 1.2draft for older Gephi and networkx before 3.6")
	dgraph := fs.Bool("dgraph", false, "rdf: write the flavour Dgraph's live loader takes")
	ff := addFilterFlags(fs)
	if _, code, ok := parse(fs, args); !ok {
		return code
	}
	if err := export.Check(*format); err != nil {
		fmt.Fprintln(env.Stderr, "newsgraph export: --format:", err)
		return exitUsage
	}
	if *format == "csv" && *out == "" {
		fmt.Fprintln(env.Stderr, "newsgraph export: csv writes two files, nodes.csv and edges.csv: give the folder with --out")
		return exitUsage
	}
	store, err := openStore(ctx, graph.Options{Dir: *data, ReadOnly: true})
	if err != nil {
		return errorf(env, "export: %v", err)
	}
	defer store.Close()
	snap, release := store.Snapshot()
	defer release()
	g := graph.Filtered(snap, ff.filter())
	eo := export.Options{Dynamic: *dynamic, GEXFVersion: *gexfVersion, Dgraph: *dgraph}

	switch {
	case *format == "csv":
		if err := os.MkdirAll(*out, 0o755); err != nil {
			return errorf(env, "export: %v", err)
		}
		// Each file goes through a temporary name, so a failed export never
		// leaves a pair of files that looks whole.
		nodesTmp, edgesTmp := filepath.Join(*out, ".nodes.csv.tmp"), filepath.Join(*out, ".edges.csv.tmp")
		err := writeBoth(nodesTmp, edgesTmp, func(n, e *bufio.Writer) error { return export.WriteCSV(ctx, n, e, g) })
		if err == nil {
			err = os.Rename(nodesTmp, filepath.Join(*out, "nodes.csv"))
		}
		if err == nil {
			err = os.Rename(edgesTmp, filepath.Join(*out, "edges.csv"))
		}
		if err != nil {
			os.Remove(nodesTmp)
			os.Remove(edgesTmp)
			return errorf(env, "export: %v", err)
		}
	case *out == "" || *out == "-":
		w := bufio.NewWriterSize(env.Stdout, 1<<16)
		if err := export.Write(ctx, *format, w, g, eo); err != nil {
			return errorf(env, "export: %v", err)
		}
		if err := w.Flush(); err != nil {
			return errorf(env, "export: %v", err)
		}
		return exitOK
	default:
		err := writeFileAtomic(*out, func(w *bufio.Writer) error {
			return export.Write(ctx, *format, w, g, eo)
		})
		if err != nil {
			return errorf(env, "export: %v", err)
		}
	}
	fmt.Fprintf(env.Stderr, "newsgraph export: %s written to %s\n", *format, *out)
	return exitOK
}

func writeBoth(a, b string, write func(a, b *bufio.Writer) error) error {
	fa, err := os.Create(a)
	if err != nil {
		return err
	}
	defer fa.Close()
	fb, err := os.Create(b)
	if err != nil {
		return err
	}
	defer fb.Close()
	wa, wb := bufio.NewWriterSize(fa, 1<<16), bufio.NewWriterSize(fb, 1<<16)
	if err := write(wa, wb); err != nil {
		return err
	}
	if err := wa.Flush(); err != nil {
		return err
	}
	if err := wb.Flush(); err != nil {
		return err
	}
	if err := fa.Sync(); err != nil {
		return err
	}
	return fb.Sync()
}
