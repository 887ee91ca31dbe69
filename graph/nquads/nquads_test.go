package nquads_test

import (
	"bytes"
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/internal/exporttest"
	"github.com/newsgraph/newsgraph/graph/internal/xmltext"
	"github.com/newsgraph/newsgraph/graph/nquads"
)

func write(t *testing.T, g graph.Walker, opts nquads.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := nquads.Write(context.Background(), &buf, g, opts); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

const (
	rdfType  = nquads.RDF + "type"
	nodeBase = "urn:newsgraph:node:"
	edgeType = "urn:newsgraph:vocab:Edge"
)

func TestWrite(t *testing.T) {
	tests := []struct {
		name string
		g    *exporttest.Graph
	}{
		{"small", exporttest.Small()},
		{"hostile", exporttest.Hostile()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := write(t, tt.g.Walker(), nquads.Options{})
			exporttest.Golden(t, tt.name+".nq", out)
			quads, err := parseNQuads(out)
			if err != nil {
				t.Fatalf("a triple store would reject the output: %v", err)
			}
			nodes, edges := map[string]bool{}, 0
			for _, q := range quads {
				if q.G.Value != "urn:newsgraph:graph" {
					t.Errorf("quad in graph %q", q.G.Value)
				}
				if q.P.Value != rdfType {
					continue
				}
				if q.O.Value == edgeType {
					edges++
				} else if strings.HasPrefix(q.S.Value, nodeBase) {
					if nodes[q.S.Value] {
						t.Errorf("node %q typed twice: two IDs mapped to one IRI", q.S.Value)
					}
					nodes[q.S.Value] = true
				}
			}
			if len(nodes) != len(tt.g.Nodes) || edges != len(tt.g.Edges) {
				t.Errorf("typed %d nodes and %d edges, want %d and %d", len(nodes), edges, len(tt.g.Nodes), len(tt.g.Edges))
			}
			for _, q := range quads {
				if q.O.Kind == 'I' && strings.HasPrefix(q.O.Value, nodeBase) && !nodes[q.O.Value] {
					t.Errorf("statement %s %s points to undeclared node %s", q.S.Value, q.P.Value, q.O.Value)
				}
			}
		})
	}
}

