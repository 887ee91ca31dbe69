package schema

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestMemo(t *testing.T) {
	errBusy := errors.New("busy")
	for _, tc := range []struct {
		name      string
		err       error // what the store answers
		wantCalls int   // store reads for two lookups of one ID
	}{
		{"found", nil, 1},
		{"not found", fmt.Errorf("graph: entity %q: %w", "x", graph.ErrNotFound), 1},
		{"other error", errBusy, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := &memo{}
			calls := 0
			get := func(context.Context, string) (graph.Entity, error) {
				calls++
				return graph.Entity{ID: "x"}, tc.err
			}
			for i := 0; i < 2; i++ {
				if _, err := cached(context.Background(), m, &m.ents, "x", get); !errors.Is(err, tc.err) {
					t.Fatalf("cached(x) error = %v, want %v", err, tc.err)
				}
			}
			if calls != tc.wantCalls {
				t.Errorf("cached(x) twice = %d store reads, want %d", calls, tc.wantCalls)
			}
		})
	}
}

// TestValidatedOnce checks that remembering valid query texts never lets
// an invalid one through, on its first or a later request.
func TestValidatedOnce(t *testing.T) {
	s, err := graph.Open(context.Background(), graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sch, err := build(s, Options{}.withDefaults())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query   string
		wantErr bool
	}{
		{`{ stats { documents } }`, false},
		{`{ stats { documents nosuchfield } }`, true},
		{`query($n: String) { entity(name: $n) { id } }`, false},
		{`query { entity(name: $undefined) { id } }`, true},
	} {
		for i := 0; i < 2; i++ {
			res := Execute(context.Background(), sch, Request{Query: tc.query, Variables: map[string]any{"n": "x"}}, Options{})
			if got := len(res.Errors) > 0; got != tc.wantErr {
				t.Errorf("Execute(%q) #%d errors = %v, want errors %v", tc.query, i+1, res.Errors, tc.wantErr)
			}
		}
	}
}
