package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/kind"
)

// trigger is a word that signals an event of a type.
type trigger struct {
	typ  string
	verb bool // a verb form: stronger than a noun, which may be generic
}

// eventTriggers: type: verb forms | noun forms.
const eventTriggers = `speech: spoke speaks addressed | speech address
tweet: tweeted tweets | tweet twitter
test: tested test-fired test-fires detonated | test tests test-fire detonation detonations
launch: launched launches | launch
trip: visited visits travelled traveled toured flew | trip visit tour
death: died dies killed | death
defection: defected | defection
bill: | bill legislation
election: elected voted | election elections referendum
meeting: met meets | meeting summit
arrest: arrested detained jailed | arrest detention
release: released freed | release
attack: attacked bombed | attack attacks bombing
resignation: resigned quit | resignation
sanctions: sanctioned | sanctions
lawsuit: sued | lawsuit
acquisition: acquired bought | takeover merger acquisition
announcement: announced unveiled | announcement
strike: | strike`

func newTriggers() map[string]trigger {
	m := make(map[string]trigger)
	for _, line := range strings.Split(eventTriggers, "\n") {
		typ, rest, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		verbs, nouns, _ := strings.Cut(rest, "|")
		for _, w := range strings.Fields(verbs) {
			m[w] = trigger{typ: typ, verb: true}
		}
		for _, w := range strings.Fields(nouns) {
			m[w] = trigger{typ: typ}
		}
	}
	return m
}

// subordinators open a clause of their own.
var subordinators = set(`as when after before while which who because although though amid despite until since if unless whereas`)

// temporal subordinators place the clause before them in time.
var temporal = set(`after before when until since`)

// eventRec is an event with entity indexes for its participants and place.
type eventRec struct {
	Event
	parts []int
	place int
}

// clauseBreak ends a clause: punctuation and quotation marks.
func clauseBreak(t *token) bool {
	if t.kind != tPunct {
		return false
	}
	switch t.text {
	case ",", ";", ":", "–", "—", "(", ")", "“", "”", "\"":
		return true
	}
	return false
}

