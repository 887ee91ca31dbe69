// Package schema is newsgraph's GraphQL API over the graph store, built
// with graphql-go, and the HTTP handler that serves it.
//
// Resolvers take the request's context and call one graph.Store method
// each; the store holds all the logic. Within one request, entities and
// documents read once are remembered (a page of quotes names its speaker
// on every item); lists count their totalCount only when it is selected;
// and a query text that passed validation is not validated again. A
// reference to an entity that shows only its id, name or type reads the
// head of its record, not its roles and aliases. Validated queries run on
// a lean executor (exec.go) that calls the same resolvers with far less
// work per field than graphql-go's, which still runs introspection,
// directives and anything that fails. Lists are Relay-style connections
// (edges { cursor node }, pageInfo { hasNextPage endCursor }, totalCount).
//
//	h := schema.Handler(store, schema.Options{MaxPageSize: 100})
//	http.Handle("/graphql", h)
package schema

import (
	"errors"
	"fmt"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kind"
)

// Limits applied when Options leaves them zero.
const (
	DefaultMaxPageSize = 100
	DefaultMaxDepth    = 12
	DefaultMaxCost     = 100000
)

// New returns the schema over store, with the default page size limit.
func New(store *graph.Store) (graphql.Schema, error) {
	return build(store, Options{}.withDefaults())
}

// builder holds what resolvers share while the schema is built.
type builder struct {
	s    *graph.Store
	opts Options

	entity, quote, event, relation, document *graphql.Object
	conns                                    map[string]*graphql.Object
	pageInfo                                 *graphql.Object
}

func build(store *graph.Store, opts Options) (graphql.Schema, error) {
	b := &builder{s: store, opts: opts}
	return b.schema()
}

// page reads first/after, refusing a page larger than the limit rather
// than silently cutting it.
func (b *builder) page(p graphql.ResolveParams) (graph.Page, error) {
	var pg graph.Page
	if v, ok := p.Args["first"].(int); ok {
		if v < 0 {
			return pg, fmt.Errorf("first: %d is negative", v)
		}
		if v > b.opts.MaxPageSize {
			return pg, fmt.Errorf("first: %d is over the limit of %d", v, b.opts.MaxPageSize)
		}
		pg.First = v
	}
	pg.After, _ = p.Args["after"].(string)
	// Counting a long list costs more than its page: count only when the
	// query asks for the count.
	pg.SkipTotal = !selects(p, "totalCount")
	return pg, nil
}

// selects reports whether the query selects the named field directly
// under the field being resolved, through fragments too. When in doubt (a
// fragment it cannot find) it says yes.
func selects(p graphql.ResolveParams, name string) bool {
	for _, f := range p.Info.FieldASTs {
		if anyField(p, f.SelectionSet, 0, func(f *ast.Field) bool { return f.Name.Value == name }) {
			return true
		}
	}
	return false
}

// headFields are the fields of an Entity that Store.EntityHead fills.
var headFields = map[string]bool{"id": true, "name": true, "type": true, "__typename": true}

// onlyHead reports whether the query selects nothing of the entity being
// resolved but fields of its head (through fragments too; when in doubt,
// no).
func onlyHead(p graphql.ResolveParams) bool {
	for _, f := range p.Info.FieldASTs {
		if anyField(p, f.SelectionSet, 0, func(f *ast.Field) bool { return !headFields[f.Name.Value] }) {
			return false
		}
	}
	return true
}

// selectsUnder reports whether the query selects any of names under the
// field parent of the field being resolved, as selects does.
func selectsUnder(p graphql.ResolveParams, parent string, names ...string) bool {
	for _, f := range p.Info.FieldASTs {
		found := anyField(p, f.SelectionSet, 0, func(f *ast.Field) bool {
			if f.Name.Value != parent {
				return false
			}
			return anyField(p, f.SelectionSet, 0, func(f *ast.Field) bool {
				for _, n := range names {
					if f.Name.Value == n {
						return true
					}
				}
				return false
			})
		})
		if found {
			return true
		}
	}
	return false
}

// anyField reports whether match holds for a field of ss, looking through
// fragments; a selection it cannot read counts as a match.
func anyField(p graphql.ResolveParams, ss *ast.SelectionSet, depth int, match func(*ast.Field) bool) bool {
	if ss == nil {
		return false
	}
	if depth > 8 {
		return true
	}
	for _, sel := range ss.Selections {
		switch sel := sel.(type) {
		case *ast.Field:
			if sel.Name == nil || match(sel) {
				return true
			}
		case *ast.InlineFragment:
			if anyField(p, sel.SelectionSet, depth+1, match) {
				return true
			}
		case *ast.FragmentSpread:
			if sel.Name == nil {
				return true
			}
			def, ok := p.Info.Fragments[sel.Name.Value].(*ast.FragmentDefinition)
			if !ok || anyField(p, def.SelectionSet, depth+1, match) {
				return true
			}
		default:
			return true
		}
	}
	return false
}

