package extract

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the want.json of the golden files in testdata")

// TestGolden extracts article.txt of every testdata/*.txtar and compares
// the Document with want.json. The archive comment holds "published: DATE".
// Run go test ./extract -update to rewrite want.json, then read the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	x := New()
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var text, want []byte
			wantIdx := -1
			for i, af := range ar.Files {
				switch af.Name {
				case "article.txt":
					text = af.Data
				case "want.json":
					want, wantIdx = af.Data, i
				}
			}
			published := ""
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				if v, ok := strings.CutPrefix(line, "published:"); ok {
					published = strings.TrimSpace(v)
				}
			}
			// txtar ends every file with a newline; the article keeps it.
			a := Article{ID: strings.TrimSuffix(filepath.Base(f), ".txtar"), Text: string(text), Published: published}
			d, err := x.Extract(context.Background(), a)
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, '\n')
			if *update {
				if wantIdx < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "want.json"})
					wantIdx = len(ar.Files) - 1
				}
				ar.Files[wantIdx].Data = got
				if err := os.WriteFile(f, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if !bytes.Equal(got, want) {
				t.Errorf("Extract(%s) differs from want.json (go test ./extract -update rewrites it):\n%s", f, firstDiff(string(got), string(want)))
			}
		})
	}
}

// firstDiff shows the first differing line with a little context.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n  got  " + gl + "\n  want " + wl
		}
	}
	return ""
}

func itoa(i int) string {
	b, _ := json.Marshal(i)
	return string(b)
}
