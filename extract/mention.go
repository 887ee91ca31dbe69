package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/kind"
)

// mention is one span of the text that names an entity, before the
// mentions are grouped into entities.
type mention struct {
	start, end int
	tok0, tok1 int // token range of the name, tok1 exclusive
	sent       int
	lex        lexEntry // the lexicon entry, when fromLex
	fromLex    bool
	typ        kind.Entity
	canon      string // canonical name for lexicon mentions
	key        string // the name as written with single spaces; grouping key for names
	nWords     int
	// Evidence for each type, summed over the clues around the mention.
	person, org, place, event float64
	backref                   bool // a lone organisation word ("the Commission") that may stand for a longer name
	defaultPerson             bool // two to four plain capitalised words, a person if nothing says otherwise
	compassRef                bool // "the North" standing for a North Korea named before
	headline, quoted          bool
	honor                     string // the honorific before the name ("Mr"), if any
	metonym                   bool   // a capital standing for its country
	nominal                   bool   // an anonymous source: "a State Department official"
	nomHead                   string // the head noun of a nominal
	ent                       int    // index of the entity, -1 until resolved
	drop                      bool
	work                      bool // the title of a work: "the BBC's Jeremy Vine show"
}

// skipWords are capitalised words that are never names on their own.
var skipWords = set(`january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday christmas easter i internet web tv am pm ok eu-wide
asian asians african africans arab arabs id budget olympic olympics oscar oscars grammy grammys emmy emmys bafta baftas euro roman christian catholic muslim jewish islamic protestant hindu sikh buddhist gmt bst obe mbe cbe dutchman irishman frenchman englishman scotsman welshman god
gdp ceo cfo coo icbm icbms wmd wmds dvd dvds cd cds pc pcs mp3 sms hiv aids sars dna vat ipo ipos rpi cpi`)

// surnameTitles are titles that are also common surnames: "Grant Dean", "Mervyn King".
var surnameTitles = set(`dean marshal major bishop judge king general speaker cardinal chair coach model star head partner
priest sheriff constable chancellor parsons`)

// orgNouns before a name say what kind of organisation it is.
var orgNouns = set(`company firm group club band studio studios label newspaper magazine paper network
channel retailer chain airline carrier maker manufacturer giant operator bank insurer website site charity`)

// workNouns next to a name make it the title of a work, not a person or
// an organisation: "the Jeremy Vine show", "radio show The Brains Trust",
// "the New Year Honours list".
var workNouns = set(`programme programmes show shows series single album film movie list sketch musical documentary
sitcom novel`)

var compassWords = set(`north south east west northern southern eastern western central`)

// functionWords are never names, whatever their capital: "“...” It said".
var functionWords = set(`it its he his she her they their we our you your i who what which that this these those all some
something nothing everyone everybody people analysts officials experts critics many most few one none`)

// placePrefixes start place names.
var placePrefixes = set(`santa san los las saint port fort mount mt lake cape glen`)

// calendarWords end a name they follow.
var calendarWords = set(`january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday`)

// compass words are no names on their own: "the North", "the West".
var compass = set(`north south east west northern southern eastern western central`)

// splitters separate two names unless an organisation head absorbs them.
var splitters = set(`of for and &`)

var connectors = set(`of for and de du la le van von der den bin al el da dos del &`)

// prevLocPreps make a following capital a location rather than its government.
var locPreps = set(`in at from to near outside into across around via through towards toward inside between within
visited visit visiting visits toured touring reached entered fled flew left leaving`)

func isCapWord(t *token) bool { return t.kind == tWord && t.cap }

// keyOf returns the lowercase key of tokens [i,j) when they are separated
// by single spaces, without allocating; ok is false otherwise.
func keyOf(toks []token, lower string, i, j int) (string, bool) {
	for k := i + 1; k < j; k++ {
		gap := toks[k].start - toks[k-1].end
		if gap > 1 || (gap == 1 && lower[toks[k-1].end] != ' ') {
			return "", false
		}
	}
	return lower[toks[i].start:toks[j-1].end], true
}

