package schema

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/parser"
	"github.com/graphql-go/graphql/language/source"
	"github.com/newsgraph/newsgraph/graph"
)

// Options limits what one request may ask. The zero value means the
// defaults named on each field.
type Options struct {
	// MaxDepth is the deepest nesting of selections allowed (default
	// DefaultMaxDepth). Deeper queries are refused before they run.
	MaxDepth int
	// MaxPageSize is the largest `first` a list accepts (default
	// DefaultMaxPageSize); a larger one is an error, not a silent cut.
	MaxPageSize int
	// MaxCost bounds the estimated number of values a query may resolve
	// (default DefaultMaxCost): each field counts once per item of every
	// list around it, a list counting as its `first` (DefaultPageSize
	// when absent, MaxPageSize when a variable). Nested lists multiply.
	MaxCost int
	// Timeout bounds one request's execution (default 10s).
	Timeout time.Duration
	// MaxBodyBytes bounds a POST body (default 1 MiB).
	MaxBodyBytes int64
	// CacheBytes is the memory budget of the cache of answers (default
	// DefaultCacheBytes); negative turns the cache off.
	CacheBytes int64
	// MaxRunning bounds the queries run at once (default four per
	// processor), and MaxWaiting the requests that wait for one of those
	// places (default eight per processor). A request beyond both is
	// refused at once: 503, Retry-After. Answers from the cache do
	// neither.
	MaxRunning, MaxWaiting int
	// MaxHeavy bounds the heavy queries run at once (default half the
	// processors, at least one): those whose answer had HeavyBytes or more
	// (default DefaultHeavyBytes) the last time they ran. They have a lane
	// of their own beside the MaxRunning of the others. A write to a busy
	// server drops the cached answers of many large neighbourhoods at
	// once; run together, they took every processor, and the cheap
	// questions and the answers from the cache waited behind them. Since
	// the lane is narrow and those answers are asked for all at once
	// after a write, it has three times MaxWaiting places to wait.
	MaxHeavy, HeavyBytes int
}

// DefaultHeavyBytes is the size of answer from which a query is heavy
// (see Options.MaxHeavy).
const DefaultHeavyBytes = 64 << 10

func (o Options) withDefaults() Options {
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxPageSize <= 0 {
		o.MaxPageSize = DefaultMaxPageSize
	}
	if o.MaxCost <= 0 {
		o.MaxCost = DefaultMaxCost
	}
	if o.Timeout <= 0 {
		o.Timeout = 10 * time.Second
	}
	if o.MaxBodyBytes <= 0 {
		o.MaxBodyBytes = 1 << 20
	}
	if o.CacheBytes == 0 {
		o.CacheBytes = DefaultCacheBytes
	}
	if o.MaxRunning <= 0 {
		o.MaxRunning = 4 * runtime.GOMAXPROCS(0)
	}
	if o.MaxWaiting <= 0 {
		o.MaxWaiting = 8 * runtime.GOMAXPROCS(0)
	}
	if o.MaxHeavy <= 0 {
		o.MaxHeavy = max(1, runtime.GOMAXPROCS(0)/2)
	}
	if o.HeavyBytes <= 0 {
		o.HeavyBytes = DefaultHeavyBytes
	}
	return o
}

// Request is a GraphQL request as sent over HTTP.
type Request struct {
	Query         string         `json:"query"`
	Variables     map[string]any `json:"variables"`
	OperationName string         `json:"operationName"`
}

// DefaultCacheBytes is the default budget of the answer cache.
const DefaultCacheBytes = 64 << 20

