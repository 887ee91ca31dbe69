package timex

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/corpus"
)

type corpusArticle = corpus.Article

// loadCorpus reads up to n articles (all when n is 0) of the BBC corpus,
// skipping the test when it is not there.
func loadCorpus(tb testing.TB, n int) []corpusArticle {
	tb.Helper()
	arts, err := corpus.Load(n)
	if err != nil {
		tb.Skipf("corpus not available: %v", err)
	}
	return arts
}