// TestWriteValues reads the statements about one node and one edge back.
func TestWriteValues(t *testing.T) {
	quads, err := parseNQuads(write(t, exporttest.Small().Walker(), nquads.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	about := map[string][]string{}
	for _, q := range quads {
		k := q.S.Value + " " + q.P.Value
		v := q.O.Value
		if q.O.Kind == 'L' && q.O.Datatype != "http://www.w3.org/2001/XMLSchema#string" {
			v += "^^" + strings.TrimPrefix(q.O.Datatype, "http://www.w3.org/2001/XMLSchema#")
		}
		about[k] = append(about[k], v)
	}
	yun, quote := nodeBase+"person:joseph-yun", nodeBase+"quote:0001"
	tests := []struct {
		s, p string
		want []string
	}{
		{yun, rdfType, []string{nquads.Schema + "Person"}},
		{yun, nquads.Schema + "name", []string{"Joseph Yun"}},
		{yun, nquads.Schema + "alternateName", []string{"Mr Yun", "Yun"}},
		{yun, "urn:newsgraph:vocab:mentions", []string{"7^^integer"}},
		{yun, "urn:newsgraph:vocab:firstSeen", []string{"2017-10-17^^date"}},
		{nodeBase + "event:talks-2017", nquads.Schema + "startDate", []string{"2017-10^^gYearMonth"}},
		{quote, nquads.Schema + "text", []string{"diplomatic efforts will continue until the first bomb drops"}},
		{quote, nquads.Schema + "spokenByCharacter", []string{nodeBase + "person:rex-tillerson"}},
		{nodeBase + "person:rex-tillerson", "urn:newsgraph:vocab:said", []string{quote}},
		{"urn:newsgraph:edge:e5", "urn:newsgraph:vocab:weight", []string{"3.5^^double"}},
		{"urn:newsgraph:edge:e6", "urn:newsgraph:vocab:date", []string{"2017^^gYear"}},
	}
	for _, tt := range tests {
		if got := about[tt.s+" "+tt.p]; strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
			t.Errorf("%s %s = %q, want %q", tt.s, tt.p, got, tt.want)
		}
	}
}

// TestHostileRoundTrip checks that literals come back exactly as written,
// up to the characters a literal cannot carry.
func TestHostileRoundTrip(t *testing.T) {
	g := exporttest.Hostile()
	quads, err := parseNQuads(write(t, g.Walker(), nquads.Options{}))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, q := range quads {
		if q.P.Value == nquads.Schema+"name" || q.P.Value == nquads.Schema+"text" {
			names[q.O.Value] = true
		}
	}
	for _, n := range g.Nodes {
		want := xmltext.Clean(n.Label)
		if !names[want] {
			t.Errorf("label %q did not come back (as %q)", n.Label, want)
		}
	}
}

func TestParserRejects(t *testing.T) {
	const g = " <urn:g> .\n"
	bad := map[string]string{
		"space in IRI":    "<urn:a b> <urn:p> <urn:o>" + g,
		"brace in IRI":    "<urn:a{b}> <urn:p> <urn:o>" + g,
		"relative IRI":    "<a> <urn:p> <urn:o>" + g,
		"bad percent":     "<urn:a%zz> <urn:p> <urn:o>" + g,
		"bad escape":      `<urn:a> <urn:p> "x\q"` + g,
		"raw quote":       `<urn:a> <urn:p> "x"y"` + g,
		"missing graph":   "<urn:a> <urn:p> <urn:o> .\n",
		"missing dot":     "<urn:a> <urn:p> <urn:o> <urn:g>\n",
		"literal subject": `"a" <urn:p> <urn:o>` + g,
		"pipe in IRI":     "<urn:a|b> <urn:p> <urn:o>" + g,
	}
	for name, in := range bad {
		t.Run(name, func(t *testing.T) {
			if _, err := parseNQuads([]byte(in)); err == nil {
				t.Errorf("parseNQuads(%q) accepted it, want an error", in)
			}
		})
	}
	if _, err := parseNQuads([]byte(`<urn:a> <urn:p> "x\u00e9\n\"" <urn:g> . # ok` + "\n")); err != nil {
		t.Errorf("parseNQuads(valid) = %v", err)
	}
}

func TestWriteBadOptions(t *testing.T) {
	for _, o := range []nquads.Options{{Base: "no scheme"}, {Graph: "urn:has space"}, {Vocab: "urn:<x>"}} {
		err := nquads.Write(context.Background(), new(bytes.Buffer), exporttest.Small().Walker(), o)
		if !errors.Is(err, nquads.ErrBadIRI) {
			t.Errorf("Write(%+v) = %v, want ErrBadIRI", o, err)
		}
	}
}

func TestWriteErrors(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := nquads.Write(ctx, new(bytes.Buffer), exporttest.Small().Walker(), nquads.Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("Write(cancelled) = %v, want context.Canceled", err)
	}
}

func TestWriteStore(t *testing.T) {
	g := exporttest.Store(t)
	wantN, wantE := exporttest.Count(t, g)
	quads, err := parseNQuads(write(t, g, nquads.Options{}))
	if err != nil {
		t.Fatalf("a triple store would reject the output: %v", err)
	}
	nodes, edges := 0, 0
	for _, q := range quads {
		if q.P.Value == rdfType {
			if q.O.Value == edgeType {
				edges++
			} else {
				nodes++
			}
		}
	}
	if nodes != wantN || edges != wantE {
		t.Errorf("typed %d nodes and %d edges, want %d and %d", nodes, edges, wantN, wantE)
	}
}

func TestWriteDgraph(t *testing.T) {
	for _, g := range []*exporttest.Graph{exporttest.Small(), exporttest.Hostile()} {
		out := write(t, g.Walker(), nquads.Options{Dgraph: true})
		// <dgraph.type> is the one term of Dgraph's dialect that is not an
		// absolute IRI; everything else must pass the strict parser.
		quads, err := parse(bytes.ReplaceAll(out, []byte("<dgraph.type>"), []byte("<urn:dgraph.type>")), false)
		if err != nil {
			t.Fatalf("Dgraph output rejected: %v", err)
		}
		blank := regexp.MustCompile(`^[ne][A-Za-z0-9_]*$`)
		types := map[string]string{}
		for _, q := range quads {
			if q.G.Kind != 0 {
				t.Errorf("statement %v has a graph term; Dgraph reads it as a namespace", q)
			}
			if q.S.Kind != 'B' || !blank.MatchString(q.S.Value) {
				t.Errorf("subject %q is not a blank node Dgraph can map", q.S.Value)
			}
			if q.P.Value == "urn:dgraph.type" {
				if prev, ok := types[q.S.Value]; ok {
					t.Errorf("%s has dgraph.type %q and %q: two IDs share a blank node", q.S.Value, prev, q.O.Value)
				}
				types[q.S.Value] = q.O.Value
			}
		}
		if len(types) != len(g.Nodes)+len(g.Edges) {
			t.Errorf("%d blank nodes typed, want %d nodes + %d edges", len(types), len(g.Nodes), len(g.Edges))
		}
	}
}

func TestWriteDgraphNoIRIObjects(t *testing.T) {
	quads, err := parse(bytes.ReplaceAll(write(t, exporttest.Small().Walker(), nquads.Options{Dgraph: true}),
		[]byte("<dgraph.type>"), []byte("<urn:dgraph.type>")), false)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range quads {
		if q.O.Kind == 'I' {
			t.Errorf("%s %s has the IRI object %s, which Dgraph cannot load", q.S.Value, q.P.Value, q.O.Value)
		}
	}
}
