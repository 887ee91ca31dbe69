package extract

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/quote"
	"github.com/newsgraph/newsgraph/extract/timex"
	"github.com/newsgraph/newsgraph/kind"
)

// ErrInvalidUTF8 is returned for an article whose text is not valid UTF-8.
var ErrInvalidUTF8 = errors.New("extract: text is not valid UTF-8")

// Extractor reads facts out of articles. It is safe for concurrent use:
// one Extractor serves every worker of an ingest. Its lexicons are built
// once by New and only read afterwards.
type Extractor struct {
	lex *lexicon
}

// New returns an Extractor with its lexicons loaded.
func New() *Extractor { return &Extractor{lex: newLexicon()} }

// doc is the working state of one extraction.
type doc struct {
	x           *Extractor
	a           Article
	text, lower string
	toks        []token
	sents       []sentence
	ms          []mention
	ents        []entity
	order       []int   // indexes of live mentions in text order
	tokMention  []int32 // token -> mention index, -1 for none
	times       []timex.Expr
	quotes      []quote.Quote
	roles       []roleRec
	rels        []relRec
	events      []eventRec
	outQuotes   []quoteRec
	theTitles   []theTitle
	agentBy     bool     // patientAgent found its agent after "by"
	direct      [][2]int // spans of direct quotations, by start; built on first use
}

// Extract reads one article. The error is non-nil only when the context
// is done or the article cannot be read at all (for example, invalid UTF-8).
func (x *Extractor) Extract(ctx context.Context, a Article) (Document, error) {
	if err := ctx.Err(); err != nil {
		return Document{}, fmt.Errorf("extract %s: %w", a.ID, err)
	}
	if !utf8.ValidString(a.Text) {
		return Document{}, fmt.Errorf("extract %s: %w", a.ID, ErrInvalidUTF8)
	}
	d := &doc{x: x, a: a, text: a.Text, lower: asciiLower(a.Text)}
	d.toks = tokenize(d.text, d.lower, make([]token, 0, len(d.text)/5+8))
	d.sents = splitSentences(d.toks, make([]sentence, 0, len(d.toks)/20+4))
	dw := buildDocWords(d.toks)
	d.ms = x.findMentions(d.text, d.lower, d.toks, d.sents, dw)
	d.decideTypes()
	d.resolve()
	d.markTokens()
	if err := ctx.Err(); err != nil {
		return Document{}, fmt.Errorf("extract %s: %w", a.ID, err)
	}
	d.times = timex.Find(d.text, a.Published)
	d.quotes = quote.Find(d.text)
	d.findCoinedNames()
	d.findCountryEpithets()
	d.findNominals()
	d.collectMentions()
	d.findRoles()
	d.resolveTheTitles()
	d.resolveRoleSynonyms()
	d.collectMentions()
	d.findRelations() // before the quotes: a defection gives "defector" to a speaker
	d.assignQuotes()
	d.collectMentions()
	d.addSurnames()
	d.findEvents()
	d.quoteEvents()
	return d.document(), nil
}

// markTokens indexes mentions by token.
func (d *doc) markTokens() {
	d.tokMention = make([]int32, len(d.toks))
	for i := range d.tokMention {
		d.tokMention[i] = -1
	}
	for i := range d.ms {
		m := &d.ms[i]
		if m.drop || m.ent < 0 {
			continue
		}
		for k := m.tok0; k < m.tok1; k++ {
			d.tokMention[k] = int32(i)
		}
	}
}

// entAt returns the entity of the mention covering token k, or -1.
func (d *doc) entAt(k int) int {
	if k < 0 || k >= len(d.toks) {
		return -1
	}
	if mi := d.tokMention[k]; mi >= 0 {
		return d.ms[mi].ent
	}
	return -1
}

