package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDelete ingests articles A and B, deletes B with 'newsgraph delete'
// and compares the graph with one built from A alone; then checks the
// errors: an unknown ID is named and fails the run without stopping the
// other IDs, no ID is a usage error.
func TestDelete(t *testing.T) {
	tmp := t.TempDir()
	all := filepath.Join(tmp, "all.jsonl")
	writeCorpus(t, all, 12)
	b, err := os.ReadFile(all)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(strings.TrimSpace(string(b)), "\n")
	aFile, bFile := filepath.Join(tmp, "a.jsonl"), filepath.Join(tmp, "b.jsonl")
	if err := os.WriteFile(aFile, []byte(strings.Join(lines[:8], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bFile, []byte(strings.Join(lines[8:], "")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bIDs := []string{"gen-0008", "gen-0009", "gen-0010", "gen-0011"}

	ref := filepath.Join(tmp, "ref")
	if _, stderr, code := newsgraph(t, "ingest", "--data", ref, aFile); code != 0 {
		t.Fatalf("ingest A: exit %d: %s", code, stderr)
	}
	want, _ := snapshot(t, ref)

	data := filepath.Join(tmp, "data")
	for _, f := range []string{aFile, bFile} {
		if _, stderr, code := newsgraph(t, "ingest", "--data", data, f); code != 0 {
			t.Fatalf("ingest %s: exit %d: %s", f, code, stderr)
		}
	}
	stdout, stderr, code := newsgraph(t, append([]string{"delete", "--data", data}, bIDs...)...)
	if code != 0 {
		t.Fatalf("newsgraph delete B: exit %d, want 0: %s", code, stderr)
	}
	for _, id := range bIDs {
		if !strings.Contains(stdout, "deleted "+id+"\n") {
			t.Errorf("newsgraph delete stdout = %q, want a line for %s", stdout, id)
		}
	}
	got, docs := snapshot(t, data) // verifies too
	if docs != 8 {
		t.Errorf("after deleting B the store holds %d documents, want 8", docs)
	}
	if diff := diffLines(got, want); diff != "" {
		t.Errorf("A+B with B deleted differs from A alone:\n%s", diff)
	}

	t.Run("unknown ID", func(t *testing.T) {
		stdout, stderr, code := newsgraph(t, "delete", "--data", data, "no-such-doc", "gen-0000")
		if code != 1 {
			t.Errorf("delete no-such-doc gen-0000: exit %d, want 1", code)
		}
		if !strings.Contains(stderr, "no-such-doc") {
			t.Errorf("delete no-such-doc: stderr = %q, want the ID named", stderr)
		}
		if !strings.Contains(stdout, "deleted gen-0000") {
			t.Errorf("delete no-such-doc gen-0000: stdout = %q, want gen-0000 deleted all the same", stdout)
		}
		if _, docs := snapshot(t, data); docs != 7 {
			t.Errorf("store holds %d documents, want 7", docs)
		}
	})
	t.Run("no ID", func(t *testing.T) {
		if _, _, code := newsgraph(t, "delete", "--data", data); code != 2 {
			t.Errorf("delete with no ID: exit %d, want 2", code)
		}
	})
	t.Run("no store", func(t *testing.T) {
		missing := filepath.Join(tmp, "missing")
		if _, stderr, code := newsgraph(t, "delete", "--data", missing, "gen-0001"); code != 1 || !strings.Contains(stderr, missing) {
			t.Errorf("delete in a missing store: exit %d, stderr %q; want 1 naming %s", code, stderr, missing)
		}
		if _, err := os.Stat(missing); err == nil {
			t.Errorf("delete created a store at %s", missing)
		}
	})
	t.Run("verify --gc", func(t *testing.T) {
		stdout, stderr, code := newsgraph(t, "verify", "--gc", "--data", data)
		if code != 0 || !strings.Contains(stdout, "7 documents") {
			t.Errorf("verify --gc: exit %d, stdout %q, stderr %q; want 0 and 7 documents", code, stdout, stderr)
		}
	})
}