// findEvents reads events from trigger words: who are the entities of the
// clause (subject first), where a place or organisation after "at" or
// "in", when the date of the clause or else of the sentence.
func (d *doc) findEvents() {
	l := d.x.lex
	for si := range d.sents {
		s := &d.sents[si]
		if s.headline {
			continue
		}
		seen := map[string]int{}
		for k := s.first; k < s.last; k++ {
			t := &d.toks[k]
			if t.kind != tWord || t.inQuote {
				continue
			}
			tr, ok := l.triggers[t.lower]
			if !ok {
				continue
			}
			if t.cap && t.lower != "twitter" && k != s.first {
				continue
			}
			// the clause around the trigger
			c0, antecedent := k, -1
			for c0 > s.first && !clauseBreak(&d.toks[c0-1]) && !subordinators[d.toks[c0].lower] {
				c0--
			}
			if c0 > s.first+1 && (d.toks[c0].lower == "which" || d.toks[c0].lower == "who") && d.toks[c0-1].text == "," {
				// a relative clause: its subject is the clause before
				rel := c0
				c0--
				for c0 > s.first && !clauseBreak(&d.toks[c0-1]) && !subordinators[d.toks[c0].lower] {
					c0--
				}
				if nx := &d.toks[rel+1]; d.entAt(rel+1) < 0 && !isCapWord(nx) && !subjectPronouns[nx.lower] {
					// not "Alan Milburn, who Mr Blair put in charge": there the
					// antecedent is the object
					antecedent = d.antecedent(c0, rel-2) // the word before the comma
				}
			}
			c1 := k + 1
			for c1 < s.last && !clauseBreak(&d.toks[c1]) && !subordinators[d.toks[c1].lower] {
				c1++
			}
			if prev, ok := seen[tr.typ]; ok && prev == c0 {
				continue
			}
			seen[tr.typ] = c0
			ev := eventRec{place: -1}
			ev.Type = tr.typ
			ev.Start, ev.End = d.toks[c0].start, d.toks[c1-1].end
			ev.Text = d.spanText(ev.Start, ev.End)
			for j := c0; j < c1; j++ {
				e := d.entAt(j)
				if e < 0 || d.ents[e].typ == kind.Unknown {
					continue
				}
				mm := &d.ms[d.tokMention[j]]
				j = mm.tok1 - 1
				if mm.tok0 <= k && k < mm.tok1 {
					continue // the trigger itself: "on Twitter"
				}
				if ev.place < 0 && d.ents[e].typ != kind.Person && (d.locatedAfter(mm.tok0, c0) || tr.typ == "trip" && mm.tok0 > c0 && d.toks[mm.tok0-1].lower == "to") {
					ev.place = e
					continue
				}
				if !containsInt(ev.parts, e) {
					ev.parts = append(ev.parts, e)
				}
			}
			// A pronoun subject: "he vowed", "he travelled".
			if len(ev.parts) == 0 || d.ents[ev.parts[0]].typ != kind.Person {
				for j := c0; j < k; j++ {
					if w := d.toks[j].lower; w == "he" || w == "she" || w == "his" || w == "her" {
						if p := d.personBefore(d.toks[j].start); p >= 0 && !containsInt(ev.parts, p) {
							ev.parts = append([]int{p}, ev.parts...)
						}
						break
					}
				}
			}
			// A group subject: "Democratic US senators introduced a bill".
			if g := d.groupSubject(c0, k); g >= 0 && (len(ev.parts) == 0 || d.ents[ev.parts[0]].typ != kind.Person) {
				ev.parts = append([]int{g}, ev.parts...)
			}
			if antecedent >= 0 && antecedent != ev.place {
				// ", which in April unveiled": the noun phrase before the comma acts
				if i := indexInt(ev.parts, antecedent); i > 0 {
					ev.parts = append(ev.parts[:i], ev.parts[i+1:]...)
				}
				if len(ev.parts) == 0 || ev.parts[0] != antecedent {
					ev.parts = append([]int{antecedent}, ev.parts...)
				}
			}
			if len(ev.parts) == 0 && ev.place < 0 {
				continue
			}
			ev.Date, _ = d.dateIn(ev.Start, ev.End)
			if ev.Date == "" {
				// a date set before the clause: "On Tuesday, he visited Paris"
				ev.Date, _ = d.dateIn(s.start, ev.Start)
			}
			if ev.Date == "" && c1 < s.last && temporal[d.toks[c1].lower] {
				// "the death of X days after his release in June"
				n1 := c1 + 1
				for n1 < s.last && !clauseBreak(&d.toks[n1]) && !subordinators[d.toks[n1].lower] {
					n1++
				}
				ev.Date, _ = d.dateIn(d.toks[c1].start, d.toks[n1-1].end)
			}
			ev.Confidence = 0.5
			if tr.verb {
				ev.Confidence = 0.65
			}
			if len(ev.parts) > 0 && ev.Date != "" {
				ev.Confidence += 0.1
			}
			d.events = append(d.events, ev)
		}
	}
}

