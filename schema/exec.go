package schema

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/graphql-go/graphql"
	"github.com/graphql-go/graphql/language/ast"
	"github.com/graphql-go/graphql/language/kinds"
)

// execute runs a validated query. The common case (a query of objects,
// lists and scalars, variables and arguments of scalar types, fragments,
// no directives, no errors) runs on a lean executor that calls the same
// resolvers as graphql-go and builds the same answer; anything else, and
// any error, is run again by graphql-go, so that errors, introspection and
// the rarer features keep graphql-go's exact behaviour.
//
// Why: graphql-go spends most of a large answer's CPU around the
// resolvers, not in them (two deferred recovers, an argument map, a
// ResolveInfo and a field collection per field of every list item): a
// neighbourhood of 100 nodes and 2,000 edges resolved ten thousand fields
// that way.
func execute(ctx context.Context, s graphql.Schema, doc *ast.Document, req Request) *graphql.Result {
	if data, err := runLean(ctx, s, doc, req); err == nil {
		return &graphql.Result{Data: json.RawMessage(data)}
	}
	return graphql.Execute(graphql.ExecuteParams{Schema: s, AST: doc, Args: req.Variables,
		OperationName: req.OperationName, Context: ctx})
}

// errUnsupported sends a request to graphql-go.
var errUnsupported = errors.New("schema: not for the lean executor")

// lean is the state of one lean execution.
type lean struct {
	ctx       context.Context
	schema    graphql.Schema
	op        *ast.OperationDefinition
	fragments map[string]ast.Definition
	vars      map[string]any
	// fields remembers each object type's collected selection: every item
	// of a list has the same one.
	fields map[collectKey][]collected
}

type collectKey struct {
	t     *graphql.Object
	first *ast.Field
	n     int
}

// collected is one response key of a selection and the fields merged
// into it, with the key as JSON and, for a plain field, its appender.
type collected struct {
	name  string
	asts  []*ast.Field
	key   []byte
	plain appender
}

// runLean executes the operation and returns its data encoded as
// json.Marshal would encode graphql-go's (maps, so keys sorted), or an
// error (errUnsupported for what it leaves to graphql-go, or a resolver's
// error). It writes the JSON as it resolves: building graphql-go's tree
// of maps and encoding it cost a large answer more than resolving it.
func runLean(ctx context.Context, s graphql.Schema, doc *ast.Document, req Request) (data []byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			data, err = nil, errUnsupported
		}
	}()
	l := &lean{ctx: ctx, schema: s, fragments: map[string]ast.Definition{}, fields: map[collectKey][]collected{}}
	for _, d := range doc.Definitions {
		switch d := d.(type) {
		case *ast.OperationDefinition:
			name := ""
			if d.Name != nil {
				name = d.Name.Value
			}
			if req.OperationName == "" || name == req.OperationName {
				if l.op != nil {
					return nil, errUnsupported
				}
				l.op = d
			}
		case *ast.FragmentDefinition:
			if d.Name == nil {
				return nil, errUnsupported
			}
			l.fragments[d.Name.Value] = d
		default:
			return nil, errUnsupported
		}
	}
	if l.op == nil || l.op.Operation != ast.OperationTypeQuery || len(l.op.Directives) > 0 {
		return nil, errUnsupported
	}
	if l.vars, err = l.variables(req.Variables); err != nil {
		return nil, err
	}
	root := s.QueryType()
	fields, err := l.collect(root, []*ast.Field{{SelectionSet: l.op.SelectionSet}})
	if err != nil {
		return nil, err
	}
	buf := leanBuffers.Get().(*[]byte)
	out, err := l.object((*buf)[:0], root, fields, map[string]any{})
	if err != nil {
		leanBuffers.Put(buf)
		return nil, err
	}
	// The answer is a copy: the buffer goes back to the pool, and what
	// is returned may be cached and written long after.
	data = slices.Clone(out)
	if cap(out) <= maxPooledBuffer {
		*buf = out[:0]
		leanBuffers.Put(buf)
	}
	return data, nil
}

// leanBuffers keeps the lean executor's output buffers between requests.
// A buffer grown from empty to hold a neighbourhood of 4,500 edges (470 KB
// of JSON) allocates and copies about twice the answer, on every request;
// a reused one has grown already.
var leanBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledBuffer bounds the buffers kept, so that a rare huge answer does
// not pin its buffer.
const maxPooledBuffer = 4 << 20

