package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tokKind is the coarse class of a token.
type tokKind uint8

const (
	tWord  tokKind = iota // letters, possibly with digits, inner hyphens and apostrophes, or dotted initials
	tNum                  // starts with a digit
	tPunct                // one punctuation character
	tPoss                 // the possessive 's or ’s
)

// token is one word or punctuation mark. text and lower are substrings of
// the article and of its ASCII-lowercased copy, so tokens allocate nothing.
type token struct {
	start, end int
	text       string
	lower      string
	kind       tokKind
	cap        bool // first letter is upper case
	allCaps    bool // two or more letters, all upper case
	nlBefore   bool // a line break separates it from the previous token
	spaceAfter bool // followed by white space (or the end of the text)
	inQuote    bool // inside double quotation marks
	sent       int32
}

// sentence is a run of tokens. Lines always end sentences; the headline is
// the first line when it does not read as body text.
type sentence struct {
	start, end  int // byte offsets
	first, last int // token indexes, last exclusive
	para        int
	headline    bool
}

// asciiLower lowercases ASCII letters only, so that offsets stay the same.
func asciiLower(s string) string {
	i := 0
	for i < len(s) && !(s[i] >= 'A' && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := []byte(s)
	for ; i < len(b); i++ {
		if c := b[i]; c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func runeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return 0, 0
	}
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

// tokenize splits text into tokens. lower is asciiLower(text).
func tokenize(text, lower string, toks []token) []token {
	nl := false
	inQ := false
	for i := 0; i < len(text); {
		r, size := runeAt(text, i)
		switch {
		case r == '\n':
			nl = true
			inQ = false
			i++
			continue
		case r == ' ' || r == '\t' || r == '\r' || r == 0xA0 || r == 0xFEFF || (r >= utf8.RuneSelf && unicode.IsSpace(r)):
			i += size
			continue
		}
		start := i
		t := token{start: start, nlBefore: nl}
		nl = false
		switch {
		case isWordRune(r):
			i = scanWord(text, i)
			t.kind = tWord
			if r >= '0' && r <= '9' {
				t.kind = tNum
			}
		case isApos(r) && len(toks) > 0 && toks[len(toks)-1].end == i && possAt(text, i+size):
			i += size + 1
			t.kind = tPoss
		default:
			i += size
			t.kind = tPunct
			switch r {
			case '“':
				inQ = true
			case '”':
				inQ = false
			case '"':
				// A straight quote glued to the word before and not to the one
				// after closes; the other way round it opens; else it toggles.
				prevGlued := len(toks) > 0 && toks[len(toks)-1].end == start && toks[len(toks)-1].kind != tPunct ||
					len(toks) > 0 && toks[len(toks)-1].end == start && strings.ContainsAny(toks[len(toks)-1].text, ".,!?;:…")
				nr, _ := runeAt(text, i)
				nextGlued := nr != 0 && !unicode.IsSpace(nr) && nr != ',' && nr != '.' && nr != ';' && nr != ':' && nr != ')'
				switch {
				case prevGlued && !nextGlued:
					inQ = false
				case !prevGlued && nextGlued:
					inQ = true
				default:
					inQ = !inQ
				}
			}
		}
		t.end = i
		t.text = text[start:i]
		t.lower = lower[start:i]
		t.inQuote = inQ && t.kind != tPunct
		if t.kind == tWord {
			t.cap = isUpperRune(r) || innerCap(t.text)
			t.allCaps = t.cap && isAllCaps(t.text)
		}
		if n := len(toks); n > 0 {
			toks[n-1].spaceAfter = toks[n-1].end < start
		}
		toks = append(toks, t)
	}
	if n := len(toks); n > 0 {
		toks[n-1].spaceAfter = true
	}
	return toks
}

// possAt reports whether an apostrophe before i is a possessive 's.
func possAt(text string, i int) bool {
	if i >= len(text) || (text[i] != 's' && text[i] != 'S') {
		return false
	}
	r, _ := runeAt(text, i+1)
	return r == 0 || !isWordRune(r)
}

// scanWord returns the end of the word starting at i.
func scanWord(text string, i int) int {
	start := i
	seg := 0         // letters since the start or the last dot of an initial
	upperSeg := true // the current segment is one upper-case letter
	prevDigit := false
	for i < len(text) {
		r, size := runeAt(text, i)
		if isWordRune(r) {
			if seg == 0 {
				upperSeg = isUpperRune(r)
			}
			seg++
			prevDigit = r >= '0' && r <= '9'
			i += size
			continue
		}
		next, nsize := runeAt(text, i+size)
		switch {
		case r == '.' && seg == 1 && upperSeg && !prevDigit:
			// Initials and dotted acronyms: J., U.S., U.S.A.
			if isWordRune(next) && isUpperRune(next) {
				n2, _ := runeAt(text, i+size+nsize)
				if n2 == '.' {
					i += size
					seg = 0
					continue
				}
			}
			return i + size
		case (r == '.' || r == ',') && prevDigit && next >= '0' && next <= '9':
			i += size
			continue
		case (r == '-' || r == '‑') && isWordRune(next) && i > start:
			i += size
			seg = 0
			continue
		case isApos(r) && isWordRune(next) && i > start && !possAt(text, i+size):
			i += size
			continue
		}
		break
	}
	return i
}

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !isUpperRune(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "prof": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "rev": true, "sen": true, "rep": true, "gov": true, "jr": true,
	"sr": true, "inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "no": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "mt": true, "ft": true, "fr": true, "messrs": true, "e.g": true,
	"i.e": true, "approx": true, "dept": true, "est": true, "fig": true, "maj": true, "adm": true, "cmdr": true,
}

func isClosing(t *token) bool {
	if t.kind != tPunct {
		return false
	}
	switch t.text {
	case "”", "\"", "’", "'", ")", "]":
		return true
	}
	return false
}

// splitSentences groups tokens into sentences and marks the headline.
func splitSentences(toks []token, sents []sentence) []sentence {
	para := 0
	first := 0
	flush := func(last int) {
		if last <= first {
			return
		}
		sents = append(sents, sentence{start: toks[first].start, end: toks[last-1].end, first: first, last: last, para: para})
		for k := first; k < last; k++ {
			toks[k].sent = int32(len(sents) - 1)
		}
		first = last
	}
	for k := 0; k < len(toks); k++ {
		if toks[k].nlBefore && k > first {
			flush(k)
			para++
		} else if toks[k].nlBefore && k > 0 {
			para++
		}
		t := &toks[k]
		if t.kind != tPunct || (t.text != "." && t.text != "!" && t.text != "?") {
			continue
		}
		if t.text == "." && k > 0 {
			p := &toks[k-1]
			if p.end == t.start && p.kind == tWord && abbreviations[p.lower] {
				continue
			}
		}
		e := k + 1
		for e < len(toks) && !toks[e].nlBefore && isClosing(&toks[e]) && toks[e].start == toks[e-1].end {
			e++
		}
		if e >= len(toks) || toks[e].nlBefore {
			continue // the line break ends it
		}
		n := &toks[e]
		r, _ := runeAt(n.text, 0)
		switch {
		case n.kind == tWord && isUpperRune(r):
			if n.start == toks[e-1].end && !(k > 0 && toks[k-1].kind == tWord && len(toks[k-1].text) > 1 && !toks[k-1].cap) {
				continue // "U.S.Army", "Yahoo.Com": no space, not a sentence break
			}
		case n.kind == tNum && toks[e-1].spaceAfter:
		case n.kind == tPunct && (n.text == "“" || n.text == "\"" || n.text == "‘" || n.text == "(") && toks[e-1].spaceAfter:
		default:
			continue
		}
		flush(e)
		k = e - 1
	}
	flush(len(toks))
	markHeadline(toks, sents)
	return sents
}

// markHeadline marks the first line as a headline when it is short, is
// followed by more text and does not end like a sentence of body text.
func markHeadline(toks []token, sents []sentence) {
	if len(sents) < 2 || sents[0].para != 0 {
		return
	}
	last := 0
	for last < len(sents) && sents[last].para == 0 {
		last++
	}
	if last == len(sents) {
		return
	}
	end := sents[last-1].last - 1
	words := 0
	for k := 0; k <= end; k++ {
		if toks[k].kind == tWord || toks[k].kind == tNum {
			words++
		}
	}
	if words > 30 {
		return
	}
	if t := toks[end]; t.text == "." || (isClosing(&t) && end > 0 && toks[end-1].text == ".") {
		return
	}
	for i := 0; i < last; i++ {
		sents[i].headline = true
	}
}

// innerCap reports a lower-case initial followed by a capital in the first
// letters, as brand names are written: eBay, iPod, iTunes.
func innerCap(s string) bool {
	return len(s) > 3 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'A' && s[1] <= 'Z' && s[2] >= 'a' && s[2] <= 'z'
}
