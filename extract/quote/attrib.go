package quote

import "sort"

// Confidence levels: how sure each way of finding a quote is.
const (
	confAfter      = 0.9  // “…,” he said
	confBefore     = 0.85 // Mr Yun said: “…”
	confSentence   = 0.7  // a cue elsewhere in the sentence
	confPartial    = 0.55 // a short quotation governed by a cue: vowed to “totally destroy”
	confParagraph  = 0.8  // the next paragraph of an unclosed quotation
	confFollowing  = 0.6  // a quotation opening the sentence after an attributed one
	confPrevious   = 0.5  // a quotation after a sentence with a cue: X said Y. “…”
	confOrphan     = 0.3  // a long quotation with no attribution at all
	confIndirect   = 0.6  // X said the talks were pointless
	confClauseThen = 0.65 // the talks were pointless, the official said
)

// cueAt reports whether a cue verb starts at token i, giving the index of
// its last token ("according to" has two) and its class. Passives ("is
// said to", "was told") and idioms ("so called", "said to be", "called
// for") are not cues.
func (s *scanner) cueAt(i int) (last int, c cue, ok bool) {
	w := s.lower(i)
	if w == "" {
		return 0, 0, false
	}
	if w == "according" {
		if s.is(i+1, "to") {
			return i + 1, cueStrong | cueIndirect, true
		}
		return 0, 0, false
	}
	if (w == "pointed" || w == "points" || w == "point") && s.is(i+1, "out") && !beWords[s.lower(i-1)] {
		return i + 1, cueStrong | cueIndirect | cueThat, true
	}
	c, ok = cues[w]
	if !ok {
		return 0, 0, false
	}
	w = cueNames[w] // w aliases s.buf, which the checks below overwrite
	p := i - 1
	for p >= 0 && s.word(p) && skipWords[s.lower(p)] && !s.is(p, "has") && !s.is(p, "have") && !s.is(p, "had") {
		if s.is(p, "not") || s.is(p, "never") {
			return 0, 0, false // he did not say whether
		}
		p--
	}
	if s.is(p, "to") && (s.is(p-1, "refused") || s.is(p-1, "declined")) {
		return 0, 0, false
	}
	if beWords[s.lower(p)] || s.is(i-1, "so") || s.is(i-1, "the") || s.is(i-1, "as") {
		return 0, 0, false
	}
	if nounCues[w] {
		// amid claims that; fresh claims; the party's extravagant promises
		if !s.word(i-1) || !s.toks[i-1].upper && !pronouns[s.lower(i-1)] && !nominalHeads[s.lower(i-1)] {
			return 0, 0, false
		}
		if pw := s.lower(i - 1); stopWords[pw] || determiners[pw] || nounCueModifiers[pw] {
			return 0, 0, false
		}
	}
	switch w {
	case "said", "says", "say":
		if s.is(i+1, "to") && (s.is(i+2, "be") || s.is(i+2, "have") || s.is(i+2, "been") || s.is(i+2, "include")) {
			return 0, 0, false
		}
		if w == "say" && (s.is(i-1, "to") || s.is(i-1, "a") || s.is(i-1, "no") || s.is(i-1, "final") || s.is(i-1, "their") || s.is(i-1, "his") || s.is(i-1, "her")) {
			return 0, 0, false
		}
	case "called", "calls":
		if s.is(i+1, "for") || s.is(i+1, "on") || s.is(i+1, "off") || s.is(i+1, "up") || s.is(i+1, "in") || s.is(i+1, "back") {
			return 0, 0, false
		}
	case "told", "tells":
		if s.is(i+1, "of") || s.is(i+1, "off") {
			return 0, 0, false
		}
	}
	return i, c, true
}

// participle reports whether the cue at token i is an -ing form ("adding",
// "saying"), whose speaker is the subject of the sentence's main cue.
func (s *scanner) participle(i int) bool {
	t := s.toks[i]
	return t.end-t.start > 4 && s.text[t.end-3:t.end] == "ing" && !s.is(i, "according")
}

// speakerBefore reads the speaker phrase ending just before the cue at
// token k, not reaching token lo or before. It skips auxiliaries and
// adverbs ("has", "also", "later") and an appositive between commas ("Mr
// Smith, the chairman, said"). a is -1 when there is none.
func (s *scanner) speakerBefore(k, lo int) (a, b int, f Form) {
	j := k - 1
	for j > lo && s.word(j) && skipWords[s.lower(j)] {
		j--
	}
	if j <= lo {
		return -1, -1, NoSpeaker
	}
	j = s.skipParen(j, lo)
	if s.punct(j, ',') {
		if a, b, f := s.subjectBefore(j, lo); a >= 0 {
			return a, b, f
		}
		c := j - 1
		for c > lo && j-c < 16 && !s.punct(c, ',') && s.toks[c].kind != tMark && !s.terminal(c) && !s.punct(c, ';') && !s.punct(c, ':') && !s.punct(c, '(') {
			c--
		}
		if c <= lo || !s.punct(c, ',') {
			return -1, -1, NoSpeaker
		}
		j = s.skipParen(c-1, lo)
	}
	if j <= lo || !s.word(j) {
		return -1, -1, NoSpeaker
	}
	if pronouns[s.lower(j)] {
		return j, j, Pronoun
	}
	return s.trimSpeaker(s.nounPhraseBefore(j, lo), j)
}

