package graph

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/kind"
)

// DefaultPageSize is the page size when Page.First is zero or less.
const DefaultPageSize = 20

// Page asks for one page of a list: the First items after the cursor After
// ("" for the start). Cursors are opaque strings taken from a List.
type Page struct {
	First int
	After string
	// SkipTotal leaves List.Total at zero for lists whose total would
	// have to be counted by walking an index: a caller that does not show
	// the total saves that walk (for a speaker with thousands of quotes,
	// most of the query's cost).
	SkipTotal bool
}

func (p Page) size() int {
	if p.First <= 0 {
		return DefaultPageSize
	}
	return p.First
}

// List is one page of results.
type List[T any] struct {
	Items     []T
	Cursors   []string // Cursors[i] is the cursor just after Items[i]
	HasNext   bool     // more items follow this page
	EndCursor string   // cursor of the last item; "" for an empty page
	Total     int      // items in the whole list, all pages
}

func (l *List[T]) add(item T, pos string) {
	l.Items = append(l.Items, item)
	c := encodeCursor(pos)
	l.Cursors = append(l.Cursors, c)
	l.EndCursor = c
}

func encodeCursor(pos string) string { return base64.RawURLEncoding.EncodeToString([]byte(pos)) }

func decodeCursor(c string) (string, error) {
	if c == "" {
		return "", nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", fmt.Errorf("%w %q", ErrBadCursor, c)
	}
	return string(b), nil
}

// counter tells whether the index entry at pos counts towards a list's
// Total. It must agree with the list's match function, reading as little
// as it can (best: nothing but the key).
type counter func(pos string) (bool, error)

// keyOnly counts every index entry.
func keyOnly(string) (bool, error) { return true, nil }

// keyDateIn counts the entries of an index laid out as DATE/ID whose date
// is inside dr: the key alone decides, so no record is read.
func keyDateIn(dr dateRange) counter {
	return func(pos string) (bool, error) {
		d, _, _ := strings.Cut(pos, sep)
		return dr.contains(d), nil
	}
}

// scan walks the keys prefix+pos for lo <= pos < hi, in order (descending
// if reverse), calling match on each; matches after the cursor fill the
// page, and one more tells HasNext. With count set (and p.SkipTotal not)
// it also walks the rest of the range, and the part before the cursor,
// calling count (not match) on each key to compute Total; otherwise it
// stops once the page is full and Total is left to the caller.
func scan[T any](ctx context.Context, txn *badger.Txn, prefix, lo, hi string, p Page, count counter, reverse bool,
	match func(pos string) (T, bool, error)) (List[T], error) {
	var l List[T]
	after, err := decodeCursor(p.After)
	if err != nil {
		return l, err
	}
	if p.SkipTotal {
		count = nil
	}
	n := p.size()
	opts := badger.DefaultIteratorOptions
	opts.PrefetchValues = false
	opts.Prefix = []byte(prefix)
	opts.Reverse = reverse
	it := iterate(txn, opts)
	defer it.Close()
	var start string
	if !reverse {
		start = prefix + lo
		if count == nil && after != "" && prefix+after+sep > start {
			start = prefix + after + sep
		}
	} else {
		// A reverse Seek lands on the last key <= start.
		start = prefix + "\xff"
		if hi != "" {
			start = prefix + hi
		}
		if count == nil && after != "" && prefix+after < start {
			start = prefix + after
		}
	}
	// seen tells whether pos was on an earlier page.
	seen := func(pos string) bool {
		if after == "" {
			return false
		}
		if reverse {
			return pos >= after
		}
		return pos <= after
	}
	i := 0
	for it.Seek([]byte(start)); it.ValidForPrefix(opts.Prefix); it.Next() {
		if i++; i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return l, err
			}
		}
		pos := string(it.Item().Key()[len(prefix):])
		if !reverse && hi != "" && pos >= hi {
			break
		}
		if reverse && pos < lo {
			break
		}
		if reverse && hi != "" && pos >= hi {
			continue
		}
		if l.HasNext || seen(pos) {
			// Only counting is left to do here, and count reads less
			// than match.
			if count == nil {
				continue
			}
			ok, err := count(pos)
			if err != nil {
				return l, err
			}
			if ok {
				l.Total++
			}
			continue
		}
		v, ok, err := match(pos)
		if err != nil {
			return l, err
		}
		if !ok {
			continue
		}
		l.Total++
		if len(l.Items) < n {
			l.add(v, pos)
			continue
		}
		l.HasNext = true
		if count == nil {
			break
		}
	}
	return l, nil
}

