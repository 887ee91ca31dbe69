package graph

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/kind"
)

// Delete removes the document docID and its share of every fact merged
// across documents, in one transaction: either all of it goes or nothing
// changes. Entities, quotes, events, relations and mentioned_with edges
// that only this document supported are removed with their index keys;
// those other documents support lose this document's sources, mentions and
// weight. See "Deleting" in the package documentation for what a delete
// can and cannot undo.
//
// An unknown docID is ErrNotFound. A document whose facts are too many to
// unpick in one Badger transaction is refused with ErrTooBig and nothing
// changes.
//
// Delete finds what the document contributed to through indexes (its
// entities under x/, its quotes, events and relations under xf/), so its
// cost grows with the document and the records it touches, not with the
// store.
func (s *Store) Delete(ctx context.Context, docID string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.readOnly {
		return ErrReadOnly
	}
	s.putMu.Lock()
	defer s.putMu.Unlock()
	changed, ran := changedKeys{}, false
	err := s.db.Update(func(txn *badger.Txn) error {
		d := &deleter{ctx: ctx, txn: writeTxn{txn, changed}, stats: map[string]int{}}
		if err := d.run(docID); err != nil {
			return err
		}
		ran = true
		return nil
	})
	if ran && err != nil {
		// The commit failed: whether it wrote anything is Badger's
		// business.
		s.committed(nil)
	}
	if errors.Is(err, badger.ErrTxnTooBig) {
		return fmt.Errorf("graph: delete %s: %w", docID, ErrTooBig)
	}
	if err != nil {
		return fmt.Errorf("graph: delete %s: %w", docID, err)
	}
	s.committed(changed)
	return nil
}

// deleter holds the state of one Delete transaction.
type deleter struct {
	ctx  context.Context
	txn  writeTxn
	doc  Document
	text string

	ents  map[string]int      // entities the document mentions -> its mention count
	spans map[string][][2]int // their mention spans in the document
	pubs  map[string]string   // document ID -> publication date, as read
	texts map[string]string   // document ID -> text, as read
	stats map[string]int      // counter key -> delta, written once at the end
	named map[string]bool     // entities named by the facts unpicked
}

// count adds delta to the counter at key when the delete is written.
func (d *deleter) count(key string, delta int) { d.stats[key] += delta }

func (d *deleter) flushStats() error {
	keys := make([]string, 0, len(d.stats))
	for k := range d.stats {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := addUint(d.txn, k, d.stats[k]); err != nil {
			return err
		}
	}
	return nil
}

// indexQuote writes q and its index keys, and counts it in the word and
// speaker counters, as Ingest files a new quote.
func (d *deleter) indexQuote(q *Quote) error {
	words := map[string]bool{}
	for _, v := range q.Variants {
		for _, wd := range quoteWords(v) {
			words[wd] = true
		}
	}
	for wd := range words {
		d.count(kQWordN(wd), 1)
	}
	for _, sp := range union(nonEmpty(q.SpeakerID), q.Speakers) {
		d.count(kQSpeakN(sp), 1)
	}
	sigs := quoteSigs(q.Variants)
	for _, k := range quoteIndexKeys(q) {
		if err := d.txn.Set([]byte(k), quoteKeyValue(k, sigs)); err != nil {
			return err
		}
	}
	var err error
	if q.SourceCount, err = setSources(d.txn, q.ID, q.Sources); err != nil {
		return err
	}
	return setJSON(d.txn, kQuote(q.ID), q)
}

func (d *deleter) run(id string) error {
	found, err := getJSON(d.txn.Txn, kDoc(id), &d.doc)
	if err != nil {
		return err
	}
	if !found {
		return ErrNotFound
	}
	d.pubs = map[string]string{id: d.doc.Published}
	d.texts = map[string]string{}
	if d.text, err = d.textOf(id); err != nil {
		return err
	}
	d.ents = map[string]int{}
	err = iterPrefix(d.txn.Txn, pDocEnt+id+sep, func(k []byte, item *badger.Item) (bool, error) {
		var n int
		if err := item.Value(func(b []byte) error { return json.Unmarshal(b, &n) }); err != nil {
			return false, err
		}
		d.ents[string(k[len(pDocEnt)+len(id)+1:])] = n
		return true, nil
	})
	if err != nil {
		return fmt.Errorf("entities of the document: %w", err)
	}
	d.spans = map[string][][2]int{}
	for eid := range d.ents {
		var sp [][2]int
		if _, err := getJSON(d.txn.Txn, kMent(eid, id), &sp); err != nil {
			return err
		}
		d.spans[eid] = sp
	}

	if err := d.facts(); err != nil {
		return err
	}
	if err := d.ctx.Err(); err != nil {
		return err
	}
	if err := d.cooccurrences(); err != nil {
		return fmt.Errorf("co-occurrences: %w", err)
	}
	if err := d.ctx.Err(); err != nil {
		return err
	}
	for eid := range d.ents {
		for _, k := range []string{kMent(eid, id), kDocEnt(id, eid)} {
			if err := d.txn.Delete([]byte(k)); err != nil {
				return err
			}
		}
	}
	for _, k := range []string{kDoc(id), kText(id)} {
		if err := d.txn.Delete([]byte(k)); err != nil {
			return err
		}
	}
	if err := d.entities(); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	d.count(kStat(statDocs), -1)
	return d.flushStats()
}

