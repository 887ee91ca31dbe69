package graph

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/dgraph-io/badger/v4"
)

// A cache outside the Store (the GraphQL answer cache) keeps what a
// reader computed for as long as nothing it read has changed. The reader
// collects what it read in a ReadSet; Store.Changes says what the writes
// since a generation changed. Both speak in the grain of changedKeys: a
// key's table and first field ("e\x00EID"), or a table ("e\x00") for a
// range that crosses first fields, or "" for everything.

// ReadSet collects what the reads of one reader (one GraphQL request)
// read from the Store. It is safe for concurrent use.
type ReadSet struct {
	mu   sync.Mutex
	keys map[string]struct{} // nil once over maxReadKeys: everything
	// cached holds the reads served by the read caches as table and ID,
	// so that a page of quotes naming the same documents over and over
	// does not build a key for each.
	cached map[[2]string]struct{}
	// full is keys == nil, read without the lock: a reader past the bound
	// (a neighbourhood) notes its thousands of further reads for nothing.
	full atomic.Bool
}

// maxReadKeys bounds a ReadSet: a reader that read more is taken to have
// read everything. A large neighbourhood reads 2,000 records, all of them
// about well-known people that most writes touch anyway, and noting them
// would cost more than it keeps; a page of quotes reads a few hundred.
const maxReadKeys = 1024

type readSetKey struct{}

// WithReadSet returns a context whose Store reads are collected in the
// returned ReadSet.
func WithReadSet(ctx context.Context) (context.Context, *ReadSet) {
	rs := &ReadSet{keys: make(map[string]struct{}, 64), cached: make(map[[2]string]struct{}, 64)}
	return context.WithValue(ctx, readSetKey{}, rs), rs
}

func readSetOf(ctx context.Context) *ReadSet {
	rs, _ := ctx.Value(readSetKey{}).(*ReadSet)
	return rs
}

// Keys returns what was read, each as a key's table and first field, a
// table, or "" for everything; see Store.Changes. nil means everything.
func (r *ReadSet) Keys() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.keys == nil {
		return nil
	}
	for k := range r.cached {
		r.keys[k[0]+k[1]] = struct{}{}
	}
	clear(r.cached)
	out := make([]string, 0, len(r.keys))
	for k := range r.keys {
		out = append(out, k)
	}
	return out
}

func (r *ReadSet) add(k string) {
	r.mu.Lock()
	r.addLocked(k)
	r.mu.Unlock()
}

// addLocked notes k unless past the bound. Called with mu held.
func (r *ReadSet) addLocked(k string) {
	if r.keys != nil {
		r.keys[k] = struct{}{}
		r.bound()
	}
}

// bound gives up on noting once over maxReadKeys. Called with mu held.
func (r *ReadSet) bound() {
	if len(r.keys)+len(r.cached) > maxReadKeys {
		r.keys, r.cached = nil, nil
		r.full.Store(true)
	}
}

