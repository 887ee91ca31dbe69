package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/kind"
)

// roleRec is a role found for a person entity.
type roleRec struct {
	person     int
	title      string
	org        int // entity the role is held in, or -1
	leader     bool
	plural     bool // read from a plural title that may cover the next names: "academics A and B"
	from, to   string
	start, end int
	sent       int
}

var determiners = set(`a an the his her its their our former then now new acting interim outgoing`)

var rolePreps = set(`of with at for in to from`)

// titleEndingAt finds the longest title whose last token is k, at or after
// token min. It returns the entry and its first token, or -1.
func (d *doc) titleEndingAt(k, min int) (lexEntry, int) {
	for L := 4; L >= 1; L-- {
		i := k - L + 1
		if i < min || d.toks[k].kind != tWord {
			continue
		}
		skip := false
		for j := i; j <= k; j++ {
			if d.tokMention[j] >= 0 || d.toks[j].kind != tWord {
				skip = true
				break
			}
		}
		if skip {
			continue
		}
		key, ok := keyOf(d.toks, d.lower, i, k+1)
		if !ok {
			continue
		}
		if e, ok := d.x.lex.title(key); ok {
			return e, i
		}
	}
	return lexEntry{}, -1
}

// titleStartingAt finds the longest title starting at token k.
func (d *doc) titleStartingAt(k, max int) (lexEntry, int) {
	for L := 4; L >= 1; L-- {
		j := k + L
		if j > max || d.toks[j-1].kind != tWord {
			continue
		}
		key, ok := keyOf(d.toks, d.lower, k, j)
		if !ok {
			continue
		}
		if e, ok := d.x.lex.title(key); ok {
			return e, j
		}
	}
	return lexEntry{}, -1
}

func (d *doc) titleText(i, j int) string {
	t := d.spanText(d.toks[i].start, d.toks[j-1].end)
	if e, ok := d.x.lex.phrases[asciiLower(t)]; !ok || e.kind != lexTitle {
		if strings.HasSuffix(t, "s") {
			if e, ok := d.x.lex.phrases[asciiLower(t[:len(t)-1])]; ok && e.kind == lexTitle {
				t = t[:len(t)-1]
			}
		}
	}
	return t
}

// holder returns the organisation or place entity of the mention ending at
// token k (skipping a possessive), or -1.
func (d *doc) holder(k, min int) int {
	if k >= min && d.toks[k].kind == tPoss {
		k--
	}
	if k < min {
		return -1
	}
	e := d.entAt(k)
	if e >= 0 && (d.ents[e].typ == kind.Org || d.ents[e].typ == kind.Place) {
		return e
	}
	return -1
}