// nameKey is the text of tokens [i,j) with single spaces.
func nameKey(text string, toks []token, i, j int) string {
	if _, ok := keyOf(toks, text, i, j); ok {
		return text[toks[i].start:toks[j-1].end]
	}
	var b strings.Builder
	for k := i; k < j; k++ {
		if k > i && toks[k].start > toks[k-1].end {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].text)
	}
	return b.String()
}

// lookup finds the longest lexicon phrase starting at token p and ending
// before max. Phrases ending outside the capitalised run (runEnd) must be
// places or organisations ("Korean peninsula").
func (x *Extractor) lookup(toks []token, lower string, p, runEnd, max int) (lexEntry, int) {
	l := x.lex
	if e, ok := l.acronyms[toks[p].text]; ok {
		return e, 1
	}
	n := l.maxTokens
	if max-p < n {
		n = max - p
	}
	for L := n; L >= 1; L-- {
		last := &toks[p+L-1]
		if last.kind != tWord {
			continue
		}
		k, ok := keyOf(toks, lower, p, p+L)
		if !ok {
			continue
		}
		e, ok := l.phrases[k]
		if !ok || e.nTokens != L {
			continue
		}
		if p+L > runEnd && e.kind != lexPlace && e.kind != lexOrg && e.kind != lexCountry {
			continue
		}
		if e.kind == lexTitle || e.kind == lexHonorific {
			if !toks[p].cap {
				continue
			}
		}
		return e, L
	}
	return lexEntry{}, 0
}

// docWords is the set of words written in lower case somewhere in the
// document; a capitalised sentence opener that is one of them is no name.
type docWords map[string]struct{}

func buildDocWords(toks []token) docWords {
	m := make(docWords, len(toks)/3)
	for i := range toks {
		t := &toks[i]
		if t.kind == tWord && !t.cap {
			m[t.lower] = struct{}{}
		}
	}
	return m
}

func sentenceInitial(toks []token, s *sentence, p int) bool {
	if p == s.first {
		return true
	}
	q := &toks[p-1]
	if q.kind != tPunct {
		return false
	}
	switch q.text {
	case "“", "\"", "‘", "(", ":", "–", "—", "-", "'", "[", "…":
		return true
	}
	return false
}

// findMentions reads the capitalised runs of every sentence into mentions.
func (x *Extractor) findMentions(text, lower string, toks []token, sents []sentence, dw docWords) []mention {
	var ms []mention
	for si := range sents {
		s := &sents[si]
		for k := s.first; k < s.last; {
			if !isCapWord(&toks[k]) {
				k++
				continue
			}
			// The run: capitalised words, inner connectors, the period of an abbreviation.
			r := k + 1
			for r < s.last {
				t := &toks[r]
				if isCapWord(t) {
					r++
					continue
				}
				if t.kind == tNum && len(t.text) <= 2 && isCapWord(&toks[r-1]) {
					r++ // "Radio 4", "World War 3"
					break
				}
				if r+1 < s.last && isCapWord(&toks[r+1]) {
					if t.kind == tWord && connectors[t.lower] {
						r += 2
						continue
					}
					if t.text == "." && t.start == toks[r-1].end && abbreviations[toks[r-1].lower] {
						r += 2
						continue
					}
				}
				break
			}
			if e := x.possessiveOrg(toks, lower, s, k, r); e > r {
				ms = append(ms, x.scoreName(text, toks, s, si, k, e, k, e, "", false, true, dw))
				k = e
				continue
			}
			ms = x.segmentRun(ms, text, lower, toks, s, si, k, r, dw)
			k = r
		}
	}
	return ms
}