// variables coerces the operation's variables, all of scalar types.
func (l *lean) variables(in map[string]any) (map[string]any, error) {
	out := make(map[string]any, len(l.op.VariableDefinitions))
	for _, def := range l.op.VariableDefinitions {
		if def.Variable == nil || def.Variable.Name == nil {
			return nil, errUnsupported
		}
		name := def.Variable.Name.Value
		t, nonNull := def.Type, false
		if nn, ok := t.(*ast.NonNull); ok {
			t, nonNull = nn.Type, true
		}
		named, ok := t.(*ast.Named)
		if !ok || named.Name == nil {
			return nil, errUnsupported
		}
		scalar, ok := l.schema.Type(named.Name.Value).(*graphql.Scalar)
		if !ok {
			return nil, errUnsupported
		}
		v, given := in[name]
		switch {
		case given && v != nil:
			c := scalar.ParseValue(v)
			if c == nil {
				return nil, errUnsupported
			}
			out[name] = c
		case nonNull:
			return nil, errUnsupported
		case !given && def.DefaultValue != nil:
			c := scalar.ParseLiteral(def.DefaultValue)
			if c == nil {
				return nil, errUnsupported
			}
			out[name] = c
		case given:
			out[name] = nil
		}
	}
	return out, nil
}

// collect gathers the fields selected on t by asts' selection sets, in
// order, merging those of one response key.
func (l *lean) collect(t *graphql.Object, asts []*ast.Field) ([]collected, error) {
	key := collectKey{t, asts[0], len(asts)}
	if c, ok := l.fields[key]; ok {
		return c, nil
	}
	var out []collected
	index := map[string]int{}
	var walk func(ss *ast.SelectionSet, depth int) error
	walk = func(ss *ast.SelectionSet, depth int) error {
		if ss == nil {
			return nil
		}
		if depth > 16 {
			return errUnsupported
		}
		for _, sel := range ss.Selections {
			switch sel := sel.(type) {
			case *ast.Field:
				if len(sel.Directives) > 0 || sel.Name == nil {
					return errUnsupported
				}
				name := sel.Name.Value
				if sel.Alias != nil {
					name = sel.Alias.Value
				}
				if i, ok := index[name]; ok {
					out[i].asts = append(out[i].asts, sel)
					continue
				}
				index[name] = len(out)
				out = append(out, collected{name: name, asts: []*ast.Field{sel}})
			case *ast.InlineFragment:
				if len(sel.Directives) > 0 {
					return errUnsupported
				}
				if ok, err := l.applies(t, sel.TypeCondition); err != nil || !ok {
					return err
				}
				if err := walk(sel.SelectionSet, depth+1); err != nil {
					return err
				}
			case *ast.FragmentSpread:
				if len(sel.Directives) > 0 || sel.Name == nil {
					return errUnsupported
				}
				def, ok := l.fragments[sel.Name.Value].(*ast.FragmentDefinition)
				if !ok || len(def.Directives) > 0 {
					return errUnsupported
				}
				if ok, err := l.applies(t, def.TypeCondition); err != nil || !ok {
					return err
				}
				if err := walk(def.SelectionSet, depth+1); err != nil {
					return err
				}
			default:
				return errUnsupported
			}
		}
		return nil
	}
	for _, f := range asts {
		if err := walk(f.SelectionSet, 0); err != nil {
			return nil, err
		}
	}
	// In the order json.Marshal writes a map's keys.
	slices.SortFunc(out, func(a, b collected) int { return strings.Compare(a.name, b.name) })
	for i := range out {
		c := &out[i]
		k, err := appendString(nil, c.name)
		if err != nil {
			return nil, err
		}
		c.key = append(k, ':')
		if f := c.asts[0]; f.Name.Value != "__typename" && len(f.Arguments) == 0 {
			c.plain = plainAppender(t.Name(), f.Name.Value)
		}
	}
	l.fields[key] = out
	return out, nil
}

// applies reports whether a fragment on cond applies to t; conditions on
// interfaces and unions go to graphql-go.
func (l *lean) applies(t *graphql.Object, cond *ast.Named) (bool, error) {
	if cond == nil || cond.Name == nil {
		return true, nil
	}
	if cond.Name.Value == t.Name() {
		return true, nil
	}
	if _, ok := l.schema.Type(cond.Name.Value).(*graphql.Object); ok {
		return false, nil
	}
	return false, errUnsupported
}