// subjectBefore handles a cue after a comma whose sentence opens with a
// noun phrase and a comma: "Andrew Fisher, from Omaha, Nebraska, said",
// "The State Department official, said". When that subject is a common
// noun phrase followed by a name between commas ("The head of the school,
// Richard Fogarty, said"), the name is the better speaker phrase.
func (s *scanner) subjectBefore(j, lo int) (int, int, Form) {
	ss := s.sents[s.sent[j]]
	first := max(ss.first, lo+1)
	c1 := -1
	for i := first; i <= j; i++ {
		if s.punct(i, ',') {
			c1 = i
			break
		}
		if s.toks[i].kind == tMark || s.terminal(i) || s.punct(i, ';') || s.punct(i, ':') {
			return -1, -1, NoSpeaker
		}
	}
	if c1 <= first {
		return -1, -1, NoSpeaker
	}
	if e := s.skipParen(c1-1, first-1); e != c1-1 {
		// The Parents Television Council (PTC), which ..., said
		if a, b, f := s.trimSpeaker(s.nounPhraseBefore(e, first-1), e); a == first {
			return a, b, f
		}
		return -1, -1, NoSpeaker
	}
	if !s.word(c1 - 1) {
		return -1, -1, NoSpeaker
	}
	if pronouns[s.lower(c1-1)] {
		return -1, -1, NoSpeaker
	}
	a := s.nounPhraseBefore(c1-1, first-1)
	if a != first {
		return -1, -1, NoSpeaker
	}
	a, b, f := s.trimSpeaker(a, c1-1)
	if a != first {
		return -1, -1, NoSpeaker
	}
	if f == Nominal {
		c2 := c1 + 1
		for c2 < j && !s.punct(c2, ',') {
			c2++
		}
		if c2 > c1+1 && s.allCapitalised(c1+1, c2-1) {
			return c1 + 1, c2 - 1, Named
		}
	}
	return a, b, f
}

// adverb reports whether the word at token i is a lower-case -ly adverb
// ("Yukos reacted immediately"), which no speaker phrase holds.
func (s *scanner) adverb(i int) bool {
	t := s.toks[i]
	if t.upper || t.end-t.start < 5 || s.text[t.end-2:t.end] != "ly" {
		return false
	}
	return !lyNouns[s.lower(i)]
}

// stop reports whether the word w at token i ends a speaker phrase. A
// capitalised stop word inside a sentence is a name: the retailer Next,
// Theresa May.
func (s *scanner) stop(i int, w string) bool {
	if !stopWords[w] {
		return false
	}
	if !s.toks[i].upper || i == s.sents[s.sent[i]].first || i+1 < len(s.toks) && s.word(i+1) && s.toks[i+1].upper && s.toks[i+1].end-s.toks[i+1].start > 1 && s.text[s.toks[i+1].start+1] <= 'Z' {
		return true // lower case, sentence-initial, or in an all-capitals headline
	}
	p := i - 1
	return s.toks[p].kind != tWord && !s.punct(p, ',') && !s.punct(p, '&')
}

// skipParen returns the token before a short parenthesis ending at token
// j, "the British Chamber of Commerce (BCC)", or j itself.
func (s *scanner) skipParen(j, lo int) int {
	if !s.punct(j, ')') {
		return j
	}
	for i := j - 1; i > lo && j-i <= 5; i-- {
		if s.punct(i, '(') {
			if i-1 > lo && s.word(i-1) {
				return i - 1
			}
			return j
		}
	}
	return j
}

// nounPhraseBefore walks back from token j over a noun phrase, not
// reaching lo, and returns its first token, or -1.
func (s *scanner) nounPhraseBefore(j, lo int) int {
	a := -1
	for i := j; i > lo && j-i < 12; i-- {
		if s.abbrevDot(i) || s.punct(i, '&') {
			a = i
			continue
		}
		if s.toks[i].kind == tMark && s.inQ[i] < 0 && i > 0 && s.adjacent(i-1) && s.word(i-1) && i < j {
			continue // the possessive apostrophe of Christian Brothers' school
		}
		if !s.word(i) {
			break
		}
		w := s.lower(i)
		if s.stop(i, w) {
			if w == "and" && i < j && s.toks[i+1].upper && s.word(i-1) && s.toks[i-1].upper {
				a = i
				continue // Marks and Spencer
			}
			if (w == "in" || w == "at" || w == "from") && i < j && s.toks[i+1].upper && s.word(i-1) && !stopWords[s.lower(i-1)] && !determiners[s.lower(i-1)] {
				a = i
				continue // the St David's Centre in Cardiff
			}
			if (w == "at" || w == "from") && i+1 < j && s.is(i+1, "the") && s.toks[i+2].upper && s.word(i-1) && s.toks[i-1].upper && !stopWords[s.lower(i-1)] {
				a = i
				continue // Nigel McCune from the Musicians' Union
			}
			break
		}
		if pronouns[w] || s.adverb(i) {
			break
		}
		a = i
		if determiners[w] && !s.is(i-1, "of") && !s.is(i-1, "for") && !(w == "the" && s.namedFrom(i-1, lo)) {
			break
		}
	}
	return a
}

// speakerAfter reads the speaker phrase right after the cue ending at
// token k ("said Mr Smith", "according to the official"), before token hi.
func (s *scanner) speakerAfter(k, hi int) (a, b int, f Form) {
	a, b = k+1, -1
	for i := a; i < hi && i < len(s.toks) && i-a < 12; i++ {
		if s.abbrevDot(i) || s.punct(i, '&') {
			continue
		}
		if !s.word(i) {
			break
		}
		w := s.lower(i)
		if s.stop(i, w) {
			if w == "and" && i > a && s.toks[i-1].upper && s.word(i+1) && s.toks[i+1].upper {
				continue
			}
			if w == "and" && i > a && s.namedAhead(i+1, hi) {
				continue // his friend and fellow broadcaster Michael Pointon
			}
			break
		}
		if pronouns[w] {
			if i == a {
				b = i
			}
			break
		}
		b = i
	}
	if b < 0 {
		return -1, -1, NoSpeaker
	}
	return s.trimSpeaker(a, b)
}

