package schema

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kind"
)

// devsetArticles reads the real articles of testdata/devset, extracted.
func devsetArticles(t *testing.T) ([]extract.Article, []extract.Document) {
	t.Helper()
	paths, err := filepath.Glob("../testdata/devset/*.json")
	if err != nil || len(paths) < 30 {
		t.Fatalf("devset: %d articles (%v), want 30 or more", len(paths), err)
	}
	slices.Sort(paths)
	x := extract.New()
	var arts []extract.Article
	var docs []extract.Document
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var a extract.Article
		if err := json.Unmarshal(b, &a); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if a.Published == "" {
			a.Published = fmt.Sprintf("2005-%02d-%02d", 1+len(arts)%12, 1+len(arts)%28)
		}
		d, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		arts, docs = append(arts, a), append(docs, d)
	}
	return arts, docs
}

// cacheQuestions asks about the people of every article, stored yet or
// not, and about the whole store: for each person narrow questions, which
// read few records and so outlive most writes in the cache, and one wide
// one.
func cacheQuestions(docs []extract.Document) []string {
	// The first person of each article, then the second, ...: people of
	// every article, so that each write touches some of them.
	var people []string
	seen := map[string]bool{}
	for round := 0; round < 4; round++ {
		for _, d := range docs {
			n := 0
			for _, e := range d.Entities {
				if e.Type != kind.Person {
					continue
				}
				if n == round && !seen[e.Name] && len(people) < 48 {
					seen[e.Name] = true
					people = append(people, e.Name)
				}
				n++
			}
		}
	}
	qs := []string{
		`{ stats { documents entities quotes events relations } }`,
		`{ documents(first: 50) { totalCount edges { node { id title } } } }`,
		`{ entities(type: "PERSON", first: 30) { totalCount edges { node { id name mentionCount } } } }`,
		`{ entities(search: "mi", first: 10) { totalCount edges { node { name } } } }`,
		`{ quotes(first: 30) { totalCount edges { node { id text date speaker { name } sources { document { id } } } } } }`,
		`{ quotes(contains: "government", from: "2004", to: "2006") { totalCount edges { node { id text } } } }`,
		`{ events(first: 20) { totalCount edges { node { id type date participants { name } } } } }`,
	}
	for _, p := range people {
		n, _ := json.Marshal(p)
		qs = append(qs,
			fmt.Sprintf(`{ entity(name: %s) { id name aliases mentionCount roles { title org from to } } }`, n),
			fmt.Sprintf(`{ quotes(speaker: %s, first: 5) { totalCount edges { node { text date sources { document { id title published } start end } } } } }`, n),
			fmt.Sprintf(`{ neighbourhood(entity: %s, depth: 2) { nodes { id name mentionCount } edges { source target type weight } } }`, n),
			fmt.Sprintf(`{ neighbourhood(entity: %s, from: "2005-03", to: "2005-09") { nodes { name } edges { source target weight dates } } }`, n),
			fmt.Sprintf(`{ entity(name: %s) { quotes(first: 3) { totalCount edges { node { text } } }
  relations(first: 5) { totalCount edges { node { predicate subject { name } object { name } dates } } }
  documents(first: 5) { totalCount edges { node { id } } } events(first: 5) { totalCount }
  cooccurring(first: 5) { entity { name } weight } } }`, n),
		)
	}
	return qs
}

// TestAnswerCacheFollowsWrites fills the answer cache, writes (ingests,
// deletes, ingests again), and asks every question again: each answer
// from the cache must be the one the store gives without it, and some
// must come from the cache, as the writes did not touch what they read.
func TestAnswerCacheFollowsWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts and stores the devset; skipped with -short")
	}
	ctx := context.Background()
	arts, docs := devsetArticles(t)
	st, err := graph.Open(ctx, graph.Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ingest := func(from, to int) {
		t.Helper()
		for i := from; i < to; i++ {
			if _, err := st.Ingest(ctx, arts[i], docs[i]); err != nil {
				t.Fatalf("Ingest(%s): %v", arts[i].ID, err)
			}
		}
	}
	remove := func(ids ...int) {
		t.Helper()
		for _, i := range ids {
			if err := st.Delete(ctx, arts[i].ID); err != nil {
				t.Fatalf("Delete(%s): %v", arts[i].ID, err)
			}
		}
	}
	cached := Handler(st, Options{})
	direct := Handler(st, Options{CacheBytes: -1})
	questions := cacheQuestions(docs)
	askAll := func(h http.Handler) []string {
		t.Helper()
		out := make([]string, len(questions))
		for i, q := range questions {
			b, _ := json.Marshal(Request{Query: q})
			r := httptest.NewRequestWithContext(ctx, http.MethodPost, "/graphql", strings.NewReader(string(b)))
			r.Header.Set("Content-Type", "application/json")
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if w.Code != http.StatusOK || strings.Contains(w.Body.String(), `"errors"`) {
				t.Fatalf("%s: HTTP %d %s", q, w.Code, w.Body.String())
			}
			out[i] = w.Body.String()
		}
		return out
	}

	ingest(0, 12)
	kept := 0
	for i, write := range []struct {
		name string
		do   func()
	}{
		{"ingest one", func() { ingest(12, 13) }},
		{"ingest ten", func() { ingest(13, 23) }},
		{"delete two", func() { remove(3, 17) }},
		{"ingest the rest", func() { ingest(23, len(arts)) }},
		{"ingest the deleted again", func() { ingest(3, 4); ingest(17, 18) }},
		{"delete one", func() { remove(20) }},
		{"ingest one again, unchanged", func() { ingest(5, 6) }},
	} {
		askAll(cached) // fills the cache
		before := Stats(cached)
		write.do()
		got := askAll(cached)
		after := Stats(cached)
		want := askAll(direct)
		for j := range questions {
			if got[j] != want[j] {
				t.Errorf("after write %d (%s), the cached answer to\n%s\nis\n%s\nwithout the cache\n%s",
					i, write.name, questions[j], got[j], want[j])
			}
		}
		kept += int(after.Hits - before.Hits)
		t.Logf("write %d (%s): %d of %d answers from the cache after it, %d dropped",
			i, write.name, after.Hits-before.Hits, len(questions), after.Dropped-before.Dropped)
	}
	if kept == 0 {
		t.Errorf("no answer outlived a write in the cache: every write dropped everything")
	}
}
