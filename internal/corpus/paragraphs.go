package corpus

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Paragraphs returns the paragraphs longer than 40 bytes of the
// repository's own test articles under root (testdata/seeds/*.txt and the
// texts of testdata/devset/*.json): the material tests recombine into new
// articles whose names, quotes and sentences recur in every combination.
func Paragraphs(root string) ([]string, error) {
	var texts []string
	seeds, _ := filepath.Glob(filepath.Join(root, "testdata", "seeds", "*.txt"))
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		texts = append(texts, string(b))
	}
	dev, _ := filepath.Glob(filepath.Join(root, "testdata", "devset", "*.json"))
	for _, p := range dev {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("corpus: %w", err)
		}
		var a struct{ Text string }
		if json.Unmarshal(b, &a) == nil && a.Text != "" {
			texts = append(texts, a.Text)
		}
	}
	var paras []string
	for _, text := range texts {
		for p := range strings.SplitSeq(text, "\n") {
			if p = strings.TrimSpace(p); len(p) > 40 {
				paras = append(paras, p)
			}
		}
	}
	if len(paras) < 20 {
		return nil, fmt.Errorf("corpus: only %d paragraphs of test articles under %s", len(paras), root)
	}
	return paras, nil
}
