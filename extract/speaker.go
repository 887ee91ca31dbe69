package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/quote"
	"github.com/newsgraph/newsgraph/kind"
)

// quoteRec is a quote with its speaker entity (-1 for none).
type quoteRec struct {
	Quote
	speaker int
	para    int
	spStart int // where its speaker phrase starts, -1 for none
}

var media = map[string]string{"twitter": "Twitter", "facebook": "Facebook", "instagram": "Instagram",
	"television": "television", "tv": "television", "radio": "radio", "youtube": "YouTube", "tweet": "Twitter",
	"blog": "blog", "website": "website", "podcast": "podcast"}

var placeSpeech = set(`spoke speaking speech addressed addressing address told telling said`)

// assignQuotes resolves the speaker of every quote found by quote.Find and
// attaches its date, place and medium.
func (d *doc) assignQuotes() {
	for qi := range d.quotes {
		q := &d.quotes[qi]
		para := d.sents[d.sentAt(q.Start)].para
		spk, conf := -1, q.Confidence
		unsure := false // a speaker near at hand was not taken: take none
		switch {
		case q.Continues && len(d.outQuotes) > 0:
			spk = d.outQuotes[len(d.outQuotes)-1].speaker
		case q.Form == quote.Named:
			spk = d.namedSpeaker(q.Speaker)
		case q.Form == quote.Pronoun:
			spk = d.pronounSpeaker(q.Speaker, q.Start)
		case q.Form == quote.Nominal:
			spk = d.nominalSpeaker(q.Speaker)
		case q.Form == quote.NoSpeaker && q.CueSpan.End > q.CueSpan.Start && d.whoSpeaker(q.CueSpan.Start) >= 0:
			spk = d.whoSpeaker(q.CueSpan.Start) // "he had visited Pullman, who had told him that ..."
		case q.Form == quote.NoSpeaker && len(d.outQuotes) > 0:
			// The speaker of the quote before, in this paragraph or the one
			// before, when this quotation is a sentence of its own or its
			// sentence speaks of that speaker ("Corbett goes on to criticise
			// “...”"). A quotation inside a sentence about someone else
			// ("critics described it as “jarring”", "Speaking at the UN,
			// called Kim “rocket man”") is not theirs: a wrong speaker is
			// worse than none.
			prev := d.outQuotes[len(d.outQuotes)-1]
			switch {
			case para-prev.para > 1:
			case prev.speaker < 0 || d.opensSentence(q.Start) || d.sentenceNames(prev.speaker, q.Start):
				spk = prev.speaker
				conf *= 0.7
			default:
				// The sentence's own subject, if it has one ("Lord Bingham
				// said the rules allowed detentions “...”"); nor is the
				// person the text was just about: the one quoted just
				// before stood closer.
				if spk = d.ownSubject(q.Start); spk >= 0 {
					conf *= 0.6
				}
				unsure = true
			}
		}
		if q.Direct && q.CueSpan.End > 0 && q.CueSpan.End <= q.Start && (q.Form == quote.Named || q.Form == quote.Nominal) {
			// "The official said Mr Yun has told them to “stop testing”": the words are Mr Yun's.
			if inner := d.reportedSpeaker(q.CueSpan.End, q.Start); inner >= 0 && inner != spk {
				spk = inner
				conf *= 0.8
			}
		}
		if spk < 0 && q.Form == quote.NoSpeaker && !q.Continues && !unsure && !d.objectOnly(q.Start) {
			// A quote standing alone: the person the text was just about.
			spk = d.subjectBefore(q.Start, 2)
			conf *= 0.5
		}
		if conf == 0 {
			conf = 0.5
		}
		// The attribution: the sentence outside the quoted words.
		sStart, sEnd := q.Sentence.Start, q.Sentence.End
		if sEnd <= sStart {
			s := &d.sents[d.sentAt(q.Start)]
			sStart, sEnd = s.start, s.end
		}
		date := d.dateOutside(sStart, sEnd, q.Start, q.End)
		if spk >= 0 && (q.Form == quote.Nominal || q.Form == quote.Named) && q.Speaker.End > q.Speaker.Start {
			d.epithetMention(q.Speaker, spk)
		}
		rec := quoteRec{Quote: Quote{Text: q.Text, Cue: q.Cue, Direct: q.Direct, Date: date, Start: q.Start, End: q.End,
			Confidence: round2(conf)}, speaker: spk, para: para, spStart: -1}
		if q.Speaker.End > q.Speaker.Start {
			rec.spStart = q.Speaker.Start
		}
		if q.CueSpan.End > q.CueSpan.Start {
			// The medium and place sit next to the cue: "said on Twitter", "spoke at the UN".
			lo, hi := q.CueSpan.Start-60, q.CueSpan.End+40
			lo, hi = max(lo, sStart), min(hi, sEnd)
			rec.Medium, rec.Place = d.medium(lo, hi, q.Start, q.End)
		}
		d.outQuotes = append(d.outQuotes, rec)
	}
}

