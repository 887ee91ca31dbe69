// Package bench holds newsgraph's performance benchmarks: the extractor
// against prose v2 on the same text, the extractor on one and on all
// cores, and bulk ingest into a new store. They read the BBC corpus
// (shared/corpus/bbc.jsonl, found by walking up from the working
// directory, or $NEWSGRAPH_CORPUS) and skip when it is absent.
//
//	go test ./bench -run '^$' -bench . -benchmem
//
// BENCHMARKS.md at the repository root records the method and the numbers;
// bench/run.sh runs the whole suite, load test included.
package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/extract"
)

// CorpusPath returns the path of bbc.jsonl: $NEWSGRAPH_CORPUS, else
// shared/corpus/bbc.jsonl in the working directory or one of its parents.
func CorpusPath() (string, error) {
	if p := os.Getenv("NEWSGRAPH_CORPUS"); p != "" {
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("bench: finding the corpus: %w", err)
	}
	for {
		p := filepath.Join(dir, "shared", "corpus", "bbc.jsonl")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("bench: shared/corpus/bbc.jsonl not found above the working directory: %w", os.ErrNotExist)
		}
		dir = filepath.Dir(dir)
	}
}

// LoadArticles reads up to limit articles (all of them if limit ≤ 0) from
// a JSON Lines file in newsgraph's input shape.
func LoadArticles(path string, limit int) ([]extract.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("bench: loading articles: %w", err)
	}
	defer f.Close()
	var out []extract.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() && (limit <= 0 || len(out) < limit) {
		var a extract.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("bench: loading %s line %d: %w", path, len(out)+1, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("bench: loading %s: %w", path, err)
	}
	return out, nil
}

// Words counts the whitespace-separated words of text, the unit of every
// words/s figure here and in BENCHMARKS.md.
func Words(text string) int {
	n, in := 0, false
	for i := 0; i < len(text); i++ {
		space := text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
