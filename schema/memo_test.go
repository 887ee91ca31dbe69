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