// namedAhead reports whether the words from token i, before hi, run
// without a stop word into a capitalised name within a few words.
func (s *scanner) namedAhead(i, hi int) bool {
	for j := i; j < hi && j < i+5 && s.word(j); j++ {
		if s.toks[j].upper {
			return true
		}
		if w := s.lower(j); stopWords[w] || pronouns[w] || determiners[w] {
			return false
		}
	}
	return false
}

// trimSpeaker drops connecting words at the ends of tokens a..b and
// classifies what is left.
func (s *scanner) trimSpeaker(a, b int) (int, int, Form) {
	if a < 0 {
		return -1, -1, NoSpeaker
	}
	for a <= b && (s.is(a, "of") || s.is(a, "for") || s.is(a, "and") || s.punct(a, '&')) {
		a++
	}
	for b >= a && (s.is(b, "of") || s.is(b, "for") || s.is(b, "and") || s.punct(b, '&') || determiners[s.lower(b)]) {
		b--
	}
	if a > b {
		return -1, -1, NoSpeaker
	}
	numeric := true
	for i := a; i <= b && numeric; i++ {
		numeric = s.word(i) && s.text[s.toks[i].start] <= '9'
	}
	if numeric {
		return -1, -1, NoSpeaker // $280bn said: a number, not a speaker
	}
	if a == b && pronouns[s.lower(a)] {
		return a, b, Pronoun
	}
	if nominalHeads[s.lower(b)] {
		return a, b, Nominal // Critics say; The State Department Official
	}
	if determiners[s.lower(a)] {
		head := b
		for i := a + 1; i <= b; i++ {
			if s.is(i, "of") || s.is(i, "for") || s.is(i, "at") || s.is(i, "with") {
				head = i - 1
				break
			}
		}
		if s.toks[head].upper {
			return a, b, Named
		}
		return a, b, Nominal
	}
	if s.toks[b].upper {
		return a, b, Named
	}
	return a, b, Nominal
}

// attribution is what attributes one quotation.
type attribution struct {
	cue, cueLast int // token indexes; cue is -1 when none was found
	spA, spB     int // the speaker phrase; spA is -1 when none
	form         Form
	tier         int // 1 right after, 2 right before, 3 elsewhere in the sentence, 0 none
	dist         int // words between a cue before the quotation and its opening mark
}

var noAttribution = attribution{cue: -1, cueLast: -1, spA: -1, spB: -1}

// attribute finds the cue and speaker of quotation qi.
func (s *scanner) attribute(qi int) attribution {
	q := s.spans[qi]
	n := len(s.toks)
	o := q.open
	ss := s.sents[s.sent[o]]

	// After: “…,” he said / “…,” said Mr Smith / “…”, according to X.
	if !q.unclosed {
		c := q.close
		cs := s.sents[s.sent[c]]
		j := c + 1
		if j < n && s.sent[j] == s.sent[c] && (s.punct(j, ',') || s.punct(j, '-') || s.isDash(j)) {
			j++
		}
		if s.is(j, "by") && s.sent[j] == s.sent[c] {
			// was described as a “consummate professional” by his friend
			if k := s.passiveCueBefore(o, ss.first); k >= 0 {
				if a, b, f := s.speakerAfter(j, cs.last+1); a >= 0 && f != Pronoun {
					return attribution{cue: k, cueLast: k, spA: a, spB: b, form: f, tier: 1}
				}
			}
		}
		if j < n && s.sent[j] == s.sent[c] {
			if last, cl, ok := s.cueAt(j); ok && !s.participle(j) {
				if a, b, f := s.speakerAfter(last, cs.last+1); a >= 0 {
					return attribution{cue: j, cueLast: last, spA: a, spB: b, form: f, tier: 1}
				}
				if cl&cueStrong != 0 {
					// “…,” said one. Keep the cue even without a speaker.
					return attribution{cue: j, cueLast: last, spA: -1, spB: -1, tier: 1}
				}
			}
			for k := j; k < n && k < j+12 && s.sent[k] == s.sent[c]; k++ {
				t := s.toks[k]
				if t.kind == tMark || t.kind == tPunct && !s.punct(k, ',') && !s.abbrevDot(k) && !s.punct(k, '&') {
					break
				}
				if s.is(k, "quoted") {
					// “…,” Arab News quoted Prince Saud as saying.
					for x := k + 1; x < k+10 && x < cs.last; x++ {
						if s.is(x, "as") && s.is(x+1, "saying") {
							if a, b, f := s.speakerAfter(k, x); a >= 0 {
								return attribution{cue: k, cueLast: k, spA: a, spB: b, form: f, tier: 1}
							}
							break
						}
					}
					break
				}
				last, _, ok := s.cueAt(k)
				if !ok {
					continue
				}
				if a, b, f := s.speakerBefore(k, c); a == j {
					return attribution{cue: k, cueLast: last, spA: a, spB: b, form: f, tier: 1}
				}
				break
			}
		}
	}

	// Before: X said: “…” / X told the BBC: “…” / According to X, “…”.
	j := o - 1
	if j < 0 {
		return s.inSentence(qi, ss, -1)
	}
	lo := ss.first
	colon := s.punct(j, ':')
	if s.toks[j].para != s.toks[o].para {
		if !colon {
			return s.inSentence(qi, ss, -1)
		}
		lo = s.sents[s.sent[j]].first // X said:\n“…”
	}
	if colon || s.punct(j, ',') || s.isDash(j) {
		j--
	}
	for k := j; k >= lo && j-k <= 10; k-- {
		if s.toks[k].kind == tMark || s.inQ[k] >= 0 {
			break // another quotation: a cue before it is for the sentence tier
		}
		last, cl, ok := s.cueAt(k)
		if !ok {
			continue
		}
		dist := j - last
		if cl&cueStrong == 0 && (dist > 6 || dist == 0 && !colon && !s.punct(o-1, ',') && !s.is(k, "asked")) {
			break // a policy called “X”
		}
		att := attribution{cue: k, cueLast: last, spA: -1, spB: -1, tier: 2, dist: dist}
		if !colon && dist > 3 {
			att.tier = 3
		}
		att.spA, att.spB, att.form = s.speakerOf(k, last, lo-1, o)
		if att.spA < 0 && colon {
			att.spA, att.spB, att.form = s.speakerAfter(last, j+1) // said Mr Smith: “…”
		}
		return att
	}
	if colon && j >= lo {
		// Blackburn boss Mark Hughes: “…” — a name and a colon.
		if a, b, f := s.trimSpeaker(s.nounPhraseBefore(j, lo-1), j); a >= 0 && b == j && f == Named && s.onlyBullets(lo, a) {
			return attribution{cue: -1, cueLast: -1, spA: a, spB: b, form: f, tier: 2}
		}
	}
	return s.inSentence(qi, ss, j)
}

