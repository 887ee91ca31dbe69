package graph

import (
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"slices"

	"github.com/dgraph-io/badger/v4"
)

// A quote's sources are keys, not a list in its record (format 6): a
// quote every outlet carries gains a source with most documents, and a
// list made each of them rewrite the record with all the sources before
// it, then every compaction rewrite it again. qo/QID/INDEX holds the
// INDEX-th source in the order stored, so a page of sources is a prefix
// read; xq/DOC/QID lists a document's quotes, so a delete finds them
// without reading every quote. The record keeps the count (SourceCount).

// kQSource is the key of quote qid's i-th source.
func kQSource(qid string, i int) string {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], uint32(i))
	return qSourcePrefix(qid) + string(b[:])
}

func qSourcePrefix(qid string) string  { return pQSource + qid + sep }
func kDocQuote(doc, qid string) string { return pDocQuote + doc + sep + qid }
func docQuotePrefix(doc string) string { return pDocQuote + doc + sep }
func encodeSource(s Source) []byte     { return appendSource(nil, s) }
func appendSource(b []byte, s Source) []byte {
	b = binary.AppendUvarint(b, uint64(s.Start))
	b = binary.AppendUvarint(b, uint64(s.End))
	return append(b, s.Document...)
}

// decodeSource reads a qo/ value: start and end as uvarints, then the
// document ID.
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

// sourceIndex is the INDEX of a qo/ key, or -1 if the key has none.
func sourceIndex(k []byte, qid string) int {
	rest := k[len(qSourcePrefix(qid)):]
	if len(rest) != 4 {
		return -1
	}
	return int(binary.BigEndian.Uint32(rest))
}

// readQuoteSources returns up to limit of quote qid's sources in the order
// stored (all of them when limit < 0).
func readQuoteSources(txn *badger.Txn, qid string, limit int) ([]Source, error) {
	out := []Source{}
	if limit == 0 {
		return out, nil
	}
	err := iterPrefix(txn, qSourcePrefix(qid), true, func(k []byte, item *badger.Item) (bool, error) {
		s, err := itemSource(item)
		if err != nil {
			return false, err
		}
		out = append(out, s)
		return limit < 0 || len(out) < limit, nil
	})
	return out, err
}

// itemSource decodes the source a qo/ item holds.
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

// setQuoteSources writes q's sources as keys 0 to len-1, with their
// document index keys, and sets SourceCount. It writes over, and does not
// remove, keys already there: callers clear a quote's sources first when
// it loses some.
func setQuoteSources(txn *badger.Txn, q *Quote) error {
	for i, s := range q.Sources {
		if err := txn.Set([]byte(kQSource(q.ID, i)), encodeSource(s)); err != nil {
			return err
		}
		if err := txn.Set([]byte(kDocQuote(s.Document, q.ID)), nil); err != nil {
			return err
		}
	}
	q.SourceCount = len(q.Sources)
	return nil
}

// clearQuoteSources deletes quote qid's n source keys, read from srcs, and
// their document index keys.
func clearQuoteSources(txn *badger.Txn, qid string, srcs []Source) error {
	for i, s := range srcs {
		if err := txn.Delete([]byte(kQSource(qid, i))); err != nil {
			return err
		}
		if err := txn.Delete([]byte(kDocQuote(s.Document, qid))); err != nil {
			return err
		}
	}
	return nil
}

// QuoteSources returns up to first of quote id's sources, in the order
// they were stored (all of them when first < 0). Quote fills Sources; the
// lists of quotes (Quotes) only count them, for a client that pages them.
// Whole lists are kept until the next write: a page of a much-quoted
// speaker's quotes asks for the same ones again and again.
func (s *Store) QuoteSources(ctx context.Context, id string, first int) ([]Source, error) {
	gen := s.Generation()
	if all, ok := s.quoteSrcs.get(gen, id); ok {
		if first >= 0 && first < len(all) {
			all = all[:first]
		}
		return slices.Clone(all), nil
	}
	var out []Source
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		out, err = readQuoteSources(txn, id, first)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("graph: sources of quote %q: %w", id, err)
	}
	if first < 0 || len(out) < first {
		s.quoteSrcs.put(gen, id, slices.Clone(out))
	}
	return out, nil
}
