// Package graph is newsgraph's knowledge graph, stored in Badger.
//
// The key layout is documented here as it is built; see store.go.
package graph
