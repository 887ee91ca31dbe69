package graph

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"
)

// Outcome tells what Ingest did with a document.
type Outcome int

const (
	// Added: the document was new and is now stored.
	Added Outcome = iota + 1
	// Unchanged: the same document (same ID, same text) was already stored;
	// nothing was written.
	Unchanged
)

func (o Outcome) String() string {
	switch o {
	case Added:
		return "added"
	case Unchanged:
		return "unchanged"
	}
	return fmt.Sprintf("Outcome(%d)", int(o))
}

// Put stores one document and what was extracted from it. See Ingest.
func (s *Store) Put(ctx context.Context, a extract.Article, d extract.Document) error {
	_, err := s.Ingest(ctx, a, d)
	return err
}

// Ingest stores one document and what was extracted from it, in one
// transaction: either all of it becomes visible or none of it.
//
// Re-ingesting a document with the same ID and the same text does nothing
// and returns Unchanged. A document with a stored ID but a different text
// is refused with ErrConflict: facts are merged across documents, so
// replacing one would mean unpicking its share of every merged node; store
// the new version under a new ID instead.
//
// A document whose facts do not fit in one Badger transaction (some
// megabytes of keys; far beyond any news article) is refused with
// ErrTooBig, and nothing of it is stored.
func (s *Store) Ingest(ctx context.Context, a extract.Article, d extract.Document) (Outcome, error) {
	res, err := s.IngestBatch(ctx, []BatchItem{{Article: a, Document: d}})
	if len(res) == 1 && res[0].Err != nil {
		return 0, res[0].Err
	}
	if err != nil {
		return 0, err
	}
	return res[0].Outcome, nil
}