func (s *Store) view(ctx context.Context, fn func(txn *badger.Txn) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if rs := readSetOf(ctx); rs != nil {
		return s.db.View(func(txn *badger.Txn) error { return withReader(txn, rs, fn) })
	}
	return s.db.View(fn)
}

func lastField(pos string) string { return pos[strings.LastIndexByte(pos, 0)+1:] }

// Entity returns the entity with the given ID, or ErrNotFound.
func (s *Store) Entity(ctx context.Context, id string) (Entity, error) {
	var e Entity
	gen := s.Generation()
	err := s.view(ctx, func(txn *badger.Txn) error {
		var found bool
		var err error
		e, found, err = s.entityRecord(txn, gen, id)
		if err == nil && !found {
			err = ErrNotFound
		}
		return err
	})
	if err != nil {
		return e, fmt.Errorf("graph: entity %q: %w", id, err)
	}
	return e, nil
}

// EntityHead returns the entity with the given ID with only its ID, Name
// and Type filled, or ErrNotFound: what a reference to a speaker or a
// participant usually shows, read without decoding the record's aliases
// (dozens, for a well-known person) or reading its roles.
func (s *Store) EntityHead(ctx context.Context, id string) (Entity, error) {
	// A page of quotes or events names the same few people again and
	// again, and each head is a read of its own.
	gen := s.Generation()
	if e, ok := s.heads.get(gen, id); ok {
		readSetOf(ctx).noteCached(s, &s.heads, id)
		return e, nil
	}
	var e Entity
	err := s.view(ctx, func(txn *badger.Txn) error {
		item, err := get(txn, kEnt(id))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		return item.Value(func(b []byte) error {
			e, err = decodeEntityHead(b)
			return err
		})
	})
	if err != nil {
		return e, fmt.Errorf("graph: entity %q: %w", id, err)
	}
	s.heads.put(gen, id, e)
	return e, nil
}

// decodeEntityHead reads an encoded Entity up to its ID, Name and Type,
// which come first, skipping what it meets before them.
func decodeEntityHead(b []byte) (Entity, error) {
	var e Entity
	dec := json.NewDecoder(bytes.NewReader(b))
	t, err := dec.Token()
	if err != nil {
		return e, fmt.Errorf("entity record: %w", err)
	}
	if t != json.Delim('{') {
		return e, fmt.Errorf("entity record: %v, want an object", t)
	}
	var got [3]bool
	for dec.More() && !(got[0] && got[1] && got[2]) {
		t, err := dec.Token()
		if err != nil {
			return e, fmt.Errorf("entity record: %w", err)
		}
		key, _ := t.(string)
		var v any = new(json.RawMessage)
		switch key {
		case "id":
			v, got[0] = &e.ID, true
		case "name":
			v, got[1] = &e.Name, true
		case "type":
			v, got[2] = &e.Type, true
		}
		if err := dec.Decode(v); err != nil {
			return e, fmt.Errorf("entity record: %s: %w", key, err)
		}
	}
	return e, nil
}

// EntityByName returns the entity that has name as its name or one of its
// aliases, compared as NormName (case, punctuation and honorifics
// ignored); of several, the most mentioned. A name with titles in front
// ("NATO chief Jens Stoltenberg") that matches nothing whole is tried
// without its leading words, down to the last two. ErrNotFound if none.
func (s *Store) EntityByName(ctx context.Context, name string) (Entity, error) {
	var e Entity
	gen := s.Generation()
	err := s.view(ctx, func(txn *badger.Txn) error {
		n := NormName(name)
		id, err := s.resolved(gen, txn, "name"+sep+n, func(v readKeys) (string, error) { return lookupTitled(v, n) })
		if err != nil {
			return err
		}
		if id == "" {
			return ErrNotFound
		}
		e, _, err = s.entityRecord(txn, gen, id)
		return err
	})
	if err != nil {
		return e, fmt.Errorf("graph: entity named %q: %w", name, err)
	}
	return e, nil
}

