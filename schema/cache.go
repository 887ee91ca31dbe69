package schema

import (
	"container/list"
	"hash/maphash"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/newsgraph/newsgraph/graph"
	"golang.org/x/sync/singleflight"
)

// answerCache keeps the encoded answers to recent requests for as long as
// nothing they read has changed. Dashboards and analysts ask the same
// questions again and again (the top people, their quotes, a
// neighbourhood), and most writes (an article from a feed) change few of
// the records an answer was read from, so most answers can be served
// without running the query at all.
//
// A request's key is its raw bytes (method, content type and body, or the
// URL's query string): two spellings of one query are two entries, which
// costs a miss, never a wrong answer. Every entry belongs to the store
// generation it was computed at (graph.Store.Generation) and keeps what
// the query read (graph.ReadSet). When the store has moved on, the next
// lookup asks it what the writes since changed (graph.Store.Changes) and
// drops the answers that read any of it; when the store cannot say, it
// empties the cache. Least recently used answers are evicted first once
// the cache holds more than its byte budget.
//
// The cache is split into shards by key, each with its own lock, share
// of the budget and index: dropping what a write changed takes a shard's
// lock for a while, and the other shards go on answering meanwhile.
//
// Concurrent misses on one key run the query once (singleflight), so a
// burst of identical requests after an ingest does not run it N times.
type answerCache struct {
	maxEntry int64 // larger answers are not kept: one would flush everything else
	// changes says what the writes between two generations changed
	// (graph.Store.Changes); nil: everything.
	changes func(from, to uint64) ([]string, bool)
	shards  []cacheShard
	seed    maphash.Seed

	// span keeps the last answer of touched: after a write, every shard
	// asks about the same generations.
	spanMu sync.Mutex
	span   touchedSpan

	flight         singleflight.Group
	hits, misses   atomic.Uint64
	evicted, reset atomic.Uint64
	dropped        atomic.Uint64
}

type cacheShard struct {
	mu     sync.Mutex
	budget int64
	gen    uint64
	bytes  int64
	lru    *list.List // of *cacheEntry, most recently used first
	byKey  map[string]*list.Element
	byRead map[string][]*list.Element // what was read -> the answers that read it
}

type touchedSpan struct {
	from, to uint64
	touched  []string
	all      bool
}

type cacheEntry struct {
	key   string
	body  []byte
	reads []string
}

// entryOverhead approximates the bookkeeping of one entry (list element,
// map slot, headers), and readOverhead that of each key it read (a slot
// in the index), so that a budget bounds memory, not just payload.
const (
	entryOverhead = 160
	readOverhead  = 64
)

// A cache has up to maxShards shards of at least minShardBytes each
// (one, if smaller), and keeps no answer over a quarter of a shard.
const (
	maxShards     = 16
	minShardBytes = 8 << 20
)

func newAnswerCache(budget int64, changes func(from, to uint64) ([]string, bool)) *answerCache {
	if budget <= 0 {
		return nil
	}
	n := int(min(max(budget/minShardBytes, 1), maxShards))
	c := &answerCache{maxEntry: budget / int64(n) / 4, changes: changes, shards: make([]cacheShard, n), seed: maphash.MakeSeed()}
	for i := range c.shards {
		c.shards[i] = cacheShard{budget: budget / int64(n), lru: list.New(),
			byKey: map[string]*list.Element{}, byRead: map[string][]*list.Element{}}
	}
	return c
}

func (c *answerCache) shard(key string) *cacheShard {
	if len(c.shards) == 1 {
		return &c.shards[0]
	}
	return &c.shards[maphash.String(c.seed, key)%uint64(len(c.shards))]
}

