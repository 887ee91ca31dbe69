package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/kind"
)

// relRec is a relation between two entity indexes.
type relRec struct {
	subj, obj  int
	pred       kind.Predicate
	date       string
	start, end int
	conf       float64
}

var (
	detainWords  = set(`detained detention arrested arrest jailed imprisoned imprisonment captured kidnapped abducted`)
	releaseWords = set(`released release freed freeing`)
	passiveAux   = set(`was were been being is are`)
)

// findRelations reads relations from patterns of a sentence: contact,
// meetings, detention and release, defection, nicknames and location.
func (d *doc) findRelations() {
	for si := range d.sents {
		s := &d.sents[si]
		if s.headline {
			continue
		}
		for k := s.first; k < s.last; k++ {
			t := &d.toks[k]
			if t.kind != tWord || t.inQuote {
				continue
			}
			w := t.lower
			switch {
			case (w == "contact" || w == "touch" || w == "talks") && k+1 < s.last && d.toks[k+1].lower == "with":
				subj := d.entBefore(k, s, true)
				obj := d.entAfter(k+2, s.last, false)
				d.addRel(subj, kind.ContactWith, obj, s, k, 0.6)
			case w == "met" || (w == "meeting" && k+1 < s.last && d.toks[k+1].lower == "with"):
				// "X met Y", "X's meeting with Y": people or organisations, never places
				subj := d.entBefore(k, s, true)
				j := d.skipThe(k+1, s)
				if j < s.last && d.toks[j].lower == "with" {
					j = d.skipThe(j+1, s)
				}
				obj := d.entAt(j)
				if obj >= 0 && d.ents[obj].typ == kind.Org {
					// "a meeting with Arsenal defender Ashley Cole": the man
					if p := d.entAfter(d.ms[d.tokMention[j]].tok1, min(s.last, d.ms[d.tokMention[j]].tok1+3), true); p >= 0 {
						obj = p
					}
				}
				if obj >= 0 && d.possessed(j) {
					obj = -1 // "met Gary Neville's cross": a ball, not a man
				}
				if subj >= 0 && obj >= 0 && d.ents[subj].typ == kind.Person && d.ents[obj].typ != kind.Place {
					d.addRel(subj, kind.Met, obj, s, k, 0.6)
				}
			case detainWords[w]:
				p, a := d.patientAgent(k, s)
				d.addRel(a, kind.Detained, p, s, k, 0.55)
			case releaseWords[w]:
				d.demandedRelease(k, s)
				// only "by X": things are released in places too (albums, films)
				p, a := d.patientAgent(k, s)
				if a >= 0 && d.agentBy {
					d.addRel(a, kind.Released, p, s, k, 0.55)
				}
			case w == "defected" || w == "defector" || w == "defection":
				d.defection(k, s)
			case w == "called" || w == "dubbed" || w == "nicknamed" || w == "branded":
				if k+1 < s.last {
					obj := d.entAt(k + 1)
					if obj >= 0 && d.ents[obj].typ == kind.Person {
						mm := &d.ms[d.tokMention[k+1]]
						if mm.tok1 < s.last && d.toks[mm.tok1].kind == tPunct && strings.ContainsAny(d.toks[mm.tok1].text, "“\"‘'") {
							d.addRel(d.entBefore(k, s, true), kind.Calls, obj, s, k, 0.6)
							// "called Kim Jong-un “rocket man”": the words in the marks name him too
							j := mm.tok1 + 1
							for j < s.last && d.toks[j].inQuote && j-mm.tok1 <= 5 {
								j++
							}
							if j > mm.tok1+1 && j-mm.tok1 <= 5 {
								d.ents[obj].addForm(d.spanText(d.toks[mm.tok1+1].start, d.toks[j-1].end))
							}
						}
					}
				}
			case w == "nickname" && k+1 < s.last && d.toks[k+1].lower == "for":
				subj := -1
				if k > s.first && (d.toks[k-1].lower == "his" || d.toks[k-1].lower == "her" || (k-2 >= s.first && (d.toks[k-2].lower == "his" || d.toks[k-2].lower == "her"))) {
					// "X said on Twitter his diplomat was “...” – his nickname for":
					// the owner is the sentence's subject, not the last person named
					subj = d.sentencePerson(s, k)
					if subj < 0 {
						subj = d.personBefore(t.start)
					}
				}
				obj := d.titledAfter(k+2, s)
				d.addRel(subj, kind.Calls, obj, s, k, 0.5)
				if obj >= 0 {
					// "“... Little Rocket Man” – his nickname for the leader": the
					// capitalised words ending the quote before are the nickname.
					if nick := d.nicknameBefore(k, s); nick != "" {
						d.ents[obj].addForm(nick)
					}
				}
			case (w == "works" || w == "worked" || w == "working") && k+2 < s.last && (d.toks[k+1].lower == "for" || d.toks[k+1].lower == "at"):
				d.worksAt(k, s)
			case w == "of" && k > s.first && k+1 < s.last && d.toks[k-1].kind == tWord:
				// "William Corr of the Campaign for Tobacco-Free Kids said"
				a, b := d.entAt(k-1), d.entAt(d.skipThe(k+1, s))
				if a >= 0 && b >= 0 && d.ents[a].typ == kind.Person && d.ents[b].typ == kind.Org && d.ms[d.tokMention[k-1]].tok1 == k {
					d.addRel(a, kind.WorksFor, b, s, k, 0.5)
				}
			case w == "in" && k > s.first && k+1 < s.last:
				a, b := d.entAt(k-1), d.entAt(k+1)
				if a >= 0 && b >= 0 && (d.ents[a].typ == kind.Org) && d.ents[b].typ == kind.Place && d.ms[d.tokMention[k+1]].tok0 == k+1 {
					d.addRel(a, kind.LocatedIn, b, s, k, 0.6)
				}
			}
			if k > s.first+1 && d.toks[k-1].kind == tPoss {
				d.possessedStaff(k-1, s)
				d.orgsPerson(k, s)
			}
			// "City, Country"
			if t.kind == tWord && d.tokMention[k] >= 0 && d.ms[d.tokMention[k]].tok0 == k {
				mm := &d.ms[d.tokMention[k]]
				if mm.fromLex && (mm.lex.kind == lexPlace || mm.lex.kind == lexCapital && !mm.metonym) && mm.tok1+1 < s.last && d.toks[mm.tok1].text == "," {
					if n := d.tokMention[mm.tok1+1]; n >= 0 && d.ms[n].fromLex && d.ms[n].lex.kind == lexCountry && d.ms[n].ent != mm.ent &&
						!d.inPlaceList(k, d.ms[n].tok1, s) {
						d.addRel(mm.ent, kind.LocatedIn, d.ms[n].ent, s, k, 0.6)
					}
				}
			}
		}
	}
}

