package main

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestPacerNeverWakesEarly(t *testing.T) {
	p := newPacer()
	defer p.close()
	start := time.Now()
	// Spacings on both sides of coarseWait: the timer's part and the
	// kernel's part must each hold.
	for i, gap := range []time.Duration{0, 50 * time.Microsecond, 300 * time.Microsecond, time.Millisecond, 3 * time.Millisecond, 5 * time.Millisecond} {
		due := start.Add(time.Duration(i) * 10 * time.Millisecond).Add(gap)
		if err := p.wait(context.Background(), due); err != nil {
			t.Fatalf("wait %d: %v", i, err)
		}
		if now := time.Now(); now.Before(due) {
			t.Errorf("wait %d returned %v before its due time", i, due.Sub(now))
		}
	}
}

func TestPacerStopsWhenCancelled(t *testing.T) {
	p := newPacer()
	defer p.close()
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(10*time.Millisecond, cancel)
	if err := p.wait(ctx, time.Now().Add(time.Hour)); !errors.Is(err, context.Canceled) {
		t.Fatalf("wait for an hour, cancelled: got %v, want context.Canceled", err)
	}
}
