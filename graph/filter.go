package graph

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/graph/internal/dates"
)

// Filtered returns a Walker over the part of g that f selects. It works on
// any Walker and is safe for concurrent use if g is.
//
// Nodes stream through the filters on type, mentions and dates; a node's
// Dates are cut to the window (FirstSeen and LastSeen follow) so that
// exported spells stay inside it. Undated nodes and edges pass a date
// window. An edge is kept when it passes MinWeight and the window and both
// its ends were kept, which takes the set of kept node IDs in memory.
//
// With Ego set, the entity is found by ID, else by label, else by alias,
// ignoring case (among several matches the most mentioned wins). Its
// neighbourhood is reached breadth-first, one pass over g's edges per hop,
// in either direction, across the nodes and edges that pass every filter
// but Types; Types then thins the result, the ego itself always staying.
// An unknown ego makes the walk fail with an error wrapping ErrNotFound; a
// malformed From or To with one wrapping ErrBadDate.
func Filtered(g Walker, f Filter) Walker {
	fw := &filtered{g: g, f: f}
	if len(f.Types) > 0 {
		fw.types = make(map[string]bool, len(f.Types))
		for _, t := range f.Types {
			fw.types[strings.ToUpper(strings.TrimSpace(t))] = true
		}
	}
	w, ok := dates.NewWindow(f.From, f.To)
	if !ok {
		fw.err = fmt.Errorf("graph: filter on dates %q to %q: %w", f.From, f.To, ErrBadDate)
	}
	fw.window = w
	if fw.f.Depth <= 0 {
		fw.f.Depth = 1
	}
	return fw
}

type filtered struct {
	g      Walker
	f      Filter
	types  map[string]bool // upper-case; nil keeps every type
	window dates.Window
	err    error // from reading f, returned by every walk

	// mu guards kept, the IDs of the selected nodes once a walk has found
	// them; nil until then.
	mu   sync.Mutex
	kept map[string]struct{}
}

// nodeFilters reports whether any filter looks at nodes, that is whether
// edges must be checked against the kept nodes.
func (fw *filtered) nodeFilters() bool {
	return fw.types != nil || !fw.window.Open() || fw.f.MinMentions > 0 || fw.f.Ego != ""
}

func (fw *filtered) Nodes(ctx context.Context, fn func(Node) error) error {
	if fw.err != nil {
		return fw.err
	}
	if fw.f.Ego != "" {
		kept, err := fw.keptSet(ctx)
		if err != nil {
			return err
		}
		return fw.g.Nodes(ctx, func(n Node) error {
			if _, ok := kept[n.ID]; !ok {
				return nil
			}
			n, _ = fw.trimNode(n)
			return fn(n)
		})
	}
	var kept map[string]struct{}
	if fw.nodeFilters() {
		kept = make(map[string]struct{})
	}
	err := fw.g.Nodes(ctx, func(n Node) error {
		n, ok := fw.baseNode(n)
		if !ok || !fw.typeOK(n) {
			return nil
		}
		if kept != nil {
			kept[n.ID] = struct{}{}
		}
		return fn(n)
	})
	if err == nil && kept != nil {
		fw.mu.Lock()
		fw.kept = kept
		fw.mu.Unlock()
	}
	return err
}

func (fw *filtered) Edges(ctx context.Context, fn func(Edge) error) error {
	if fw.err != nil {
		return fw.err
	}
	var kept map[string]struct{}
	if fw.nodeFilters() {
		var err error
		if kept, err = fw.keptSet(ctx); err != nil {
			return err
		}
	}
	return fw.g.Edges(ctx, func(e Edge) error {
		e, ok := fw.edge(e)
		if !ok {
			return nil
		}
		if kept != nil {
			if _, ok := kept[e.Source]; !ok {
				return nil
			}
			if _, ok := kept[e.Target]; !ok {
				return nil
			}
		}
		return fn(e)
	})
}

// keptSet returns the IDs of the selected nodes, computing them the first
// time.
func (fw *filtered) keptSet(ctx context.Context) (map[string]struct{}, error) {
	fw.mu.Lock()
	kept := fw.kept
	fw.mu.Unlock()
	if kept != nil {
		return kept, nil
	}
	var err error
	if fw.f.Ego != "" {
		kept, err = fw.egoSet(ctx)
	} else {
		kept = make(map[string]struct{})
		err = fw.g.Nodes(ctx, func(n Node) error {
			if n, ok := fw.baseNode(n); ok && fw.typeOK(n) {
				kept[n.ID] = struct{}{}
			}
			return nil
		})
	}
	if err != nil {
		return nil, err
	}
	fw.mu.Lock()
	fw.kept = kept
	fw.mu.Unlock()
	return kept, nil
}