// Handler serves GraphQL over store: POST with a JSON body {query,
// variables, operationName} (or an application/graphql body), and GET with
// query, variables and operationName in the URL. Answers are JSON
// {data, errors}. It is safe for concurrent use.
//
// Answers without errors are cached until a write changes something they
// were read from (see answerCache, Options.CacheBytes); the
// X-Newsgraph-Cache response header says "hit" or "miss". Queries that
// are not answered from the cache are bounded by Options.MaxRunning and
// MaxWaiting, or, for those whose last answer was large, by MaxHeavy:
// beyond those bounds, a request gets 503 with Retry-After.
func Handler(store *graph.Store, opts Options) http.Handler {
	opts = opts.withDefaults()
	s, err := build(store, opts)
	h := &handler{schema: s, opts: opts, err: err, store: store,
		admit:   newAdmission(opts.MaxRunning, opts.MaxWaiting),
		heavy:   newAdmission(opts.MaxHeavy, 3*opts.MaxWaiting),
		heavies: newHeavyKeys(opts.HeavyBytes)}
	if store != nil {
		h.cache = newAnswerCache(opts.CacheBytes, store.Changes)
	}
	return h
}

// Stats reports what the answer cache of a handler made by Handler did;
// zero for any other handler or with the cache off.
func Stats(h http.Handler) CacheStats {
	if h, ok := h.(*handler); ok {
		return h.cache.stats()
	}
	return CacheStats{}
}

type handler struct {
	schema graphql.Schema
	opts   Options
	err    error // from building the schema: every request then fails
	store  *graph.Store
	cache  *answerCache // nil when off
	admit  *admission   // the lane of most queries
	heavy  *admission   // the lane of those whose last answer was large
	// heavies says which requests go to the heavy lane.
	heavies *heavyKeys
	// inflight counts the requests in ServeHTTP, answers from the cache
	// included.
	inflight atomic.Int64
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.inflight.Add(1)
	defer h.inflight.Add(-1)
	if h.err != nil {
		writeErrors(w, http.StatusInternalServerError, h.err.Error())
		return
	}
	var body []byte
	switch r.Method {
	case http.MethodGet:
	case http.MethodPost:
		var err error
		body, err = io.ReadAll(http.MaxBytesReader(w, r.Body, h.opts.MaxBodyBytes))
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				writeErrors(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", h.opts.MaxBodyBytes))
				return
			}
			writeErrors(w, http.StatusBadRequest, "reading request body: "+err.Error())
			return
		}
	default:
		w.Header().Set("Allow", "GET, POST")
		writeErrors(w, http.StatusMethodNotAllowed, r.Method+" not allowed: use GET or POST")
		return
	}
	key := requestKey(r, body)
	if h.cache == nil {
		if req, ok := parseRequest(w, r, body); ok {
			answer, _, busy := h.admitted(r.Context(), req, key)
			if busy {
				h.refuse(w)
				return
			}
			writeAnswer(w, answer, "")
		}
		return
	}

	gen := h.store.Generation()
	if answer, ok := h.cache.get(gen, key); ok {
		h.cache.hits.Add(1)
		writeAnswer(w, answer, "hit")
		return
	}
	req, ok := parseRequest(w, r, body)
	if !ok {
		return
	}
	h.cache.misses.Add(1)
	type result struct {
		answer      []byte
		clean, busy bool
	}
	v, _, shared := h.cache.flight.Do(strconv.FormatUint(gen, 10)+"\x00"+key, func() (any, error) {
		ctx, reads := graph.WithReadSet(r.Context())
		answer, clean, busy := h.admitted(ctx, req, key)
		// A write that committed while the query ran may show in part of
		// the answer: keep only answers computed within one generation.
		if clean && h.store.Generation() == gen {
			h.cache.put(gen, key, answer, reads.Keys())
		}
		return result{answer, clean, busy}, nil
	})
	res := v.(result)
	if shared && !res.clean && !res.busy {
		// The failure may be the first caller's own (its timeout, its
		// client gone): run this request for itself.
		res.answer, _, res.busy = h.admitted(r.Context(), req, key)
	}
	if res.busy {
		h.refuse(w)
		return
	}
	writeAnswer(w, res.answer, "miss")
}

