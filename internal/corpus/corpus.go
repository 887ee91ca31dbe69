// Package corpus finds and reads the shared BBC news corpus
// (shared/corpus/bbc.jsonl, beside the repository) for tests and
// benchmarks, which skip when it is not there.
package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// Article is one line of the corpus.
type Article struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Text    string `json:"text"`
	Section string `json:"section"`
}

// Path returns the corpus file: $NEWSGRAPH_CORPUS, else
// shared/corpus/bbc.jsonl in the working directory or one of its parents.
func Path() (string, error) {
	if p := os.Getenv("NEWSGRAPH_CORPUS"); p != "" {
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("corpus: %w", err)
	}
	for {
		p := filepath.Join(dir, "shared", "corpus", "bbc.jsonl")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("corpus: shared/corpus/bbc.jsonl not found above the working directory: %w", os.ErrNotExist)
		}
		dir = filepath.Dir(dir)
	}
}

// Load reads up to n articles of the corpus, all of them when n is 0.
func Load(n int) ([]Article, error) {
	path, err := Path()
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("corpus: %w", err)
	}
	defer f.Close()
	var out []Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() && (n == 0 || len(out) < n) {
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("corpus: %s line %d: %w", path, len(out)+1, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("corpus: %s: %w", path, err)
	}
	return out, nil
}