// onlyBullets reports whether tokens [a, b) are nothing but list bullets.
func (s *scanner) onlyBullets(a, b int) bool {
	for i := a; i < b; i++ {
		if !s.punct(i, '-') && !s.punct(i, '*') && !s.isDash(i) && s.text[s.toks[i].start:s.toks[i].end] != "•" {
			return false
		}
	}
	return true
}

// passiveCueBefore finds a passive cue shortly before the quotation
// opening at token o ("was described as", "has been branded"), or -1.
func (s *scanner) passiveCueBefore(o, lo int) int {
	for k := o - 1; k >= lo && o-k <= 6; k-- {
		if s.toks[k].kind != tWord {
			continue
		}
		if _, ok := cues[s.lower(k)]; ok && beWords[s.lower(k-1)] {
			return k
		}
	}
	return -1
}

// namedFrom reports whether token i is "from" or "at" after a capitalised
// name: "Nigel McCune from the Musicians' Union".
func (s *scanner) namedFrom(i, lo int) bool {
	return i-1 > lo && (s.is(i, "from") || s.is(i, "at")) && s.word(i-1) && s.toks[i-1].upper && !stopWords[s.lower(i-1)]
}

// recipientPreps put the noun phrase after them out of the subject's place:
// "wrote to the watchdog saying".
var recipientPreps = map[string]bool{"to": true, "at": true, "with": true, "into": true, "onto": true}

// speakerOf reads the speaker of the cue at tokens k..last that precedes
// a quotation opening at token o, looking no further back than lo.
func (s *scanner) speakerOf(k, last, lo, o int) (int, int, Form) {
	switch {
	case s.is(k, "according"):
		return s.speakerAfter(last, o)
	case s.participle(k):
		if !s.punct(k-1, ',') {
			// a statement saying, a BBC story claiming; but "has written
			// to the watchdog saying" is the writer's
			if a, b, f := s.speakerBefore(k, lo); a >= 0 && !recipientPreps[s.lower(a-1)] {
				return a, b, f
			}
		}
		if a, b, f := s.mainSpeaker(k, lo); a >= 0 {
			return a, b, f
		}
		return s.sentenceSubject(k)
	}
	if a, b, f := s.speakerBefore(k, lo); a >= 0 {
		return a, b, f
	}
	// "X conceded ... and added:": the subject of the first verb.
	if p := s.skipBack(k-1, lo); s.is(p, "and") || s.is(p, "but") {
		if a, b, f := s.mainSpeaker(k, lo); a >= 0 {
			return a, b, f
		}
		return s.sentenceSubject(k)
	}
	return -1, -1, NoSpeaker
}

// skipBack returns the first token at or before i, after lo, that is not
// an auxiliary or adverb.
func (s *scanner) skipBack(i, lo int) int {
	for i > lo && s.word(i) && skipWords[s.lower(i)] {
		i--
	}
	return i
}

// mainSpeaker finds the speaker of the cue before the participle at token k
// in the same sentence: “…,” he said, adding: “…”.
func (s *scanner) mainSpeaker(k, lo int) (int, int, Form) {
	for i := k - 1; i > lo; i-- {
		if s.inQ[i] >= 0 || !s.word(i) {
			continue
		}
		if _, cl, ok := s.cueAt(i); ok && cl&cueStrong != 0 && !s.participle(i) {
			if a, b, f := s.speakerBefore(i, lo); a >= 0 {
				return a, b, f
			}
			if p := s.inQ[i-1]; p >= 0 || s.punct(i-1, ',') {
				return s.speakerAfter(i, len(s.toks))
			}
			return -1, -1, NoSpeaker
		}
	}
	return -1, -1, NoSpeaker
}

// sentenceSubject reads the noun phrase opening the sentence of token k,
// past a leading conjunction or subordinate clause: "But Home Office
// minister Hazel Blears defended the move, saying ...". It is the speaker
// of a participle cue with no main cue before it.
func (s *scanner) sentenceSubject(k int) (int, int, Form) {
	ss := s.sents[s.sent[k]]
	i := ss.first
	if subordinators[s.lower(i)] || adverbialPrepositions[s.lower(i)] {
		for i < k && !s.punct(i, ',') {
			i++
		}
		i++
	}
	for i < k && (s.is(i, "but") || s.is(i, "and") || s.is(i, "however") || s.is(i, "yet") || s.punct(i, ',')) {
		i++
	}
	if i >= k {
		return -1, -1, NoSpeaker
	}
	a, b, f := s.speakerAfter(i-1, k)
	if a >= 0 && b > a && !s.toks[b].upper && s.toks[b-1].upper && !nominalHeads[s.lower(b)] {
		// "Russian Dmitriy Bogdanov won ... and then claimed": the
		// lower-case word after the name is the first verb, not a head.
		a, b, f = s.trimSpeaker(a, b-1)
	}
	if a != i || b+1 >= k || !s.word(b+1) || s.toks[b+1].upper {
		return -1, -1, NoSpeaker
	}
	return a, b, f
}