func (d *doc) addRel(subj int, p kind.Predicate, obj int, s *sentence, k int, conf float64) {
	if subj < 0 || obj < 0 || subj == obj {
		return
	}
	date, _ := d.dateIn(s.start, s.end)
	d.rels = append(d.rels, relRec{subj: subj, pred: p, obj: obj, date: date, start: s.start, end: s.end, conf: conf})
}

// entBefore is the subject of the clause before token k: the first entity
// of the clause, a person if preferPerson and one is there; a pronoun
// he/she stands for the most recent person.
func (d *doc) entBefore(k int, s *sentence, preferPerson bool) int {
	c0 := k
	for c0 > s.first && !clauseBreak(&d.toks[c0-1]) {
		c0--
	}
	first := -1
	for j := c0; j < k; j++ {
		if w := d.toks[j].lower; (w == "he" || w == "she") && first < 0 {
			if p := d.personBefore(d.toks[j].start); p >= 0 {
				return p
			}
		}
		e := d.entAt(j)
		if e < 0 {
			continue
		}
		if preferPerson && d.ents[e].typ == kind.Person {
			return e
		}
		if first < 0 {
			first = e
		}
	}
	if first < 0 && c0 > s.first {
		// the clause had no subject: take the sentence's first person
		for j := s.first; j < k; j++ {
			if e := d.entAt(j); e >= 0 && d.ents[e].typ == kind.Person {
				return e
			}
		}
	}
	return first
}