// segmentRun splits one capitalised run into lexicon phrases, titles,
// honorifics and unknown names, and scores the unknown names.
func (x *Extractor) segmentRun(ms []mention, text, lower string, toks []token, s *sentence, si, k, r int, dw docWords) []mention {
	l := x.lex
	var honor string
	titled := false
	nameStart := -1
	orgForced := false // the name is an organisation: a place before a cue, a sub-brand
	ofAbsorb := false  // an organisation head took "of" or "for": the rest of the run is its name
	flushName := func(end int) {
		if nameStart < 0 {
			return
		}
		// trim connectors and periods at the ends
		for end > nameStart && ((toks[end-1].kind != tWord && toks[end-1].kind != tNum) || connectors[toks[end-1].lower]) {
			end--
		}
		if end > nameStart && !ofAbsorb {
			// "Tony Kim and Kim Hak Song": two names, unless an organisation
			// head took the connector ("Centre for Strategic and International Studies").
			for p := nameStart; p < end; p++ {
				if t := &toks[p]; t.kind == tWord && !t.cap && splitters[t.lower] {
					if p > nameStart {
						ms = append(ms, x.scoreName(text, toks, s, si, nameStart, p, k, r, honor, titled, orgForced, dw))
					}
					honor, titled = "", false
					nameStart = p + 1
				}
			}
		}
		if end > nameStart {
			ms = append(ms, x.scoreName(text, toks, s, si, nameStart, end, k, r, honor, titled, orgForced || ofAbsorb, dw))
		}
		nameStart = -1
		honor = ""
		titled = false
		orgForced = false
		ofAbsorb = false
	}
	for p := k; p < r; {
		t := &toks[p]
		if ofAbsorb && t.kind == tWord {
			if e, ok := l.phrases[t.lower]; !ok || e.kind != lexHonorific {
				p++
				continue
			}
		}
		if t.kind != tWord || (connectors[t.lower] && !t.cap) {
			if nameStart >= 0 && t.kind == tWord && (t.lower == "of" || t.lower == "for") && l.headOf[toks[p-1].lower] {
				ofAbsorb = true
			}
			if nameStart < 0 && t.kind == tWord {
				honor, titled = "", false // "Dungeon Keeper and Black": the title stops at "and"
			}
			p++
			continue
		}
		if s.headline && t.allCaps {
			if _, ok := l.acronyms[t.text]; !ok {
				flushName(p)
				p++
				continue
			}
		}
		e, L := x.lookup(toks, lower, p, r, s.last)
		if L > 0 && e.kind == lexDemonym && p == k && k > s.first && p+L < r && !toks[k-1].cap {
			if _, ok := l.title(toks[k-1].lower); ok {
				L = 0 // "economy minister German Gref": a name, not a demonym
			}
		}
		if L > 0 {
			// A given name before a one-word place or company is a person: Michael Jordan.
			if nameStart >= 0 && p-nameStart == 1 && L == 1 && l.given[toks[nameStart].lower] && e.kind != lexTitle && e.kind != lexHonorific {
				p++
				continue
			}
			if e.kind == lexTitle && L == 1 && surnameTitles[t.lower] && nameStart >= 0 && p+L == r && !l.cues[toks[p-1].lower] {
				// a title word closing a name is a surname: "Grant Dean"
				p += L
				continue
			}
			if e.kind == lexTitle && p+L < r && isCapWord(&toks[p+L]) && l.cues[toks[p+L].lower] {
				// "the Justice Department": a title word inside an organisation name
				if nameStart < 0 {
					nameStart = p
				}
				p += L
				continue
			}
			if nameStart < 0 && e.kind != lexTitle && e.kind != lexHonorific {
				if q := x.orgExtension(toks, lower, p+L, r, e.kind == lexOrg); q > p+L {
					// "Danish Dairy Board", "Manchester United", "BBC Radio 4": the
					// place or organisation starts a longer organisation name.
					nameStart = p
					orgForced = true
					ofAbsorb = true // keep "of" and "and" inside: "British Chamber of Commerce"
					p = q
					flushName(q)
					continue
				}
			}
			flushName(p)
			switch e.kind {
			case lexTitle:
				titled = true
				honor = ""
			case lexHonorific:
				honor = t.text
				titled = false
			default:
				ms = append(ms, x.lexMention(text, lower, toks, s, si, p, p+L, e))
			}
			p += L
			continue
		}
		if nameStart < 0 {
			if skipWords[t.lower] || (len(t.text) == 1) {
				p++
				continue
			}
			if sentenceInitial(toks, s, p) && honor == "" {
				if _, lowSeen := dw[t.lower]; lowSeen || l.common[t.lower] || l.nouns[t.lower] || strings.HasSuffix(t.lower, "ing") || strings.HasSuffix(t.lower, "ly") {
					p++
					continue
				}
			}
			nameStart = p
		} else if calendarWords[t.lower] {
			flushName(p) // "Tony Blair Monday" never, but "Blair January" in a list
			p++
			continue
		}
		p++
	}
	flushName(r)
	return ms
}

