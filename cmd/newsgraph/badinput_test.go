package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadInputs ingests a folder holding every kind of bad input next to
// good articles: each bad input gets exactly one error line naming it and
// saying what is wrong, and the good articles are all stored.
func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	seed, err := os.ReadFile("../../testdata/seeds/000_1270e236db0969ab.txt")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"good.txt":          string(seed),
		"binary.txt":        "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00binary",
		"latin1.txt":        "Caf\xe9 society news.",
		"empty.txt":         "",
		"lines.jsonl":       `{"id":"ok1","text":"The minister said: \"We will act.\"","published":"2005-03-01","section":"politics"}` + "\n" + `{"id":"broken","text":` + "\n" + `{"id":"baddate","text":"Some news.","published":"next Tuesday"}` + "\n",
		"sub/page.html":     "<html><title>T</title><p>The mayor said the road will open.</p></html>",
		"sub/notes.pdf":     "%PDF-1.4 ignored: not an article type",
		"sub/dangling.txt":  "", // replaced by a dangling symlink below
		"huge/big.txt":      "", // replaced by a 50 MB article below
		"sub/unreadable.md": "not read: .md is not an input type in a folder",
	}
	for name, content := range files {
		p := filepath.Join(in, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		switch name {
		case "sub/dangling.txt":
			if err := os.Symlink(filepath.Join(dir, "nowhere.txt"), p); err != nil {
				t.Fatal(err)
			}
			continue
		case "huge/big.txt":
			big := strings.Repeat("All work and no play makes a very long article. ", 50<<20/48)
			content = big
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	_, stderr, code := newsgraph(t, "ingest", "--data", filepath.Join(dir, "data"), "--published", "2017-11-01", in)
	if code != 0 {
		t.Fatalf("ingest exit %d, want 0 (some inputs were good):\n%s", code, stderr)
	}
	wantErrors := []struct{ input, says string }{
		{"binary.txt", "binary"},
		{"latin1.txt", "invalid UTF-8"},
		{"empty.txt", "empty"},
		{"lines.jsonl:2", "malformed JSON"},
		{"lines.jsonl:3", "date does not parse"},
		{"dangling.txt", "no such file"},
		{"big.txt", "too large"},
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for _, w := range wantErrors {
		n := 0
		for _, l := range lines {
			if strings.Contains(l, w.input+":") {
				n++
				if !strings.Contains(l, w.says) {
					t.Errorf("error for %s = %q, want it to say %q", w.input, l, w.says)
				}
			}
		}
		if n != 1 {
			t.Errorf("%d error lines name %s, want 1; stderr:\n%s", n, w.input, stderr)
		}
	}
	if !strings.Contains(stderr, "unknown fields section") {
		t.Errorf("no warning about the unknown JSONL field; stderr:\n%s", stderr)
	}
	summary := lines[len(lines)-1]
	if !strings.Contains(summary, "3 documents stored") || !strings.Contains(summary, "7 inputs failed") {
		t.Errorf("summary = %q, want 3 documents stored and 7 inputs failed", summary)
	}
}

// TestUsageErrors: a wrong command line exits 2 with a message naming what
// was wrong.
func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		says string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"ingest", "--bogus", "x"}, "flag provided but not defined: -bogus"},
		{[]string{"ingest", "--published", "2017-02-30", "x"}, "date does not parse"},
		{[]string{"extract"}, "Usage: newsgraph extract"},
		{[]string{"serve", "--max-running", "-1"}, "--max-running -1"},
		{[]string{"serve", "--max-heavy", "-2"}, "--max-heavy -2"},
		{[]string{"serve", "--cache-mb", "-5"}, "--cache-mb -5"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			_, stderr, code := newsgraph(t, tt.args...)
			if code != 2 || !strings.Contains(stderr, tt.says) {
				t.Errorf("newsgraph %v: exit %d, stderr %q; want exit 2 saying %q", tt.args, code, stderr, tt.says)
			}
		})
	}
}
