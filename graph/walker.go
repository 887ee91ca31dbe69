package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/kind"
)

// Walker returns a Walker over the whole store. Each call to Nodes or Edges
// reads one consistent snapshot, streaming with Badger iterators: memory
// stays flat however large the graph.
//
// Nodes are entities (IDs "person:…", "org:…", "place:…", "event:…"),
// then events (IDs "v…", type EVENT), then quotes (IDs "q…", type QUOTE).
// Edges are said (speaker -> quote), said_about (quote -> entity it
// mentions), participated_in (entity -> event), located_in (event ->
// place), the extracted relations (role_of, works_for, …) and
// mentioned_with (co-occurrence in a sentence, weight = shared sentences,
// one edge per pair from the smaller ID).
func (s *Store) Walker() Walker { return storeWalker{s: s} }

// Snapshot returns a Walker whose Nodes and Edges both read one snapshot of
// the store, so that an export made while documents are being ingested
// never lists an edge whose ends it did not list. Call release when done;
// the snapshot keeps old versions alive until then.
func (s *Store) Snapshot() (w Walker, release func()) {
	txn := s.db.NewTransaction(false)
	return storeWalker{s: s, txn: txn}, txn.Discard
}

type storeWalker struct {
	s   *Store
	txn *badger.Txn // the snapshot to read, or nil for a fresh one per walk
}