// orgExtension returns the end of the capitalised words from q that turn
// a place or organisation before them into a longer organisation name, or
// q when they do not: after a place they must end with an organisation cue
// ("Danish Dairy Board"); after an organisation any capitalised words or a
// short number will do ("BBC One", "BBC Radio 4").
func (x *Extractor) orgExtension(toks []token, lower string, q, r int, afterOrg bool) int {
	l := x.lex
	end := q
	for j := q; j < r; j++ {
		t := &toks[j]
		if t.kind == tNum && len(t.text) <= 2 && j > q {
			end = j + 1
			break
		}
		if t.kind == tWord && (t.lower == "of" || t.lower == "for") && end == j && j > q && l.headOf[toks[j-1].lower] {
			// "British Chamber of Commerce": the organisation head takes the rest of the run
			for end = j + 1; end < r && (isCapWord(&toks[end]) || toks[end].kind == tWord && connectors[toks[end].lower]); end++ {
			}
			for end > j && !isCapWord(&toks[end-1]) {
				end--
			}
			return end
		}
		if !isCapWord(t) {
			break
		}
		if e, ok := l.phrases[t.lower]; ok && (e.kind == lexTitle || e.kind == lexHonorific) {
			break
		}
		if _, ok := l.title(t.lower); ok {
			break // "Labour MPs"
		}
		if _, ok := l.acronyms[t.text]; ok {
			break
		}
		if l.given[t.lower] && j+1 < r && isCapWord(&toks[j+1]) && !l.cues[toks[j+1].lower] {
			break // "the Lib Dems David Laws": a person named after the organisation
		}
		if afterOrg || (l.cues[t.lower] && (j > q || l.strong[t.lower])) || (l.headOf[t.lower] && j+1 < r && (toks[j+1].lower == "of" || toks[j+1].lower == "for")) {
			end = j + 1
		}
	}
	return end
}

func (x *Extractor) lexMention(text, lower string, toks []token, s *sentence, si, i, j int, e lexEntry) mention {
	m := mention{start: toks[i].start, end: toks[j-1].end, tok0: i, tok1: j, sent: si, lex: e, fromLex: true,
		canon: e.name, key: e.name, nWords: j - i, ent: -1, headline: s.headline, quoted: toks[i].inQuote}
	switch e.kind {
	case lexOrg:
		m.typ = kind.Org
	case lexCapital:
		m.typ = kind.Place
		if j+1 < len(toks) && toks[j].kind == tPoss && isCapWord(&toks[j+1]) && !x.startsOrg(toks, lower, j+1, s.last) {
			m.canon, m.key = e.city, e.city // "London's Science Museum": the city
		} else if j < len(toks) && toks[j].kind == tPoss {
			m.metonym = true // "Pyongyang's stepped-up testing"
		} else if i > s.first && (locPreps[toks[i-1].lower] || compass[toks[i-1].lower] || toks[i-1].lower == "greater" || toks[i-1].lower == "inner" || toks[i-1].lower == "outer") {
			m.canon, m.key = e.city, e.city
		} else if i+1 < len(toks) && toks[i+1].kind == tPunct && (toks[i+1].text == ",") && i > s.first && toks[i-1].kind == tPunct {
			m.canon, m.key = e.city, e.city // a dateline "LONDON, ..."
		} else {
			m.metonym = true
		}
	default:
		m.typ = kind.Place
	}
	return m
}

