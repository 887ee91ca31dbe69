package schema

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/graphql-go/graphql"
	"github.com/newsgraph/newsgraph/graph"
)

// TestPlainAppenders checks that a plain field's appender writes what its
// resolver answers, as graphql-go would encode it, or declines, appending
// nothing, where only graphql-go's way gives the answer.
func TestPlainAppenders(t *testing.T) {
	id := plainString(graphql.NewNonNull(graphql.ID), func(e graph.Edge) string { return e.ID })
	first := plainString(graphql.String, func(e graph.Edge) string { return e.FirstSeen })
	weight := plainFloat(func(e graph.Edge) float64 { return e.Weight })
	mentions := plainInt(func(n graph.Node) int { return n.Mentions })
	direct := plainBool(func(q graph.Quote) bool { return q.Direct })
	tests := []struct {
		name    string
		field   *graphql.Field
		source  any
		want    string // "" when the appender must decline
		resolve bool   // compare with the resolver's answer
	}{
		{"a string", id, graph.Edge{ID: `mw:a|"b"`}, `"mw:a|\"b\""`, true},
		{"an empty non-null string", id, graph.Edge{}, `""`, true},
		{"an empty nullable string is null", first, graph.Edge{}, `null`, true},
		{"a nullable string", first, graph.Edge{FirstSeen: "2020-01-02"}, `"2020-01-02"`, true},
		{"markup escaped as json.Marshal does", first, graph.Edge{FirstSeen: "<b>&"}, `"\u003cb\u003e\u0026"`, true},
		{"a whole float", weight, graph.Edge{Weight: 3}, `3`, true},
		{"a fraction", weight, graph.Edge{Weight: 0.25}, `0.25`, true},
		{"an exponent declines", weight, graph.Edge{Weight: 1e22}, ``, false},
		{"NaN declines", weight, graph.Edge{Weight: math.NaN()}, ``, false},
		{"an int", mentions, graph.Node{Mentions: 42}, `42`, true},
		{"an int over 32 bits declines", mentions, graph.Node{Mentions: math.MaxInt32 + 1}, ``, false},
		{"a bool", direct, graph.Quote{Direct: true}, `true`, true},
		{"another type declines", id, graph.Node{ID: "x"}, ``, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, ok := plainPending.Load(tc.field)
			if !ok {
				t.Fatal("no appender kept for the field")
			}
			prefix := []byte(`{"k":`)
			got, ok := a.(appender)(prefix, tc.source)
			switch {
			case tc.want == "":
				if ok || string(got) != string(prefix) {
					t.Errorf("appended %q, %v; want it to decline and append nothing", got, ok)
				}
				return
			case !ok || string(got) != string(prefix)+tc.want:
				t.Errorf("appended %q, %v; want %q", got, ok, string(prefix)+tc.want)
			}
			if !tc.resolve {
				return
			}
			v, err := tc.field.Resolve(graphql.ResolveParams{Source: tc.source})
			if err != nil {
				t.Fatal(err)
			}
			typ := tc.field.Type
			if nn, ok := typ.(*graphql.NonNull); ok {
				typ = nn.OfType
			}
			if v != nil {
				v = typ.(*graphql.Scalar).Serialize(v)
			}
			enc, _ := json.Marshal(v)
			if string(enc) != tc.want {
				t.Errorf("the resolver answers %s, the appender %s", enc, tc.want)
			}
		})
	}
}

// TestPlainFieldsFiled checks that building the schema files the
// appenders of the fields that large answers are made of, a thunk's
// fields (Entity) included: without them the answers stay right, only
// slower, so nothing else would notice.
func TestPlainFieldsFiled(t *testing.T) {
	fixtureSchema(t)
	for _, k := range []plainKey{
		{"GraphEdge", "source"}, {"GraphEdge", "weight"}, {"GraphNode", "mentionCount"},
		{"Quote", "text"}, {"Quote", "direct"}, {"Source", "start"}, {"Document", "title"},
		{"Entity", "name"}, {"Role", "title"},
	} {
		if plainAppender(k.object, k.field) == nil {
			t.Errorf("%s.%s: no appender filed", k.object, k.field)
		}
	}
	if plainAppender("Quote", "speaker") != nil {
		t.Error("Quote.speaker, which reads the store, has an appender")
	}
}
