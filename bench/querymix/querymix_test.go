package querymix

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// pagedPoster answers the discovery queries from n people and n quotes,
// 100 a page, as the server would; it counts the requests.
func pagedPoster(n int, requests *int) Poster {
	return func(_ context.Context, r Request) ([]byte, error) {
		*requests++
		from := 0
		if a, ok := r.Variables["after"].(string); ok {
			from, _ = strconv.Atoi(a)
		}
		to := min(from+100, n)
		var edges []string
		for i := from; i < to; i++ {
			if strings.Contains(r.Query, "entities") {
				edges = append(edges, fmt.Sprintf(`{"node":{"id":"person:%d","name":"Person %d"}}`, i, i))
			} else if i%2 == 0 {
				edges = append(edges, fmt.Sprintf(`{"node":{"text":"We will not raise taxes %d","date":"2005-03-01","speaker":{"id":"person:s%d","name":"Speaker %d"}}}`, i, i, i))
			} else {
				edges = append(edges, `{"node":{"text":"No","date":"","speaker":null}}`)
			}
		}
		field := "quotes"
		if strings.Contains(r.Query, "entities") {
			field = "entities"
		}
		return fmt.Appendf(nil, `{"data":{%q:{"edges":[%s],"pageInfo":{"hasNextPage":%t,"endCursor":"%d"}}}}`,
			field, strings.Join(edges, ","), to < n, to), nil
	}
}

func TestDiscover(t *testing.T) {
	for _, tc := range []struct {
		name                     string
		n                        int
		people, phrases, request int
	}{
		{"one page", 3, 3 + 2, 2, 2},
		{"several pages", 250, 250 + 125, 125, 6},
		{"stops at the sample size", 5000, discoverSize + discoverSize/2, discoverSize / 2, 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			requests := 0
			got, err := Discover(context.Background(), pagedPoster(tc.n, &requests))
			if err != nil {
				t.Fatal(err)
			}
			if len(got.People) != tc.people || len(got.Phrases) != tc.phrases || requests != tc.request {
				t.Errorf("Discover(%d) = %d people, %d phrases in %d requests, want %d, %d in %d",
					tc.n, len(got.People), len(got.Phrases), requests, tc.people, tc.phrases, tc.request)
			}
			if p := got.People[0]; p != (Target{ID: "person:0", Name: "Person 0"}) {
				t.Errorf("first person = %+v, want the most mentioned, person:0", p)
			}
			// The two middle words of "We will not raise taxes 0" of three letters or more.
			want := Phrase{Words: "not raise", From: "2004-01-01", To: "2006-12-31"}
			if got.Phrases[0] != want {
				t.Errorf("first phrase = %+v, want %+v", got.Phrases[0], want)
			}
		})
	}
	requests := 0
	if _, err := Discover(context.Background(), pagedPoster(0, &requests)); err == nil {
		t.Errorf("Discover(empty store) error = nil, want one")
	}
	boom := func(context.Context, Request) ([]byte, error) { return []byte(`{"errors":[{"message":"boom"}]}`), nil }
	if _, err := Discover(context.Background(), boom); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("Discover(errors) error = %v, want boom", err)
	}
}

func TestParseMix(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // kinds joined, or "error"
	}{
		{"mix", "speaker,contains,entity,neighbourhood"},
		{"", "speaker,contains,entity,neighbourhood"},
		{"entity", "entity"},
		{"speaker, neighbourhood", "speaker,neighbourhood"},
		{"speaker,films", "error"},
	} {
		t.Run(tc.in, func(t *testing.T) {
			ks, err := ParseMix(tc.in)
			got := "error"
			if err == nil {
				var s []string
				for _, k := range ks {
					s = append(s, string(k))
				}
				got = strings.Join(s, ",")
			}
			if got != tc.want {
				t.Errorf("ParseMix(%q) = %s, want %s", tc.in, got, tc.want)
			}
		})
	}
}

// The picker takes the kinds in turn and fills each query's variables
// from the targets.
func TestPicker(t *testing.T) {
	requests := 0
	tg, err := Discover(context.Background(), pagedPoster(3, &requests))
	if err != nil {
		t.Fatal(err)
	}
	p := NewPicker(Kinds, tg, 1)
	for i := range 40 {
		r := p.Next(i)
		want := Kinds[i%len(Kinds)]
		if r.Kind != want || r.Query != queryText[want] {
			t.Fatalf("Next(%d) kind = %s, want %s", i, r.Kind, want)
		}
		var v string
		switch r.Kind {
		case Speaker:
			v, _ = r.Variables["s"].(string)
		case EntityByName:
			v, _ = r.Variables["n"].(string)
		case Neighbourhood:
			v, _ = r.Variables["e"].(string)
			v = strings.TrimPrefix(v, "person:")
		case Contains:
			v, _ = r.Variables["c"].(string)
			if r.Variables["f"] != "2004-01-01" {
				t.Errorf("Next(%d) from = %v, want 2004-01-01", i, r.Variables["f"])
			}
		}
		if v == "" {
			t.Errorf("Next(%d) variables = %v, want a target", i, r.Variables)
		}
	}
}