// scoreName builds the mention of an unknown capitalised name [i,j) of the
// run [k,r) and weighs the clues to its type.
func (x *Extractor) scoreName(text string, toks []token, s *sentence, si, i, j, k, r int, honor string, titled, orgForced bool, dw docWords) mention {
	l := x.lex
	m := mention{start: toks[i].start, end: toks[j-1].end, tok0: i, tok1: j, sent: si, ent: -1,
		headline: s.headline, quoted: toks[i].inQuote, honor: honor}
	m.key = nameKey(text, toks, i, j)
	if honor == "" && (j < s.last && workNouns[toks[j].lower] && !toks[j].cap || i > s.first && workNouns[toks[i-1].lower] && !toks[i-1].cap) {
		// "the Radio 4 programme", "the CBS show": a channel makes the
		// programme, it is not its title; "the Jerry Springer show" keeps
		// its man and "a West End musical" its place.
		first := &toks[i]
		m.work = toks[j-1].kind != tNum && !l.cues[toks[j-1].lower] && !first.allCaps && !strings.ContainsAny(first.text, "0123456789") &&
			!(j-i >= 2 && l.given[first.lower]) && !placePrefixes[first.lower] && !compassWords[first.lower] &&
			!(j+1 < s.last && l.events[toks[j+1].lower]) // "the Sundance film festival"
	}
	if honor != "" {
		// The mention covers the honorific: "Mr Yun".
		h := i - 1
		for h > s.first && toks[h].kind == tPunct && toks[h].text == "." {
			h--
		}
		if h >= s.first && toks[h].text == honor {
			m.start = toks[h].start
		}
	}
	words, commons, hasConn := 0, 0, false
	for p := i; p < j; p++ {
		t := &toks[p]
		if t.kind != tWord {
			continue
		}
		if connectors[t.lower] && !t.cap {
			hasConn = true
			continue
		}
		words++
		if l.common[t.lower] {
			commons++
		}
	}
	m.nWords = words
	first, last := &toks[i], &toks[j-1]
	for q := j - 1; q > i && toks[q].kind == tNum; q-- {
		last = &toks[q-1] // "Radio 4": the word before the number
	}
	if l.events[last.lower] && words >= 2 {
		m.event += 3
		orgForced = false // "FA Cup"
	}
	if words >= 2 && (placePrefixes[first.lower] || first.lower == "north" || first.lower == "south" || first.lower == "east" || first.lower == "west") {
		m.place += 1.5 // "Santa Barbara", "North Dorset"
	}
	nounish := 0
	for p := i; p < j; p++ {
		if t := &toks[p]; t.kind == tWord {
			if _, low := dw[t.lower]; low || l.nouns[t.lower] {
				nounish++
			}
		}
	}
	if orgForced {
		m.org += 3
	}
	if honor != "" {
		m.person += 3
	}
	if titled {
		m.person += 3
	}
	if i == k && i > s.first {
		if _, ok := l.title(toks[i-1].lower); ok && !toks[i-1].cap {
			m.person += 2.5
		}
	}
	if l.cues[last.lower] && !(words == 1 && l.given[last.lower]) {
		m.org += 3
	}
	if hasConn && l.headOf[first.lower] {
		m.org += 3
	}
	if l.given[first.lower] {
		if words >= 2 {
			m.person += 2
		} else {
			m.person += 0.8
		}
	}
	if words == 1 && len(first.text) > 2 && strings.HasSuffix(first.text, "s") && isAllCaps(first.text[:len(first.text)-1]) {
		m.drop = true // a plural acronym: ICBMs
	}
	if first.allCaps && words == 1 {
		m.org += 0.5
	}
	if words == 1 && (compass[first.lower] || l.events[first.lower]) {
		m.drop = true
		if i > s.first && toks[i-1].lower == "the" && (first.lower == "north" || first.lower == "south") {
			m.compassRef = true // "the North": the North Korea named before, if any
		}
	}
	if h := strings.IndexByte(first.text, '-'); h > 0 && i+1 <= j {
		// "US-North Korean": a compound of known places, not a name
		if _, ok := l.acronyms[first.text[:h]]; ok {
			m.drop = true
		} else if e, ok := l.phrases[first.lower[:h]]; ok && e.kind != lexTitle && e.kind != lexHonorific {
			m.drop = true
		}
	}
	// after the name
	if j < s.last {
		a := &toks[j]
		switch {
		case a.text == "," && j+2 < s.last && toks[j+1].kind == tNum && toks[j+2].text == ",":
			m.person += 3 // "Smith, 45,"
		case a.kind == tWord && l.speech[a.lower]:
			if words >= 2 {
				m.person += 1
			} else {
				m.person += 0.6
			}
		case a.kind == tWord && (a.lower == "administration" || a.lower == "presidency") && !l.cues[last.lower]:
			m.person += 1.5 // "the Clinton administration"
		case a.kind == tWord && (a.lower == "died" || a.lower == "aged" || a.lower == "himself" || a.lower == "herself") ||
			a.kind == tWord && (a.lower == "has" || a.lower == "had") && j+1 < s.last && toks[j+1].lower == "died":
			m.person += 1.5
		case a.kind == tWord && (a.lower == "who" || a.lower == "whose"):
			m.person += 1
		case a.kind == tWord && a.lower == "and" && j+1 < s.last && l.given[toks[j+1].lower] && toks[j+1].cap:
			m.person += 1 // "Trump and Kim Jong-un"
		case a.kind == tWord && (a.lower == "was" || a.lower == "is" || a.lower == "became"):
			q := j + 1
			for q < s.last && determiners[toks[q].lower] {
				q++
			}
			if q < s.last {
				if _, ok := l.title(toks[q].lower); ok {
					m.person += 1.5 // "Thae Yong Ho was chief of mission"
				}
			}
		}
	}
	// before the run
	if k > s.first {
		b := &toks[k-1]
		if i == k && b.kind == tWord {
			switch {
			case orgNouns[b.lower]:
				m.org += 2 // "telecoms company Telenor", "film studio New Line"
			case locPreps[b.lower] && words == 1:
				m.place += 0.8
			case b.lower == "the":
				m.org += 0.8
			}
		}
	}
	anyCaps := false
	for p := i; p < j; p++ {
		anyCaps = anyCaps || toks[p].allCaps
	}
	if words >= 2 && words <= 4 && commons == 0 && nounish == 0 && !hasConn && !anyCaps {
		m.defaultPerson = true // two to four plain capitalised words: likely a name
	}
	if commons == words {
		m.drop = true
		// "..., Next said", "Next's shares fell": a common word written
		// with a capital inside a sentence and then speaking or owning is a
		// company's name.
		if words == 1 && i > s.first && i == k && j == r && !s.headline && !first.inQuote && j < s.last &&
			(toks[j].kind == tPoss || l.speech[toks[j].lower]) && !functionWords[first.lower] && !calendarWords[first.lower] &&
			(toks[i-1].text == "," || toks[i-1].kind == tWord && !toks[i-1].cap && !determiners[toks[i-1].lower]) {
			m.drop = false
			m.org += 1
		}
	}
	return m
}

