package graph

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/kind"
)

// NeighbourhoodOptions bounds Neighbourhood. The zero value means depth 1,
// all dates, DefaultNeighbours nodes.
type NeighbourhoodOptions struct {
	Depth    int    // 1 or 2 hops; 0 means 1, more than 2 means 2
	From, To string // keep only edges seen inside this window
	Limit    int    // most nodes to return, the centre included; 0 means DefaultNeighbours
	// NoEdgeDates leaves Dates, FirstSeen and LastSeen of mentioned_with
	// edges empty when no window is set: the edges are then read off the
	// weight index, keys only, which is most of the cost saved for a
	// caller that does not show them.
	NoEdgeDates bool
}

// Neighbourhood bounds.
const (
	DefaultNeighbours = 100
	MaxNeighbours     = 5000
)

// Subgraph is a part of the graph around one entity.
type Subgraph struct {
	Nodes []Node // the centre first, then by hop, heaviest link first
	Edges []Edge // among Nodes only
}

// Neighbourhood returns the entities linked to entity (ID or name) by
// co-occurrence or by a relation, to the given depth. When there are more
// than the limit, the neighbours reached by the heaviest edges are kept.
func (s *Store) Neighbourhood(ctx context.Context, entity string, o NeighbourhoodOptions) (Subgraph, error) {
	var sg Subgraph
	dr, err := newDateRange(o.From, o.To)
	if err != nil {
		return sg, fmt.Errorf("graph: neighbourhood: %w", err)
	}
	depth := min(max(o.Depth, 1), 2)
	limit := o.Limit
	if limit <= 0 {
		limit = DefaultNeighbours
	}
	limit = min(limit, MaxNeighbours)
	err = s.view(ctx, func(txn *badger.Txn) error {
		centre, err := resolveEntity(txn, entity)
		if err != nil {
			return err
		}
		if centre == "" {
			return ErrNotFound
		}
		in := map[string]bool{centre: true}
		order := []string{centre}
		frontier := []string{centre}
		for hop := 0; hop < depth && len(order) < limit; hop++ {
			type cand struct {
				id string
				w  float64
			}
			best := map[string]float64{}
			for _, id := range frontier {
				// The limit-len(order) heaviest new neighbours are among
				// each node's limit heaviest edges (at most len(order)
				// of them lead back inside).
				edges, err := s.linksOf(ctx, txn, id, dr, limit)
				if err != nil {
					return err
				}
				for _, e := range edges {
					if !in[e.other] && e.Weight > best[e.other] {
						best[e.other] = e.Weight
					}
				}
			}
			cands := make([]cand, 0, len(best))
			for id, w := range best {
				cands = append(cands, cand{id, w})
			}
			sort.Slice(cands, func(i, j int) bool {
				return cands[i].w > cands[j].w || cands[i].w == cands[j].w && cands[i].id < cands[j].id
			})
			frontier = frontier[:0]
			for _, c := range cands {
				if len(order) >= limit {
					break
				}
				in[c.id] = true
				order = append(order, c.id)
				frontier = append(frontier, c.id)
			}
		}
		for _, id := range order {
			var e Entity
			found, err := getJSON(txn, kEnt(id), &e)
			if err != nil {
				return err
			}
			if found {
				sg.Nodes = append(sg.Nodes, entityNode(&e))
			}
		}
		// Each relation is indexed at both ends: read it once.
		seenRel := map[string]bool{}
		for _, id := range order {
			edges, err := s.linksWithin(ctx, txn, id, order, in, seenRel, dr, o.NoEdgeDates && !dr.any())
			if err != nil {
				return err
			}
			for _, e := range edges {
				if in[e.other] {
					sg.Edges = append(sg.Edges, e.Edge)
				}
			}
		}
		return nil
	})
	if err != nil {
		return sg, fmt.Errorf("graph: neighbourhood of %q: %w", entity, err)
	}
	return sg, nil
}

