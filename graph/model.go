package graph

import (
	"context"

	"github.com/newsgraph/newsgraph/kind"
)

// Node is one node of the graph as the exporters see it: an entity, an
// event or a quote.
type Node struct {
	ID        string   // stable, unique among nodes
	Label     string   // display name; a quote's text
	Type      string   // PERSON, ORG, PLACE, EVENT or QUOTE
	Aliases   []string // other names, without Label
	Roles     []string // "title, org" strings, in the order first seen
	Mentions  int      // how often the node is mentioned across documents
	Sources   int      // how many documents mention it
	FirstSeen string   // earliest date the node is tied to, YYYY[-MM[-DD]]; "" if undated
	LastSeen  string   // latest such date
	Dates     []string // every distinct date the node is tied to, sorted; the exporters' spells
}

// Edge is one typed, weighted edge between two nodes.
type Edge struct {
	ID        string // stable, unique among edges
	Source    string // Node.ID
	Target    string // Node.ID
	Type      kind.Predicate
	Weight    float64 // how many times the link was seen
	FirstSeen string
	LastSeen  string
	Dates     []string // sorted distinct dates
}

// Filter selects part of the graph for export. The zero Filter selects
// everything.
type Filter struct {
	Types       []string // node types to keep (PERSON, ORG, PLACE, EVENT, QUOTE); empty keeps all
	From, To    string   // keep nodes and edges dated inside [From, To]; undated ones are kept
	Ego         string   // if set, keep only the neighbourhood of this entity (ID, name or alias) ...
	Depth       int      // ... to this many hops (default 1)
	MinWeight   float64  // drop edges lighter than this
	MinMentions int      // drop nodes mentioned fewer times than this
}

// Walker streams a graph: every node, then every edge whose two ends were
// among the nodes. Implementations hold no more than a page of the graph in
// memory (an ego filter may keep the set of selected node IDs). The
// callback's error stops the walk and is returned.
type Walker interface {
	Nodes(ctx context.Context, fn func(Node) error) error
	Edges(ctx context.Context, fn func(Edge) error) error
}
