package graph

import (
	"bytes"
	"context"
	"fmt"
	"slices"
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
	// Without a window and without edge dates, co-occurrences are read
	// off the weight index, keys only.
	dates := dr.any() || !o.NoEdgeDates
	// Read before the view, so that what is cached from it is never
	// filed under a newer generation than the data it saw.
	gen := s.Generation()
	err = s.view(ctx, func(txn *badger.Txn) error {
		centre, err := s.resolveEntity(txn, gen, entity)
		if err != nil {
			return err
		}
		if centre == "" {
			return ErrNotFound
		}
		w := newKeyWalker(txn)
		defer w.close()
		// co holds each node's limit heaviest co-occurrences, read once:
		// the expansion and the edges share them.
		co := map[string][]coocEdge{}
		// index gives each kept node's position in order.
		index := map[string]int{centre: 0}
		order := []string{centre}
		frontier := []string{centre}
		for hop := 0; hop < depth && len(order) < limit; hop++ {
			type cand struct {
				id string
				w  int
			}
			best := map[string]int{}
			for _, id := range frontier {
				// The limit-len(order) heaviest new neighbours are among
				// each node's limit heaviest edges (at most len(order)
				// of them lead back inside).
				edges, err := s.nodeCoocs(ctx, w, gen, id, limit, dr)
				if err != nil {
					return err
				}
				co[id] = edges
				for _, c := range edges {
					if _, in := index[c.other]; !in && c.c.Weight > best[c.other] {
						best[c.other] = c.c.Weight
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
				index[c.id] = len(order)
				order = append(order, c.id)
				frontier = append(frontier, c.id)
			}
		}
		sg.Nodes = make([]Node, 0, len(order))
		for _, id := range order {
			n, found, err := s.node(txn, gen, id)
			if err != nil {
				return err
			}
			if found {
				sg.Nodes = append(sg.Nodes, n)
			}
		}
		// A co-occurrence among the kept nodes is kept when it is among
		// the limit heaviest of either end (in the window, for a node
		// that grew the neighbourhood; of all time, for the others):
		// each node's ranked list is read once, bounded by the limit,
		// never a lookup per pair, and only the edges kept are decoded.
		// Each edge is indexed at both ends: seen[i*n+j] (i < j, by
		// position in order) marks a pair kept already.
		//
		// The pairs and the relations are found before any edge is made,
		// so that the thousands of edges around a well-known person take
		// one allocation, not a list doubled a dozen times and copied.
		type pick struct {
			at int       // position in order of the end whose list has the edge
			c  *coocEdge // read only: the list may be cached
		}
		var picks []pick
		seen := make([]bool, len(order)*len(order))
		for i, id := range order {
			edges, ok := co[id]
			if !ok {
				// Keys only: the few edges kept are read below.
				if edges, err = s.nodeCoocs(ctx, w, gen, id, limit, dateRange{}); err != nil {
					return err
				}
			}
			for k := range edges {
				j, ok := index[edges[k].other]
				if !ok {
					continue
				}
				p := min(i, j)*len(order) + max(i, j)
				if seen[p] {
					continue
				}
				seen[p] = true
				picks = append(picks, pick{i, &edges[k]})
			}
		}
		rids, err := s.relationIDsAmong(ctx, w, gen, order)
		if err != nil {
			return err
		}
		sg.Edges = make([]Edge, 0, len(picks)+len(rids))
		for _, pk := range picks {
			lo, hi := order[pk.at], pk.c.other
			if hi < lo {
				lo, hi = hi, lo
			}
			e := pk.c.c
			if dates && !pk.c.dated {
				// A copy of its own: datedEdge decodes into it, and
				// it goes to the heap, which the common case spares.
				dated := pk.c.c
				in, err := datedEdge(w, lo, hi, dr, &dated)
				if err != nil {
					return err
				}
				if !in {
					continue
				}
				e = dated
			}
			sg.Edges = append(sg.Edges, coocEdgeOf(lo, hi, e))
		}
		nameCoocEdges(sg.Edges)
		sg.Edges, err = s.appendRelations(w.txn, gen, rids, dr, sg.Edges)
		return err
	})
	if err != nil {
		return sg, fmt.Errorf("graph: neighbourhood of %q: %w", entity, err)
	}
	return sg, nil
}

// relationIDsAmong returns the IDs of the relations between members of
// set, each once. Each member's relation index is read as a merge with the
// sorted set: a run of keys to non-members is skipped with a seek, so a hub
// with thousands of relations costs about a seek per member, not a read
// per relation, and no relation is decoded.
func (s *Store) relationIDsAmong(ctx context.Context, w *keyWalker, gen uint64, set []string) ([]string, error) {
	// members is set sorted, and place[i] is where members[i] is in set. A
	// relation between two members is listed at both ends: it is taken at
	// the one that comes first in set (a relation of a member with itself
	// is listed once), so none is taken twice, in the order of the member
	// that reaches it first.
	place := make([]int, len(set))
	for i := range place {
		place[i] = i
	}
	slices.SortFunc(place, func(a, b int) int { return strings.Compare(set[a], set[b]) })
	members := make([]string, len(set))
	for i, p := range place {
		members[i] = set[p]
	}
	var rids []string
	p := 0
	add := func(i int, rid string) {
		if place[i] >= p {
			rids = append(rids, rid)
		}
	}
	for q, id := range set {
		p = q
		nr, err := s.nodeRelations(w, gen, id)
		if err != nil {
			return nil, err
		}
		if nr.many {
			err = w.walkAmong(pRelEnt, pRelEnt+id+sep, members, add)
		} else {
			nr.among(members, add)
		}
		if err != nil {
			return nil, err
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return rids, nil
}

// appendRelations appends to out relations rids that were seen inside the
// window, as edges.
func (s *Store) appendRelations(txn *badger.Txn, gen uint64, rids []string, dr dateRange, out []Edge) ([]Edge, error) {
	first, ndates := len(out), 0
	for _, rid := range rids {
		r, err := s.relationRecord(txn, gen, rid)
		if err != nil {
			return nil, err
		}
		if r.ID == "" || !dr.overlaps(r.Dates) {
			continue
		}
		out = append(out, relationEdge(&r))
		ndates += len(r.Dates)
	}
	// The records may be shared through the Store's cache: the edges get
	// copies of their dates, all in one allocation, each capped so that
	// an append cannot run into the next.
	dates := make([]string, 0, ndates)
	for i := first; i < len(out); i++ {
		if e := &out[i]; e.Dates != nil {
			at := len(dates)
			dates = append(dates, e.Dates...)
			e.Dates = dates[at:len(dates):len(dates)]
		}
	}
	return out, nil
}

// relationRecord returns relation id, without its sources, through the
// Store's cache; the zero value if there is none.
func (s *Store) relationRecord(txn *badger.Txn, gen uint64, id string) (Relation, error) {
	if r, ok := s.relations.get(gen, id); ok {
		s.hit(txn, &s.relations, id)
		return r, nil
	}
	var r Relation
	found, err := getJSON(txn, kRel(id), &r)
	if err == nil && found {
		s.relations.put(gen, id, r)
	}
	return r, err
}

func coocToEdge(a, b string, c cooc) Edge {
	e := coocEdgeOf(a, b, c)
	e.ID = coocIDPrefix + a + "|" + b
	return e
}

// coocIDPrefix begins the ID of every mentioned_with edge: "mw:A|B".
const coocIDPrefix = "mw:"

// coocEdgeOf is coocToEdge without the edge's ID; see nameCoocEdges.
func coocEdgeOf(a, b string, c cooc) Edge {
	return Edge{Source: a, Target: b, Type: kind.MentionedWith,
		Weight: float64(c.Weight), Dates: c.Dates, FirstSeen: c.First, LastSeen: c.Last}
}

// nameCoocEdges gives mentioned_with edges made by coocEdgeOf their IDs,
// all cut from one string: a well-known person's neighbourhood has
// thousands of them, and each would be an allocation of its own.
func nameCoocEdges(edges []Edge) {
	idLen := func(e *Edge) int { return len(coocIDPrefix) + len(e.Source) + len("|") + len(e.Target) }
	n := 0
	for i := range edges {
		n += idLen(&edges[i])
	}
	var b strings.Builder
	b.Grow(n)
	for i := range edges {
		b.WriteString(coocIDPrefix)
		b.WriteString(edges[i].Source)
		b.WriteByte('|')
		b.WriteString(edges[i].Target)
	}
	all := b.String()
	for i := range edges {
		n := idLen(&edges[i])
		edges[i].ID, all = all[:n], all[n:]
	}
}

func relationEdge(r *Relation) Edge {
	e := Edge{ID: r.ID, Source: r.Subject, Target: r.Object, Type: r.Predicate,
		Weight: float64(r.SourceCount), Dates: r.Dates}
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

// node returns the graph node of entity id, through the Store's cache,
// sharing no slice with it.
func (s *Store) node(txn *badger.Txn, gen uint64, id string) (Node, bool, error) {
	n, ok := s.nodes.get(gen, id)
	if ok {
		s.hit(txn, &s.nodes, id)
	} else {
		var e Entity
		found, err := getEntity(txn, id, &e)
		if err != nil || !found {
			return Node{}, false, err
		}
		n = entityNode(&e)
		s.nodes.put(gen, id, n)
	}
	n.Aliases, n.Roles, n.Dates = slices.Clone(n.Aliases), slices.Clone(n.Roles), slices.Clone(n.Dates)
	return n, true, nil
}

// nodeCoocs returns coocTop(id, limit) without dates, through the Store's
// cache when no window is set. The list is shared with the cache: read it,
// never change it.
func (s *Store) nodeCoocs(ctx context.Context, w *keyWalker, gen uint64, id string, limit int, dr dateRange) ([]coocEdge, error) {
	if dr.any() {
		return coocTop(ctx, w, id, limit, dr, false)
	}
	if l, ok := s.coocLists.get(gen, id); ok && l.limit == limit {
		s.hit(w.txn, &s.coocLists, id)
		return l.edges, nil
	}
	l, err := coocTop(ctx, w, id, limit, dr, false)
	if err == nil {
		s.coocLists.put(gen, id, coocList{limit, l})
	}
	return l, err
}

// coocList is what coocTop read of an entity's heaviest co-occurrences,
// up to limit. It is kept under the entity's ID alone, so that a write to
// the entity's edges drops it whatever the limit.
type coocList struct {
	limit int
	edges []coocEdge
}

// nodeRelations is the relation index of one entity (its re/ keys) as a
// list sorted by the other end, or many if it has more than
// maxListedRelations: a hub's index is then merged with the members from
// the store (walkAmong), which seeks past the rest.
type nodeRelations struct {
	ends []relationEnd
	many bool
}

type relationEnd struct{ other, rid string }

// maxListedRelations bounds a listed relation index: a list costs its
// length to read once and to merge, walkAmong about a seek per member.
const maxListedRelations = 4096

func (s *Store) nodeRelations(w *keyWalker, gen uint64, id string) (nodeRelations, error) {
	if nr, ok := s.relEnds.get(gen, id); ok {
		s.hit(w.txn, &s.relEnds, id)
		return nr, nil
	}
	var nr nodeRelations
	prefix := pRelEnt + id + sep
	err := w.walk(pRelEnt, prefix, func(k []byte) (bool, error) {
		if len(nr.ends) == maxListedRelations {
			nr.ends, nr.many = nil, true
			return false, nil
		}
		rest := k[len(prefix):]
		end := bytes.IndexByte(rest, 0)
		if end < 0 {
			return false, fmt.Errorf("%w: key %q has no end", ErrInconsistent, k)
		}
		nr.ends = append(nr.ends, relationEnd{other: string(rest[:end]), rid: lastField(string(rest))})
		return true, nil
	})
	if err == nil {
		s.relEnds.put(gen, id, nr)
	}
	return nr, err
}

// among calls fn with the relations to members (sorted), in key order,
// and the other end's index in members: a merge of the two lists, or a
// binary search for each member when the list is much the longer.
func (nr nodeRelations) among(members []string, fn func(member int, rid string)) {
	if len(nr.ends) > 8*len(members) {
		for m, other := range members {
			i, _ := slices.BinarySearchFunc(nr.ends, other, func(e relationEnd, m string) int { return strings.Compare(e.other, m) })
			for ; i < len(nr.ends) && nr.ends[i].other == other; i++ {
				fn(m, nr.ends[i].rid)
			}
		}
		return
	}
	i := 0
	for _, e := range nr.ends {
		for i < len(members) && members[i] < e.other {
			i++
		}
		if i == len(members) {
			return
		}
		if members[i] == e.other {
			fn(i, e.rid)
		}
	}
}