// locatedAfter reports whether the mention at token k follows "at" or
// "in" (with an optional "the") no earlier than token min.
func (d *doc) locatedAfter(k, min int) bool {
	k--
	if k >= min && d.toks[k].lower == "the" {
		k--
	}
	return k >= min && (d.toks[k].lower == "at" || d.toks[k].lower == "in")
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// personBefore is the most recent person mentioned before pos outside
// quotation marks, or -1.
func (d *doc) personBefore(pos int) int {
	for i := d.mentionAt(pos) - 1; i >= 0; i-- {
		m := &d.ms[d.order[i]]
		if m.ent >= 0 && d.ents[m.ent].typ == kind.Person && !d.toks[m.tok0].inQuote {
			return m.ent
		}
	}
	return -1
}

// quoteEvents adds a statement event for every quote whose attribution
// carries its own date ("Rex Tillerson said on October 17 ..."), unless an
// event of that sentence already holds the speaker at that date.
func (d *doc) quoteEvents() {
	for _, q := range d.outQuotes {
		if q.speaker < 0 || q.Date == "" {
			continue
		}
		si := d.sentAt(q.Start)
		s := &d.sents[si]
		dup := false
		for _, ev := range d.events {
			if ev.Start >= s.start && ev.End <= s.end && ev.Date == q.Date && containsInt(ev.parts, q.speaker) {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		ev := eventRec{place: -1, parts: []int{q.speaker}}
		ev.Type = "statement"
		ev.Start, ev.End = s.start, s.end
		ev.Text = d.spanText(s.start, s.end)
		ev.Date = q.Date
		ev.Confidence = 0.6
		d.events = append(d.events, ev)
	}
}

// groupSubject finds a group of people named by a plural title before the
// trigger k in the clause from c0 ("Democratic US senators", "Labour MPs")
// and returns it as an anonymous entity, or -1.
func (d *doc) groupSubject(c0, k int) int {
	for j := c0 + 1; j < k; j++ {
		t := &d.toks[j]
		if t.kind != tWord || !strings.HasSuffix(t.lower, "s") || d.tokMention[j] >= 0 {
			continue
		}
		if _, ok := d.x.lex.title(t.lower); !ok || d.x.lex.phrases[t.lower].kind == lexTitle {
			continue // not a plural title
		}
		i := j
		for i > c0 && (isCapWord(&d.toks[i-1]) || d.tokMention[i-1] >= 0) {
			i--
		}
		if i == j {
			return -1 // "senators" alone names nobody in particular
		}
		start, end := d.toks[i].start, t.end
		name := d.spanText(start, end)
		key := strings.ToLower(name)
		for e := range d.ents {
			if d.ents[e].nomKey == key {
				return e
			}
		}
		d.ents = append(d.ents, entity{name: name, typ: kind.Person, nomKey: key, nomHead: t.lower, first: start, lastPos: start})
		e := len(d.ents) - 1
		d.ms = append(d.ms, mention{start: start, end: end, tok0: i, tok1: j + 1, sent: int(t.sent), typ: kind.Person, key: name, ent: e, nominal: true})
		d.ents[e].addForm(name)
		d.ents[e].mentions = append(d.ents[e].mentions, len(d.ms)-1)
		return e
	}
	return -1
}

func indexInt(s []int, v int) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// subjectPronouns open an object relative clause after "who" or "which".
var subjectPronouns = set(`he she they it we i you`)

// governmentHeads are nouns that, after a leader's or country's name, name
// the body they lead: "the Trump administration", "the Blair government".
var governmentHeads = set(`administration government regime cabinet`)

// antecedent is the entity named by the noun phrase that ends at token
// end (just before ", which"), starting no earlier than c0, or -1. A
// name followed by a government head ("the Trump administration") is the
// body of that name: an ORG entity of its own, made on first use.
func (d *doc) antecedent(c0, end int) int {
	if end < c0 {
		return -1
	}
	if e := d.entAt(end); e >= 0 {
		return e
	}
	t := &d.toks[end]
	if t.kind != tWord || t.cap || !governmentHeads[t.lower] {
		return -1
	}
	i := end
	for i > c0 && isCapWord(&d.toks[i-1]) && d.toks[i-1].lower != "the" {
		i--
	}
	if i == end || i <= c0 || d.toks[i-1].lower != "the" {
		return -1 // "the" marks a noun phrase; "Trump administration officials" is not one
	}
	start := d.toks[i].start
	name := d.spanText(start, t.end)
	for x := range d.ents {
		if d.ents[x].typ == kind.Org && d.ents[x].name == name {
			return x
		}
	}
	d.ents = append(d.ents, entity{name: name, typ: kind.Org, first: start, lastPos: start})
	e := len(d.ents) - 1
	d.ents[e].addForm(name)
	d.ms = append(d.ms, mention{start: start, end: t.end, tok0: i, tok1: end + 1, sent: int(t.sent), typ: kind.Org, key: name, nWords: end + 1 - i, org: 1, ent: e})
	d.ents[e].mentions = append(d.ents[e].mentions, len(d.ms)-1)
	return e
}
