package timex

import (
	"time"
	"unicode/utf8"
)

type tkind uint8

const (
	tWord  tkind = iota + 1 // a run of ASCII letters
	tNum                    // a run of ASCII digits
	tPunct                  // any other single non-space rune
)

type tok struct {
	start, end int
	k          tkind
}

// tokenize splits text into words, numbers and punctuation, appending to
// buf. Non-ASCII runes are punctuation tokens of their own: nothing this
// package looks for is spelled with them.
func tokenize(text string, buf []tok) []tok {
	if buf == nil {
		buf = make([]tok, 0, len(text)/5+1)
	}
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			i++
		case isLetter(c):
			j := i + 1
			for j < len(text) && isLetter(text[j]) {
				j++
			}
			buf = append(buf, tok{i, j, tWord})
			i = j
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(text) && text[j] >= '0' && text[j] <= '9' {
				j++
			}
			buf = append(buf, tok{i, j, tNum})
			i = j
		case c < utf8.RuneSelf:
			buf = append(buf, tok{i, i + 1, tPunct})
			i++
		default:
			_, n := utf8.DecodeRuneInString(text[i:])
			if r, _ := utf8.DecodeRuneInString(text[i:]); r == '\u00a0' {
				i += n
				continue
			}
			buf = append(buf, tok{i, i + n, tPunct})
			i += n
		}
	}
	return buf
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// monthAbbrevs are only dates when a day or a year follows ("Jan 2005",
// "Oct. 17"): alone they are names and words.
var monthAbbrevs = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// ambiguousMonths are also common words or names (Theresa May, to march,
// august company) and need a preposition before them to stand alone.
var ambiguousMonths = map[int]bool{3: true, 5: true, 8: true}

var weekdays = map[string]time.Weekday{
	"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
	"sunday": time.Sunday,
}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
	"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60,
}

type unit uint8

const (
	uDay unit = iota + 1
	uWeek
	uFortnight
	uMonth
	uYear
)

var units = map[string]unit{
	"day": uDay, "days": uDay, "week": uWeek, "weeks": uWeek, "fortnight": uFortnight,
	"month": uMonth, "months": uMonth, "year": uYear, "years": uYear,
}

// quantityWords before a four-digit number make it a count, not a year.
var quantityWords = map[string]bool{
	"than": true, "about": true, "around": true, "some": true, "nearly": true,
	"almost": true, "approximately": true, "roughly": true, "least": true,
	"over": true, "under": true, "only": true, "just": true, "additional": true,
	"extra": true, "another": true, "more": true, "top": true, "number": true,
	"no": true, "least,": true, "estimated": true, "those": true,
}

// yearPrepositions let an ambiguous month stand alone ("in May").
var monthPrepositions = map[string]bool{
	"in": true, "since": true, "until": true, "till": true, "during": true,
	"through": true, "early": true, "late": true, "mid": true, "last": true,
	"next": true, "this": true, "from": true, "of": true, "by": true,
	"before": true, "after": true, "end": true, "start": true,
}

// scanner holds the state of one Find call.
type scanner struct {
	text    string
	toks    []tok
	pub     date
	pubPrec Precision
	// anchor is the latest date resolved in the text at month or day
	// precision, which "N days later" counts from.
	anchor     date
	anchorPrec Precision
	out        []Expr
	buf        [16]byte
}

func (s *scanner) run() {
	for i := 0; i < len(s.toks); {
		if n := s.match(i); n > 0 {
			i += n
		} else {
			i++
		}
	}
}

// lower returns the lower-cased word at token i in s.buf; ok is false for
// non-words and words too long to be in any lexicon. The result is only
// valid until the next call.
func (s *scanner) lower(i int) ([]byte, bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].k != tWord {
		return nil, false
	}
	t := s.toks[i]
	if t.end-t.start > len(s.buf) {
		return nil, false
	}
	n := 0
	for j := t.start; j < t.end; j++ {
		s.buf[n] = s.text[j] | 0x20
		n++
	}
	return s.buf[:n], true
}

