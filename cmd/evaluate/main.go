// Command evaluate scores newsgraph's extractor against the hand-annotated
// development set (testdata/devset) and the seed articles
// (testdata/seeds.json), and prints a table of scores with their floors.
//
// Usage:
//
//	go run ./cmd/evaluate [-json] [-v] [-only KIND,...] [-root DIR]
//
// -v lists every miss (false positives, false negatives, wrong speakers,
// wrong dates, seeds items) with its article and sentence; -only keeps the
// misses whose kind starts with one of the given prefixes (quote.fn,
// speaker, entity, seeds.quotes, ...). -json prints the whole report as
// JSON. The exit status is 1 when a score is below its floor in
// extract/eval/testdata/floors.json, 2 on a usage error.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/eval"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("evaluate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	verbose := fs.Bool("v", false, "list every miss with its article and sentence")
	only := fs.String("only", "", "with -v, only the misses whose kind starts with one of these comma-separated prefixes")
	root := fs.String("root", ".", "the repository's root folder")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: evaluate [-json] [-v] [-only KIND,...] [-root DIR]\n\n")
		fmt.Fprintf(stderr, "Scores the extractor against testdata/devset and testdata/seeds.json.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "evaluate: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}

	r, err := eval.Run(ctx, extract.New(), eval.DefaultPaths(*root))
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v\n", err)
		return 1
	}
	floors, err := eval.ReadFloors(filepath.Join(*root, "extract", "eval", "testdata", "floors.json"))
	if err != nil {
		fmt.Fprintf(stderr, "evaluate: %v (showing scores without floors)\n", err)
		floors = nil
	}

	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		out := struct {
			Metrics []eval.Metric `json:"metrics"`
			Floors  eval.Floors   `json:"floors,omitempty"`
			*eval.Report
		}{r.Metrics(), floors, r}
		if err := enc.Encode(out); err != nil {
			fmt.Fprintf(stderr, "evaluate: %v\n", err)
			return 1
		}
	} else {
		if *verbose {
			var kinds []string
			if *only != "" {
				kinds = strings.Split(*only, ",")
			}
			if err := r.WriteMisses(stdout, kinds...); err != nil {
				fmt.Fprintf(stderr, "evaluate: %v\n", err)
				return 1
			}
			fmt.Fprintln(stdout)
		}
		if err := r.WriteTable(stdout, floors); err != nil {
			fmt.Fprintf(stderr, "evaluate: %v\n", err)
			return 1
		}
	}
	if floors != nil {
		if err := floors.Check(r); err != nil {
			fmt.Fprintf(stderr, "evaluate: %v\n", err)
			return 1
		}
	}
	return 0
}
