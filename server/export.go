package server

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
)

// export streams the graph, or the part the query selects, in one of the
// export formats: GET /export?format=gexf&ego=ID&depth=2&types=PERSON,ORG
// &from=2017-01-01&to=2017-12-31&min_weight=2&min_mentions=2&dynamic=1.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format := q.Get("format")
	if format == "" {
		format = "gexf"
	}
	if err := export.Check(format); err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return
	}
	f := graph.Filter{From: q.Get("from"), To: q.Get("to"), Ego: q.Get("ego"), Depth: 1}
	for _, t := range strings.Split(q.Get("types"), ",") {
		if t = strings.TrimSpace(t); t != "" {
			f.Types = append(f.Types, strings.ToUpper(t))
		}
	}
	var err error
	intParam := func(name string, dst *int) {
		if v := q.Get(name); v != "" && err == nil {
			*dst, err = strconv.Atoi(v)
		}
	}
	intParam("depth", &f.Depth)
	intParam("min_mentions", &f.MinMentions)
	if v := q.Get("min_weight"); v != "" && err == nil {
		f.MinWeight, err = strconv.ParseFloat(v, 64)
	}
	if err == nil && (f.Depth < 0 || f.Depth > 3) {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "depth must be between 0 and 3"})
		return
	}
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "bad number: " + err.Error()})
		return
	}
	name := "newsgraph"
	if f.Ego != "" {
		name += "-" + safeName(f.Ego)
	}
	w.Header().Set("Content-Type", export.ContentType(format))
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+"."+export.Extension(format)+`"`)
	snap, release := s.store.Snapshot()
	defer release()
	g := graph.Filtered(snap, f)
	// The filter's errors (an unknown ego, a bad date) come before any
	// byte is written, so they can still be answered as a bad request.
	cw := &committedWriter{w: w}
	if err := export.Write(r.Context(), format, cw, g, export.Options{Dynamic: q.Get("dynamic") != ""}); err != nil {
		if !cw.started {
			w.Header().Del("Content-Disposition")
			status := http.StatusBadRequest
			if !graph.IsNotFound(err) && !strings.Contains(err.Error(), "date") {
				status = http.StatusInternalServerError
			}
			writeJSON(w, status, map[string]string{"error": err.Error()})
			return
		}
		s.opts.Logger.Warn("export cut short", "format", format, "error", err)
	}
}

// committedWriter buffers nothing; it only notes whether the body began.
type committedWriter struct {
	w       http.ResponseWriter
	started bool
}

func (c *committedWriter) Write(b []byte) (int, error) {
	c.started = true
	return c.w.Write(b)
}

func safeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}