// spanText returns text[start:end] with runs of white space made one space.
func (d *doc) spanText(start, end int) string {
	s := d.text[start:end]
	if !strings.ContainsAny(s, "\n\t\r  ") && !strings.Contains(s, "  ") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// tokenAt returns the index of the first token starting at or after pos.
func (d *doc) tokenAt(pos int) int {
	return sort.Search(len(d.toks), func(i int) bool { return d.toks[i].start >= pos })
}

// sentAt returns the sentence holding byte pos.
func (d *doc) sentAt(pos int) int {
	i := sort.Search(len(d.sents), func(i int) bool { return d.sents[i].end > pos })
	if i >= len(d.sents) {
		return len(d.sents) - 1
	}
	return i
}

// dateIn returns the first resolved time expression inside [start,end)
// that lies outside every direct quotation, or "".
func (d *doc) dateIn(start, end int) (string, int) {
	i := sort.Search(len(d.times), func(i int) bool { return d.times[i].Start >= start })
	for ; i < len(d.times) && d.times[i].End <= end; i++ {
		t := &d.times[i]
		if t.Value == "" || d.inDirectQuote(t.Start) {
			continue
		}
		return t.Value, t.Start
	}
	return "", -1
}

func (d *doc) inDirectQuote(pos int) bool {
	if d.direct == nil {
		d.direct = make([][2]int, 0, len(d.quotes))
		for i := range d.quotes {
			if q := &d.quotes[i]; q.Direct {
				d.direct = append(d.direct, [2]int{q.Start, q.End})
			}
		}
		sort.Slice(d.direct, func(a, b int) bool { return d.direct[a][0] < d.direct[b][0] })
	}
	// the last quotation starting at or before pos
	if i := sort.Search(len(d.direct), func(i int) bool { return d.direct[i][0] > pos }) - 1; i >= 0 && pos < d.direct[i][1] {
		return true
	}
	if k := d.tokenAt(pos); k < len(d.toks) && d.toks[k].start == pos {
		return d.toks[k].inQuote
	}
	return false
}

// document assembles the output, numbering entities in order of first mention.
func (d *doc) document() Document {
	out := Document{ID: d.a.ID, Title: d.a.Title, Source: d.a.Source, URL: d.a.URL, Published: d.a.Published,
		Entities: []Entity{}, Quotes: []Quote{}, Events: []Event{}, Relations: []Relation{}}
	live := make([]int, 0, len(d.ents))
	used := d.usedEntities()
	for i := range d.ents {
		if d.ents[i].typ != kind.Unknown && len(d.ents[i].mentions) > 0 && (used[i] || !d.onlyDemonyms(i)) {
			live = append(live, i)
		}
	}
	sort.SliceStable(live, func(a, b int) bool {
		return d.ms[d.ents[live[a]].mentions[0]].start < d.ms[d.ents[live[b]].mentions[0]].start
	})
	ids := make([]string, len(d.ents))
	for n, i := range live {
		ids[i] = "e" + strconv.Itoa(n+1)
	}
	idOf := func(e int) string {
		if e < 0 {
			return ""
		}
		return ids[e]
	}
	nameOf := func(e int) string {
		if e < 0 {
			return ""
		}
		return d.ents[e].name
	}
	for _, i := range live {
		e := &d.ents[i]
		oe := Entity{ID: ids[i], Name: e.name, Type: e.typ, Mentions: make([]Span, 0, len(e.mentions)), Anonymous: e.nomKey != ""}
		for _, f := range e.forms {
			if f != e.name {
				oe.Aliases = append(oe.Aliases, f)
			}
		}
		conf := 0.0
		for _, mi := range e.mentions {
			m := &d.ms[mi]
			oe.Mentions = append(oe.Mentions, Span{Start: m.start, End: m.end, Text: d.text[m.start:m.end]})
			if c := m.confidence(); c > conf {
				conf = c
			}
		}
		oe.Confidence = round2(conf)
		for _, r := range d.roles {
			if r.person != i {
				continue
			}
			or := Role{Title: r.title, Org: nameOf(r.org), OrgID: idOf(r.org), From: r.from, To: r.to, Start: r.start, End: r.end}
			dup := false
			for _, have := range oe.Roles {
				if strings.EqualFold(have.Title, or.Title) && have.Org == or.Org {
					dup = true
					break
				}
			}
			if !dup {
				oe.Roles = append(oe.Roles, or)
			}
		}
		out.Entities = append(out.Entities, oe)
	}
	for _, q := range d.outQuotes {
		oq := q.Quote
		if q.speaker >= 0 && ids[q.speaker] != "" {
			name := d.ents[q.speaker].name
			oq.Speaker = &name
			oq.SpeakerID = ids[q.speaker]
		}
		out.Quotes = append(out.Quotes, oq)
	}
	for n, ev := range d.events {
		oe := ev.Event
		oe.ID = "ev" + strconv.Itoa(n+1)
		oe.Participants = []string{}
		for _, p := range ev.parts {
			if ids[p] == "" {
				continue
			}
			oe.Participants = append(oe.Participants, d.ents[p].name)
			oe.ParticipantIDs = append(oe.ParticipantIDs, ids[p])
		}
		if ev.place >= 0 && ids[ev.place] != "" {
			oe.Place, oe.PlaceID = d.ents[ev.place].name, ids[ev.place]
		}
		out.Events = append(out.Events, oe)
	}
	seen := make(map[string]bool)
	for _, r := range d.rels {
		if ids[r.subj] == "" || ids[r.obj] == "" || r.subj == r.obj {
			continue
		}
		k := ids[r.subj] + "|" + string(r.pred) + "|" + ids[r.obj]
		if seen[k] {
			continue
		}
		seen[k] = true
		out.Relations = append(out.Relations, Relation{Subject: d.ents[r.subj].name, SubjectID: ids[r.subj], Predicate: r.pred,
			Object: d.ents[r.obj].name, ObjectID: ids[r.obj], Date: r.date, Start: r.start, End: r.end, Confidence: round2(r.conf)})
	}
	return out
}

func round2(f float64) float64 {
	if f > 1 {
		f = 1
	}
	return float64(int(f*100+0.5)) / 100
}

// confidence turns a mention's evidence into a 0..1 score.
func (m *mention) confidence() float64 {
	switch {
	case m.fromLex:
		return 0.95
	case m.nominal:
		return 0.7
	}
	s := m.person
	switch m.typ {
	case kind.Org:
		s = m.org
	case kind.Place:
		s = m.place
	}
	c := 0.45 + s/8
	if c > 0.98 {
		c = 0.98
	}
	return c
}

// onlyDemonyms reports whether every mention of entity e is a demonym:
// "Italian Parma ham and French Champagne" describe the ham and the wine,
// they do not speak of Italy or France.
// "South Korean officials" do speak of South Korea: its state acts
// through them.
func (d *doc) onlyDemonyms(e int) bool {
	for _, mi := range d.ents[e].mentions {
		m := &d.ms[mi]
		if !m.fromLex || m.lex.kind != lexDemonym {
			return false
		}
		if k := m.tok1; k < len(d.toks) && d.toks[k].kind == tWord {
			if w := d.toks[k].lower; d.x.lex.nomHeads[w] || d.x.lex.nomHeads[strings.TrimSuffix(w, "s")] || w == "authorities" {
				return false
			}
		}
	}
	return true
}

// usedEntities marks the entities that some role, relation, event or
// quote points to: "North Korean leader Kim Jong-un" makes North Korea a
// node of the graph even when only the adjective names it.
func (d *doc) usedEntities() []bool {
	used := make([]bool, len(d.ents))
	mark := func(e int) {
		if e >= 0 && e < len(used) {
			used[e] = true
		}
	}
	for _, r := range d.roles {
		mark(r.person)
		mark(r.org)
	}
	for _, r := range d.rels {
		mark(r.subj)
		mark(r.obj)
	}
	for _, ev := range d.events {
		for _, p := range ev.parts {
			mark(p)
		}
		mark(ev.place)
	}
	for _, q := range d.outQuotes {
		mark(q.speaker)
	}
	return used
}