// prepareDoc checks a document's ID and text and returns its record.
func prepareDoc(a extract.Article, d extract.Document) (Document, error) {
	id := d.ID
	if id == "" {
		id = a.ID
	}
	switch {
	case id == "":
		return Document{}, fmt.Errorf("%w: no id", ErrBadDocument)
	case len(id) > 512 || !utf8.ValidString(id) || strings.ContainsRune(id, 0):
		return Document{}, fmt.Errorf("%w: id %.40q is not a short UTF-8 string without NUL", ErrBadDocument, id)
	case !utf8.ValidString(a.Text):
		return Document{}, fmt.Errorf("%w %s: text is not valid UTF-8", ErrBadDocument, id)
	}
	sum := sha256.Sum256([]byte(a.Text))
	return Document{
		ID:        id,
		Title:     first(d.Title, a.Title),
		Source:    first(d.Source, a.Source),
		URL:       first(d.URL, a.URL),
		Published: cleanDate(first(d.Published, a.Published)),
		Hash:      hex.EncodeToString(sum[:]),
	}, nil
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// putter holds the state of one Ingest transaction.
type putter struct {
	ctx  context.Context
	txn  writeTxn
	doc  *Document
	text string

	b      *batch // the transaction's shared state: counters, snapshot
	db     *badger.DB
	fresh  map[string]bool     // global IDs created by this document
	local  map[string]string   // document entity ID -> global ID
	byName map[string]string   // NormName of any name in the document -> global ID
	canon  map[string]string   // type and NormName of an entity's own name -> global ID
	spans  map[string][][2]int // global ID -> mention spans in this document
	order  []string            // global IDs in first-seen order

	// speakerKeys: qs/ positions (date/qid) by speaker that this document
	// set (true) or deleted (false); see batch.speakerKeys.
	speakerKeys map[string]map[string]bool
	factSpans   map[factSpan]bool // the document's spans filed as sources of facts
}

func (w *putter) put(d extract.Document) error {
	w.local = map[string]string{}
	w.byName = map[string]string{}
	w.canon = map[string]string{}
	w.spans = map[string][][2]int{}
	w.factSpans = nil
	if err := w.entities(d.Entities); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if err := w.cooccurrences(); err != nil {
		return fmt.Errorf("co-occurrences: %w", err)
	}
	if err := w.ctx.Err(); err != nil {
		return err
	}
	for i, q := range d.Quotes {
		if err := w.quote(q); err != nil {
			return fmt.Errorf("quote %d: %w", i, err)
		}
	}
	for i, e := range d.Events {
		if err := w.event(e); err != nil {
			return fmt.Errorf("event %d: %w", i, err)
		}
	}
	for i, r := range d.Relations {
		if err := w.relation(r.Predicate, w.ref(r.SubjectID, r.Subject), w.ref(r.ObjectID, r.Object), cleanDate(r.Date), r.Start, r.End); err != nil {
			return fmt.Errorf("relation %d: %w", i, err)
		}
	}
	// Roles held in an organisation or place are role_of edges too.
	for _, e := range d.Entities {
		gid := w.local[e.ID]
		if gid == "" {
			continue
		}
		for _, r := range e.Roles {
			org := w.ref(r.OrgID, r.Org)
			if org == "" {
				continue
			}
			if err := w.relation(kind.RoleOf, gid, org, cleanDate(r.From), r.Start, r.End); err != nil {
				return fmt.Errorf("role of %s: %w", e.Name, err)
			}
		}
	}
	if err := setJSON(w.txn, kDoc(w.doc.ID), w.doc); err != nil {
		return err
	}
	if err := w.txn.Set([]byte(kText(w.doc.ID)), []byte(w.text)); err != nil {
		return err
	}
	w.stat(statDocs, 1)
	return nil
}

func (w *putter) stat(name string, delta int) error {
	w.count(kStat(name), delta)
	return nil
}

// count adds delta to the counter at key when the batch is committed.
// Nothing reads a counter while writing, so the sum is written once.
func (w *putter) count(key string, delta int) {
	w.b.stats[key] += delta
}

// ref resolves an entity named in a fact: by its document ID, else by any
// name the document gives it, else by the global name index.
func (w *putter) ref(localID, name string) string {
	if g := w.local[localID]; g != "" {
		return g
	}
	n := NormName(name)
	if n == "" {
		return ""
	}
	if g := w.byName[n]; g != "" {
		return g
	}
	e, err := w.b.lookupName(n, kind.Unknown)
	if err != nil {
		return ""
	}
	return e
}

// entities resolves the document's entities to global ones and merges
// what the document says about them.
func (w *putter) entities(ents []extract.Entity) error {
	type acc struct {
		names    []string
		roles    []extract.Role
		mentions int
		created  bool
	}
	accs := map[string]*acc{}
	for _, e := range ents {
		if e.Type == kind.Unknown || NormName(e.Name) == "" {
			continue
		}
		gid, created, err := w.resolve(e)
		if err != nil {
			return fmt.Errorf("resolve %q: %w", e.Name, err)
		}
		w.local[e.ID] = gid
		if created {
			if w.fresh == nil {
				w.fresh = map[string]bool{}
			}
			w.fresh[gid] = true
		}
		a := accs[gid]
		if a == nil {
			a = &acc{created: created}
			accs[gid] = a
			w.order = append(w.order, gid)
		}
		a.names = append(a.names, e.Name)
		a.names = append(a.names, e.Aliases...)
		a.roles = append(a.roles, e.Roles...)
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			if nn := NormName(n); nn != "" && w.byName[nn] == "" {
				w.byName[nn] = gid
			}
		}
		for _, m := range e.Mentions {
			if m.Start >= 0 && m.End >= m.Start && m.End <= len(w.text) {
				w.spans[gid] = append(w.spans[gid], [2]int{m.Start, m.End})
			}
		}
		a.mentions += len(e.Mentions)
	}
	pub := w.doc.Published
	for _, gid := range w.order {
		a := accs[gid]
		x, err := w.b.entity(gid)
		if err != nil {
			return err
		}
		if !x.found {
			return fmt.Errorf("entity %s vanished", gid)
		}
		ent := cloneEntity(x.v)
		oldMentions := ent.Mentions
		known := map[string]bool{}
		if !a.created {
			known[ent.Name] = true
			for _, n := range ent.Aliases {
				known[n] = true
			}
		}
		for _, n := range a.names {
			ent.addName(n)
		}
		for _, r := range a.roles {
			if err := fileRole(w.txn, &ent, r, w.ref(r.OrgID, r.Org)); err != nil {
				return err
			}
		}
		ent.Mentions += a.mentions
		ent.Documents++
		if pub != "" {
			// A date at either end of the span is filed already.
			filed := pub == ent.FirstSeen || pub == ent.LastSeen
			ent.FirstSeen, ent.LastSeen = minDate(ent.FirstSeen, pub), maxDate(ent.LastSeen, pub)
			// One key per date, not a list in the record: the record
			// stays small however long the entity is in the news.
			if !filed {
				if err := w.txn.Set([]byte(kEntDate(gid, pub)), nil); err != nil {
					return err
				}
			}
		}
		if err := w.b.putEntity(&ent); err != nil {
			return err
		}
		if err := w.indexNames(&ent, known); err != nil {
			return err
		}
		w.b.moveRank(gid, ent.Type.String(), oldMentions, a.created, ent.Mentions)
		if err := setJSON(w.txn, kMent(gid, w.doc.ID), w.spans[gid]); err != nil {
			return err
		}
		if err := setJSON(w.txn, kDocEnt(w.doc.ID, gid), a.mentions); err != nil {
			return err
		}
		if a.created {
			if err := w.stat(statEntities, 1); err != nil {
				return err
			}
			if err := w.stat(statType(ent.Type.String()), 1); err != nil {
				return err
			}
		}
		if err := w.stat(statMentions, a.mentions); err != nil {
			return err
		}
	}
	w.doc.Entities = len(w.order)
	return nil
}

