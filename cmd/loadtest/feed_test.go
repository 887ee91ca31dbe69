package main

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/server"
)

// TestFeed posts articles to a real server, once as new articles, again
// as articles it holds, and with a wrong token.
func TestFeed(t *testing.T) {
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	srv := httptest.NewServer(server.New(store, extract.New(), server.Options{Token: "secret"}))
	defer srv.Close()
	u, err := Beside(srv.URL+"/graphql", "/ingest")
	if err != nil {
		t.Fatal(err)
	}
	lines := `{"id": "a1", "published": "2021-03-01", "text": "Mayor Anna Berg said: \"The bridge will open in May.\""}

{"id": "a2", "published": "2021-03-02", "text": "Tom Park of the Harbour Trust said the bridge was late."}
{"id": "a3", "text": "Anna Berg met Tom Park in Leeds on Monday."}
`
	for _, tc := range []struct {
		name                     string
		token                    string
		posted, stored, new, bad int
	}{
		{"new articles", "secret", 3, 3, 3, 0},
		{"the same again", "secret", 3, 3, 0, 0},
		{"wrong token", "guess", 3, 0, 0, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := Feed{URL: u, Token: tc.token, Rate: 200, Lines: strings.NewReader(lines)}
			rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			defer cancel()
			r, err := f.Run(rctx, NewClient(1, 5*time.Second))
			if err != nil {
				t.Fatal(err)
			}
			if !r.Exhausted || r.Posted != tc.posted || r.Stored != tc.stored || r.New != tc.new || r.Latencies.Errors != tc.bad {
				t.Errorf("Run = %d posted, %d stored, %d new, %d refused (input ran out: %v); want %d, %d, %d, %d, true",
					r.Posted, r.Stored, r.New, r.Latencies.Errors, r.Exhausted, tc.posted, tc.stored, tc.new, tc.bad)
			}
			if tc.bad > 0 && !strings.Contains(r.Latencies.FirstError, "token") {
				t.Errorf("first refusal %q does not name the token", r.Latencies.FirstError)
			}
		})
	}
	st, err := store.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != 3 {
		t.Errorf("store holds %d documents after the feeds, want 3", st.Documents)
	}
}
