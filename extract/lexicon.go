package extract

import (
	"strings"
)

// lexKind is what a lexicon phrase names.
type lexKind uint8

const (
	lexNone      lexKind = iota
	lexCountry           // a country by one of its names
	lexCapital           // a capital city: the country's government when it acts, the city when it is a location
	lexPlace             // a region, city or state
	lexDemonym           // "North Korean", "British": stands for the country
	lexOrg               // a known organisation
	lexTitle             // a role title: President, Secretary of State
	lexHonorific         // Mr, Dr, Sir
)

// lexEntry is one phrase of the lexicon.
type lexEntry struct {
	kind    lexKind
	name    string // canonical name: the country for countries, demonyms and capitals
	city    string // for capitals: the city's own name
	leader  bool   // titles that head what they are held in
	nTokens int
}

// lexicon holds every table, built once by New and read-only afterwards.
type lexicon struct {
	phrases   map[string]lexEntry // lowercase phrase (tokens joined by one space) -> entry
	acronyms  map[string]lexEntry // case-sensitive short forms: US, UN, NATO
	maxTokens int
	given     map[string]bool
	common    map[string]bool
	cues      map[string]bool
	headOf    map[string]bool
	nomHeads  map[string]bool
	nomAdjs   map[string]bool
	speech    map[string]bool
	events    map[string]bool
	strong    map[string]bool
	nouns     map[string]bool
	female    map[string]bool
	ambiguous map[string]bool
	triggers  map[string]trigger
}

func words(s string) []string { return strings.Fields(s) }

func set(s string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range words(s) {
		m[w] = true
	}
	return m
}

// phraseTokens counts the tokens tokenize would make of a phrase.
func phraseTokens(p string) int {
	low := asciiLower(p)
	toks := tokenize(p, low, nil)
	return len(toks)
}

// phraseKey joins the lowercase tokens of p with single spaces, the form
// in which the extractor looks phrases up.
func phraseKey(p string) string {
	low := asciiLower(p)
	toks := tokenize(p, low, nil)
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && toks[i-1].end < t.start {
			b.WriteByte(' ')
		}
		b.WriteString(t.lower)
	}
	return b.String()
}

func (l *lexicon) add(phrase string, e lexEntry) {
	phrase = strings.TrimSpace(phrase)
	if phrase == "" {
		return
	}
	e.nTokens = phraseTokens(phrase)
	if e.nTokens > l.maxTokens {
		l.maxTokens = e.nTokens
	}
	if isAllCaps(phrase) && len(phrase) <= 6 {
		if _, ok := l.acronyms[phrase]; !ok {
			l.acronyms[phrase] = e
		}
		return
	}
	k := phraseKey(phrase)
	if old, ok := l.phrases[k]; ok && old.kind <= e.kind && old.kind != lexNone {
		return // the first and the more specific kind wins: a country over a title
	}
	l.phrases[k] = e
}

func newLexicon() *lexicon {
	l := &lexicon{
		phrases:   make(map[string]lexEntry, 2048),
		acronyms:  make(map[string]lexEntry, 128),
		given:     set(givenNames),
		common:    set(commonWords),
		cues:      set(orgCues),
		headOf:    set(orgHeadOf),
		nomHeads:  set(nominalHeads),
		nomAdjs:   set(nominalAdjs),
		speech:    set(speechVerbs),
		events:    set(eventCues),
		strong:    set(strongCues),
		nouns:     set(nouns),
		female:    set(femaleNames),
		ambiguous: set(ambiguousNames),
		triggers:  newTriggers(),
	}
	for _, line := range strings.Split(countries, "\n") {
		f := strings.Split(line, "|")
		if len(f) < 4 {
			continue
		}
		name := f[0]
		l.add(name, lexEntry{kind: lexCountry, name: name})
		for _, a := range strings.Split(f[1], ",") {
			l.add(a, lexEntry{kind: lexCountry, name: name})
		}
		for _, c := range strings.Split(f[2], ",") {
			l.add(c, lexEntry{kind: lexCapital, name: name, city: strings.TrimSpace(c)})
		}
		for _, d := range strings.Split(f[3], ",") {
			l.add(d, lexEntry{kind: lexDemonym, name: name})
		}
	}
	for _, p := range strings.Split(places, ",") {
		p = strings.TrimSpace(p)
		l.add(p, lexEntry{kind: lexPlace, name: p})
	}
	for _, line := range strings.Split(orgs, "\n") {
		f := strings.Split(line, "|")
		name := strings.TrimSpace(f[0])
		l.add(name, lexEntry{kind: lexOrg, name: name})
		if len(f) > 1 {
			for _, a := range strings.Split(f[1], ",") {
				l.add(a, lexEntry{kind: lexOrg, name: name})
			}
		}
	}
	for _, line := range strings.Split(titles, "\n") {
		f := strings.Split(line, "|")
		t := strings.TrimSpace(f[0])
		if t == "" {
			continue
		}
		e := lexEntry{kind: lexTitle, name: t, leader: len(f) > 1 && f[1] == "leader"}
		k := phraseKey(t)
		e.nTokens = phraseTokens(t)
		if _, ok := l.phrases[k]; !ok {
			l.phrases[k] = e
		}
	}
	for _, h := range words(honorifics) {
		k := phraseKey(h)
		if old, ok := l.phrases[k]; !ok || old.kind == lexTitle {
			l.phrases[k] = lexEntry{kind: lexHonorific, name: h, nTokens: 1}
		}
	}
	return l
}

// title returns the title entry for a lowercase phrase, trying the
// singular of a plural ("academics" -> "academic").
func (l *lexicon) title(k string) (lexEntry, bool) {
	e, ok := l.phrases[k]
	if ok && e.kind == lexTitle {
		return e, true
	}
	if strings.HasSuffix(k, "s") && len(k) > 3 {
		e, ok = l.phrases[k[:len(k)-1]]
		if ok && e.kind == lexTitle {
			return e, true
		}
	}
	return lexEntry{}, false
}

// gender of a given name or honorific: 'f', 'm' or 0 when unknown.
func (l *lexicon) gender(word string) byte {
	w := strings.ToLower(strings.TrimSuffix(word, "."))
	switch w {
	case "mrs", "ms", "miss", "lady", "dame", "baroness", "queen", "princess", "madam", "mme", "mlle", "senora", "sister":
		return 'f'
	case "mr", "sir", "lord", "king", "prince", "mister", "herr", "monsieur", "senor", "signor", "father", "brother":
		return 'm'
	}
	switch {
	case l.female[w]:
		return 'f'
	case l.ambiguous[w] || !l.given[w]:
		return 0
	}
	return 'm'
}