// admitted runs req, known by key, if the handler admits it to a lane
// (see enter); busy says it did not.
func (h *handler) admitted(ctx context.Context, req Request, key string) (answer []byte, clean, busy bool) {
	hash := h.heavies.hash(key)
	lane, err := h.enter(ctx, hash)
	if err != nil {
		if errors.Is(err, errBusy) {
			return nil, false, true
		}
		// The client went away while waiting: what it is sent matters
		// to no one, but say why.
		answer, _ := json.Marshal(&graphql.Result{Errors: gqlerrors.FormatErrors(fmt.Errorf("request stopped: %w", err))})
		return append(answer, '\n'), false, false
	}
	defer lane.leave()
	answer, clean = h.run(ctx, req)
	if clean {
		// An error (a timeout, say) tells nothing of the answer's size.
		h.heavies.note(hash, len(answer))
	}
	return answer, clean, false
}

// enter admits the request whose key hashes to hash to its lane (see
// admission, Options.MaxHeavy), and returns the lane to leave when done.
func (h *handler) enter(ctx context.Context, hash uint64) (*admission, error) {
	if !h.heavies.is(hash) {
		return h.admit, h.admit.enter(ctx)
	}
	// The heavy lane is narrow to leave processors to the cheap requests.
	// When there are none in the handler, only heavy queries, a heavy query
	// may take an idle place of the common lane rather than wait, so that
	// a server asked only large questions (a burst of them after a write
	// to a quiet server, say) still keeps every processor busy.
	if h.inflight.Load() <= h.heavy.inside.Load()+1 && h.admit.tryEnter() {
		return h.admit, nil
	}
	return h.heavy, h.heavy.enter(ctx)
}

// refuse answers a request the handler is too busy to run.
func (h *handler) refuse(w http.ResponseWriter) {
	w.Header().Set("Retry-After", "1")
	writeErrors(w, http.StatusServiceUnavailable, "server busy: every place to run or wait for a query like this one is taken; retry in a second")
}

