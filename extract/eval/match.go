package eval

import (
	"sort"
	"strings"
	"unicode"
)

// MinOverlap is the token overlap (Dice coefficient) above which two quote
// texts that do not contain one another still match. 0.6 accepts a quote
// whose ends were cut differently but not two quotes that merely share a
// subject.
const MinOverlap = 0.6

var quoteReplacer = strings.NewReplacer(
	"\u201c", " ", "\u201d", " ", "\u201e", " ", "\u00ab", " ", "\u00bb", " ", `"`, " ",
	"\u2018", "'", "\u2019", "'", "\u2032", "'",
	"\u2026", " ", "...", " ",
	"\u2013", "-", "\u2014", "-",
)

// Normalize returns s as quote texts are compared: lower case, straight
// apostrophes, no quotation marks or ellipses, single spaces, and no
// punctuation or single quotes at either end.
func Normalize(s string) string {
	s = quoteReplacer.Replace(s)
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || unicode.IsSymbol(r)
	})
}

// Tokens splits a normalised text into words: runs of letters and digits,
// keeping apostrophes and hyphens inside a word.
func Tokens(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		w := strings.Trim(b.String(), "'-")
		if w != "" {
			out = append(out, w)
		}
		b.Reset()
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '-' || r == '%':
			b.WriteRune(unicode.ToLower(r))
		default:
			flush()
		}
	}
	flush()
	return out
}

// Overlap is the Dice coefficient of the word multisets of a and b:
// 2|A∩B| / (|A|+|B|), 0 when both are empty.
func Overlap(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, w := range a {
		count[w]++
	}
	common := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// containsWords reports whether the word sequence short occurs in long.
func containsWords(long, short []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
outer:
	for i := 0; i+len(short) <= len(long); i++ {
		for j, w := range short {
			if long[i+j] != w {
				continue outer
			}
		}
		return true
	}
	return false
}

// QuoteSimilarity scores how well two quote texts match: 0 when they do not
// match, 1 when they are equal after Normalize, 0.5 to 1 when one contains the
// other (more the closer their lengths), and the overlap itself when it
// reaches MinOverlap.
func QuoteSimilarity(a, b string) float64 {
	ta, tb := Tokens(Normalize(a)), Tokens(Normalize(b))
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	if strings.Join(ta, " ") == strings.Join(tb, " ") {
		return 1
	}
	short, long := ta, tb
	if len(short) > len(long) {
		short, long = long, short
	}
	if containsWords(long, short) {
		return 0.5 + 0.5*float64(len(short))/float64(len(long))
	}
	if o := Overlap(ta, tb); o >= MinOverlap {
		return o
	}
	return 0
}

// Pair is one matched couple: index into the gold list and into the
// predicted list.
type Pair struct{ Gold, Pred int }

// MatchOneToOne pairs gold and predicted items best first. sim returns the
// similarity of gold i and predicted j (0: no match); dist breaks ties, lower
// first (for example the distance between offsets), and may be nil.
// Each gold and each predicted item is used at most once.
func MatchOneToOne(nGold, nPred int, sim func(g, p int) float64, dist func(g, p int) int) []Pair {
	type cand struct {
		g, p int
		s    float64
		d    int
	}
	var cs []cand
	for g := 0; g < nGold; g++ {
		for p := 0; p < nPred; p++ {
			if s := sim(g, p); s > 0 {
				d := 0
				if dist != nil {
					d = dist(g, p)
				}
				cs = append(cs, cand{g, p, s, d})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].s != cs[j].s {
			return cs[i].s > cs[j].s
		}
		if cs[i].d != cs[j].d {
			return cs[i].d < cs[j].d
		}
		if cs[i].g != cs[j].g {
			return cs[i].g < cs[j].g
		}
		return cs[i].p < cs[j].p
	})
	usedG, usedP := map[int]bool{}, map[int]bool{}
	var out []Pair
	for _, c := range cs {
		if usedG[c.g] || usedP[c.p] {
			continue
		}
		usedG[c.g], usedP[c.p] = true, true
		out = append(out, Pair{c.g, c.p})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Gold < out[j].Gold })
	return out
}

var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "dame": true,
	"lord": true, "lady": true, "professor": true, "prof": true, "rev": true, "the": true,
}

// NormalizeName returns a name as names are compared: lower case, words
// only, no leading honorific (Mr, Sir, Professor) or article, no possessive
// 's.
func NormalizeName(s string) string {
	ws := nameWords(s)
	for len(ws) > 1 && honorifics[ws[0]] {
		ws = ws[1:]
	}
	return strings.Join(ws, " ")
}

func nameWords(s string) []string {
	s = quoteReplacer.Replace(s)
	var ws []string
	for _, w := range Tokens(s) {
		w = strings.TrimSuffix(w, "'s")
		w = strings.TrimSuffix(w, "'")
		if w != "" {
			ws = append(ws, w)
		}
	}
	return ws
}

// fillers are words ignored when comparing anonymous sources.
var fillers = map[string]bool{"a": true, "an": true, "the": true, "for": true, "of": true, "at": true, "one": true, "its": true, "his": true, "her": true, "their": true}

func contentWords(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range nameWords(s) {
		if !fillers[w] && !honorifics[w] {
			out[w] = true
		}
	}
	return out
}

// subset reports whether every word of a is in b; false when a is empty.
func subset(a, b map[string]bool) bool {
	if len(a) == 0 {
		return false
	}
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// lastWord is the last word of a normalised name.
func lastWord(n string) string {
	if i := strings.LastIndexByte(n, ' '); i >= 0 {
		return n[i+1:]
	}
	return n
}