// entAfter is the first entity from token k before max.
func (d *doc) entAfter(k, max int, personOnly bool) int {
	for j := k; j < max; j++ {
		if e := d.entAt(j); e >= 0 && (!personOnly || d.ents[e].typ == kind.Person) {
			return e
		}
	}
	return -1
}

// patientAgent reads who was detained or released around trigger k and by
// whom: "the detention of X", "his release by Pyongyang", "X was
// detained in Y", "Y arrested X".
func (d *doc) patientAgent(k int, s *sentence) (patient, agent int) {
	patient, agent = -1, -1
	switch {
	case k+1 < s.last && d.toks[k+1].lower == "of":
		patient = d.entAfter(k+2, min(s.last, k+8), true)
	case k > s.first && (d.toks[k-1].lower == "his" || d.toks[k-1].lower == "her"):
		patient = d.personBefore(d.toks[k-1].start)
	case k > s.first && passiveAux[d.toks[k-1].lower]:
		for j := k - 1; j >= s.first; j-- {
			if e := d.entAt(j); e >= 0 && d.ents[e].typ == kind.Person {
				patient = e
				break
			}
			if clauseBreak(&d.toks[j]) {
				break
			}
		}
	default:
		patient = d.entAfter(k+1, min(s.last, k+4), true)
		if patient >= 0 {
			for j := k - 1; j >= s.first && !clauseBreak(&d.toks[j]); j-- {
				if e := d.entAt(j); e >= 0 && d.ents[e].typ != kind.Person {
					agent = e
				}
			}
		}
	}
	d.agentBy = false
	for j := k + 1; j < s.last && j < k+10; j++ {
		if w := d.toks[j].lower; w == "by" || w == "in" {
			e := d.entAt(d.skipThe(j+1, s))
			if e >= 0 && d.ents[e].typ != kind.Person && (w == "by" || d.isCountry(e)) {
				agent = e
				d.agentBy = w == "by"
				break
			}
		}
		if clauseBreak(&d.toks[j]) {
			break
		}
	}
	return patient, agent
}

func (d *doc) skipThe(k int, s *sentence) int {
	if k < s.last && d.toks[k].lower == "the" {
		return k + 1
	}
	return k
}

// defection reads who defected and from where.
func (d *doc) defection(k int, s *sentence) {
	who, from := -1, -1
	if d.toks[k].lower == "defector" {
		// "a North Korean defector, Thae Yong Ho" or "defector Thae Yong Ho"
		who = d.entAfter(k+1, min(s.last, k+4), true)
		if k > s.first {
			if e := d.entAt(k - 1); e >= 0 && d.ents[e].typ != kind.Person {
				from = e
			}
		}
	} else {
		who = d.entBefore(k, s, true)
		if who >= 0 && d.ents[who].typ != kind.Person {
			who = -1
		}
	}
	if k+2 < s.last && d.toks[k+1].lower == "from" {
		if e := d.entAt(d.skipThe(k+2, s)); e >= 0 {
			from = e
		}
	}
	if from < 0 && who >= 0 {
		for _, r := range d.roles {
			if r.person == who && r.org >= 0 {
				from = r.org
				if d.ents[r.org].typ == kind.Place {
					break
				}
			}
		}
	}
	if from < 0 {
		for j := s.first; j < s.last; j++ {
			if e := d.entAt(j); e >= 0 && d.ents[e].typ == kind.Place {
				from = e
				break
			}
		}
	}
	d.addRel(who, kind.DefectedFrom, from, s, k, 0.6)
	if who >= 0 && d.ents[who].typ == kind.Person {
		date, _ := d.dateIn(s.start, s.end)
		d.roles = append(d.roles, roleRec{person: who, title: "defector", org: from, from: date,
			start: d.toks[k].start, end: d.toks[k].end, sent: int(d.toks[k].sent)})
	}
}

// titledAfter reads "[the] [holder] title" from token k and returns the
// one person with that role, or -1: "the North Korean leader".
func (d *doc) titledAfter(k int, s *sentence) int {
	k = d.skipThe(k, s)
	holder := -1
	if e := d.entAt(k); e >= 0 && d.ents[e].typ != kind.Person {
		holder = e
		k = d.ms[d.tokMention[k]].tok1
	}
	e, end := d.titleStartingAt(k, s.last)
	if end < 0 {
		return -1
	}
	who := -1
	for _, r := range d.roles {
		if strings.EqualFold(nameWords(r.title)[len(nameWords(r.title))-1], e.name) && (holder < 0 || r.org == holder) {
			if who >= 0 && who != r.person {
				return -1
			}
			who = r.person
		}
	}
	return who
}