var newestFirst = &graphql.ArgumentConfig{Type: graphql.Boolean, DefaultValue: false,
	Description: "list by date, newest first (default: oldest first)"}

func flag(p graphql.ResolveParams, name string) bool {
	v, _ := p.Args[name].(bool)
	return v
}

func str(p graphql.ResolveParams, name string) string {
	s, _ := p.Args[name].(string)
	return s
}

// src gives the resolver's source as a T, or an error naming the field.
func src[T any](p graphql.ResolveParams) (T, error) {
	v, ok := p.Source.(T)
	if !ok {
		var zero T
		return zero, fmt.Errorf("schema: %s: source is %T, want %T", p.Info.FieldName, p.Source, zero)
	}
	return v, nil
}

// field is a field read off its parent value with f.
func field[T any](t graphql.Output, f func(T) any) *graphql.Field {
	return &graphql.Field{Type: t, Resolve: func(p graphql.ResolveParams) (any, error) {
		v, err := src[T](p)
		if err != nil {
			return nil, err
		}
		return f(v), nil
	}}
}

// orNull turns "not found" into a null result.
func orNull[T any](v T, err error) (any, error) {
	if errors.Is(err, graph.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return v, nil
}

func nonEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

var pageArgs = graphql.FieldConfigArgument{
	"first": {Type: graphql.Int, Description: "page size; over the server's limit is an error"},
	"after": {Type: graphql.String, Description: "a cursor from a previous page"},
}

func withPage(args graphql.FieldConfigArgument) graphql.FieldConfigArgument {
	out := graphql.FieldConfigArgument{}
	for k, v := range pageArgs {
		out[k] = v
	}
	for k, v := range args {
		out[k] = v
	}
	return out
}

// connection is the Relay connection type over node, made once.
func (b *builder) connection(node *graphql.Object) *graphql.Object {
	if c := b.conns[node.Name()]; c != nil {
		return c
	}
	if b.conns == nil {
		b.conns = map[string]*graphql.Object{}
		b.pageInfo = graphql.NewObject(graphql.ObjectConfig{
			Name: "PageInfo",
			Fields: graphql.Fields{
				"hasNextPage": &graphql.Field{Type: graphql.NewNonNull(graphql.Boolean)},
				"endCursor":   &graphql.Field{Type: graphql.String},
			},
		})
	}
	edge := graphql.NewObject(graphql.ObjectConfig{
		Name: node.Name() + "Edge",
		Fields: graphql.Fields{
			"cursor": &graphql.Field{Type: graphql.NewNonNull(graphql.String)},
			"node":   &graphql.Field{Type: graphql.NewNonNull(node)},
		},
	})
	c := graphql.NewObject(graphql.ObjectConfig{
		Name: node.Name() + "Connection",
		Fields: graphql.Fields{
			"edges":      &graphql.Field{Type: graphql.NewNonNull(graphql.NewList(graphql.NewNonNull(edge)))},
			"pageInfo":   &graphql.Field{Type: graphql.NewNonNull(b.pageInfo)},
			"totalCount": &graphql.Field{Type: graphql.NewNonNull(graphql.Int)},
		},
	})
	b.conns[node.Name()] = c
	return c
}

// conn shapes a graph.List as a connection value.
func conn[T any](l graph.List[T], err error) (any, error) {
	if err != nil {
		return nil, err
	}
	edges := make([]map[string]any, len(l.Items))
	for i, it := range l.Items {
		edges[i] = map[string]any{"cursor": l.Cursors[i], "node": it}
	}
	return map[string]any{
		"edges":      edges,
		"pageInfo":   map[string]any{"hasNextPage": l.HasNext, "endCursor": nonEmpty(l.EndCursor)},
		"totalCount": l.Total,
	}, nil
}

func entityType(s string) (kind.Entity, error) {
	if s == "" {
		return kind.Unknown, nil
	}
	return kind.ParseEntity(s)
}

var nonNullString = graphql.NewNonNull(graphql.String)
var nonNullStrings = graphql.NewNonNull(graphql.NewList(nonNullString))
