package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"
)

// Backup writes a full backup of the store to w, in Badger's backup
// format. It reads one snapshot; ingest may go on meanwhile.
func (s *Store) Backup(ctx context.Context, w io.Writer) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	stream := s.db.NewStream()
	stream.LogPrefix = "graph.Backup"
	if _, err := stream.Backup(w, 0); err != nil {
		return fmt.Errorf("graph: backup: %w", err)
	}
	return nil
}

// Restore loads a backup written by Backup into the store, which should be
// empty. It upgrades a backup of an older format and refuses one of a
// newer format.
func (s *Store) Restore(ctx context.Context, r io.Reader) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.readOnly {
		return ErrReadOnly
	}
	s.putMu.Lock()
	defer s.putMu.Unlock()
	err := s.db.Load(r, 256)
	// Even a failed load may have written part of the backup.
	s.committed(nil)
	if err != nil {
		return fmt.Errorf("graph: restore: %w", err)
	}
	// A backup of an older format is upgraded like an older store.
	if err := s.upgrade(ctx); err != nil {
		return err
	}
	return s.checkVersion()
}

// RunGC reclaims space in Badger's value log, rewriting files that are at
// least half garbage, until none is left. Call it now and then on a
// long-running store; it is a no-op in memory.
func (s *Store) RunGC(ctx context.Context) error {
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		err := s.db.RunValueLogGC(0.5)
		if errors.Is(err, badger.ErrNoRewrite) || errors.Is(err, badger.ErrGCInMemoryMode) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("graph: value log GC: %w", err)
		}
	}
}

// maxProblems bounds the problems Verify lists.
const maxProblems = 20