// noteCached records a read served by the read cache c for id: what a
// miss would have read, by readFrom's list of c's tables.
func (r *ReadSet) noteCached(s *Store, c advancer, id string) {
	if r == nil || r.full.Load() {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.keys == nil {
		return
	}
	for _, t := range s.tablesOf(c) {
		r.cached[[2]string{t, id}] = struct{}{}
	}
	r.bound()
}

// noteKeys records reads of keys, served by a cache that kept them (the
// name cache).
func (r *ReadSet) noteKeys(keys []string) {
	if r == nil || r.full.Load() {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, k := range keys {
		r.addLocked(fieldOf(k))
	}
}

// tablesOf returns the tables readFrom lists for the read cache c.
func (s *Store) tablesOf(c advancer) []string {
	s.cacheTablesOnce.Do(func() {
		s.cacheTables = map[advancer][]string{}
		for _, f := range readFrom {
			s.cacheTables[f.cache(s)] = append(s.cacheTables[f.cache(s)], f.table)
		}
	})
	return s.cacheTables[c]
}

// hit records, for txn's reader, a read served by the read cache c.
func (s *Store) hit(txn *badger.Txn, c advancer, id string) {
	readSetFor(txn).noteCached(s, c, id)
}

// readers maps each read transaction that Store.view opened for a reader
// with a ReadSet to it, so that the helpers that read keys (getJSON,
// iterPrefix, the key walker, ...) record into it without every function
// between the query and them passing it along. counted keeps the lookup
// off the path of the reads of no such reader.
var (
	readers sync.Map // *badger.Txn -> *ReadSet
	counted atomic.Int64
)

// withReader runs fn with txn's reads recorded into rs.
func withReader(txn *badger.Txn, rs *ReadSet, fn func(*badger.Txn) error) error {
	readers.Store(txn, rs)
	counted.Add(1)
	defer func() {
		readers.Delete(txn)
		counted.Add(-1)
	}()
	return fn(txn)
}

// readSetFor returns the ReadSet txn's reads are noted in, or nil: none,
// or one past its bound.
func readSetFor(txn *badger.Txn) *ReadSet {
	if counted.Load() == 0 {
		return nil
	}
	rs, _ := readers.Load(txn)
	r, _ := rs.(*ReadSet)
	if r != nil && r.full.Load() {
		return nil
	}
	return r
}

// noteKey records a read of key by txn's reader, if it collects them.
func noteKey(txn *badger.Txn, key string) {
	if rs := readSetFor(txn); rs != nil {
		rs.add(fieldOf(key))
	}
}

// noteRange records a read of any keys under prefix by txn's reader.
func noteRange(txn *badger.Txn, prefix string) {
	if rs := readSetFor(txn); rs != nil {
		rs.add(rangeOf(prefix))
	}
}

// fieldOf returns key's table and first field: what changedKeys notes.
func fieldOf(key string) string { return key[:fieldEnd(key)] }

// fieldEnd returns the length of key's table and first field: up to the
// NUL that ends the first field, or all of key (a key of its own, like
// the version, or one whose first field is its last).
func fieldEnd[K string | []byte](key K) int {
	table := false
	for i := 0; i < len(key); i++ {
		if key[i] == 0 {
			if table {
				return i
			}
			table = true
		}
	}
	return len(key)
}

// rangeOf returns what a read of every key under prefix depends on: the
// table and first field when prefix holds the whole field, else the
// table, or "" (everything) without one.
func rangeOf(prefix string) string {
	if end := fieldEnd(prefix); end < len(prefix) {
		return prefix[:end]
	}
	table, _ := splitTable(prefix)
	return table
}

// Touched returns what a reader must have read (ReadSet.Keys) for a
// change to key (as Store.Changes gives it) to concern it: the key's
// table and first field, its whole table, or everything.
func Touched(changed string) [3]string {
	table, _ := splitTable(changed)
	return [3]string{changed, table, ""}
}

// changeLog keeps what the last writes changed, for Store.Changes.
type changeLog struct {
	mu      sync.Mutex
	entries []change // by generation, oldest first
	keys    int      // entries' keys, all together
}

type change struct {
	to   uint64   // the generation the write moved the Store to
	keys []string // nil: everything
}

// The log keeps at most maxLoggedKeys keys of maxLoggedWrites writes;
// one write that changed more than maxChangeKeys is logged as having
// changed everything (a bulk ingest, after which little of what was
// cached is worth keeping).
const (
	maxLoggedKeys   = 1 << 20
	maxLoggedWrites = 1 << 12
	maxChangeKeys   = 1 << 16
)

func (l *changeLog) add(to uint64, changed changedKeys) {
	var keys []string
	if changed != nil && len(changed) <= maxChangeKeys {
		keys = make([]string, 0, len(changed))
		for k := range changed {
			keys = append(keys, k)
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = append(l.entries, change{to, keys})
	l.keys += len(keys)
	for len(l.entries) > 1 && (l.keys > maxLoggedKeys || len(l.entries) > maxLoggedWrites) {
		l.keys -= len(l.entries[0].keys)
		l.entries = l.entries[1:]
	}
}

// Changes returns what the writes that moved the Store from generation
// from to generation to changed, as the keys' tables and first fields,
// or all true when it cannot say (a restore, an upgrade, a write too
// large to log, or one too far back).
func (s *Store) Changes(from, to uint64) (keys []string, all bool) {
	if from >= to {
		return nil, false
	}
	l := &s.changes
	l.mu.Lock()
	defer l.mu.Unlock()
	// The entries are consecutive generations: find from+1.
	if len(l.entries) == 0 || l.entries[0].to > from+1 || l.entries[len(l.entries)-1].to < to {
		return nil, true
	}
	i := int(from + 1 - l.entries[0].to)
	for _, c := range l.entries[i:] {
		if c.to > to {
			break
		}
		if c.keys == nil {
			return nil, true
		}
		keys = append(keys, c.keys...)
	}
	return keys, false
}
