// Package nquads writes the graph as RDF 1.1 N-Quads
// (https://www.w3.org/TR/n-quads/), one statement a line, which triple
// stores (Jena, Oxigraph, GraphDB, Virtuoso, rdflib…) take as they are;
// Options.Dgraph writes the dialect Dgraph's live and bulk loaders want.
//
// # Vocabulary
//
// Nodes are typed with schema.org where it fits (schema:Person,
// schema:Organization, schema:Place, schema:Event, schema:Quotation,
// schema:Thing otherwise) and named with schema:name (schema:text for a
// quote), schema:alternateName for each alias and schema:identifier for
// the graph's own ID. An event's dates are schema:startDate and
// schema:endDate, a quote's first date schema:dateCreated. What schema.org
// has no term for uses newsgraph's vocabulary (Options.Vocab): type,
// role, mentions, sources, firstSeen, lastSeen, date.
//
// Each edge is written twice: as a direct statement, subject
// <vocab + predicate> object, for plain graph queries, and as a resource
// of type vocab:Edge with source, target, relation, weight and dates,
// since RDF cannot put a weight on a statement. Where schema.org has the
// relation it is stated too: a quote's schema:spokenByCharacter and
// schema:creator (said), schema:about (said_about), schema:memberOf,
// schema:worksFor, schema:location (located_in) and an event's
// schema:attendee (participated_in).
//
// Dates are typed xsd:date, xsd:gYearMonth or xsd:gYear by their
// precision, counts xsd:integer and weights xsd:double. IDs and predicate
// names are percent-encoded into IRIs (every byte outside ASCII letters,
// digits, "-._~:"), which keeps distinct IDs distinct. In literals tab,
// newline, carriage return, quote and backslash are escaped; invalid UTF-8
// and the other control characters, which the lexical space of xsd:string
// excludes, are replaced by U+FFFD. Every statement is in the graph
// Options.Graph.
package nquads

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/dates"
	"github.com/newsgraph/newsgraph/graph/internal/xmltext"
	"github.com/newsgraph/newsgraph/kind"
)

// Options tune the output. The zero value uses the defaults below.
type Options struct {
	// Base starts every node's and edge's IRI: Base + "node:" + ID and
	// Base + "edge:" + ID, percent-encoded. "" means "urn:newsgraph:".
	Base string
	// Vocab starts the IRIs of newsgraph's own terms and edge predicates.
	// "" means "urn:newsgraph:vocab:".
	Vocab string
	// Graph is the IRI of the named graph holding every statement. ""
	// means "urn:newsgraph:graph".
	Graph string
	// Dgraph writes for Dgraph's live and bulk loaders, which take no IRI
	// as a node name and read the fourth term as a namespace: nodes and
	// edges become blank nodes (_:n… and _:e…, the ID with every byte but
	// ASCII letters and digits as _XX, which the loader maps to UIDs, and
	// persists with --xidmap), each is typed by a <dgraph.type> ("Person",
	// "Organization", …, "Edge") instead of rdf:type, since Dgraph cannot
	// take an IRI as an object; statements have no graph term, dates are
	// plain strings and numbers are typed xs:int and xs:double. That is
	// Dgraph's dialect: N-Quads but for the relative IRI <dgraph.type>.
	Dgraph bool
}

// ErrBadIRI reports an Options IRI a triple store would refuse.
var ErrBadIRI = errors.New("nquads: bad IRI")

// Well-known vocabularies.
const (
	Schema = "http://schema.org/"
	RDF    = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
	XSD    = "http://www.w3.org/2001/XMLSchema#"
)

