package schema

import (
	"math"
	"strconv"
	"sync"

	"github.com/graphql-go/graphql"
)

// A plain field reads a scalar straight off its parent, a Go struct, and
// takes no arguments. Besides its resolver, which graphql-go calls, it has
// an appender that the lean executor calls instead: no ResolveParams, no
// value boxed in an interface, no completion by type. A large answer of
// small objects is mostly such fields: a well-known person's depth-2
// neighbourhood has 4,500 edges of four fields each.
//
// The plain* helpers make the field and keep its appender aside;
// plainObject files the appenders of its fields under the object's name
// and the field's, where lean.collect finds them. Every schema this
// package builds gives a name the same accessor, so one registry serves
// them all.

// appender appends the field's JSON value read off source, or returns
// false, having appended nothing, for graphql-go's way to answer.
type appender func(b []byte, source any) ([]byte, bool)

type plainKey struct{ object, field string }

var (
	plainFields  sync.Map // plainKey -> appender
	plainPending sync.Map // *graphql.Field -> appender, until plainObject files it
)

// plainObject is graphql.NewObject, filing the appenders of the plain
// fields among cfg's fields (those of a thunk when graphql-go calls it,
// as it builds the schema).
func plainObject(cfg graphql.ObjectConfig) *graphql.Object {
	file := func(fs graphql.Fields) {
		for name, f := range fs {
			if a, ok := plainPending.LoadAndDelete(f); ok {
				plainFields.Store(plainKey{cfg.Name, name}, a)
			}
		}
	}
	switch fs := cfg.Fields.(type) {
	case graphql.Fields:
		file(fs)
	case graphql.FieldsThunk:
		cfg.Fields = graphql.FieldsThunk(func() graphql.Fields {
			f := fs()
			file(f)
			return f
		})
	}
	return graphql.NewObject(cfg)
}

// plainAppender returns the appender of field name of object, or nil.
func plainAppender(object, name string) appender {
	a, ok := plainFields.Load(plainKey{object, name})
	if !ok {
		return nil
	}
	return a.(appender)
}

// plainField is a field of a T: get reads the value, resolved gives
// it to graphql-go, and write appends it, or returns false for
// graphql-go's way to answer.
func plainField[T, V any](t graphql.Output, get func(T) V, resolved func(V) any, write func([]byte, V) ([]byte, bool)) *graphql.Field {
	f := field(t, func(v T) any { return resolved(get(v)) })
	plainPending.Store(f, appender(func(b []byte, source any) ([]byte, bool) {
		v, ok := source.(T)
		if !ok {
			return b, false
		}
		return write(b, get(v))
	}))
	return f
}

func asIs[V any](v V) any { return v }

// plainString is a string of a T; of a nullable type, null when empty.
func plainString[T any](t graphql.Output, get func(T) string) *graphql.Field {
	_, nonNull := t.(*graphql.NonNull)
	return plainField(t, get, func(s string) any {
		if s == "" && !nonNull {
			return nil
		}
		return s
	}, func(b []byte, s string) ([]byte, bool) {
		if s == "" && !nonNull {
			return append(b, "null"...), true
		}
		out, err := appendString(b, s)
		return out, err == nil
	})
}

// plainInt is a non-null Int of a T.
func plainInt[T any](get func(T) int) *graphql.Field {
	return plainField(graphql.NewNonNull(graphql.Int), get, asIs[int], func(b []byte, n int) ([]byte, bool) {
		if n < math.MinInt32 || n > math.MaxInt32 {
			return b, false // graphql-go's Int is 32 bits: it answers null, and an error
		}
		return strconv.AppendInt(b, int64(n), 10), true
	})
}

// plainFloat is a non-null Float of a T.
func plainFloat[T any](get func(T) float64) *graphql.Field {
	return plainField(graphql.NewNonNull(graphql.Float), get, asIs[float64], appendFloat)
}

// plainBool is a non-null Boolean of a T.
func plainBool[T any](get func(T) bool) *graphql.Field {
	return plainField(graphql.NewNonNull(graphql.Boolean), get, asIs[bool], func(b []byte, v bool) ([]byte, bool) {
		return strconv.AppendBool(b, v), true
	})
}
