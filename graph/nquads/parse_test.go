package nquads_test

import (
	"bufio"
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// term is one parsed RDF term: an IRI (Kind 'I'), a blank node ('B') or a
// literal ('L', with Datatype or Lang).
type term struct {
	Kind     byte
	Value    string // IRI, label or literal text, unescaped
	Datatype string
	Lang     string
}

type quad struct{ S, P, O, G term }

// parseNQuads is a strict N-Quads 1.1 parser, as strict as a triple store
// loading the file: every line is blank, a comment, or subject predicate
// object graph ".", with the graph required here since the exporter always
// writes one. IRIs must be absolute, free of spaces and <>"{}|^`\ and of
// malformed %XX; literal escapes must be ECHAR or UCHAR; the file must be
// UTF-8.
func parseNQuads(data []byte) ([]quad, error) { return parse(data, true) }

// parse is parseNQuads with the graph term optional unless needGraph.
func parse(data []byte, needGraph bool) ([]quad, error) {
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("not UTF-8")
	}
	var quads []quad
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimLeft(sc.Text(), " \t")
		if line == "" || line[0] == '#' {
			continue
		}
		p := &lineParser{s: line}
		var q quad
		var err error
		if q.S, err = p.term("IB"); err != nil {
			return nil, fmt.Errorf("line %d: subject: %w", ln, err)
		}
		if q.P, err = p.term("I"); err != nil {
			return nil, fmt.Errorf("line %d: predicate: %w", ln, err)
		}
		if q.O, err = p.term("IBL"); err != nil {
			return nil, fmt.Errorf("line %d: object: %w", ln, err)
		}
		p.space()
		if needGraph || !strings.HasPrefix(p.s[p.i:], ".") {
			if q.G, err = p.term("IB"); err != nil {
				return nil, fmt.Errorf("line %d: graph: %w", ln, err)
			}
		}
		p.space()
		if !strings.HasPrefix(p.s[p.i:], ".") {
			return nil, fmt.Errorf("line %d: missing final '.' at %q", ln, p.s[p.i:])
		}
		p.i++
		p.space()
		if rest := p.s[p.i:]; rest != "" && rest[0] != '#' {
			return nil, fmt.Errorf("line %d: trailing %q", ln, rest)
		}
		quads = append(quads, q)
	}
	return quads, sc.Err()
}

type lineParser struct {
	s string
	i int
}

func (p *lineParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *lineParser) term(allowed string) (term, error) {
	p.space()
	if p.i >= len(p.s) {
		return term{}, fmt.Errorf("unexpected end of line")
	}
	switch c := p.s[p.i]; {
	case c == '<' && strings.Contains(allowed, "I"):
		v, err := p.iri()
		return term{Kind: 'I', Value: v}, err
	case c == '_' && strings.Contains(allowed, "B"):
		if !strings.HasPrefix(p.s[p.i:], "_:") {
			return term{}, fmt.Errorf("bad blank node")
		}
		j := p.i + 2
		for j < len(p.s) && p.s[j] != ' ' && p.s[j] != '\t' {
			j++
		}
		if j == p.i+2 {
			return term{}, fmt.Errorf("empty blank node label")
		}
		t := term{Kind: 'B', Value: p.s[p.i+2 : j]}
		p.i = j
		return t, nil
	case c == '"' && strings.Contains(allowed, "L"):
		v, err := p.literal()
		if err != nil {
			return term{}, err
		}
		t := term{Kind: 'L', Value: v, Datatype: "http://www.w3.org/2001/XMLSchema#string"}
		switch {
		case strings.HasPrefix(p.s[p.i:], "^^"):
			p.i += 2
			if p.i >= len(p.s) || p.s[p.i] != '<' {
				return term{}, fmt.Errorf("datatype is not an IRI")
			}
			if t.Datatype, err = p.iri(); err != nil {
				return term{}, err
			}
		case strings.HasPrefix(p.s[p.i:], "@"):
			j := p.i + 1
			for j < len(p.s) && (p.s[j] == '-' || p.s[j] >= 'a' && p.s[j] <= 'z' || p.s[j] >= 'A' && p.s[j] <= 'Z' || p.s[j] >= '0' && p.s[j] <= '9') {
				j++
			}
			t.Lang, t.Datatype = p.s[p.i+1:j], ""
			p.i = j
		}
		return t, nil
	default:
		return term{}, fmt.Errorf("unexpected %q (want one of %s)", c, allowed)
	}
}

