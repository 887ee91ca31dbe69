package server

import (
	"context"
	"net/http"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/ingest"
)

// ingest stores the articles of a JSON Lines body (the fields of a .jsonl
// input). It needs the write token. Articles are stored one by one, each
// atomically; the answer counts what was stored and lists the inputs that
// were not, each with its error.
func (s *Server) ingest(w http.ResponseWriter, r *http.Request) {
	if !s.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
		msg := "writes need the server's token: Authorization: Bearer TOKEN"
		if s.opts.Token == "" {
			msg = "the server is read-only: start it with --token or NEWSGRAPH_TOKEN to allow writes"
		}
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": msg})
		return
	}
	body := http.MaxBytesReader(w, r.Body, s.opts.MaxIngestBytes)
	q := r.URL.Query()
	read := article.Options{Published: q.Get("published"), Source: q.Get("source")}
	if read.Published != "" {
		d, err := article.NormalizeDate(read.Published)
		if err != nil {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "published: " + err.Error()})
			return
		}
		read.Published = d
	}
	src := func(ctx context.Context, emit func(article.Item) error) error {
		return article.ReadJSONL(ctx, "body", body, read, emit)
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	var failures []error
	stats, err := ingest.Store(r.Context(), src, s.x, s.store, ingest.Options{}, func(res ingest.Result, _ ingest.Stats) {
		if res.Err != nil {
			failures = append(failures, res.Err)
		}
	})
	if err != nil {
		writeJSON(w, http.StatusInternalServerError, map[string]any{"error": err.Error(), "stored": stats.Documents})
		return
	}
	errs := make([]string, 0, len(failures))
	for _, f := range failures {
		errs = append(errs, f.Error())
	}
	status := http.StatusOK
	if stats.Documents == 0 && len(errs) > 0 {
		status = http.StatusBadRequest
	}
	writeJSON(w, status, map[string]any{"stored": stats.Documents, "new": stats.New, "unchanged": stats.Unchanged, "failed": stats.Failed, "errors": errs})
}
