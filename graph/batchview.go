package graph

import (
	"encoding/json"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/kind"
)

// The batch's view of the records it resolves names with: entities (e/)
// and the name index (n/). A record the batch read or wrote is kept in
// batch.ents or batch.names, as the batch last left it; one it has not is
// taken from the Store's hotCache, which holds committed values only,
// else read from the transaction. The values in these maps are never
// modified (they may be shared with the cache): a caller that changes a
// record works on a copy and stores it back with putEntity or putNames.

// entity returns the record of entity id as the batch sees it, for
// reading only.
func (b *batch) entity(id string) (hotVal[Entity], error) {
	if x, ok := b.ents[id]; ok {
		return x, nil
	}
	if x, ok := b.store.hot.ents.get(id); ok {
		b.ents[id] = x
		return x, nil
	}
	var x hotVal[Entity]
	found, err := getJSON(b.txn.Txn, kEnt(id), &x.v)
	if err != nil {
		return x, err
	}
	x.found = found
	b.ents[id] = x
	return x, nil
}

// putEntity writes e and makes it the batch's view of it.
func (b *batch) putEntity(e *Entity) error {
	key := kEnt(e.ID)
	v, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("encode %q: %w", key, err)
	}
	if err := b.txn.Set([]byte(key), v); err != nil {
		return err
	}
	x := hotVal[Entity]{v: cloneEntity(*e), found: true}
	if !entityValidUTF8(e) {
		// Keep what a read of the store would give.
		x.v = Entity{}
		if err := json.Unmarshal(v, &x.v); err != nil {
			return fmt.Errorf("decode %q: %w", key, err)
		}
	}
	b.ents[e.ID] = x
	return nil
}

// namesAt returns the entities filed under the normalised name n, for
// reading only.
func (b *batch) namesAt(n string) ([]nameEntry, error) {
	if x, ok := b.names[n]; ok {
		return x.v, nil
	}
	if x, ok := b.store.hot.names.get(n); ok {
		b.names[n] = x
		return x.v, nil
	}
	es, err := namesAt(b.txn.Txn, n)
	if err != nil {
		return nil, err
	}
	b.names[n] = hotVal[[]nameEntry]{v: es, found: es != nil}
	return es, nil
}

// addNameEntry files e under the normalised name n.
func (b *batch) addNameEntry(n string, e nameEntry) error {
	es, err := b.namesAt(n)
	if err != nil {
		return err
	}
	for _, x := range es {
		if x.ID == e.ID {
			return nil
		}
	}
	// A new list: es may be the cache's.
	es = append(slices.Clip(es), e)
	key := kName(n)
	v, err := json.Marshal(es)
	if err != nil {
		return fmt.Errorf("encode %q: %w", key, err)
	}
	if err := b.txn.Set([]byte(key), v); err != nil {
		return err
	}
	if !namesValidUTF8(es) {
		es = nil
		if err := json.Unmarshal(v, &es); err != nil {
			return fmt.Errorf("decode %q: %w", key, err)
		}
	}
	b.names[n] = hotVal[[]nameEntry]{v: es, found: true}
	return nil
}

// lookupName is pickByMentions through the batch's view.
func (b *batch) lookupName(n string, t kind.Entity) (string, error) {
	return pickByMentions(b, n, t)
}

// nameView is what resolving a name reads: the name index, and the
// entities it lists.
type nameView interface {
	namesAt(n string) ([]nameEntry, error)
	mentions(id string) (int, error)
}

// mentions is an entity's mention count as the batch sees it.
func (b *batch) mentions(id string) (int, error) {
	x, err := b.entity(id)
	return x.v.Mentions, err
}

// txnView reads names and entities straight from a transaction.
type txnView struct{ txn *badger.Txn }

func (v txnView) namesAt(n string) ([]nameEntry, error) { return namesAt(v.txn, n) }

// mentions decodes the one field of the entity's record it needs: a
// much-quoted person's record holds dozens of aliases, and a query naming
// one decoded them all.
func (v txnView) mentions(id string) (int, error) {
	var e struct {
		Mentions int `json:"mentions"`
	}
	_, err := getJSON(v.txn, kEnt(id), &e)
	return e.Mentions, err
}

func (v txnView) entity(id string) (hotVal[Entity], error) {
	var x hotVal[Entity]
	found, err := getJSON(v.txn, kEnt(id), &x.v)
	x.found = found
	return x, err
}

// quoteVariants returns the variants of quote id as the batch sees them,
// for reading only. Only the words matter to the variant search: decoding
// the rest (text, speakers, the entities it is about) would be wasted.
func (b *batch) quoteVariants(id string) (hotVal[[]string], error) {
	if x, ok := b.variants[id]; ok {
		return x, nil
	}
	if x, ok := b.store.hot.quotes.get(id); ok {
		b.variants[id] = x
		return x, nil
	}
	var c struct {
		Variants []string `json:"variants"`
	}
	found, err := getJSON(b.txn.Txn, kQuote(id), &c)
	if err != nil {
		return hotVal[[]string]{}, err
	}
	x := hotVal[[]string]{v: c.Variants, found: found}
	b.variants[id] = x
	return x, nil
}

// putQuote writes q and makes its variants the batch's view of them.
func (b *batch) putQuote(q *Quote) error {
	key := kQuote(q.ID)
	v, err := json.Marshal(q)
	if err != nil {
		return fmt.Errorf("encode %q: %w", key, err)
	}
	if err := b.txn.Set([]byte(key), v); err != nil {
		return err
	}
	x := hotVal[[]string]{v: slices.Clone(q.Variants), found: true}
	for _, s := range q.Variants {
		if !utf8.ValidString(s) {
			// Keep what a read of the store would give.
			var c struct {
				Variants []string `json:"variants"`
			}
			if err := json.Unmarshal(v, &c); err != nil {
				return fmt.Errorf("decode %q: %w", key, err)
			}
			x.v = c.Variants
			break
		}
	}
	b.variants[q.ID] = x
	return nil
}