// dateOutside is the first resolved date in [start,end) outside [qs,qe).
func (d *doc) dateOutside(start, end, qs, qe int) string {
	for _, t := range d.times {
		if t.Start < start || t.End > end || t.Value == "" {
			continue
		}
		if t.Start < qe && t.End > qs {
			continue
		}
		if d.inDirectQuote(t.Start) {
			continue
		}
		return t.Value
	}
	return ""
}

// medium and place of a quote: "said on Twitter", "spoke at the UN".
func (d *doc) medium(start, end, qs, qe int) (medium, place string) {
	k0, k1 := d.tokenAt(start), d.tokenAt(end)
	for k := k0; k < k1 && k < len(d.toks); k++ {
		t := &d.toks[k]
		if t.start >= qs && t.start < qe || t.inQuote {
			continue
		}
		if m, ok := media[t.lower]; ok && medium == "" && k > k0 && (d.toks[k-1].lower == "on" || d.toks[k-1].lower == "a" || d.toks[k-1].lower == "in") {
			medium = m
		}
		if (t.lower == "at" || t.lower == "to") && k > k0 && placeSpeech[d.toks[k-1].lower] && place == "" {
			j := k + 1
			if j < k1 && d.toks[j].lower == "the" {
				j++
			}
			if e := d.entAt(j); e >= 0 && d.ents[e].typ != kind.Person && t.lower == "at" {
				place = d.ents[e].name
			}
		}
	}
	return medium, place
}

// namedSpeaker is the last person named in the speaker phrase, else the
// last organisation or place ("the ministry said").
func (d *doc) namedSpeaker(sp quote.Span) int {
	person, other := -1, -1
	i0 := d.mentionAt(sp.Start)
	if i0 > 0 && d.ms[d.order[i0-1]].end > sp.Start {
		i0-- // a name the phrase cuts into: "A Blixt" of "Charles A Blixt"
	}
	for i := i0; i < len(d.order); i++ {
		m := &d.ms[d.order[i]]
		if m.start >= sp.End {
			break
		}
		if m.ent < 0 {
			continue
		}
		if d.ents[m.ent].typ == kind.Person {
			person = m.ent
		} else {
			other = m.ent
		}
	}
	if person >= 0 {
		return person
	}
	if other >= 0 {
		return other
	}
	// A name the entity pass did not keep: match it to a known name.
	words := strings.Fields(sp.Text)
	if len(words) == 0 {
		return -1
	}
	if determiners[strings.ToLower(words[0])] {
		return d.epithetSpeaker(sp) // "the Dutchman"
	}
	lastWord := strings.ToLower(strings.Trim(words[len(words)-1], ".,’'"))
	for i := range d.ents {
		e := &d.ents[i]
		if e.typ == kind.Person && len(e.nameToks) > 0 && e.nameToks[len(e.nameToks)-1] == lastWord {
			return i
		}
	}
	return -1
}

// pronounSpeaker reads he/she as the subject of the nearest sentence
// before it that names a person: the first person of that sentence outside
// quotation marks, which is usually its subject. they/it/we stand for an
// organisation or a country acting.
//
// The people named in the reported words themselves ("The image portrayed
// Mr Howard as a hypnotist, he argued") are not candidates: the search
// starts before the quote when the quote comes first.
func (d *doc) pronounSpeaker(sp quote.Span, qStart int) int {
	p := strings.ToLower(strings.TrimSpace(sp.Text))
	pos := min(sp.Start, qStart)
	if p == "they" || p == "it" || p == "we" {
		for i := d.mentionAt(sp.Start) - 1; i >= 0; i-- {
			m := &d.ms[d.order[i]]
			if m.ent < 0 || d.inDirectQuote(m.start) {
				continue
			}
			if t := d.ents[m.ent].typ; t == kind.Org || (t == kind.Place && m.metonym) {
				return m.ent
			}
		}
		return -1
	}
	var g byte
	switch p {
	case "he", "him":
		g = 'm'
	case "she", "her":
		g = 'f'
	}
	if e := d.subjectBeforeG(pos, 2, g); e >= 0 {
		return e
	}
	// "he said" again: the person who spoke last, if near.
	if n := len(d.outQuotes); n > 0 {
		prev := d.outQuotes[n-1]
		if e := prev.speaker; e >= 0 && d.ents[e].typ == kind.Person && d.sents[d.sentAt(sp.Start)].para-prev.para <= 1 {
			if eg := d.gender(e); g == 0 || eg == 0 || eg == g {
				return e
			}
		}
	}
	return d.subjectBeforeG(pos, 6, g)
}

// subjectBefore returns the first person named outside quotation marks in
// the nearest of the last n sentences before pos that names one.
func (d *doc) subjectBefore(pos, n int) int { return d.subjectBeforeG(pos, n, 0) }