func (d *deleter) textOf(doc string) (string, error) {
	if t, ok := d.texts[doc]; ok {
		return t, nil
	}
	item, err := d.txn.Get([]byte(kText(doc)))
	if errors.Is(err, badger.ErrKeyNotFound) {
		d.texts[doc] = ""
		return "", nil
	}
	if err != nil {
		return "", err
	}
	b, err := item.ValueCopy(nil)
	if err != nil {
		return "", err
	}
	d.texts[doc] = string(b)
	return string(b), nil
}

// pub returns the publication date of doc ("" if none or unknown).
func (d *deleter) pub(doc string) (string, error) {
	if p, ok := d.pubs[doc]; ok {
		return p, nil
	}
	var m struct {
		Published string `json:"published"`
	}
	if _, err := getJSON(d.txn.Txn, kDoc(doc), &m); err != nil {
		return "", err
	}
	d.pubs[doc] = m.Published
	return m.Published, nil
}

// mentions reports whether doc mentions entity eid.
func (d *deleter) mentions(eid, doc string) (bool, error) {
	if doc == d.doc.ID {
		_, ok := d.ents[eid]
		return ok, nil
	}
	return exists(d.txn.Txn, kMent(eid, doc))
}

// facts finds the quotes, events and relations with a source in the
// document (xf/ lists them) and unpicks them.
func (d *deleter) facts() error {
	var ids []string
	prefix := docFactPrefix(d.doc.ID)
	err := iterPrefix(d.txn.Txn, prefix, func(k []byte, _ *badger.Item) (bool, error) {
		ids = append(ids, string(k[len(prefix):]))
		return true, nil
	})
	if err != nil {
		return err
	}
	var (
		quotes []Quote
		events []Event
		rels   []Relation
	)
	for _, id := range ids {
		var err error
		switch id[:1] {
		case "q":
			quotes, err = appendFact(d.txn.Txn, quotes, kQuote(id), id, func(q *Quote, ss []Source) { q.Sources = ss })
		case "v":
			events, err = appendFact(d.txn.Txn, events, kEvent(id), id, func(e *Event, ss []Source) { e.Sources = ss })
		case "r":
			rels, err = appendFact(d.txn.Txn, rels, kRel(id), id, func(r *Relation, ss []Source) { r.Sources = ss })
		default:
			err = fmt.Errorf("%q lists %q, which is no fact ID", kDocFact(d.doc.ID, id), id)
		}
		if err != nil {
			return err
		}
	}
	for i := range quotes {
		if err := d.quote(&quotes[i]); err != nil {
			return fmt.Errorf("quote %s: %w", quotes[i].ID, err)
		}
	}
	for i := range events {
		if err := d.event(&events[i]); err != nil {
			return fmt.Errorf("event %s: %w", events[i].ID, err)
		}
	}
	for i := range rels {
		if err := d.relation(&rels[i]); err != nil {
			return fmt.Errorf("relation %s: %w", rels[i].ID, err)
		}
	}
	return nil
}

// appendFact appends the record at key, fact id, with all its sources.
func appendFact[T any](txn *badger.Txn, out []T, key, id string, setSources func(*T, []Source)) ([]T, error) {
	var rec T
	found, err := getJSON(txn, key, &rec)
	if err != nil {
		return out, err
	}
	if !found {
		return out, fmt.Errorf("a document lists %s, which is missing", id)
	}
	ss, err := readSources(txn, id, -1)
	if err != nil {
		return out, err
	}
	setSources(&rec, ss)
	return append(out, rec), nil
}

// others returns the sources of other documents.
func (d *deleter) others(ss []Source) []Source {
	var out []Source
	for _, s := range ss {
		if s.Document != d.doc.ID {
			out = append(out, s)
		}
	}
	return out
}

