// Package server is newsgraph's HTTP front: the GraphQL endpoint, the
// dashboard, exports, health, and an authenticated ingest endpoint, with the
// logging and limits a shared server needs.
package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/web"
)

// Options configure the server. The zero value serves read-only with
// default limits.
type Options struct {
	// Token, if set, allows writes (POST /ingest) to requests that carry it
	// as "Authorization: Bearer TOKEN". Without a token the server is
	// read-only.
	Token string
	// MaxBodyBytes caps a request body; zero means 1 MiB for queries.
	// Ingest bodies may be up to MaxIngestBytes (zero: 64 MiB).
	MaxBodyBytes   int64
	MaxIngestBytes int64
	// QueryTimeout bounds one GraphQL query; zero means 10 seconds.
	QueryTimeout time.Duration
	// CacheBytes is the memory budget of the GraphQL answer cache; zero
	// means schema.DefaultCacheBytes, negative turns it off.
	CacheBytes int64
	// MaxRunning and MaxWaiting bound the GraphQL queries run at once and
	// waiting to run; zero means schema's defaults (see schema.Options).
	MaxRunning, MaxWaiting int
	// MaxHeavy bounds the queries with large answers run at once; zero
	// means schema's default (see schema.Options).
	MaxHeavy int
	// Logger receives one structured line per request; nil discards.
	Logger *slog.Logger
}

// Server routes requests to the store. It is safe for concurrent use.
type Server struct {
	store   *graph.Store
	x       *extract.Extractor
	opts    Options
	mux     *http.ServeMux
	gql     http.Handler
	started time.Time

	// writeMu serialises ingests: they merge into shared entity records,
	// and one writer at a time keeps Badger free of transaction conflicts.
	writeMu sync.Mutex
}

// New returns a Server over store; x extracts articles posted to /ingest.
func New(store *graph.Store, x *extract.Extractor, opts Options) *Server {
	if opts.MaxBodyBytes <= 0 {
		opts.MaxBodyBytes = 1 << 20
	}
	if opts.MaxIngestBytes <= 0 {
		opts.MaxIngestBytes = 64 << 20
	}
	if opts.QueryTimeout <= 0 {
		opts.QueryTimeout = 10 * time.Second
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	s := &Server{store: store, x: x, opts: opts, mux: http.NewServeMux(), started: time.Now()}
	s.gql = schema.Handler(store, schema.Options{Timeout: opts.QueryTimeout, MaxBodyBytes: opts.MaxBodyBytes,
		CacheBytes: opts.CacheBytes, MaxRunning: opts.MaxRunning, MaxWaiting: opts.MaxWaiting, MaxHeavy: opts.MaxHeavy})
	s.mux.Handle("/graphql", s.gql)
	s.mux.HandleFunc("GET /healthz", s.health)
	s.mux.HandleFunc("GET /export", s.export)
	s.mux.HandleFunc("POST /ingest", s.ingest)
	s.mux.Handle("/", web.Handler())
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if p := recover(); p != nil {
			s.opts.Logger.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", p)
			if !rec.wrote {
				http.Error(rec, "internal error", http.StatusInternalServerError)
			}
		}
		s.opts.Logger.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"bytes", rec.bytes, "ms", float64(time.Since(start).Microseconds())/1000, "remote", r.RemoteAddr)
	}()
	s.mux.ServeHTTP(rec, r)
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	st, err := s.store.Stats(ctx)
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unavailable", "error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "uptime_s": int(time.Since(s.started).Seconds()), "stats": st,
		"cache": schema.Stats(s.gql)})
}

// authorized reports whether r carries the write token. The comparison is
// constant-time so the token cannot be guessed byte by byte from timings.
func (s *Server) authorized(r *http.Request) bool {
	if s.opts.Token == "" {
		return false
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.Token)) == 1
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

type recorder struct {
	http.ResponseWriter
	status int
	bytes  int
	wrote  bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

func (r *recorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}
