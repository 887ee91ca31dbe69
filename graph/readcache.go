package graph

import (
	"strings"
	"sync"

	"github.com/dgraph-io/badger/v4"
)

// The Store keeps records that queries read over and over (genCache,
// nameCache). A write used to empty every cache, so a server that took
// one article a second from a feed answered as if it had none: at 300
// requests a second on the 100k store, without the answer cache, p50
// went from 2.2 to 8 ms and p99 from 13-25 to 150-170 ms. A write now
// notes the keys it sets or deletes (writeTxn), and Store.committed drops
// from the caches only what was read from those keys. The rest stays: it
// was read from keys the write did not touch, so it is what a read after
// the write would give.

// writeTxn is a Badger write transaction that notes the keys it writes,
// for Store.committed. Every write of an ingest or a delete goes through
// one (TestWritesGoThroughWriteTxn).
type writeTxn struct {
	*badger.Txn
	changed changedKeys
}

func newWriteTxn(txn *badger.Txn) writeTxn { return writeTxn{Txn: txn, changed: changedKeys{}} }

func (t writeTxn) Set(k, v []byte) error {
	t.changed.note(k)
	return t.Txn.Set(k, v)
}

func (t writeTxn) Delete(k []byte) error {
	t.changed.note(k)
	return t.Txn.Delete(k)
}

// changedKeys holds the records a write changed, each as its table's
// prefix and the key's first field ("e\x00EID" for the entity record,
// "ro\x00EID" for any of its roles): for the read caches (readFrom), and
// for caches outside the Store (Store.Changes).
type changedKeys map[string]struct{}

// readFrom says which read cache is read from which table: a write to the
// table drops the cache's records filed under the key's first field, or,
// for the name cache, under the whole key. A document that changes a role
// mentions the entity, which rewrites its record too; the role's table is
// listed all the same. What changedKeys notes is derived from this list.
var readFrom = []struct {
	table string
	cache func(*Store) advancer
	whole bool
}{
	{pEnt, func(s *Store) advancer { return &s.entities }, false},
	{pRole, func(s *Store) advancer { return &s.entities }, false},
	{pEnt, func(s *Store) advancer { return &s.nodes }, false},
	{pRole, func(s *Store) advancer { return &s.nodes }, false},
	{pEnt, func(s *Store) advancer { return &s.heads }, false},
	{pName, func(s *Store) advancer { return &s.names }, true},
	{pEnt, func(s *Store) advancer { return &s.names }, true}, // mention counts pick among a name's entities
	{pCoocRank, func(s *Store) advancer { return &s.coocLists }, false},
	{pRelEnt, func(s *Store) advancer { return &s.relEnds }, false},
	{pRel, func(s *Store) advancer { return &s.relations }, false},
	{pQuote, func(s *Store) advancer { return &s.quotes }, false},
	{pFactSource, func(s *Store) advancer { return &s.srcLists }, false},
	{pDoc, func(s *Store) advancer { return &s.docInfo }, false},
}

// advancer is a read cache as Store.committed moves it on.
type advancer interface {
	advance(from, to uint64, stale []string, all bool)
}

func (c changedKeys) note(k []byte) {
	f := k[:fieldEnd(k)] // what fieldOf notes of a read
	// Looked up first: a write notes the same field many times, and the
	// lookup, unlike the insert, makes no string of it.
	if _, ok := c[string(f)]; !ok {
		c[string(f)] = struct{}{}
	}
}

// committed moves the Store to its next generation after a write
// committed, dropping from the read caches what changed: everything when
// changed is nil (a restore, an upgrade, a failed commit). The caches
// reach the new generation before the Store does, so a reader that sees
// it finds no record the write made stale; a reader that began before it
// can no longer file what it read (see genCache.put).
func (s *Store) committed(changed changedKeys) {
	s.commitMu.Lock()
	defer s.commitMu.Unlock()
	from := s.generation.Load()
	to := from + 1
	stale := map[advancer][]string{}
	for k := range changed {
		t, id := splitTable(k)
		for _, r := range readFrom {
			if r.table != t {
				continue
			}
			c := r.cache(s)
			if r.whole {
				stale[c] = append(stale[c], k)
			} else {
				stale[c] = append(stale[c], id)
			}
		}
	}
	done := map[advancer]bool{}
	for _, r := range readFrom {
		if c := r.cache(s); !done[c] {
			done[c] = true
			c.advance(from, to, stale[c], changed == nil)
		}
	}
	s.changes.add(to, changed)
	s.generation.Store(to)
}

// splitTable splits a key of changedKeys into its table prefix and field.
func splitTable(k string) (table, field string) {
	i := strings.IndexByte(k, 0)
	return k[:i+1], k[i+1:]
}