// Each asks one question of a kind about every target, in order.
func TestEach(t *testing.T) {
	tg := Targets{
		People:  []Target{{ID: "person:a", Name: "Ann Ash"}, {Name: "Bo Birch"}},
		Phrases: []Phrase{{Words: "raise taxes", From: "2004-01-01", To: "2006-12-31"}, {Words: "no deal"}},
	}
	for _, tc := range []struct {
		kind Kind
		want []map[string]any
	}{
		{Speaker, []map[string]any{{"s": "Ann Ash"}, {"s": "Bo Birch"}}},
		{EntityByName, []map[string]any{{"n": "Ann Ash"}, {"n": "Bo Birch"}}},
		{Neighbourhood, []map[string]any{{"e": "person:a"}, {"e": "Bo Birch"}}},
		{Contains, []map[string]any{{"c": "raise taxes", "f": "2004-01-01", "t": "2006-12-31"}, {"c": "no deal"}}},
	} {
		got := Each(tc.kind, tg)
		if len(got) != len(tc.want) {
			t.Fatalf("Each(%s) = %d requests, want %d", tc.kind, len(got), len(tc.want))
		}
		for i, r := range got {
			if r.Kind != tc.kind || r.Query != queryText[tc.kind] || !reflect.DeepEqual(r.Variables, tc.want[i]) {
				t.Errorf("Each(%s)[%d] = %s %v, want %v", tc.kind, i, r.Kind, r.Variables, tc.want[i])
			}
		}
	}
}

// Handler posts in process and turns GraphQL errors into Go errors.
func TestHandler(t *testing.T) {
	requests := 0
	pages := pagedPoster(3, &requests)
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req Request
		if strings.Contains(r.URL.Path, "graphql") && r.Method == http.MethodPost && json.NewDecoder(r.Body).Decode(&req) == nil {
			b, _ := pages(r.Context(), req)
			w.Write(b)
			return
		}
		http.Error(w, "no", http.StatusNotFound)
	})
	tg, err := Discover(context.Background(), Handler(h))
	if err != nil || len(tg.People) != 5 {
		t.Errorf("Discover(Handler) = %d people, %v; want 5, nil", len(tg.People), err)
	}
	bad := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`{"data":null,"errors":[{"message":"boom"}]}`))
	})
	if _, err := Handler(bad)(context.Background(), Request{Query: "{x}"}); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("Handler(errors) error = %v, want boom", err)
	}
}

func TestHTTPIntoReusesTheBuffer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.URL.Query().Get("n"))
		if r.URL.Query().Get("chunked") == "" {
			w.Header().Set("Content-Length", strconv.Itoa(n+len(`{"data":""}`)))
		}
		fmt.Fprint(w, `{"data":"`)
		w.(http.Flusher).Flush() // an answer of unknown length, without Content-Length
		fmt.Fprintf(w, `%s"}`, strings.Repeat("x", n))
	}))
	defer srv.Close()
	buf := make([]byte, 0, 256)
	for _, tc := range []struct {
		query string
		n     int
		reuse bool // the answer fits buf
	}{
		{"?n=10", 10, true},
		{"?n=200", 200, true},
		{"?n=10&chunked=1", 10, true},
		{"?n=1000", 1000, false},
		{"?n=1000&chunked=1", 1000, false},
	} {
		post := HTTPInto(srv.Client(), srv.URL+tc.query)
		got, err := post(context.Background(), Request{Kind: Speaker, Query: "{x}"}, buf)
		if err != nil {
			t.Fatalf("%s: %v", tc.query, err)
		}
		if want := `{"data":"` + strings.Repeat("x", tc.n) + `"}`; string(got) != want {
			t.Errorf("%s: answer %.40q..., want %.40q...", tc.query, got, want)
		}
		if reused := &got[:1][0] == &buf[:1][0]; reused != tc.reuse {
			t.Errorf("%s: answer read into the buffer given = %v, want %v", tc.query, reused, tc.reuse)
		}
	}
}