// quote removes the document's sources from q, and q itself when no
// source is left; otherwise it recomputes what the remaining sources
// determine (see "Deleting" in doc.go) and indexes q again.
func (d *deleter) quote(q *Quote) error {
	d.name(union(nonEmpty(q.SpeakerID), q.Speakers)...)
	if err := d.unindexQuote(q); err != nil {
		return err
	}
	rest := d.others(q.Sources)
	if len(rest) == 0 {
		d.count(kStat(statQuotes), -1)
		return nil
	}
	nq := *q
	nq.Sources = rest

	// The words: each remaining source's span holds the text it reported.
	// If every span reads as one of the stored variants, text and variants
	// are rebuilt as ingest would have built them from these sources alone.
	texts := make([]string, 0, len(rest))
	norms := map[string]bool{}
	for _, s := range rest {
		t, err := d.textOf(s.Document)
		if err != nil {
			return err
		}
		if s.Start < 0 || s.End < s.Start || s.End > len(t) {
			texts = nil
			break
		}
		tx := strings.TrimSpace(t[s.Start:s.End])
		n := NormQuote(tx)
		if !slices.Contains(q.Variants, n) {
			texts = nil
			break
		}
		texts = append(texts, tx)
		norms[n] = true
	}
	if len(texts) > 0 {
		nq.Text = texts[0]
		for _, t := range texts[1:] {
			if len(t) > len(nq.Text) {
				nq.Text = t
			}
		}
		nq.Variants = nil
		for _, v := range q.Variants {
			if norms[v] {
				nq.Variants = append(nq.Variants, v)
			}
		}
		// A quote is filed under its first variant.
		nq.ID = "q" + shortHash(nq.Variants[0])
	}

	// Speakers: one this document names stays only if another source's
	// document mentions them too.
	nq.Speakers = nil
	for _, sp := range union(nonEmpty(q.SpeakerID), q.Speakers) {
		keep, err := d.supported(sp, rest)
		if err != nil {
			return err
		}
		if keep {
			nq.Speakers = append(nq.Speakers, sp)
		}
	}
	nq.SpeakerID = ""
	if len(nq.Speakers) > 0 {
		nq.SpeakerID = nq.Speakers[0]
	}

	// A date taken from a publication is that of the first source left.
	if q.DateFromDocument {
		p, err := d.pub(rest[0].Document)
		if err != nil {
			return err
		}
		nq.Date, nq.DateFromDocument = p, p != ""
	}

	// About: entities mentioned inside a remaining source's span.
	nq.About = nil
	for _, a := range q.About {
		keep := true
		if _, ok := d.ents[a]; ok {
			keep = false
			for _, s := range rest {
				in, err := d.mentionedWithin(a, s)
				if err != nil {
					return err
				}
				if in {
					keep = true
					break
				}
			}
		}
		if keep {
			nq.About = append(nq.About, a)
		}
	}

	for _, v := range nq.Variants {
		if h := shortHash(v); "q"+h != nq.ID {
			if err := d.txn.Set([]byte(kQAlias(h)), []byte(nq.ID)); err != nil {
				return err
			}
		}
	}
	return d.indexQuote(&nq)
}

// name notes entities a fact names: if the fact goes, they may be left
// with no document and no fact, and go too.
func (d *deleter) name(ids ...string) {
	if d.named == nil {
		d.named = map[string]bool{}
	}
	for _, id := range ids {
		d.named[id] = true
	}
}