func (w storeWalker) view(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if w.txn == nil {
		return w.s.view(ctx, fn)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return fn(w.txn)
}

func (w storeWalker) Nodes(ctx context.Context, fn func(Node) error) error {
	return w.view(ctx, func(txn *badger.Txn) error {
		// Dates live under ed/EID/DATE, in the same EID order as e/EID:
		// walk them side by side.
		dates := newDateCursor(txn, pEntDate)
		defer dates.close()
		roles := newRoleCursor(txn) // ro/EID/ROLE, the same way
		defer roles.close()
		err := eachValue(ctx, txn, pEnt, func(id string, b []byte) error {
			var e Entity
			if err := json.Unmarshal(b, &e); err != nil {
				return err
			}
			e.Dates = dates.of(id)
			var err error
			if e.Roles, err = roles.of(id); err != nil {
				return err
			}
			return fn(entityNode(&e))
		})
		if err != nil {
			return err
		}
		// Sources live under fs/FID/INDEX, in the order of v/ and of q/.
		eventSources := newSourceCursor(txn)
		defer eventSources.close()
		err = eachValue(ctx, txn, pEvent, func(id string, b []byte) error {
			var e Event
			if err := json.Unmarshal(b, &e); err != nil {
				return err
			}
			label := e.Text
			if label == "" {
				label = e.Type
			}
			srcs, err := eventSources.of(id)
			if err != nil {
				return err
			}
			return fn(factNode(e.ID, label, "EVENT", e.Date, srcs))
		})
		if err != nil {
			return err
		}
		quoteSources := newSourceCursor(txn)
		defer quoteSources.close()
		return eachValue(ctx, txn, pQuote, func(id string, b []byte) error {
			var q Quote
			if err := json.Unmarshal(b, &q); err != nil {
				return err
			}
			srcs, err := quoteSources.of(id)
			if err != nil {
				return err
			}
			return fn(factNode(q.ID, q.Text, "QUOTE", q.Date, srcs))
		})
	})
}

func factNode(id, label, typ, date string, srcs []Source) Node {
	docs := map[string]bool{}
	for _, s := range srcs {
		docs[s.Document] = true
	}
	n := Node{ID: id, Label: label, Type: typ, Mentions: len(srcs), Sources: len(docs),
		FirstSeen: date, LastSeen: date}
	if date != "" {
		n.Dates = []string{date}
	}
	return n
}

func (w storeWalker) Edges(ctx context.Context, fn func(Edge) error) error {
	return w.view(ctx, func(txn *badger.Txn) error {
		err := eachValue(ctx, txn, pQuote, func(_ string, b []byte) error {
			var q Quote
			if err := json.Unmarshal(b, &q); err != nil {
				return err
			}
			weight := float64(q.SourceCount)
			if q.SpeakerID != "" {
				if err := fn(dated(Edge{ID: "said:" + q.ID, Source: q.SpeakerID, Target: q.ID,
					Type: kind.Said, Weight: weight}, q.Date)); err != nil {
					return err
				}
			}
			for _, a := range q.About {
				if a == q.SpeakerID {
					continue
				}
				if err := fn(dated(Edge{ID: "about:" + q.ID + "|" + a, Source: q.ID, Target: a,
					Type: kind.SaidAbout, Weight: weight}, q.Date)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = eachValue(ctx, txn, pEvent, func(_ string, b []byte) error {
			var e Event
			if err := json.Unmarshal(b, &e); err != nil {
				return err
			}
			weight := float64(e.SourceCount)
			for _, p := range e.Participants {
				if err := fn(dated(Edge{ID: "part:" + p + "|" + e.ID, Source: p, Target: e.ID,
					Type: kind.ParticipatedIn, Weight: weight}, e.Date)); err != nil {
					return err
				}
			}
			if e.Place != "" {
				return fn(dated(Edge{ID: "loc:" + e.ID + "|" + e.Place, Source: e.ID, Target: e.Place,
					Type: kind.LocatedIn, Weight: weight}, e.Date))
			}
			return nil
		})
		if err != nil {
			return err
		}
		err = eachValue(ctx, txn, pRel, func(_ string, b []byte) error {
			var r Relation
			if err := json.Unmarshal(b, &r); err != nil {
				return err
			}
			return fn(relationEdge(&r))
		})
		if err != nil {
			return err
		}
		// Edge dates live under ct/A/B/DATE, in the order of c/A/B.
		dates := newDateCursor(txn, pCoocDate)
		defer dates.close()
		return eachValue(ctx, txn, pCooc, func(pos string, b []byte) error {
			a, bID, ok := strings.Cut(pos, sep)
			if !ok {
				return fmt.Errorf("%w: edge key %q", ErrInconsistent, pos)
			}
			var c cooc
			if err := json.Unmarshal(b, &c); err != nil {
				return err
			}
			c.Dates = dates.of(pos)
			return fn(coocToEdge(a, bID, c))
		})
	})
}

// keyCursor walks a table of keys TABLE/ID/... filed under the records
// of another table, beside a walk of those records in ID order: one pass
// over each table, rather than a seek for every record.
type keyCursor struct {
	it      *badger.Iterator
	prefix  []byte
	started bool
	// split parts a key's rest, after the prefix, into the record's ID
	// and what follows it.
	split func(rest []byte) (id, tail []byte)
}

func newKeyCursor(txn *badger.Txn, table string, split func(rest []byte) (id, tail []byte)) *keyCursor {
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = []byte(table)
	return &keyCursor{it: iterate(txn, opts), prefix: opts.Prefix, split: split}
}

// each calls fn with the tail and item of every key filed under record
// id, in key order. IDs must be asked in increasing order; the first one
// asked seeks.
func (c *keyCursor) each(id string, fn func(tail []byte, item *badger.Item) error) error {
	if !c.started {
		c.it.Seek(append(slices.Clip(c.prefix), id...))
		c.started = true
	}
	want := []byte(id)
	for ; c.it.ValidForPrefix(c.prefix); c.it.Next() {
		item := c.it.Item()
		kid, tail := c.split(item.Key()[len(c.prefix):])
		if cmp := bytes.Compare(kid, want); cmp > 0 {
			break
		} else if cmp == 0 {
			if err := fn(tail, item); err != nil {
				return err
			}
		}
	}
	return nil
}

func (c *keyCursor) close() { c.it.Close() }

// dateCursor reads the dates filed as keys TABLE/ID/DATE (ed/EID/DATE,
// ct/A/B/DATE) for IDs asked in increasing order.
type dateCursor struct{ *keyCursor }

func newDateCursor(txn *badger.Txn, table string) dateCursor {
	return dateCursor{newKeyCursor(txn, table, func(rest []byte) (id, tail []byte) {
		// A date holds no NUL; an ID may (ct/A/B).
		i := bytes.LastIndexByte(rest, 0)
		return rest[:max(i, 0)], rest[i+1:]
	})}
}

func (c dateCursor) of(id string) []string {
	var out []string
	c.each(id, func(date []byte, _ *badger.Item) error { // fn never fails
		out = append(out, string(date))
		return nil
	})
	return out
}

func dated(e Edge, date string) Edge {
	if date != "" {
		e.FirstSeen, e.LastSeen, e.Dates = date, date, []string{date}
	}
	return e
}

// eachValue calls fn with the key suffix and value of every key under
// prefix, checking ctx as it goes.
func eachValue(ctx context.Context, txn *badger.Txn, prefix string, fn func(pos string, v []byte) error) error {
	i := 0
	return iterPrefix(txn, prefix, func(k []byte, item *badger.Item) (bool, error) {
		if i++; i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return false, err
			}
		}
		pos := string(k[len(prefix):])
		err := item.Value(func(b []byte) error { return fn(pos, b) })
		if err != nil {
			return false, fmt.Errorf("%q: %w", k, err)
		}
		return true, nil
	})
}
