package graph

import (
	"slices"
	"unicode/utf8"
)

// hotCache keeps, across ingest batches, the decoded records that batches
// read or wrote most: entities (e/), the name index (n/),
// mentioned_with edges (c/A/B, A < B) and the variants of quotes (q/QID,
// the only part of a quote the variant search reads). News is Zipf-shaped: a few
// people, their names and their pairs are in most articles, and without
// it every batch reads and decodes them from Badger again, a read that
// gets dearer as the LSM tree grows.
//
// It holds committed values only: a batch sees its own reads and writes
// (batch.ents, names, coocs) first, and the cache takes them over only
// after the batch commits (Store.keepHot). It is valid while the Store's
// generation is gen, which every other write (Delete, Restore, upgrade)
// moves on. Guarded by Store.putMu. Values in it are never modified:
// whoever changes a record works on a copy.
type hotCache struct {
	gen    uint64
	ents   hotMap[Entity]
	names  hotMap[[]nameEntry]
	edges  hotMap[cooc]
	quotes hotMap[[]string]
}

// The cache's budget, in approximate bytes of Go memory (strings, slice
// and map overhead included): 40 MiB in all, a small part of ingest's
// 1 GiB memory limit. Storing 1,000 articles into a 100,000-article
// store filled about a quarter of the entities' and names' shares; the
// edges' turned over (their date lists are long), keeping the pairs
// that recur.
const (
	hotEntBytes   = 12 << 20
	hotNameBytes  = 8 << 20
	hotEdgeBytes  = 12 << 20
	hotQuoteBytes = 8 << 20
)

func (c *hotCache) reset(gen uint64) {
	c.gen = gen
	c.ents.reset(hotEntBytes, entitySize)
	c.names.reset(hotNameBytes, namesSize)
	c.edges.reset(hotEdgeBytes, coocSize)
	c.quotes.reset(hotQuoteBytes, variantsSize)
}

// hotVal is a record as committed, or found false: there is none.
type hotVal[V any] struct {
	v     V
	found bool
}

// hotMap is a map bounded by approximate bytes that keeps what is used
// often: when the current half of the budget fills up it becomes the old
// half (the one before it is dropped), and a hit in the old half moves
// the record back into the current one. A record used once per half
// budget of traffic stays; one used once goes within two.
type hotMap[V any] struct {
	cur, old map[string]hotVal[V]
	curBytes int
	budget   int
	size     func(key string, v V) int
}

func (m *hotMap[V]) reset(budget int, size func(string, V) int) {
	m.cur, m.old, m.curBytes, m.budget, m.size = nil, nil, 0, budget, size
}

func (m *hotMap[V]) get(key string) (hotVal[V], bool) {
	if x, ok := m.cur[key]; ok {
		return x, true
	}
	x, ok := m.old[key]
	if ok {
		delete(m.old, key)
		m.put(key, x)
	}
	return x, ok
}

func (m *hotMap[V]) put(key string, x hotVal[V]) {
	n := m.size(key, x.v)
	if n > m.budget/8 {
		// One huge record would push out many small ones.
		delete(m.cur, key)
		delete(m.old, key)
		return
	}
	if m.cur == nil {
		m.cur = map[string]hotVal[V]{}
	}
	if was, ok := m.cur[key]; ok {
		m.curBytes -= m.size(key, was.v) // records grow: count the new size
	}
	if m.curBytes+n > m.budget/2 {
		m.old, m.cur, m.curBytes = m.cur, map[string]hotVal[V]{}, 0
	}
	m.curBytes += n
	// A stale copy in the old half must not come back by a promotion.
	delete(m.old, key)
	m.cur[key] = x
}

// Approximate sizes: a map entry of the key and value (~64 bytes of
// bucket share and headers) plus what the value points to.
const hotEntryOverhead = 64

func entitySize(key string, e Entity) int {
	n := hotEntryOverhead + len(key) + 200 + len(e.ID) + len(e.Name) + len(e.FirstSeen) + len(e.LastSeen)
	for _, a := range e.Aliases {
		n += 16 + len(a)
	}
	return n
}

func namesSize(key string, es []nameEntry) int {
	n := hotEntryOverhead + len(key) + 24
	for _, e := range es {
		n += 24 + len(e.ID)
	}
	return n
}

func coocSize(key string, c cooc) int {
	return hotEntryOverhead + len(key) + 40 + len(c.First) + len(c.Last)
}

func variantsSize(key string, vs []string) int {
	n := hotEntryOverhead + len(key) + 24
	for _, v := range vs {
		n += 16 + len(v)
	}
	return n
}

// cloneEntity returns a copy of e that shares no slice with it.
func cloneEntity(e Entity) Entity {
	e.Aliases = slices.Clone(e.Aliases)
	e.Roles = slices.Clone(e.Roles)
	e.Dates = slices.Clone(e.Dates)
	return e
}

// A string that is not valid UTF-8 does not survive a JSON round trip
// (encoding/json writes U+FFFD for each bad byte), so a record holding one
// is kept as it reads back from the store, not as it was built: see
// batch.setEntity and batch.setNames.

func entityValidUTF8(e *Entity) bool {
	ok := utf8.ValidString(e.ID) && utf8.ValidString(e.Name) &&
		utf8.ValidString(e.FirstSeen) && utf8.ValidString(e.LastSeen)
	for _, a := range e.Aliases {
		ok = ok && utf8.ValidString(a)
	}
	return ok
}

func namesValidUTF8(es []nameEntry) bool {
	for _, e := range es {
		if !utf8.ValidString(e.ID) {
			return false
		}
	}
	return true
}

// keepHot hands the records batch b read or wrote, as it committed them,
// to the cache, which is then valid at the Store's current generation.
func (s *Store) keepHot(b *batch) {
	h := &s.hot
	for id, x := range b.ents {
		h.ents.put(id, x)
	}
	for n, x := range b.names {
		h.names.put(n, x)
	}
	for p, e := range b.coocs {
		h.edges.put(p[0]+sep+p[1], hotVal[cooc]{v: e.c, found: true})
	}
	for id, x := range b.variants {
		h.quotes.put(id, x)
	}
	h.gen = s.generation.Load()
}