// get returns the answer stored for key, to a request that began at
// generation gen.
func (c *answerCache) get(gen uint64, key string) ([]byte, bool) {
	sh := c.shard(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	c.catchUp(sh, gen)
	if gen != sh.gen {
		return nil, false
	}
	el, ok := sh.byKey[key]
	if !ok {
		return nil, false
	}
	sh.lru.MoveToFront(el)
	return el.Value.(*cacheEntry).body, true
}

// put stores body as the answer to key, computed at generation gen from
// what reads lists (graph.ReadSet.Keys; nil: everything). An answer
// computed at an older generation than the cache's is dropped: a write
// committed while it ran.
func (c *answerCache) put(gen uint64, key string, body []byte, reads []string) {
	if reads == nil {
		reads = []string{""}
	}
	size := entrySize(key, body, reads)
	if size > c.maxEntry {
		return
	}
	sh := c.shard(key)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	c.catchUp(sh, gen)
	if gen != sh.gen {
		return
	}
	if el, ok := sh.byKey[key]; ok {
		sh.remove(el)
	}
	el := sh.lru.PushFront(&cacheEntry{key: key, body: body, reads: reads})
	sh.byKey[key] = el
	for _, r := range reads {
		sh.byRead[r] = append(sh.byRead[r], el)
	}
	sh.bytes += size
	for sh.bytes > sh.budget {
		sh.remove(sh.lru.Back())
		c.evicted.Add(1)
	}
}

func entrySize(key string, body []byte, reads []string) int64 {
	n := int64(len(key)+len(body)) + entryOverhead
	for _, r := range reads {
		n += int64(len(r)) + readOverhead
	}
	return n
}

// catchUp moves shard sh to generation gen, when the store has moved
// there, dropping the answers that read what the writes since changed,
// or all of them. Called with sh.mu held.
func (c *answerCache) catchUp(sh *cacheShard, gen uint64) {
	if gen <= sh.gen {
		return
	}
	touched, all := c.touched(sh.gen, gen)
	sh.gen = gen
	if all {
		if sh.lru.Len() > 0 {
			c.reset.Add(1)
		}
		sh.lru.Init()
		clear(sh.byKey)
		clear(sh.byRead)
		sh.bytes = 0
		return
	}
	for _, r := range touched {
		for len(sh.byRead[r]) > 0 {
			sh.remove(sh.byRead[r][0])
			c.dropped.Add(1)
		}
	}
}

// touched returns what an answer must have read for the writes from
// generation from to generation to to concern it (graph.Touched of each
// key they changed, each once), or all true when the store cannot say.
// The shards catching up after a write all ask about the same
// generations, and most changed keys share a handful of tables: worked
// out once, the drop costs each shard a lookup per key changed, not
// three, and the store copies the keys once, not once per shard.
// Called with a shard's lock held; takes no shard lock.
func (c *answerCache) touched(from, to uint64) ([]string, bool) {
	if c.changes == nil {
		return nil, true
	}
	c.spanMu.Lock()
	defer c.spanMu.Unlock()
	if sp := c.span; sp.from == from && sp.to == to && to != 0 {
		return sp.touched, sp.all
	}
	changed, all := c.changes(from, to)
	var touched []string
	if !all {
		seen := make(map[string]struct{}, len(changed)+16)
		for _, k := range changed {
			for _, r := range graph.Touched(k) {
				if _, ok := seen[r]; !ok {
					seen[r] = struct{}{}
					touched = append(touched, r)
				}
			}
		}
	}
	c.span = touchedSpan{from, to, touched, all}
	return touched, all
}

func (sh *cacheShard) remove(el *list.Element) {
	e := sh.lru.Remove(el).(*cacheEntry)
	delete(sh.byKey, e.key)
	for _, r := range e.reads {
		els := sh.byRead[r]
		if i := slices.Index(els, el); i >= 0 {
			els[i] = els[len(els)-1]
			els[len(els)-1] = nil
			els = els[:len(els)-1]
		}
		if len(els) == 0 {
			delete(sh.byRead, r)
		} else {
			sh.byRead[r] = els
		}
	}
	sh.bytes -= entrySize(e.key, e.body, e.reads)
}

// CacheStats reports what the answer cache did since the handler was
// made.
type CacheStats struct {
	Hits, Misses uint64 // requests answered from the cache, and not
	Evicted      uint64 // answers dropped to stay within the budget
	Resets       uint64 // times a shard was emptied because the store could not say what changed
	Dropped      uint64 // answers dropped because a write changed what they read
	Entries      int    // answers held now
	Bytes        int64  // their approximate size
}

func (c *answerCache) stats() CacheStats {
	if c == nil {
		return CacheStats{}
	}
	st := CacheStats{Hits: c.hits.Load(), Misses: c.misses.Load(), Evicted: c.evicted.Load(),
		Resets: c.reset.Load(), Dropped: c.dropped.Load()}
	for i := range c.shards {
		sh := &c.shards[i]
		sh.mu.Lock()
		st.Entries += sh.lru.Len()
		st.Bytes += sh.bytes
		sh.mu.Unlock()
	}
	return st
}
