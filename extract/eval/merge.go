package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// stored is one extracted document on its way into the graph.
type stored struct {
	a extract.Article
	d extract.Document
}

// scoreStoreMerge puts every extracted document into an in-memory graph
// store and checks, through the store's own name lookup, that each gold
// person seen in several documents is one node holding all of them, and
// that two gold people who must stay apart (a shared surname, or the
// seeds' must_stay_apart) are two nodes.
func (r *Report) scoreStoreMerge(ctx context.Context, docs []stored, items []mergeItem, seeds *Seeds) error {
	st, err := graph.Open(ctx, graph.Options{InMemory: true, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		return fmt.Errorf("eval: opening the graph for the merge score: %w", err)
	}
	defer st.Close()
	for _, x := range docs {
		if err := st.Put(ctx, x.a, x.d); err != nil {
			return fmt.Errorf("eval: storing %s for the merge score: %w", x.a.ID, err)
		}
	}

	seen := map[string]map[string]bool{} // gold person -> documents
	for _, it := range items {
		if seen[it.gold] == nil {
			seen[it.gold] = map[string]bool{}
		}
		seen[it.gold][it.doc] = true
	}
	lookup := func(name string) (graph.Entity, bool, error) {
		e, err := st.EntityByName(ctx, name)
		if errors.Is(err, graph.ErrNotFound) {
			return e, false, nil
		}
		return e, err == nil, err
	}

	people := sortedKeys(seen)
	for _, g := range people {
		if len(seen[g]) < 2 {
			continue
		}
		want := sortedKeys(seen[g])
		e, ok, err := lookup(g)
		if err != nil {
			return fmt.Errorf("eval: merge score: %w", err)
		}
		var have []string
		if ok {
			l, err := st.EntityDocuments(ctx, e.ID, graph.Page{First: 1000})
			if err != nil {
				return fmt.Errorf("eval: merge score: %w", err)
			}
			for _, d := range l.Items {
				have = append(have, d.ID)
			}
		}
		right := ok && subsetOf(want, have)
		r.Merge.count(right, 1)
		if !right {
			got := "no entity by that name"
			if ok {
				got = fmt.Sprintf("%q in %s", e.Name, strings.Join(have, ", "))
			}
			r.miss(Miss{Doc: strings.Join(want, "+"), Kind: "merge", Gold: g + ": one node in " + strings.Join(want, ", "), Got: got})
		}
	}
	for _, pr := range apartPairs(people, seeds) {
		ea, oka, err := lookup(pr[0])
		if err != nil {
			return fmt.Errorf("eval: merge score: %w", err)
		}
		eb, okb, err := lookup(pr[1])
		if err != nil {
			return fmt.Errorf("eval: merge score: %w", err)
		}
		anonB := seeds != nil && seeds.isAnonymous(pr[1])
		right := oka && (okb || anonB) && (!okb || ea.ID != eb.ID)
		r.Merge.count(right, 1)
		if !right {
			r.miss(Miss{Doc: "graph", Kind: "merge", Gold: pr[0] + " / " + pr[1] + ": two nodes",
				Got: fmt.Sprintf("%q (found %v) / %q (found %v)", ea.Name, oka, eb.Name, okb)})
		}
	}
	return nil
}

// apartPairs lists the pairs of gold people that must be different nodes:
// two full names with the same surname, and the seeds' must_stay_apart
// groups.
func apartPairs(people []string, seeds *Seeds) [][2]string {
	done := map[[2]string]bool{}
	var out [][2]string
	add := func(a, b string) {
		if a > b {
			a, b = b, a
		}
		if a == b || done[[2]string{a, b}] {
			return
		}
		done[[2]string{a, b}] = true
		out = append(out, [2]string{a, b})
	}
	for i, a := range people {
		na := NormalizeName(a)
		for _, b := range people[i+1:] {
			nb := NormalizeName(b)
			if containsSpace(na) && containsSpace(nb) && lastWord(na) == lastWord(nb) {
				add(a, b)
			}
		}
	}
	if seeds != nil {
		for _, grp := range seeds.MustStayApart {
			for i, a := range grp {
				for _, b := range grp[i+1:] {
					add(a, b)
				}
			}
		}
	}
	// Anonymous sources second, so that the named person is looked up
	// first and must exist.
	for i := range out {
		if seeds != nil && seeds.isAnonymous(out[i][0]) {
			out[i][0], out[i][1] = out[i][1], out[i][0]
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0]+out[i][1] < out[j][0]+out[j][1] })
	return out
}

func (s *Seeds) isAnonymous(name string) bool {
	for _, a := range s.Anonymous {
		if a.Name == name {
			return true
		}
	}
	return false
}

func subsetOf(a, b []string) bool {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	for _, x := range a {
		if !in[x] {
			return false
		}
	}
	return true
}
