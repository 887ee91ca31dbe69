package schema

import (
	"errors"

	"github.com/graphql-go/graphql"
	"github.com/newsgraph/newsgraph/graph"
)

func (b *builder) queryFields() graphql.Fields {
	dateArgs := graphql.FieldConfigArgument{
		"from": {Type: graphql.String, Description: "YYYY[-MM[-DD]], inclusive"},
		"to":   {Type: graphql.String, Description: "YYYY[-MM[-DD]], inclusive"},
	}
	node := plainObject(graphql.ObjectConfig{
		Name: "GraphNode",
		Fields: graphql.Fields{
			"id":           plainString(graphql.NewNonNull(graphql.ID), func(n graph.Node) string { return n.ID }),
			"name":         plainString(nonNullString, func(n graph.Node) string { return n.Label }),
			"type":         plainString(nonNullString, func(n graph.Node) string { return n.Type }),
			"aliases":      field(nonNullStrings, func(n graph.Node) any { return nonNil(n.Aliases) }),
			"mentionCount": plainInt(func(n graph.Node) int { return n.Mentions }),
			"firstSeen":    plainString(graphql.String, func(n graph.Node) string { return n.FirstSeen }),
			"lastSeen":     plainString(graphql.String, func(n graph.Node) string { return n.LastSeen }),
		},
	})
	edge := plainObject(graphql.ObjectConfig{
		Name: "GraphEdge",
		Fields: graphql.Fields{
			"id":        plainString(graphql.NewNonNull(graphql.ID), func(e graph.Edge) string { return e.ID }),
			"source":    plainString(graphql.NewNonNull(graphql.ID), func(e graph.Edge) string { return e.Source }),
			"target":    plainString(graphql.NewNonNull(graphql.ID), func(e graph.Edge) string { return e.Target }),
			"type":      plainString(nonNullString, func(e graph.Edge) string { return string(e.Type) }),
			"weight":    plainFloat(func(e graph.Edge) float64 { return e.Weight }),
			"firstSeen": plainString(graphql.String, func(e graph.Edge) string { return e.FirstSeen }),
			"lastSeen":  plainString(graphql.String, func(e graph.Edge) string { return e.LastSeen }),
			"dates":     field(nonNullStrings, func(e graph.Edge) any { return nonNil(e.Dates) }),
		},
	})
	subgraph := graphql.NewObject(graphql.ObjectConfig{
		Name: "Subgraph",
		Fields: graphql.Fields{
			"nodes": field(graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(node))),
				func(s graph.Subgraph) any { return nonNilNodes(s.Nodes) }),
			"edges": field(graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(edge))),
				func(s graph.Subgraph) any { return nonNilEdges(s.Edges) }),
		},
	})
	intField := func(f func(graph.Stats) int) *graphql.Field {
		return field(graphql.NewNonNull(graphql.Int), func(s graph.Stats) any { return f(s) })
	}
	stats := graphql.NewObject(graphql.ObjectConfig{
		Name: "Stats",
		Fields: graphql.Fields{
			"documents": intField(func(s graph.Stats) int { return s.Documents }),
			"entities":  intField(func(s graph.Stats) int { return s.Entities }),
			"mentions":  intField(func(s graph.Stats) int { return s.Mentions }),
			"quotes":    intField(func(s graph.Stats) int { return s.Quotes }),
			"events":    intField(func(s graph.Stats) int { return s.Events }),
			"relations": intField(func(s graph.Stats) int { return s.Relations }),
			"edges":     intField(func(s graph.Stats) int { return s.Edges }),
		},
	})

	return graphql.Fields{
		"quotes": {
			Type:        graphql.NewNonNull(b.connection(b.quote)),
			Description: "quotes by date; the filters combine",
			Args: withPage(graphql.FieldConfigArgument{
				"speaker":     {Type: graphql.String, Description: "entity id, name or alias"},
				"contains":    {Type: graphql.String, Description: "words in this order; case and punctuation ignored"},
				"from":        dateArgs["from"],
				"to":          dateArgs["to"],
				"newestFirst": newestFirst,
			}),
			Resolve: b.paged(func(p graphql.ResolveParams, pg graph.Page) (any, error) {
				return conn(b.s.Quotes(p.Context, graph.QuoteFilter{Speaker: str(p, "speaker"),
					Contains: str(p, "contains"), From: str(p, "from"), To: str(p, "to"), NewestFirst: flag(p, "newestFirst")}, pg))
			}),
		},
		"quote": {
			Type: b.quote,
			Args: graphql.FieldConfigArgument{"id": {Type: graphql.NewNonNull(graphql.ID)}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				return orNull(b.s.Quote(p.Context, str(p, "id")))
			},
		},
		"entity": {
			Type:        b.entity,
			Description: "an entity by id, or by any name or alias (the most mentioned if several)",
			Args: graphql.FieldConfigArgument{
				"id":   {Type: graphql.ID},
				"name": {Type: graphql.String},
			},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				if id := str(p, "id"); id != "" {
					return orNull(b.entityByID(p.Context, id))
				}
				if name := str(p, "name"); name != "" {
					return orNull(b.s.EntityByName(p.Context, name))
				}
				return nil, errors.New("entity: give an id or a name")
			},
		},
		"entities": {
			Type:        graphql.NewNonNull(b.connection(b.entity)),
			Description: "entities, most mentioned first",
			Args: withPage(graphql.FieldConfigArgument{
				"type":   {Type: graphql.String, Description: "PERSON, ORG, PLACE or EVENT"},
				"search": {Type: graphql.String, Description: "prefix of a name, or of any word of a name or alias"},
			}),
			Resolve: b.paged(func(p graphql.ResolveParams, pg graph.Page) (any, error) {
				t, err := entityType(str(p, "type"))
				if err != nil {
					return nil, err
				}
				return conn(b.s.Entities(p.Context, graph.EntityFilter{Type: t, Search: str(p, "search")}, pg))
			}),
		},
		"events": {
			Type: graphql.NewNonNull(b.connection(b.event)),
			Args: withPage(graphql.FieldConfigArgument{
				"participant": {Type: graphql.String, Description: "entity id, name or alias; an event's place counts"},
				"from":        dateArgs["from"],
				"to":          dateArgs["to"],
				"newestFirst": newestFirst,
			}),
			Resolve: b.paged(func(p graphql.ResolveParams, pg graph.Page) (any, error) {
				return conn(b.s.Events(p.Context, graph.EventFilter{Participant: str(p, "participant"),
					From: str(p, "from"), To: str(p, "to"), NewestFirst: flag(p, "newestFirst")}, pg))
			}),
		},
		"event": {
			Type: b.event,
			Args: graphql.FieldConfigArgument{"id": {Type: graphql.NewNonNull(graphql.ID)}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				return orNull(b.s.Event(p.Context, str(p, "id")))
			},
		},
		"documents": {
			Type: graphql.NewNonNull(b.connection(b.document)),
			Args: pageArgs,
			Resolve: b.paged(func(p graphql.ResolveParams, pg graph.Page) (any, error) {
				return conn(b.s.Documents(p.Context, pg))
			}),
		},
		"document": {
			Type: b.document,
			Args: graphql.FieldConfigArgument{"id": {Type: graphql.NewNonNull(graphql.ID)}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				return orNull(b.s.Document(p.Context, str(p, "id")))
			},
		},
		"neighbourhood": {
			Type:        subgraph,
			Description: "entities linked to one entity by co-occurrence or relations, heaviest links first; null if the entity is unknown",
			Args: graphql.FieldConfigArgument{
				"entity": {Type: graphql.NewNonNull(graphql.ID), Description: "entity id (or name)"},
				"depth":  {Type: graphql.Int, Description: "1 (default) or 2"},
				"from":   dateArgs["from"],
				"to":     dateArgs["to"],
				"limit":  {Type: graphql.Int, Description: "most nodes, the centre included"},
			},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				depth, _ := p.Args["depth"].(int)
				limit, _ := p.Args["limit"].(int)
				return orNull(b.s.Neighbourhood(p.Context, str(p, "entity"), graph.NeighbourhoodOptions{
					Depth: depth, From: str(p, "from"), To: str(p, "to"), Limit: limit,
					NoEdgeDates: !selectsUnder(p, "edges", "firstSeen", "lastSeen", "dates")}))
			},
		},
		"stats": {
			Type: graphql.NewNonNull(stats),
			Resolve: func(p graphql.ResolveParams) (any, error) {
				return b.s.Stats(p.Context)
			},
		},
	}
}

func nonNilNodes(n []graph.Node) []graph.Node {
	if n == nil {
		return []graph.Node{}
	}
	return n
}

func nonNilEdges(e []graph.Edge) []graph.Edge {
	if e == nil {
		return []graph.Edge{}
	}
	return e
}