// indexNames files the entity under each of its names not in known.
func (w *putter) indexNames(e *Entity, known map[string]bool) error {
	typ := []byte{byte(e.Type)}
	for _, n := range append([]string{e.Name}, e.Aliases...) {
		if known[n] {
			continue
		}
		nn := NormName(n)
		if nn == "" || len(nn) > 256 {
			continue
		}
		if err := w.b.addNameEntry(nn, nameEntry{ID: e.ID, Type: e.Type}); err != nil {
			return err
		}
		for _, t := range strings.Fields(nn) {
			if err := w.txn.Set([]byte(kTok(t, e.ID)), typ); err != nil {
				return err
			}
		}
	}
	return nil
}

const maxAliases = 64

func (e *Entity) addName(n string) {
	n = strings.TrimSpace(n)
	if n == "" || n == e.Name {
		return
	}
	for _, a := range e.Aliases {
		if a == n {
			return
		}
	}
	// A spelt-out name replaces an acronym it was matched by ("United
	// Nations" over "UN"); the acronym stays as an alias.
	if e.Type != kind.Person && isAcronym(e.Name) && !isAcronym(n) && len(strings.Fields(n)) > 1 {
		e.Aliases = append([]string{e.Name}, e.Aliases...)
		e.Name = n
		return
	}
	if len(e.Aliases) < maxAliases {
		e.Aliases = append(e.Aliases, n)
	}
}

// describes reports whether a person's alias describes rather than names
// ("the prime minister", "his chief diplomat"): within one article it is
// that person, but the same words stand for other people in other
// articles, so matching documents on them merged every prime minister into
// one. Such an alias stays on the entity and in the name index (an analyst
// asking for "the President" gets the most mentioned one), but a document
// is never matched to an entity through it.
func describes(t kind.Entity, alias string) bool {
	if t != kind.Person {
		return false
	}
	first, _, _ := strings.Cut(strings.TrimSpace(alias), " ")
	return determiners[strings.ToLower(first)]
}

// determiners open a description, not a name.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
}

// resolve finds the global entity a document entity stands for, creating
// it if there is none. The rules:
//   - a name of two or more words matches an entity of the same type that
//     has that name or alias (the one with most mentions if several);
//   - a person the document knows by a single word only ("Trump", "Mr
//     Park") matches the one person filed under that word as name or alias;
//     if several are, the one whose own name is that word, else no one.
//     Multi-word names match whole, so "Tony Kim" never joins "Kim
//     Jong-un" through the shared word;
//   - organisations, places and events match on any of their names, one
//     word or more, acronyms included;
//   - a person's descriptive alias ("the judge") matches nothing.
func (w *putter) resolve(e extract.Entity) (gid string, created bool, err error) {
	n0 := NormName(e.Name)
	// The extractor may split one entity of a document in two; the same
	// name and type within a document is the same entity.
	if g := w.canon[typePrefix(e.Type)+n0]; g != "" {
		return g, false, nil
	}
	defer func() {
		if err == nil {
			w.canon[typePrefix(e.Type)+n0] = gid
		}
	}()
	multi := len(strings.Fields(n0)) > 1
	try := []string{n0}
	for _, a := range e.Aliases {
		na := NormName(a)
		if na == "" || na == n0 || describes(e.Type, a) {
			continue
		}
		if e.Type != kind.Person || len(strings.Fields(na)) > 1 {
			try = append(try, na)
		}
	}
	for i, n := range try {
		if e.Type == kind.Person && i == 0 && !multi {
			continue // handled below
		}
		g, err := w.b.lookupName(n, e.Type)
		if err != nil {
			return "", false, err
		}
		if g != "" {
			return g, false, nil
		}
	}
	if e.Type == kind.Person && !multi && len(try) == 1 {
		g, err := w.soleSingleName(n0)
		if err != nil || g != "" {
			return g, false, err
		}
	}
	gid, err = w.newEntity(e)
	return gid, true, err
}