// findRoles reads roles from titles written before a name ("US Secretary
// of State Rex Tillerson", "NATO chief Jens Stoltenberg"), from appositions
// ("Joseph Yun, a US negotiator with North Korea,") and from copulas
// ("Thae Yong Ho was chief of mission at ...").
func (d *doc) findRoles() {
	var last *roleRec
	for _, mi := range d.order {
		m := &d.ms[mi]
		if m.typ != kind.Person || m.nominal || m.ent < 0 || d.ents[m.ent].typ != kind.Person {
			continue
		}
		s := &d.sents[m.sent]
		found := false
		// Before the name.
		if k := m.tok0 - 1; k >= s.first && d.ms[mi].start == d.toks[m.tok0].start {
			if e, i := d.titleEndingAt(k, s.first); i >= 0 {
				// "Planning Minister": capitalised words glued before the title belong to it
				for i > s.first && isCapWord(&d.toks[i-1]) && d.tokMention[i-1] < 0 && d.toks[i-1].end+1 >= d.toks[i].start && d.toks[i].cap &&
					!d.x.lex.common[d.toks[i-1].lower] && !skipWords[d.toks[i-1].lower] {
					i--
				}
				r := roleRec{person: m.ent, title: d.titleText(i, k+1), org: d.holder(i-1, s.first), leader: e.leader,
					start: d.toks[i].start, end: m.end, sent: m.sent, plural: strings.HasSuffix(d.toks[k].lower, "s") && !strings.HasSuffix(e.name, "s")}
				d.roles = append(d.roles, r)
				last = &d.roles[len(d.roles)-1]
				found = true
				if m.nWords == 1 && d.toks[i].cap {
					// "President Putin" names him too
					d.ents[m.ent].addForm(d.spanText(d.toks[i].start, m.end))
				}
			} else if d.toks[k].text == "," && k > s.first && m.tok1 < s.last && d.toks[m.tok1].text == "," {
				// "Economy Minister, Roberto Lavagna, said": the title before the comma
				if e, i := d.titleEndingAt(k-1, s.first); i >= 0 && d.toks[k-1].cap {
					for i > s.first && isCapWord(&d.toks[i-1]) && d.tokMention[i-1] < 0 && !d.x.lex.common[d.toks[i-1].lower] && !skipWords[d.toks[i-1].lower] {
						i--
					}
					d.roles = append(d.roles, roleRec{person: m.ent, title: d.titleText(i, k), org: d.holder(i-1, s.first), leader: e.leader,
						start: d.toks[i].start, end: m.end, sent: m.sent})
					found = true
				}
			} else if last != nil && last.plural && last.sent == m.sent && (d.toks[k].lower == "and" || d.toks[k].text == ",") {
				if pe := d.entAt(k - 1); pe >= 0 && d.ents[pe].typ == kind.Person {
					r := *last
					r.person, r.end = m.ent, m.end
					d.roles = append(d.roles, r)
					found = true
				}
			}
		}
		// Apposition: "Name, a US negotiator with North Korea,".
		if j := m.tok1; j+1 < s.last && d.toks[j].text == "," {
			if d.apposition(m, j+1, s) {
				found = true
			}
		}
		// Copula: "Name was chief of mission at ...".
		if j := m.tok1; j < s.last && !found {
			d.copula(m, j, s)
		}
	}
	for _, r := range d.roles {
		if r.org < 0 {
			continue
		}
		pred := kind.RoleOf
		d.rels = append(d.rels, relRec{subj: r.person, pred: pred, obj: r.org, start: r.start, end: r.end, conf: 0.8, date: r.from})
		switch {
		case r.leader:
			d.rels = append(d.rels, relRec{subj: r.person, pred: kind.LeaderOf, obj: r.org, start: r.start, end: r.end, conf: 0.75})
		case d.ents[r.org].typ == kind.Org && memberTitles[strings.ToLower(r.title)]:
			d.rels = append(d.rels, relRec{subj: r.person, pred: kind.MemberOf, obj: r.org, start: r.start, end: r.end, conf: 0.7})
		case d.ents[r.org].typ == kind.Org:
			d.rels = append(d.rels, relRec{subj: r.person, pred: kind.WorksFor, obj: r.org, start: r.start, end: r.end, conf: 0.7})
		}
	}
}

var memberTitles = set(`mp mep msp senator congressman congresswoman member representative peer lord councillor activist`)

// apposition reads a role after "Name,". j is the token after the comma.
func (d *doc) apposition(m *mention, j int, s *sentence) bool {
	hasDet := false
	for j < s.last && d.toks[j].kind == tWord && determiners[d.toks[j].lower] {
		hasDet = true
		j++
	}
	org := -1
	// An organisation or country before the title: "a US negotiator".
	for j < s.last && d.tokMention[j] >= 0 {
		if e := d.entAt(j); e >= 0 && (d.ents[e].typ == kind.Org || d.ents[e].typ == kind.Place) {
			org = e
		} else {
			return false
		}
		j = d.ms[d.tokMention[j]].tok1
		if j < s.last && d.toks[j].kind == tPoss {
			j++
		}
	}
	// "the company's chief executive": the organisation named last.
	if org < 0 && j+1 < s.last && orgNominals[d.toks[j].lower] && d.toks[j+1].kind == tPoss {
		for i := d.mentionAt(m.start) - 1; i >= 0; i-- {
			if mm := &d.ms[d.order[i]]; mm.ent >= 0 && d.ents[mm.ent].typ == kind.Org {
				org = mm.ent
				break
			}
		}
		j += 2
	}
	// Lower-case words up to a preposition or the end of the apposition.
	i := j
	for j < s.last && d.toks[j].kind == tWord && !d.toks[j].cap && !rolePreps[d.toks[j].lower] && j-i < 5 {
		j++
	}
	if j == i {
		return false
	}
	if j < s.last && !(d.toks[j].kind == tPunct || rolePreps[d.toks[j].lower]) {
		return false
	}
	e, t0 := d.titleEndingAt(j-1, i)
	if t0 < 0 || (!hasDet && org < 0 && t0 != i) {
		return false // without an article the words must all be the title: "Name, chief executive of X,"
	}
	if org < 0 && j+1 < s.last && rolePreps[d.toks[j].lower] {
		org = d.holder(d.mentionEnd(j+1, s), j+1)
	}
	d.roles = append(d.roles, roleRec{person: m.ent, title: d.titleText(t0, j), org: org, leader: e.leader,
		start: m.start, end: d.toks[j-1].end, sent: m.sent})
	return true
}

