package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/bench/querymix"
)

func TestCheckLoopback(t *testing.T) {
	for _, tc := range []struct {
		url string
		ok  bool
	}{
		{"http://127.0.0.1:8080/graphql", true},
		{"http://127.9.9.9/graphql", true},
		{"http://localhost:8080/graphql", true},
		{"http://[::1]:8080/graphql", true},
		{"https://127.0.0.1/graphql", true},
		{"http://example.com/graphql", false},
		{"http://10.0.0.1:8080/graphql", false},
		{"http://0.0.0.0:8080/graphql", false},
		{"http://localhost.example.com/graphql", false},
		{"ftp://127.0.0.1/graphql", false},
		{"://bad", false},
	} {
		t.Run(tc.url, func(t *testing.T) {
			err := CheckLoopback(tc.url)
			if (err == nil) != tc.ok {
				t.Errorf("CheckLoopback(%q) = %v, want ok %v", tc.url, err, tc.ok)
			}
		})
	}
}

// The dialer refuses a non-loopback address before any packet is sent
// (192.0.2.1 is TEST-NET-1, never routed).
func TestClientRefusesOtherHosts(t *testing.T) {
	c := NewClient(1, time.Second)
	_, err := c.Get("http://192.0.2.1:9/graphql")
	if !errors.Is(err, ErrNotLoopback) {
		t.Errorf("Get(192.0.2.1) error = %v, want ErrNotLoopback", err)
	}
}

func TestPercentile(t *testing.T) {
	ms := func(n ...int) []time.Duration {
		var out []time.Duration
		for _, x := range n {
			out = append(out, time.Duration(x)*time.Millisecond)
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = i + 1
	}
	for _, tc := range []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"empty", nil, 50, 0},
		{"one", ms(7), 99, 7 * time.Millisecond},
		{"p50 of 1..100", ms(hundred...), 50, 50 * time.Millisecond},
		{"p99 of 1..100", ms(hundred...), 99, 99 * time.Millisecond},
		{"p99.9 of 1..100", ms(hundred...), 99.9, 100 * time.Millisecond},
		{"p0 of 1..100", ms(hundred...), 0, 1 * time.Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Percentile(tc.sorted, tc.p); got != tc.want {
				t.Errorf("Percentile(%s, %v) = %v, want %v", tc.name, tc.p, got, tc.want)
			}
		})
	}
}

const discoverAnswer = `{"data":{
 "entities":{"edges":[{"node":{"id":"person:1","name":"Anna Berg","mentionCount":9}},{"node":{"id":"person:2","name":"Karl Lund","mentionCount":3}}]},
 "quotes":{"edges":[
  {"node":{"text":"We will not raise taxes this year","date":"2005-03-01","speaker":{"id":"person:3","name":"Ola Dahl"}}},
  {"node":{"text":"No","date":"","speaker":null}}]}}}`

// fakeServer answers like a newsgraph GraphQL endpoint: the discovery
// query, then every query of the mix, with an error for neighbourhood so
// that error counting shows.
type fakeServer struct {
	mu     sync.Mutex
	byKind map[string]int
	vars   []map[string]any
}

func (f *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Query     string
		Variables map[string]any
	}
	b, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(b, &req); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	kind := ""
	switch {
	case strings.Contains(req.Query, "first: 100, after: $after"):
		kind = "discover"
	case strings.Contains(req.Query, "neighbourhood("):
		kind = "neighbourhood"
	case strings.Contains(req.Query, "quotes(speaker:"):
		kind = "speaker"
	case strings.Contains(req.Query, "quotes(contains:"):
		kind = "contains"
	case strings.Contains(req.Query, "entity(name:"):
		kind = "entity"
	}
	f.mu.Lock()
	f.byKind[kind]++
	f.vars = append(f.vars, req.Variables)
	f.mu.Unlock()
	switch kind {
	case "discover":
		io.WriteString(w, discoverAnswer)
	case "neighbourhood":
		io.WriteString(w, `{"data":null,"errors":[{"message":"not found"}]}`)
	default:
		io.WriteString(w, `{"data":{"x":{"text":"the \"errors\": word in a quote is not an error"}}}`)
	}
}

