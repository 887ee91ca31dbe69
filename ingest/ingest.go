// Package ingest runs newsgraph's pipeline: it reads articles from the
// inputs, extracts their facts on several workers, and hands each result,
// in input order, to one sink (the store's writer, or the JSON encoder of
// `newsgraph extract`).
//
// The pipeline is reader -> N extract workers -> one sink, under an
// errgroup: the first error of the reader or the sink stops everything,
// while a bad input only produces a Result with its error.
package ingest

import (
	"context"
	"runtime"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/extract"
)

// Options configure a pipeline run. The zero value reads with defaults and
// runs one worker per CPU.
type Options struct {
	Workers int // extract workers; zero means runtime.GOMAXPROCS(0)
}

// Result is the outcome of one input: an extracted document, or an error
// for an input that could not be read or extracted.
type Result struct {
	Seq     int // position in input order, from 0
	Origin  string
	Article extract.Article
	Doc     extract.Document
	Err     error
	Warning string
}

// Source produces the items of a run, calling emit for each in order, and
// returns emit's error or its own.
type Source func(ctx context.Context, emit func(article.Item) error) error

// Paths is the Source of the files, folders and "-" named by paths.
func Paths(paths []string, opts article.Options) Source {
	return func(ctx context.Context, emit func(article.Item) error) error {
		return article.Read(ctx, paths, opts, emit)
	}
}

// Run reads src, extracts every article with x and calls sink with each
// Result in input order, from a single goroutine. It returns the first error
// of sink, of src, or of the context.
func Run(ctx context.Context, src Source, x *extract.Extractor, opts Options, sink func(Result) error) error {
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	g, ctx := errgroup.WithContext(ctx)
	items := make(chan Result, workers*4)
	done := make(chan Result, workers*4)
	// inflight bounds the inputs read but not yet handed to sink. Without
	// it, one slow article would let the others pile up behind it, waiting
	// for their turn in input order, without limit.
	inflight := make(chan struct{}, workers*16)

	g.Go(func() error {
		defer close(items)
		seq := 0
		return src(ctx, func(it article.Item) error {
			r := Result{Seq: seq, Origin: it.Origin, Article: it.Article, Err: it.Err, Warning: it.Warning}
			seq++
			select {
			case inflight <- struct{}{}:
			case <-ctx.Done():
				return ctx.Err()
			}
			select {
			case items <- r:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	})

	workersDone := make(chan struct{})
	var wg errgroup.Group
	for range workers {
		wg.Go(func() error {
			for r := range items {
				if r.Err == nil {
					r.Doc, r.Err = x.Extract(ctx, r.Article)
				}
				select {
				case done <- r:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		defer close(workersDone)
		err := wg.Wait()
		close(done)
		return err
	})

	g.Go(func() error {
		// Workers finish out of order; hold early results until their turn.
		pending := map[int]Result{}
		next := 0
		for r := range done {
			pending[r.Seq] = r
			for {
				p, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if err := sink(p); err != nil {
					return err
				}
				<-inflight
			}
		}
		<-workersDone
		return ctx.Err()
	})
	return g.Wait()
}

// Stats count what a run did.
type Stats struct {
	Documents int // documents extracted (and stored, for an ingest)
	New       int // documents the store did not hold before
	Unchanged int // documents the store already held, identical
	Failed    int // inputs that could not be read or extracted
	Words     int
	Elapsed   time.Duration
}

// WordsPerSecond is the throughput of the run.
func (s Stats) WordsPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Words) / s.Elapsed.Seconds()
}

// CountWords counts whitespace-separated words, the unit of the benchmarks.
func CountWords(text string) int {
	n, in := 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		space := c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