// lookupTitled is pickByMentions of any type, then the same without
// leading words.
func lookupTitled(v nameView, n string) (string, error) {
	id, err := pickByMentions(v, n, kind.Unknown)
	if err != nil || id != "" {
		return id, err
	}
	words := strings.Fields(n)
	for i := 1; i+2 <= len(words); i++ {
		id, err := pickByMentions(v, strings.Join(words[i:], " "), kind.Unknown)
		if err != nil || id != "" {
			return id, err
		}
	}
	return "", nil
}

// entityRecord returns entity id with its roles, through the Store's
// cache (see genCache): a well-known person's record holds dozens of
// aliases and hundreds of roles, each role a key to read and decode. The
// slices are the caller's own.
func (s *Store) entityRecord(txn *badger.Txn, gen uint64, id string) (Entity, bool, error) {
	e, ok := s.entities.get(gen, id)
	if ok {
		s.hit(txn, &s.entities, id)
	} else {
		found, err := getEntity(txn, id, &e)
		if err != nil || !found {
			return Entity{}, false, err
		}
		s.entities.put(gen, id, e)
	}
	e.Aliases, e.Roles = slices.Clone(e.Aliases), slices.Clone(e.Roles)
	return e, true, nil
}

// resolveEntity reads ref as an entity ID, else as a name, in txn, begun
// at generation gen or later.
func (s *Store) resolveEntity(txn *badger.Txn, gen uint64, ref string) (string, error) {
	return s.resolved(gen, txn, "id"+sep+ref, func(v readKeys) (string, error) {
		if ok, err := v.entityExists(ref); err != nil || ok {
			return ref, err
		}
		return lookupTitled(v, NormName(ref))
	})
}

// resolved answers a lookup of an entity by key from s.names, else by
// look, and keeps the answer ("" for none) until a write changes a key
// that look read through v (see nameCache). Picking the most mentioned of
// the entities filed under a name reads each one's count: a common name
// grows candidates as the store grows (7.5 on average among the load
// test's people at 100,000 articles, against 1.15 at 1,000), and a server
// is asked about the same people again and again.
func (s *Store) resolved(gen uint64, txn *badger.Txn, key string, look func(v readKeys) (string, error)) (string, error) {
	if id, read, ok := s.names.get(gen, key); ok {
		readSetFor(txn).noteKeys(read)
		return id, nil
	}
	var read []string
	id, err := look(readKeys{txn, &read})
	if err == nil {
		s.names.put(gen, key, id, read)
	}
	return id, err
}

// EntityFilter selects entities. The zero value selects all.
type EntityFilter struct {
	Type   kind.Entity // Unknown for any type
	Search string      // a prefix of any word of any name or alias, or of a whole name
}

// maxSearch bounds how many entities a search ranks.
const maxSearch = 5000

// Entities lists entities, most mentioned first.
func (s *Store) Entities(ctx context.Context, f EntityFilter, p Page) (List[Entity], error) {
	var l List[Entity]
	typ := "*"
	if f.Type != kind.Unknown {
		typ = f.Type.String()
	}
	err := s.view(ctx, func(txn *badger.Txn) error {
		if strings.TrimSpace(f.Search) == "" {
			var err error
			l, err = scan(ctx, txn, pRank+typ+sep, "", "", p, nil, false, func(pos string) (Entity, bool, error) {
				var e Entity
				_, err := getEntity(txn, pos[8:], &e)
				return e, true, err
			})
			if err != nil {
				return err
			}
			stat := statEntities
			if typ != "*" {
				stat = statType(typ)
			}
			n, err := getUint(txn, kStat(stat))
			l.Total = int(n)
			return err
		}
		var err error
		l, err = s.search(ctx, txn, f, p)
		return err
	})
	if err != nil {
		return l, fmt.Errorf("graph: entities: %w", err)
	}
	return l, nil
}

