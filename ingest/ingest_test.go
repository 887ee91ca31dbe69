package ingest

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/article"
	"github.com/newsgraph/newsgraph/extract"
)

// items is a Source of n articles, with an unreadable input at every
// badEvery-th position.
func items(n, badEvery int) Source {
	return func(ctx context.Context, emit func(article.Item) error) error {
		for i := range n {
			it := article.Item{Origin: fmt.Sprintf("in-%d", i), Article: extract.Article{ID: fmt.Sprintf("doc-%d", i),
				Text: strings.Repeat(fmt.Sprintf("Mr Smith said %d things. ", i), 1+i%7)}}
			if badEvery > 0 && i%badEvery == 0 {
				it = article.Item{Origin: it.Origin, Err: errors.New("unreadable")}
			}
			if err := emit(it); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestRunKeepsInputOrder(t *testing.T) {
	for _, workers := range []int{1, 2, 7} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			var got []int
			err := Run(context.Background(), items(300, 10), extract.New(), Options{Workers: workers}, func(r Result) error {
				got = append(got, r.Seq)
				if (r.Seq%10 == 0) != (r.Err != nil) {
					t.Errorf("result %d: err = %v", r.Seq, r.Err)
				}
				if r.Err == nil && r.Doc.ID != fmt.Sprintf("doc-%d", r.Seq) {
					t.Errorf("result %d carries document %s", r.Seq, r.Doc.ID)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 300 {
				t.Fatalf("sink saw %d results, want 300", len(got))
			}
			for i, s := range got {
				if s != i {
					t.Fatalf("result %d has Seq %d: out of order", i, s)
				}
			}
		})
	}
}

func TestRunStopsOnSinkError(t *testing.T) {
	stop := errors.New("disk full")
	n := 0
	err := Run(context.Background(), items(1000, 0), extract.New(), Options{Workers: 3}, func(r Result) error {
		n++
		if n == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 5 {
		t.Errorf("Run = %v after %d results, want %v after 5", err, n, stop)
	}
}

func TestCountWords(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{{"", 0}, {"one", 1}, {"  two  words\n", 2}, {"a\tb\nc  d", 4}}
	for _, tt := range tests {
		if got := CountWords(tt.in); got != tt.want {
			t.Errorf("CountWords(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