func (s *scanner) lookup(m map[string]int, i int) (int, bool) {
	w, ok := s.lower(i)
	if !ok {
		return 0, false
	}
	v, ok := m[string(w)]
	return v, ok
}

func (s *scanner) is(i int, word string) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].k != tWord {
		return false
	}
	t := s.toks[i]
	if t.end-t.start != len(word) {
		return false
	}
	for j := 0; j < len(word); j++ {
		if s.text[t.start+j]|0x20 != word[j] {
			return false
		}
	}
	return true
}

func (s *scanner) punct(i int, c byte) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].k == tPunct && s.text[s.toks[i].start] == c
}

func (s *scanner) capital(i int) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].k == tWord && s.text[s.toks[i].start] <= 'Z'
}

// adjacent reports whether tokens i and i+1 touch, with no space between.
func (s *scanner) adjacent(i int) bool {
	return i+1 < len(s.toks) && s.toks[i].end == s.toks[i+1].start
}

func (s *scanner) num(i int) (int, int, bool) {
	if i < 0 || i >= len(s.toks) || s.toks[i].k != tNum {
		return 0, 0, false
	}
	t := s.toks[i]
	if t.end-t.start > 6 {
		return 0, 0, false
	}
	n := 0
	for j := t.start; j < t.end; j++ {
		n = n*10 + int(s.text[j]-'0')
	}
	return n, t.end - t.start, true
}

func (s *scanner) month(i int) (m int, abbrev bool, ok bool) {
	if !s.capital(i) {
		return 0, false, false
	}
	if m, ok := s.lookup(months, i); ok {
		return m, false, true
	}
	if m, ok := s.lookup(monthAbbrevs, i); ok {
		return m, true, true
	}
	return 0, false, false
}

func (s *scanner) weekday(i int) (time.Weekday, bool) {
	if !s.capital(i) {
		return 0, false
	}
	w, ok := s.lower(i)
	if !ok {
		return 0, false
	}
	d, ok := weekdays[string(w)]
	return d, ok
}

func (s *scanner) unit(i int) (unit, bool) {
	w, ok := s.lower(i)
	if !ok {
		return 0, false
	}
	u, ok := units[string(w)]
	return u, ok
}

// year reads a four-digit year at token i.
func (s *scanner) year(i int) (int, bool) {
	n, width, ok := s.num(i)
	if !ok || width != 4 || n < 1800 || n > 2100 {
		return 0, false
	}
	return n, true
}

// day reads a day of the month at token i, with its ordinal suffix; it
// returns the number of tokens used.
func (s *scanner) day(i int) (int, int, bool) {
	n, width, ok := s.num(i)
	if !ok || width > 2 || n < 1 || n > 31 {
		return 0, 0, false
	}
	if s.adjacent(i) && s.toks[i+1].k == tWord {
		if s.is(i+1, "st") || s.is(i+1, "nd") || s.is(i+1, "rd") || s.is(i+1, "th") {
			return n, 2, true
		}
		return 0, 0, false // 5pm, 10km
	}
	return n, 1, true
}

// emit appends an expression covering tokens [i, j] and moves the anchor.
func (s *scanner) emit(i, j int, d date, p Precision, resolved, relative bool) {
	e := Expr{Start: s.toks[i].start, End: s.toks[j].end, Precision: p, Relative: relative}
	e.Text = s.text[e.Start:e.End]
	if resolved {
		e.Value = d.format(p)
		if p >= Month || s.anchorPrec == 0 {
			s.anchor, s.anchorPrec = d, p
		}
	}
	s.out = append(s.out, e)
}

