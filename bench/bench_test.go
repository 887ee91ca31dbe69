package bench

import (
	"os"
	"path/filepath"
	"testing"
)

func TestLoadArticles(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.jsonl")
	src := `{"id":"a","text":"one two"}
{"id":"b","text":"three","published":"2005-01-02"}
{"id":"c","text":"four"}
`
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		limit int
		want  int
	}{
		{"all", 0, 3},
		{"two", 2, 2},
		{"more than there are", 10, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			arts, err := LoadArticles(path, tc.limit)
			if err != nil || len(arts) != tc.want {
				t.Fatalf("LoadArticles(limit %d) = %d articles, %v; want %d", tc.limit, len(arts), err, tc.want)
			}
			if arts[1].ID != "b" || arts[1].Published != "2005-01-02" {
				t.Errorf("LoadArticles()[1] = %+v, want b published 2005-01-02", arts[1])
			}
		})
	}
	if err := os.WriteFile(path, []byte("{not json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadArticles(path, 0); err == nil {
		t.Errorf("LoadArticles(bad line) error = nil, want one")
	}
}

func TestDirSize(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "a"), make([]byte, 100), 0o644)
	os.WriteFile(filepath.Join(dir, "sub", "b"), make([]byte, 23), 0o644)
	if got, err := DirSize(dir); err != nil || got != 123 {
		t.Errorf("DirSize = %d, %v; want 123", got, err)
	}
}

func TestPeakRSS(t *testing.T) {
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc")
	}
	if got, err := PeakRSS(); err != nil || got < 1<<20 {
		t.Errorf("PeakRSS() = %d, %v; want at least 1 MiB", got, err)
	}
}