func TestRun(t *testing.T) {
	for _, tc := range []struct {
		name string
		rate float64
	}{
		{"open loop", 400},
		{"closed loop", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeServer{byKind: map[string]int{}}
			srv := httptest.NewServer(f)
			defer srv.Close()
			c := NewClient(4, time.Second)
			ctx := context.Background()
			targets, err := querymix.Discover(ctx, querymix.HTTP(c, srv.URL))
			if err != nil {
				t.Fatal(err)
			}
			// No warm-up, so that the first request of each kind, sent at
			// once, is measured however slow the machine.
			cfg := Config{URL: srv.URL, Rate: tc.rate, Concurrency: 4, Duration: 200 * time.Millisecond,
				MaxRequests: 2000, Timeout: time.Second}
			r, err := Run(ctx, c, cfg, querymix.NewPicker(querymix.Kinds, targets, 1))
			if err != nil {
				t.Fatal(err)
			}
			if r.All.Count == 0 || r.All.Count != r.Sent {
				t.Errorf("Run: %d answers for %d sent, want the same, more than zero", r.All.Count, r.Sent)
			}
			for _, k := range querymix.Kinds {
				if f.byKind[string(k)] == 0 {
					t.Errorf("server saw no %s query", k)
				}
			}
			nb := r.ByKind[querymix.Neighbourhood]
			if nb == nil || nb.Errors != nb.Count || r.All.Errors != nb.Errors {
				t.Errorf("errors: all %d, neighbourhood %+v; want every neighbourhood query and nothing else", r.All.Errors, nb)
			}
			if l := r.ByKind[querymix.Speaker]; l == nil || l.Errors != 0 || l.P50 <= 0 || l.P50 > l.P99 || l.P99 > l.Max {
				t.Errorf("speaker latencies = %+v, want no errors and 0 < p50 <= p99 <= max", l)
			}
			if r.All.Count > cfg.MaxRequests {
				t.Errorf("Run sent %d, want at most -max-requests %d", r.All.Count, cfg.MaxRequests)
			}
			// Open loop: each successful request's latency is its lag
			// plus its service time; a closed loop has neither split.
			ok := r.All.Count - r.All.Errors
			if tc.rate > 0 && (r.Service.Count != ok || r.Lag.Count != ok || r.Service.P50 > r.All.P50 ||
				r.Service.Max > r.All.Max || r.Lag.Max > r.All.Max) {
				t.Errorf("open loop: service %+v, lag %+v for %d successful, latencies %+v; want both counted and within the latencies",
					r.Service, r.Lag, ok, r.All)
			}
			if tc.rate == 0 && (r.Service.Count != 0 || r.Lag.Count != 0) {
				t.Errorf("closed loop: service %d, lag %d samples; want none", r.Service.Count, r.Lag.Count)
			}
		})
	}
}

// Requests due during the warm-up are sent but not recorded; the first one
// is due at once.
func TestRunWarmup(t *testing.T) {
	f := &fakeServer{byKind: map[string]int{}}
	srv := httptest.NewServer(f)
	defer srv.Close()
	c := NewClient(2, time.Second)
	targets := querymix.Targets{People: []querymix.Target{{ID: "person:1", Name: "Anna Berg"}}, Phrases: []querymix.Phrase{{Words: "taxes"}}}
	cfg := Config{URL: srv.URL, Rate: 200, Concurrency: 2, Duration: 100 * time.Millisecond,
		Warmup: 100 * time.Millisecond, MaxRequests: 1000, Timeout: time.Second}
	r, err := Run(context.Background(), c, cfg, querymix.NewPicker([]querymix.Kind{querymix.Speaker}, targets, 1))
	if err != nil {
		t.Fatal(err)
	}
	if seen := f.byKind["speaker"]; seen <= r.All.Count {
		t.Errorf("server saw %d requests, report counts %d; want the warm-up left out", seen, r.All.Count)
	}
}

func TestRunRefusesOtherHosts(t *testing.T) {
	cfg := Config{URL: "http://example.com/graphql", Rate: 1, Concurrency: 1, Duration: time.Second, MaxRequests: 1, Timeout: time.Second}
	_, err := Run(context.Background(), NewClient(1, time.Second), cfg, nil)
	if !errors.Is(err, ErrNotLoopback) {
		t.Errorf("Run(example.com) error = %v, want ErrNotLoopback", err)
	}
}

func TestRunFlags(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"other host", []string{"-url", "http://example.com/graphql"}, 2},
		{"bad kind", []string{"-queries", "speaker,films"}, 2},
		{"too long", []string{"-duration", "1h"}, 2},
		{"negative rate", []string{"-rate", "-5"}, 2},
		{"no feed rate", []string{"-feed", "x.jsonl", "-feed-rate", "0"}, 2},
		{"unknown flag", []string{"-nope"}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := run(context.Background(), tc.args, io.Discard, io.Discard); got != tc.want {
				t.Errorf("run(%q) = %d, want %d", tc.args, got, tc.want)
			}
		})
	}
}

// A server that falls behind by more than a timeout ends the run: the
// requests still due are counted as errors, not sent on for ever.
func TestRunDropsWhenFarBehind(t *testing.T) {
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(100 * time.Millisecond)
		io.WriteString(w, `{"data":{}}`)
	})
	srv := httptest.NewServer(slow)
	defer srv.Close()
	targets := querymix.Targets{People: []querymix.Target{{ID: "person:1", Name: "Anna Berg"}}, Phrases: []querymix.Phrase{{Words: "taxes"}}}
	cfg := Config{URL: srv.URL, Rate: 1000, Concurrency: 1, Duration: 100 * time.Millisecond,
		MaxRequests: 100000, Timeout: 50 * time.Millisecond}
	r, err := Run(context.Background(), NewClient(1, time.Second), cfg, querymix.NewPicker(querymix.Kinds, targets, 1))
	if err != nil {
		t.Fatal(err)
	}
	if r.Dropped == 0 || r.All.Errors < r.Dropped || r.All.Count != r.Sent+r.Dropped {
		t.Errorf("Run against a slow server: dropped %d, errors %d, count %d, sent %d; want drops counted as errors",
			r.Dropped, r.All.Errors, r.All.Count, r.Sent)
	}
}