// match tries every pattern at token i and returns how many tokens the
// expression found there used, or 0.
func (s *scanner) match(i int) int {
	t := s.toks[i]
	switch t.k {
	case tNum:
		return s.matchNumber(i)
	case tWord:
	default:
		return 0
	}
	if n := s.matchMonth(i, i); n > 0 {
		return n
	}
	if n := s.matchWeekday(i, i, 0); n > 0 {
		return n
	}
	w, ok := s.lower(i)
	if !ok {
		return 0
	}
	switch string(w) {
	case "yesterday", "today", "tonight", "tomorrow":
		if s.capital(i) && i > 0 && s.toks[i-1].k == tWord {
			return 0 // What Happens Tomorrow: a title
		}
	}
	switch string(w) {
	case "yesterday":
		return s.emitPub(i, i, -1)
	case "today", "tonight":
		if s.capital(i) && (s.possessed(i) || s.is(i+1, "programme") || s.is(i+1, "show")) {
			return 0 // BBC Radio 4's Today programme
		}
		return s.emitPub(i, i, 0)
	case "tomorrow":
		return s.emitPub(i, i, 1)
	case "last", "this", "next":
		return s.matchDeictic(i, i)
	case "earlier", "later":
		// "earlier this year"
		if s.is(i+1, "this") {
			if n := s.matchDeictic(i, i+1); n > 0 {
				return n + 1
			}
		}
		return 0
	case "early", "late", "mid":
		j := i + 1
		if s.punct(j, '-') && s.adjacent(i) {
			j++
		}
		if n := s.matchMonth(i, j); n > 0 {
			return n + j - i
		}
		if y, ok := s.year(j); ok && !s.adjacentWord(j) {
			s.emit(i, j, date{y, 1, 1}, Year, true, false)
			return j - i + 1
		}
		return 0
	case "the":
		return s.matchThe(i)
	}
	if n, ok := numberWords[string(w)]; ok {
		return s.matchOffset(i, i+1, n)
	}
	if _, ok := units[string(w)]; ok && (s.is(i+1, "later") || s.is(i+1, "earlier")) {
		return 2 // "days later": vague, and not to be read again as anything else
	}
	return 0
}

// possessed reports whether the word at token i follows a possessive
// ("BBC Radio 4's Today").
func (s *scanner) possessed(i int) bool {
	return i >= 2 && s.is(i-1, "s") && s.toks[i-2].k == tPunct && s.toks[i-2].end == s.toks[i-1].start
}

func (s *scanner) adjacentWord(i int) bool {
	return s.adjacent(i) && s.toks[i+1].k == tWord
}

// emitPub emits a day counted from the publication date.
func (s *scanner) emitPub(i, j, days int) int {
	if s.pubPrec < Day {
		s.emit(i, j, date{}, Day, false, true)
	} else {
		s.emit(i, j, fromTime(s.pub.time().AddDate(0, 0, days)), Day, true, true)
	}
	return j - i + 1
}

// matchNumber handles expressions starting with digits: ISO dates, "17
// October [2005]", years, "3 days later".
func (s *scanner) matchNumber(i int) int {
	// 2005-01-02
	if y, ok := s.year(i); ok && s.punct(i+1, '-') && s.adjacent(i) && s.adjacent(i+1) {
		m, mw, ok1 := s.num(i + 2)
		if ok1 && mw == 2 && m >= 1 && m <= 12 && s.punct(i+3, '-') && s.adjacent(i+2) && s.adjacent(i+3) {
			if d, dw, ok2 := s.num(i + 4); ok2 && dw == 2 && d >= 1 && d <= daysIn(y, m) && !s.adjacent(i+4) {
				s.emit(i, i+4, date{y, m, d}, Day, true, false)
				return 5
			}
		}
	}
	// 17 October [2005], 17th of October
	if d, n, ok := s.day(i); ok {
		j := i + n
		if s.is(j, "of") {
			j++
		}
		if m, abbrev, ok := s.month(j); ok {
			if abbrev && s.punct(j+1, '.') && s.adjacent(j) {
				j++
			}
			if d <= daysIn(2000, m) { // leap-year safe: 29 February is checked against the year below
				k := j + 1
				if y, ok := s.year(k); ok && !s.adjacentWord(k) {
					if d > daysIn(y, m) {
						return 0
					}
					s.emit(i, k, date{y, m, d}, Day, true, false)
					return k - i + 1
				}
				s.emitMonthDay(i, j, m, d)
				return j - i + 1
			}
		}
	}
	if y, ok := s.year(i); ok {
		return s.matchYear(i, y)
	}
	if n, width, ok := s.num(i); ok && width <= 3 && !s.adjacent(i) {
		return s.matchOffset(i, i+1, n)
	}
	return 0
}