// linksWithin returns the edges at id whose far end is in set (in holds
// the same IDs): each co-occurrence once, from its smaller end, and the
// relations id takes part in that are not in seenRel (it adds them). The
// far end is read off the index keys, so only edges inside the set are
// decoded. For a hub (a country mentioned with thousands; the degree
// counts co-occurrences and relations) it looks up each pair in the set
// rather than walking every key of the hub. With keysOnly (no window),
// co-occurrences come from the weight index without their dates.
func (s *Store) linksWithin(ctx context.Context, txn *badger.Txn, id string, set []string, in, seenRel map[string]bool,
	dr dateRange, keysOnly bool) ([]link, error) {
	deg, err := getUint(txn, kDegree(id))
	if err != nil {
		return nil, err
	}
	var out []link
	addCooc := func(m string) error {
		var c cooc
		found, err := getJSON(txn, kCooc(id, m), &c)
		if err == nil && found && dr.overlaps(c.Dates) {
			out = append(out, link{coocToEdge(id, m, c), m})
		}
		return err
	}
	if deg <= uint64(4*len(set)) && keysOnly {
		co, err := coocTop(ctx, txn, id, 0, dr, false)
		if err != nil {
			return nil, err
		}
		for _, c := range co {
			if id < c.other && in[c.other] {
				out = append(out, link{coocToEdge(id, c.other, c.c), c.other})
			}
		}
		rels, err := s.relationLinks(txn, id, "", dr, in, seenRel)
		return append(out, rels...), err
	}
	if deg <= uint64(4*len(set)) {
		prefix := pCooc + id + sep
		err := iterPrefix(txn, prefix, false, func(k []byte, _ *badger.Item) (bool, error) {
			if m := string(k[len(prefix):]); id < m && in[m] {
				return true, addCooc(m)
			}
			return true, nil
		})
		if err != nil {
			return nil, err
		}
		rels, err := s.relationLinks(txn, id, "", dr, in, seenRel)
		return append(out, rels...), err
	}
	for _, m := range set {
		if id < m {
			if err := addCooc(m); err != nil {
				return nil, err
			}
		}
	}
	// A hub's relations are few beside its co-occurrences: one walk of
	// re/id/ costs less than a lookup per member of the set.
	rels, err := s.relationLinks(txn, id, "", dr, in, seenRel)
	if err != nil {
		return nil, err
	}
	return append(out, rels...), ctx.Err()
}

// link is an edge seen from one of its ends; other is the far end.
type link struct {
	Edge
	other string
}

// linksOf returns the edges at id, to rank neighbours: co-occurrences
// (weighted by shared sentences) and relations where id is the subject or
// the object (weighted by sources), inside the date window; with k > 0,
// only the k heaviest co-occurrences. Without a window, co-occurrences
// come from the weight index alone and carry no dates.
func (s *Store) linksOf(ctx context.Context, txn *badger.Txn, id string, dr dateRange, k int) ([]link, error) {
	co, err := coocTop(ctx, txn, id, k, dr, false)
	if err != nil {
		return nil, err
	}
	var out []link
	for _, c := range co {
		out = append(out, link{coocToEdge(id, c.other, c.c), c.other})
	}
	rels, err := s.relationLinks(txn, id, "", dr, nil, nil)
	return append(out, rels...), err
}

// relationLinks returns the relations at id inside the date window; with
// other set, only those between id and other; with in set, only those
// whose other end is in it; with seen set, only those not in it (it adds
// them).
func (s *Store) relationLinks(txn *badger.Txn, id, other string, dr dateRange, in, seen map[string]bool) ([]link, error) {
	var out []link
	base := pRelEnt + id + sep
	prefix := base
	if other != "" {
		prefix += other + sep
	}
	err := iterPrefix(txn, prefix, false, func(k []byte, _ *badger.Item) (bool, error) {
		if in != nil {
			m, _, _ := strings.Cut(string(k[len(base):]), sep)
			if !in[m] {
				return true, nil
			}
		}
		if seen != nil {
			rid := lastField(string(k))
			if seen[rid] {
				return true, nil
			}
			seen[rid] = true
		}
		var r Relation
		if _, err := getJSON(txn, kRel(lastField(string(k))), &r); err != nil {
			return false, err
		}
		if dr.overlaps(r.Dates) {
			other := r.Object
			if other == id {
				other = r.Subject
			}
			out = append(out, link{relationEdge(&r), other})
		}
		return true, nil
	})
	return out, err
}

func coocToEdge(a, b string, c cooc) Edge {
	e := Edge{ID: "mw:" + a + "|" + b, Source: a, Target: b, Type: kind.MentionedWith,
		Weight: float64(c.Weight), Dates: c.Dates}
	if len(c.Dates) > 0 {
		e.FirstSeen, e.LastSeen = c.Dates[0], c.Dates[len(c.Dates)-1]
	}
	return e
}

func relationEdge(r *Relation) Edge {
	e := Edge{ID: r.ID, Source: r.Subject, Target: r.Object, Type: r.Predicate,
		Weight: float64(len(r.Sources)), Dates: r.Dates}
	if len(r.Dates) > 0 {
		e.FirstSeen, e.LastSeen = r.Dates[0], r.Dates[len(r.Dates)-1]
	}
	return e
}

func entityNode(e *Entity) Node {
	n := Node{ID: e.ID, Label: e.Name, Type: e.Type.String(), Aliases: e.Aliases,
		Mentions: e.Mentions, Sources: e.Documents, FirstSeen: e.FirstSeen, LastSeen: e.LastSeen, Dates: e.Dates}
	for _, r := range e.Roles {
		s := r.Title
		if r.Org != "" {
			s += ", " + r.Org
		}
		n.Roles = append(n.Roles, s)
	}
	return n
}