// nicknameBefore returns the capitalised words (two or more) that end the
// quotation closing shortly before token k, or "".
func (d *doc) nicknameBefore(k int, s *sentence) string {
	j := k - 1
	for j > s.first && k-j < 6 && !(d.toks[j].kind == tPunct && (d.toks[j].text == "”" || d.toks[j].text == "\"")) {
		j--
	}
	if j <= s.first || d.toks[j].kind != tPunct {
		return ""
	}
	end := j
	i := end
	for i > s.first && isCapWord(&d.toks[i-1]) {
		i--
	}
	if end-i < 2 {
		return ""
	}
	return d.spanText(d.toks[i].start, d.toks[end-1].end)
}

// isCountry reports whether entity e is a country of the gazetteer.
func (d *doc) isCountry(e int) bool {
	le, ok := d.x.lex.phrases[asciiLower(d.ents[e].name)]
	return ok && le.kind == lexCountry
}

// demandVerbs ask for or work towards a release, which implies that the
// people named are held: "demanded the release of", "to secure the
// release of", "called for the release of".
var (
	demandVerbs = set(`demand demanded demands demanding seek seeks seeking sought secure secured secures securing
negotiate negotiated negotiating win won winning urge urged urging`)
	demandFor   = set(`call called calls calling press pressed pressing push pushed pushing campaign campaigned campaigning appeal appealed appealing`)
	travelVerbs = set(`travelled traveled went flew returned`)
)

// demandedRelease reads "<demand> [the] release [of] <people>" at the
// trigger k: each person named is detained. By whom only when the text
// says it: "by X" or "in <country>" after the trigger, the country the
// subject travelled to or visited in the same sentence, or, for "the
// release of three other citizens", whoever held the people of the last
// detention the article told of.
func (d *doc) demandedRelease(k int, s *sentence) {
	j := k - 1
	if j > s.first && d.toks[j].lower == "the" {
		j--
	}
	if j < s.first {
		return
	}
	if w := d.toks[j].lower; !demandVerbs[w] && !(w == "for" && j > s.first && demandFor[d.toks[j-1].lower]) {
		return
	}
	// the people: a list that may follow a colon, up to the next clause
	var people []int
	other := false
	for i := k + 1; i < s.last && i < k+30; i++ {
		t := &d.toks[i]
		if t.lower == "who" || t.lower == "which" || t.lower == "that" || t.text == ";" || t.lower == "but" {
			break
		}
		if t.text == "," && i+1 < s.last && d.entAt(i+1) < 0 && d.toks[i+1].lower != "and" {
			break
		}
		if t.lower == "other" && len(people) == 0 {
			other = true
		}
		if e := d.entAt(i); e >= 0 {
			if d.ents[e].typ == kind.Person && !containsInt(people, e) {
				people = append(people, e)
			}
			i = d.ms[d.tokMention[i]].tok1 - 1
		}
	}
	if len(people) == 0 {
		return
	}
	_, agent := d.patientAgent(k, s)
	if agent >= 0 && !d.isCountry(agent) && d.ents[agent].typ != kind.Org {
		agent = -1
	}
	if agent < 0 {
		agent = d.travelledTo(s, k)
	}
	if agent < 0 && other {
		for i := len(d.rels) - 1; i >= 0; i-- {
			if d.rels[i].pred == kind.Detained {
				agent = d.rels[i].subj
				break
			}
		}
	}
	for _, p := range people {
		if p != agent {
			d.addRel(agent, kind.Detained, p, s, k, 0.5)
		}
	}
}