func (s *scanner) matchYear(i, y int) int {
	if s.adjacentWord(i) {
		return 1 // 1990s, 2000m, 2004bn
	}
	if s.adjacent(i) && s.punct(i+1, '%') {
		return 1
	}
	if p := i - 1; p >= 0 && s.toks[p].k == tPunct && s.toks[p].end == s.toks[i].start {
		switch s.text[s.toks[p].start:s.toks[p].end] {
		case "$", "£", "€", "#", "'", "’", ",", ".", "/":
			return 1
		}
	}
	if w, ok := s.lower(i - 1); ok && quantityWords[string(w)] {
		return 1
	}
	if s.is(i-1, "the") && s.adjacent(i) && s.punct(i+1, '\'') {
		return 1 // the 1990's
	}
	s.emit(i, i, date{y, 1, 1}, Year, true, false)
	return 1
}

// matchMonth handles expressions whose month name is at token j; the
// expression starts at token i (before j when a modifier precedes).
func (s *scanner) matchMonth(i, j int) int {
	m, abbrev, ok := s.month(j)
	if !ok {
		return 0
	}
	k := j + 1
	if abbrev && s.punct(k, '.') && s.adjacent(j) {
		k++
	}
	// October 17[th][, 2017]
	if d, n, ok := s.day(k); ok && d <= daysIn(2000, m) && !(s.adjacent(k+n-1) && s.punct(k+n, ':')) {
		e := k + n - 1
		yk := e + 1
		if s.punct(yk, ',') {
			yk++
		}
		if y, ok := s.year(yk); ok && !s.adjacentWord(yk) {
			if d > daysIn(y, m) {
				return 0
			}
			s.emit(i, yk, date{y, m, d}, Day, true, false)
			return yk - i + 1
		}
		s.emitMonthDay(i, e, m, d)
		return e - i + 1
	}
	// October 2017
	if y, ok := s.year(k); ok && !s.adjacentWord(k) {
		s.emit(i, k, date{y, m, 1}, Month, true, false)
		return k - i + 1
	}
	if abbrev {
		return 0
	}
	if i == j {
		if s.capital(j+1) && !s.is(j+1, "I") {
			return 0 // a name: June Whitfield, the April Fools
		}
		if ambiguousMonths[m] {
			if m == 5 && s.adjacent(j) && (s.punct(j+1, '\'') || s.text[s.toks[j+1].start] == 0xe2) {
				return 0 // May's chairman: a company or a person
			}
			w, ok := s.lower(j - 1)
			if !ok || !monthPrepositions[string(w)] {
				return 0
			}
		}
	}
	s.emitMonth(i, j, m)
	return j - i + 1
}

// emitMonthDay emits a month and day without a year.
func (s *scanner) emitMonthDay(i, j, m, d int) {
	if s.pubPrec == 0 {
		s.emit(i, j, date{}, Day, false, true)
		return
	}
	y := s.pub.y
	if s.pubPrec >= Month {
		limit := s.pub.time().AddDate(0, 1, 0)
		if (date{y, m, d}).time().After(limit) {
			y--
		}
	}
	if d > daysIn(y, m) {
		return
	}
	s.emit(i, j, date{y, m, d}, Day, true, true)
}

// emitMonth emits a month without a year.
func (s *scanner) emitMonth(i, j, m int) {
	if s.pubPrec == 0 {
		s.emit(i, j, date{}, Month, false, true)
		return
	}
	y := s.pub.y
	if s.pubPrec >= Month && m > s.pub.m+1 {
		y--
	}
	s.emit(i, j, date{y, m, 1}, Month, true, true)
}

