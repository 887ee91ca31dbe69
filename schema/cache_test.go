package schema

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

func TestAnswerCacheBudgetAndGenerations(t *testing.T) {
	body := func(n int) []byte { return bytes.Repeat([]byte("x"), n) }
	for _, tc := range []struct {
		name string
		run  func(c *answerCache)
		want []string // keys still cached at generation 1, in any order
	}{
		{"kept within budget", func(c *answerCache) {
			c.put(1, "a", body(100))
			c.put(1, "b", body(100))
		}, []string{"a", "b"}},
		{"least recently used evicted first", func(c *answerCache) {
			c.put(1, "a", body(300))
			c.put(1, "b", body(300))
			c.get(1, "a")
			c.put(1, "c", body(300)) // over 1000 with all three, overheads included: b goes
		}, []string{"a", "c"}},
		{"answer over an eighth of the budget not kept", func(c *answerCache) {
			c.put(1, "a", body(100))
			c.put(1, "big", body(400))
		}, []string{"a"}},
		{"a newer generation empties the cache", func(c *answerCache) {
			c.put(0, "old", body(10))
			c.put(1, "new", body(10))
		}, []string{"new"}},
		{"an answer from an older generation is dropped", func(c *answerCache) {
			c.put(1, "a", body(10))
			c.put(0, "stale", body(10))
		}, []string{"a"}},
		{"replacing a key does not count it twice", func(c *answerCache) {
			for range 20 {
				c.put(1, "a", body(100))
			}
			c.put(1, "b", body(100))
		}, []string{"a", "b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newAnswerCache(1000)
			c.maxEntry = 500
			tc.run(c)
			var got []string
			for _, k := range []string{"a", "b", "c", "big", "old", "new", "stale"} {
				if _, ok := c.get(1, k); ok {
					got = append(got, k)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("cached = %v, want %v", got, tc.want)
			}
			if st := c.stats(); st.Entries != len(tc.want) || st.Bytes > c.budget {
				t.Errorf("stats = %+v, want %d entries within %d bytes", st, len(tc.want), c.budget)
			}
		})
	}
}

// cacheServer serves the graphtest fixture but its last document, which
// the caller may ingest to change the store under the cache.
func cacheServer(t *testing.T, opts Options) (*httptest.Server, http.Handler, func()) {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	docs := graphtest.Fixture()
	for _, d := range docs[:len(docs)-1] {
		if _, err := s.Ingest(ctx, d.Article, d.Document); err != nil {
			t.Fatal(err)
		}
	}
	last := docs[len(docs)-1]
	h := Handler(s, opts)
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, h, func() {
		if _, err := s.Ingest(ctx, last.Article, last.Document); err != nil {
			t.Fatal(err)
		}
	}
}

func ask(t *testing.T, srv *httptest.Server, query string) (answer, cache string) {
	t.Helper()
	_, header, body := post(t, srv.URL, query)
	return body, header.Get("X-Newsgraph-Cache")
}

// post sends query to the handler at url and returns the whole answer.
func post(t *testing.T, url, query string) (int, http.Header, string) {
	t.Helper()
	b, _ := json.Marshal(Request{Query: query})
	res, err := http.Post(url, "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header, string(body)
}

func TestHandlerCachesUntilTheStoreChanges(t *testing.T) {
	srv, h, ingestLast := cacheServer(t, Options{})
	const q = `{ documents { totalCount } entities(first: 50) { edges { node { name mentionCount } } } }`

	first, c1 := ask(t, srv, q)
	again, c2 := ask(t, srv, q)
	if c1 != "miss" || c2 != "hit" {
		t.Fatalf("X-Newsgraph-Cache = %q then %q, want miss then hit", c1, c2)
	}
	if again != first {
		t.Fatalf("cached answer differs:\n%s\nfirst:\n%s", again, first)
	}

	ingestLast()
	after, c3 := ask(t, srv, q)
	if c3 != "miss" {
		t.Errorf("after an ingest X-Newsgraph-Cache = %q, want miss", c3)
	}
	if after == first {
		t.Errorf("after an ingest the answer is unchanged (stale): %s", after)
	}
	var got struct {
		Data struct{ Documents struct{ TotalCount int } }
	}
	if err := json.Unmarshal([]byte(after), &got); err != nil || got.Data.Documents.TotalCount != len(graphtest.Fixture()) {
		t.Errorf("after an ingest documents.totalCount = %d (%v), want %d", got.Data.Documents.TotalCount, err, len(graphtest.Fixture()))
	}

	// Answers with errors may be transient (a timeout): never cached.
	const bad = `{ quotes(from: "yesterday") { totalCount } }`
	for i := range 2 {
		if _, c := ask(t, srv, bad); c != "miss" {
			t.Errorf("answer with an error, request %d: X-Newsgraph-Cache = %q, want miss", i+1, c)
		}
	}
	if st := Stats(h); st.Hits != 1 || st.Resets != 1 {
		t.Errorf("Stats = %+v, want 1 hit and 1 reset", st)
	}
}

func TestHandlerCacheOff(t *testing.T) {
	srv, _, _ := cacheServer(t, Options{CacheBytes: -1})
	for range 2 {
		if _, c := ask(t, srv, `{ documents { totalCount } }`); c != "" {
			t.Fatalf("with the cache off X-Newsgraph-Cache = %q, want none", c)
		}
	}
}

// TestHandlerCacheConcurrent sends the same and different queries from
// many goroutines while documents are ingested (run with -race): every
// answer must be one the store could give at some generation.
func TestHandlerCacheConcurrent(t *testing.T) {
	srv, h, ingestLast := cacheServer(t, Options{})
	const q = `{ documents { totalCount } }`
	var wg sync.WaitGroup
	answers := make(chan string, 400)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 40 {
				a, _ := ask(t, srv, q)
				answers <- a
				ask(t, srv, fmt.Sprintf(`{ entities(first: %d) { totalCount } }`, 1+(i+j)%5))
			}
		}()
	}
	ingestLast()
	wg.Wait()
	close(answers)
	n := len(graphtest.Fixture())
	ok := map[string]bool{
		fmt.Sprintf(`{"data":{"documents":{"totalCount":%d}}}`+"\n", n-1): true,
		fmt.Sprintf(`{"data":{"documents":{"totalCount":%d}}}`+"\n", n):   true,
	}
	for a := range answers {
		if !ok[a] {
			t.Fatalf("answer %q is neither before nor after the ingest", a)
		}
	}
	if final, _ := ask(t, srv, q); final != fmt.Sprintf(`{"data":{"documents":{"totalCount":%d}}}`+"\n", n) {
		t.Errorf("after the ingest the answer is %q, want %d documents", final, n)
	}
	if st := Stats(h); st.Hits == 0 {
		t.Errorf("Stats = %+v, want hits", st)
	}
}