// subjectBeforeG is subjectBefore skipping people of the other gender.
// A sentence whose subject is itself a pronoun or a description ("He
// conceded the win, which included goals from Noe Pamarot", "The Spaniard
// believed he was talking to Emilio Butragueno") does not count: its
// subject is someone named earlier, and the people it names are not.
func (d *doc) subjectBeforeG(pos, n int, g byte) int {
	si := d.sentAt(pos)
	for k := 0; k < n && si >= 0; k, si = k+1, si-1 {
		s := &d.sents[si]
		if s.start < pos && (d.anaphoricSubject(s, pos) || d.allQuoted(s, pos)) {
			k-- // a link in the chain back to the name, not a step away from it
			if k < -n {
				break
			}
			continue
		}
		first, poss := -1, -1
		// The speaker of a quote attributed in this sentence stands for its
		// subject when no name does: "one dealer ... told Reuters".
		qSpk := -1
		for i := len(d.outQuotes) - 1; i >= 0; i-- {
			r := &d.outQuotes[i]
			if r.spStart < 0 || r.spStart >= pos || r.spStart >= s.end {
				continue
			}
			if r.spStart < s.start {
				if r.End < s.start {
					break
				}
				continue
			}
			if e := r.speaker; e >= 0 && d.ents[e].typ == kind.Person {
				if eg := d.gender(e); g == 0 || eg == 0 || eg == g {
					qSpk = e
				}
			}
		}
		for i := d.mentionAt(s.start); i < len(d.order); i++ {
			m := &d.ms[d.order[i]]
			if m.start >= s.end || m.start >= pos {
				break
			}
			if m.ent >= 0 && d.ents[m.ent].typ == kind.Person && !d.inDirectQuote(m.start) {
				if eg := d.gender(m.ent); g != 0 && eg != 0 && eg != g {
					continue
				}
				if d.isSubject(m, s) {
					return m.ent
				}
				if m.tok1 < s.last && d.toks[m.tok1].kind == tPoss {
					// "Wenger's Bayern counterpart Felix Magath": the owner
					// is the last resort, not the first person.
					if poss < 0 {
						poss = m.ent
					}
					continue
				}
				if first < 0 {
					first = m.ent
				}
			}
		}
		if qSpk >= 0 {
			return qSpk
		}
		if first >= 0 {
			return first
		}
		if poss >= 0 {
			return poss
		}
	}
	return -1
}

// anaphoricSubject reports whether the sentence s, read up to pos, opens
// (outside quotation marks, after a conjunction) with a subject that refers
// back: he, she, or a definite description of a person ("the Dutchman",
// "the 21-year-old striker") and names no person as its subject.
func (d *doc) anaphoricSubject(s *sentence, pos int) bool {
	k := s.first
	for k < s.last && d.toks[k].start < pos && (d.toks[k].inQuote || d.toks[k].kind != tWord ||
		clauseOpeners[d.toks[k].lower] || d.toks[k].lower == "however" || d.toks[k].lower == "meanwhile") {
		k++
	}
	if k >= s.last || d.toks[k].start >= pos {
		return false
	}
	switch d.toks[k].lower {
	case "he", "she":
		return true
	case "the":
	default:
		return false
	}
	for j := k + 1; j < s.last && j <= k+4; j++ {
		t := &d.toks[j]
		if t.kind != tWord && t.kind != tNum { // "the 21-year-old"
			return false
		}
		if e := d.entAt(j); e >= 0 && d.ents[e].typ == kind.Person && d.ents[e].nomKey == "" {
			return false // "the striker Thierry Henry" names him
		}
		// The head is the last noun before the verb: the next word is a
		// speech verb or a lower-case word that cannot name a person.
		if j+1 >= s.last {
			return false
		}
		if n := &d.toks[j+1]; n.kind == tWord && (d.x.lex.speech[n.lower] || !n.cap && !d.personNoun(n.lower)) {
			return d.personNoun(t.lower) && !orgNominals[t.lower]
		}
	}
	return false
}

// allQuoted reports whether every word of the sentence s before pos is
// inside quotation marks: the speaker's own words, which name no subject
// of the narrative.
func (d *doc) allQuoted(s *sentence, pos int) bool {
	for k := s.first; k < s.last && d.toks[k].start < pos; k++ {
		if t := &d.toks[k]; t.kind == tWord && !t.inQuote && !d.inDirectQuote(t.start) {
			return false
		}
	}
	return true
}

// clauseOpeners may stand before the subject of a clause.
var clauseOpeners = set(`and but while as when after before because although though so then yet`)