// soleSingleName finds the one person filed under the single word n (as
// name or alias). If several are, it takes the one whose own name is that
// word, if there is one: both sides then know no more than the one word.
// "" if there is no such person.
func (w *putter) soleSingleName(n string) (string, error) {
	es, err := w.b.namesAt(n)
	if err != nil {
		return "", err
	}
	var ids []string
	for _, e := range es {
		if e.Type == kind.Person {
			ids = append(ids, e.ID)
		}
	}
	if len(ids) == 0 {
		return "", nil
	}
	if len(ids) == 1 {
		return ids[0], nil
	}
	for _, id := range ids {
		x, err := w.b.entity(id)
		if err != nil {
			return "", err
		}
		if NormName(x.v.Name) == n {
			return id, nil
		}
	}
	return "", nil
}

func typePrefix(t kind.Entity) string { return strings.ToLower(t.String()) + ":" }

func (w *putter) newEntity(e extract.Entity) (string, error) {
	base := typePrefix(e.Type) + slug(NormName(e.Name))
	id := base
	for i := 2; ; i++ {
		x, err := w.b.entity(id)
		if err != nil {
			return "", err
		}
		if !x.found {
			break
		}
		id = fmt.Sprintf("%s-%d", base, i)
	}
	ent := Entity{ID: id, Name: strings.TrimSpace(e.Name), Type: e.Type}
	if err := w.b.putEntity(&ent); err != nil {
		return "", err
	}
	return id, nil
}

// nameEntry is one entity filed under a name: n/NAME holds a list of them.
// One Get answers a lookup, which stays cheap however many tables Badger
// has, unlike an iterator.
type nameEntry struct {
	ID   string      `json:"i"`
	Type kind.Entity `json:"t"`
}

func namesAt(txn *badger.Txn, n string) ([]nameEntry, error) {
	var es []nameEntry
	_, err := getJSON(txn, kName(n), &es)
	return es, err
}

// pickByMentions returns the entity with most mentions among those having
// the normalised name n, restricted to type t unless t is Unknown, as v
// reads them. "" if none.
func pickByMentions(v nameView, n string, t kind.Entity) (string, error) {
	es, err := v.namesAt(n)
	if err != nil {
		return "", err
	}
	var ids []string
	for _, e := range es {
		if t == kind.Unknown || e.Type == t {
			ids = append(ids, e.ID)
		}
	}
	switch len(ids) {
	case 0:
		return "", nil
	case 1:
		return ids[0], nil
	}
	best, bestM := "", -1
	for _, id := range ids {
		m, err := v.mentions(id)
		if err != nil {
			return "", err
		}
		if m > bestM || (m == bestM && id < best) {
			best, bestM = id, m
		}
	}
	return best, nil
}