// startsOrg reports whether a known organisation starts at token k.
func (x *Extractor) startsOrg(toks []token, lower string, k, max int) bool {
	e, L := x.lookup(toks, lower, k, max, max)
	return L > 0 && e.kind == lexOrg
}

// possOrgHeads end the names of institutions that are often named for a
// person or saint with a possessive: "Guy's Hospital", "St David's
// Shopping Centre".
var possOrgHeads = set(`centre center hospital college cathedral church school infirmary chapel abbey`)

// possessiveOrg returns the end of an institution name that continues the
// capitalised run [k,r) past its possessive ("St David's Shopping
// Centre"), or r when there is none. A run the lexicon knows whole stays a
// name of its own: "Sony's Research Centre" is Sony's.
func (x *Extractor) possessiveOrg(toks []token, lower string, s *sentence, k, r int) int {
	if r+1 >= s.last || toks[r].kind != tPoss || !isCapWord(&toks[r+1]) {
		return r
	}
	e := r + 1
	for e < s.last && isCapWord(&toks[e]) {
		e++
	}
	if !possOrgHeads[toks[e-1].lower] {
		return r
	}
	if _, L := x.lookup(toks, lower, k, r, s.last); L >= r-k {
		return r
	}
	// Named for a saint or a person: "St George's Chapel", "Guy's Hospital";
	// "HP's Digital Entertainment Centre" is HP's.
	if w := toks[k].lower; w != "st" && w != "saint" && !(r-k == 1 && x.lex.given[w]) {
		return r
	}
	return e
}