// Verify checks the indexes against the records they point to: every
// record has its index keys, every index key points to a record that
// wants it, and the counters match. It returns nil, or an error wrapping
// ErrInconsistent that lists the first problems found.
func (s *Store) Verify(ctx context.Context) error {
	var problems []string
	bad := func(f string, a ...any) {
		if len(problems) < maxProblems {
			problems = append(problems, fmt.Sprintf(f, a...))
		}
	}
	err := s.view(ctx, func(txn *badger.Txn) error {
		counts := map[string]int{}
		// The quote index keys (and values) the quotes give, by table.
		expected := map[string]*keySetSum{pQSpeaker: newKeySetSum(), pQDate: newKeySetSum(), pQWord: newKeySetSum()}
		has := func(k string) bool {
			ok, _ := exists(txn, k)
			return ok
		}
		// The xf/ keys the facts' sources give, and how many sources.
		docFacts, factSources := newKeySetSum(), 0
		// checkSources checks the sources of the quote, event or relation
		// id, of which its record counts recorded, read through c.
		checkSources := func(c sourceCursor, id string, recorded int) error {
			n, docs := 0, map[string]bool{}
			err := c.each(id, func(index []byte, src Source) error {
				if i := sourceIndex(index); i != n {
					bad("%s: source key %q out of sequence: index %d at position %d", id, kFactSource(id, i), i, n)
				}
				n++
				if !docs[src.Document] {
					docs[src.Document] = true
					docFacts.add(kDocFact(src.Document, id), nil)
				}
				return nil
			})
			if err != nil {
				return err
			}
			factSources += n
			if n != recorded || n == 0 {
				bad("%s: %d sources recorded, %d filed", id, recorded, n)
			}
			for doc := range docs {
				if !has(kDoc(doc)) {
					bad("%s: source document %s missing", id, doc)
				}
			}
			return nil
		}
		// Records -> indexes.
		roles, entityRoles := newRoleCursor(txn), 0
		defer roles.close()
		err := eachValue(ctx, txn, pEnt, func(id string, b []byte) error {
			var e Entity
			if err := json.Unmarshal(b, &e); err != nil {
				return err
			}
			seqs := map[int]bool{}
			err := roles.each(id, func(_ []byte, item *badger.Item) error {
				r, err := itemRole(item)
				if err != nil {
					return err
				}
				entityRoles++
				if string(item.Key()) != kRole(id, r.Title, r.Org) {
					bad("entity %s: role %q of %q filed under %q", id, r.Title, r.Org, item.Key())
				}
				if r.Seq < 0 || r.Seq >= e.RolesFiled || seqs[r.Seq] {
					bad("entity %s: role %q has order %d, of %d filed", id, r.Title, r.Seq, e.RolesFiled)
				}
				seqs[r.Seq] = true
				return nil
			})
			if err != nil {
				return err
			}
			counts[statEntities]++
			counts[statType(e.Type.String())]++
			counts[statMentions] += e.Mentions
			if !has(kRank(e.Type.String(), e.Mentions, id)) || !has(kRank("*", e.Mentions, id)) {
				bad("entity %s: rank key missing", id)
			}
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				nn := NormName(n)
				if nn == "" || len(nn) > 256 {
					continue
				}
				es, err := namesAt(txn, nn)
				if err != nil {
					return err
				}
				if !slices.Contains(es, nameEntry{ID: id, Type: e.Type}) {
					bad("entity %s: name %q not indexed", id, n)
				}
			}
			docs := 0
			if err := iterPrefix(txn, pMent+id+sep, func([]byte, *badger.Item) (bool, error) {
				docs++
				return true, nil
			}); err != nil {
				return err
			}
			if docs != e.Documents {
				bad("entity %s: %d documents recorded, %d with mentions", id, e.Documents, docs)
			}
			return nil
		})
		if err != nil {
			return err
		}
		// With every entity's roles found, equal counts mean no role is
		// filed under an entity that is not there.
		if filed, err := countKeys(txn, pRole); err != nil {
			return err
		} else if filed != entityRoles {
			bad("roles: %d keys filed, %d under entities", filed, entityRoles)
		}
		quoteSources := newSourceCursor(txn)
		defer quoteSources.close()
		err = eachValue(ctx, txn, pQuote, func(id string, b []byte) error {
			var q Quote
			if err := json.Unmarshal(b, &q); err != nil {
				return err
			}
			counts[statQuotes]++
			sigs := quoteSigs(q.Variants)
			for _, k := range quoteIndexKeys(&q) {
				table := k[:strings.IndexByte(k, 0)+1]
				expected[table].add(k, quoteKeyValue(k, sigs))
			}
			if q.SpeakerID != "" && !has(kEnt(q.SpeakerID)) {
				bad("quote %s: speaker %s missing", id, q.SpeakerID)
			}
			return checkSources(quoteSources, id, q.SourceCount)
		})
		if err != nil {
			return err
		}
		// The quote indexes against the quotes: each table's keys and
		// values (a qs/ key's signatures: the variant search trusts them
		// to rule quotes out) must be those the quotes give. Fingerprints
		// of both sets compare them in one pass over each; only a table
		// whose fingerprints differ is checked key by key, to name what
		// is wrong. A read per key took minutes at 100,000 articles.
		for _, p := range []string{pQSpeaker, pQDate, pQWord} {
			var got keySetSum
			got.seed(expected[p])
			if err := iterPrefix(txn, p, func(k []byte, item *badger.Item) (bool, error) {
				var v []byte
				if p == pQSpeaker {
					var err error
					if v, err = item.ValueCopy(nil); err != nil {
						return false, err
					}
				}
				got.add(string(k), v)
				if got.n%(1<<16) == 0 {
					return true, ctx.Err()
				}
				return true, nil
			}); err != nil {
				return err
			}
			if got.equal(expected[p]) {
				continue
			}
			if err := checkQuoteIndex(ctx, txn, p, bad); err != nil {
				return err
			}
		}
		err = eachValue(ctx, txn, pName, func(n string, b []byte) error {
			var es []nameEntry
			if err := json.Unmarshal(b, &es); err != nil {
				return err
			}
			for _, e := range es {
				if !has(kEnt(e.ID)) {
					bad("name index %q: entity %s missing", n, e.ID)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, t := range []struct{ prefix, stat string }{{pEvent, statEvents}, {pRel, statRelations}} {
			sources := newSourceCursor(txn)
			err := eachValue(ctx, txn, t.prefix, func(id string, b []byte) error {
				var rec struct {
					SourceCount int `json:"n"`
				}
				if err := json.Unmarshal(b, &rec); err != nil {
					return err
				}
				counts[t.stat]++
				return checkSources(sources, id, rec.SourceCount)
			})
			sources.close()
			if err != nil {
				return err
			}
		}
		// With every fact's sources found, equal counts mean no source is
		// filed under a fact that is not there.
		filedSources, err := countKeys(txn, pFactSource)
		if err != nil {
			return err
		}
		if filedSources != factSources {
			bad("sources of facts: %d keys filed, %d under quotes, events and relations", filedSources, factSources)
		}
		gotDocFacts := keySetSum{}
		gotDocFacts.seed(docFacts)
		if err := iterPrefix(txn, pDocFact, func(k []byte, _ *badger.Item) (bool, error) {
			gotDocFacts.add(string(k), nil)
			return true, nil
		}); err != nil {
			return err
		}
		if !gotDocFacts.equal(docFacts) {
			bad("the documents' index of facts (%d keys) differs from the facts' sources (%d keys)", gotDocFacts.n, docFacts.n)
		}
		if counts[statDocs], err = countKeys(txn, pDoc); err != nil {
			return err
		}
		bySpeaker := map[string]int{}
		if err := iterPrefix(txn, pQSpeaker, func(k []byte, _ *badger.Item) (bool, error) {
			sid, _, _ := strings.Cut(string(k[len(pQSpeaker):]), sep)
			bySpeaker[sid]++
			return true, nil
		}); err != nil {
			return err
		}
		if err := iterPrefix(txn, pQSpeakN, func(k []byte, _ *badger.Item) (bool, error) {
			if sid := string(k[len(pQSpeakN):]); bySpeaker[sid] == 0 {
				bad("speaker %s: quote counter set, no quotes indexed", sid)
			}
			return true, nil
		}); err != nil {
			return err
		}
		for sid, n := range bySpeaker {
			got, err := getUint(txn, kQSpeakN(sid))
			if err != nil {
				return err
			}
			if int(got) != n {
				bad("speaker %s: quote counter %d, %d quotes indexed", sid, got, n)
			}
		}
		degree := map[string]int{}
		rankKeys, edgeDates := 0, 0
		dates := newDateCursor(txn, pCoocDate)
		err = iterPrefix(txn, pCooc, func(k []byte, item *badger.Item) (bool, error) {
			pos := string(k[len(pCooc):])
			a, b, _ := strings.Cut(pos, sep)
			degree[a]++
			degree[b]++
			rankKeys += 2 // one at each end
			counts[statEdges]++
			if a >= b {
				bad("mentioned_with %s-%s stored under its higher ID", a, b)
			}
			var c cooc
			if err := item.Value(func(v []byte) error { return jsonUnmarshal(v, &c) }); err != nil {
				return false, err
			}
			if !has(kCoocRank(a, c.Weight, b)) || !has(kCoocRank(b, c.Weight, a)) {
				bad("mentioned_with %s-%s (weight %d) missing from the weight index", a, b, c.Weight)
			}
			ds := dates.of(pos)
			edgeDates += len(ds)
			if first, last := "", ""; len(ds) > 0 {
				first, last = ds[0], ds[len(ds)-1]
				if c.First != first || c.Last != last {
					bad("mentioned_with %s-%s: dates %s to %s recorded, %s to %s filed", a, b, c.First, c.Last, first, last)
				}
			} else if c.First != "" || c.Last != "" {
				bad("mentioned_with %s-%s: dates %s to %s recorded, none filed", a, b, c.First, c.Last)
			}
			return true, nil
		})
		dates.close()
		if err != nil {
			return err
		}
		// With every edge's dates found, equal counts mean no dates are
		// filed under an edge that is not there.
		filed, err := countKeys(txn, pCoocDate)
		if err != nil {
			return err
		}
		if filed != edgeDates {
			bad("mentioned_with dates: %d keys filed, %d under edges", filed, edgeDates)
		}
		// With every edge found in the weight index, equal counts mean no
		// stale rank keys are left behind.
		ranked, err := countKeys(txn, pCoocRank)
		if err != nil {
			return err
		}
		if ranked != rankKeys {
			bad("weight index of mentioned_with holds %d keys, want %d (two per edge)", ranked, rankKeys)
		}
		if err := iterPrefix(txn, pRelEnt, func(k []byte, _ *badger.Item) (bool, error) {
			id, _, _ := strings.Cut(string(k[len(pRelEnt):]), sep)
			degree[id]++
			return true, nil
		}); err != nil {
			return err
		}
		for id, n := range degree {
			got, err := getUint(txn, kDegree(id))
			if err != nil {
				return err
			}
			if int(got) != n {
				bad("entity %s: degree counter %d, %d edges and relations", id, got, n)
			}
			// Ingest reads no edge of an entity it has just created.
			if !has(kEnt(id)) {
				bad("entity %s has mentioned_with edges or relations but no record", id)
			}
		}
		names := make([]string, 0, len(counts))
		for n := range counts {
			names = append(names, n)
		}
		slices.Sort(names)
		for _, n := range names {
			got, err := getUint(txn, kStat(n))
			if err != nil {
				return err
			}
			if int(got) != counts[n] {
				bad("counter %s = %d, counted %d", n, got, counts[n])
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("graph: verify: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("%w: %s", ErrInconsistent, strings.Join(problems, "; "))
	}
	return nil
}

// countKeys counts the keys under prefix.
func countKeys(txn *badger.Txn, prefix string) (int, error) {
	n := 0
	err := iterPrefix(txn, prefix, func([]byte, *badger.Item) (bool, error) {
		n++
		return true, nil
	})
	return n, err
}

// keySetSum is a fingerprint of a set of keys and their values: their
// number and two sums of their hashes under random seeds. Two sets with
// equal fingerprints are equal but with a chance of about 2^-128.
type keySetSum struct {
	n          int
	s1, s2     maphash.Seed
	sum1, sum2 uint64
}

func newKeySetSum() *keySetSum {
	return &keySetSum{s1: maphash.MakeSeed(), s2: maphash.MakeSeed()}
}

// seed makes k hash as other does, so that the two can be compared.
func (k *keySetSum) seed(other *keySetSum) { k.s1, k.s2 = other.s1, other.s2 }

func (k *keySetSum) add(key string, value []byte) {
	k.n++
	k.sum1 += entryHash(k.s1, key, value)
	k.sum2 += entryHash(k.s2, key, value)
}

func entryHash(seed maphash.Seed, key string, value []byte) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	h.WriteString(key)
	h.WriteByte(0) // keys hold no NUL at their end: key and value stay apart
	h.Write(value)
	return h.Sum64()
}

func (k *keySetSum) equal(other *keySetSum) bool {
	return k.n == other.n && k.sum1 == other.sum1 && k.sum2 == other.sum2
}

// checkQuoteIndex checks the quote index table (pQSpeaker, pQDate or
// pQWord) key by key and reports what is wrong through bad: keys the
// quotes give that are missing or hold other values, and keys no quote
// gives.
func checkQuoteIndex(ctx context.Context, txn *badger.Txn, table string, bad func(string, ...any)) error {
	problems := 0
	err := eachValue(ctx, txn, pQuote, func(id string, b []byte) error {
		var q Quote
		if err := json.Unmarshal(b, &q); err != nil {
			return err
		}
		sigs := quoteSigs(q.Variants)
		for _, k := range quoteIndexKeys(&q) {
			if !strings.HasPrefix(k, table) {
				continue
			}
			v, found, err := getValue(txn, k)
			if err != nil {
				return err
			}
			if !found {
				problems++
				bad("quote %s: index key %q missing", id, k)
			} else if want := quoteKeyValue(k, sigs); !bytes.Equal(v, want) {
				problems++
				bad("quote index key %q holds %d bytes of signatures, not those of the quote's %d variants", k, len(v), len(q.Variants))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = iterPrefix(txn, table, func(k []byte, _ *badger.Item) (bool, error) {
		var q Quote
		found, err := getJSON(txn, kQuote(lastField(string(k))), &q)
		if err != nil {
			return false, err
		}
		if !found || !slices.Contains(quoteIndexKeys(&q), string(k)) {
			problems++
			bad("stray quote index key %q", k)
		}
		return true, ctx.Err()
	})
	if err != nil {
		return err
	}
	if problems == 0 {
		bad("quote index %q differs from its quotes", table)
	}
	return nil
}