func (s *Store) search(ctx context.Context, txn *badger.Txn, f EntityFilter, p Page) (List[Entity], error) {
	var l List[Entity]
	after, err := decodeCursor(p.After)
	if err != nil {
		return l, err
	}
	skip := 0
	if after != "" {
		if skip, err = strconv.Atoi(after); err != nil || skip < 0 {
			return l, fmt.Errorf("%w %q", ErrBadCursor, p.After)
		}
	}
	q := NormName(f.Search)
	ids := map[string]bool{}
	collect := func(prefix string) error {
		return iterPrefix(txn, prefix, func(k []byte, item *badger.Item) (bool, error) {
			if err := ctx.Err(); err != nil {
				return false, err
			}
			id := string(k[strings.LastIndexByte(string(k), 0)+1:])
			if f.Type != kind.Unknown {
				t := byte(0)
				if err := item.Value(func(b []byte) error {
					if len(b) == 1 {
						t = b[0]
					}
					return nil
				}); err != nil {
					return false, err
				}
				if kind.Entity(t) != f.Type {
					return true, nil
				}
			}
			ids[id] = true
			return len(ids) < maxSearch, nil
		})
	}
	if q != "" {
		err := iterPrefix(txn, pName+q, func(k []byte, item *badger.Item) (bool, error) {
			var es []nameEntry
			if err := item.Value(func(b []byte) error { return json.Unmarshal(b, &es) }); err != nil {
				return false, err
			}
			for _, e := range es {
				if f.Type == kind.Unknown || e.Type == f.Type {
					ids[e.ID] = true
				}
			}
			return len(ids) < maxSearch, ctx.Err()
		})
		if err != nil {
			return l, err
		}
		if !strings.Contains(q, " ") {
			if err := collect(pTok + q); err != nil {
				return l, err
			}
		}
	}
	ents := make([]Entity, 0, len(ids))
	for id := range ids {
		var e Entity
		if _, err := getJSON(txn, kEnt(id), &e); err != nil {
			return l, err
		}
		ents = append(ents, e)
	}
	sort.Slice(ents, func(i, j int) bool {
		if ents[i].Mentions != ents[j].Mentions {
			return ents[i].Mentions > ents[j].Mentions
		}
		return ents[i].ID < ents[j].ID
	})
	l.Total = len(ents)
	n := p.size()
	for i := skip; i < len(ents); i++ {
		if len(l.Items) == n {
			l.HasNext = true
			break
		}
		// Only the page's entities need their roles.
		if ents[i].Roles, err = readRoles(txn, ents[i].ID); err != nil {
			return l, err
		}
		l.add(ents[i], strconv.Itoa(i+1))
	}
	return l, nil
}

// QuoteFilter selects quotes; empty fields select all. The filters combine.
type QuoteFilter struct {
	Speaker  string // entity ID, or any name or alias (see EntityByName)
	Contains string // words that must appear in this order, compared as NormQuote
	From, To string // dates, YYYY[-MM[-DD]], inclusive; see the package doc
	// NewestFirst lists by date descending; the default is oldest first.
	NewestFirst bool
}