func (p *lineParser) iri() (string, error) {
	p.i++ // '<'
	var b strings.Builder
	for {
		if p.i >= len(p.s) {
			return "", fmt.Errorf("unterminated IRI")
		}
		r, n := utf8.DecodeRuneInString(p.s[p.i:])
		switch {
		case r == '>':
			p.i++
			iri := b.String()
			colon := strings.IndexByte(iri, ':')
			if colon < 1 {
				return "", fmt.Errorf("IRI %q is not absolute", iri)
			}
			for k := 0; k < colon; k++ {
				c := iri[k]
				if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || k > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
					return "", fmt.Errorf("IRI %q has a bad scheme", iri)
				}
			}
			for k := 0; k < len(iri); k++ {
				if iri[k] == '%' && (k+2 >= len(iri) || !isHex(iri[k+1]) || !isHex(iri[k+2])) {
					return "", fmt.Errorf("IRI %q has a bad %%-escape", iri)
				}
			}
			return iri, nil
		case r == '\\':
			u, err := p.uchar()
			if err != nil {
				return "", err
			}
			if u <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", u) {
				return "", fmt.Errorf("IRI escapes forbidden %q", u)
			}
			b.WriteRune(u)
			continue
		case r <= 0x20 || strings.ContainsRune("<\"{}|^`", r):
			return "", fmt.Errorf("IRI holds forbidden %q", r)
		}
		b.WriteString(p.s[p.i : p.i+n])
		p.i += n
	}
}

func (p *lineParser) uchar() (rune, error) {
	// p.s[p.i] == '\\'
	if p.i+1 >= len(p.s) {
		return 0, fmt.Errorf("dangling backslash")
	}
	width := map[byte]int{'u': 4, 'U': 8}[p.s[p.i+1]]
	if width == 0 || p.i+2+width > len(p.s) {
		return 0, fmt.Errorf("bad escape %q", p.s[p.i:min(p.i+2, len(p.s))])
	}
	h := p.s[p.i+2 : p.i+2+width]
	for k := 0; k < len(h); k++ {
		if !isHex(h[k]) {
			return 0, fmt.Errorf("bad escape \\%c%s", p.s[p.i+1], h)
		}
	}
	v, _ := strconv.ParseUint(h, 16, 32)
	if v > utf8.MaxRune || (v >= 0xD800 && v <= 0xDFFF) {
		return 0, fmt.Errorf("escape \\%c%s is not a character", p.s[p.i+1], h)
	}
	p.i += 2 + width
	return rune(v), nil
}

func (p *lineParser) literal() (string, error) {
	p.i++ // '"'
	var b strings.Builder
	for {
		if p.i >= len(p.s) {
			return "", fmt.Errorf("unterminated literal")
		}
		c := p.s[p.i]
		switch c {
		case '"':
			p.i++
			return b.String(), nil
		case '\n', '\r':
			return "", fmt.Errorf("raw line break in literal")
		case '\\':
			if p.i+1 >= len(p.s) {
				return "", fmt.Errorf("dangling backslash")
			}
			if e, ok := map[byte]byte{'t': '\t', 'b': '\b', 'n': '\n', 'r': '\r', 'f': '\f', '"': '"', '\'': '\'', '\\': '\\'}[p.s[p.i+1]]; ok {
				b.WriteByte(e)
				p.i += 2
				continue
			}
			u, err := p.uchar()
			if err != nil {
				return "", err
			}
			b.WriteRune(u)
			continue
		}
		b.WriteByte(c)
		p.i++
	}
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}
