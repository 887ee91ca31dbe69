package main

import (
	"context"
	"time"
)

// A pacer holds an open loop to its schedule. Go's timers are coarse on
// Linux: when nothing else wakes the process, the runtime's poller sleeps
// in whole milliseconds, so a wait of 0.3 ms lasts a millisecond. At
// 1,000 requests a second the generator sent each request 0.5 ms late at
// the median and 1 ms at p90, and the report counts that lag into every
// latency: half of the p50 it gave a server was the generator's. A pacer
// waits on a timer only while the request is more than coarseWait away,
// then sleeps the rest on its own thread (pace_linux.go), which wakes
// within tens of microseconds.
type pacer struct {
	timer *time.Timer
	stop  func()
}

// coarseWait is how far ahead of a due time the timer may wake: a
// millisecond of granularity and one of slack.
const coarseWait = 2 * time.Millisecond

// newPacer returns a pacer for the calling goroutine, which must call
// close when the loop ends. Other goroutines must not use it.
func newPacer() *pacer {
	t := time.NewTimer(time.Hour)
	t.Stop()
	return &pacer{timer: t, stop: startFineSleep()}
}

// wait returns once due has passed, or ctx's error if ctx ends first.
func (p *pacer) wait(ctx context.Context, due time.Time) error {
	if d := time.Until(due) - coarseWait; d > 0 {
		p.timer.Reset(d)
		select {
		case <-p.timer.C:
		case <-ctx.Done():
			p.timer.Stop()
			return ctx.Err()
		}
	}
	sleepFine(time.Until(due))
	return ctx.Err()
}

func (p *pacer) close() {
	p.timer.Stop()
	p.stop()
}