// isSubject reports whether a mention reads as the subject of its clause:
// it opens the sentence or a clause, or a verb of speech follows it. "Mr
// Kennedy" is, in "In a speech on the re-election of George W Bush, Mr
// Kennedy said ..."; George W Bush is not.
func (d *doc) isSubject(m *mention, s *sentence) bool {
	if m.tok1 < s.last && d.toks[m.tok1].kind == tPoss {
		return false // "Fletcher's daughter Jill said": the daughter speaks
	}
	k := m.tok0
	if m.start < d.toks[k].start {
		// the mention starts with an honorific before tok0
		for k > s.first && d.toks[k-1].end > m.start {
			k--
		}
	}
	if k == s.first {
		return true
	}
	if p := &d.toks[k-1]; clauseBreak(p) {
		return true
	}
	if p := &d.toks[k-1]; p.kind == tWord && clauseOpeners[p.lower] && m.tok1 < s.last {
		// "but McIlroy is unfazed" opens a clause; "Okken and Antonio
		// Reina of Spain" ends a list: a verb must follow the name.
		if n := &d.toks[m.tok1]; n.kind == tWord && !n.cap && !listWords[n.lower] {
			return true
		}
	}
	return m.tok1 < s.last && d.x.lex.speech[d.toks[m.tok1].lower]
}

// listWords follow a name inside a list or a prepositional phrase, not as
// the verb of its clause.
var listWords = set(`of in at from for to and or with by on`)

// orgNominals are heads of noun phrases that stand for an organisation:
// "the company said", "its developers say".
var orgNominals = set(`company firm group club team party ministry government department council bank agency organisation
organization union authority commission board retailer chain airline carrier maker manufacturer giant operator developers
authors makers federation body watchdog regulator network broadcaster channel band studio label publisher association
committee charity campaigners campaign group's business corporation store supermarket`)

var indefinite = set(`a an one another some many several most few`)

// docHeads are documents that speak for their authors: "the report said".
var docHeads = set(`report statement study survey document letter website filing paper review`)

// possessedSpeaker reads a speaker phrase that holds a named person's
// possessive. "Michael Jackson's mother" and "Mr Jackson's lawyers" are
// someone of that person's: an anonymous source. "Following Mr Straw's
// announcement" names no speaker at all (-1). ok is false when the phrase
// holds no such possessive.
func (d *doc) possessedSpeaker(sp quote.Span, head string) (e int, ok bool) {
	for i := d.mentionAt(sp.Start); i < len(d.order); i++ {
		m := &d.ms[d.order[i]]
		if m.start >= sp.End {
			break
		}
		if m.ent >= 0 && d.ents[m.ent].typ == kind.Person && m.tok1 < len(d.toks) && d.toks[m.tok1].kind == tPoss && d.toks[m.tok1].end < sp.End {
			if d.personNoun(head) {
				return d.anonEntity(sp), true
			}
			return -1, true
		}
	}
	return -1, false
}

// epithetSpeaker resolves a descriptive speaker phrase ("the Dutchman",
// "the 74-year-old comedian", "the company"): an organisation noun stands
// for the latest organisation; a person noun for the one named person with
// that role, else the latest subject.
func (d *doc) epithetSpeaker(sp quote.Span) int {
	words := strings.Fields(strings.ToLower(sp.Text))
	if len(words) == 0 {
		return -1
	}
	head := strings.Trim(words[len(words)-1], ".,’'")
	if e, ok := d.possessedSpeaker(sp, head); ok {
		return e
	}
	// "critics", "Lawyers for news organisations": a group speaks.
	if strings.HasSuffix(words[0], "s") && !determiners[words[0]] && !orgNominals[words[0]] && len(words) <= 6 {
		return d.anonEntity(sp)
	}

	if (head == "government" || head == "administration") && len(words) <= 3 {
		// "the government said" is the government, whatever firm or union
		// was named last: an organisation of that name, else a source.
		for i := range d.ents {
			if e := &d.ents[i]; e.typ == kind.Org && len(e.mentions) > 0 && strings.Contains(strings.ToLower(e.name), head) {
				return i
			}
		}
		e := d.anonEntity(sp)
		if e >= 0 {
			d.ents[e].typ = kind.Org // an institution, not a person
		}
		return e
	}
	if orgNominals[head] && !firmWords[head] && len(words) >= 3 && d.placeIn(sp) {
		// "the Libyan central bank": a body of that country, not the
		// organisation named last; an anonymous one when the text names none.
		e := d.anonEntity(sp)
		if e >= 0 {
			d.ents[e].typ = kind.Org
		}
		return e
	}
	if (orgNominals[head] || docHeads[head]) && !personModified(words) {
		// the organisation that spoke last, else the last one named
		for i := len(d.outQuotes) - 1; i >= 0 && i >= len(d.outQuotes)-4; i-- {
			if e := d.outQuotes[i].speaker; e >= 0 && d.ents[e].typ == kind.Org {
				return e
			}
		}
		// Else the most mentioned organisation of the last few sentences:
		// "Nintendo's new console, the DS, will launch in March, the
		// company said" is Nintendo speaking, not its product.
		lo := d.sents[max(d.sentAt(sp.Start)-3, 0)].start
		best, bestN := -1, 0
		for i := d.mentionAt(sp.Start) - 1; i >= 0; i-- {
			m := &d.ms[d.order[i]]
			if m.ent < 0 || d.ents[m.ent].typ != kind.Org || d.inDirectQuote(m.start) {
				continue
			}
			if best < 0 && m.start < lo {
				return m.ent // none near: the last one named
			}
			if m.start < lo {
				break
			}
			if n := len(d.ents[m.ent].mentions); n > bestN {
				best, bestN = m.ent, n
			}
		}
		return best
	}
	// The one person given that role before: a description refers back.
	who := -1
	for _, r := range d.roles {
		tw := nameWords(r.title)
		if len(tw) > 0 && tw[len(tw)-1] == head && d.ents[r.person].nomKey == "" && r.start < sp.Start {
			if who >= 0 && who != r.person {
				who = -2
				break
			}
			who = r.person
		}
	}
	if who >= 0 {
		return who
	}
	var g byte
	for _, part := range strings.Split(head, "-") {
		if x, ok := genderNouns[part]; ok {
			g = x
			break
		}
	}
	n := 3
	if g != 0 {
		n = 8 // "the mother-of-nine": gender narrows the search, so look further
	}
	return d.subjectBeforeG(sp.Start, n, g)
}