// inSentence looks for a strong cue anywhere else in the quotation's
// sentence: before token from (counting down), then after the quotation.
func (s *scanner) inSentence(qi int, ss sentence, from int) attribution {
	q := s.spans[qi]
	for k := from; k >= ss.first; k-- {
		if s.inQ[k] >= 0 || !s.word(k) {
			continue
		}
		if last, cl, ok := s.cueAt(k); ok && cl&cueStrong != 0 {
			a, b, f := s.speakerOf(k, last, ss.first-1, q.open)
			return attribution{cue: k, cueLast: last, spA: a, spB: b, form: f, tier: 3}
		}
	}
	if q.unclosed {
		return noAttribution
	}
	last := s.sents[s.sent[q.close]].last
	for k := q.close + 1; k <= last; k++ {
		if s.inQ[k] >= 0 || !s.word(k) {
			continue
		}
		if end, cl, ok := s.cueAt(k); ok && cl&cueStrong != 0 {
			a, b, f := s.speakerBefore(k, q.close)
			if a < 0 {
				a, b, f = s.speakerAfter(end, last+1)
			}
			return attribution{cue: k, cueLast: end, spA: a, spB: b, form: f, tier: 3}
		}
	}
	return s.previousSentence(q.open)
}

// previousSentence attributes a quotation that opens its sentence with no
// cue of its own to the speaker of the sentence before, in the same
// paragraph or ending the one before: "She said she wished she had worn
// them. “I always take them off.”" Cues already attributing a direct
// quote are left to the Continues rule.
func (s *scanner) previousSentence(o int) attribution {
	sn := int(s.sent[o])
	if sn == 0 || s.sents[sn].first != o {
		return noAttribution
	}
	ps := s.sents[sn-1]
	if s.toks[ps.last].para != s.toks[o].para && s.toks[ps.last].para+1 != s.toks[o].para {
		return noAttribution
	}
	for k := ps.last; k >= ps.first; k-- {
		if s.inQ[k] >= 0 || !s.word(k) {
			continue
		}
		last, cl, ok := s.cueAt(k)
		if !ok || cl&cueStrong == 0 {
			continue
		}
		if s.used(k) {
			return noAttribution
		}
		if a, b, f := s.speakerBefore(k, ps.first-1); a >= 0 {
			return attribution{cue: k, cueLast: last, spA: a, spB: b, form: f, tier: 4}
		}
		return noAttribution
	}
	return noAttribution
}

func (s *scanner) isDash(i int) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tPunct {
		return false
	}
	switch s.text[s.toks[i].start:s.toks[i].end] {
	case "-", "–", "—":
		return true
	}
	return false
}

// allCapitalised reports whether tokens a..b are all capitalised words.
func (s *scanner) allCapitalised(a, b int) bool {
	for i := a; i <= b; i++ {
		if !s.word(i) || !s.toks[i].upper {
			return false
		}
	}
	return true
}

// countWords counts the words in tokens [a, b).
func (s *scanner) countWords(a, b int) (words, upper int) {
	for i := a; i < b; i++ {
		if s.toks[i].kind == tWord {
			words++
			if s.toks[i].upper {
				upper++
			}
		}
	}
	return words, upper
}

// direct turns the paired quotation marks into Quotes.
func (s *scanner) direct() {
	s.kept = make([]bool, len(s.spans))
	prev := -1      // span index of the last quotation kept
	prevCue := -1   // its cue token
	chainHead := -1 // first part, in s.out, of a quotation running over paragraphs
	for qi, q := range s.spans {
		o := q.open
		inner := q.close // one past the last token inside the marks
		if q.unclosed {
			inner = q.close + 1
		}
		e := inner - 1
		for e > o && s.punct(e, ',') {
			e--
		}
		if e <= o {
			continue
		}
		body := s.span(o+1, e)
		words, upper := s.countWords(o+1, inner)
		if words == 0 {
			continue
		}
		att := s.attribute(qi)
		ss := s.sents[s.sent[o]]

		cont, paraCont := false, false
		if prev >= 0 {
			pq := s.spans[prev]
			switch {
			case pq.unclosed && (o == pq.close+1 || s.toks[o].para == s.toks[pq.close].para+1 && s.toks[o-1].para != s.toks[o].para):
				cont, paraCont = true, true
			case att.tier == 2 && att.cue == prevCue:
				cont = true // “First,” he said, “second.”
			case att.tier == 0 && o == ss.first && s.followsQuote(pq, o):
				cont = true // “First,” he said. “Second.”
			}
		}

		conf := 0.0
		switch {
		case words <= 4 && !cont && att.tier != 1 && s.inList(qi):
			// terms like “digital”, “interactive” and “broadband”
		case words <= 4 && !cont:
			before := s.lower(o - 1)
			switch {
			case att.tier == 1:
				conf = confAfter
			case att.tier == 2 && att.dist <= 3 && !scareWords[before]:
				conf = confPartial
			case att.tier == 2 || att.tier == 3 && partialWords[before]:
				conf = confPartial
			case (att.tier == 2 || att.tier == 3) && !nameWords[before] && !(before == "as" && s.is(o-2, "known")) && !s.is(o-1, "called") &&
				!(before == "of" && nameNouns[s.lower(o-2)]):
				conf = confPartial - 0.1 // said the firm faced “serious challenges”
			}
		case att.tier == 1:
			conf = confAfter
		case att.tier == 2:
			conf = confBefore
		case att.tier == 3:
			conf = confSentence
		case att.tier == 4:
			conf = confPrevious
		case paraCont:
			conf = confParagraph
		case cont:
			conf = confFollowing
		case upper*2 <= words:
			conf = confOrphan // not a title: those are mostly capitalised
		}
		if conf == 0 {
			continue
		}
		if att.spA < 0 && att.tier > 0 {
			conf -= 0.15
		}

		qt := Quote{Span: body, Direct: true, Continues: cont, Form: NoSpeaker, Confidence: conf}
		sa, sb := s.sent[o], s.sent[q.close]
		if att.cue >= 0 {
			qt.CueSpan = s.span(att.cue, att.cueLast)
			qt.Cue = qt.CueSpan.Text
			sa, sb = min(sa, s.sent[att.cue]), max(sb, s.sent[att.cue])
			if att.tier != 4 {
				s.usedCues = append(s.usedCues, att.cue) // the cue's own clause stays indirect speech
			}
		}
		if att.spA >= 0 {
			qt.Speaker = s.span(att.spA, att.spB)
			qt.Form = att.form
			sa, sb = min(sa, s.sent[att.spA]), max(sb, s.sent[att.spB])
		}
		qt.Sentence = s.sentSpan(int(sa), int(sb))
		s.out = append(s.out, qt)
		s.kept[qi] = true

		// A first part with no attribution takes the speaker of a later
		// part of the same quotation.
		switch {
		case !paraCont:
			chainHead = len(s.out) - 1
		case chainHead >= 0 && att.spA >= 0:
			for h := chainHead; h < len(s.out)-1; h++ {
				if p := &s.out[h]; p.Form == NoSpeaker && p.Cue == "" {
					p.Speaker, p.Form, p.Cue, p.CueSpan = qt.Speaker, qt.Form, qt.Cue, qt.CueSpan
				}
			}
		}
		prev, prevCue = qi, att.cue
	}
}

