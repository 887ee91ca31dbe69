package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

func runIngest(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "ingest", "PATH...", "Extracts articles and stores them in the graph. PATH is a .txt, .jsonl or .html file, a folder\nof them, or - for standard input. Re-ingesting a document changes nothing; an interrupted\ningest keeps the documents it finished, and a re-run completes the rest.")
	data := dataFlag(fs, env)
	rf := addReadFlags(fs)
	quiet := fs.Bool("quiet", false, "print only errors and the summary line")
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
		fmt.Fprintln(env.Stderr, "newsgraph ingest:", err)
		return exitUsage
	}
	limitMemory()
	store, err := openStore(ctx, graph.Options{Dir: *data})
	if err != nil {
		return errorf(env, "ingest: %v", err)
	}
	defer store.Close()

	bar := newProgress(env, !*quiet && isTerminal(env.Stderr))
	st, err := ingest.Store(ctx, src, extract.New(), store, opts, func(r ingest.Result, st ingest.Stats) {
		if r.Warning != "" {
			bar.println("newsgraph ingest: warning: " + r.Warning)
		}
		if r.Err != nil {
			bar.println("newsgraph ingest: " + r.Err.Error())
		}
		bar.update(st)
	})
	bar.done()
	fmt.Fprintf(env.Stderr, "newsgraph ingest: %d documents stored in %s (%d new, %d unchanged), %d inputs failed, %d words, %.0f words/s\n",
		st.Documents, *data, st.New, st.Unchanged, st.Failed, st.Words, st.WordsPerSecond())
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return errorf(env, "ingest: interrupted; the %d documents stored are complete, re-run to store the rest", st.Documents)
		}
		return errorf(env, "ingest: %v", err)
	}
	if st.Documents == 0 && st.Failed > 0 {
		return exitError
	}
	return exitOK
}

// progress draws a one-line progress report on a terminal, at most ten
// times a second.
type progress struct {
	env  Env
	on   bool
	last time.Time
	line bool
}

func newProgress(env Env, on bool) *progress { return &progress{env: env, on: on} }

func (p *progress) update(st ingest.Stats) {
	if !p.on || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.env.Stderr, "\r\033[K%d documents, %d failed, %d words, %.0f words/s", st.Documents, st.Failed, st.Words, st.WordsPerSecond())
	p.line = true
}

func (p *progress) println(s string) {
	p.clear()
	fmt.Fprintln(p.env.Stderr, s)
}

func (p *progress) clear() {
	if p.line {
		fmt.Fprint(p.env.Stderr, "\r\033[K")
		p.line = false
	}
}

func (p *progress) done() { p.clear() }

// ingestMemoryLimit is the Go heap an ingest aims to stay under unless
// GOMEMLIMIT says otherwise. Most of a bulk ingest's heap is short-lived
// (Badger's table builders and decompressed blocks): with the default
// GOGC alone the heap grows to twice what is live, 700 MB at 10,000
// articles and over 1.1 GB at 40,000. The limit must stay well above
// what is live, though: Badger's compactions and memtable flushes hold
// 350-550 MB at once in a store of 40,000 articles, and a limit of
// 384 MiB there ran the collector back to back (660 cycles in 44 s),
// doubling the CPU of each article. What is live grows with the store:
// about 600 MB at 100,000 articles, where a limit of 768 MiB ran 140
// cycles in 10,000 more articles and 1 GiB ran 50, for 17% less CPU
// (peak RSS 1.5 GB against 1.25). A store of bbc.jsonl's size never
// comes near either.
const ingestMemoryLimit = 1 << 30

func limitMemory() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(ingestMemoryLimit)
	}
}