// travelledTo is the country someone travelled to or visited before token
// k in sentence s, or -1.
func (d *doc) travelledTo(s *sentence, k int) int {
	for i := s.first; i < k; i++ {
		w := d.toks[i].lower
		j := -1
		switch {
		case travelVerbs[w] && i+1 < k && d.toks[i+1].lower == "to":
			j = i + 2
		case w == "visited" || w == "visiting":
			j = i + 1
		}
		if j < 0 {
			continue
		}
		j = d.skipThe(j, s)
		if e := d.entAt(j); e >= 0 && d.ents[e].typ == kind.Place && d.isCountry(e) {
			return e
		}
		if mi := d.tokMention[max(j-1, 0)]; mi >= 0 && d.ms[mi].tok0 == j-1 {
			// "the hermit kingdom": the epithet mention starts at "the"
			if e := d.ms[mi].ent; e >= 0 && d.ents[e].typ == kind.Place && d.isCountry(e) {
				return e
			}
		}
	}
	return -1
}

// sentencePerson is the speaker of sentence s before token k: the person
// named just before the last verb of saying outside quotation marks
// ("after Mr Tillerson said ..., Mr Trump said on Twitter"), or -1.
func (d *doc) sentencePerson(s *sentence, k int) int {
	who := -1
	for j := s.first + 1; j < k; j++ {
		if d.toks[j].inQuote || !d.x.lex.speech[d.toks[j].lower] {
			continue
		}
		if e := d.entAt(j - 1); e >= 0 && d.ents[e].typ == kind.Person {
			who = e
		}
	}
	return who
}

// staffHeads are the nouns for someone who works in another's office: "Mr
// Yun's official", "Mr Blair's official spokesman".
var staffHeads = set(`official officials spokesman spokeswoman spokesperson aide aides diplomat diplomats officer officers
negotiator negotiators envoy adviser advisers advisor advisors representative`)

// staffFollowers may follow a staff noun that is the head of its phrase
// ("Mr Yun's official said", "Mr Blair's spokesman has"), where a
// lower-case word such as "figures" makes it a modifier instead.
var staffFollowers = set(`said says told added has had have is was were would will could also`)

// possessedStaff reads "P's official" at the possessive token k: P and a
// member of P's staff. When the article introduced that staff member as an
// anonymous source of an organisation ("a State Department official
// said ..." and later "Mr Yun's official"), P works for that organisation
// too: one office holds them both.
func (d *doc) possessedStaff(k int, s *sentence) {
	if k <= s.first || d.toks[k].inQuote {
		return
	}
	p := d.entAt(k - 1)
	if p < 0 || d.ents[p].typ != kind.Person || d.ents[p].nomKey != "" {
		return
	}
	j := k + 1
	for j+1 < s.last && d.toks[j].kind == tWord && (d.x.lex.nomAdjs[d.toks[j].lower] || d.toks[j].lower == "official" || d.toks[j].lower == "chief") &&
		d.tokMention[j] < 0 && (staffHeads[d.toks[j+1].lower] || d.x.lex.nomAdjs[d.toks[j+1].lower]) {
		j++
	}
	if j >= s.last || !staffHeads[d.toks[j].lower] || d.tokMention[j] >= 0 {
		return
	}
	if n := j + 1; n < s.last && d.toks[n].kind == tWord && !staffFollowers[d.toks[n].lower] && !d.x.lex.speech[d.toks[n].lower] {
		return // "Mr Blair's official figures"
	}
	head := strings.TrimSuffix(d.toks[j].lower, "s")
	// The source with that head introduced last before this phrase.
	src, srcPos := -1, -1
	for i := range d.ents {
		if e := &d.ents[i]; e.nomKey != "" && e.nomHead == head && e.first < d.toks[k].start && e.first > srcPos {
			src, srcPos = i, e.first
		}
	}
	if src < 0 {
		return
	}
	for _, r := range d.roles {
		if r.person == src && r.org >= 0 && r.org != p && d.ents[r.org].typ == kind.Org {
			d.addRel(p, kind.WorksFor, r.org, s, k, 0.5)
			return
		}
	}
}