// inList reports whether quotation qi is one of a list of quoted words:
// another quotation is a comma, "and" or "or" away.
func (s *scanner) inList(qi int) bool {
	q := s.spans[qi]
	near := func(a, b int) bool { // b opens right after a closes
		for i := a + 1; i < b; i++ {
			if !s.punct(i, ',') && !s.is(i, "and") && !s.is(i, "or") {
				return false
			}
		}
		return b-a <= 3
	}
	if qi > 0 && !s.spans[qi-1].unclosed && near(s.spans[qi-1].close, q.open) {
		return true
	}
	return qi+1 < len(s.spans) && !q.unclosed && near(q.close, s.spans[qi+1].open)
}

// followsQuote reports whether a quotation opening at token o comes right
// after quotation pq: in the same paragraph, or at the start of the next
// one when pq's sentence ended its paragraph.
func (s *scanner) followsQuote(pq qspan, o int) bool {
	pp, op := s.toks[pq.close].para, s.toks[o].para
	if pp == op {
		for i := pq.close + 1; i < o; i++ {
			if s.toks[i].kind == tMark {
				return false
			}
		}
		return s.sent[o]-s.sent[pq.close] <= 1
	}
	return op == pp+1 && s.sents[s.sent[pq.close]].last == o-1
}

// used reports whether the cue at token k attributes a direct quote.
func (s *scanner) used(k int) bool {
	for _, u := range s.usedCues {
		if u == k {
			return true
		}
	}
	return false
}

// speechNouns report what their possessor said when a that-clause follows:
// "Mr Trump's public assertions that such talks are a waste of time".
var speechNouns = map[string]bool{"assertion": true, "assertions": true, "claim": true, "claims": true, "insistence": true}

// possessiveSpeech emits the clause after a speech noun whose possessor is
// named ("Mr Trump's assertions that ..."), reporting whether it did.
func (s *scanner) possessiveSpeech(k int, ss sentence) bool {
	if !speechNouns[s.lower(k)] || k+2 > ss.last || !s.is(k+1, "that") {
		return false
	}
	p := k - 1
	for p > ss.first && p >= k-2 && s.word(p) && !s.toks[p].upper && !possessive(s.text[s.toks[p].start:s.toks[p].end]) {
		p-- // "public", "repeated"
	}
	if p < ss.first || !s.word(p) || !s.toks[p].upper || !possessive(s.text[s.toks[p].start:s.toks[p].end]) {
		return false
	}
	a, b, f := s.trimSpeaker(s.nounPhraseBefore(p, ss.first-1), p)
	if a < 0 || f != Named {
		return false
	}
	s.emitIndirect(k+2, ss.last, k, k, a, b, f, ss, confIndirect-0.1, false)
	return true
}

// possessive reports whether a word ends in 's or ’s.
func possessive(w string) bool {
	return len(w) > 2 && (w[len(w)-2:] == "'s" || len(w) > 4 && w[len(w)-4:] == "’s")
}