// egoSet finds the ego and walks out from it Depth hops.
func (fw *filtered) egoSet(ctx context.Context) (map[string]struct{}, error) {
	const (
		byID = iota
		byIDFold
		byLabel
		byAlias
		noMatch
	)
	want := strings.TrimSpace(fw.f.Ego)
	match := func(n Node) int {
		switch {
		case n.ID == want:
			return byID
		case strings.EqualFold(n.ID, want):
			return byIDFold
		case strings.EqualFold(strings.TrimSpace(n.Label), want):
			return byLabel
		}
		for _, a := range n.Aliases {
			if strings.EqualFold(strings.TrimSpace(a), want) {
				return byAlias
			}
		}
		return noMatch
	}
	base := make(map[string]struct{})
	types := make(map[string]bool) // node ID -> passes Types
	var ego string
	best, bestMentions := noMatch, 0
	err := fw.g.Nodes(ctx, func(n Node) error {
		if m := match(n); m < best || (m == best && m != noMatch && (n.Mentions > bestMentions || (n.Mentions == bestMentions && n.ID < ego))) {
			ego, best, bestMentions = n.ID, m, n.Mentions
		}
		if n, ok := fw.baseNode(n); ok {
			base[n.ID] = struct{}{}
			if fw.typeOK(n) {
				types[n.ID] = true
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if best == noMatch {
		return nil, fmt.Errorf("graph: filter: ego %q: %w", fw.f.Ego, ErrNotFound)
	}
	base[ego] = struct{}{}

	visited := map[string]struct{}{ego: {}}
	frontier := map[string]struct{}{ego: {}}
	for hop := 0; hop < fw.f.Depth && len(frontier) > 0; hop++ {
		next := make(map[string]struct{})
		err := fw.g.Edges(ctx, func(e Edge) error {
			if _, ok := fw.edge(e); !ok {
				return nil
			}
			_, sb := base[e.Source]
			_, tb := base[e.Target]
			if !sb || !tb {
				return nil
			}
			for _, p := range [2][2]string{{e.Source, e.Target}, {e.Target, e.Source}} {
				if _, ok := frontier[p[0]]; !ok {
					continue
				}
				if _, ok := visited[p[1]]; !ok {
					next[p[1]] = struct{}{}
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		for id := range next {
			visited[id] = struct{}{}
		}
		frontier = next
	}
	for id := range visited {
		if id != ego && !types[id] {
			delete(visited, id)
		}
	}
	return visited, nil
}

func (fw *filtered) typeOK(n Node) bool {
	return fw.types == nil || fw.types[strings.ToUpper(n.Type)]
}

// baseNode applies the filters on mentions and dates and cuts the node's
// dates to the window.
func (fw *filtered) baseNode(n Node) (Node, bool) {
	if n.Mentions < fw.f.MinMentions {
		return n, false
	}
	return fw.trimNode(n)
}

func (fw *filtered) trimNode(n Node) (Node, bool) {
	var ok bool
	n.Dates, n.FirstSeen, n.LastSeen, ok = fw.trim(n.Dates, n.FirstSeen, n.LastSeen)
	return n, ok
}

func (fw *filtered) edge(e Edge) (Edge, bool) {
	if e.Weight < fw.f.MinWeight {
		return e, false
	}
	var ok bool
	e.Dates, e.FirstSeen, e.LastSeen, ok = fw.trim(e.Dates, e.FirstSeen, e.LastSeen)
	return e, ok
}

// trim keeps the dates inside the window. ok is false when the item is
// dated and none of its dates falls inside; undated items pass.
func (fw *filtered) trim(ds []string, first, last string) (_ []string, _, _ string, ok bool) {
	if fw.window.Open() {
		return ds, first, last, true
	}
	in, dated := 0, false
	for _, d := range ds {
		if dates.Valid(d) {
			dated = true
			if fw.window.Overlaps(d) {
				in++
			}
		}
	}
	if !dated {
		lo, hi := dates.Start(first), dates.End(last)
		if lo == "" {
			lo = dates.Start(last)
		}
		if hi == "" {
			hi = dates.End(first)
		}
		if lo == "" {
			return ds, first, last, true // undated
		}
		w := fw.window
		return ds, first, last, (w.From == "" || hi >= w.From) && (w.To == "" || lo <= w.To)
	}
	if in == 0 {
		return ds, first, last, false
	}
	if in == len(ds) {
		return ds, first, last, true
	}
	kept := make([]string, 0, in)
	for _, d := range ds {
		if dates.Valid(d) && fw.window.Overlaps(d) {
			kept = append(kept, d)
		}
	}
	return kept, kept[0], kept[len(kept)-1], true
}