// matchWeekday handles a weekday at token j, the expression starting at
// token i; dir is -1 for "last", +1 for "next", 0 for a bare weekday.
func (s *scanner) matchWeekday(i, j, dir int) int {
	wd, ok := s.weekday(j)
	if !ok {
		return 0
	}
	k := j + 1
	if s.punct(k, ',') {
		k++
	}
	// "Tuesday, October 17": the date says it all.
	if n := s.matchMonth(i, k); n > 0 {
		return n
	}
	if _, n, ok := s.day(k); ok {
		if _, _, ok := s.month(k + n); ok || s.is(k+n, "of") {
			if n := s.matchNumber(k); n > 0 {
				return n + k - i
			}
		}
	}
	if i == j && s.capital(j+1) && !s.is(j+1, "I") {
		if _, _, ok := s.month(j + 1); !ok {
			return 0 // the Sunday Times, Bloody Sunday
		}
	}
	if s.pubPrec < Day {
		s.emit(i, j, date{}, Day, false, true)
		return j - i + 1
	}
	if dir == 0 && s.future(i) {
		dir = 1 // the vote will take place on Thursday
	}
	pub := s.pub.time()
	diff := int(wd - pub.Weekday())
	switch {
	case dir > 0:
		if diff <= 0 {
			diff += 7
		}
	default:
		if diff >= 0 {
			diff -= 7
		}
	}
	s.emit(i, j, fromTime(pub.AddDate(0, 0, diff)), Day, true, true)
	return j - i + 1
}

// future reports whether the clause before token i speaks of the future:
// "will", "is due to", "is expected to" a few words before, in the same
// sentence.
func (s *scanner) future(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 8; k-- {
		t := s.toks[k]
		if t.k == tPunct {
			switch s.text[t.start] {
			case '.', '!', '?', ';', '"':
				return false
			}
			continue
		}
		if s.is(k, "will") || s.is(k, "shall") || s.is(k, "ll") || s.is(k, "plans") {
			return true
		}
		if (s.is(k, "due") || s.is(k, "expected") || s.is(k, "scheduled") || s.is(k, "set") || s.is(k, "going")) &&
			(s.is(k-1, "is") || s.is(k-1, "are") || s.is(k-1, "s")) && s.is(k+1, "to") {
			return true // is due to appear, is expected to vote
		}
		if s.is(k, "said") || s.is(k, "was") || s.is(k, "were") || s.is(k, "had") || s.is(k, "did") {
			return false // a past verb nearer the date governs it
		}
	}
	return false
}

// matchDeictic handles "last/this/next" at token j (token i starts the
// expression): "last year", "this month", "next June", "last Tuesday".
func (s *scanner) matchDeictic(i, j int) int {
	dir := 0
	switch {
	case s.is(j, "last"):
		dir = -1
		if s.is(j-1, "the") || s.is(j-1, "over") || s.is(j-1, "for") {
			return 0 // "over the last year" is a duration
		}
	case s.is(j, "next"):
		dir = 1
		if s.is(j-1, "the") {
			return 0
		}
	}
	k := j + 1
	if n := s.matchWeekday(i, k, dir); n > 0 {
		return n
	}
	if m, abbrev, ok := s.month(k); ok && !abbrev {
		if s.pubPrec == 0 {
			s.emit(i, k, date{}, Month, false, true)
			return k - i + 1
		}
		y := s.pub.y
		switch {
		case dir < 0 && (s.pubPrec < Month || m >= s.pub.m):
			y--
		case dir > 0 && (s.pubPrec < Month || m <= s.pub.m):
			y++
		}
		s.emit(i, k, date{y, m, 1}, Month, true, true)
		return k - i + 1
	}
	w, ok := s.lower(k)
	if !ok {
		return 0
	}
	var p Precision
	var delta func(time.Time) time.Time
	switch string(w) {
	case "year":
		p = Year
		delta = func(t time.Time) time.Time { return t.AddDate(dir, 0, 0) }
	case "month":
		p = Month
		delta = func(t time.Time) time.Time {
			return time.Date(t.Year(), t.Month()+time.Month(dir), 1, 12, 0, 0, 0, time.UTC)
		}
	case "week":
		p = Month
		delta = func(t time.Time) time.Time { return t.AddDate(0, 0, 7*dir) }
	case "night":
		if dir != -1 {
			return 0
		}
		return s.emitPub(i, k, -1)
	case "morning", "afternoon", "evening":
		if dir != 0 {
			return 0
		}
		return s.emitPub(i, k, 0)
	default:
		return 0
	}
	if s.pubPrec < p && !(p == Year && s.pubPrec == Year) {
		s.emit(i, k, date{}, p, false, true)
		return k - i + 1
	}
	s.emit(i, k, fromTime(delta(s.pub.time())), p, true, true)
	return k - i + 1
}