// Quotes lists quotes by date, then ID.
func (s *Store) Quotes(ctx context.Context, f QuoteFilter, p Page) (List[Quote], error) {
	var l List[Quote]
	dr, err := newDateRange(f.From, f.To)
	if err != nil {
		return l, fmt.Errorf("graph: quotes: %w", err)
	}
	gen := s.Generation()
	err = s.view(ctx, func(txn *badger.Txn) error {
		contains := NormQuote(f.Contains)
		verify := func(pos string) (Quote, bool, error) {
			q, found, err := s.quoteRecord(txn, gen, lastField(pos))
			if err != nil || !found {
				return q, false, err
			}
			if !dr.contains(q.Date) {
				return q, false, nil
			}
			if contains != "" {
				ok := false
				for _, v := range q.Variants {
					if containsWords(v, contains) {
						ok = true
						break
					}
				}
				if !ok {
					return q, false, nil
				}
			}
			return q, true, nil
		}
		lo, hi := dr.scanStart(), dr.scanEnd()
		switch {
		case f.Speaker != "":
			sid, err := s.resolveEntity(txn, gen, f.Speaker)
			if err != nil || sid == "" {
				return err
			}
			if contains == "" && !dr.any() {
				// The whole record: its size is a counter.
				l, err = scan(ctx, txn, pQSpeaker+sid+sep, lo, hi, p, nil, f.NewestFirst, verify)
				if err != nil || p.SkipTotal {
					return err
				}
				n, err := getUint(txn, kQSpeakN(sid))
				l.Total = int(n)
				return err
			}
			cnt := keyDateIn(dr)
			if contains != "" {
				cnt = func(pos string) (bool, error) { _, ok, err := verify(pos); return ok, err }
			}
			l, err = scan(ctx, txn, pQSpeaker+sid+sep, lo, hi, p, cnt, f.NewestFirst, verify)
			return err
		case contains != "":
			w, err := rarestWord(txn, contains)
			if err != nil || w == "" {
				return err
			}
			l, err = scan(ctx, txn, pQWord+w+sep, lo, hi, p, func(pos string) (bool, error) {
				_, ok, err := verify(pos)
				return ok, err
			}, f.NewestFirst, verify)
			return err
		case dr.any():
			l, err = scan(ctx, txn, pQDate, lo, hi, p, keyDateIn(dr), f.NewestFirst, verify)
			return err
		default:
			l, err = scan(ctx, txn, pQDate, "", "", p, nil, f.NewestFirst, verify)
			if err != nil {
				return err
			}
			n, err := getUint(txn, kStat(statQuotes))
			l.Total = int(n)
			return err
		}
	})
	if err != nil {
		return l, fmt.Errorf("graph: quotes: %w", err)
	}
	return l, nil
}

// rarestWord returns the word of norm with the fewest postings, or "" if
// some word has none (then nothing can match).
func rarestWord(txn *badger.Txn, norm string) (string, error) {
	best, bestN := "", uint64(0)
	for _, w := range quoteWords(norm) {
		n, err := getUint(txn, kQWordN(w))
		if err != nil {
			return "", err
		}
		if n == 0 {
			return "", nil
		}
		if best == "" || n < bestN {
			best, bestN = w, n
		}
	}
	return best, nil
}

// quoteRecord reads quote id, without its sources, through the Store's
// cache: the quotes of well-known speakers come back in speaker, entity
// and phrase queries alike. What it returns shares no slice with the
// cache: callers own it.
func (s *Store) quoteRecord(txn *badger.Txn, gen uint64, id string) (Quote, bool, error) {
	q, found := s.quotes.get(gen, id)
	if found {
		s.hit(txn, &s.quotes, id)
	} else {
		var err error
		if found, err = getJSON(txn, kQuote(id), &q); err != nil || !found {
			return q, false, err
		}
		s.quotes.put(gen, id, q)
	}
	q.Speakers, q.About = slices.Clone(q.Speakers), slices.Clone(q.About)
	q.Variants = slices.Clone(q.Variants)
	return q, true, nil
}

// Quote returns the quote with the given ID and all its sources, or
// ErrNotFound.
func (s *Store) Quote(ctx context.Context, id string) (Quote, error) {
	var q Quote
	err := s.view(ctx, func(txn *badger.Txn) error {
		found, err := getJSON(txn, kQuote(id), &q)
		if err == nil && !found {
			err = ErrNotFound
		}
		if err != nil {
			return err
		}
		q.Sources, err = readSources(txn, id, -1)
		return err
	})
	if err != nil {
		return q, fmt.Errorf("graph: quote %q: %w", id, err)
	}
	return q, nil
}

// EventFilter selects events; empty fields select all.
type EventFilter struct {
	Participant string // entity ID or name; the event's place counts too
	From, To    string
	NewestFirst bool // by date descending; the default is oldest first
}

