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
			c.put(1, "a", body(100), nil)
			c.put(1, "b", body(100), nil)
		}, []string{"a", "b"}},
		{"least recently used evicted first", func(c *answerCache) {
			c.put(1, "a", body(300), nil)
			c.put(1, "b", body(300), nil)
			c.get(1, "a")
			c.put(1, "c", body(300), nil) // over 1200 with all three, overheads included: b goes
		}, []string{"a", "c"}},
		{"answer over maxEntry not kept", func(c *answerCache) {
			c.put(1, "a", body(100), nil)
			c.put(1, "big", body(400), nil)
		}, []string{"a"}},
		{"a newer generation empties the cache", func(c *answerCache) {
			c.put(0, "old", body(10), nil)
			c.put(1, "new", body(10), nil)
		}, []string{"new"}},
		{"an answer from an older generation is dropped", func(c *answerCache) {
			c.put(1, "a", body(10), nil)
			c.put(0, "stale", body(10), nil)
		}, []string{"a"}},
		{"replacing a key does not count it twice", func(c *answerCache) {
			for range 20 {
				c.put(1, "a", body(100), nil)
			}
			c.put(1, "b", body(100), nil)
		}, []string{"a", "b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := newAnswerCache(1200, nil)
			c.maxEntry = 600
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
			if st := c.stats(); st.Entries != len(tc.want) || st.Bytes > 1200 {
				t.Errorf("stats = %+v, want %d entries within 1200 bytes", st, len(tc.want))
			}
		})
	}
}

func TestAnswerCacheShards(t *testing.T) {
	for _, tc := range []struct {
		budget   int64
		shards   int
		maxEntry int64
	}{
		{1 << 20, 1, 256 << 10},
		{DefaultCacheBytes, 8, 2 << 20},
		{256 << 20, 16, 4 << 20},
		{1 << 30, 16, 16 << 20},
	} {
		c := newAnswerCache(tc.budget, nil)
		if len(c.shards) != tc.shards || c.maxEntry != tc.maxEntry || c.shards[0].budget*int64(tc.shards) != tc.budget {
			t.Errorf("newAnswerCache(%d MB) = %d shards of %d bytes, answers up to %d; want %d shards, answers up to %d",
				tc.budget>>20, len(c.shards), c.shards[0].budget, c.maxEntry, tc.shards, tc.maxEntry)
		}
	}
}

// A write drops the answers that read what it changed, at the grain of a
// key's table and first field, and keeps the rest.
func TestAnswerCacheDropsWhatChanged(t *testing.T) {
	for _, tc := range []struct {
		name    string
		changed []string // by the write from generation 1 to 2
		all     bool     // the store cannot say what changed
		want    []string // answers still cached at generation 2 ("all" read everything)
	}{
		{"a record another answer read", []string{"e\x00E1"}, false, []string{"quotes", "none"}},
		{"a record in a table an answer read whole", []string{"qd\x00 2005-01-01"}, false, []string{"entity", "none"}},
		{"a key nothing read", []string{"e\x00E9", "m\x00E1"}, false, []string{"entity", "quotes", "none"}},
		{"nothing", nil, false, []string{"entity", "quotes", "all", "none"}},
		{"everything", nil, true, nil},
	} {
		for _, budget := range []int64{1 << 20, 64 << 20} {
			t.Run(fmt.Sprintf("%s, %d MB", tc.name, budget>>20), func(t *testing.T) {
				asked := 0
				changes := func(from, to uint64) ([]string, bool) {
					asked++
					if from != 1 || to != 2 {
						t.Errorf("changes(%d, %d), want (1, 2)", from, to)
					}
					return tc.changed, tc.all
				}
				c := newAnswerCache(budget, changes)
				for i := range c.shards {
					c.shards[i].gen = 1
				}
				c.put(1, "entity", []byte("e"), []string{"e\x00E1", "ro\x00E1"})
				c.put(1, "quotes", []byte("q"), []string{"qs\x00E2", "qd\x00"})
				c.put(1, "all", []byte("a"), nil)
				c.put(1, "none", []byte("n"), []string{})
				var got []string
				for _, k := range []string{"entity", "quotes", "all", "none"} {
					if _, ok := c.get(2, k); ok {
						got = append(got, k)
					}
				}
				if fmt.Sprint(got) != fmt.Sprint(tc.want) {
					t.Errorf("cached after the write = %v, want %v", got, tc.want)
				}
				if asked != 1 {
					t.Errorf("asked the store %d times what changed, want once for all %d shards", asked, len(c.shards))
				}
				if _, ok := c.get(1, "entity"); ok {
					t.Errorf("a request begun before the write was answered from the cache")
				}
				// An answer computed before the write, filed after it: refused
				// by a shard that caught up, else dropped as it catches up
				// (unless the write changed nothing).
				c.put(1, "late", []byte("l"), nil)
				_, late := c.get(2, "late")
				if late && (len(tc.changed) > 0 || tc.all) {
					t.Errorf("an answer computed before the write was kept after it")
				}
				if st := c.stats(); st.Entries-btoi(late) != len(tc.want) {
					t.Errorf("stats = %+v, want %d entries", st, len(tc.want))
				}
				for i := range c.shards {
					if n := len(c.shards[i].byRead); len(tc.want) == 0 && n != 0 {
						t.Errorf("shard %d: index holds %d keys with no answer cached", i, n)
					}
				}
			})
		}
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
	if st := Stats(h); st.Hits != 1 || st.Dropped != 1 || st.Resets != 0 {
		t.Errorf("Stats = %+v, want 1 hit, and the answer dropped by the ingest", st)
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

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// BenchmarkAnswerCacheCatchUp times what a write of an article costs the
// cache: every shard catching up to the new generation, dropping the
// answers that read what changed. The write changes 3,000 keys in a
// dozen tables, as an ingested article does, and the cache holds 4,000
// answers of 50 keys read each.
func BenchmarkAnswerCacheCatchUp(b *testing.B) {
	tables := []string{"e", "ro", "m", "q", "qs", "qd", "cw", "cr", "d", "n", "ev", "r"}
	var changed []string
	for i := range 3000 {
		changed = append(changed, fmt.Sprintf("%s\x00W%d", tables[i%len(tables)], i))
	}
	c := newAnswerCache(256<<20, func(from, to uint64) ([]string, bool) { return changed, false })
	for i := range 4000 {
		reads := make([]string, 50)
		for j := range reads {
			reads[j] = fmt.Sprintf("%s\x00R%d", tables[j%len(tables)], i*50+j)
		}
		c.put(0, fmt.Sprintf("answer %d", i), []byte("answer"), reads)
	}
	keys := make([]string, 0, len(c.shards))
	for i := 0; len(keys) < len(c.shards); i++ {
		// One key per shard, so that every shard catches up.
		k := fmt.Sprintf("answer %d", i)
		if c.shard(k) == &c.shards[len(keys)] {
			keys = append(keys, k)
		}
	}
	gen := uint64(0)
	for b.Loop() {
		gen++
		for _, k := range keys {
			c.get(gen, k)
		}
	}
	if st := c.stats(); st.Entries != 4000 || st.Dropped != 0 {
		b.Fatalf("stats %+v: the write dropped answers it did not concern", st)
	}
}
