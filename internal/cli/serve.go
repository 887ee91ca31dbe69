package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/schema"
	"github.com/newsgraph/newsgraph/server"
)

func runServe(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "serve", "", "Serves the GraphQL API at /graphql, the dashboard at /, exports at /export and /healthz.\nRead-only unless a token is given; with one, POST /ingest takes JSON Lines articles from\nrequests that send \"Authorization: Bearer TOKEN\".")
	data := dataFlag(fs, env)
	addr := fs.String("addr", "127.0.0.1:8080", "listen `address`")
	token := fs.String("token", "", "token that allows writes (default $NEWSGRAPH_TOKEN; none: read-only)")
	timeout := fs.Duration("query-timeout", 10*time.Second, "longest a query may run")
	logFormat := fs.String("log", "text", "log format: text or json")
	cacheMB := fs.Int("cache-mb", schema.DefaultCacheBytes>>20, "`megabytes` of memory for cached answers, kept until the next write; 0 turns the cache off")
	maxRunning := fs.Int("max-running", 0, "most GraphQL `queries` run at once (default four per processor); answers from the cache do not count")
	maxWaiting := fs.Int("max-waiting", 0, "most `requests` waiting to run (default eight per processor); beyond both bounds a request gets 503 and Retry-After")
	maxHeavy := fs.Int("max-heavy", 0, "most `queries` with large answers (64 KB or more the last time they ran) run at once, beside the others (default half the processors, at least one)")
	if _, code, ok := parse(fs, args); !ok {
		return code
	}
	if *token == "" {
		*token = env.Getenv("NEWSGRAPH_TOKEN")
	}
	if *cacheMB < 0 {
		errorf(env, "serve: --cache-mb %d: want 0 (off) or more", *cacheMB)
		return exitUsage
	}
	if *maxRunning < 0 || *maxWaiting < 0 || *maxHeavy < 0 {
		errorf(env, "serve: --max-running %d, --max-waiting %d, --max-heavy %d: want 0 (the default) or more", *maxRunning, *maxWaiting, *maxHeavy)
		return exitUsage
	}
	cacheBytes := int64(*cacheMB) << 20
	if cacheBytes == 0 {
		cacheBytes = -1
	}
	logs := newBufferedLog(env.Stderr, 100*time.Millisecond)
	defer logs.Close()
	var h slog.Handler = slog.NewTextHandler(logs, nil)
	if *logFormat == "json" {
		h = slog.NewJSONHandler(logs, nil)
	}
	logger := slog.New(h)

	store, err := openStore(ctx, graph.Options{Dir: *data, Logger: logger})
	if err != nil {
		return errorf(env, "serve: %v", err)
	}
	defer store.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return errorf(env, "serve: %v", err)
	}
	srv := &http.Server{
		Handler: server.New(store, extract.New(), server.Options{Token: *token, QueryTimeout: *timeout, CacheBytes: cacheBytes,
			MaxRunning: *maxRunning, MaxWaiting: *maxWaiting, MaxHeavy: *maxHeavy, Logger: logger}),
		// A slow client must not hold a connection forever; the write
		// timeout leaves room for a large export.
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      10 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(h, slog.LevelWarn),
	}
	url := "http://" + ln.Addr().String()
	mode := "read-only"
	if *token != "" {
		mode = "writes allowed with the token"
	}
	logger.Info("serving", "url", url+"/", "graphql", url+"/graphql", "data", *data, "mode", mode)
	logs.Flush()
	fmt.Fprintf(env.Stderr, "newsgraph: serving %s on %s/ (GraphQL: %s/graphql); Ctrl-C stops\n", *data, url, url)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return errorf(env, "serve: %v", err)
	case <-ctx.Done():
	}
	// Graceful shutdown: stop accepting, let running requests finish.
	logger.Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return errorf(env, "serve: shutdown: %v", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return errorf(env, "serve: %v", err)
	}
	return exitOK
}

func runQuery(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "query", "'GRAPHQL'", "Runs one GraphQL query against the store and prints the JSON result.\nThe query may also come from standard input when it is '-'.")
	data := dataFlag(fs, env)
	vars := fs.String("vars", "", "variables as a JSON `object`")
	pos, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	q := pos[0]
	if q == "-" {
		b, err := io.ReadAll(env.Stdin)
		if err != nil {
			return errorf(env, "query: reading standard input: %v", err)
		}
		q = string(b)
	}
	req := schema.Request{Query: q}
	if *vars != "" {
		if err := json.Unmarshal([]byte(*vars), &req.Variables); err != nil {
			fmt.Fprintln(env.Stderr, "newsgraph query: --vars: not a JSON object:", err)
			return exitUsage
		}
	}
	store, err := openStore(ctx, graph.Options{Dir: *data, ReadOnly: true})
	if err != nil {
		return errorf(env, "query: %v", err)
	}
	defer store.Close()
	s, err := schema.New(store)
	if err != nil {
		return errorf(env, "query: %v", err)
	}
	res := schema.Execute(ctx, s, req, schema.Options{})
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		return errorf(env, "query: %v", err)
	}
	if len(res.Errors) > 0 {
		return exitError
	}
	return exitOK
}

// runHealth asks a running server whether it is healthy: the container's
// health check, which has no curl.
func runHealth(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "health", "", "Asks the server at --addr for /healthz; exit 0 when it is healthy.")
	addr := fs.String("addr", "127.0.0.1:8080", "server `address`")
	if _, code, ok := parse(fs, args); !ok {
		return code
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	u := *addr
	if !strings.Contains(u, "://") {
		u = "http://" + u
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u+"/healthz", nil)
	if err != nil {
		return errorf(env, "health: %v", err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return errorf(env, "health: %v", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	fmt.Fprint(env.Stdout, string(body))
	if resp.StatusCode != http.StatusOK {
		return exitError
	}
	return exitOK
}
