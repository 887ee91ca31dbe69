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
		switch {
		case q.Continues && len(d.outQuotes) > 0:
			spk = d.outQuotes[len(d.outQuotes)-1].speaker
		case q.Form == quote.Named:
			spk = d.namedSpeaker(q.Speaker)
		case q.Form == quote.Pronoun:
			spk = d.pronounSpeaker(q.Speaker)
		case q.Form == quote.Nominal:
			spk = d.nominalSpeaker(q.Speaker)
		case q.Form == quote.NoSpeaker && len(d.outQuotes) > 0:
			prev := d.outQuotes[len(d.outQuotes)-1]
			if para-prev.para <= 1 {
				spk = prev.speaker
				conf *= 0.7
			}
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
		rec := quoteRec{Quote: Quote{Text: q.Text, Cue: q.Cue, Direct: q.Direct, Date: date, Start: q.Start, End: q.End,
			Confidence: round2(conf)}, speaker: spk, para: para}
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
	for i := d.mentionAt(sp.Start); i < len(d.order); i++ {
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
	lastWord := strings.ToLower(strings.Trim(words[len(words)-1], ".,’'"))
	for i := range d.ents {
		e := &d.ents[i]
		if e.typ == kind.Person && len(e.nameToks) > 0 && e.nameToks[len(e.nameToks)-1] == lastWord {
			return i
		}
	}
	return -1
}

// pronounSpeaker is the most recent compatible entity before the pronoun,
// skipping what is said inside quotation marks.
func (d *doc) pronounSpeaker(sp quote.Span) int {
	p := strings.ToLower(strings.TrimSpace(sp.Text))
	wantPerson := p != "they" && p != "it" && p != "we"
	for i := d.mentionAt(sp.Start) - 1; i >= 0; i-- {
		m := &d.ms[d.order[i]]
		if m.ent < 0 || d.inDirectQuote(m.start) {
			continue
		}
		t := d.ents[m.ent].typ
		if wantPerson && t == kind.Person {
			return m.ent
		}
		if !wantPerson && (t == kind.Org || (t == kind.Place && !m.fromLex) || (t == kind.Place && m.metonym)) {
			return m.ent
		}
	}
	return -1
}

// nominalSpeaker resolves "the official", "a spokesman", "the minister".
func (d *doc) nominalSpeaker(sp quote.Span) int {
	for i := d.mentionAt(sp.Start); i < len(d.order); i++ {
		m := &d.ms[d.order[i]]
		if m.start >= sp.End {
			break
		}
		if m.nominal && m.ent >= 0 {
			return m.ent
		}
	}
	words := strings.Fields(strings.ToLower(sp.Text))
	if len(words) == 0 {
		return -1
	}
	head := strings.Trim(words[len(words)-1], ".,’'")
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
	return best
}