var genderNouns = map[string]byte{"mother": 'f', "wife": 'f', "daughter": 'f', "sister": 'f', "woman": 'f', "actress": 'f',
	"girl": 'f', "queen": 'f', "princess": 'f', "grandmother": 'f', "widow": 'f', "mum": 'f', "spokeswoman": 'f', "chairwoman": 'f',
	"father": 'm', "husband": 'm', "son": 'm', "brother": 'm', "man": 'm', "actor": 'm', "boy": 'm', "king": 'm', "prince": 'm',
	"grandfather": 'm', "widower": 'm', "dad": 'm', "spokesman": 'm', "chairman": 'm', "dutchman": 'm', "irishman": 'm',
	"frenchman": 'm', "englishman": 'm', "scotsman": 'm', "welshman": 'm'}

// nominalSpeaker resolves "the official", "a spokesman", "the minister".
func (d *doc) nominalSpeaker(sp quote.Span) int {
	// "Nigel McCune from the Musicians' Union": the person opening the phrase.
	if i := d.mentionAt(sp.Start); i < len(d.order) {
		m := &d.ms[d.order[i]]
		if m.start == sp.Start && m.ent >= 0 && d.ents[m.ent].typ == kind.Person && !m.nominal && m.tok1 < len(d.toks) {
			if w := d.toks[m.tok1].lower; (w == "from" || w == "of" || w == "at") && d.toks[m.tok1].end <= sp.End {
				return m.ent
			}
		}
	}
	for i := d.mentionAt(sp.Start); i < len(d.order); i++ {
		m := &d.ms[d.order[i]]
		if m.start >= sp.End {
			break
		}
		if m.nominal && m.ent >= 0 {
			if p := d.namedNext(d.ents[m.ent].nomHead, sp.End); p >= 0 {
				return p
			}
			return m.ent
		}
	}
	words := strings.Fields(strings.ToLower(sp.Text))
	if len(words) == 0 {
		return -1
	}
	head := strings.Trim(words[len(words)-1], ".,’'")
	if e, ok := d.possessedSpeaker(sp, head); ok {
		return e
	}
	if e := d.agentOf(sp, words, head); e >= 0 {
		return e
	}
	// "critics", "Lawyers for news organisations": a group speaks.
	if strings.HasSuffix(words[0], "s") && !determiners[words[0]] && !orgNominals[words[0]] && len(words) <= 6 {
		return d.anonEntity(sp)
	}

	if orgNominals[head] || docHeads[head] {
		// "a World Bank report", "the company": an organisation named in the phrase
		for i := d.mentionAt(sp.Start); i < len(d.order); i++ {
			m := &d.ms[d.order[i]]
			if m.start >= sp.End {
				break
			}
			if m.ent >= 0 && d.ents[m.ent].typ == kind.Org {
				return m.ent
			}
		}
	}
	if !d.x.lex.nomHeads[head] {
		if indefinite[words[0]] && !orgNominals[head] && !docHeads[head] && d.personNoun(head) {
			return d.anonEntity(sp) // "one dealer": someone new, not someone named before
		}
		return d.epithetSpeaker(sp)
	}
	// A named person holding that role, if only one does.
	who := -1
	for _, r := range d.roles {
		tw := nameWords(r.title)
		if len(tw) > 0 && tw[len(tw)-1] == head && d.ents[r.person].nomKey == "" {
			if who >= 0 && who != r.person {
				who = -2
				break
			}
			who = r.person
		}
	}
	if who >= 0 {
		return who
	}
	// The nearest earlier anonymous source with this head.
	best, bestPos := -1, -1
	for i := range d.ents {
		e := &d.ents[i]
		if e.nomHead == head && e.lastPos < sp.Start && e.lastPos > bestPos {
			best, bestPos = i, e.lastPos
		}
	}
	if best < 0 && words[0] != "the" {
		return d.anonEntity(sp) // "a spokeswoman", "Opera spokeswoman"
	}
	return best
}