// Write writes g to w as N-Quads, streaming: memory does not grow with the
// size of the graph. Errors from g, from ctx and from w stop it; an Options
// IRI that is not absolute or holds characters IRIs cannot is an error
// wrapping ErrBadIRI.
func Write(ctx context.Context, w io.Writer, g graph.Walker, opts Options) error {
	x := &writer{
		base:  or(opts.Base, "urn:newsgraph:"),
		vocab: or(opts.Vocab, "urn:newsgraph:vocab:"),
	}
	for _, iri := range []string{x.base, x.vocab, or(opts.Graph, "urn:newsgraph:graph")} {
		if err := checkIRI(iri); err != nil {
			return err
		}
	}
	x.graph = " <" + or(opts.Graph, "urn:newsgraph:graph") + "> .\n"
	if opts.Dgraph {
		x.dgraph, x.graph = true, " .\n"
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	flush := func() error {
		_, err := bw.Write(x.buf)
		x.buf = x.buf[:0]
		return err
	}
	if err := g.Nodes(ctx, func(n graph.Node) error {
		x.node(n)
		return flush()
	}); err != nil {
		return fmt.Errorf("nquads: write nodes: %w", err)
	}
	if err := g.Edges(ctx, func(e graph.Edge) error {
		x.edge(e)
		return flush()
	}); err != nil {
		return fmt.Errorf("nquads: write edges: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("nquads: write: %w", err)
	}
	return nil
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// checkIRI accepts an absolute IRI with none of the characters the IRIREF
// production forbids.
func checkIRI(iri string) error {
	colon := strings.IndexByte(iri, ':')
	if colon < 1 || !utf8.ValidString(iri) {
		return fmt.Errorf("%w: %q is not absolute", ErrBadIRI, iri)
	}
	for i := 0; i < colon; i++ {
		c := iri[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return fmt.Errorf("%w: %q has no valid scheme", ErrBadIRI, iri)
		}
	}
	for _, r := range iri {
		if r <= 0x20 || strings.ContainsRune("<>\"{}|^`\\", r) {
			return fmt.Errorf("%w: %q holds %q", ErrBadIRI, iri, r)
		}
	}
	return nil
}

type writer struct {
	dgraph      bool
	base, vocab string
	graph       string // " <graph> .\n"
	buf         []byte
}

var typeIRI = map[string]string{
	"PERSON": Schema + "Person",
	"ORG":    Schema + "Organization",
	"PLACE":  Schema + "Place",
	"EVENT":  Schema + "Event",
	"QUOTE":  Schema + "Quotation",
}

func (x *writer) node(n graph.Node) {
	typ := strings.ToUpper(n.Type)
	t, ok := typeIRI[typ]
	if !ok {
		t = Schema + "Thing"
	}
	if x.dgraph {
		// Dgraph reads an IRI object as a node it cannot name: the type
		// goes in dgraph.type instead.
		x.literal(n.ID, "dgraph.type", strings.TrimPrefix(t, Schema))
	} else {
		x.iriTriple(n.ID, RDF+"type", t)
	}
	name := Schema + "name"
	if typ == "QUOTE" {
		name = Schema + "text"
	}
	if n.Label != "" {
		x.literal(n.ID, name, n.Label)
	}
	x.literal(n.ID, Schema+"identifier", n.ID)
	if n.Type != "" {
		x.literal(n.ID, x.vocab+"type", n.Type)
	}
	for _, a := range n.Aliases {
		x.literal(n.ID, Schema+"alternateName", a)
	}
	for _, r := range n.Roles {
		x.literal(n.ID, x.vocab+"role", r)
	}
	x.integer(n.ID, x.vocab+"mentions", n.Mentions)
	x.integer(n.ID, x.vocab+"sources", n.Sources)
	x.date(n.ID, x.vocab+"firstSeen", n.FirstSeen)
	x.date(n.ID, x.vocab+"lastSeen", n.LastSeen)
	for _, d := range n.Dates {
		x.date(n.ID, x.vocab+"date", d)
	}
	switch typ {
	case "EVENT":
		x.date(n.ID, Schema+"startDate", n.FirstSeen)
		x.date(n.ID, Schema+"endDate", n.LastSeen)
	case "QUOTE":
		x.date(n.ID, Schema+"dateCreated", n.FirstSeen)
	}
}

func (x *writer) edge(e graph.Edge) {
	// The direct statement.
	x.buf = x.nodeIRI(x.buf, e.Source)
	x.buf = append(x.buf, " <"...)
	x.buf = append(x.buf, x.vocab...)
	x.buf = appendPct(x.buf, string(e.Type))
	x.buf = append(x.buf, "> "...)
	x.buf = x.nodeIRI(x.buf, e.Target)
	x.buf = append(x.buf, x.graph...)

	// Its schema.org reading.
	switch e.Type {
	case kind.Said:
		x.link(e.Target, Schema+"spokenByCharacter", e.Source)
		x.link(e.Target, Schema+"creator", e.Source)
	case kind.SaidAbout:
		x.link(e.Source, Schema+"about", e.Target)
	case kind.MemberOf:
		x.link(e.Source, Schema+"memberOf", e.Target)
	case kind.WorksFor:
		x.link(e.Source, Schema+"worksFor", e.Target)
	case kind.LocatedIn:
		x.link(e.Source, Schema+"location", e.Target)
	case kind.ParticipatedIn:
		x.link(e.Target, Schema+"attendee", e.Source)
	}

	// The edge as a resource, to carry weight and dates.
	if x.dgraph {
		x.edgeStart(e.ID, "dgraph.type")
		x.buf = append(x.buf, `"Edge"`...)
	} else {
		x.edgeStart(e.ID, RDF+"type")
		x.buf = append(x.buf, '<')
		x.buf = append(x.buf, x.vocab...)
		x.buf = append(x.buf, "Edge>"...)
	}
	x.buf = append(x.buf, x.graph...)
	x.edgeStart(e.ID, x.vocab+"source")
	x.buf = x.nodeIRI(x.buf, e.Source)
	x.buf = append(x.buf, x.graph...)
	x.edgeStart(e.ID, x.vocab+"target")
	x.buf = x.nodeIRI(x.buf, e.Target)
	x.buf = append(x.buf, x.graph...)
	x.edgeStart(e.ID, x.vocab+"relation")
	x.buf = appendLiteral(x.buf, string(e.Type))
	x.buf = append(x.buf, x.graph...)
	if !math.IsNaN(e.Weight) && !math.IsInf(e.Weight, 0) {
		x.edgeStart(e.ID, x.vocab+"weight")
		x.buf = append(x.buf, '"')
		x.buf = strconv.AppendFloat(x.buf, e.Weight, 'g', -1, 64)
		x.buf = append(x.buf, x.typeIRI("double")...)
		x.buf = append(x.buf, x.graph...)
	}
	for _, d := range [...]struct{ p, v string }{{"firstSeen", e.FirstSeen}, {"lastSeen", e.LastSeen}} {
		if d.v != "" {
			x.edgeStart(e.ID, x.vocab+d.p)
			x.buf = x.appendDate(x.buf, d.v)
			x.buf = append(x.buf, x.graph...)
		}
	}
	for _, d := range e.Dates {
		x.edgeStart(e.ID, x.vocab+"date")
		x.buf = x.appendDate(x.buf, d)
		x.buf = append(x.buf, x.graph...)
	}
}

// typeIRI closes a number literal with its datatype.
// It returns constants: this runs for every number written.
func (x *writer) typeIRI(t string) string {
	switch {
	case x.dgraph && t == "integer":
		return `"^^<xs:int>`
	case x.dgraph:
		return `"^^<xs:double>`
	case t == "integer":
		return `"^^<` + XSD + `integer>`
	}
	return `"^^<` + XSD + `double>`
}

// nodeIRI appends the IRI of node id, or its blank node for Dgraph.
func (x *writer) nodeIRI(b []byte, id string) []byte {
	if x.dgraph {
		return appendBlank(append(b, "_:n"...), id)
	}
	b = append(b, '<')
	b = append(b, x.base...)
	b = append(b, "node:"...)
	b = appendPct(b, id)
	return append(b, '>')
}

func (x *writer) edgeStart(id, pred string) {
	if x.dgraph {
		x.buf = appendBlank(append(x.buf, "_:e"...), id)
		x.buf = append(x.buf, " <"...)
	} else {
		x.buf = append(x.buf, '<')
		x.buf = append(x.buf, x.base...)
		x.buf = append(x.buf, "edge:"...)
		x.buf = appendPct(x.buf, id)
		x.buf = append(x.buf, "> <"...)
	}
	x.buf = append(x.buf, pred...)
	x.buf = append(x.buf, "> "...)
}

func (x *writer) subject(id, pred string) {
	x.buf = x.nodeIRI(x.buf, id)
	x.buf = append(x.buf, " <"...)
	x.buf = append(x.buf, pred...)
	x.buf = append(x.buf, "> "...)
}

func (x *writer) iriTriple(id, pred, obj string) {
	x.subject(id, pred)
	x.buf = append(x.buf, '<')
	x.buf = append(x.buf, obj...)
	x.buf = append(x.buf, '>')
	x.buf = append(x.buf, x.graph...)
}

func (x *writer) link(s, pred, o string) {
	x.subject(s, pred)
	x.buf = x.nodeIRI(x.buf, o)
	x.buf = append(x.buf, x.graph...)
}

func (x *writer) literal(id, pred, v string) {
	x.subject(id, pred)
	x.buf = appendLiteral(x.buf, v)
	x.buf = append(x.buf, x.graph...)
}

func (x *writer) integer(id, pred string, v int) {
	x.subject(id, pred)
	x.buf = append(x.buf, '"')
	x.buf = strconv.AppendInt(x.buf, int64(v), 10)
	x.buf = append(x.buf, x.typeIRI("integer")...)
	x.buf = append(x.buf, x.graph...)
}

func (x *writer) date(id, pred, d string) {
	if d == "" {
		return
	}
	x.subject(id, pred)
	x.buf = x.appendDate(x.buf, d)
	x.buf = append(x.buf, x.graph...)
}

// appendDate appends d typed by its precision; a malformed date stays a
// plain string rather than a typed literal a store would reject, and so do
// all dates for Dgraph, which has no partial-date types.
func (x *writer) appendDate(b []byte, d string) []byte {
	if x.dgraph || !dates.Valid(d) {
		return appendLiteral(b, d)
	}
	b = append(b, '"')
	b = append(b, d...)
	switch len(d) {
	case 4:
		return append(b, `"^^<`+XSD+`gYear>`...)
	case 7:
		return append(b, `"^^<`+XSD+`gYearMonth>`...)
	}
	return append(b, `"^^<`+XSD+`date>`...)
}

// appendLiteral appends s as a quoted literal: \t \n \r \" \\ escaped by
// name, and invalid UTF-8 and characters XML cannot carry (NUL and the
// other controls, U+FFFE, U+FFFF) replaced by U+FFFD, since the lexical
// space of xsd:string excludes them and strict stores refuse them.
func appendLiteral(b []byte, s string) []byte {
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if (r == utf8.RuneError && n == 1) || !xmltext.Allowed(r) {
				b = utf8.AppendRune(b, xmltext.Replacement)
			} else {
				b = append(b, s[i:i+n]...)
			}
			i += n
			continue
		}
		i++
		switch {
		case c == '\t':
			b = append(b, `\t`...)
		case c == '\n':
			b = append(b, `\n`...)
		case c == '\r':
			b = append(b, `\r`...)
		case c == '"':
			b = append(b, `\"`...)
		case c == '\\':
			b = append(b, `\\`...)
		case !xmltext.Allowed(rune(c)):
			b = utf8.AppendRune(b, xmltext.Replacement)
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// appendBlank appends s as the rest of a blank node label: ASCII letters
// and digits stay, every other byte becomes _XX, one-to-one.
func appendBlank(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			b = append(b, c)
		} else {
			b = append(b, '_', hex[c>>4], hex[c&15])
		}
	}
	return b
}

// appendPct appends s percent-encoded for use inside an IRI: ASCII letters
// and digits and "-._~:" stay, every other byte becomes %XX.
func appendPct(b []byte, s string) []byte {
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~', c == ':':
			b = append(b, c)
		default:
			b = append(b, '%', hex[c>>4], hex[c&15])
		}
	}
	return b
}
