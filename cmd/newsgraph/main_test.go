package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/corpus"
)

// binary is the newsgraph command built once for these tests: they run it
// as a user would, as a child process.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "newsgraph-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building newsgraph: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func newsgraph(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	cmd := exec.Command(binary, args...)
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return o.String(), e.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatalf("newsgraph %v: %v", args, err)
	}
	return o.String(), e.String(), 0
}

// paragraphs returns the paragraphs of the repo's test articles, the
// material generated articles are drawn from.
func paragraphs(t *testing.T) []string {
	t.Helper()
	paras, err := corpus.Paragraphs("../..")
	if err != nil {
		t.Fatal(err)
	}
	return paras
}

// writeCorpus writes n articles recombined from the test articles'
// paragraphs, deterministically, as JSON Lines.
func writeCorpus(t *testing.T, path string, n int) {
	t.Helper()
	paras := paragraphs(t)
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for i := range n {
		r := rand.New(rand.NewPCG(uint64(i), 7))
		var body []string
		for range 6 + r.IntN(6) {
			body = append(body, paras[r.IntN(len(paras))])
		}
		day := 1 + i%28
		err := enc.Encode(map[string]string{
			"id": fmt.Sprintf("gen-%04d", i), "title": fmt.Sprintf("Story %d", i),
			"text": strings.Join(body, "\n\n"), "published": fmt.Sprintf("2017-%02d-%02d", 1+i%12, day),
			"source": fmt.Sprintf("outlet-%d", i%5),
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// snapshot is every node and edge of a store, as comparable lines.
func snapshot(t *testing.T, dir string) (facts []string, docs int) {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, graph.Options{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatalf("opening the store after the crash: %v", err)
	}
	defer s.Close()
	if err := s.Verify(ctx); err != nil {
		t.Fatalf("store %s does not verify: %v", dir, err)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	w := s.Walker()
	err = w.Nodes(ctx, func(n graph.Node) error {
		facts = append(facts, fmt.Sprintf("node %s %q %s m=%d s=%d %v", n.ID, n.Label, n.Type, n.Mentions, n.Sources, n.Dates))
		return nil
	})
	if err == nil {
		err = w.Edges(ctx, func(e graph.Edge) error {
			facts = append(facts, fmt.Sprintf("edge %s %s %s %s w=%g", e.ID, e.Source, e.Target, e.Type, e.Weight))
			return nil
		})
	}
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(facts)
	return facts, st.Documents
}

// TestKillDuringIngest kills an ingest with SIGKILL at random moments: the
// store must open, verify and answer after every kill, and re-running the
// ingest must complete it to exactly the store an uninterrupted ingest
// builds: nothing missing, nothing twice.
func TestKillDuringIngest(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real ingests; skipped with -short")
	}
	tmp := t.TempDir()
	corpus := filepath.Join(tmp, "corpus.jsonl")
	const n = 120
	writeCorpus(t, corpus, n)

	ref := filepath.Join(tmp, "ref")
	start := time.Now()
	if _, stderr, code := newsgraph(t, "ingest", "--data", ref, corpus); code != 0 {
		t.Fatalf("reference ingest: exit %d: %s", code, stderr)
	}
	full := time.Since(start)
	want, wantDocs := snapshot(t, ref)
	if wantDocs != n {
		t.Fatalf("reference store holds %d documents, want %d", wantDocs, n)
	}

	r := rand.New(rand.NewPCG(1, 2))
	kills, partial := 3, 0
	for trial := range kills {
		dir := filepath.Join(tmp, fmt.Sprintf("kill%d", trial))
		// Kill at most twice in a row in the same store, to crash a
		// re-run as well as a first run.
		for round := range 2 {
			cmd := exec.Command(binary, "ingest", "--data", dir, corpus)
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			delay := time.Duration(r.Int64N(int64(full)*3/4)) + 5*time.Millisecond
			time.Sleep(delay)
			_ = cmd.Process.Signal(syscall.SIGKILL)
			_ = cmd.Wait()
			_, docs := snapshot(t, dir) // opens, verifies and walks the crashed store
			if docs > 0 && docs < n {
				partial++
			}
			t.Logf("trial %d round %d: killed after %v with %d/%d documents stored", trial, round, delay, docs, n)
		}
		if _, stderr, code := newsgraph(t, "ingest", "--data", dir, corpus); code != 0 {
			t.Fatalf("re-run after kill: exit %d: %s", code, stderr)
		}
		got, docs := snapshot(t, dir)
		if docs != n {
			t.Fatalf("trial %d: after re-run the store holds %d documents, want %d", trial, docs, n)
		}
		if diff := diffLines(got, want); diff != "" {
			t.Fatalf("trial %d: store after kill and re-run differs from an uninterrupted ingest:\n%s", trial, diff)
		}
	}
	if partial == 0 {
		t.Logf("no kill landed mid-ingest (all before the first or after the last document); the ingest of %d documents took %v", n, full)
	}
}

func diffLines(got, want []string) string {
	g := map[string]bool{}
	for _, l := range got {
		g[l] = true
	}
	w := map[string]bool{}
	for _, l := range want {
		w[l] = true
	}
	var b strings.Builder
	shown := 0
	for _, l := range want {
		if !g[l] && shown < 10 {
			fmt.Fprintf(&b, "- %s\n", l)
			shown++
		}
	}
	for _, l := range got {
		if !w[l] && shown < 20 {
			fmt.Fprintf(&b, "+ %s\n", l)
			shown++
		}
	}
	if len(got) != len(want) && b.Len() == 0 {
		fmt.Fprintf(&b, "%d facts, want %d (duplicates)\n", len(got), len(want))
	}
	return b.String()
}
