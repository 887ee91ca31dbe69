package schema

import (
	"sync"

	"github.com/graphql-go/graphql"
)

// validated remembers the query texts that passed graphql-go's validation
// for a schema. Validation depends on the schema and the query text only
// (not on variables), and it costs more than running a typical query
// (most of graphql.Do's CPU in the profiles), while clients send the same
// few texts with new variables again and again.
var validated = &validCache{seen: map[validKey]bool{}}

// maxValidated bounds the cache; past it the cache starts over.
const maxValidated = 1024

type validKey struct {
	query *graphql.Object // the schema's query type: one per built schema
	text  string
}

type validCache struct {
	mu   sync.Mutex
	seen map[validKey]bool
}

func (c *validCache) has(s graphql.Schema, text string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.seen[validKey{s.QueryType(), text}]
}

func (c *validCache) add(s graphql.Schema, text string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.seen) >= maxValidated {
		clear(c.seen)
	}
	c.seen[validKey{s.QueryType(), text}] = true
}