// object resolves the collected fields (sorted) on source and appends
// them to b as a JSON object.
func (l *lean) object(b []byte, t *graphql.Object, fields []collected, source any) ([]byte, error) {
	b = append(b, '{')
	defs := t.Fields()
	for i, f := range fields {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, f.key...)
		if f.plain != nil {
			if out, ok := f.plain(b, source); ok {
				b = out
				continue
			}
		}
		var err error
		name := f.asts[0].Name.Value
		if name == "__typename" {
			if b, err = appendString(b, t.Name()); err != nil {
				return nil, err
			}
			continue
		}
		def := defs[name]
		if def == nil {
			return nil, errUnsupported // introspection, or a field validation let through
		}
		args, err := l.args(def, f.asts[0])
		if err != nil {
			return nil, err
		}
		resolve := def.Resolve
		if resolve == nil {
			resolve = graphql.DefaultResolveFn
		}
		v, err := resolve(graphql.ResolveParams{Source: source, Args: args, Context: l.ctx,
			Info: graphql.ResolveInfo{FieldName: name, FieldASTs: f.asts, ReturnType: def.Type, ParentType: t,
				Schema: l.schema, Fragments: l.fragments, Operation: l.op, VariableValues: l.vars}})
		if err != nil {
			return nil, err
		}
		if b, err = l.complete(b, def.Type, f.asts, v); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// noArgs is the arguments of a field that takes none; resolvers only read
// them.
var noArgs = map[string]any{}

// args gives the field's arguments as graphql-go would: literals parsed by
// the argument's scalar type, variables as coerced, defaults for the rest,
// and no entry for what is null.
func (l *lean) args(def *graphql.FieldDefinition, f *ast.Field) (map[string]any, error) {
	if len(def.Args) == 0 {
		return noArgs, nil
	}
	out := make(map[string]any, len(def.Args))
	for _, a := range def.Args {
		var v any
		for _, given := range f.Arguments {
			if given.Name == nil || given.Name.Value != a.Name() {
				continue
			}
			if vr, ok := given.Value.(*ast.Variable); ok {
				if vr.Name == nil {
					return nil, errUnsupported
				}
				v = l.vars[vr.Name.Value]
				break
			}
			t := a.Type
			if nn, ok := t.(*graphql.NonNull); ok {
				t = nn.OfType
			}
			scalar, ok := t.(*graphql.Scalar)
			if !ok || given.Value == nil || given.Value.GetKind() == kinds.ObjectValue || given.Value.GetKind() == kinds.ListValue {
				return nil, errUnsupported
			}
			if v = scalar.ParseLiteral(given.Value); v == nil {
				return nil, errUnsupported
			}
			break
		}
		if v == nil {
			v = a.DefaultValue
		}
		if v != nil {
			out[a.Name()] = v
		}
	}
	return out, nil
}

// complete shapes a resolved value by its type, as graphql-go's
// completeValue does, and appends it to b.
func (l *lean) complete(b []byte, t graphql.Type, asts []*ast.Field, v any) ([]byte, error) {
	if nn, ok := t.(*graphql.NonNull); ok {
		start := len(b)
		b, err := l.complete(b, nn.OfType, asts, v)
		if err == nil && string(b[start:]) == "null" {
			err = errUnsupported // graphql-go reports it
		}
		return b, err
	}
	if nullish(v) {
		return append(b, "null"...), nil
	}
	switch t := t.(type) {
	case *graphql.Scalar:
		// graphql-go's String and ID serialize a plain string through
		// fmt.Sprintf("%v"), to itself: most of an answer is strings.
		if s, ok := v.(string); ok && (t == graphql.String || t == graphql.ID) {
			return appendString(b, s)
		}
		return appendSerialized(b, t.Serialize(v))
	case *graphql.Enum:
		return appendSerialized(b, t.Serialize(v))
	case *graphql.List:
		return l.list(b, t.OfType, asts, v)
	case *graphql.Object:
		fields, err := l.collect(t, asts)
		if err != nil {
			return nil, err
		}
		return l.object(b, t, fields, v)
	}
	return nil, errUnsupported
}

func appendSerialized(b []byte, c any) ([]byte, error) {
	if nullish(c) {
		return append(b, "null"...), nil
	}
	return appendJSON(b, c)
}

func (l *lean) list(b []byte, item graphql.Type, asts []*ast.Field, v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer {
		rv = rv.Elem()
	}
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, errUnsupported
	}
	b = append(b, '[')
	for i := range rv.Len() {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = l.complete(b, item, asts, rv.Index(i).Interface()); err != nil {
			return nil, err
		}
		if i%256 == 255 {
			if err := l.ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	return append(b, ']'), nil
}

// nullish is graphql-go's idea of null: nil, a nil pointer, NaN; and a
// function, which graphql-go would call as a thunk, goes to graphql-go.
func nullish(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string, bool, int, map[string]any:
		return false
	case float64:
		return math.IsNaN(v)
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Pointer:
		return rv.IsNil()
	case reflect.Float32, reflect.Float64:
		return math.IsNaN(rv.Float())
	case reflect.Func:
		panic(errUnsupported)
	}
	return false
}