// matchOffset handles "<n> <unit> later|earlier|ago|after|before" where
// the count n was read from tokens before j.
func (s *scanner) matchOffset(i, j, n int) int {
	if s.punct(j, '-') && s.adjacent(j-1) && s.adjacent(j) { // twenty-one
		if m, ok := s.lookup(numberWords, j+1); ok && m < 10 && n >= 20 && n%10 == 0 {
			n += m
			j += 2
		}
	}
	u, ok := s.unit(j)
	if !ok {
		return 0
	}
	k := j + 1
	switch {
	case s.is(k, "later") || s.is(k, "after") && !s.startsClause(k+1):
		return s.emitOffset(i, k, n, u, 1, false)
	case s.is(k, "earlier") || s.is(k, "before") && !s.startsClause(k+1):
		return s.emitOffset(i, k, -n, u, 1, false)
	case s.is(k, "ago"):
		return s.emitOffset(i, k, -n, u, 1, true)
	}
	return 0
}

// startsClause reports whether token i continues a phrase ("two days after
// the vote"), whose anchor is an event, not a date in the text.
func (s *scanner) startsClause(i int) bool {
	return i < len(s.toks) && (s.toks[i].k == tWord || s.toks[i].k == tNum)
}

func (s *scanner) emitOffset(i, k, n int, u unit, _ int, fromPub bool) int {
	base, bp := s.anchor, s.anchorPrec
	if fromPub {
		base, bp = s.pub, s.pubPrec
	}
	var p Precision
	var t time.Time
	switch u {
	case uDay:
		p, t = Day, base.time().AddDate(0, 0, n)
	case uWeek:
		p, t = Day, base.time().AddDate(0, 0, 7*n)
	case uFortnight:
		p, t = Day, base.time().AddDate(0, 0, 14*n)
	case uMonth:
		p, t = Month, base.time().AddDate(0, n, 0)
		if bp >= Month {
			t = time.Date(base.y, time.Month(base.m+n), 1, 12, 0, 0, 0, time.UTC)
		}
	case uYear:
		p, t = Year, base.time().AddDate(n, 0, 0)
	}
	if bp < p {
		p = bp
	}
	if bp == 0 {
		s.emit(i, k, date{}, Day, false, true)
		return k - i + 1
	}
	s.emit(i, k, fromTime(t), p, true, true)
	return k - i + 1
}

// matchThe handles "the following day", "the next day", "the previous
// day", "the day before/after", "the same day".
func (s *scanner) matchThe(i int) int {
	if s.is(i-1, "over") || s.is(i-1, "for") || s.is(i-1, "within") || s.is(i-1, "throughout") || s.is(i-1, "during") {
		return 0 // over the next year: a duration
	}
	switch {
	case s.is(i+1, "following") || s.is(i+1, "next"):
		if u, ok := s.unit(i + 2); ok && !s.is(i+2, "days") && !s.is(i+2, "weeks") && !s.is(i+2, "months") && !s.is(i+2, "years") {
			return s.emitOffset(i, i+2, 1, u, 1, false)
		}
	case s.is(i+1, "previous"):
		if u, ok := s.unit(i + 2); ok && !s.is(i+2, "days") && !s.is(i+2, "weeks") && !s.is(i+2, "months") && !s.is(i+2, "years") {
			return s.emitOffset(i, i+2, -1, u, 1, false)
		}
	case s.is(i+1, "day"):
		if s.is(i+2, "before") && !s.startsClause(i+3) {
			return s.emitOffset(i, i+2, -1, uDay, 1, false)
		}
		if s.is(i+2, "after") && !s.startsClause(i+3) {
			return s.emitOffset(i, i+2, 1, uDay, 1, false)
		}
	case s.is(i+1, "same") && s.is(i+2, "day"):
		return s.emitOffset(i, i+2, 0, uDay, 1, false)
	}
	return 0
}