// anonEntity returns the anonymous source named by a speaker phrase,
// making it when it is new: the phrase without its article or adjectives
// such as "senior" names it.
func (d *doc) anonEntity(sp quote.Span) int {
	k0, k1 := d.tokenAt(sp.Start), d.tokenAt(sp.End)
	for k0 < k1 && (determiners[d.toks[k0].lower] || indefinite[d.toks[k0].lower] || d.x.lex.nomAdjs[d.toks[k0].lower]) {
		k0++
	}
	if k0 >= k1 || k1 > len(d.toks) {
		return -1
	}
	return d.anonNamed(k0, k1, d.spanText(d.toks[k0].start, d.toks[k1-1].end))
}

// anonNamed returns the anonymous source called name, mentioned by the
// tokens [k0,k1), making it when it is new.
func (d *doc) anonNamed(k0, k1 int, name string) int {
	start, end := d.toks[k0].start, d.toks[k1-1].end
	key := strings.ToLower(name)
	e := -1
	for i := range d.ents {
		if d.ents[i].nomKey == key {
			e = i
			break
		}
	}
	if e < 0 {
		head := strings.ToLower(d.toks[k1-1].text)
		d.ents = append(d.ents, entity{name: name, typ: kind.Person, nomKey: key, nomHead: head, first: start, lastPos: start})
		e = len(d.ents) - 1
	}
	d.ms = append(d.ms, mention{start: start, end: end, tok0: k0, tok1: k1, sent: int(d.toks[k0].sent),
		typ: kind.Person, key: name, ent: e, nominal: true})
	d.ents[e].addForm(name)
	d.ents[e].lastPos = start
	return e
}

// epithetMention records a descriptive speaker phrase ("the Dutchman",
// "the 74-year-old comedian") as a mention of the person it resolved to.
func (d *doc) epithetMention(sp quote.Span, e int) {
	words := strings.Fields(sp.Text)
	if len(words) < 2 || len(words) > 4 || strings.ToLower(words[0]) != "the" || d.ents[e].typ != kind.Person || d.ents[e].nomKey != "" {
		return
	}
	if !d.personNoun(strings.ToLower(strings.Trim(words[len(words)-1], ".,’'"))) {
		return // "The Bank's minutes" speaks for someone but does not name him
	}
	k0, k1 := d.tokenAt(sp.Start), d.tokenAt(sp.End)
	for k := k0; k < k1 && k < len(d.toks); k++ {
		if d.tokMention[k] >= 0 {
			return // it holds a name of its own
		}
	}
	for _, i := range d.ents[e].mentions {
		if d.ms[i].start == sp.Start {
			return
		}
	}
	if k1 <= k0 || k0 >= len(d.toks) {
		return
	}
	name := d.spanText(sp.Start, sp.End)
	d.ms = append(d.ms, mention{start: sp.Start, end: sp.End, tok0: k0, tok1: k1, sent: int(d.toks[k0].sent),
		typ: kind.Person, key: name, ent: e, nominal: true})
	d.ents[e].addForm(name)
}

// namedNext returns the one named person holding a role titled head who is
// first named in the two sentences after pos: "A North Korean defector
// said ... Thae Yong Ho was chief of mission until he defected". -1 if none.
func (d *doc) namedNext(head string, pos int) int {
	if head == "" {
		return -1
	}
	si := d.sentAt(pos)
	limit := d.sents[min(si+2, len(d.sents)-1)].end
	who := -1
	for _, r := range d.roles {
		if d.ents[r.person].nomKey != "" || !strings.EqualFold(r.title, head) {
			continue
		}
		first := d.ents[r.person].first
		if first < pos || first > limit {
			continue
		}
		if who >= 0 && who != r.person {
			return -1
		}
		who = r.person
	}
	return who
}

// innerSpeech are verbs whose subject owns a quotation reported inside
// someone else's words.
var innerSpeech = set(`told tells urged urges asked asks made makes warned warns said says insisted demanded called`)

// reportedSpeaker finds a person named between a cue and the quotation
// it introduces who is the subject of a verb of speech there, or -1.
func (d *doc) reportedSpeaker(from, to int) int {
	for i := d.mentionAt(from); i < len(d.order); i++ {
		m := &d.ms[d.order[i]]
		if m.start >= to {
			break
		}
		if m.ent < 0 || d.ents[m.ent].typ != kind.Person || m.nominal {
			continue
		}
		for k := m.tok1; k < len(d.toks) && k < m.tok1+3 && d.toks[k].start < to; k++ {
			if d.toks[k].kind == tPoss || clauseBreak(&d.toks[k]) {
				break
			}
			if innerSpeech[d.toks[k].lower] {
				return m.ent
			}
		}
	}
	return -1
}

