package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/kind"
)

// findCoinedNames finds things the article names in scare quotes after
// "so-called": "the so-called “New York channel”", "the so-called “Oil
// for Food programme”". A capitalised phrase ending in a lower-case head
// noun is the name of a thing (a back channel, a programme, a plan) that
// acts like an organisation, so it becomes an ORG entity, and every later
// writing of the same words is a mention of it. A quoted phrase that is
// all lower case ("so-called “nuclear channel”") is a description, and
// one that is all capitalised is left to the name finder.
//
// Names inside the phrase ("New York") keep their own mentions: the
// coined name only claims its uncovered words (the head noun), which is
// enough for the patterns that look entities up by token.
func (d *doc) findCoinedNames() {
	for si := range d.sents {
		s := &d.sents[si]
		if s.headline {
			continue
		}
		for k := s.first; k+3 < s.last; k++ {
			t := &d.toks[k]
			if t.kind != tWord || t.inQuote {
				continue
			}
			open := -1
			switch {
			case t.lower == "so-called":
				open = k + 1
			case t.lower == "so" && d.toks[k+1].lower == "called":
				open = k + 2
			}
			if open < 0 || open+2 >= s.last || !isOpenQuote(&d.toks[open]) {
				continue
			}
			i, j := open+1, open+1
			for j < s.last && j-i <= 5 && d.toks[j].kind == tWord && d.toks[j].inQuote {
				j++
			}
			if j >= s.last || j-i < 2 || j-i > 5 || !isCloseQuote(&d.toks[j]) {
				continue
			}
			head := &d.toks[j-1]
			if !d.toks[i].cap || head.cap || !isLetters(head.lower) {
				continue
			}
			d.addCoinedName(i, j)
			k = j
		}
	}
}

// addCoinedName makes the phrase of tokens [i,j) an ORG entity with a
// mention at every writing of the same words outside quotation marks too.
func (d *doc) addCoinedName(i, j int) {
	n := j - i
	name := d.spanText(d.toks[i].start, d.toks[j-1].end)
	e := -1
	for x := range d.ents {
		if d.ents[x].typ == kind.Org && strings.EqualFold(d.ents[x].name, name) {
			e = x
		}
	}
	if e < 0 {
		d.ents = append(d.ents, entity{name: name, typ: kind.Org, first: d.toks[i].start, lastPos: d.toks[i].start})
		e = len(d.ents) - 1
		d.ents[e].addForm(name)
	}
	for k := 0; k+n <= len(d.toks); k++ {
		if !d.toks[k].cap || d.toks[k].lower != d.toks[i].lower {
			continue
		}
		same := true
		for x := 1; x < n && same; x++ {
			same = d.toks[k+x].kind == tWord && d.toks[k+x].lower == d.toks[i+x].lower
		}
		if !same || (k > 0 && d.toks[k-1].kind == tWord && d.toks[k-1].cap && d.toks[k-1].sent == d.toks[k].sent && !isSentenceStart(d, k-1)) {
			continue // part of a longer name
		}
		if mi := d.tokMention[k+n-1]; mi >= 0 && d.ms[mi].ent == e {
			continue
		}
		start, end := d.toks[k].start, d.toks[k+n-1].end
		d.ms = append(d.ms, mention{start: start, end: end, tok0: k, tok1: k + n, sent: int(d.toks[k].sent),
			typ: kind.Org, key: name, nWords: n, org: 1, ent: e})
		mi := int32(len(d.ms) - 1)
		for x := k; x < k+n; x++ {
			if d.tokMention[x] < 0 {
				d.tokMention[x] = mi
			}
		}
		k += n - 1
	}
}

// isSentenceStart reports whether token k opens its sentence.
func isSentenceStart(d *doc, k int) bool {
	s := &d.sents[d.toks[k].sent]
	return k == s.first
}

func isOpenQuote(t *token) bool {
	return t.kind == tPunct && (t.text == "“" || t.text == "\"" || t.text == "‘")
}

func isCloseQuote(t *token) bool {
	return t.kind == tPunct && (t.text == "”" || t.text == "\"" || t.text == "’")
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return s != ""
}

// countryHeads are nouns a definite description uses for a country named
// before: "the hermit kingdom", "the rogue nation", "the country".
var countryHeads = set(`country nation kingdom republic`)

