package ingest

import (
	"context"
	"errors"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// Store runs the pipeline into store: each document is written in its own
// transaction, so an interrupted run leaves whole documents only, and a
// re-run skips the ones already stored. report, if not nil, is called after
// each input with its Result (Err set for an input that failed) and the
// running Stats. Store returns when every input is done, or on the first
// error that is not one input's fault (the context, the store).
func Store(ctx context.Context, src Source, x *extract.Extractor, store *graph.Store, opts Options, report func(Result, Stats)) (Stats, error) {
	var st Stats
	start := time.Now()
	err := Run(ctx, src, x, opts, func(r Result) error {
		if r.Err == nil {
			outcome, err := store.Ingest(ctx, r.Article, r.Doc)
			switch {
			case err == nil:
				st.Documents++
				st.Words += CountWords(r.Article.Text)
				if outcome == graph.Unchanged {
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
			report(r, st)
		}
		return nil
	})
	st.Elapsed = time.Since(start)
	return st, err
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
