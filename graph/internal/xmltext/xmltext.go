// Package xmltext makes arbitrary strings safe to write as XML 1.0 text and
// attribute values, which cannot hold most control characters even as
// character references, nor invalid UTF-8.
package xmltext

import (
	"unicode/utf8"
)

// Replacement stands in for every character XML cannot carry.
const Replacement = '\uFFFD'

// Allowed reports whether r may appear in an XML 1.0 document. Besides what
// the XML Char production forbids, it also refuses DEL and the C1 controls,
// which XML 1.0 allows but discourages and which no name in the news needs.
func Allowed(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0x7F && r <= 0x9F:
		return false
	case r >= 0xD800 && r <= 0xDFFF: // surrogates; Go never decodes them, but be explicit
		return false
	case r == 0xFFFE || r == 0xFFFF:
		return false
	case r > utf8.MaxRune:
		return false
	}
	return true
}

// Clean returns s with invalid UTF-8 and characters not Allowed replaced by
// Replacement. It returns s itself, without allocating, when s is clean.
func Clean(s string) string {
	for i, r := range s {
		if (r == utf8.RuneError && isBad(s[i:])) || !Allowed(r) {
			return string(appendClean(make([]byte, 0, len(s)+8), s, false))
		}
	}
	return s
}

// Append appends s to dst escaped for use as XML character data or as an
// attribute value in double quotes, after the replacements of Clean. Tab,
// newline and carriage return become character references so that
// attribute-value normalisation keeps them.
func Append(dst []byte, s string) []byte { return appendClean(dst, s, true) }

// AppendJoined appends the items of list escaped like Append, separated by
// sep (written as it is): the one form list-valued attributes take in XML
// exports, which keep to basic attribute types.
func AppendJoined(dst []byte, list []string, sep string) []byte {
	for i, v := range list {
		if i > 0 {
			dst = append(dst, sep...)
		}
		dst = Append(dst, v)
	}
	return dst
}

func appendClean(dst []byte, s string, escape bool) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if !Allowed(rune(c)) {
				dst = utf8.AppendRune(dst, Replacement)
				continue
			}
			if escape {
				switch c {
				case '&':
					dst = append(dst, "&amp;"...)
					continue
				case '<':
					dst = append(dst, "&lt;"...)
					continue
				case '>':
					dst = append(dst, "&gt;"...)
					continue
				case '"':
					dst = append(dst, "&quot;"...)
					continue
				case '\'':
					dst = append(dst, "&apos;"...)
					continue
				case '\t':
					dst = append(dst, "&#x9;"...)
					continue
				case '\n':
					dst = append(dst, "&#xA;"...)
					continue
				case '\r':
					dst = append(dst, "&#xD;"...)
					continue
				}
			}
			dst = append(dst, c)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || !Allowed(r) {
			dst = utf8.AppendRune(dst, Replacement)
		} else {
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return dst
}

func isBad(s string) bool {
	_, n := utf8.DecodeRuneInString(s)
	return n == 1
}

// ID maps a node or edge ID one-to-one onto a string Clean leaves alone:
// '%', invalid UTF-8 and characters not Allowed become %XX for each of
// their bytes. It returns id itself, without allocating, when nothing
// needs mapping. Exporters that keep IDs readable (GEXF, CSV, JSON) share
// it, so that one node has the same ID in all of them.
func ID(id string) string {
	for i, r := range id {
		if r == '%' || !Allowed(r) || (r == utf8.RuneError && isBad(id[i:])) {
			return percent(id)
		}
	}
	return id
}

func percent(id string) string {
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(id)+8)
	for i := 0; i < len(id); {
		r, n := utf8.DecodeRuneInString(id[i:])
		if r == '%' || !Allowed(r) || (r == utf8.RuneError && n == 1) {
			for j := i; j < i+n; j++ {
				b = append(b, '%', hex[id[j]>>4], hex[id[j]&15])
			}
		} else {
			b = append(b, id[i:i+n]...)
		}
		i += n
	}
	return string(b)
}