// requestKey identifies a request by its bytes; see answerCache.
func requestKey(r *http.Request, body []byte) string {
	if r.Method == http.MethodGet {
		return "G" + r.URL.RawQuery
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "application/graphql" {
		return "Q" + string(body)
	}
	return "P" + string(body)
}

// parseRequest reads a GraphQL request from the URL (GET) or body (POST),
// answering the client itself when it is malformed.
func parseRequest(w http.ResponseWriter, r *http.Request, body []byte) (Request, bool) {
	var req Request
	if r.Method == http.MethodGet {
		q := r.URL.Query()
		req.Query, req.OperationName = q.Get("query"), q.Get("operationName")
		if v := q.Get("variables"); v != "" {
			if err := json.Unmarshal([]byte(v), &req.Variables); err != nil {
				writeErrors(w, http.StatusBadRequest, "variables: not a JSON object: "+err.Error())
				return req, false
			}
		}
	} else {
		mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if mt == "application/graphql" {
			req.Query = string(body)
		} else if err := json.Unmarshal(body, &req); err != nil {
			writeErrors(w, http.StatusBadRequest, "request body: not a JSON object {query, variables, operationName}: "+err.Error())
			return req, false
		}
	}
	if req.Query == "" {
		writeErrors(w, http.StatusBadRequest, "no query")
		return req, false
	}
	return req, true
}

// run executes req and encodes its answer; clean is false when the answer
// holds errors (which may be transient, such as a timeout).
func (h *handler) run(ctx context.Context, req Request) (answer []byte, clean bool) {
	ctx, cancel := context.WithTimeout(ctx, h.opts.Timeout)
	defer cancel()
	res := Execute(ctx, h.schema, req, h.opts)
	answer, err := encodeResult(res)
	if err != nil {
		answer, _ = json.Marshal(&graphql.Result{Errors: gqlerrors.FormatErrors(fmt.Errorf("encoding the answer: %w", err))})
		return append(answer, '\n'), false
	}
	return append(answer, '\n'), len(res.Errors) == 0
}

func writeAnswer(w http.ResponseWriter, answer []byte, cache string) {
	h := w.Header()
	h.Set("Content-Type", "application/json")
	// With its length known, a large answer goes out in one piece
	// rather than chunked through the server's 4 KB buffer, and a client
	// can read it into one buffer.
	h.Set("Content-Length", strconv.Itoa(len(answer)))
	if cache != "" {
		h.Set("X-Newsgraph-Cache", cache)
	}
	w.Write(answer) // an error means the client went away
}

// Execute runs one request against a schema, refusing it first if it
// nests deeper than opts.MaxDepth.
func Execute(ctx context.Context, s graphql.Schema, req Request, opts Options) (res *graphql.Result) {
	opts = opts.withDefaults()
	// graphql-go panics on some malformed queries (a nil dereference in
	// validation): answer those with an error instead.
	defer func() {
		if r := recover(); r != nil {
			res = &graphql.Result{Errors: gqlerrors.FormatErrors(fmt.Errorf("query could not be run: %v", r))}
		}
	}()
	doc, err := parser.Parse(parser.ParseParams{Source: source.NewSource(&source.Source{Body: []byte(req.Query), Name: "GraphQL request"})})
	if err != nil {
		return &graphql.Result{Errors: gqlerrors.FormatErrors(err)}
	}
	// graphql-go's validation recurses without end on a fragment that
	// spreads itself (a fatal stack overflow, not a panic): refuse first.
	if name := fragmentCycle(doc); name != "" {
		return &graphql.Result{Errors: gqlerrors.FormatErrors(
			fmt.Errorf("fragment %q spreads itself", name))}
	}
	if d := depth(doc); d > opts.MaxDepth {
		return &graphql.Result{Errors: gqlerrors.FormatErrors(
			fmt.Errorf("query is nested %d deep, over the limit of %d", d, opts.MaxDepth))}
	}
	if c := cost(doc, opts); c > opts.MaxCost {
		return &graphql.Result{Errors: gqlerrors.FormatErrors(
			fmt.Errorf("query would resolve about %d values, over the limit of %d: ask for smaller pages", c, opts.MaxCost))}
	}
	if !validated.has(s, req.Query) {
		v := graphql.ValidateDocument(&s, doc, nil)
		if !v.IsValid {
			return &graphql.Result{Errors: v.Errors}
		}
		validated.add(s, req.Query)
	}
	res = execute(withMemo(ctx), s, doc, req)
	if ctx.Err() != nil && len(res.Errors) > 0 {
		res.Errors = append(res.Errors, gqlerrors.FormatError(fmt.Errorf("request stopped: %w", ctx.Err())))
	}
	return res
}

// depth is the deepest selection nesting of any operation, following
// fragments (a fragment cycle, which validation rejects, counts once).
func depth(doc *ast.Document) int {
	frags := map[string]*ast.FragmentDefinition{}
	for _, d := range doc.Definitions {
		if f, ok := d.(*ast.FragmentDefinition); ok && f.Name != nil {
			frags[f.Name.Value] = f
		}
	}
	var sel func(ss *ast.SelectionSet, seen map[string]bool) int
	sel = func(ss *ast.SelectionSet, seen map[string]bool) int {
		if ss == nil {
			return 0
		}
		deepest := 0
		for _, s := range ss.Selections {
			d := 0
			switch s := s.(type) {
			case *ast.Field:
				// Introspection (__schema, __type) walks the schema, not the
				// data: its cost is bounded by the schema's size, and the
				// standard introspection query that GraphQL tools send nests
				// deeper than any data query needs.
				if s.Name != nil && strings.HasPrefix(s.Name.Value, "__") {
					continue
				}
				d = 1 + sel(s.SelectionSet, seen)
			case *ast.InlineFragment:
				d = sel(s.SelectionSet, seen)
			case *ast.FragmentSpread:
				if s.Name == nil || seen[s.Name.Value] {
					continue
				}
				f := frags[s.Name.Value]
				if f == nil {
					continue
				}
				seen[s.Name.Value] = true
				d = sel(f.SelectionSet, seen)
				delete(seen, s.Name.Value)
			}
			deepest = max(deepest, d)
		}
		return deepest
	}
	deepest := 0
	for _, d := range doc.Definitions {
		if op, ok := d.(*ast.OperationDefinition); ok {
			deepest = max(deepest, sel(op.SelectionSet, map[string]bool{}))
		}
	}
	return deepest
}

// listFields are the fields that return lists sized by `first`.
var listFields = map[string]bool{
	"quotes": true, "entities": true, "events": true, "documents": true,
	"relations": true, "cooccurring": true,
}

// cost estimates how many values a query resolves; see Options.MaxCost.
func cost(doc *ast.Document, opts Options) int {
	frags := map[string]*ast.FragmentDefinition{}
	for _, d := range doc.Definitions {
		if f, ok := d.(*ast.FragmentDefinition); ok && f.Name != nil {
			frags[f.Name.Value] = f
		}
	}
	const ceiling = 1 << 40 // stop multiplying long before overflow
	var sel func(ss *ast.SelectionSet, mult int, seen map[string]bool) int
	sel = func(ss *ast.SelectionSet, mult int, seen map[string]bool) int {
		if ss == nil || mult > ceiling {
			return mult
		}
		total := 0
		for _, s := range ss.Selections {
			switch s := s.(type) {
			case *ast.Field:
				total += mult
				inner := mult
				if s.Name != nil && listFields[s.Name.Value] {
					inner = mult * pageSize(s, opts)
				} else if s.Name != nil && s.Name.Value == "neighbourhood" {
					inner = mult * graph.DefaultNeighbours
				}
				if s.SelectionSet != nil {
					total += sel(s.SelectionSet, inner, seen)
				}
			case *ast.InlineFragment:
				total += sel(s.SelectionSet, mult, seen)
			case *ast.FragmentSpread:
				if s.Name == nil || seen[s.Name.Value] || frags[s.Name.Value] == nil {
					continue
				}
				seen[s.Name.Value] = true
				total += sel(frags[s.Name.Value].SelectionSet, mult, seen)
				delete(seen, s.Name.Value)
			}
			if total > ceiling {
				return total
			}
		}
		return total
	}
	total := 0
	for _, d := range doc.Definitions {
		if op, ok := d.(*ast.OperationDefinition); ok {
			total = max(total, sel(op.SelectionSet, 1, map[string]bool{}))
		}
	}
	return total
}

// pageSize is the `first` a list field asks for, as cost counts it.
func pageSize(f *ast.Field, opts Options) int {
	for _, a := range f.Arguments {
		if a.Name == nil || a.Name.Value != "first" {
			continue
		}
		if v, ok := a.Value.(*ast.IntValue); ok {
			if n, err := strconv.Atoi(v.Value); err == nil && n >= 0 {
				return min(n, opts.MaxPageSize)
			}
		}
		return opts.MaxPageSize
	}
	return graph.DefaultPageSize
}

// fragmentCycle returns the name of a fragment that reaches itself through
// spreads, or "".
func fragmentCycle(doc *ast.Document) string {
	spreads := map[string][]string{}
	var collect func(ss *ast.SelectionSet, out *[]string)
	collect = func(ss *ast.SelectionSet, out *[]string) {
		if ss == nil {
			return
		}
		for _, s := range ss.Selections {
			switch s := s.(type) {
			case *ast.Field:
				collect(s.SelectionSet, out)
			case *ast.InlineFragment:
				collect(s.SelectionSet, out)
			case *ast.FragmentSpread:
				if s.Name != nil {
					*out = append(*out, s.Name.Value)
				}
			}
		}
	}
	var names []string
	for _, d := range doc.Definitions {
		if f, ok := d.(*ast.FragmentDefinition); ok && f.Name != nil {
			var out []string
			collect(f.SelectionSet, &out)
			spreads[f.Name.Value] = append(spreads[f.Name.Value], out...)
			names = append(names, f.Name.Value)
		}
	}
	const (
		visiting = 1
		done     = 2
	)
	state := map[string]int{}
	var visit func(n string) string
	visit = func(n string) string {
		switch state[n] {
		case visiting:
			return n
		case done:
			return ""
		}
		state[n] = visiting
		for _, m := range spreads[n] {
			if c := visit(m); c != "" {
				return c
			}
		}
		state[n] = done
		return ""
	}
	for _, n := range names {
		if c := visit(n); c != "" {
			return c
		}
	}
	return ""
}

func writeErrors(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"errors": []map[string]string{{"message": msg}}})
}
