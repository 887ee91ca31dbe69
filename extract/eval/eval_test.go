package eval_test

import (
	"context"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/eval"
)

var updateFloors = flag.Bool("update-floors", false, "write the current scores, rounded down to 0.01, to testdata/floors.json")

const floorsFile = "testdata/floors.json"

// TestDevsetAnnotations checks the gold files themselves: every quote in
// its article at its offsets, every name in the text, and every span
// between quotation marks either annotated or listed as not a quote.
func TestDevsetAnnotations(t *testing.T) {
	dev, err := eval.LoadDevset(filepath.Join("..", "..", "testdata", "devset"))
	if err != nil {
		t.Fatal(err)
	}
	held, err := eval.LoadDevset(filepath.Join("..", "..", "testdata", "devset", "heldout"))
	if err != nil {
		t.Fatal(err)
	}
	// The corpus allows 40 of its articles in the repository.
	if n := len(dev) + len(held); len(dev) < 30 || n > 40 {
		t.Errorf("devset has %d articles and %d held out, want at least 30 and at most 40 in all", len(dev), len(held))
	}
	ids := map[string]bool{}
	for _, a := range dev {
		ids[a.ID] = true
	}
	for _, a := range held {
		if ids[a.ID] {
			t.Errorf("%s is both in the devset and held out", a.ID)
		}
	}
	dev = append(dev, held...)
	sections := map[string]int{}
	for i := range dev {
		a := &dev[i]
		sections[a.Section]++
		if err := a.Check(); err != nil {
			t.Error(err)
		}
		for _, span := range quotedSpans(a.Text) {
			if !covered(a, span) {
				t.Errorf("%s: quoted span %q is neither a gold quote nor a not_quote", a.ID, span)
			}
		}
	}
	for _, s := range []string{"business", "entertainment", "politics", "sport", "tech"} {
		if sections[s] < 5 {
			t.Errorf("devset has %d %s articles, want at least 5", sections[s], s)
		}
	}
}

// quotedSpans returns the spans the article puts in straight double
// quotes. A mark after a space (or at the start of a line) and before a
// non-space opens a quote; any other mark closes it. A quote left open runs
// to the next opening mark or the end of the paragraph, as BBC quotes that
// run into the next paragraph do.
func quotedSpans(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		open := -1
		for i := 0; i < len(para); i++ {
			if para[i] != '"' {
				continue
			}
			opening := (i == 0 || strings.ContainsRune(" ([", rune(para[i-1]))) && i+1 < len(para) && para[i+1] != ' '
			switch {
			case opening && open >= 0:
				out = append(out, strings.TrimSpace(para[open:i]))
				open = i + 1
			case opening:
				open = i + 1
			case open >= 0:
				out = append(out, strings.TrimSpace(para[open:i]))
				open = -1
			}
		}
		if open >= 0 {
			out = append(out, strings.TrimSpace(para[open:]))
		}
	}
	return out
}

func covered(a *eval.GoldArticle, span string) bool {
	ns := eval.Normalize(span)
	for _, q := range a.Quotes {
		nq := eval.Normalize(q.Text)
		if nq == ns || (q.Direct && (strings.Contains(nq, ns) || strings.Contains(ns, nq))) {
			return true
		}
	}
	for _, n := range a.NotQuotes {
		if eval.Normalize(n) == ns {
			return true
		}
	}
	return false
}

// TestRatchet runs the extractor on the development set and the seeds
// and fails when any score drops below its floor.
func TestRatchet(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts 37 articles")
	}
	r, err := eval.Run(context.Background(), extract.New(), eval.DefaultPaths(filepath.Join("..", "..")))
	if err != nil {
		t.Fatal(err)
	}
	var table strings.Builder
	if err := r.WriteTable(&table, nil); err != nil {
		t.Fatal(err)
	}
	t.Logf("\n%s", table.String())
	if *updateFloors {
		if err := eval.WriteFloors(floorsFile, eval.FloorsOf(r)); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", floorsFile)
		return
	}
	floors, err := eval.ReadFloors(floorsFile)
	if err != nil {
		t.Fatalf("%v (create it with go test ./extract/eval -run TestRatchet -update-floors)", err)
	}
	for _, m := range r.Metrics() {
		if _, ok := floors[m.Name]; !ok {
			t.Errorf("metric %s has no floor; run go test ./extract/eval -run TestRatchet -update-floors", m.Name)
		}
	}
	if err := floors.Check(r); err != nil {
		for _, e := range unjoin(err) {
			t.Error(e)
		}
		t.Log("see what is missed with: go run ./cmd/evaluate -v")
	}
}

func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func TestFloorsCheck(t *testing.T) {
	r := &eval.Report{Quotes: eval.PRF{TP: 1, FP: 1, FN: 1}}
	tests := []struct {
		name   string
		floors eval.Floors
		fails  []string
	}{
		{"at floor", eval.Floors{"quote.f1": 0.5}, nil},
		{"above floor", eval.Floors{"quote.f1": 0.4}, nil},
		{"below floor", eval.Floors{"quote.f1": 0.51, "quote.precision": 0.5}, []string{"quote.f1"}},
		{"unknown metric counts as 0", eval.Floors{"no.such": 0.1}, []string{"no.such"}},
		{"zero floor on missing metric", eval.Floors{"no.such": 0}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.floors.Check(r)
			if len(tt.fails) == 0 {
				if err != nil {
					t.Errorf("Check(%v) = %v, want nil", tt.floors, err)
				}
				return
			}
			if !errors.Is(err, eval.ErrBelowFloor) {
				t.Fatalf("Check(%v) = %v, want ErrBelowFloor", tt.floors, err)
			}
			for _, name := range tt.fails {
				if !strings.Contains(err.Error(), name) {
					t.Errorf("Check(%v) = %v, want it to name %s", tt.floors, err, name)
				}
			}
		})
	}
}

func TestFloorsOfRoundsDown(t *testing.T) {
	r := &eval.Report{Quotes: eval.PRF{TP: 2, FP: 1, FN: 0}} // precision 0.667
	f := eval.FloorsOf(r)
	if got, want := f["quote.precision"], 0.66; got != want {
		t.Errorf("FloorsOf(precision 2/3)[quote.precision] = %v, want %v", got, want)
	}
	if got, want := f["quote.recall"], 1.0; got != want {
		t.Errorf("FloorsOf(recall 1)[quote.recall] = %v, want %v", got, want)
	}
	if err := f.Check(r); err != nil {
		t.Errorf("FloorsOf(r).Check(r) = %v, want nil", err)
	}
	path := filepath.Join(t.TempDir(), "floors.json")
	if err := eval.WriteFloors(path, f); err != nil {
		t.Fatal(err)
	}
	back, err := eval.ReadFloors(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(back) != len(f) || back["quote.precision"] != 0.66 {
		t.Errorf("ReadFloors(WriteFloors(f)) = %v, want %v", back, f)
	}
	if _, err := eval.ReadFloors(filepath.Join(t.TempDir(), "none.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFloors(missing) = %v, want os.ErrNotExist", err)
	}
}
