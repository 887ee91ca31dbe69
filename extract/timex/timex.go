// Package timex finds expressions of time in news text ("October 17",
// "in June", "this year", "on Tuesday", "Twelve days later", "in 2016") and
// resolves them to calendar dates against the publication date and the
// dates mentioned before them.
//
// Find scans the text once, splitting it into word, number and punctuation
// tokens, and matches short token patterns at each token that can start a
// time expression. It uses no regular expressions and allocates little
// beyond the tokens and the result.
//
// # Resolution
//
// News mostly reports the past, so expressions without a year are placed
// in the publication year unless that puts them more than a month after
// publication, in which case they go to the year before. A bare weekday
// ("on Tuesday") is the latest such day strictly before publication
// ("next Tuesday", and a weekday after "will", "is due to" or "is
// expected to" in the same clause, the first one after). "N days later/earlier" counts from
// the latest date resolved before it in the text; "N days ago" counts from
// publication.
//
// Vague expressions ("days later", "recently", "soon", "the 1990s") are not
// returned. Expressions that are recognised but cannot be resolved (no
// publication date, or nothing earlier in the text to count from) are
// returned with Value "".
package timex

import (
	"strconv"
	"time"
)

// Precision is how much of a date is known.
type Precision int

const (
	Year Precision = iota + 1
	Month
	Day
)

func (p Precision) String() string {
	switch p {
	case Year:
		return "year"
	case Month:
		return "month"
	case Day:
		return "day"
	}
	return "Precision(" + strconv.Itoa(int(p)) + ")"
}

// Expr is one time expression.
type Expr struct {
	Start, End int    // byte offsets of the expression in the text, End exclusive
	Text       string // the expression as written
	Value      string // resolved date: YYYY, YYYY-MM or YYYY-MM-DD; "" if it could not be resolved
	Precision  Precision
	Relative   bool // resolved from another date ("Twelve days later", "on Tuesday", "this year"), or given its year by publication ("in June")
}

// Find returns the time expressions of text in text order. published is the
// article's publication date (YYYY[-MM[-DD]]), or "" when unknown, in which
// case expressions that need it stay unresolved.
// Find is safe for concurrent use.
func Find(text, published string) []Expr {
	s := scanner{text: text, toks: tokenize(text, nil)}
	s.pub, s.pubPrec = parseDate(published)
	if s.pub.y < 1000 {
		// No news is dated then, and counting back from such a year
		// could leave the four digits of YYYY.
		s.pubPrec = 0
	}
	s.run()
	return s.out
}

// date is a calendar date at some precision; fields below the precision
// are 1.
type date struct {
	y, m, d int
}

func (d date) time() time.Time { return time.Date(d.y, time.Month(d.m), d.d, 12, 0, 0, 0, time.UTC) }

func fromTime(t time.Time) date { return date{t.Year(), int(t.Month()), t.Day()} }

func (d date) format(p Precision) string {
	b := make([]byte, 0, 10)
	b = appendPad(b, d.y, 4)
	if p >= Month {
		b = append(b, '-')
		b = appendPad(b, d.m, 2)
	}
	if p >= Day {
		b = append(b, '-')
		b = appendPad(b, d.d, 2)
	}
	return string(b)
}

func appendPad(b []byte, n, width int) []byte {
	var tmp [8]byte
	i := len(tmp)
	for n > 0 || i == len(tmp) {
		i--
		tmp[i] = byte('0' + n%10)
		n /= 10
	}
	for k := len(tmp) - i; k < width; k++ {
		b = append(b, '0')
	}
	return append(b, tmp[i:]...)
}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD; precision 0 means invalid.
func parseDate(s string) (date, Precision) {
	num := func(s string) int {
		n := 0
		for i := 0; i < len(s); i++ {
			if s[i] < '0' || s[i] > '9' {
				return -1
			}
			n = n*10 + int(s[i]-'0')
		}
		return n
	}
	if len(s) < 4 {
		return date{}, 0
	}
	y := num(s[:4])
	if y < 1 {
		return date{}, 0
	}
	if len(s) == 4 {
		return date{y, 1, 1}, Year
	}
	if len(s) < 7 || s[4] != '-' {
		return date{}, 0
	}
	m := num(s[5:7])
	if m < 1 || m > 12 {
		return date{}, 0
	}
	if len(s) == 7 {
		return date{y, m, 1}, Month
	}
	if len(s) != 10 || s[7] != '-' {
		return date{}, 0
	}
	d := num(s[8:10])
	if d < 1 || d > daysIn(y, m) {
		return date{}, 0
	}
	return date{y, m, d}, Day
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
