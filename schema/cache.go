package schema

import (
	"container/list"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/singleflight"
)

// answerCache keeps the encoded answers to recent requests for as long as
// the store does not change. Dashboards and analysts ask the same
// questions again and again (the top people, their quotes, a
// neighbourhood), and the graph changes only when something is ingested,
// so most answers can be served without running the query at all.
//
// A request's key is its raw bytes (method, content type and body, or the
// URL's query string): two spellings of one query are two entries, which
// costs a miss, never a wrong answer. Every entry belongs to the store
// generation it was computed at (graph.Store.Generation); the first
// lookup after a write empties the cache. Least recently used answers are
// evicted first once the cache holds more than its byte budget.
//
// Concurrent misses on one key run the query once (singleflight), so a
// burst of identical requests after an ingest does not run it N times.
type answerCache struct {
	budget   int64
	maxEntry int64 // larger answers are not kept: one would flush everything else

	mu    sync.Mutex
	gen   uint64
	bytes int64
	lru   *list.List // of *cacheEntry, most recently used first
	byKey map[string]*list.Element

	flight         singleflight.Group
	hits, misses   atomic.Uint64
	evicted, reset atomic.Uint64
}

type cacheEntry struct {
	key  string
	body []byte
}

// entryOverhead approximates the bookkeeping of one entry (list element,
// map slot, headers), so that a budget bounds memory, not just payload.
const entryOverhead = 160

func newAnswerCache(budget int64) *answerCache {
	if budget <= 0 {
		return nil
	}
	return &answerCache{budget: budget, maxEntry: budget / 8, lru: list.New(), byKey: map[string]*list.Element{}}
}

// get returns the answer stored for key at generation gen.
func (c *answerCache) get(gen uint64, key string) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.syncGen(gen)
	el, ok := c.byKey[key]
	if !ok {
		return nil, false
	}
	c.lru.MoveToFront(el)
	return el.Value.(*cacheEntry).body, true
}

// put stores body as the answer to key at generation gen. An answer
// computed at an older generation than the cache's is dropped: a write
// committed while it ran.
func (c *answerCache) put(gen uint64, key string, body []byte) {
	size := int64(len(key)+len(body)) + entryOverhead
	if size > c.maxEntry {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		return
	}
	c.syncGen(gen)
	if el, ok := c.byKey[key]; ok {
		c.remove(el)
	}
	c.byKey[key] = c.lru.PushFront(&cacheEntry{key: key, body: body})
	c.bytes += size
	for c.bytes > c.budget {
		c.remove(c.lru.Back())
		c.evicted.Add(1)
	}
}

// syncGen empties the cache when the store has moved to generation gen.
// Called with mu held.
func (c *answerCache) syncGen(gen uint64) {
	if gen <= c.gen {
		return
	}
	if c.lru.Len() > 0 {
		c.reset.Add(1)
	}
	c.gen = gen
	c.lru.Init()
	clear(c.byKey)
	c.bytes = 0
}

func (c *answerCache) remove(el *list.Element) {
	e := c.lru.Remove(el).(*cacheEntry)
	delete(c.byKey, e.key)
	c.bytes -= int64(len(e.key)+len(e.body)) + entryOverhead
}

// CacheStats reports what the answer cache did since the handler was
// made.
type CacheStats struct {
	Hits, Misses uint64 // requests answered from the cache, and not
	Evicted      uint64 // answers dropped to stay within the budget
	Resets       uint64 // times the cache was emptied because the store changed
	Entries      int    // answers held now
	Bytes        int64  // their approximate size
}

func (c *answerCache) stats() CacheStats {
	if c == nil {
		return CacheStats{}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Hits: c.hits.Load(), Misses: c.misses.Load(), Evicted: c.evicted.Load(),
		Resets: c.reset.Load(), Entries: c.lru.Len(), Bytes: c.bytes}
}
