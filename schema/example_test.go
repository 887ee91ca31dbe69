package schema_test

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/schema"
)

func ExampleHandler() {
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Options{InMemory: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer store.Close()
	if err := graphtest.Load(ctx, store); err != nil {
		fmt.Println(err)
		return
	}
	srv := httptest.NewServer(schema.Handler(store, schema.Options{MaxPageSize: 50}))
	defer srv.Close()

	res, err := srv.Client().Post(srv.URL+"/graphql", "application/json",
		strings.NewReader(`{"query": "{ entity(name: \"UN\") { name type documentCount } }"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	fmt.Print(string(body))
	// Output:
	// {"data":{"entity":{"documentCount":2,"name":"United Nations","type":"ORG"}}}
}
