package quote

import (
	"sort"
	"unsafe"
)

// qspan is a pair of quotation marks, or an opening mark whose quotation
// runs to the end of its paragraph.
type qspan struct {
	open, close int // token indexes; close is the last token of the paragraph when unclosed
	unclosed    bool
}

type sentence struct{ first, last int } // token indexes, inclusive

// scanner holds the state of one Find call.
type scanner struct {
	text  string
	toks  []token
	spans []qspan
	kept  []bool  // per span, whether it became a Quote
	inQ   []int32 // per token, the index of the span holding it (marks included), or -1
	sent  []int32 // per token, its sentence
	sents []sentence
	// usedCues are the cue tokens that attribute a direct quote, so that
	// they do not give indirect speech too.
	usedCues []int
	out      []Quote
	buf      [24]byte
}

// lower returns the word at token i in lower case, valid until the next
// call; "" for non-words and words no lexicon holds (long, non-ASCII).
func (s *scanner) lower(i int) string {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tWord {
		return ""
	}
	t := s.toks[i]
	if t.end-t.start > len(s.buf) {
		return ""
	}
	for j := t.start; j < t.end; j++ {
		c := s.text[j]
		if c >= 0x80 {
			return ""
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		s.buf[j-t.start] = c
	}
	return unsafeString(s.buf[:t.end-t.start])
}

// is reports whether token i is the word w (lower case), ignoring case.
func (s *scanner) is(i int, w string) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tWord {
		return false
	}
	t := s.toks[i]
	if t.end-t.start != len(w) {
		return false
	}
	for j := 0; j < len(w); j++ {
		c := s.text[t.start+j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[j] {
			return false
		}
	}
	return true
}

func (s *scanner) punct(i int, c byte) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == tPunct && s.text[s.toks[i].start] == c
}

func (s *scanner) word(i int) bool {
	return i >= 0 && i < len(s.toks) && s.toks[i].kind == tWord
}

// adjacent reports whether tokens i and i+1 touch.
func (s *scanner) adjacent(i int) bool {
	return i >= 0 && i+1 < len(s.toks) && s.toks[i].end == s.toks[i+1].start
}

func (s *scanner) samePara(i, j int) bool {
	return i >= 0 && j >= 0 && i < len(s.toks) && j < len(s.toks) && s.toks[i].para == s.toks[j].para
}

// terminal reports whether token i ends a sentence by its kind: . ! ? or an ellipsis.
func (s *scanner) terminal(i int) bool {
	if i < 0 || i >= len(s.toks) || s.toks[i].kind != tPunct {
		return false
	}
	switch s.text[s.toks[i].start:s.toks[i].end] {
	case ".", "!", "?", "…":
		return true
	}
	return false
}

// abbrevDot reports whether token i is the full stop of an abbreviation
// or an initial (Mr., U.S., J. Smith).
func (s *scanner) abbrevDot(i int) bool {
	if !s.punct(i, '.') || !s.word(i-1) || s.toks[i-1].end != s.toks[i].start {
		return false
	}
	t := s.toks[i-1]
	if t.end-t.start == 1 && s.toks[i-1].upper {
		return true
	}
	return abbrevs[s.lower(i-1)]
}

// pairMarks finds the quotations, paragraph by paragraph.
func (s *scanner) pairMarks() {
	s.inQ = make([]int32, len(s.toks))
	for i := range s.inQ {
		s.inQ[i] = -1
	}
	for a := 0; a < len(s.toks); {
		b := a + 1
		for b < len(s.toks) && s.toks[b].para == s.toks[a].para {
			b++
		}
		s.pairDouble(a, b)
		s.pairSingle(a, b)
		a = b
	}
	sort.Slice(s.spans, func(i, j int) bool { return s.spans[i].open < s.spans[j].open })
	for k, q := range s.spans {
		for i := q.open; i <= q.close; i++ {
			s.inQ[i] = int32(k)
		}
	}
}

func (s *scanner) addSpan(open, close int, unclosed bool) {
	if close <= open+1 && !unclosed || unclosed && close <= open {
		return // nothing inside
	}
	s.spans = append(s.spans, qspan{open: open, close: close, unclosed: unclosed})
	for i := open; i <= close; i++ {
		s.inQ[i] = 0 // provisional: inside some span, for pairSingle
	}
}

// pairDouble pairs double quotation marks in tokens [a, b) of one
// paragraph. An opening mark after a full stop inside an open quotation
// starts a new part of it: texts that lost their paragraph breaks run a
// quote of several paragraphs together as “First. “Second.”
func (s *scanner) pairDouble(a, b int) {
	open := -1
	for i := a; i < b; i++ {
		t := s.toks[i]
		if t.kind != tMark || !t.mark.double() {
			continue
		}
		before := i > a && s.adjacent(i-1)
		openLike := !before && s.adjacent(i)
		closeLike := before && !s.adjacentWord(i)
		switch t.mark {
		case mDoubleOpen:
			if open >= 0 && i-1 > open && s.terminal(i-1) {
				s.addSpan(open, i-1, true)
			}
			open = i // an earlier opener left unclosed otherwise was a stray
		case mDoubleClose:
			if open >= 0 {
				s.addSpan(open, i, false)
				open = -1
			}
		case mDouble:
			if open >= 0 {
				if openLike && i-1 > open && s.terminal(i-1) {
					s.addSpan(open, i-1, true)
					open = i
					continue
				}
				if openLike && s.punct(i-1, ':') {
					// He added: “… — the quotation before lost its
					// closing mark; it ended at its last full stop.
					e := i - 1
					for e > open && !s.terminal(e) {
						e--
					}
					if e > open {
						s.addSpan(open, e, true)
					}
					open = i
					continue
				}
				s.addSpan(open, i, false)
				open = -1
				continue
			}
			if closeLike && !openLike {
				continue // a closing mark with no opener
			}
			open = i
		}
	}
	if open >= 0 && open < b-1 {
		s.addSpan(open, b-1, true)
	}
}

