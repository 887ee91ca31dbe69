package schema

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/gqlerrors"
)

// encodeResult must write the bytes json.Marshal writes, whatever the
// answer holds: cached answers and the lean executor's tests compare
// bytes.
func TestEncodeResultMatchesMarshal(t *testing.T) {
	tests := []struct {
		name string
		data any
	}{
		{"nil", nil},
		{"plain strings", map[string]any{"name": "Joseph Yun", "id": "person:joseph-yun"}},
		{"HTML and quotes", map[string]any{"text": `"Until the first bomb drops" <b> & 'so'`}},
		{"control characters", []any{"a\nb\tc\rd\be\ff\x00g\x1f"}},
		{"backslash", []any{`C:\path`}},
		{"unicode", []any{"Kim Jong-un — 김정은 🚀", "line\u2028sep\u2029"}},
		{"invalid UTF-8", []any{"bad \xff byte", "\xc3"}},
		{"escaped keys", map[string]any{"<k>": 1, "a\"b": 2, "z": 3, "é": 4}},
		{"numbers", []any{0, -1, 1 << 40, 0.0, math.Copysign(0, -1), 3.5, 1e-6, 1e-7, 1e20, 1e21, 123456789.125, -2.5e-9}},
		{"bools and nulls", []any{true, false, nil, map[string]any{"x": nil}}},
		{"nested", map[string]any{"data": map[string]any{"edges": []any{map[string]any{"node": map[string]any{"w": 2.0, "t": "said"}}}, "empty": []any{}, "none": map[string]any{}}}},
		{"other types through json.Marshal", []any{[]string{"a", "<"}, int64(7), float32(1.5), map[string]string{"b": "c"}, struct{ X int }{1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := &graphql.Result{Data: tt.data}
			want, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			got, err := encodeResult(res)
			if err != nil {
				t.Fatalf("encodeResult: %v", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("encodeResult = %s, want %s", got, want)
			}
		})
	}
	t.Run("errors", func(t *testing.T) {
		res := &graphql.Result{Data: map[string]any{"a": nil}, Errors: gqlerrors.FormatErrors(gqlerrors.NewFormattedError("boom"))}
		want, _ := json.Marshal(res)
		if got, err := encodeResult(res); err != nil || !bytes.Equal(got, want) {
			t.Errorf("encodeResult = %s, %v, want %s", got, err, want)
		}
	})
	t.Run("NaN fails as in json.Marshal", func(t *testing.T) {
		if _, err := encodeResult(&graphql.Result{Data: []any{math.NaN()}}); err == nil {
			t.Error("encodeResult(NaN) succeeded, want an error")
		}
	})
}

func FuzzEncodeResult(f *testing.F) {
	f.Add("Joseph Yun", 1.5, 3)
	f.Add("<\u2028\xff\"\\", 1e-9, -1)
	f.Fuzz(func(t *testing.T, s string, x float64, n int) {
		res := &graphql.Result{Data: map[string]any{s: []any{s, x, n, map[string]any{"k": s}}}}
		want, werr := json.Marshal(res)
		got, gerr := encodeResult(res)
		if (werr == nil) != (gerr == nil) || !bytes.Equal(got, want) {
			t.Errorf("encodeResult = %q, %v, want %q, %v", got, gerr, want, werr)
		}
	})
}