// personNoun reports whether a head noun can name a person: a title, a
// gendered noun, an anonymous-source head, an age ("the 21-year-old") or
// a noun of agent ("the entrepreneur", "the Dutchman").
func (d *doc) personNoun(head string) bool {
	if i := strings.IndexByte(head, '-'); i > 0 && !strings.HasSuffix(head, "-old") && d.personNoun(head[:i]) {
		return true // "the mother-of-nine"
	}
	h := strings.TrimSuffix(head, "s")
	if _, ok := d.x.lex.title(head); ok {
		return true
	}
	if _, ok := genderNouns[head]; ok || d.x.lex.nomHeads[head] || d.x.lex.nomHeads[h] || strings.HasSuffix(head, "-old") {
		return true
	}
	for _, suf := range []string{"er", "or", "ist", "ian", "man", "woman", "eur", "ant", "ent", "ard"} {
		if strings.HasSuffix(h, suf) {
			return true
		}
	}
	return false
}

// agents speak for someone else: "his agent", "her lawyers".
var agents = set(`agent agents lawyer lawyers solicitor solicitors attorney attorneys spokesman spokeswoman
spokesperson publicist representative representatives aide aides adviser advisers advisor advisors`)

// agentOf resolves "his agent" or "her lawyers" to an anonymous source named
// for the person the pronoun stands for ("Philip Pullman's agent"), not to
// that person, unless one named person holds that role already. It returns
// -1 when the phrase is not such an agent.
func (d *doc) agentOf(sp quote.Span, words []string, head string) int {
	if len(words) < 2 || len(words) > 4 || !agents[head] {
		return -1
	}
	var g byte
	switch words[0] {
	case "his":
		g = 'm'
	case "her":
		g = 'f'
	case "their":
	default:
		return -1
	}
	for _, r := range d.roles {
		tw := nameWords(r.title)
		if len(tw) > 0 && tw[len(tw)-1] == head && d.ents[r.person].nomKey == "" && r.start < sp.Start {
			return r.person
		}
	}
	owner := -1
	if g != 0 {
		owner = d.subjectBeforeG(sp.Start, 3, g)
	}
	k0, k1 := d.tokenAt(sp.Start)+1, d.tokenAt(sp.End)
	if k1 > len(d.toks) || k0 >= k1 {
		return -1
	}
	rest := d.spanText(d.toks[k0].start, d.toks[k1-1].end)
	if owner < 0 || d.ents[owner].typ != kind.Person {
		return d.anonNamed(k0, k1, rest)
	}
	return d.anonNamed(k0, k1, d.ents[owner].name+"'s "+rest)
}

// personMods qualify people, not firms: "the veteran game maker".
var personMods = set(`veteran young elderly retired teenage teenaged`)

// personModified reports whether a phrase describes a person although
// its head could name a firm ("maker", "band").
func personModified(words []string) bool {
	for _, w := range words[:len(words)-1] {
		if personMods[w] || strings.HasSuffix(w, "-year-old") {
			return true
		}
	}
	return false
}

// whoSpeaker is the person a relative "who" before the cue at pos stands
// for ("Pullman, who had told him"), or -1.
func (d *doc) whoSpeaker(pos int) int {
	k := d.tokenAt(pos) - 1
	for n := 0; k >= 0 && n < 2 && auxWords[d.toks[k].lower]; n++ {
		k--
	}
	if k < 2 || d.toks[k].lower != "who" || d.toks[k-1].text != "," {
		return -1
	}
	if e := d.entAt(k - 2); e >= 0 && d.ents[e].typ == kind.Person {
		return e
	}
	return -1
}

// auxWords stand between "who" and its verb.
var auxWords = set(`had has have was is also later then once`)

// firmWords are heads that refer back to a company named before: "the
// Swedish firm" is the Electrolux of the last paragraph.
var firmWords = set(`company firm group giant business maker manufacturer retailer chain operator carrier airline club team`)

// placeIn reports whether a place or demonym is named inside the span.
func (d *doc) placeIn(sp quote.Span) bool {
	for i := d.mentionAt(sp.Start); i < len(d.order); i++ {
		m := &d.ms[d.order[i]]
		if m.start >= sp.End {
			break
		}
		if m.ent >= 0 && d.ents[m.ent].typ == kind.Place {
			return true
		}
	}
	return false
}

// opensSentence reports whether the quotation starting at byte pos opens
// its sentence: a sentence of quotation with no attribution of its own
// carries on the words of the speaker quoted just before.
func (d *doc) opensSentence(pos int) bool {
	s := &d.sents[d.sentAt(pos)]
	k := s.first
	for k < s.last && d.toks[k].kind == tPunct {
		k++
	}
	return k < s.last && d.toks[k].start >= pos
}

