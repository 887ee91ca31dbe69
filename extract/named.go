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