// mentionEnd returns the last token of the mention starting at token k
// (after an optional "the"), or k-1 when none starts there.
func (d *doc) mentionEnd(k int, s *sentence) int {
	if k < s.last && d.toks[k].lower == "the" {
		k++
	}
	if k < s.last && d.tokMention[k] >= 0 {
		mm := &d.ms[d.tokMention[k]]
		end := mm.tok1 - 1
		if mm.tok1 < s.last && d.toks[mm.tok1].kind == tPoss {
			// "Pyongyang's embassy": the possessor holds the role
			return end
		}
		return end
	}
	return k - 1
}

var copulas = set(`was is became becomes remains remained`)

// copula reads "Name was/is/became [the] title [of/at X]".
func (d *doc) copula(m *mention, j int, s *sentence) {
	if j >= s.last || !copulas[d.toks[j].lower] {
		return
	}
	j++
	for j < s.last && d.toks[j].kind == tWord && determiners[d.toks[j].lower] {
		j++
	}
	org := -1
	if j < s.last && d.tokMention[j] >= 0 {
		if e := d.entAt(j); e >= 0 && (d.ents[e].typ == kind.Org || d.ents[e].typ == kind.Place) {
			org = e
			j = d.ms[d.tokMention[j]].tok1
			if j < s.last && d.toks[j].kind == tPoss {
				j++
			}
		}
	}
	e, end := d.titleStartingAt(j, s.last)
	if end < 0 {
		return
	}
	if org < 0 && end+1 < s.last && rolePreps[d.toks[end].lower] {
		org = d.holder(d.mentionEnd(end+1, s), end+1)
	}
	r := roleRec{person: m.ent, title: d.titleText(j, end), org: org, leader: e.leader, start: m.start, end: d.toks[end-1].end, sent: m.sent}
	// "until he defected in 2016", "since 2010": the bounds of the role.
	for k := end; k < s.last; k++ {
		switch d.toks[k].lower {
		case "until", "till":
			r.to, _ = d.dateIn(d.toks[k].start, s.end)
		case "since", "from":
			if r.from == "" {
				r.from, _ = d.dateIn(d.toks[k].start, s.end)
			}
		}
	}
	d.roles = append(d.roles, r)
}

// theTitle is "the President" written where a name could be.
type theTitle struct {
	tok0, tok1 int
	title      string
}

// resolveTheTitles ties "the President" to the one person holding that
// role in the document, if there is exactly one.
func (d *doc) resolveTheTitles() {
	for _, tt := range d.theTitles {
		who := d.soleHolder(func(title string) bool { return strings.EqualFold(title, tt.title) })
		if who < 0 {
			continue
		}
		start, end := d.toks[tt.tok0].start, d.toks[tt.tok1-1].end
		d.ms = append(d.ms, mention{start: start, end: end, tok0: tt.tok0, tok1: tt.tok1, sent: int(d.toks[tt.tok0].sent),
			typ: kind.Person, key: d.spanText(start, end), ent: who, nominal: true, nomHead: strings.ToLower(tt.title)})
		d.ents[who].addForm(d.spanText(start, end))
	}
}

// soleHolder returns the one person who holds a role whose title match
// accepts, or -1 when nobody or more than one person does.
func (d *doc) soleHolder(match func(title string) bool) int {
	who := -1
	for _, r := range d.roles {
		if r.person < 0 || !match(r.title) {
			continue
		}
		if who >= 0 && who != r.person {
			return -1
		}
		who = r.person
	}
	return who
}