// pairSingle pairs single quotation marks outside double quotations in
// tokens [a, b) of one paragraph, telling them from apostrophes.
func (s *scanner) pairSingle(a, b int) {
	for i := a; i < b; i++ {
		if !s.singleOpener(i) {
			continue
		}
		c, first := -1, -1
		for j := i + 1; j < b; j++ {
			if s.inQ[j] >= 0 {
				break
			}
			if s.singleOpener(j) {
				break
			}
			if !s.singleCloser(j) {
				continue
			}
			if first < 0 {
				first = j
			}
			// "the players’ union": a plural possessive, not a closer.
			if w := s.toks[j-1]; w.kind == tWord && s.text[w.end-1]|0x20 == 's' && s.word(j+1) && !s.adjacent(j) {
				continue
			}
			c = j
			break
		}
		if c < 0 {
			c = first
		}
		if c < 0 {
			continue
		}
		s.addSpan(i, c, false)
		i = c
	}
}

func (s *scanner) singleOpener(i int) bool {
	t := s.toks[i]
	if t.kind != tMark || s.inQ[i] >= 0 || (t.mark != mSingle && t.mark != mSingleOpen) {
		return false
	}
	if s.adjacent(i-1) && s.toks[i-1].kind == tWord {
		return false // an apostrophe ending a word: the Jones' house
	}
	if !s.adjacent(i) || !s.word(i+1) {
		return false
	}
	// ’s of a missing name, '90s, 'em, 'til
	n := s.toks[i+1]
	w := s.text[n.start:n.end]
	if (w == "s" || w == "em" || w == "til" || w == "n" || w == "cause" || w == "tis") && !s.adjacentWord(i+1) {
		return false
	}
	if len(w) <= 4 && w[0] >= '0' && w[0] <= '9' && w[len(w)-1] == 's' {
		return false
	}
	return true
}

func (s *scanner) adjacentWord(i int) bool { return s.adjacent(i) && s.word(i+1) }

func (s *scanner) singleCloser(i int) bool {
	t := s.toks[i]
	if t.kind != tMark || (t.mark != mSingle && t.mark != mSingleClose) {
		return false
	}
	if !s.adjacent(i - 1) {
		return false
	}
	return !s.adjacentWord(i)
}

// splitSentences splits the tokens into sentences. Paragraph ends always
// end a sentence; full stops inside a quotation do not, except one right
// before its closing mark.
func (s *scanner) splitSentences() {
	n := len(s.toks)
	s.sent = make([]int32, n)
	first := 0
	for i := 0; i < n; i++ {
		end := i
		switch {
		case i+1 == n || s.toks[i+1].para != s.toks[i].para:
		case s.terminal(i) && !s.abbrevDot(i):
			j := i + 1
			if q := s.inQ[i]; q >= 0 {
				switch {
				case s.spans[q].unclosed && s.spans[q].close == i:
					// the end of one part of a quote running on
				case s.spans[q].close != j || s.spans[q].unclosed:
					continue
				default:
					j++
				}
			}
			for j < n && s.toks[j].para == s.toks[i].para && s.closing(j) {
				j++
			}
			if j >= n || s.toks[j].para != s.toks[i].para || !s.startsSentence(j) {
				continue
			}
			end = j - 1
		default:
			continue
		}
		for k := first; k <= end; k++ {
			s.sent[k] = int32(len(s.sents))
		}
		s.sents = append(s.sents, sentence{first, end})
		first = end + 1
		i = end
	}
}

// closing reports whether token i closes something: a bracket or a
// closing quotation mark.
func (s *scanner) closing(i int) bool {
	t := s.toks[i]
	if t.kind == tPunct {
		c := s.text[t.start]
		return c == ')' || c == ']'
	}
	if t.kind == tMark {
		if q := s.inQ[i]; q >= 0 {
			return s.spans[q].close == i && !s.spans[q].unclosed
		}
		return t.mark == mDoubleClose || t.mark == mSingleClose
	}
	return false
}

func (s *scanner) startsSentence(j int) bool {
	t := s.toks[j]
	switch t.kind {
	case tWord:
		c := s.text[t.start]
		return t.upper || c >= '0' && c <= '9'
	case tMark:
		q := s.inQ[j]
		return q >= 0 && s.spans[q].open == j
	case tPunct:
		c := s.text[t.start]
		return c == '(' || c == '[' || c == '-' || c == '*' || c >= 0x80
	}
	return false
}

// sentSpan is the text of sentences a..b.
func (s *scanner) sentSpan(a, b int) Span {
	if a > b {
		a, b = b, a
	}
	return s.span(s.sents[a].first, s.sents[b].last)
}

// span is the text of tokens i..j, inclusive.
func (s *scanner) span(i, j int) Span {
	st, en := s.toks[i].start, s.toks[j].end
	return Span{st, en, s.text[st:en]}
}

// unsafeString views b as a string without copying; the caller must not
// keep it past the next change to b. It lets lexicon lookups on lower-cased
// words run without allocating.
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
