package schema

import (
	"fmt"

	"github.com/graphql-go/graphql"
	"github.com/newsgraph/newsgraph/graph"
)

// schema declares the types and the root query.
func (b *builder) schema() (graphql.Schema, error) {
	b.document = plainObject(graphql.ObjectConfig{
		Name:        "Document",
		Description: "A stored article.",
		Fields: graphql.Fields{
			"id":        plainString(graphql.NewNonNull(graphql.ID), func(d graph.Document) string { return d.ID }),
			"title":     plainString(graphql.String, func(d graph.Document) string { return d.Title }),
			"source":    plainString(graphql.String, func(d graph.Document) string { return d.Source }),
			"url":       plainString(graphql.String, func(d graph.Document) string { return d.URL }),
			"published": plainString(graphql.String, func(d graph.Document) string { return d.Published }),
			"text": {Type: nonNullString, Description: "the full text; spans are byte offsets into it",
				Resolve: func(p graphql.ResolveParams) (any, error) {
					d, err := src[graph.Document](p)
					if err != nil || d.Text != "" {
						return d.Text, err
					}
					full, err := b.s.Document(p.Context, d.ID)
					return full.Text, err
				}},
			"entityCount":   plainInt(func(d graph.Document) int { return d.Entities }),
			"quoteCount":    plainInt(func(d graph.Document) int { return d.Quotes }),
			"eventCount":    plainInt(func(d graph.Document) int { return d.Events }),
			"relationCount": plainInt(func(d graph.Document) int { return d.Relations }),
		},
	})
	source := plainObject(graphql.ObjectConfig{
		Name:        "Source",
		Description: "Where a fact was read: a document and byte offsets [start, end) into its text.",
		Fields: graphql.Fields{
			"document": {Type: b.document, Resolve: func(p graphql.ResolveParams) (any, error) {
				s, err := src[graph.Source](p)
				if err != nil {
					return nil, err
				}
				return orNull(b.documentInfo(p.Context, s.Document))
			}},
			"start": plainInt(func(s graph.Source) int { return s.Start }),
			"end":   plainInt(func(s graph.Source) int { return s.End }),
		},
	})
	sources := graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(source)))
	// A fact's sources grow with the corpus (a quote every outlet carries
	// has hundreds): first bounds what a list of facts sends, and
	// sourceCount says how many there are. They are read from the store
	// a page at a time (see graph.Quote.SourceCount), unless the fact
	// came with all of them.
	sourcesOf := func(of func(any) (id string, whole []graph.Source, count int)) (list, count *graphql.Field) {
		list = &graphql.Field{Type: sources,
			Description: "the spans that report it, in the order they were stored",
			Args: graphql.FieldConfigArgument{"first": {Type: graphql.Int,
				Description: "at most this many; all when absent"}},
			Resolve: func(p graphql.ResolveParams) (any, error) {
				first := -1
				if v, ok := p.Args["first"].(int); ok {
					if v < 0 {
						return nil, fmt.Errorf("first: %d is negative", v)
					}
					first = v
				}
				id, whole, _ := of(p.Source)
				if whole == nil {
					return b.s.Sources(p.Context, id, first)
				}
				if first >= 0 && first < len(whole) {
					whole = whole[:first]
				}
				return whole, nil
			}}
		count = &graphql.Field{Type: graphql.NewNonNull(graphql.Int), Description: "how many spans report it",
			Resolve: func(p graphql.ResolveParams) (any, error) {
				_, _, n := of(p.Source)
				return n, nil
			}}
		return list, count
	}
	role := plainObject(graphql.ObjectConfig{
		Name: "Role",
		Fields: graphql.Fields{
			"title": plainString(nonNullString, func(r graph.Role) string { return r.Title }),
			"org":   plainString(graphql.String, func(r graph.Role) string { return r.Org }),
			"orgId": plainString(graphql.ID, func(r graph.Role) string { return r.OrgID }),
			"from":  plainString(graphql.String, func(r graph.Role) string { return r.From }),
			"to":    plainString(graphql.String, func(r graph.Role) string { return r.To }),
		},
	})

	// Entity, Quote, Event and Relation refer to each other: thunks.
	b.entity = plainObject(graphql.ObjectConfig{
		Name:        "Entity",
		Description: "A person, organisation, place or named event, resolved across documents.",
		Fields:      graphql.FieldsThunk(func() graphql.Fields { return b.entityFields(role) }),
	})
	entityRef := func(id func(any) string) *graphql.Field {
		return &graphql.Field{Type: b.entity, Resolve: func(p graphql.ResolveParams) (any, error) {
			e := id(p.Source)
			if e == "" {
				return nil, nil
			}
			if onlyHead(p) {
				return orNull(b.entityHead(p.Context, e))
			}
			return orNull(b.entityByID(p.Context, e))
		}}
	}
	entityList := func(ids func(any) []string) *graphql.Field {
		return &graphql.Field{Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(b.entity))),
			Resolve: func(p graphql.ResolveParams) (any, error) {
				out := []graph.Entity{}
				for _, id := range ids(p.Source) {
					e, err := b.entityByID(p.Context, id)
					if err != nil {
						if graph.IsNotFound(err) {
							continue
						}
						return nil, err
					}
					out = append(out, e)
				}
				return out, nil
			}}
	}
	quoteOf := func(v any) graph.Quote { q, _ := v.(graph.Quote); return q }
	quoteSources, quoteSourceCount := sourcesOf(func(v any) (string, []graph.Source, int) {
		q := quoteOf(v)
		return q.ID, q.Sources, q.SourceCount
	})
	b.quote = plainObject(graphql.ObjectConfig{
		Name:        "Quote",
		Description: "Something said, merged across the documents that report it.",
		Fields: graphql.Fields{
			"id":               plainString(graphql.NewNonNull(graphql.ID), func(q graph.Quote) string { return q.ID }),
			"text":             plainString(nonNullString, func(q graph.Quote) string { return q.Text }),
			"date":             plainString(graphql.String, func(q graph.Quote) string { return q.Date }),
			"dateFromDocument": plainBool(func(q graph.Quote) bool { return q.DateFromDocument }),
			"cue":              plainString(graphql.String, func(q graph.Quote) string { return q.Cue }),
			"direct":           plainBool(func(q graph.Quote) bool { return q.Direct }),
			"place":            plainString(graphql.String, func(q graph.Quote) string { return q.Place }),
			"medium":           plainString(graphql.String, func(q graph.Quote) string { return q.Medium }),
			"speaker":          entityRef(func(v any) string { return quoteOf(v).SpeakerID }),
			"speakers":         entityList(func(v any) []string { return quoteOf(v).Speakers }),
			"about":            entityList(func(v any) []string { return quoteOf(v).About }),
			"sources":          quoteSources,
			"sourceCount":      quoteSourceCount,
		},
	})
	eventOf := func(v any) graph.Event { e, _ := v.(graph.Event); return e }
	eventSources, eventSourceCount := sourcesOf(func(v any) (string, []graph.Source, int) {
		e := eventOf(v)
		return e.ID, e.Sources, e.SourceCount
	})
	b.event = plainObject(graphql.ObjectConfig{
		Name:        "Event",
		Description: "Something that happened, merged across documents by type, participants and date.",
		Fields: graphql.Fields{
			"id":               plainString(graphql.NewNonNull(graphql.ID), func(e graph.Event) string { return e.ID }),
			"type":             plainString(nonNullString, func(e graph.Event) string { return e.Type }),
			"text":             plainString(nonNullString, func(e graph.Event) string { return e.Text }),
			"date":             plainString(graphql.String, func(e graph.Event) string { return e.Date }),
			"dateFromDocument": plainBool(func(e graph.Event) bool { return e.DateFromDocument }),
			"participants":     entityList(func(v any) []string { return eventOf(v).Participants }),
			"place":            entityRef(func(v any) string { return eventOf(v).Place }),
			"sources":          eventSources,
			"sourceCount":      eventSourceCount,
		},
	})
	relOf := func(v any) graph.Relation { r, _ := v.(graph.Relation); return r }
	relationSources, relationSourceCount := sourcesOf(func(v any) (string, []graph.Source, int) {
		r := relOf(v)
		return r.ID, r.Sources, r.SourceCount
	})
	b.relation = plainObject(graphql.ObjectConfig{
		Name:        "Relation",
		Description: "A typed link between two entities (role_of, works_for, met, ...).",
		Fields: graphql.Fields{
			"id":          plainString(graphql.NewNonNull(graphql.ID), func(r graph.Relation) string { return r.ID }),
			"predicate":   plainString(nonNullString, func(r graph.Relation) string { return string(r.Predicate) }),
			"subject":     entityRef(func(v any) string { return relOf(v).Subject }),
			"object":      entityRef(func(v any) string { return relOf(v).Object }),
			"date":        plainString(graphql.String, func(r graph.Relation) string { return r.Date }),
			"dates":       field(nonNullStrings, func(r graph.Relation) any { return nonNil(r.Dates) }),
			"sources":     relationSources,
			"sourceCount": relationSourceCount,
		},
	})
	query := graphql.NewObject(graphql.ObjectConfig{Name: "Query", Fields: b.queryFields()})
	s, err := graphql.NewSchema(graphql.SchemaConfig{Query: query})
	if err != nil {
		return s, fmt.Errorf("schema: %w", err)
	}
	return s, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (b *builder) entityFields(role *graphql.Object) graphql.Fields {
	cooc := plainObject(graphql.ObjectConfig{
		Name:        "Cooccurrence",
		Description: "An entity mentioned in the same sentences, weight times.",
		Fields: graphql.Fields{
			"entity": field(graphql.NewNonNull(b.entity), func(c graph.Cooccurrence) any { return c.Entity }),
			"weight": plainInt(func(c graph.Cooccurrence) int { return c.Weight }),
			"firstSeen": field(graphql.String, func(c graph.Cooccurrence) any {
				if len(c.Dates) == 0 {
					return nil
				}
				return c.Dates[0]
			}),
			"lastSeen": field(graphql.String, func(c graph.Cooccurrence) any {
				if len(c.Dates) == 0 {
					return nil
				}
				return c.Dates[len(c.Dates)-1]
			}),
		},
	})
	return graphql.Fields{
		"id":            plainString(graphql.NewNonNull(graphql.ID), func(e graph.Entity) string { return e.ID }),
		"name":          plainString(nonNullString, func(e graph.Entity) string { return e.Name }),
		"type":          plainString(nonNullString, func(e graph.Entity) string { return e.Type.String() }),
		"aliases":       field(nonNullStrings, func(e graph.Entity) any { return nonNil(e.Aliases) }),
		"roles":         field(graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(role))), func(e graph.Entity) any { return nonNilRoles(e.Roles) }),
		"mentionCount":  plainInt(func(e graph.Entity) int { return e.Mentions }),
		"documentCount": plainInt(func(e graph.Entity) int { return e.Documents }),
		"firstSeen":     plainString(graphql.String, func(e graph.Entity) string { return e.FirstSeen }),
		"lastSeen":      plainString(graphql.String, func(e graph.Entity) string { return e.LastSeen }),
		"quotes": {
			Type:        graphql.NewNonNull(b.connection(b.quote)),
			Description: "what the entity said, by date",
			Args: withPage(graphql.FieldConfigArgument{"from": {Type: graphql.String}, "to": {Type: graphql.String},
				"newestFirst": newestFirst}),
			Resolve: b.ofEntity(func(p graphql.ResolveParams, eid string, pg graph.Page) (any, error) {
				return conn(b.s.Quotes(p.Context, graph.QuoteFilter{Speaker: eid, From: str(p, "from"), To: str(p, "to"),
					NewestFirst: flag(p, "newestFirst")}, pg))
			}),
		},
		"relations": {
			Type: graphql.NewNonNull(b.connection(b.relation)),
			Args: pageArgs,
			Resolve: b.ofEntity(func(p graphql.ResolveParams, eid string, pg graph.Page) (any, error) {
				return conn(b.s.Relations(p.Context, eid, pg))
			}),
		},
		"documents": {
			Type: graphql.NewNonNull(b.connection(b.document)),
			Args: pageArgs,
			Resolve: b.ofEntity(func(p graphql.ResolveParams, eid string, pg graph.Page) (any, error) {
				return conn(b.s.EntityDocuments(p.Context, eid, pg))
			}),
		},
		"events": {
			Type: graphql.NewNonNull(b.connection(b.event)),
			Args: withPage(graphql.FieldConfigArgument{"from": {Type: graphql.String}, "to": {Type: graphql.String},
				"newestFirst": newestFirst}),
			Resolve: b.ofEntity(func(p graphql.ResolveParams, eid string, pg graph.Page) (any, error) {
				return conn(b.s.Events(p.Context, graph.EventFilter{Participant: eid, From: str(p, "from"), To: str(p, "to"),
					NewestFirst: flag(p, "newestFirst")}, pg))
			}),
		},
		"cooccurring": {
			Type:        graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(cooc))),
			Description: "the entities most often mentioned in the same sentence, heaviest first",
			Args:        graphql.FieldConfigArgument{"first": {Type: graphql.Int}},
			Resolve: b.ofEntity(func(p graphql.ResolveParams, eid string, pg graph.Page) (any, error) {
				out, err := b.s.Cooccurring(p.Context, eid, pg.First)
				if out == nil {
					out = []graph.Cooccurrence{}
				}
				return out, err
			}),
		},
	}
}

// paged resolves a paginated field: list gets the page the arguments ask
// for.
func (b *builder) paged(list func(p graphql.ResolveParams, pg graph.Page) (any, error)) graphql.FieldResolveFn {
	return func(p graphql.ResolveParams) (any, error) {
		pg, err := b.page(p)
		if err != nil {
			return nil, err
		}
		return list(p, pg)
	}
}

// ofEntity resolves a field of an Entity that lists something of it,
// page by page: list gets the entity's ID and the requested page.
func (b *builder) ofEntity(list func(p graphql.ResolveParams, eid string, pg graph.Page) (any, error)) graphql.FieldResolveFn {
	return b.paged(func(p graphql.ResolveParams, pg graph.Page) (any, error) {
		e, err := src[graph.Entity](p)
		if err != nil {
			return nil, err
		}
		return list(p, e.ID, pg)
	})
}

func nonNilRoles(r []graph.Role) []graph.Role {
	if r == nil {
		return []graph.Role{}
	}
	return r
}