// indirect finds reported speech outside quotation marks.
func (s *scanner) indirect() {
	for k := 0; k < len(s.toks); k++ {
		if s.inQ[k] >= 0 || !s.word(k) {
			continue
		}
		if s.possessiveSpeech(k, s.sents[s.sent[k]]) {
			continue
		}
		last, cl, ok := s.cueAt(k)
		if !ok || cl&cueIndirect == 0 || s.participle(k) {
			continue
		}
		ss := s.sents[s.sent[k]]
		used := s.used(k)
		if s.is(k, "according") {
			if !used {
				s.according(k, last, ss)
			}
			continue
		}
		// "..., said Mr Smith."
		if s.punct(k-1, ',') && k-2 > ss.first && !used {
			if a, b, f := s.speakerAfter(last, ss.last+1); a >= 0 && f != Pronoun && (s.endsAt(b+1, ss) || s.punct(b+1, ',') && f == Named) {
				s.emitIndirect(ss.first, k-2, k, last, a, b, f, ss, confClauseThen, false)
				continue
			}
		}
		a, b, f := s.indirectSpeaker(k, ss)
		if a < 0 {
			continue
		}
		if s.is(a-1, "as") || s.is(a-1, "what") || s.is(a-1, "than") {
			continue // as he said; what she said
		}
		i := s.skipAdverbials(last+1, ss.last)
		if s.endsAt(i, ss) || s.punct(i, ',') && (s.is(i+1, "and") || s.is(i+1, "but")) {
			// "..., the official said." / "..., the report said, and ..."
			c := a - 1
			for c > ss.first && s.word(c) && skipWords[s.lower(c)] {
				c--
			}
			if s.punct(c, ',') && c-1 > ss.first && !used {
				s.emitIndirect(ss.first, c-1, k, last, a, b, f, ss, confClauseThen, false)
			}
			continue
		}
		if s.punct(i, ',') && s.punct(a-1, ',') {
			// "Now, he said, the gaming world rivals the movie industry."
			i++
		}
		if (s.is(k, "told") || s.is(k, "tells")) && (s.is(i, "a") || s.is(i, "an")) {
			continue // told a story
		}
		if s.is(k, "claimed") || s.is(k, "claims") || s.is(k, "claim") {
			if prizeWords[s.lower(s.skipDet(i))] {
				continue // claimed the top spot
			}
		}
		if cl&cueObject != 0 {
			i = s.skipObject(i, ss.last)
			i = s.skipAdverbials(i, ss.last)
		}
		if t := s.thatAhead(i, ss.last); t >= 0 {
			i = t + 1 // warned the BBC that ...
		} else if cl&cueThat != 0 {
			continue // announced a study
		}
		end := ss.last
		for x := i + 1; x < end; x++ {
			// "admitted that sales were weak, but said ...": the next
			// reporting verb ends this clause.
			if (s.is(x, "and") || s.is(x, "but")) && s.punct(x-1, ',') {
				if _, cl, ok := s.cueAt(s.skipForward(x + 1)); ok && cl&cueStrong != 0 {
					end = x - 2
					break
				}
			}
		}
		if subordinators[s.lower(a-1)] {
			for x := i; x < end; x++ {
				if s.punct(x, ',') {
					end = x - 1
					break
				}
			}
		}
		if i > end || s.toks[i].kind != tWord || !s.clauseStart(i, k) {
			continue
		}
		conf := confIndirect
		if f == Named {
			conf += 0.05
		}
		s.emitIndirect(i, end, k, last, a, b, f, ss, conf, used)
	}
}

// indirectSpeaker reads the speaker of the indirect cue at token k:
// the phrase before it, the antecedent of "who" ("Mr Mandelson, who
// said"), or for a second verb ("admitted ... but said") the speaker of
// the first.
func (s *scanner) indirectSpeaker(k int, ss sentence) (int, int, Form) {
	if a, b, f := s.speakerBefore(k, ss.first-1); a >= 0 {
		return a, b, f
	}
	p := s.skipBack(k-1, ss.first-1)
	switch {
	case s.is(p, "who") && s.punct(p-1, ','):
		e := s.skipParen(p-2, ss.first-1)
		if s.word(e) {
			return s.trimSpeaker(s.nounPhraseBefore(e, ss.first-1), e)
		}
	case s.is(p, "and") || s.is(p, "but"):
		if a, b, f := s.mainSpeaker(k, ss.first-1); a >= 0 {
			return a, b, f
		}
		return s.sentenceSubject(k)
	}
	return -1, -1, NoSpeaker
}

// skipDet returns the token after a determiner and an adjective at i.
func (s *scanner) skipDet(i int) int {
	if determiners[s.lower(i)] {
		i++
	}
	if s.word(i+1) && !s.toks[i].upper && prizeWords[s.lower(i+1)] {
		i++ // the top spot
	}
	return i
}

// skipForward returns the first token from i that is not an auxiliary
// or adverb.
func (s *scanner) skipForward(i int) int {
	for i < len(s.toks) && s.word(i) && skipWords[s.lower(i)] {
		i++
	}
	return i
}

// thatAhead finds "that" opening a reported clause within a few words of
// token i, past an addressee ("warned the BBC that"), or -1.
func (s *scanner) thatAhead(i, last int) int {
	for j := i; j <= last && j-i <= 8; j++ {
		if s.is(j, "that") {
			return j
		}
		if !s.word(j) {
			return -1
		}
		// told US TV network Fox News on Sunday that ...
		if w := s.lower(j); stopWords[w] && !adverbialPrepositions[w] || pronouns[w] {
			return -1
		}
	}
	return -1
}

// according handles "According to X, clause." and "Clause, according to X."
func (s *scanner) according(k, last int, ss sentence) {
	a, b, f := s.speakerAfter(last, ss.last+1)
	if a < 0 {
		return
	}
	switch {
	case s.punct(b+1, ',') && s.countSkip(ss.first, k):
		s.emitIndirect(b+2, ss.last, k, last, a, b, f, ss, confIndirect, false)
	case s.punct(k-1, ',') && s.endsAt(b+1, ss) && k-2 > ss.first:
		s.emitIndirect(ss.first, k-2, k, last, a, b, f, ss, confClauseThen, false)
	}
}

// countSkip reports whether tokens [a, b) are only conjunctions and
// commas, as before a sentence-initial "According to".
func (s *scanner) countSkip(a, b int) bool {
	for i := a; i < b; i++ {
		if !s.punct(i, ',') && !s.is(i, "but") && !s.is(i, "and") && !s.is(i, "however") && !s.is(i, "yet") {
			return false
		}
	}
	return true
}

// endsAt reports whether the sentence ss ends at token i: nothing but
// closing punctuation from there on.
func (s *scanner) endsAt(i int, ss sentence) bool {
	for ; i <= ss.last; i++ {
		if !s.terminal(i) && !s.closing(i) && !s.punct(i, ';') {
			return false
		}
	}
	return true
}

