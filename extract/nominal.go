package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/quote"
	"github.com/newsgraph/newsgraph/kind"
)

// nominalMods are lower-case words that may qualify an anonymous source:
// "a government official", "a police spokesman".
var nominalMods = set(`government company military police intelligence security foreign defence defense health party
ministry embassy palace campaign club administration industry union army navy justice treasury trade court
white house state department`)

// findNominals finds anonymous sources ("a senior State Department
// official", "the official", "a spokesman") and "the President" written
// in place of a name. An anonymous source becomes one PERSON entity per
// distinct head phrase; "the official" refers back to the nearest one
// with the same head.
func (d *doc) findNominals() {
	l := d.x.lex
	byKey := make(map[string]int)
	for si := range d.sents {
		s := &d.sents[si]
		for k := s.first; k < s.last; k++ {
			t := &d.toks[k]
			if t.kind != tWord || (t.lower != "a" && t.lower != "an" && t.lower != "the") || t.inQuote {
				continue
			}
			j := k + 1
			for j < s.last && d.toks[j].kind == tWord && l.nomAdjs[d.toks[j].lower] {
				j++
			}
			// "the President": a title where a name could be.
			if t.lower == "the" && j == k+1 && j < s.last && d.tokMention[j] < 0 && !d.x.lex.nomHeads[d.toks[j].lower] {
				if e, end := d.titleStartingAt(j, s.last); end > 0 && e.kind == lexTitle &&
					(end >= s.last || !(isCapWord(&d.toks[end]) || d.toks[end].lower == "of")) {
					d.theTitles = append(d.theTitles, theTitle{tok0: k, tok1: end, title: e.name})
					continue
				}
			}
			modStart := j
			for j < s.last && j-modStart < 6 {
				tj := &d.toks[j]
				if d.tokMention[j] >= 0 {
					e := d.entAt(j)
					if e < 0 || d.ents[e].typ == kind.Person {
						break
					}
					j = d.ms[d.tokMention[j]].tok1
					continue
				}
				if tj.kind == tWord && !tj.cap && nominalMods[tj.lower] {
					j++
					continue
				}
				break
			}
			if j >= s.last || d.toks[j].kind != tWord || d.toks[j].cap || !l.nomHeads[d.toks[j].lower] {
				continue
			}
			head := j
			if head+1 < s.last {
				n := &d.toks[head+1]
				if isCapWord(n) || n.kind == tPoss || n.lower == "of" {
					continue // "the official Xinhua agency", a pre-modifier of a name
				}
			}
			if k > s.first && d.toks[k-1].text == "," && d.entAt(k-2) >= 0 && d.ents[d.entAt(k-2)].typ == kind.Person {
				continue // an apposition to a named person
			}
			headWord := d.toks[head].lower
			name := d.spanText(d.toks[modStart].start, d.toks[head].end)
			forOrg := -1
			if j := head + 1; j+1 < s.last && d.toks[j].lower == "for" {
				// "a spokeswoman for MTV" is the MTV spokeswoman
				if e := d.entAt(d.skipThe(j+1, s)); e >= 0 && d.ents[e].typ == kind.Org {
					forOrg = e
					name = d.ents[e].name + " " + name
				}
			}
			key := strings.ToLower(name)
			e := -1
			if modStart == head && t.lower == "the" {
				// "the official": the nearest earlier source with this head.
				best := -1
				for i := range d.ents {
					if d.ents[i].nomHead == headWord && d.ents[i].lastPos < d.toks[k].start && d.ents[i].lastPos > best {
						best, e = d.ents[i].lastPos, i
					}
				}
			} else if i, ok := byKey[key]; ok {
				e = i
			} else if i, ok := byKey[headWord]; ok && t.lower == "the" {
				// "the official" came first; "the State Department official" names it fully.
				e = i
				d.ents[e].name, d.ents[e].nomKey = name, key
				byKey[key] = e
			}
			if e < 0 {
				if !d.speechNear(k, head, s) {
					continue
				}
				d.ents = append(d.ents, entity{name: name, typ: kind.Person, nomKey: key, nomHead: headWord, first: d.toks[k].start, lastPos: -1})
				e = len(d.ents) - 1
				byKey[key] = e
				// "a State Department official" works there.
				org := forOrg
				if org < 0 && modStart < head {
					org = d.holder(head-1, modStart)
				}
				if org >= 0 {
					d.roles = append(d.roles, roleRec{person: e, title: headWord, org: org, start: d.toks[modStart].start, end: d.toks[head].end, sent: si})
				}
			}
			start := d.toks[k].start
			d.ms = append(d.ms, mention{start: start, end: d.toks[head].end, tok0: k, tok1: head + 1, sent: si,
				typ: kind.Person, key: name, ent: e, nominal: true, nomHead: headWord})
			d.ents[e].addForm(name)
			d.ents[e].lastPos = start
			k = head
		}
	}
}

// speechNear reports whether a speech verb (or "according to") is close
// to the nominal phrase [k, head]: the phrase then names a source.
func (d *doc) speechNear(k, head int, s *sentence) bool {
	l := d.x.lex
	for j := head + 1; j < s.last && j <= head+4; j++ {
		if l.speech[d.toks[j].lower] {
			return true
		}
		if d.toks[j].kind == tPunct && d.toks[j].text != "," {
			break
		}
	}
	for j := k - 1; j >= s.first && j >= k-2; j-- {
		if l.speech[d.toks[j].lower] || (d.toks[j].lower == "to" && j > s.first && d.toks[j-1].lower == "according") {
			return true
		}
	}
	for i := range d.quotes {
		q := &d.quotes[i]
		if q.Form == quote.Nominal && d.toks[k].start >= q.Speaker.Start && d.toks[head].end <= q.Speaker.End {
			return true
		}
	}
	return false
}
