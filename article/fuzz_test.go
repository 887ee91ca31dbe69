package article

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzReadJSONL checks the JSON Lines reader on arbitrary input: it never
// panics, every line gives at most one item, and every article it returns
// is valid, non-empty UTF-8 within the size cap with a normalised date.
func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Hello.","published":"2017-11-01"}` + "\n" + `{"text":"x"`))
	f.Add([]byte("\xff\xfe{\"text\":\"bad\"}\n\n{}\n"))
	f.Add([]byte(`{"text":"ok","published":"2017-02-30"}`))
	f.Add([]byte(`{"text":"` + strings.Repeat("long ", 100) + `"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		n := 0
		err := ReadJSONL(context.Background(), "fuzz.jsonl", bytes.NewReader(data), Options{MaxBytes: 256}, func(it Item) error {
			n++
			if it.Err != nil {
				if !strings.HasPrefix(it.Err.Error(), "fuzz.jsonl:") {
					t.Errorf("error %q does not name the input", it.Err)
				}
				return nil
			}
			a := it.Article
			if a.ID == "" || strings.TrimSpace(a.Text) == "" || !utf8.ValidString(a.Text) || len(a.Text) > 256 {
				t.Errorf("bad article accepted: %+v", a)
			}
			if a.Published != "" {
				if _, err := NormalizeDate(a.Published); err != nil {
					t.Errorf("published %q accepted: %v", a.Published, err)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("ReadJSONL = %v", err)
		}
		if n > lines {
			t.Errorf("%d items from %d lines", n, lines)
		}
	})
}