// supported reports whether entity eid, which a fact names, is still
// backed once the document goes: the document does not mention it (so
// another one named it), or one of the remaining sources' documents does.
func (d *deleter) supported(eid string, rest []Source) (bool, error) {
	if _, ok := d.ents[eid]; !ok {
		return true, nil
	}
	for _, s := range rest {
		ok, err := d.mentions(eid, s.Document)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// mentionedWithin reports whether s's document mentions eid inside s.
func (d *deleter) mentionedWithin(eid string, s Source) (bool, error) {
	var sp [][2]int
	if _, err := getJSON(d.txn.Txn, kMent(eid, s.Document), &sp); err != nil {
		return false, err
	}
	for _, x := range sp {
		if x[0] >= s.Start && x[1] <= s.End {
			return true, nil
		}
	}
	return false, nil
}

// unindexQuote removes q's record, index and alias keys and its share of
// the word and speaker counters.
func (d *deleter) unindexQuote(q *Quote) error {
	for _, k := range quoteIndexKeys(q) {
		if err := d.txn.Delete([]byte(k)); err != nil {
			return err
		}
	}
	words := map[string]bool{}
	for _, v := range q.Variants {
		for _, wd := range quoteWords(v) {
			words[wd] = true
		}
		if h := shortHash(v); "q"+h != q.ID {
			if err := d.txn.Delete([]byte(kQAlias(h))); err != nil {
				return err
			}
		}
	}
	for wd := range words {
		d.count(kQWordN(wd), -1)
	}
	for _, sp := range union(nonEmpty(q.SpeakerID), q.Speakers) {
		d.count(kQSpeakN(sp), -1)
	}
	if err := clearSources(d.txn, q.ID, q.Sources); err != nil {
		return err
	}
	return d.txn.Delete([]byte(kQuote(q.ID)))
}

func (d *deleter) event(e *Event) error {
	d.name(union(append([]string(nil), e.Participants...), nonEmpty(e.Place))...)
	if err := clearSources(d.txn, e.ID, e.Sources); err != nil {
		return err
	}
	rest := d.others(e.Sources)
	if len(rest) == 0 {
		for _, k := range append(eventIndexKeys(e), kEvent(e.ID)) {
			if err := d.txn.Delete([]byte(k)); err != nil {
				return err
			}
		}
		d.count(kStat(statEvents), -1)
		return nil
	}
	ne := *e
	var err error
	if ne.SourceCount, err = setSources(d.txn, e.ID, rest); err != nil {
		return err
	}
	// A place this document gave stays only if another source's document
	// mentions it.
	if e.Place != "" {
		keep, err := d.supported(e.Place, rest)
		if err != nil {
			return err
		}
		if !keep {
			ne.Place = ""
			if !slices.Contains(e.Participants, e.Place) {
				if err := d.txn.Delete([]byte(kEvPart(e.Place, e.Date, e.ID))); err != nil {
					return err
				}
			}
		}
	}
	return setJSON(d.txn, kEvent(e.ID), &ne)
}

func (d *deleter) relation(r *Relation) error {
	d.name(r.Subject, r.Object)
	if err := clearSources(d.txn, r.ID, r.Sources); err != nil {
		return err
	}
	rest := d.others(r.Sources)
	if len(rest) == 0 {
		for _, ends := range [][2]string{{r.Subject, r.Object}, {r.Object, r.Subject}} {
			if err := d.txn.Delete([]byte(kRelEnt(ends[0], ends[1], r.ID))); err != nil {
				return err
			}
			d.count(kDegree(ends[0]), -1)
		}
		d.count(kStat(statRelations), -1)
		return d.txn.Delete([]byte(kRel(r.ID)))
	}
	nr := *r
	var err error
	if nr.SourceCount, err = setSources(d.txn, r.ID, rest); err != nil {
		return err
	}
	nr.Dates = nil
	for _, s := range rest {
		seen := r.Date
		if seen == "" {
			p, err := d.pub(s.Document)
			if err != nil {
				return err
			}
			seen = p
		}
		nr.Dates = addDate(nr.Dates, seen)
	}
	return setJSON(d.txn, kRel(r.ID), &nr)
}

// sentencePairs counts, for each pair of entities, the sentences of text
// mentioning both, as Ingest does: entities in order of first mention
// (the order the extractor lists them in), at most 40 per sentence.
func sentencePairs(text string, spans map[string][][2]int) map[[2]string]int {
	type first struct {
		id    string
		start int
	}
	order := make([]first, 0, len(spans))
	for id, sp := range spans {
		if len(sp) == 0 {
			continue
		}
		m := sp[0][0]
		for _, x := range sp[1:] {
			m = min(m, x[0])
		}
		order = append(order, first{id, m})
	}
	sort.Slice(order, func(i, j int) bool {
		return order[i].start < order[j].start || order[i].start == order[j].start && order[i].id < order[j].id
	})
	ends := sentenceEnds(text)
	bySentence := map[int][]string{}
	for _, o := range order {
		seen := map[int]bool{}
		for _, sp := range spans[o.id] {
			i := sort.SearchInts(ends, sp[0]+1)
			if !seen[i] {
				seen[i] = true
				bySentence[i] = append(bySentence[i], o.id)
			}
		}
	}
	pairs := map[[2]string]int{}
	for _, ids := range bySentence {
		if len(ids) > 40 {
			ids = ids[:40]
		}
		for i := range ids {
			for j := i + 1; j < len(ids); j++ {
				a, b := ids[i], ids[j]
				if a > b {
					a, b = b, a
				}
				pairs[[2]string{a, b}]++
			}
		}
	}
	return pairs
}

// cooccurrences takes the document's sentences off the mentioned_with
// edges: weights go down, edges at zero go.
func (d *deleter) cooccurrences() error {
	pairs := sentencePairs(d.text, d.spans)
	keys := make([][2]string, 0, len(pairs))
	for p := range pairs {
		keys = append(keys, p)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	for _, p := range keys {
		a, b := p[0], p[1]
		var c cooc
		found, err := getJSON(d.txn.Txn, kCooc(a, b), &c)
		if err != nil {
			return err
		}
		if !found {
			continue // nothing of this document's to take off
		}
		for _, k := range []string{kCoocRank(a, c.Weight, b), kCoocRank(b, c.Weight, a)} {
			if err := d.txn.Delete([]byte(k)); err != nil {
				return err
			}
		}
		c.Weight -= pairs[p]
		if c.Weight <= 0 {
			if err := d.txn.Delete([]byte(kCooc(a, b))); err != nil {
				return err
			}
			if err := d.clearPrefix(coocDatePrefix(a, b)); err != nil {
				return err
			}
			d.count(kStat(statEdges), -1)
			d.count(kDegree(a), -1)
			d.count(kDegree(b), -1)
			continue
		}
		if err := d.uncoocDate(a, b, &c); err != nil {
			return err
		}
		for _, k := range []string{kCoocRank(a, c.Weight, b), kCoocRank(b, c.Weight, a)} {
			if err := d.txn.Set([]byte(k), nil); err != nil {
				return err
			}
		}
		if err := setJSON(d.txn, kCooc(a, b), &c); err != nil {
			return err
		}
	}
	return nil
}

// uncoocDate takes the document's publication date off the edge a-b
// (a < b) unless another document of that date has them in one sentence,
// and moves the edge's first or last date in if it was that one.
func (d *deleter) uncoocDate(a, b string, c *cooc) error {
	pub := d.doc.Published
	if pub == "" {
		return nil
	}
	if ok, err := exists(d.txn.Txn, kCoocDate(a, b, pub)); err != nil || !ok {
		return err
	}
	still, err := d.cooccurElsewhere(a, b, pub)
	if err != nil || still {
		return err
	}
	if err := d.txn.Delete([]byte(kCoocDate(a, b, pub))); err != nil {
		return err
	}
	if pub != c.First && pub != c.Last {
		return nil
	}
	// The transaction's iterators see its own delete.
	prefix := coocDatePrefix(a, b)
	c.First, c.Last = "", ""
	return iterPrefix(d.txn.Txn, prefix, func(k []byte, _ *badger.Item) (bool, error) {
		date := string(k[len(prefix):])
		c.First, c.Last = minDate(c.First, date), maxDate(c.Last, date)
		return true, nil
	})
}

// clearPrefix deletes every key under prefix.
func (d *deleter) clearPrefix(prefix string) error {
	var keys [][]byte
	err := iterPrefix(d.txn.Txn, prefix, func(k []byte, _ *badger.Item) (bool, error) {
		keys = append(keys, slices.Clone(k))
		return true, nil
	})
	for _, k := range keys {
		if err == nil {
			err = d.txn.Delete(k)
		}
	}
	return err
}

// cooccurElsewhere reports whether another document published on pub
// mentions a and b in one sentence. It walks the documents of whichever
// entity has fewer.
func (d *deleter) cooccurElsewhere(a, b, pub string) (bool, error) {
	var ea, eb Entity
	if _, err := getJSON(d.txn.Txn, kEnt(a), &ea); err != nil {
		return false, err
	}
	if _, err := getJSON(d.txn.Txn, kEnt(b), &eb); err != nil {
		return false, err
	}
	if eb.Documents < ea.Documents {
		a, b = b, a
	}
	docs, err := d.docsOf(a)
	if err != nil {
		return false, err
	}
	for _, doc := range docs {
		if p, err := d.pub(doc); err != nil || p != pub {
			if err != nil {
				return false, err
			}
			continue
		}
		if ok, err := exists(d.txn.Txn, kMent(b, doc)); err != nil || !ok {
			if err != nil {
				return false, err
			}
			continue
		}
		spans, err := d.spansIn(doc)
		if err != nil {
			return false, err
		}
		t, err := d.textOf(doc)
		if err != nil {
			return false, err
		}
		x, y := a, b
		if x > y {
			x, y = y, x
		}
		if sentencePairs(t, spans)[[2]string{x, y}] > 0 {
			return true, nil
		}
	}
	return false, nil
}

// docsOf lists the documents other than the one being deleted that
// mention eid.
func (d *deleter) docsOf(eid string) ([]string, error) {
	var docs []string
	prefix := pMent + eid + sep
	err := iterPrefix(d.txn.Txn, prefix, func(k []byte, _ *badger.Item) (bool, error) {
		if doc := string(k[len(prefix):]); doc != d.doc.ID {
			docs = append(docs, doc)
		}
		return true, nil
	})
	return docs, err
}

// spansIn returns the mention spans of every entity doc mentions.
func (d *deleter) spansIn(doc string) (map[string][][2]int, error) {
	var ids []string
	prefix := pDocEnt + doc + sep
	err := iterPrefix(d.txn.Txn, prefix, func(k []byte, _ *badger.Item) (bool, error) {
		ids = append(ids, string(k[len(prefix):]))
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	spans := make(map[string][][2]int, len(ids))
	for _, id := range ids {
		var sp [][2]int
		if _, err := getJSON(d.txn.Txn, kMent(id, doc), &sp); err != nil {
			return nil, err
		}
		spans[id] = sp
	}
	return spans, nil
}

// entities takes the document's mentions off its entities. The document's
// m/ and x/ keys are already deleted.
func (d *deleter) entities() error {
	ids := make([]string, 0, len(d.ents))
	for id := range d.ents {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	removed := map[string]bool{}
	kept := map[string]*Entity{}
	for _, id := range ids {
		if err := d.ctx.Err(); err != nil {
			return err
		}
		var e Entity
		found, err := getJSON(d.txn.Txn, kEnt(id), &e)
		if err != nil {
			return err
		}
		if !found {
			continue
		}
		for _, t := range []string{e.Type.String(), "*"} {
			if err := d.txn.Delete([]byte(kRank(t, e.Mentions, id))); err != nil {
				return err
			}
		}
		e.Mentions -= d.ents[id]
		e.Documents--
		d.count(kStat(statMentions), -d.ents[id])

		docs, err := d.docsOf(id)
		if err != nil {
			return err
		}
		if pub := d.doc.Published; pub != "" {
			still := false
			for _, doc := range docs {
				p, err := d.pub(doc)
				if err != nil {
					return err
				}
				if p == pub {
					still = true
					break
				}
			}
			if !still {
				if err := d.txn.Delete([]byte(kEntDate(id, pub))); err != nil {
					return err
				}
			}
		}
		if len(docs) == 0 {
			gone, err := d.removeIfUnreferenced(&e)
			if err != nil {
				return err
			}
			if gone {
				removed[id] = true
				continue
			}
		}
		e.FirstSeen, e.LastSeen = "", ""
		prefix := pEntDate + id + sep
		err = iterPrefix(d.txn.Txn, prefix, func(k []byte, _ *badger.Item) (bool, error) {
			date := string(k[len(prefix):])
			e.FirstSeen, e.LastSeen = minDate(e.FirstSeen, date), maxDate(e.LastSeen, date)
			return true, nil
		})
		if err != nil {
			return err
		}
		kept[id] = &e
	}
	// Entities other documents no longer mention but that a fact of this
	// one named (a speaker found by name, a relation's end) may be left
	// with nothing.
	var named []string
	for id := range d.named {
		if _, ok := d.ents[id]; !ok {
			named = append(named, id)
		}
	}
	sort.Strings(named)
	for _, id := range named {
		var e Entity
		found, err := getJSON(d.txn.Txn, kEnt(id), &e)
		if err != nil {
			return err
		}
		if !found || e.Documents > 0 {
			continue
		}
		gone, err := d.removeIfUnreferenced(&e)
		if err != nil {
			return err
		}
		removed[id] = gone
	}
	for _, id := range ids {
		e := kept[id]
		if e == nil {
			continue
		}
		if err := d.roles(e, removed); err != nil {
			return err
		}
		if err := d.names(e); err != nil {
			return err
		}
		if err := setJSON(d.txn, kEnt(id), e); err != nil {
			return err
		}
		for _, t := range []string{e.Type.String(), "*"} {
			if err := d.txn.Set([]byte(kRank(t, e.Mentions, id)), nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// referenced reports whether a fact of another document still names eid:
// as a speaker, an event's participant or place, or a relation's end.
func (d *deleter) referenced(eid string) (bool, error) {
	for _, p := range []string{pQSpeaker, pEvPart, pRelEnt} {
		hit := false
		err := iterPrefix(d.txn.Txn, p+eid+sep, func([]byte, *badger.Item) (bool, error) {
			hit = true
			return false, nil
		})
		if err != nil || hit {
			return hit, err
		}
	}
	return false, nil
}

// roles drops the roles the document was the only source of: one in an
// organisation or place that no remaining role_of relation backs, one
// without whose title no other document of the entity has.
func (d *deleter) roles(e *Entity, removed map[string]bool) error {
	type filed struct {
		key string
		Role
	}
	var rs []filed
	err := iterPrefix(d.txn.Txn, rolePrefix(e.ID), func(k []byte, item *badger.Item) (bool, error) {
		r, err := itemRole(item)
		rs = append(rs, filed{string(k), r.Role})
		return err == nil, err
	})
	if err != nil {
		return err
	}
	backed := map[string]bool{}
	var drop []string
	lower := strings.ToLower(d.text)
	for _, r := range rs {
		if r.OrgID == "" {
			// No relation backs it: it stays unless the document has
			// its title and no other document of e has.
			title := strings.ToLower(r.Title)
			if strings.Contains(lower, title) {
				ok, err := d.inTextElsewhere(e.ID, title)
				if err != nil {
					return err
				}
				if !ok {
					drop = append(drop, r.key)
				}
			}
			continue
		}
		if removed[r.OrgID] {
			drop = append(drop, r.key)
			continue
		}
		ok, seen := backed[r.OrgID]
		if !seen {
			var rids []string
			prefix := pRelEnt + e.ID + sep + r.OrgID + sep
			err := iterPrefix(d.txn.Txn, prefix, func(k []byte, _ *badger.Item) (bool, error) {
				rids = append(rids, string(k[len(prefix):]))
				return true, nil
			})
			if err != nil {
				return err
			}
			for _, rid := range rids {
				var rel Relation
				found, err := getJSON(d.txn.Txn, kRel(rid), &rel)
				if err != nil {
					return err
				}
				if found && rel.Predicate == kind.RoleOf && rel.Subject == e.ID {
					ok = true
					break
				}
			}
			backed[r.OrgID] = ok
		}
		if !ok {
			drop = append(drop, r.key)
		}
	}
	for _, k := range drop {
		if err := d.txn.Delete([]byte(k)); err != nil {
			return err
		}
	}
	return nil
}

// removeEntity deletes an entity no document mentions and no fact names,
// with its name, word and rank keys and counters.
// unfileName takes entity id out of the name index entry of nn.
func (d *deleter) unfileName(nn, id string) error {
	es, err := namesAt(d.txn.Txn, nn)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(es, func(x nameEntry) bool { return x.ID == id })
	if i < 0 {
		return nil
	}
	if es = slices.Delete(es, i, i+1); len(es) == 0 {
		return d.txn.Delete([]byte(kName(nn)))
	}
	return setJSON(d.txn, kName(nn), es)
}

// removeIfUnreferenced removes e, which no document mentions any more,
// unless a remaining fact names it; it reports whether it did.
func (d *deleter) removeIfUnreferenced(e *Entity) (bool, error) {
	ref, err := d.referenced(e.ID)
	if err != nil || ref {
		return false, err
	}
	return true, d.removeEntity(e)
}

func (d *deleter) removeEntity(e *Entity) error {
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		nn := NormName(n)
		if nn == "" || len(nn) > 256 {
			continue
		}
		if err := d.unfileName(nn, e.ID); err != nil {
			return err
		}
		for _, t := range strings.Fields(nn) {
			if err := d.txn.Delete([]byte(kTok(t, e.ID))); err != nil {
				return err
			}
		}
	}
	var keys []string // its dates and roles
	for _, prefix := range []string{pEntDate + e.ID + sep, rolePrefix(e.ID)} {
		err := iterPrefix(d.txn.Txn, prefix, func(k []byte, _ *badger.Item) (bool, error) {
			keys = append(keys, string(k))
			return true, nil
		})
		if err != nil {
			return err
		}
	}
	keys = append(keys, kRank(e.Type.String(), e.Mentions, e.ID), kRank("*", e.Mentions, e.ID))
	for _, k := range append(keys, kEnt(e.ID), kDegree(e.ID), kQSpeakN(e.ID)) {
		if err := d.txn.Delete([]byte(k)); err != nil {
			return err
		}
	}
	d.count(kStat(statEntities), -1)
	d.count(kStat(statType(e.Type.String())), -1)
	return nil
}

// names drops the aliases of e that only the document spelt: an alias
// one of the document's mentions of e reads as stays only if a mention of
// e in another document reads as it too (word for word; or in NormName
// form, for an alias the document spelt only that way). The canonical
// name stays: the extractor often gives one no mention spells ("Football
// Association" for "the FA"), so a document not spelling it proves
// nothing. Aliases no mention of the document spells stay too.
func (d *deleter) names(e *Entity) error {
	exact, norm := map[string]bool{}, map[string]bool{}
	for _, sp := range d.spans[e.ID] {
		if sp[0] >= 0 && sp[1] <= len(d.text) && sp[0] <= sp[1] {
			m := strings.TrimSpace(d.text[sp[0]:sp[1]])
			exact[m] = true
			norm[NormName(m)] = true
		}
	}
	var drop map[string]bool // aliases, as written
	for _, a := range e.Aliases {
		var still bool
		var err error
		switch {
		case exact[a]:
			still, err = d.speltElsewhere(e.ID, func(m string) bool { return m == a })
		case norm[NormName(a)]:
			na := NormName(a)
			still, err = d.speltElsewhere(e.ID, func(m string) bool { return NormName(m) == na })
		default:
			continue
		}
		if err != nil {
			return err
		}
		if !still {
			if drop == nil {
				drop = map[string]bool{}
			}
			drop[a] = true
		}
	}
	if len(drop) == 0 {
		return nil
	}
	keep := []string{e.Name}
	var aliases []string
	for _, n := range e.Aliases {
		if !drop[n] {
			keep = append(keep, n)
			aliases = append(aliases, n)
		}
	}
	e.Aliases = aliases
	keptNorm, keptTok := map[string]bool{}, map[string]bool{}
	for _, n := range keep {
		nn := NormName(n)
		keptNorm[nn] = true
		for _, t := range strings.Fields(nn) {
			keptTok[t] = true
		}
	}
	for a := range drop {
		nn := NormName(a)
		if keptNorm[nn] || nn == "" || len(nn) > 256 {
			continue
		}
		keptNorm[nn] = true // once
		if err := d.unfileName(nn, e.ID); err != nil {
			return err
		}
		for _, t := range strings.Fields(nn) {
			if !keptTok[t] {
				if err := d.txn.Delete([]byte(kTok(t, e.ID))); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// speltElsewhere reports whether a remaining document has a mention of
// eid whose text (trimmed) satisfies match.
func (d *deleter) speltElsewhere(eid string, match func(string) bool) (bool, error) {
	docs, err := d.docsOf(eid)
	if err != nil {
		return false, err
	}
	for _, doc := range docs {
		var sp [][2]int
		if _, err := getJSON(d.txn.Txn, kMent(eid, doc), &sp); err != nil {
			return false, err
		}
		t, err := d.textOf(doc)
		if err != nil {
			return false, err
		}
		for _, x := range sp {
			if x[0] >= 0 && x[0] <= x[1] && x[1] <= len(t) && match(strings.TrimSpace(t[x[0]:x[1]])) {
				return true, nil
			}
		}
	}
	return false, nil
}

// Compact reclaims the disk space of deleted and overwritten records.
// Badger keeps values smaller than its value threshold (1 MB by default,
// so every record of this store) inside the LSM tree, where the space of
// a deleted key comes back only when compaction merges its tombstone with
// the older versions in the last level: Compact flattens the tree into one
// level to do that now, then runs value-log garbage collection (RunGC),
// which can rewrite a value-log file only once compaction has counted its
// dead values. Background compaction reclaims the same space over time.
//
// Writes still in memory tables are compacted by a later call, after
// Close has flushed them. A store whose tables all sit in level 0 (fewer
// than ten flushed memory tables: some 200 MB of writes; see Open) is
// left as it is, as Badger's Flatten leaves it. Compact is a no-op in memory.
func (s *Store) Compact(ctx context.Context) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.readOnly {
		return ErrReadOnly
	}
	// Compaction drops old versions only below Badger's read watermark,
	// which a goroutine of Badger's own moves up from zero after an open:
	// flattening at once after an open (as a test or a CLI does) can keep
	// every deleted version on a busy machine. Give it a moment.
	if wait := time.Until(s.opened.Add(time.Second)); wait > 0 {
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if !s.db.Opts().InMemory {
		if err := s.db.Flatten(1); err != nil {
			return fmt.Errorf("graph: compact: %w", err)
		}
	}
	return s.RunGC(ctx)
}

// inTextElsewhere reports whether a remaining document mentioning eid has
// lower (lower case) in its text.
func (d *deleter) inTextElsewhere(eid, lower string) (bool, error) {
	docs, err := d.docsOf(eid)
	if err != nil {
		return false, err
	}
	for _, doc := range docs {
		t, err := d.textOf(doc)
		if err != nil {
			return false, err
		}
		if strings.Contains(strings.ToLower(t), lower) {
			return true, nil
		}
	}
	return false, nil
}
