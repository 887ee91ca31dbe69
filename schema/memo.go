package schema

import (
	"context"
	"sync"

	"github.com/newsgraph/newsgraph/graph"
)

// memo remembers, for one request, the entities and documents already
// read: a page of 20 quotes by one speaker names that speaker 20 times and
// often the same few documents, and each read is a store transaction and
// a JSON decode. It lives only as long as the request, so it never serves
// stale data across requests.
type memo struct {
	mu    sync.Mutex
	ents  map[string]memoEntry[graph.Entity]
	heads map[string]memoEntry[graph.Entity] // ID, Name and Type only
	docs  map[string]memoEntry[graph.Document]
}

type memoEntry[T any] struct {
	v   T
	err error
}

type memoKey struct{}

func withMemo(ctx context.Context) context.Context {
	return context.WithValue(ctx, memoKey{}, &memo{})
}

// cached returns m[id], else reads it with get and remembers the answer
// (not-found included; other errors are not kept, so a timeout is not
// repeated for every later field).
func cached[T any](ctx context.Context, m *memo, table *map[string]memoEntry[T], id string,
	get func(context.Context, string) (T, error)) (T, error) {
	if m == nil {
		return get(ctx, id)
	}
	m.mu.Lock()
	e, ok := (*table)[id]
	m.mu.Unlock()
	if ok {
		return e.v, e.err
	}
	v, err := get(ctx, id)
	if err == nil || graph.IsNotFound(err) {
		m.mu.Lock()
		if *table == nil {
			*table = map[string]memoEntry[T]{}
		}
		(*table)[id] = memoEntry[T]{v, err}
		m.mu.Unlock()
	}
	return v, err
}

// entityByID is Store.Entity through the request's memo.
func (b *builder) entityByID(ctx context.Context, id string) (graph.Entity, error) {
	m, _ := ctx.Value(memoKey{}).(*memo)
	if m == nil {
		return b.s.Entity(ctx, id)
	}
	return cached(ctx, m, &m.ents, id, b.s.Entity)
}

// entityHead is Store.EntityHead through the request's memo; an entity
// read whole already serves.
func (b *builder) entityHead(ctx context.Context, id string) (graph.Entity, error) {
	m, _ := ctx.Value(memoKey{}).(*memo)
	if m == nil {
		return b.s.EntityHead(ctx, id)
	}
	m.mu.Lock()
	e, ok := m.ents[id]
	m.mu.Unlock()
	if ok {
		return e.v, e.err
	}
	return cached(ctx, m, &m.heads, id, b.s.EntityHead)
}

// documentInfo is Store.DocumentInfo through the request's memo.
func (b *builder) documentInfo(ctx context.Context, id string) (graph.Document, error) {
	m, _ := ctx.Value(memoKey{}).(*memo)
	if m == nil {
		return b.s.DocumentInfo(ctx, id)
	}
	return cached(ctx, m, &m.docs, id, b.s.DocumentInfo)
}
