package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/extract"
)

// BatchItem is one document of IngestBatch and what was extracted from it.
type BatchItem struct {
	Article  extract.Article
	Document extract.Document
}

// BatchResult is what IngestBatch did with one document: an Outcome, or the
// error that kept it out of the store (as Ingest would return it).
type BatchResult struct {
	Outcome Outcome
	Err     error
}

// IngestBatch stores several documents, in order, as Ingest would one after
// the other, but commits them together in as few Badger transactions as
// fit: records the documents share (entities, counters, name and quote
// indexes) are written once per batch instead of once per document, which
// is most of the cost of a bulk ingest.
//
// Each document stays all or nothing, and the store after a batch is the
// store the same documents ingested one by one would build. A document
// refused (ErrConflict, ErrTooBig, ErrBadDocument) does not keep the others
// out: its BatchResult carries the error, and the rest are stored without
// it.
//
// The result has one entry per item. IngestBatch returns an error only if
// it stopped before the end (the context, a failure of the store); the
// items it did not get to carry that error too.
func (s *Store) IngestBatch(ctx context.Context, items []BatchItem) ([]BatchResult, error) {
	res := make([]BatchResult, len(items))
	fail := func(from int, err error) ([]BatchResult, error) {
		for i := from; i < len(res); i++ {
			if res[i].Outcome == 0 && res[i].Err == nil {
				res[i].Err = err
			}
		}
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return fail(0, err)
	}
	if s.readOnly {
		return fail(0, ErrReadOnly)
	}
	docs := make([]Document, len(items))
	todo := make([]int, 0, len(items))
	for i, it := range items {
		doc, err := prepareDoc(it.Article, it.Document)
		if err != nil {
			res[i].Err = err
			continue
		}
		docs[i] = doc
		todo = append(todo, i)
	}

	s.putMu.Lock()
	defer s.putMu.Unlock()
	for len(todo) > 0 {
		if err := ctx.Err(); err != nil {
			return fail(0, err)
		}
		limit := len(todo)
		if s.batchCap > 0 {
			limit = min(limit, s.batchCap)
		}
		n, err := s.commitBatch(ctx, items, docs, todo, res, limit)
		if err != nil {
			return fail(0, err)
		}
		todo = todo[n:]
	}
	return res, nil
}

// commitBatch writes the first documents of todo, at most limit, in one
// transaction and returns how many of them it settled (stored, found
// unchanged, or refused). A document that fails half-written spoils the
// transaction: the documents before it are written again without it and
// committed, and it is tried again at the head of the next batch, alone
// in its transaction if it fails there too.
func (s *Store) commitBatch(ctx context.Context, items []BatchItem, docs []Document, todo []int, res []BatchResult, limit int) (int, error) {
	if s.countersGen != s.generation.Load() {
		s.counters = nil // written by something else meanwhile
	}
	if s.hot.gen != s.generation.Load() || s.hot.ents.size == nil {
		s.hot.reset(s.generation.Load())
	}
	b := newBatch(s)
	defer b.discard()
	added := false
	for k, i := range todo[:limit] {
		out, err := b.put(ctx, items[i], &docs[i])
		if err == nil {
			res[i] = BatchResult{Outcome: out}
			added = added || out == Added
			continue
		}
		id := docs[i].ID
		if ctx.Err() != nil {
			return 0, ctx.Err()
		}
		if errors.Is(err, ErrConflict) {
			// Refused before writing anything: the batch is intact.
			res[i].Err = fmt.Errorf("graph: put %s: %w", id, err)
			continue
		}
		if k > 0 {
			b.discard()
			for _, j := range todo[:k] {
				res[j] = BatchResult{}
			}
			return s.commitBatch(ctx, items, docs, todo, res, k)
		}
		if errors.Is(err, badger.ErrTxnTooBig) {
			err = ErrTooBig
		}
		res[i].Err = fmt.Errorf("graph: put %s: %w", id, err)
		if !errors.Is(err, ErrTooBig) {
			// Not this document's fault: stop here.
			return 0, res[i].Err
		}
		return 1, nil
	}
	if err := b.commit(); err != nil {
		s.counters = nil
		if errors.Is(err, badger.ErrTxnTooBig) && limit > 1 {
			// Refused before anything was written: the cache holds.
			// The counters tipped the batch over: halve it, and start
			// the next ones smaller too (not after a document that
			// overflowed on its own above: that is the document, not
			// the batch).
			s.batchCap = max(limit*3/4, 1)
			for _, j := range todo[:limit] {
				res[j] = BatchResult{}
			}
			b.discard()
			return s.commitBatch(ctx, items, docs, todo, res, limit/2)
		}
		// Whether a failed commit wrote anything is Badger's business.
		s.committed(nil)
		s.hot.reset(s.generation.Load())
		for _, j := range todo[:limit] {
			res[j] = BatchResult{}
		}
		return 0, fmt.Errorf("graph: commit: %w", err)
	}
	if added || len(b.txn.changed) > 0 {
		s.committed(b.txn.changed)
	}
	if limit == s.batchCap && limit < len(todo) {
		s.batchCap++ // documents may have got smaller
	}
	s.keepCounters(b.counters)
	s.keepHot(b)
	return limit, nil
}

