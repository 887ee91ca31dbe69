package ingest

import (
	"context"
	"errors"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// maxBatch bounds the documents committed together. The writer takes
// whatever the workers have ready, up to this: when it keeps up, each
// document is committed alone as soon as it is extracted; when it falls
// behind, batches grow, and records shared by the documents (entities,
// counters, indexes) are written once per batch instead of once each.
const maxBatch = 64

// Store runs the pipeline into store. Documents are committed in batches
// of those ready (graph.Store.IngestBatch), each document all or nothing,
// so an interrupted run leaves whole documents only, and a re-run skips
// the ones already stored. report, if not nil, is called after each input,
// in input order, with its Result (Err set for an input that failed) and
// the running Stats. Store returns when every input is done, or on the
// first error that is not one input's fault (the context, the store).
func Store(ctx context.Context, src Source, x *extract.Extractor, store *graph.Store, opts Options, report func(Result, Stats)) (Stats, error) {
	var st Stats
	start := time.Now()
	g, gctx := errgroup.WithContext(ctx)
	ready := make(chan Result, maxBatch)
	g.Go(func() error {
		defer close(ready)
		return Run(gctx, src, x, opts, func(r Result) error {
			select {
			case ready <- r:
				return nil
			case <-gctx.Done():
				return gctx.Err()
			}
		})
	})
	g.Go(func() error {
		batch := make([]Result, 0, maxBatch)
		for r := range ready {
			batch = append(batch[:0], r)
		more:
			for len(batch) < maxBatch {
				select {
				case r, ok := <-ready:
					if !ok {
						break more
					}
					batch = append(batch, r)
				default:
					break more
				}
			}
			if err := write(ctx, store, batch, &st, start, report); err != nil {
				return err
			}
		}
		return nil
	})
	err := g.Wait()
	st.Elapsed = time.Since(start)
	if err == nil {
		err = ctx.Err()
	}
	return st, err
}

// write stores the good inputs of batch and reports every input in order.
func write(ctx context.Context, store *graph.Store, batch []Result, st *Stats, start time.Time, report func(Result, Stats)) error {
	items := make([]graph.BatchItem, 0, len(batch))
	for _, r := range batch {
		if r.Err == nil {
			items = append(items, graph.BatchItem{Article: r.Article, Document: r.Doc})
		}
	}
	var res []graph.BatchResult
	if len(items) > 0 {
		res, _ = store.IngestBatch(ctx, items)
	}
	for _, r := range batch {
		if r.Err == nil {
			out := res[0]
			res = res[1:]
			switch err := out.Err; {
			case err == nil:
				st.Documents++
				st.Words += CountWords(r.Article.Text)
				if out.Outcome == graph.Unchanged {
					st.Unchanged++
				} else {
					st.New++
				}
			case ctx.Err() != nil:
				return ctx.Err()
			case isInputError(err):
				r.Err = &DocumentError{Origin: r.Origin, ID: r.Article.ID, Err: err}
			default:
				return err
			}
		}
		if r.Err != nil {
			st.Failed++
		}
		st.Elapsed = time.Since(start)
		if report != nil {
			report(r, *st)
		}
	}
	return nil
}

// DocumentError is a document the store refused.
type DocumentError struct {
	Origin, ID string
	Err        error
}

func (e *DocumentError) Error() string {
	return e.Origin + ": document " + e.ID + ": " + e.Err.Error()
}

func (e *DocumentError) Unwrap() error { return e.Err }

// isInputError reports whether the store refused one document for what it
// is, rather than failing as a whole.
func isInputError(err error) bool {
	for _, target := range []error{graph.ErrConflict, graph.ErrBadDocument, graph.ErrTooBig, graph.ErrBadDate} {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}
