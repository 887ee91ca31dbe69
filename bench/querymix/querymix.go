// Package querymix is the GraphQL query mix of newsgraph's load test and
// growth benchmarks: quotes by speaker, quotes containing words between
// dates, an entity by name with its roles and 20 quotes, and a person's
// 2-hop neighbourhood, asked about people and phrases discovered in the
// store first so that every query hits real data.
package querymix

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
)

// Kind names one query of the mix.
type Kind string

// The query mix of the load test, one per access pattern the targets name.
const (
	Speaker       Kind = "speaker"       // quotes(speaker:)
	Contains      Kind = "contains"      // quotes(contains:, from:, to:)
	EntityByName  Kind = "entity"        // entity(name:) with roles and 20 quotes
	Neighbourhood Kind = "neighbourhood" // neighbourhood(entity:, depth: 2)
)

// Kinds is every Kind, in the order of the report.
var Kinds = []Kind{Speaker, Contains, EntityByName, Neighbourhood}

var queryText = map[Kind]string{
	Speaker: `query($s: String) { quotes(speaker: $s, first: 20) { totalCount
  edges { cursor node { id text date cue direct speaker { id name type } sources { document { id title source published } start end } } }
  pageInfo { hasNextPage endCursor } } }`,
	Contains: `query($c: String, $f: String, $t: String) { quotes(contains: $c, from: $f, to: $t, first: 20) { totalCount
  edges { cursor node { id text date speaker { id name } sources { document { id title published } } } }
  pageInfo { hasNextPage endCursor } } }`,
	EntityByName: `query($n: String) { entity(name: $n) { id name type aliases mentionCount
  roles { title org from to }
  quotes(first: 20) { totalCount edges { node { id text date cue direct } } pageInfo { hasNextPage endCursor } } } }`,
	Neighbourhood: `query($e: ID!) { neighbourhood(entity: $e, depth: 2) {
  nodes { id name type mentionCount } edges { source target type weight } } }`,
}

// ParseMix reads -queries: "mix" for all kinds, else a comma-separated list.
func ParseMix(s string) ([]Kind, error) {
	if s == "" || s == "mix" || s == "all" {
		return Kinds, nil
	}
	var out []Kind
	for f := range strings.SplitSeq(s, ",") {
		k := Kind(strings.TrimSpace(f))
		if _, ok := queryText[k]; !ok {
			return nil, fmt.Errorf("unknown query kind %q (want mix or some of speaker, contains, entity, neighbourhood)", k)
		}
		out = append(out, k)
	}
	return out, nil
}

// Request is one GraphQL request body.
type Request struct {
	Kind      Kind           `json:"-"`
	Query     string         `json:"query"`
	Variables map[string]any `json:"variables,omitempty"`
}

// Targets are the real data the queries ask about, read from the store
// before the test so that every query hits something.
type Targets struct {
	People  []Target // most mentioned people first
	Phrases []Phrase // words from stored quotes, with a date window around them
}

// Target is an entity to ask about.
type Target struct{ ID, Name string }

// Phrase is a contains: argument with a from:/to: window.
type Phrase struct{ Words, From, To string }

// Discover reads at most this many people and quotes: enough distinct
// questions that a cache of answers does not hold them all at once for
// free, as with real analysts.
const discoverSize = 1000

const (
	peopleQuery = `query($after: String) { entities(type: "PERSON", first: 100, after: $after) {
  edges { node { id name } } pageInfo { hasNextPage endCursor } } }`
	quotesQuery = `query($after: String) { quotes(first: 100, after: $after) {
  edges { node { text date speaker { id name } } } pageInfo { hasNextPage endCursor } } }`
)

type page[T any] struct {
	Edges []struct {
		Node T
	}
	PageInfo struct {
		HasNextPage bool
		EndCursor   string
	}
}

type sampleQuote struct {
	Text    string
	Date    string
	Speaker *Target
}

// Poster sends one request and returns the body of a successful answer:
// an error for a transport failure, a non-200 status or GraphQL errors.
type Poster func(ctx context.Context, r Request) ([]byte, error)