// batch is the state shared by the documents of one transaction.
type batch struct {
	store *Store
	db    *badger.DB
	txn   writeTxn
	snap  *badger.Txn    // read-only view of what was committed before the batch
	stats map[string]int // counter key -> delta, written once at commit

	// speakerKeys holds, by speaker, the date/qid positions of the qs/
	// keys that the batch's finished documents set (true) or deleted
	// (false): findQuote reads earlier documents through snap, which
	// cannot see them.
	speakerKeys map[string]map[string]bool

	// quoteSigs holds the qs/ values (variant signatures) of the quotes
	// the batch's documents wrote, the current one's included, by quote
	// ID: the variant search reads those records through txn, which sees
	// the batch's writes, so it must take their signatures from the same
	// writes, not from snap.
	quoteSigs map[string][]byte

	// ranks and coocs hold the entity ranks (y/) and mentioned_with edges
	// (c/, cr/) the batch changed, written once at commit: a busy entity
	// or edge is in many of the batch's documents, and each write is an
	// insert into Badger's memtable. Nothing reads y/ or cr/ while
	// writing; c/ is read through cooc.
	ranks map[string]*rankMove
	coocs map[[2]string]*pendingEdge

	// ents and names are the entity records and name lists the batch
	// read or wrote, as it left them; see batchview.go.
	ents     map[string]hotVal[Entity]
	names    map[string]hotVal[[]nameEntry]
	variants map[string]hotVal[[]string] // of quotes, by ID

	counters map[string]uint64 // counter values the batch writes at commit
}

// maxCachedCounters bounds Store.counters: a word counter for every word
// ever quoted, and a degree for every entity, would grow with the store.
const maxCachedCounters = 1 << 18

// keepCounters remembers the counter values just committed.
func (s *Store) keepCounters(m map[string]uint64) {
	if s.counters == nil || len(s.counters)+len(m) > maxCachedCounters {
		s.counters = make(map[string]uint64, len(m))
	}
	for k, v := range m {
		s.counters[k] = v
	}
	s.countersGen = s.generation.Load()
}

// counter reads the committed value of the counter at key.
func (b *batch) counter(key string) (uint64, error) {
	if n, ok := b.store.counters[key]; ok {
		return n, nil
	}
	return getUint(b.txn.Txn, key)
}

// rankMove is an entity's move in the ranking by mentions: from is its
// mention count before the batch (-1: not ranked yet).
type rankMove struct {
	typ      string
	from, to int
}

// pendingEdge is a mentioned_with edge as the batch leaves it; before is its
// weight before the batch (-1: none).
type pendingEdge struct {
	c      cooc
	before int
}

// moveRank records that entity gid of type typ now has to mentions; it
// had from before this document, or none if created.
func (b *batch) moveRank(gid, typ string, from int, created bool, to int) {
	m := b.ranks[gid]
	if m == nil {
		m = &rankMove{typ: typ, from: from}
		if created {
			m.from = -1
		}
		b.ranks[gid] = m
	}
	m.to = to
}

// cooc returns the edge between the pair p (p[0] < p[1]) for update, and
// whether it existed before this document. absent says the store has no
// such edge if the batch has not made it.
func (b *batch) cooc(p [2]string, absent bool) (*pendingEdge, bool, error) {
	if e := b.coocs[p]; e != nil {
		return e, true, nil
	}
	e := &pendingEdge{before: -1}
	found := false
	if !absent {
		var err error
		if found, err = b.committedEdge(p, &e.c); err != nil {
			return nil, false, err
		}
	}
	if found {
		e.before = e.c.Weight
	}
	b.coocs[p] = e
	return e, found, nil
}

// committedEdge reads the edge between the pair p as committed, from the
// hot cache or the store, into c, and reports whether there is one.
func (b *batch) committedEdge(p [2]string, c *cooc) (bool, error) {
	if x, ok := b.store.hot.edges.get(p[0] + sep + p[1]); ok {
		*c = x.v
		return x.found, nil
	}
	return getJSON(b.txn.Txn, kCooc(p[0], p[1]), c)
}

