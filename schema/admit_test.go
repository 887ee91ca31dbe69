package schema

import (
	"context"
	"errors"
	"net/http"
	"strconv"
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

// TestHeavyQueriesHaveTheirOwnLane asks a handler a question with a large
// answer and one with a small one, then fills each lane in turn: a full
// heavy lane refuses the large question and answers the small one, and a
// full common lane the other way round. With nothing but heavy queries in
// the handler, a large question takes an idle place of the common lane.
func TestHeavyQueriesHaveTheirOwnLane(t *testing.T) {
	const (
		small = `{ documents { totalCount } }`
		large = `{ entities(first: 50) { edges { node { id name type aliases mentionCount } } } }`
	)
	srv, h, _ := cacheServer(t, Options{CacheBytes: -1, MaxRunning: 1, MaxWaiting: 1, MaxHeavy: 1, HeavyBytes: 256})
	hd := h.(*handler)
	for _, q := range []string{small, large} {
		if status, _, body := post(t, srv.URL, q); status != http.StatusOK || strings.Contains(body, "errors") {
			t.Fatalf("%s: %d %s", q, status, body)
		}
	}
	if _, _, body := post(t, srv.URL, large); len(body) < 256 {
		t.Fatalf("the large answer has %d bytes, under the heavy bound: the test asks the wrong question", len(body))
	}

	for _, c := range []struct {
		name   string
		full   *admission
		others int64 // requests in the handler beside those in full
		ask    string
		status int
	}{
		{"heavy lane full, a cheap request in", hd.heavy, 1, large, http.StatusServiceUnavailable},
		{"heavy lane full, a cheap request in", hd.heavy, 1, small, http.StatusOK},
		{"heavy lane full, nothing else in", hd.heavy, 0, large, http.StatusOK},
		{"common lane full", hd.admit, 0, small, http.StatusServiceUnavailable},
		{"common lane full", hd.admit, 0, large, http.StatusOK},
	} {
		fill(t, c.full)
		// The places fill takes stand for requests in the handler.
		in := c.full.inside.Load() + c.others
		hd.inflight.Add(in)
		status, _, body := post(t, srv.URL, c.ask)
		if status != c.status || status == http.StatusOK && strings.Contains(body, "errors") {
			t.Errorf("%s: %.40s = %d %.200s, want %d", c.name, c.ask, status, body, c.status)
		}
		hd.inflight.Add(-in)
		empty(t, c.full)
	}
}

// fill takes every place of a, running and waiting.
func fill(t *testing.T, a *admission) {
	t.Helper()
	for int64(len(a.running)) < int64(cap(a.running)) {
		if err := a.enter(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	for n := a.inside.Load(); n < a.limit; n++ {
		go a.enter(context.Background())
		waitFor(t, func() bool { return a.inside.Load() == n+1 })
	}
}

// empty gives back every place fill took.
func empty(t *testing.T, a *admission) {
	t.Helper()
	for a.inside.Load() > 0 {
		a.leave()
	}
}

// TestHeavyKeys checks which answers make a request heavy, that a smaller
// answer makes it light again, and the bound on what is remembered.
func TestHeavyKeys(t *testing.T) {
	k := newHeavyKeys(100)
	a, b := k.hash("a"), k.hash("b")
	k.note(a, 100)
	k.note(b, 99)
	if !k.is(a) || k.is(b) {
		t.Fatalf("after answers of 100 and 99 bytes: heavy %v and %v, want true and false", k.is(a), k.is(b))
	}
	k.note(a, 10)
	if k.is(a) {
		t.Fatal("a request whose answer became small is still heavy")
	}
	for i := range maxHeavyKeys + 10 {
		k.note(k.hash(strconv.Itoa(i)), 1000)
	}
	if n := len(k.heavy); n > maxHeavyKeys {
		t.Fatalf("%d heavy requests remembered, over the bound of %d", n, maxHeavyKeys)
	}
}