// worksAt reads "P works for O", "P, who worked at O" and "he works for
// O" at the verb k: the subject must stand right before the verb (or
// before ", who"), so that "Smith said the plan worked for the BBC" says
// nothing of Smith.
func (d *doc) worksAt(k int, s *sentence) {
	obj := d.entAt(d.skipThe(k+2, s))
	if obj < 0 || d.ents[obj].typ != kind.Org {
		return
	}
	j := k - 1
	if j > s.first && d.toks[j].lower == "who" && d.toks[j-1].text == "," {
		j -= 2
	}
	if j < s.first {
		return
	}
	subj := -1
	if w := d.toks[j].lower; w == "he" || w == "she" {
		subj = d.personBefore(d.toks[j].start)
	} else if e := d.entAt(j); e >= 0 && d.ents[e].typ == kind.Person && d.ms[d.tokMention[j]].tok1 == j+1 {
		subj = e
	}
	d.addRel(subj, kind.WorksFor, obj, s, k, 0.55)
}

// orgsPerson reads "Microsoft's Bill Gates" at the name's first token k:
// a person written with an organisation's possessive is one of its people.
func (d *doc) orgsPerson(k int, s *sentence) {
	o, p := d.entAt(k-2), d.entAt(k)
	if o < 0 || p < 0 || d.ents[o].typ != kind.Org || d.ents[p].typ != kind.Person || d.ents[p].nomKey != "" {
		return
	}
	m := &d.ms[d.tokMention[k]]
	if m.tok0 != k || m.nominal {
		return
	}
	// "the BBC's Jeremy Vine show", "Sony's Blu-ray Disc technology": a
	// name that modifies a noun names a thing, not the person.
	if n := m.tok1; n < s.last && d.toks[n].kind == tWord && !d.toks[n].cap && !staffFollowers[d.toks[n].lower] &&
		!d.x.lex.speech[d.toks[n].lower] && d.toks[n].lower != "and" {
		return
	}
	// Products are named like people ("Sony's PlayStation Portable"): only
	// a name that opens with a given name, or one that speaks.
	// "Parliament's Victoria Tower": a common noun ends the name of a place.
	nw := nameWords(d.ents[p].name)
	if !d.x.lex.given[nw[0]] && !(m.tok1 < s.last && d.x.lex.speech[d.toks[m.tok1].lower]) || len(nw) > 1 && d.x.lex.nouns[nw[len(nw)-1]] {
		return
	}
	pred := kind.WorksFor
	if on := nameWords(d.ents[o].name); on[len(on)-1] == "party" {
		pred = kind.MemberOf // "Labour's Paul Flynn"
	}
	d.addRel(p, pred, o, s, k, 0.45)
}

// possessed reports whether the mention at token k is followed by a
// possessive: "Gary Neville's cross".
func (d *doc) possessed(k int) bool {
	mi := d.tokMention[k]
	if mi < 0 {
		return false
	}
	n := d.ms[mi].tok1
	if n >= len(d.toks) {
		return false
	}
	t := &d.toks[n]
	// "Saul Mikoliunas' cross": the bare apostrophe of a name ending in s
	return t.kind == tPoss || (t.text == "'" || t.text == "’") && t.start == d.ms[mi].end
}

// inPlaceList reports whether the places from token k to token end are
// part of a list of places rather than "City, Country": "London,
// Singapore and Kuala Lumpur", "Scandinavia, Russia and eastern Europe",
// or end in a title ("Edinburgh, Wales Secretary Peter Hain").
func (d *doc) inPlaceList(k, end int, s *sentence) bool {
	placeAt := func(j int) bool {
		j = d.skipThe(j, s)
		if e := d.entAt(j); e >= 0 && d.ents[e].typ == kind.Place {
			return true
		}
		// "eastern Europe": a compass word before a place
		return j+1 < s.last && compassWords[d.toks[j].lower] && d.entAt(j+1) >= 0 && d.ents[d.entAt(j+1)].typ == kind.Place
	}
	if end < s.last {
		t := &d.toks[end]
		switch {
		case t.lower == "and" || t.lower == "or":
			if placeAt(end + 1) {
				return true
			}
		case t.text == ",":
			if end+1 < s.last && (placeAt(end+1) || (d.toks[end+1].lower == "and" || d.toks[end+1].lower == "or") && placeAt(end+2)) {
				return true
			}
		case isCapWord(t):
			if _, e := d.titleStartingAt(end, s.last); e > 0 {
				return true
			}
		}
	}
	// "France, Bonn, Germany": a list before the city
	return k-2 >= s.first && d.toks[k-1].text == "," && placeAt(k-2)
}