// flush writes what the batch held back: ranks, edges and counters.
func (b *batch) flush() error {
	for _, gid := range sortedKeys(b.ranks) {
		m := b.ranks[gid]
		if m.from == m.to {
			continue
		}
		for _, t := range []string{m.typ, "*"} {
			if m.from >= 0 {
				if err := b.txn.Delete([]byte(kRank(t, m.from, gid))); err != nil {
					return err
				}
			}
			if err := b.txn.Set([]byte(kRank(t, m.to, gid)), nil); err != nil {
				return err
			}
		}
	}
	pairs := make([][2]string, 0, len(b.coocs))
	for p := range b.coocs {
		pairs = append(pairs, p)
	}
	slices.SortFunc(pairs, func(x, y [2]string) int {
		if c := strings.Compare(x[0], y[0]); c != 0 {
			return c
		}
		return strings.Compare(x[1], y[1])
	})
	for _, p := range pairs {
		e := b.coocs[p]
		if e.before != e.c.Weight {
			if e.before >= 0 {
				for _, k := range []string{kCoocRank(p[0], e.before, p[1]), kCoocRank(p[1], e.before, p[0])} {
					if err := b.txn.Delete([]byte(k)); err != nil {
						return err
					}
				}
			}
			for _, k := range []string{kCoocRank(p[0], e.c.Weight, p[1]), kCoocRank(p[1], e.c.Weight, p[0])} {
				if err := b.txn.Set([]byte(k), nil); err != nil {
					return err
				}
			}
		}
		if err := setJSON(b.txn, kCooc(p[0], p[1]), &e.c); err != nil {
			return err
		}
	}
	for _, k := range sortedKeys(b.stats) {
		d := b.stats[k]
		if d == 0 {
			continue
		}
		n, err := b.counter(k)
		if err != nil {
			return err
		}
		v := max(int64(n)+int64(d), 0)
		if v == 0 {
			err = b.txn.Delete([]byte(k))
		} else {
			err = b.txn.Set([]byte(k), binary.BigEndian.AppendUint64(nil, uint64(v)))
		}
		if err != nil {
			return err
		}
		b.counters[k] = uint64(v)
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func newBatch(s *Store) *batch {
	return &batch{store: s, db: s.db, txn: newWriteTxn(s.db.NewTransaction(true)), stats: map[string]int{},
		ranks: map[string]*rankMove{}, coocs: map[[2]string]*pendingEdge{}, counters: map[string]uint64{},
		ents: map[string]hotVal[Entity]{}, names: map[string]hotVal[[]nameEntry]{},
		variants: map[string]hotVal[[]string]{}, quoteSigs: map[string][]byte{}}
}

// put adds one document to the batch.
func (b *batch) put(ctx context.Context, it BatchItem, doc *Document) (Outcome, error) {
	var old Document
	found, err := getJSON(b.txn.Txn, kDoc(doc.ID), &old)
	if err != nil {
		return 0, err
	}
	if found {
		if old.Hash == doc.Hash {
			return Unchanged, nil
		}
		return 0, fmt.Errorf("%w: %s", ErrConflict, doc.ID)
	}
	d := *doc // the counts filled in by put stay out of the caller's copy
	w := &putter{ctx: ctx, txn: b.txn, db: b.db, doc: &d, text: it.Article.Text, b: b}
	if err := w.put(it.Document); err != nil {
		return 0, err
	}
	for sid, ps := range w.speakerKeys {
		if b.speakerKeys == nil {
			b.speakerKeys = map[string]map[string]bool{}
		}
		m := b.speakerKeys[sid]
		if m == nil {
			m = map[string]bool{}
			b.speakerKeys[sid] = m
		}
		for pos, set := range ps {
			m[pos] = set
		}
	}
	return Added, nil
}

// snapshot returns a read-only transaction over the data committed before
// the batch. Its iterators skip the sort of the batch's pending writes that
// an iterator of txn pays each time.
func (b *batch) snapshot() *badger.Txn {
	if b.snap == nil {
		b.snap = b.db.NewTransaction(false)
	}
	return b.snap
}

func (b *batch) commit() error {
	if err := b.flush(); err != nil {
		return err
	}
	return b.txn.Commit()
}

func (b *batch) discard() {
	if b.snap != nil {
		b.snap.Discard()
		b.snap = nil
	}
	b.txn.Discard()
}

// speakerPositions returns the date/qid positions of speaker sid in
// [lo, hi) that earlier documents of the batch filed under qs/, sorted,
// and the positions whose qs/ key they set or deleted: the snapshot's view
// of those is out of date.
func (b *batch) speakerPositions(sid, lo, hi string) (added []string, changed map[string]bool) {
	changed = b.speakerKeys[sid]
	for pos, set := range changed {
		if set && pos >= lo && pos < hi {
			added = append(added, pos)
		}
	}
	slices.Sort(added)
	return added, changed
}
