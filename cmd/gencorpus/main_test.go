package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus.jsonl")
	src := `{"id":"a","title":"Rates","section":"business","text":"Mervyn King said rates would hold.\n\nMr King spoke in London."}
{"id":"b","title":"Vote","section":"politics","text":"Tony Blair said the vote would be in May.\n\n\"We are ready,\" Mr Blair told reporters."}
`
	if err := os.WriteFile(corpus, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.jsonl")
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"writes", []string{"-n", "7", "-corpus", corpus, "-out", out}, 0},
		{"missing corpus", []string{"-corpus", filepath.Join(dir, "nope.jsonl"), "-out", out + ".2"}, 1},
		{"bad flag", []string{"-n", "x"}, 2},
		{"stray argument", []string{"-corpus", corpus, "extra"}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := run(context.Background(), tc.args, io.Discard, io.Discard); got != tc.want {
				t.Errorf("run(%q) = %d, want %d", tc.args, got, tc.want)
			}
		})
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte("\n")); n != 7 {
		t.Errorf("run(-n 7) wrote %d lines, want 7", n)
	}
}