// Events lists events by date, then ID.
func (s *Store) Events(ctx context.Context, f EventFilter, p Page) (List[Event], error) {
	var l List[Event]
	dr, err := newDateRange(f.From, f.To)
	if err != nil {
		return l, fmt.Errorf("graph: events: %w", err)
	}
	gen := s.Generation()
	err = s.view(ctx, func(txn *badger.Txn) error {
		verify := func(pos string) (Event, bool, error) {
			var e Event
			found, err := getJSON(txn, kEvent(lastField(pos)), &e)
			if err != nil || !found {
				return e, false, err
			}
			return e, dr.contains(e.Date), nil
		}
		lo, hi := dr.scanStart(), dr.scanEnd()
		switch {
		case f.Participant != "":
			id, err := s.resolveEntity(txn, gen, f.Participant)
			if err != nil || id == "" {
				return err
			}
			l, err = scan(ctx, txn, pEvPart+id+sep, lo, hi, p, keyDateIn(dr), f.NewestFirst, verify)
			return err
		case dr.any():
			l, err = scan(ctx, txn, pEvDate, lo, hi, p, keyDateIn(dr), f.NewestFirst, verify)
			return err
		default:
			l, err = scan(ctx, txn, pEvDate, "", "", p, nil, f.NewestFirst, verify)
			if err != nil {
				return err
			}
			n, err := getUint(txn, kStat(statEvents))
			l.Total = int(n)
			return err
		}
	})
	if err != nil {
		return l, fmt.Errorf("graph: events: %w", err)
	}
	return l, nil
}

// Event returns the event with the given ID and all its sources, or
// ErrNotFound.
func (s *Store) Event(ctx context.Context, id string) (Event, error) {
	var e Event
	err := s.view(ctx, func(txn *badger.Txn) error {
		found, err := getJSON(txn, kEvent(id), &e)
		if err == nil && !found {
			err = ErrNotFound
		}
		if err != nil {
			return err
		}
		e.Sources, err = readSources(txn, id, -1)
		return err
	})
	if err != nil {
		return e, fmt.Errorf("graph: event %q: %w", id, err)
	}
	return e, nil
}

// Relations lists the relations an entity (ID or name) takes part in, as
// subject or object, by the ID of the other end, then relation ID.
func (s *Store) Relations(ctx context.Context, entity string, p Page) (List[Relation], error) {
	var l List[Relation]
	gen := s.Generation()
	err := s.view(ctx, func(txn *badger.Txn) error {
		id, err := s.resolveEntity(txn, gen, entity)
		if err != nil || id == "" {
			return err
		}
		l, err = scan(ctx, txn, pRelEnt+id+sep, "", "", p, keyOnly, false, func(pos string) (Relation, bool, error) {
			var r Relation
			found, err := getJSON(txn, kRel(lastField(pos)), &r)
			return r, found, err
		})
		return err
	})
	if err != nil {
		return l, fmt.Errorf("graph: relations of %q: %w", entity, err)
	}
	return l, nil
}

// Documents lists stored documents by ID. Text is left empty.
func (s *Store) Documents(ctx context.Context, p Page) (List[Document], error) {
	var l List[Document]
	err := s.view(ctx, func(txn *badger.Txn) error {
		var err error
		l, err = scan(ctx, txn, pDoc, "", "", p, nil, false, func(pos string) (Document, bool, error) {
			var d Document
			found, err := getJSON(txn, kDoc(pos), &d)
			return d, found, err
		})
		if err != nil {
			return err
		}
		n, err := getUint(txn, kStat(statDocs))
		l.Total = int(n)
		return err
	})
	if err != nil {
		return l, fmt.Errorf("graph: documents: %w", err)
	}
	return l, nil
}

// EntityDocuments lists the documents that mention an entity (ID or name),
// by document ID. Text is left empty.
func (s *Store) EntityDocuments(ctx context.Context, entity string, p Page) (List[Document], error) {
	var l List[Document]
	gen := s.Generation()
	err := s.view(ctx, func(txn *badger.Txn) error {
		id, err := s.resolveEntity(txn, gen, entity)
		if err != nil || id == "" {
			return err
		}
		l, err = scan(ctx, txn, pMent+id+sep, "", "", p, nil, false, func(pos string) (Document, bool, error) {
			var d Document
			found, err := getJSON(txn, kDoc(pos), &d)
			return d, found, err
		})
		if err != nil {
			return err
		}
		var e Entity
		_, err = getJSON(txn, kEnt(id), &e)
		l.Total = e.Documents
		return err
	})
	if err != nil {
		return l, fmt.Errorf("graph: documents of %q: %w", entity, err)
	}
	return l, nil
}

