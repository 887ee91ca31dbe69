package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// The sources of quotes, events and relations (facts) are keys, not lists
// in their records (format 6): a quote every outlet carries gains a
// source with most documents, and a list made each of them rewrite the
// record with all the sources before it, then every compaction rewrite it
// again. fs/FID/INDEX holds the INDEX-th source of fact FID in the order
// stored, so a page of sources is a prefix read; xf/DOC/FID lists a
// document's facts, so a delete finds them without reading every record.
// The record keeps the count (SourceCount). Fact IDs start with "q", "v"
// or "r", so one table serves the three.

// kFactSource is the key of fact fid's i-th source.
func kFactSource(fid string, i int) string {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], uint32(i))
	return factSourcePrefix(fid) + string(b[:])
}

func factSourcePrefix(fid string) string { return pFactSource + fid + sep }
func kDocFact(doc, fid string) string    { return pDocFact + doc + sep + fid }
func docFactPrefix(doc string) string    { return pDocFact + doc + sep }

// encodeSource gives the value of an fs/ key: start and end as uvarints,
// then the document ID.
func encodeSource(s Source) []byte {
	b := binary.AppendUvarint(nil, uint64(s.Start))
	b = binary.AppendUvarint(b, uint64(s.End))
	return append(b, s.Document...)
}

func decodeSource(v []byte) (Source, error) {
	start, n := binary.Uvarint(v)
	if n <= 0 || start > math.MaxInt32 {
		return Source{}, fmt.Errorf("malformed source %q", v)
	}
	end, m := binary.Uvarint(v[n:])
	if m <= 0 || end > math.MaxInt32 {
		return Source{}, fmt.Errorf("malformed source %q", v)
	}
	return Source{Document: string(v[n+m:]), Start: int(start), End: int(end)}, nil
}

// sourceIndex is the INDEX that ends an fs/ key, or -1 if it is not one.
func sourceIndex(index []byte) int {
	if len(index) != 4 {
		return -1
	}
	return int(binary.BigEndian.Uint32(index))
}

// sourceCursor reads the sources of the facts of a table walked in ID
// order (see keyCursor): each calls fn with the INDEX bytes of every
// fs/ key of fact fid, and the source it holds.
type sourceCursor struct{ *keyCursor }

func newSourceCursor(txn *badger.Txn) sourceCursor {
	return sourceCursor{newKeyCursor(txn, pFactSource, func(rest []byte) (id, tail []byte) {
		id, tail, _ = bytes.Cut(rest, []byte(sep)) // a fact ID holds no NUL
		return id, tail
	})}
}

func (c sourceCursor) each(fid string, fn func(index []byte, s Source) error) error {
	return c.keyCursor.each(fid, func(index []byte, item *badger.Item) error {
		s, err := itemSource(item)
		if err != nil {
			return err
		}
		return fn(index, s)
	})
}

// of returns the sources of fact fid.
func (c sourceCursor) of(fid string) ([]Source, error) {
	var out []Source
	err := c.each(fid, func(_ []byte, s Source) error {
		out = append(out, s)
		return nil
	})
	return out, err
}

// readSources returns up to limit of fact fid's sources in the order
// stored (all of them when limit < 0).
func readSources(txn *badger.Txn, fid string, limit int) ([]Source, error) {
	out := []Source{}
	if limit == 0 {
		return out, nil
	}
	err := iterPrefix(txn, factSourcePrefix(fid), func(k []byte, item *badger.Item) (bool, error) {
		s, err := itemSource(item)
		if err != nil {
			return false, err
		}
		out = append(out, s)
		return limit < 0 || len(out) < limit, nil
	})
	return out, err
}

// itemSource decodes the source an fs/ item holds.
func itemSource(item *badger.Item) (Source, error) {
	var s Source
	err := item.Value(func(v []byte) error {
		var err error
		s, err = decodeSource(v)
		return err
	})
	if err != nil {
		return s, fmt.Errorf("%q: %w", item.Key(), err)
	}
	return s, nil
}

// fileSource files s as fact fid's i-th source through set (a
// transaction's, or an upgrade's batch): its fs/ key, and its document's
// xf/ key.
func fileSource(set func(k, v []byte) error, fid string, i int, s Source) error {
	if err := set([]byte(kFactSource(fid, i)), encodeSource(s)); err != nil {
		return err
	}
	return set([]byte(kDocFact(s.Document, fid)), nil)
}

// setSources files srcs as fact fid's sources 0 to len-1 and returns how
// many there are. It writes over, and does not remove, keys already
// there: callers clear a fact's sources first when it loses some.
func setSources(txn writeTxn, fid string, srcs []Source) (int, error) {
	for i, s := range srcs {
		if err := fileSource(txn.Set, fid, i, s); err != nil {
			return 0, err
		}
	}
	return len(srcs), nil
}

// clearSources deletes the keys of fact fid's sources srcs (all it has)
// and their document index keys.
func clearSources(txn writeTxn, fid string, srcs []Source) error {
	for i, s := range srcs {
		if err := txn.Delete([]byte(kFactSource(fid, i))); err != nil {
			return err
		}
		if err := txn.Delete([]byte(kDocFact(s.Document, fid))); err != nil {
			return err
		}
	}
	return nil
}

// Sources returns up to first of the sources of the quote, event or
// relation id, in the order they were stored (all of them when first <
// 0). Quote, Event and Relation fill Sources; the lists of them only
// count them, for a client that pages them. Whole lists are kept until a
// write adds to them: a page of a much-quoted speaker's quotes asks for
// the same ones again and again.
func (s *Store) Sources(ctx context.Context, id string, first int) ([]Source, error) {
	gen := s.Generation()
	if all, ok := s.srcLists.get(gen, id); ok {
		readSetOf(ctx).noteCached(s, &s.srcLists, id)
		if first >= 0 && first < len(all) {
			all = all[:first]
		}
		return slices.Clone(all), nil
	}
	var out []Source
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		out, err = readSources(txn, id, first)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("graph: sources of %q: %w", id, err)
	}
	if first < 0 || len(out) < first {
		s.srcLists.put(gen, id, slices.Clone(out))
	}
	return out, nil
}