// genCache keeps records read from the store, each under the ID of the
// key it was read from, for the records that queries read over and over:
// every source of a quote names a document, a page of a well-reported
// speaker's quotes names hundreds, and a neighbourhood reads the same
// relations between well-known people; each would be a Badger read and a
// decode. A write drops the records it changed (advance). It holds
// records of a total size of at most max (maxCached if 0; each record
// counts size(v), or 1 if size is nil), and is emptied when full. The
// zero value is ready to use.
type genCache[V any] struct {
	mu   sync.Mutex
	gen  uint64
	recs map[string]V
	used int

	max  int
	size func(V) int
}

const maxCached = 1 << 17

// get returns the record kept for id, to a reader that began at
// generation gen.
func (c *genCache[V]) get(gen uint64, id string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		var zero V
		return zero, false
	}
	v, ok := c.recs[id]
	return v, ok
}

// put keeps v, read by a reader that began at generation gen. What a
// reader read before a write committed may be stale, and the write's
// advance has passed already: a record read at an older generation than
// the cache's is dropped.
func (c *genCache[V]) put(gen uint64, id string, v V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		return
	}
	n, limit := c.cost(v), c.max
	if limit == 0 {
		limit = maxCached
	}
	if n > limit {
		return
	}
	if gen > c.gen || c.used+n > limit {
		c.gen, c.recs, c.used = gen, nil, 0
	}
	if c.recs == nil {
		c.recs = map[string]V{}
	}
	if old, ok := c.recs[id]; ok {
		c.used -= c.cost(old)
	}
	c.recs[id] = v
	c.used += n
}

// advance moves the cache from generation from to generation to,
// dropping the records of stale, or all of them. A cache that is not at
// from missed a write: it is emptied.
func (c *genCache[V]) advance(from, to uint64, stale []string, all bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if all || c.gen != from {
		c.recs, c.used = nil, 0
	}
	for _, id := range stale {
		if old, ok := c.recs[id]; ok {
			c.used -= c.cost(old)
			delete(c.recs, id)
		}
	}
	c.gen = to
}

func (c *genCache[V]) cost(v V) int {
	if c.size == nil {
		return 1
	}
	return c.size(v)
}

// nameCache keeps which entity a name or a reference resolves to, with
// the keys each answer was read from: the name lists (n/) and the entity
// records (e/) whose existence or mention counts picked it. A write drops
// the answers read from a key it changed.
type nameCache struct {
	mu   sync.Mutex
	gen  uint64
	ids  map[string]string              // lookup -> entity ID, "" for none
	read map[string][]string            // lookup -> keys read
	from map[string]map[string]struct{} // key read -> lookups read from it
	deps int                            // entries of from, all sets together

	max int // lookups kept; maxCached if 0
}

// get returns the answer kept for lookup, and the keys it was read from
// (shared: read only).
func (c *nameCache) get(gen uint64, lookup string) (string, []string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return "", nil, false
	}
	id, ok := c.ids[lookup]
	return id, c.read[lookup], ok
}

// put keeps the answer id to lookup, read from the keys read, by a reader
// that began at generation gen; see genCache.put.
func (c *nameCache) put(gen uint64, lookup, id string, read []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen < c.gen {
		return
	}
	limit := c.max
	if limit == 0 {
		limit = maxCached
	}
	if gen > c.gen || len(c.ids) >= limit || c.deps+len(read) > 8*limit {
		c.gen, c.ids, c.read, c.from, c.deps = gen, nil, nil, nil, 0
	}
	if c.ids == nil {
		c.ids, c.read, c.from = map[string]string{}, map[string][]string{}, map[string]map[string]struct{}{}
	}
	c.ids[lookup] = id
	c.read[lookup] = read
	for _, k := range read {
		set := c.from[k]
		if set == nil {
			set = map[string]struct{}{}
			c.from[k] = set
		}
		if _, ok := set[lookup]; !ok {
			set[lookup] = struct{}{}
			c.deps++
		}
	}
}

// advance is genCache.advance, with stale the keys changed.
func (c *nameCache) advance(from, to uint64, stale []string, all bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if all || c.gen != from {
		c.ids, c.read, c.from, c.deps = nil, nil, nil, 0
	}
	for _, k := range stale {
		for lookup := range c.from[k] {
			delete(c.ids, lookup)
			delete(c.read, lookup)
		}
		c.deps -= len(c.from[k])
		delete(c.from, k)
	}
	c.gen = to
}

// readKeys is a nameView over txn that notes the keys it reads, for
// nameCache.
type readKeys struct {
	txn  *badger.Txn
	keys *[]string
}

func (r readKeys) namesAt(n string) ([]nameEntry, error) {
	*r.keys = append(*r.keys, kName(n))
	return namesAt(r.txn, n)
}

func (r readKeys) mentions(id string) (int, error) {
	*r.keys = append(*r.keys, kEnt(id))
	return txnView{r.txn}.mentions(id)
}

// entityExists tells whether id is an entity's ID.
func (r readKeys) entityExists(id string) (bool, error) {
	*r.keys = append(*r.keys, kEnt(id))
	return exists(r.txn, kEnt(id))
}
