// Package dates reads the partial dates the graph carries (YYYY, YYYY-MM or
// YYYY-MM-DD) as the days they cover, and turns a node's or edge's dates into
// the non-overlapping day spans that exporters write as spells or intervals.
package dates

import "sort"

// Valid reports whether d is YYYY, YYYY-MM or YYYY-MM-DD with a month and
// day that exist in that year and month.
func Valid(d string) bool {
	switch len(d) {
	case 4, 7, 10:
	default:
		return false
	}
	for i := 0; i < len(d); i++ {
		if i == 4 || i == 7 {
			if d[i] != '-' {
				return false
			}
			continue
		}
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	if len(d) >= 7 {
		m := num2(d[5:7])
		if m < 1 || m > 12 {
			return false
		}
	}
	if len(d) == 10 {
		day := num2(d[8:10])
		if day < 1 || day > daysIn(d[:7]) {
			return false
		}
	}
	return true
}

// Start is the first day d covers as YYYY-MM-DD ("2005" gives "2005-01-01"),
// or "" if d is not Valid.
func Start(d string) string {
	if !Valid(d) {
		return ""
	}
	switch len(d) {
	case 4:
		return d + "-01-01"
	case 7:
		return d + "-01"
	}
	return d
}

// End is the last day d covers as YYYY-MM-DD ("2005-02" gives "2005-02-28"),
// or "" if d is not Valid.
func End(d string) string {
	if !Valid(d) {
		return ""
	}
	switch len(d) {
	case 4:
		return d + "-12-31"
	case 7:
		return d + "-" + pad2(daysIn(d))
	}
	return d
}

// Span is a stretch of whole days, Start and End inclusive, both YYYY-MM-DD.
type Span struct{ Start, End string }

// Spans turns a list of partial dates into sorted, non-overlapping spans:
// each date becomes the days it covers and overlapping ones are merged
// (Gephi rejects a node whose spells overlap). Dates that are not Valid are
// skipped. If ds holds no valid date, first and last (a FirstSeen/LastSeen
// pair, either may be "") give one span. buf is reused for the result and
// may be nil.
func Spans(buf []Span, ds []string, first, last string) []Span {
	buf = buf[:0]
	for _, d := range ds {
		if Valid(d) {
			buf = append(buf, Span{Start(d), End(d)})
		}
	}
	if len(buf) == 0 {
		lo, hi := Start(first), End(last)
		switch {
		case lo == "" && hi == "":
			return buf
		case lo == "":
			lo = Start(last)
		case hi == "":
			hi = End(first)
		}
		if lo > hi {
			lo, hi = hi, lo
		}
		return append(buf, Span{lo, hi})
	}
	if !sort.SliceIsSorted(buf, func(i, j int) bool { return buf[i].Start < buf[j].Start }) {
		sort.Slice(buf, func(i, j int) bool { return buf[i].Start < buf[j].Start })
	}
	out := buf[:1]
	for _, s := range buf[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End {
			if s.End > last.End {
				last.End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// Window is an inclusive range of days; an empty bound is open.
type Window struct{ From, To string }

// NewWindow reads the bounds of a filter: from's first day to to's last day.
// ok is false if a non-empty bound is not Valid.
func NewWindow(from, to string) (w Window, ok bool) {
	if from != "" {
		if w.From = Start(from); w.From == "" {
			return w, false
		}
	}
	if to != "" {
		if w.To = End(to); w.To == "" {
			return w, false
		}
	}
	return w, true
}

// Open reports whether the window has no bounds at all.
func (w Window) Open() bool { return w.From == "" && w.To == "" }

// Overlaps reports whether any day covered by d falls inside the window.
// A d that is not Valid never overlaps.
func (w Window) Overlaps(d string) bool {
	lo, hi := Start(d), End(d)
	if lo == "" {
		return false
	}
	return (w.From == "" || hi >= w.From) && (w.To == "" || lo <= w.To)
}

func num2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

func pad2(n int) string { return string([]byte{byte('0' + n/10), byte('0' + n%10)}) }

// daysIn is the number of days in the month ym (YYYY-MM).
func daysIn(ym string) int {
	switch num2(ym[5:7]) {
	case 2:
		y := num2(ym[0:2])*100 + num2(ym[2:4])
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