// clauseStart reports whether token i can open a clause reported by the
// cue at k: not an auxiliary ("which he said has emerged"), not an
// infinitive after a cue that takes none.
func (s *scanner) clauseStart(i, k int) bool {
	w := s.lower(i)
	switch w {
	case "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can",
		"should", "may", "might", "must", "so", "as", "and", "but", "or", "nothing", "otherwise",
		"something", "anything", "sorry", "goodbye", "yes", "no", "hello", "thanks":
		return false
	case "on", "in", "at", "from", "by", "with", "into", "about", "over", "under", "against",
		"for", "of", "during", "after", "before", "since", "through", "among", "between", "up", "out", "off":
		// "said about 8,500 vehicles had arrived"; "say in the northern
		// cities, the race is ..." (a fronted adverbial).
		if s.word(i+1) && s.text[s.toks[i+1].start] <= '9' {
			return true
		}
		last := s.sents[s.sent[i]].last
		for j := i + 2; j <= last && j <= i+7; j++ {
			if s.punct(j, ',') {
				return true
			}
		}
		return false
	case "to":
		return s.is(k, "urged") || s.is(k, "urges") || s.is(k, "warned") || s.is(k, "told") || s.is(k, "asked")
	}
	return true
}

// skipAdverbials skips what may stand between a cue and its clause: "on
// Tuesday", "in a statement", "on Twitter", "yesterday", "last week".
func (s *scanner) skipAdverbials(i, last int) int {
	for i <= last {
		w := s.lower(i)
		if leadAdverbs[w] {
			if w == "last" || w == "this" {
				if !s.word(i + 1) {
					return i
				}
				i += 2
				continue
			}
			i++
			continue
		}
		if !adverbialPrepositions[w] {
			return i
		}
		j := i + 1
		if d := s.lower(j); d == "a" || d == "an" || d == "the" || d == "his" || d == "her" || d == "its" || d == "their" {
			j++
		}
		k := j
		for k <= last && k-j < 5 && s.word(k) && (s.toks[k].upper || s.text[s.toks[k].start] <= '9' || mediumWords[s.lower(k)]) {
			k++
		}
		if k == j {
			return i
		}
		i = k
		if s.punct(i, ',') {
			i++
		}
	}
	return i
}

// mediumWords name where or how something was said.
var mediumWords = map[string]bool{
	"statement": true, "interview": true, "conference": true, "press": true, "news": true,
	"briefing": true, "speech": true, "letter": true, "radio": true, "television": true,
	"tv": true, "blog": true, "post": true, "website": true, "programme": true, "show": true,
	"night": true, "morning": true, "evening": true, "afternoon": true, "weekend": true,
	"meeting": true, "hearing": true, "summit": true, "debate": true, "rally": true,
	"report": true, "address": true, "email": true, "tweet": true, "written": true,
	"separate": true, "emailed": true, "televised": true, "recent": true, "joint": true,
	"video": true, "message": true, "documentary": true, "podcast": true, "newspaper": true,
}

// skipObject skips the addressee after told/urged/asked: "the BBC", "BBC
// Radio 4's Today programme", "reporters", "him".
func (s *scanner) skipObject(i, last int) int {
	j := i
	if w := s.lower(j); determiners[w] && w != "that" {
		j++
	}
	for j <= last && s.word(j) && (s.toks[j].upper || s.text[s.toks[j].start] <= '9') {
		j++
	}
	if j <= last && s.word(j) && !s.toks[j].upper {
		w := s.lower(j)
		if !stopWords[w] && !determiners[w] && !pronouns[w] || w == "it" && s.is(j+1, "that") {
			j++
		}
	}
	if j <= last && (s.punct(j, ',') || s.punct(j, ':')) && j > i {
		j++
	}
	return j
}

// emitIndirect adds the reported clause at tokens ca..cb. A clause
// holding a direct quote is dropped, as the quote reports it, unless cut
// is set and a conjunction before the quote ends a first clause of its own:
// "said the public felt let down and the Tories were not “asking ...”".
func (s *scanner) emitIndirect(ca, cb, k, last, a, b int, f Form, ss sentence, conf float64, cut bool) {
	for cb >= ca && (s.terminal(cb) || s.closing(cb) || s.toks[cb].kind == tPunct && !s.punct(cb, ')') || s.toks[cb].kind == tMark) {
		cb--
	}
	// Leading conjunctions: "But, the official said" keeps only the clause.
	for ca <= cb && (s.is(ca, "but") || s.is(ca, "and") || s.is(ca, "however") || s.is(ca, "yet") || s.punct(ca, ',')) {
		ca++
	}
	for x := ca; x <= cb; x++ {
		if q := s.inQ[x]; q >= 0 && s.kept[q] {
			if !cut {
				return
			}
			y := x - 1
			for y > ca && !s.is(y, "and") && !s.is(y, "but") {
				y--
			}
			if y <= ca {
				return
			}
			cb = y - 1
			if s.punct(cb, ',') {
				cb--
			}
			if w, _ := s.countWords(ca, cb+1); w < 5 {
				return
			}
			break
		}
	}
	if s.is(ca, "to") && cut {
		return
	}
	if ca > cb {
		return
	}
	if w, _ := s.countWords(ca, cb+1); w < 3 {
		return
	}
	q := Quote{
		Span:       s.span(ca, cb),
		Cue:        s.text[s.toks[k].start:s.toks[last].end],
		CueSpan:    s.span(k, last),
		Speaker:    s.span(a, b),
		Form:       f,
		Sentence:   s.span(ss.first, ss.last),
		Confidence: conf,
	}
	s.out = append(s.out, q)
}

// finish sorts the quotes and drops overlaps, preferring direct quotes.
func (s *scanner) finish() []Quote {
	sort.SliceStable(s.out, func(i, j int) bool { return s.out[i].Start < s.out[j].Start })
	res := s.out[:0]
	for _, q := range s.out {
		if n := len(res); n > 0 && q.Start < res[n-1].End {
			if q.Direct && !res[n-1].Direct {
				res[n-1] = q
			}
			continue
		}
		res = append(res, q)
	}
	if len(res) == 0 {
		return nil
	}
	return res
}
