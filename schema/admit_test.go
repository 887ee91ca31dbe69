package schema

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestAdmission checks the bounds of an admission: places to run, places
// to wait, and a waiter whose client goes away.
func TestAdmission(t *testing.T) {
	ctx := context.Background()
	a := newAdmission(1, 1)
	if err := a.enter(ctx); err != nil {
		t.Fatalf("first enter: %v", err)
	}
	waited := make(chan error)
	go func() { waited <- a.enter(ctx) }()
	waitFor(t, func() bool { return a.inside.Load() == 2 })
	if err := a.enter(ctx); !errors.Is(err, errBusy) {
		t.Fatalf("enter with one running and one waiting = %v, want errBusy", err)
	}
	select {
	case err := <-waited:
		t.Fatalf("the waiter ran (%v) while the first still runs", err)
	case <-time.After(20 * time.Millisecond):
	}
	a.leave()
	if err := <-waited; err != nil {
		t.Fatalf("the waiter, after the first left: %v", err)
	}
	// A waiter whose client goes away gives its place back.
	cctx, cancel := context.WithCancel(ctx)
	go func() { waited <- a.enter(cctx) }()
	waitFor(t, func() bool { return a.inside.Load() == 2 })
	cancel()
	if err := <-waited; !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled waiter = %v, want context.Canceled", err)
	}
	if n := a.inside.Load(); n != 1 {
		t.Fatalf("%d inside after a waiter left, want 1", n)
	}
	a.leave()
}

// TestHandlerRefusesWhenBusy fills a handler's places and asks it: a new
// question is refused with 503 and Retry-After, a question answered from
// the cache is not, and once a place is free the question is answered.
func TestHandlerRefusesWhenBusy(t *testing.T) {
	srv, h, _ := cacheServer(t, Options{MaxRunning: 1, MaxWaiting: 1})
	admit := h.(*handler).admit
	cached := `{ stats { documents } }`
	if _, cache := ask(t, srv, cached); cache != "miss" {
		t.Fatalf("first ask: cache %q, want miss", cache)
	}

	ctx := context.Background()
	if err := admit.enter(ctx); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error)
	go func() { waited <- admit.enter(ctx) }()
	waitFor(t, func() bool { return admit.inside.Load() == 2 })

	status, header, body := post(t, srv.URL, `{ entities(first: 2) { totalCount } }`)
	if status != http.StatusServiceUnavailable || header.Get("Retry-After") == "" || !strings.Contains(body, "busy") {
		t.Errorf("a new question while busy: %d, Retry-After %q, %s; want 503, a Retry-After and a message naming the cause",
			status, header.Get("Retry-After"), body)
	}
	if status, header, _ := post(t, srv.URL, cached); status != http.StatusOK || header.Get("X-Newsgraph-Cache") != "hit" {
		t.Errorf("a cached question while busy: %d, cache %q; want 200 from the cache", status, header.Get("X-Newsgraph-Cache"))
	}

	admit.leave()
	if err := <-waited; err != nil {
		t.Fatal(err)
	}
	admit.leave()
	if status, _, body := post(t, srv.URL, `{ entities(first: 2) { totalCount } }`); status != http.StatusOK || strings.Contains(body, "errors") {
		t.Errorf("the same question once free: %d %s", status, body)
	}
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatal("timed out waiting")
		}
		time.Sleep(time.Millisecond)
	}
}
