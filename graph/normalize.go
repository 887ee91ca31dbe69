package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph/internal/dates"
)

// honorifics are dropped from the front of a name for lookup: "Mr Yun" is
// found under "yun".
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "mx": true, "dr": true,
	"prof": true, "professor": true, "sir": true, "dame": true, "lord": true,
	"lady": true, "rev": true, "the": true,
}

// NormName is the lookup form of a name: lower case, punctuation and
// hyphens turned into spaces, leading honorifics and "the" dropped.
// "Mr. Kim Jong-un" and "kim jong un" have the same NormName.
func NormName(s string) string {
	words := splitWords(s)
	for len(words) > 1 && honorifics[words[0]] {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// splitWords lower-cases s and splits it on anything that is not a letter
// or digit. Apostrophes inside a word are dropped ("don't" -> "dont").
func splitWords(s string) []string {
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '‘':
			// inside a word: skip; "Trump's" -> "trumps" is good enough for lookup
		default:
			flush()
		}
	}
	flush()
	return words
}

// NormQuote is the merge key of a quote's text: lower case, quotation marks,
// ellipses ("…" or "..."), other punctuation and runs of white space
// removed. Two outlets reporting the same words get the same NormQuote.
func NormQuote(s string) string { return strings.Join(splitWords(s), " ") }

// quoteWords are the distinct indexable words of a normalised quote.
func quoteWords(norm string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range strings.Fields(norm) {
		if seen[w] || len(w) > 64 {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

// slug makes the readable part of an entity ID.
func slug(name string) string {
	w := splitWords(name)
	s := strings.Join(w, "-")
	if len(s) > 60 {
		s = s[:60]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	if s == "" {
		s = "x"
	}
	return s
}

func shortHash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// ParseDate checks a date of the form YYYY, YYYY-MM or YYYY-MM-DD and
// returns it unchanged. "" is allowed and means no date.
func ParseDate(s string) (string, error) {
	if s != "" && !dates.Valid(s) {
		return "", fmt.Errorf("%w %q: want YYYY, YYYY-MM or YYYY-MM-DD", ErrBadDate, s)
	}
	return s, nil
}

// cleanDate returns s if it is a valid date and "" otherwise: dates coming
// from the extractor are trusted only when well formed.
func cleanDate(s string) string {
	d, err := ParseDate(s)
	if err != nil {
		return ""
	}
	return d
}

// dateRange is a closed window of days; empty ends are open.
type dateRange struct{ from, to string }

func newDateRange(from, to string) (dateRange, error) {
	f, err := ParseDate(from)
	if err != nil {
		return dateRange{}, fmt.Errorf("from: %w", err)
	}
	t, err := ParseDate(to)
	if err != nil {
		return dateRange{}, fmt.Errorf("to: %w", err)
	}
	return dateRange{from: f, to: t}, nil
}

func (r dateRange) any() bool { return r.from != "" || r.to != "" }

// contains reports whether the whole of date d lies inside the window: a
// quote dated "2017-10" is inside October 2017, but one dated "2017" is not
// inside a single day of it. Undated facts are outside any bounded window.
func (r dateRange) contains(d string) bool {
	if !r.any() {
		return true
	}
	if d == "" {
		return false
	}
	if r.from != "" && dates.Start(d) < dates.Start(r.from) {
		return false
	}
	if r.to != "" && dates.End(d) > dates.End(r.to) {
		return false
	}
	return true
}

// overlaps reports whether any of the dates falls inside the window.
func (r dateRange) overlaps(dates []string) bool {
	if !r.any() {
		return true
	}
	for _, d := range dates {
		if r.contains(d) {
			return true
		}
	}
	return false
}

// scanStart is the first date key a date-ordered index scan must visit: a
// partial date sorts before the days it covers ("2017-10" < "2017-10-01"),
// so a window starting on the first of a month starts at the month.
func (r dateRange) scanStart() string {
	f := r.from
	if f == "" {
		return ""
	}
	f = dates.Start(f)
	if strings.HasSuffix(f, "-01") {
		f = f[:7]
		if strings.HasSuffix(f, "-01") {
			f = f[:4]
		}
	}
	return f
}

// scanEnd is a key bound above every date inside the window.
func (r dateRange) scanEnd() string {
	if r.to == "" {
		return "\xff"
	}
	return dates.End(r.to) + "\xff"
}

// addDate inserts d into the sorted distinct list ds.
func addDate(ds []string, d string) []string {
	if d == "" {
		return ds
	}
	i := 0
	for i < len(ds) && ds[i] < d {
		i++
	}
	if i < len(ds) && ds[i] == d {
		return ds
	}
	ds = append(ds, "")
	copy(ds[i+1:], ds[i:])
	ds[i] = d
	return ds
}

func minDate(a, b string) string {
	if a == "" || (b != "" && b < a) {
		return b
	}
	return a
}

func maxDate(a, b string) string {
	if b > a {
		return b
	}
	return a
}

// shiftDate moves the first day of date d by days; d must be valid.
func shiftDate(d string, days int) string {
	t, err := time.Parse("2006-01-02", dates.Start(d))
	if err != nil {
		return d
	}
	return t.AddDate(0, 0, days).Format("2006-01-02")
}
