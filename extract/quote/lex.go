package quote

import (
	"unicode"
	"unicode/utf8"
)

type tkind uint8

const (
	tWord  tkind = iota + 1 // letters and digits, with inner apostrophes and hyphens: it's, Jong-un, O'Brien
	tPunct                  // any other single rune that is not a quotation mark
	tMark                   // a quotation mark, or an apostrophe that might be one
)

// mark tells which quotation mark a tMark token is.
type mark uint8

const (
	mDouble      mark = iota + 1 // "
	mDoubleOpen                  // “ „ «
	mDoubleClose                 // ” »
	mSingle                      // '
	mSingleOpen                  // ‘
	mSingleClose                 // ’ (also the apostrophe)
)

func (m mark) double() bool { return m <= mDoubleClose }

type token struct {
	start, end int
	kind       tkind
	mark       mark
	upper      bool  // starts with an upper-case letter
	para       int32 // paragraph number: paragraphs are separated by line breaks
}

// lex splits text into tokens. Apostrophes and hyphens between letters stay
// inside words, so "Pyongyang’s" and "O'Brien" are single words and only
// the apostrophes that could be quotation marks become tMark tokens.
func lex(text string) []token {
	toks := make([]token, 0, len(text)/5+1)
	var para int32
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' {
			// A run of line breaks is one paragraph break.
			if len(toks) > 0 && toks[len(toks)-1].para == para {
				para++
			}
			i++
			continue
		}
		if c <= ' ' || c == 0x7f { // spaces and control characters
			i++
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case isAlnum(c):
				j := wordEnd(text, i)
				toks = append(toks, token{start: i, end: j, kind: tWord, upper: c >= 'A' && c <= 'Z', para: para})
				i = j
			case c == '"':
				toks = append(toks, token{start: i, end: i + 1, kind: tMark, mark: mDouble, para: para})
				i++
			case c == '\'' && i+1 < len(text) && text[i+1] == '\'':
				// ''Two apostrophes'' stand for a double quotation mark.
				toks = append(toks, token{start: i, end: i + 2, kind: tMark, mark: mDouble, para: para})
				i += 2
			case c == '\'':
				toks = append(toks, token{start: i, end: i + 1, kind: tMark, mark: mSingle, para: para})
				i++
			default:
				toks = append(toks, token{start: i, end: i + 1, kind: tPunct, para: para})
				i++
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\u2028', '\u2029', '\u0085':
			if len(toks) > 0 && toks[len(toks)-1].para == para {
				para++
			}
			i += n
			continue
		case '“', '„', '«':
			toks = append(toks, token{start: i, end: i + n, kind: tMark, mark: mDoubleOpen, para: para})
		case '”', '»':
			toks = append(toks, token{start: i, end: i + n, kind: tMark, mark: mDoubleClose, para: para})
		case '‘':
			toks = append(toks, token{start: i, end: i + n, kind: tMark, mark: mSingleOpen, para: para})
		case '’':
			toks = append(toks, token{start: i, end: i + n, kind: tMark, mark: mSingleClose, para: para})
		default:
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				j := wordEnd(text, i)
				toks = append(toks, token{start: i, end: j, kind: tWord, upper: unicode.IsUpper(r), para: para})
				i = j
				continue
			}
			toks = append(toks, token{start: i, end: i + n, kind: tPunct, para: para})
		}
		i += n
	}
	return toks
}

func isAlnum(c byte) bool {
	return c|0x20 >= 'a' && c|0x20 <= 'z' || c >= '0' && c <= '9'
}

// alnumAt reports whether a letter or digit starts at byte i of text.
func alnumAt(text string, i int) bool {
	if i >= len(text) {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return isAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// wordEnd returns the end of the word starting at i.
func wordEnd(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if isAlnum(c) {
				i++
				continue
			}
			// Inner apostrophes, hyphens and decimal points join.
			if (c == '\'' || c == '-' || c == '.' && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9') && alnumAt(text, i+1) {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += n
			continue
		}
		if r == '’' && alnumAt(text, i+n) {
			i += n
			continue
		}
		return i
	}
	return i
}