// Discover asks the server for its most mentioned people and a sample of
// its quotes, up to a thousand of each.
func Discover(ctx context.Context, post Poster) (Targets, error) {
	people, err := readPages[Target](ctx, post, peopleQuery, "entities")
	if err != nil {
		return Targets{}, err
	}
	quotes, err := readPages[sampleQuote](ctx, post, quotesQuery, "quotes")
	if err != nil {
		return Targets{}, err
	}
	return targetsOf(people, quotes)
}

// readPages follows a list's cursors until it ends or discoverSize
// items are read.
func readPages[T any](ctx context.Context, post Poster, query, field string) ([]T, error) {
	var out []T
	var after any
	for len(out) < discoverSize {
		body, err := post(ctx, Request{Query: query, Variables: map[string]any{"after": after}})
		if err != nil {
			return nil, fmt.Errorf("discovering targets: %w", err)
		}
		var answer struct {
			Data   map[string]page[T]
			Errors []struct{ Message string }
		}
		if err := json.Unmarshal(body, &answer); err != nil {
			return nil, fmt.Errorf("discovering targets: reading the answer: %w", err)
		}
		if len(answer.Errors) > 0 {
			return nil, fmt.Errorf("discovering targets: %s", answer.Errors[0].Message)
		}
		p := answer.Data[field]
		for _, e := range p.Edges {
			out = append(out, e.Node)
		}
		if !p.PageInfo.HasNextPage || len(p.Edges) == 0 {
			break
		}
		after = p.PageInfo.EndCursor
	}
	return out, nil
}

func targetsOf(people []Target, quotes []sampleQuote) (Targets, error) {
	var t Targets
	seen := map[string]bool{}
	add := func(p Target) {
		if p.Name != "" && !seen[p.Name] {
			seen[p.Name] = true
			t.People = append(t.People, p)
		}
	}
	for _, p := range people {
		add(p)
	}
	for _, q := range quotes {
		if q.Speaker != nil {
			add(*q.Speaker)
		}
		if ph, ok := phraseOf(q.Text, q.Date); ok {
			t.Phrases = append(t.Phrases, ph)
		}
	}
	if len(t.People) == 0 {
		return t, fmt.Errorf("discovering targets: the store has no people; ingest something first")
	}
	if len(t.Phrases) == 0 {
		// No dated quotes: search common words over all time.
		t.Phrases = []Phrase{{Words: "said"}, {Words: "government"}, {Words: "we are"}}
	}
	return t, nil
}

// phraseOf takes two adjacent words from the middle of a quote, and a
// window of a year either side of its date.
func phraseOf(text, date string) (Phrase, bool) {
	var words []string
	for w := range strings.FieldsSeq(text) {
		w = strings.Trim(w, `"',.;:!?()“”‘’`)
		if len(w) >= 3 {
			words = append(words, w)
		}
	}
	if len(words) < 2 {
		return Phrase{}, false
	}
	i := len(words) / 2
	p := Phrase{Words: strings.ToLower(words[i-1] + " " + words[i])}
	if len(date) >= 4 {
		var y int
		if _, err := fmt.Sscanf(date[:4], "%d", &y); err == nil {
			p.From, p.To = fmt.Sprintf("%d-01-01", y-1), fmt.Sprintf("%d-12-31", y+1)
		}
	}
	return p, true
}

// Picker draws the requests of a run.
type Picker struct {
	kinds []Kind
	t     Targets
	r     *rand.Rand
	zipf  *rand.Zipf
}

// NewPicker returns a Picker over kinds in turn. People are drawn with a
// skew towards the most mentioned, as analysts ask about them most.
func NewPicker(kinds []Kind, t Targets, seed uint64) *Picker {
	r := rand.New(rand.NewPCG(seed, 0x6c6f6164))
	return &Picker{kinds: kinds, t: t, r: r, zipf: rand.NewZipf(r, 1.2, 2, uint64(len(t.People)-1))}
}

