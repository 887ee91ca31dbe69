package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/ingest"
)

// readFlags are the flags shared by ingest and extract.
type readFlags struct {
	published, source, title *string
	workers                  *int
}

func addReadFlags(fs interface {
	String(name, value, usage string) *string
	Int(name string, value int, usage string) *int
}) readFlags {
	return readFlags{
		published: fs.String("published", "", "publication `date` (YYYY-MM-DD, YYYY-MM or YYYY) for inputs that do not give one"),
		source:    fs.String("source", "", "outlet `name` for inputs that do not give one"),
		title:     fs.String("title", "", "title for inputs that do not give one (default: a text file's first line)"),
		workers:   fs.Int("workers", 0, "extract workers (default: one per CPU)"),
	}
}

// pipelineSource returns the pipeline's source for paths and its options.
func (f readFlags) pipelineSource(env Env, paths []string) (ingest.Source, ingest.Options, error) {
	read := article.Options{Published: *f.published, Source: *f.source, Title: *f.title, Stdin: env.Stdin}
	if read.Published != "" {
		d, err := article.NormalizeDate(read.Published)
		if err != nil {
			return nil, ingest.Options{}, fmt.Errorf("--published: %w", err)
		}
		read.Published = d
	}
	return ingest.Paths(paths, read), ingest.Options{Workers: *f.workers}, nil
}

func runExtract(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "extract", "PATH...", "Extracts entities, quotes, events and relations from articles and prints one JSON object\nper document on standard output, in input order. Nothing is stored. PATH is a .txt, .jsonl or\n.html file, a folder of them, or - for standard input.")
	rf := addReadFlags(fs)
	paths, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(paths) == 0 {
		fs.Usage()
		return exitUsage
	}
	src, opts, err := rf.pipelineSource(env, paths)
	if err != nil {
		fmt.Fprintln(env.Stderr, "newsgraph extract:", err)
		return exitUsage
	}
	out := bufio.NewWriterSize(env.Stdout, 1<<16)
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	var docs, failed int
	err = ingest.Run(ctx, src, extract.New(), opts, func(r ingest.Result) error {
		if r.Warning != "" {
			fmt.Fprintln(env.Stderr, "newsgraph extract: warning:", r.Warning)
		}
		if r.Err != nil {
			failed++
			fmt.Fprintln(env.Stderr, "newsgraph extract:", r.Err)
			return nil
		}
		docs++
		return enc.Encode(r.Doc)
	})
	if ferr := out.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return errorf(env, "extract: %v", err)
	}
	if docs == 0 && failed > 0 {
		return exitError
	}
	return exitOK
}