// sentenceNames reports whether the sentence holding the quotation that
// starts at byte pos speaks of entity e outside quotation marks: a mention
// of e or its surname alone; before the quotation, "he", "she", "his" or
// "her" for a person of that gender, "it" or "its" for an organisation,
// with no other of its kind named before; or nobody named at all before a
// colon that opens the quotation ("And continued: “...”").
func (d *doc) sentenceNames(e, pos int) bool {
	s := &d.sents[d.sentAt(pos)]
	ent := &d.ents[e]
	for _, mi := range ent.mentions {
		if m := &d.ms[mi]; m.start >= s.start && m.end <= s.end && !d.inDirectQuote(m.start) {
			return true
		}
	}
	for i := len(d.ms) - 1; i >= 0 && d.ms[i].start >= s.start; i-- {
		// mentions made while reading speakers, not yet collected
		if m := &d.ms[i]; m.ent == e && m.end <= s.end && !d.inDirectQuote(m.start) {
			return true
		}
	}
	surname := ""
	if ent.typ == kind.Person && len(ent.nameToks) > 0 {
		surname = ent.nameToks[len(ent.nameToks)-1]
	}
	g := d.gender(e)
	other, named := false, false
	lastBefore := -1
	for k := s.first; k < s.last; k++ {
		t := &d.toks[k]
		if t.start < pos {
			lastBefore = k
		}
		if t.kind != tWord || t.inQuote || d.inDirectQuote(t.start) {
			continue
		}
		x := d.entAt(k)
		if x == e || t.cap && t.lower == surname {
			return true
		}
		if x >= 0 && t.start < pos {
			named = true
			if d.ents[x].typ == ent.typ {
				other = true
			}
		}
		if t.start >= pos || other {
			continue
		}
		switch t.lower {
		case "he", "his":
			if ent.typ == kind.Person && g != 'f' {
				return true
			}
		case "she", "her":
			if ent.typ == kind.Person && g != 'm' {
				return true
			}
		case "it", "its":
			if ent.typ == kind.Org && k == s.first {
				return true
			}
		}
	}
	if lastBefore >= 0 && d.toks[lastBefore].kind == tPunct && !named {
		// the opening mark, then the colon before it
		for k := lastBefore; k >= s.first && d.toks[k].kind == tPunct; k-- {
			if d.toks[k].text == ":" {
				return true
			}
		}
	}
	return false
}

// objectOnly reports whether the sentence holding pos names, before pos and
// outside quotation marks, people but none as a subject: "Speaking at
// the UN, called Kim Jong-un “rocket man”". The person named there is
// the one spoken of, and one named in an earlier sentence is too far to
// stand for the subject the sentence lacks.
func (d *doc) objectOnly(pos int) bool {
	s := &d.sents[d.sentAt(pos)]
	found := false
	for i := d.mentionAt(s.start); i < len(d.order); i++ {
		m := &d.ms[d.order[i]]
		if m.start >= pos {
			break
		}
		if m.ent < 0 || d.ents[m.ent].typ != kind.Person || d.inDirectQuote(m.start) {
			continue
		}
		if d.isSubject(m, s) {
			return false
		}
		if n := m.tok1; n < s.last && (d.toks[n].text == ":" || staffFollowers[d.toks[n].lower]) {
			return false // "BBC Two controller Roly Keating: “...”", "Sir Bill Morris has accused"
		}
		if k := m.tok0 - 1; k >= s.first {
			if d.x.lex.speech[d.toks[k].lower] {
				return false // "But, says Nick Donofrio, it was not “...”"
			}
			opens := true
			for j := s.first; j <= k && opens; j++ {
				opens = isCapWord(&d.toks[j])
			}
			if opens {
				return false // "DJ Norman Cook has admitted ...": titles open the sentence
			}
			if d.toks[k].lower == "by" {
				return false // "described by Jobs as “...”": the agent speaks
			}
			if _, i := d.titleEndingAt(k, s.first); i >= 0 {
				continue // "- Bolton boss Sam Allardyce “...”": a title, not a verb, before the name
			}
		}
		found = true
	}
	return found
}

// ownSubject is the subject of the sentence holding byte pos, named before
// pos outside quotation marks: its first person or organisation, when
// that opens the sentence or a clause, is followed by a verb of speech, or
// follows its title ("Academy president Frank Pierson praised ..."), or
// the person after "by" of a passive; else -1.
func (d *doc) ownSubject(pos int) int {
	s := &d.sents[d.sentAt(pos)]
	for i := d.mentionAt(s.start); i < len(d.order); i++ {
		m := &d.ms[d.order[i]]
		if m.start >= pos || m.start >= s.end {
			break
		}
		if m.ent < 0 || d.inDirectQuote(m.start) {
			continue
		}
		if t := d.ents[m.ent].typ; t != kind.Person && t != kind.Org {
			continue
		}
		if n := d.entAt(m.tok1); d.ents[m.ent].typ == kind.Org && n >= 0 && d.ents[n].typ == kind.Person {
			// "Liberal Democrat Alan Beith said": the party qualifies the man
			if d.isSubject(m, s) {
				return n
			}
			continue
		}
		if d.isSubject(m, s) {
			return m.ent
		}
		if k := m.tok0 - 1; k >= s.first {
			if _, i := d.titleEndingAt(k, s.first); i >= 0 && (i == s.first || clauseBreak(&d.toks[i-1]) || d.entAt(i-1) >= 0) {
				return m.ent
			}
			if d.toks[k].lower == "by" && d.ents[m.ent].typ == kind.Person {
				return m.ent // "was described by Jobs as “...”": the agent
			}
		}
		return -1
	}
	return -1
}
