package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
)

const corpusPath = "/work/shared/corpus/bbc.jsonl"

type corpusArticle struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// loadCorpus reads up to n articles (all when n is 0) of the BBC corpus,
// skipping the test when it is not there.
func loadCorpus(tb testing.TB, n int) []corpusArticle {
	tb.Helper()
	path := os.Getenv("NEWSGRAPH_CORPUS")
	if path == "" {
		path = corpusPath
	}
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("corpus not available: %v", err)
	}
	defer f.Close()
	var out []corpusArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && (n == 0 || len(out) < n) {
		var a corpusArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatalf("reading %s: %v", path, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		tb.Fatalf("reading %s: %v", path, err)
	}
	return out
}