// Document returns a document with its text, or ErrNotFound.
func (s *Store) Document(ctx context.Context, id string) (Document, error) {
	return s.document(ctx, id, true)
}

// DocumentInfo returns a document without its text, or ErrNotFound.
func (s *Store) DocumentInfo(ctx context.Context, id string) (Document, error) {
	gen := s.Generation()
	if d, ok := s.docInfo.get(gen, id); ok {
		readSetOf(ctx).noteCached(s, &s.docInfo, id)
		return d, nil
	}
	d, err := s.document(ctx, id, false)
	// A write that committed while reading may show in d: keep only what
	// was read within one generation.
	if err == nil && s.Generation() == gen {
		s.docInfo.put(gen, id, d)
	}
	return d, err
}

func (s *Store) document(ctx context.Context, id string, text bool) (Document, error) {
	var d Document
	err := s.view(ctx, func(txn *badger.Txn) error {
		found, err := getJSON(txn, kDoc(id), &d)
		if err != nil {
			return err
		}
		if !found {
			return ErrNotFound
		}
		if !text {
			return nil
		}
		item, err := get(txn, kText(id))
		if err != nil {
			return err
		}
		b, err := item.ValueCopy(nil)
		d.Text = string(b)
		return err
	})
	if err != nil {
		return d, fmt.Errorf("graph: document %q: %w", id, err)
	}
	return d, nil
}

// Cooccurrence is an entity seen in the same sentences as another, Weight
// times.
type Cooccurrence struct {
	Entity Entity
	Weight int
	Dates  []string
}

// Cooccurring returns the n entities that share most sentences with an
// entity (ID or name), heaviest first.
func (s *Store) Cooccurring(ctx context.Context, entity string, n int) ([]Cooccurrence, error) {
	if n <= 0 {
		n = DefaultPageSize
	}
	var out []Cooccurrence
	gen := s.Generation()
	err := s.view(ctx, func(txn *badger.Txn) error {
		id, err := s.resolveEntity(txn, gen, entity)
		if err != nil || id == "" {
			return err
		}
		w := newKeyWalker(txn)
		edges, err := coocTop(ctx, w, id, n, dateRange{}, true)
		w.close()
		if err != nil {
			return err
		}
		for _, e := range edges {
			c := Cooccurrence{Weight: e.c.Weight, Dates: e.c.Dates}
			if _, err := getEntity(txn, e.other, &c.Entity); err != nil {
				return err
			}
			out = append(out, c)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("graph: co-occurring with %q: %w", entity, err)
	}
	return out, nil
}

type coocEdge struct {
	other string
	c     cooc
	dated bool // c was read from its record, dates included
}

// coocTop returns the k heaviest mentioned_with edges of id seen inside
// the window dr (all of them if k <= 0), heaviest first. It walks the
// weight-ranked index, so a hub's cost follows k, not its degree. Without
// dates it reads keys only: the weight is in the key, a window is checked
// on the edge's date keys, and c holds the weight alone.
func coocTop(ctx context.Context, w *keyWalker, id string, k int, dr dateRange, dates bool) ([]coocEdge, error) {
	var out []coocEdge
	prefix := pCoocRank + id + sep
	i := 0
	err := w.walk(pCoocRank, prefix, func(key []byte) (bool, error) {
		if i++; i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return false, err
			}
		}
		if len(key) < len(prefix)+8 {
			return false, fmt.Errorf("%w: short key %q", ErrInconsistent, key)
		}
		e := coocEdge{other: string(key[len(prefix)+8:])}
		var in bool
		var err error
		if dates {
			in, err = datedEdge(w, id, e.other, dr, &e.c)
			e.dated = true
		} else {
			e.c.Weight = int(math.MaxUint64 - binary.BigEndian.Uint64(key[len(prefix):]))
			in, err = edgeInWindow(w, id, e.other, dr)
		}
		if err != nil {
			return false, err
		}
		if in {
			out = append(out, e)
		}
		return k <= 0 || len(out) < k, nil
	})
	return out, err
}