// Next returns request i. Not safe for concurrent use.
func (p *Picker) Next(i int) Request {
	k := p.kinds[i%len(p.kinds)]
	// Drawn for every kind, Contains too, so that a seed gives the same
	// people as in earlier runs whatever the mix.
	person := p.t.People[p.zipf.Uint64()]
	if k == Contains {
		return phraseRequest(p.t.Phrases[p.r.IntN(len(p.t.Phrases))])
	}
	return personRequest(k, person)
}

// Each returns one request of kind k for every target of that kind, in
// the order of the targets.
func Each(k Kind, t Targets) []Request {
	var out []Request
	if k == Contains {
		for _, ph := range t.Phrases {
			out = append(out, phraseRequest(ph))
		}
		return out
	}
	for _, person := range t.People {
		out = append(out, personRequest(k, person))
	}
	return out
}

// personRequest asks a query of kind k, other than Contains, about person.
func personRequest(k Kind, person Target) Request {
	req := Request{Kind: k, Query: queryText[k]}
	switch k {
	case Speaker:
		req.Variables = map[string]any{"s": person.Name}
	case EntityByName:
		req.Variables = map[string]any{"n": person.Name}
	case Neighbourhood:
		id := person.ID
		if id == "" {
			id = person.Name
		}
		req.Variables = map[string]any{"e": id}
	}
	return req
}

func phraseRequest(ph Phrase) Request {
	v := map[string]any{"c": ph.Words}
	if ph.From != "" {
		v["f"], v["t"] = ph.From, ph.To
	}
	return Request{Kind: Contains, Query: queryText[Contains], Variables: v}
}

// HTTP returns a Poster that POSTs JSON to url with c.
func HTTP(c *http.Client, url string) Poster {
	post := HTTPInto(c, url)
	return func(ctx context.Context, r Request) ([]byte, error) { return post(ctx, r, nil) }
}

// HTTPInto is HTTP for a caller that posts in a loop: each answer is read
// into buf when it fits, and the answer returned may be passed as buf to
// the next call. A load generator that made a buffer per answer (100 MB a
// second at 1,000 requests a second on the 100k store) collected 80 times
// in 20 s, on the cores the server shares; reusing them, twice.
func HTTPInto(c *http.Client, url string) func(ctx context.Context, r Request, buf []byte) ([]byte, error) {
	return func(ctx context.Context, r Request, buf []byte) ([]byte, error) {
		b, err := json.Marshal(r)
		if err != nil {
			return nil, err
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		body, err := readBody(resp, buf)
		if err != nil {
			return nil, fmt.Errorf("reading the answer: %w", err)
		}
		return check(resp.StatusCode, body)
	}
}

// maxAnswer bounds an answer the load test reads.
const maxAnswer = 64 << 20

// readBody reads an answer into buf, or into one new buffer of its
// announced length when buf is too small.
func readBody(resp *http.Response, buf []byte) ([]byte, error) {
	if n := resp.ContentLength; n >= 0 && n <= maxAnswer {
		if int64(cap(buf)) < n {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := io.ReadFull(resp.Body, buf); err != nil {
			return nil, err
		}
		return buf, nil
	}
	r, buf := io.LimitReader(resp.Body, maxAnswer), buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Handler returns a Poster that serves each request with h in process, as
// the server would but without a network: for benchmarks of the store and
// schema alone.
func Handler(h http.Handler) Poster {
	return func(ctx context.Context, r Request) ([]byte, error) {
		b, err := json.Marshal(r)
		if err != nil {
			return nil, err
		}
		req := httptest.NewRequestWithContext(ctx, http.MethodPost, "/graphql", bytes.NewReader(b))
		req.Header.Set("Content-Type", "application/json")
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		return check(w.Code, w.Body.Bytes())
	}
}

func check(status int, body []byte) ([]byte, error) {
	if status != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: %.200s", status, body)
	}
	// A cheap check, so that a load generator spends its CPU sending, not
	// parsing: an error list is a top-level key, and a quote inside a
	// string would be escaped.
	if i := bytes.Index(body, []byte(`"errors":`)); i >= 0 {
		return nil, fmt.Errorf("GraphQL error: %.200s", body[i:])
	}
	return body, nil
}