// iterPrefix calls fn for each key under prefix, in order, until fn
// returns false.
func iterPrefix(txn *badger.Txn, prefix string, fn func(k []byte, item *badger.Item) (bool, error)) error {
	opts := badger.DefaultIteratorOptions
	// Values are stored in the LSM tree with their keys (all but texts
	// over Badger's 1 MB value threshold), so item.Value reads them in
	// place; Badger's prefetch would start a goroutine per item to copy
	// each one.
	opts.PrefetchValues = false
	opts.Prefix = []byte(prefix)
	it := iterate(txn, opts)
	defer it.Close()
	for it.Seek(opts.Prefix); it.ValidForPrefix(opts.Prefix); it.Next() {
		item := it.Item()
		more, err := fn(item.Key(), item)
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// cooccurrences counts, for each pair of entities, the sentences of the
// document that mention both.
func (w *putter) cooccurrences() error {
	ends := sentenceEnds(w.text)
	bySentence := map[int][]string{}
	for _, gid := range w.order {
		seen := map[int]bool{}
		for _, sp := range w.spans[gid] {
			i := sort.SearchInts(ends, sp[0]+1)
			if !seen[i] {
				seen[i] = true
				bySentence[i] = append(bySentence[i], gid)
			}
		}
	}
	pairs := map[[2]string]int{}
	for _, ids := range bySentence {
		if len(ids) > 40 {
			ids = ids[:40] // a list of names, not a sentence: bound the pairs
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
	keys := make([][2]string, 0, len(pairs))
	for p := range pairs {
		keys = append(keys, p)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i][0] < keys[j][0] || keys[i][0] == keys[j][0] && keys[i][1] < keys[j][1]
	})
	for _, p := range keys {
		// The batch holds the edge until it commits (see batch.coocs):
		// written once, however many of its documents add to it.
		// An entity this document created has no edge yet: nothing to
		// read (a new pair is most of a document's pairs in a large
		// store, and a read that finds nothing still searches every
		// level of the LSM tree).
		e, found, err := w.b.cooc(p, w.fresh[p[0]] || w.fresh[p[1]])
		if err != nil {
			return err
		}
		e.c.Weight += pairs[p]
		if pub := w.doc.Published; pub != "" {
			// As with an entity's dates: a date at either end of the
			// span is filed already, and each date is a key.
			filed := pub == e.c.First || pub == e.c.Last
			e.c.First, e.c.Last = minDate(e.c.First, pub), maxDate(e.c.Last, pub)
			if !filed {
				if err := w.txn.Set([]byte(kCoocDate(p[0], p[1], pub)), nil); err != nil {
					return err
				}
			}
		}
		if !found {
			if err := w.stat(statEdges, 1); err != nil {
				return err
			}
			w.count(kDegree(p[0]), 1)
			w.count(kDegree(p[1]), 1)
		}
	}
	return nil
}

// sentenceEnds returns the byte offsets where sentences end: after . ! or ?
// followed by white space, and at line breaks. The last is len(text).
func sentenceEnds(text string) []int {
	var ends []int
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\n':
			ends = append(ends, i+1)
		case (c == '.' || c == '!' || c == '?') && (i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\t'):
			ends = append(ends, i+1)
		}
	}
	return append(ends, len(text)+1)
}

// within returns the entities of the document mentioned inside [start, end).
func (w *putter) within(start, end int) []string {
	var out []string
	for _, gid := range w.order {
		for _, sp := range w.spans[gid] {
			if sp[0] >= start && sp[1] <= end {
				out = append(out, gid)
				break
			}
		}
	}
	return out
}

func (w *putter) quote(q extract.Quote) error {
	norm := NormQuote(q.Text)
	if norm == "" {
		return nil
	}
	sid := ""
	if q.Speaker != nil || q.SpeakerID != "" {
		name := ""
		if q.Speaker != nil {
			name = *q.Speaker
		}
		sid = w.ref(q.SpeakerID, name)
	}
	date, fromDoc := cleanDate(q.Date), false
	if date == "" && w.doc.Published != "" {
		date, fromDoc = w.doc.Published, true
	}
	src := Source{Document: w.doc.ID, Start: q.Start, End: q.End}
	about := w.within(q.Start, q.End)

	rec, found, err := w.findQuote(norm, sid, date)
	if err != nil {
		return err
	}
	if !found {
		rec = Quote{ID: "q" + shortHash(norm), Text: strings.TrimSpace(q.Text), SpeakerID: sid,
			Speakers: nonEmpty(sid), Cue: q.Cue, Direct: q.Direct,
			Place: q.Place, Medium: q.Medium, Date: date, DateFromDocument: fromDoc,
			About: about, Variants: []string{norm}}
		if err := w.addSource(rec.ID, &rec.SourceCount, src); err != nil {
			return err
		}
		if err := w.indexQuote(nil, &rec); err != nil {
			return err
		}
		w.doc.Quotes++
		return w.stat(statQuotes, 1)
	}
	old := rec
	old.Variants = append([]string(nil), rec.Variants...)
	old.Speakers = append([]string(nil), rec.Speakers...)
	if len(q.Text) > len(rec.Text) {
		rec.Text = strings.TrimSpace(q.Text)
	}
	if rec.SpeakerID == "" {
		rec.SpeakerID = sid
	}
	rec.Speakers = union(rec.Speakers, nonEmpty(sid))
	if rec.Cue == "" {
		rec.Cue = q.Cue
	}
	rec.Direct = rec.Direct || q.Direct
	rec.Place = first(rec.Place, q.Place)
	rec.Medium = first(rec.Medium, q.Medium)
	if (rec.DateFromDocument || rec.Date == "") && !fromDoc && date != "" {
		rec.Date, rec.DateFromDocument = date, false
	}
	rec.About = union(rec.About, about)
	if err := w.addSource(rec.ID, &rec.SourceCount, src); err != nil {
		return err
	}
	rec.Variants = union(rec.Variants, []string{norm})
	if h := shortHash(norm); rec.ID != "q"+h {
		if err := w.txn.Set([]byte(kQAlias(h)), []byte(rec.ID)); err != nil {
			return err
		}
	}
	if err := w.indexQuote(&old, &rec); err != nil {
		return err
	}
	w.doc.Quotes++
	return nil
}

// addSource files src as the next source of fact fid, which has count of
// them, unless this document already gave fid that span.
func (w *putter) addSource(fid string, count *int, src Source) error {
	k := factSpan{fid, src.Start, src.End}
	if w.factSpans[k] {
		return nil
	}
	if w.factSpans == nil {
		w.factSpans = map[factSpan]bool{}
	}
	w.factSpans[k] = true
	if err := fileSource(w.txn.Set, fid, *count, src); err != nil {
		return err
	}
	*count++
	return nil
}

// factSpan is a span of the document being stored that reports a fact.
type factSpan struct {
	fid        string
	start, end int
}

// findQuote finds a stored quote with the same words: the same normalised
// text, whoever it is attributed to, or (for a known speaker) a stored
// quote of the same speaker whose text contains this one or is contained
// in it, word for word, dated within variantDays.
func (w *putter) findQuote(norm, sid, date string) (Quote, bool, error) {
	var rec Quote
	found, err := getJSON(w.txn.Txn, kQuote("q"+shortHash(norm)), &rec)
	if err != nil || found {
		return rec, found, err
	}
	if item, err := w.txn.Get([]byte(kQAlias(shortHash(norm)))); err == nil {
		id, err := item.ValueCopy(nil)
		if err != nil {
			return rec, false, err
		}
		found, err := getJSON(w.txn.Txn, kQuote(string(id)), &rec)
		if err != nil || found {
			return rec, found, err
		}
	} else if !errors.Is(err, badger.ErrKeyNotFound) {
		return rec, false, err
	}
	if sid == "" || date == "" || w.fresh[sid] || len(strings.Fields(norm)) < minVariantWords {
		return rec, false, nil // nothing shorter or longer can qualify
	}
	// Reports of the same words come within weeks of each other: look at
	// the speaker's quotes dated up to a quarter either side. Only earlier
	// documents are searched (the snapshot, and what earlier documents of
	// the batch filed): one article rarely quotes the same words twice in
	// different lengths.
	lo, hi := shiftDate(date, -variantDays), shiftDate(date, variantDays)+"\xff"
	ns := signature(norm)
	var match string
	checked := 0
	try := func(pos string, sigs []byte) (bool, error) {
		checked++
		// The signatures in the qs/ key turn down most candidates; the
		// batch knows the latest of those its documents rewrote.
		qid := lastField(pos)
		if s, ok := w.b.quoteSigs[qid]; ok {
			sigs = s
		}
		if !mayBeVariant(sigs, &ns) {
			return false, nil
		}
		// Only the words matter here: the batch's view of a quote's
		// variants, the hot cache's, else the record's.
		c, err := w.b.quoteVariants(qid)
		if err != nil {
			return false, err
		}
		for _, v := range c.v {
			if isVariant(v, norm) {
				match = qid
				return true, nil
			}
		}
		return false, nil
	}
	if err := w.speakerQuotes(sid, lo, hi, func(pos string, sigs []byte) (bool, error) {
		if checked >= 1000 {
			return true, nil
		}
		return try(pos, sigs)
	}); err != nil {
		return rec, false, err
	}
	if match == "" {
		return rec, false, nil
	}
	found, err = getJSON(w.txn.Txn, kQuote(match), &rec)
	return rec, found, err
}

// speakerQuotes calls fn with the date/qid positions of sid's quotes
// dated in [lo, hi) by earlier documents, in order, until fn returns true:
// those committed before the batch, as the batch's earlier documents left
// them. With each position comes the value of its qs/ key as committed
// (nil for one the batch filed), valid during the call only.
func (w *putter) speakerQuotes(sid, lo, hi string, fn func(pos string, sigs []byte) (bool, error)) error {
	added, changed := w.b.speakerPositions(sid, lo, hi)
	prefix := pQSpeaker + sid + sep
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false // small values, stored in the LSM tree with the key
	opts.Prefix = []byte(prefix)
	it := w.b.snapshot().NewIterator(opts)
	defer it.Close()
	var buf []byte
	for it.Seek([]byte(prefix + lo)); it.ValidForPrefix(opts.Prefix); it.Next() {
		item := it.Item()
		pos := string(item.Key()[len(prefix):])
		if pos >= hi {
			break
		}
		if _, ok := changed[pos]; ok {
			continue // set again or deleted by the batch: see added
		}
		for len(added) > 0 && added[0] < pos {
			if stop, err := fn(added[0], nil); stop || err != nil {
				return err
			}
			added = added[1:]
		}
		var err error
		if buf, err = item.ValueCopy(buf[:0]); err != nil {
			return fmt.Errorf("read %q: %w", item.Key(), err)
		}
		if stop, err := fn(pos, buf); stop || err != nil {
			return err
		}
	}
	for _, pos := range added {
		if stop, err := fn(pos, nil); stop || err != nil {
			return err
		}
	}
	return nil
}

// variantDays is how far apart in days two reports of a quote's words may
// be dated and still be merged as shorter and longer forms.
const variantDays = 92

// minVariantWords is the fewest words the shorter form must have: one or
// two words ("disappointing") turn up inside many longer quotes.
const minVariantWords = 3

// isVariant reports whether the normalised texts a and b are shorter and
// longer reports of the same words: one contains the other, word for
// word, and the shorter has at least minVariantWords words.
func isVariant(a, b string) bool {
	if short := min(len(a), len(b)); short == len(a) && len(strings.Fields(a)) < minVariantWords ||
		short == len(b) && len(strings.Fields(b)) < minVariantWords {
		return false
	}
	return containsWords(a, b) || containsWords(b, a)
}

func containsWords(long, short string) bool {
	return strings.Contains(" "+long+" ", " "+short+" ")
}

// indexQuote writes rec and its index keys, removing those of old.
func (w *putter) indexQuote(old, rec *Quote) error {
	// Only the keys that change are written: a quote reported again
	// usually keeps its date, speakers and words, and each key written is
	// an insert into Badger's memtable.
	newKeys := quoteIndexKeys(rec)
	oldKeys := map[string]bool{}
	oldWords := map[string]bool{}
	if old != nil {
		for _, k := range quoteIndexKeys(old) {
			oldKeys[k] = true
		}
		kept := make(map[string]bool, len(newKeys))
		for _, k := range newKeys {
			kept[k] = true
		}
		for k := range oldKeys {
			if kept[k] {
				continue
			}
			if err := w.txn.Delete([]byte(k)); err != nil {
				return err
			}
			w.noteSpeakerKey(k, false)
		}
		for _, v := range old.Variants {
			for _, wd := range quoteWords(v) {
				oldWords[wd] = true
			}
		}
	}
	// The speaker counters keep a speaker's quote total a single read.
	var oldSpeakers []string
	if old != nil {
		oldSpeakers = union(nonEmpty(old.SpeakerID), old.Speakers)
	}
	newSpeakers := union(nonEmpty(rec.SpeakerID), rec.Speakers)
	for _, sp := range newSpeakers {
		if !slices.Contains(oldSpeakers, sp) {
			w.count(kQSpeakN(sp), 1)
		}
	}
	for _, sp := range oldSpeakers {
		if !slices.Contains(newSpeakers, sp) {
			w.count(kQSpeakN(sp), -1)
		}
	}
	newWords := map[string]bool{}
	for _, v := range rec.Variants {
		for _, wd := range quoteWords(v) {
			newWords[wd] = true
		}
	}
	for wd := range newWords {
		if !oldWords[wd] {
			w.count(kQWordN(wd), 1)
		}
	}
	// The qs/ keys hold the variants' signatures: a new variant rewrites
	// them where they stay.
	sigs := quoteSigs(rec.Variants)
	resign := old == nil || !slices.Equal(old.Variants, rec.Variants)
	for _, k := range newKeys {
		if oldKeys[k] && !(resign && strings.HasPrefix(k, pQSpeaker)) {
			continue // there already
		}
		if err := w.txn.Set([]byte(k), quoteKeyValue(k, sigs)); err != nil {
			return err
		}
		if !oldKeys[k] {
			w.noteSpeakerKey(k, true)
		}
	}
	w.b.quoteSigs[rec.ID] = sigs
	return w.b.putQuote(rec)
}

// noteSpeakerKey remembers a qs/ key set or deleted, for the variant
// search of the batch's later documents (see speakerQuotes).
func (w *putter) noteSpeakerKey(k string, set bool) {
	if !strings.HasPrefix(k, pQSpeaker) {
		return
	}
	sid, pos, ok := strings.Cut(k[len(pQSpeaker):], sep)
	if !ok {
		return
	}
	if w.speakerKeys == nil {
		w.speakerKeys = map[string]map[string]bool{}
	}
	m := w.speakerKeys[sid]
	if m == nil {
		m = map[string]bool{}
		w.speakerKeys[sid] = m
	}
	m[pos] = set
}

func quoteIndexKeys(q *Quote) []string {
	keys := append([]string{kQDate(q.Date, q.ID)}, quoteSpeakerKeys(q)...)
	seen := map[string]bool{}
	for _, v := range q.Variants {
		for _, wd := range quoteWords(v) {
			if !seen[wd] {
				seen[wd] = true
				keys = append(keys, kQWord(wd, q.Date, q.ID))
			}
		}
	}
	return keys
}

// quoteSpeakerKeys are q's qs/ keys: one for each speaker.
func quoteSpeakerKeys(q *Quote) []string {
	var keys []string
	for _, sp := range union(nonEmpty(q.SpeakerID), q.Speakers) {
		keys = append(keys, kQSpeaker(sp, q.Date, q.ID))
	}
	return keys
}

func union(a, b []string) []string {
	for _, x := range b {
		dup := false
		for _, y := range a {
			if x == y {
				dup = true
				break
			}
		}
		if !dup {
			a = append(a, x)
		}
	}
	return a
}

func (w *putter) event(e extract.Event) error {
	var parts []string
	for i, name := range e.Participants {
		id := ""
		if i < len(e.ParticipantIDs) {
			id = e.ParticipantIDs[i]
		}
		if g := w.ref(id, name); g != "" {
			parts = union(parts, []string{g})
		}
	}
	for i := len(e.Participants); i < len(e.ParticipantIDs); i++ {
		if g := w.ref(e.ParticipantIDs[i], ""); g != "" {
			parts = union(parts, []string{g})
		}
	}
	sort.Strings(parts)
	place := w.ref(e.PlaceID, e.Place)
	date, fromDoc := cleanDate(e.Date), false
	if date == "" && w.doc.Published != "" {
		date, fromDoc = w.doc.Published, true
	}
	typ := strings.ToLower(strings.TrimSpace(e.Type))
	key := strings.Join(parts, ",")
	if key == "" {
		key = NormQuote(e.Text)
	}
	id := "v" + shortHash(typ, key, date)
	src := Source{Document: w.doc.ID, Start: e.Start, End: e.End}
	var rec Event
	found, err := getJSON(w.txn.Txn, kEvent(id), &rec)
	if err != nil {
		return err
	}
	if found {
		if err := w.addSource(id, &rec.SourceCount, src); err != nil {
			return err
		}
		if rec.Place == "" && place != "" {
			rec.Place = place
			if err := w.txn.Set([]byte(kEvPart(place, rec.Date, id)), nil); err != nil {
				return err
			}
		}
		w.doc.Events++
		return setJSON(w.txn, kEvent(id), &rec)
	}
	rec = Event{ID: id, Type: typ, Text: strings.TrimSpace(e.Text), Date: date, DateFromDocument: fromDoc,
		Participants: parts, Place: place}
	if err := w.addSource(id, &rec.SourceCount, src); err != nil {
		return err
	}
	for _, k := range eventIndexKeys(&rec) {
		if err := w.txn.Set([]byte(k), nil); err != nil {
			return err
		}
	}
	w.doc.Events++
	if err := w.stat(statEvents, 1); err != nil {
		return err
	}
	return setJSON(w.txn, kEvent(id), &rec)
}

func eventIndexKeys(e *Event) []string {
	keys := []string{kEvDate(e.Date, e.ID)}
	for _, p := range union(append([]string(nil), e.Participants...), nonEmpty(e.Place)) {
		keys = append(keys, kEvPart(p, e.Date, e.ID))
	}
	return keys
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func (w *putter) relation(p kind.Predicate, subj, obj, date string, start, end int) error {
	if subj == "" || obj == "" || subj == obj || p == "" {
		return nil
	}
	id := "r" + shortHash(string(p), subj, obj, date)
	src := Source{Document: w.doc.ID, Start: start, End: end}
	var rec Relation
	found, err := getJSON(w.txn.Txn, kRel(id), &rec)
	if err != nil {
		return err
	}
	seen := first(date, w.doc.Published)
	if found {
		if err := w.addSource(id, &rec.SourceCount, src); err != nil {
			return err
		}
		rec.Dates = addDate(rec.Dates, seen)
		w.doc.Relations++
		return setJSON(w.txn, kRel(id), &rec)
	}
	rec = Relation{ID: id, Predicate: p, Subject: subj, Object: obj, Date: date,
		Dates: addDate(nil, seen)}
	if err := w.addSource(id, &rec.SourceCount, src); err != nil {
		return err
	}
	for _, ends := range [][2]string{{subj, obj}, {obj, subj}} {
		if err := w.txn.Set([]byte(kRelEnt(ends[0], ends[1], id)), nil); err != nil {
			return err
		}
		w.count(kDegree(ends[0]), 1)
	}
	w.doc.Relations++
	if err := w.stat(statRelations, 1); err != nil {
		return err
	}
	return setJSON(w.txn, kRel(id), &rec)
}

// isAcronym reports whether s is one short word in capitals ("UN", "NATO").
func isAcronym(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if (r < 'A' || r > 'Z') && r != '.' {
			return false
		}
	}
	return true
}