// keyWalker walks the keys under many prefixes of a few tables with one
// Badger iterator per table: making an iterator costs more than reading
// a hundred keys with it, and a neighbourhood walks hundreds of prefixes.
type keyWalker struct {
	txn *badger.Txn
	its map[string]*badger.Iterator
}

func newKeyWalker(txn *badger.Txn) *keyWalker { return &keyWalker{txn: txn} }

// iter returns the walker's iterator over table. Its reads are noted by
// the walks, which know the prefix they stay under.
func (w *keyWalker) iter(table string) *badger.Iterator {
	it := w.its[table]
	if it == nil {
		opts := badger.DefaultIteratorOptions
		opts.PrefetchValues = false
		opts.Prefix = []byte(table)
		it = w.txn.NewIterator(opts)
		if w.its == nil {
			w.its = map[string]*badger.Iterator{}
		}
		w.its[table] = it
	}
	return it
}

// walk calls fn on each key under prefix, which starts with table, in
// order, until fn says stop. The key is valid only during the call.
func (w *keyWalker) walk(table, prefix string, fn func(k []byte) (bool, error)) error {
	return w.seekWalk(table, prefix, prefix, fn)
}

// seekWalk is walk from the key from (under prefix) on.
func (w *keyWalker) seekWalk(table, prefix, from string, fn func(k []byte) (bool, error)) error {
	noteRange(w.txn, prefix)
	it := w.iter(table)
	p := []byte(prefix)
	for it.Seek([]byte(from)); it.ValidForPrefix(p); it.Next() {
		more, err := fn(it.Item().Key())
		if err != nil || !more {
			return err
		}
	}
	return nil
}

// walkAmong calls fn with the index in members of M and the last field of
// each key prefix+M+NUL+... for M in members (sorted), in order. Keys run
// in order of M, so this is a merge of the two: after a run of keys to
// non-members it seeks to the next member, and its cost is bounded by both
// the keys under prefix and the members.
func (w *keyWalker) walkAmong(table, prefix string, members []string, fn func(member int, last string)) error {
	if len(members) == 0 {
		return nil
	}
	noteRange(w.txn, prefix)
	it := w.iter(table)
	p := []byte(prefix)
	i, misses := 0, 0
	it.Seek([]byte(prefix + members[0] + sep))
	for it.ValidForPrefix(p) {
		rest := it.Item().Key()[len(p):]
		end := bytes.IndexByte(rest, 0)
		if end < 0 {
			return fmt.Errorf("%w: key %q has no end", ErrInconsistent, it.Item().Key())
		}
		other := string(rest[:end])
		for i < len(members) && members[i] < other {
			i++
		}
		if i == len(members) {
			return nil
		}
		if members[i] == other {
			fn(i, lastField(string(rest)))
			misses = 0
			it.Next()
			continue
		}
		if misses++; misses < 16 {
			it.Next()
			continue
		}
		misses = 0
		it.Seek([]byte(prefix + members[i] + sep))
	}
	return nil
}

// close closes the iterators; the walker can be used again after.
func (w *keyWalker) close() {
	for t, it := range w.its {
		it.Close()
		delete(w.its, t)
	}
}

// Stats counts what the store holds.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.view(ctx, func(txn *badger.Txn) error {
		for _, f := range []struct {
			name string
			v    *int
		}{
			{statDocs, &st.Documents}, {statEntities, &st.Entities}, {statMentions, &st.Mentions},
			{statQuotes, &st.Quotes}, {statEvents, &st.Events}, {statRelations, &st.Relations}, {statEdges, &st.Edges},
		} {
			n, err := getUint(txn, kStat(f.name))
			if err != nil {
				return err
			}
			*f.v = int(n)
		}
		return nil
	})
	if err != nil {
		return st, fmt.Errorf("graph: stats: %w", err)
	}
	return st, nil
}

// IsNotFound reports whether err means something asked for does not exist.
func IsNotFound(err error) bool { return errors.Is(err, ErrNotFound) }