// findCountryEpithets links "the <one or two lower-case words> kingdom"
// and the like to the country mentioned last before it, as "the Swedish
// firm" refers back to a company. Only the mention is added, not a name
// form: "the country" names every country, and the graph merges entities
// across articles by their names.
func (d *doc) findCountryEpithets() {
	for si := range d.sents {
		s := &d.sents[si]
		if s.headline {
			continue
		}
		for k := s.first; k+1 < s.last; k++ {
			t := &d.toks[k]
			if t.kind != tWord || t.lower != "the" || t.inQuote {
				continue
			}
			j := k + 1
			for j < s.last && j-k <= 2 && d.toks[j].kind == tWord && !d.toks[j].cap && d.tokMention[j] < 0 &&
				!countryHeads[d.toks[j].lower] && !epithetStops[d.toks[j].lower] && isLetters(strings.ReplaceAll(d.toks[j].lower, "-", "")) {
				j++
			}
			// a bare "the country" is too often another country than the last one named
			if j == k+1 || j >= s.last || !countryHeads[d.toks[j].lower] || d.toks[j].cap || d.tokMention[j] >= 0 {
				continue
			}
			if j+1 < s.last && (isCapWord(&d.toks[j+1]) || d.toks[j+1].lower == "of") {
				continue // "the republic of ...": a name, or another country
			}
			c := d.countryBefore(t.start)
			if c < 0 {
				continue
			}
			d.ms = append(d.ms, mention{start: t.start, end: d.toks[j].end, tok0: k, tok1: j + 1, sent: int(t.sent),
				typ: kind.Place, key: d.spanText(t.start, d.toks[j].end), nWords: j + 1 - k, place: 1, nominal: true, ent: c})
			for x := k; x <= j; x++ {
				d.tokMention[x] = int32(len(d.ms) - 1)
			}
			k = j
		}
	}
}

// epithetStops are words that never qualify the country of an epithet.
var epithetStops = set(`of for to in on at by with from and or but whole entire same other another every each this that our their its his her your my new cross two three four both`)

// countryBefore is the country of the last mention before pos, or -1.
func (d *doc) countryBefore(pos int) int {
	best, bestStart := -1, -1
	for i := range d.ms {
		m := &d.ms[i]
		if m.drop || m.ent < 0 || m.start >= pos || m.start <= bestStart || m.nominal {
			continue
		}
		if d.ents[m.ent].typ == kind.Place && d.isCountry(m.ent) {
			best, bestStart = m.ent, m.start
		}
	}
	return best
}

// roleSynonyms are descriptions of an office by another name, with the
// titles that hold it: a fact about roles, not about any person.
var roleSynonyms = map[string][]string{
	"chief diplomat": {"secretary of state", "foreign secretary", "foreign minister"},
	"top diplomat":   {"secretary of state", "foreign secretary", "foreign minister"},
}

// resolveRoleSynonyms links "his chief diplomat", "the country's top
// diplomat" to the one person of the article holding a matching title
// ("Secretary of State Rex Tillerson"). Nothing is linked when no one or
// more than one person holds such a title. Only a mention is added, not a
// name form: the same words name someone else in another article.
func (d *doc) resolveRoleSynonyms() {
	for si := range d.sents {
		s := &d.sents[si]
		for k := s.first; k+2 < s.last; k++ {
			t := &d.toks[k]
			if t.kind != tWord || t.inQuote || !(t.lower == "his" || t.lower == "her" || t.lower == "its" || t.lower == "their" || t.lower == "the") {
				continue
			}
			if d.tokMention[k+1] >= 0 || d.tokMention[k+2] >= 0 {
				continue
			}
			titles, ok := roleSynonyms[d.toks[k+1].lower+" "+d.toks[k+2].lower]
			if !ok {
				continue
			}
			who := d.soleHolder(func(title string) bool { return containsFold(titles, title) })
			if who < 0 {
				continue
			}
			start, end := t.start, d.toks[k+2].end
			d.ms = append(d.ms, mention{start: start, end: end, tok0: k, tok1: k + 3, sent: int(t.sent),
				typ: kind.Person, key: d.spanText(start, end), ent: who, nominal: true, nomHead: d.toks[k+2].lower})
			for x := k; x < k+3; x++ {
				d.tokMention[x] = int32(len(d.ms) - 1)
			}
			k += 2
		}
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
