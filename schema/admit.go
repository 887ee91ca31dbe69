package schema

import (
	"context"
	"errors"
	"sync/atomic"
)

// admission bounds the queries a handler runs at once, and the requests
// that wait for one of those places. Without it, a server asked for more
// than it can answer took every request and ran them all together: they
// all slowed down, its queue grew without end, and requests timed out
// after tens of seconds (a store of 100,000 articles, started cold, with
// a feed of two articles a second and 1,000 questions a second). With it,
// the requests it takes run at full speed and the rest are told at once
// to come back.
type admission struct {
	running chan struct{} // a token for each query running
	inside  atomic.Int64  // requests running or waiting
	limit   int64         // most requests running or waiting
}

// errBusy refuses a request: as many are running and waiting as allowed.
var errBusy = errors.New("busy")

func newAdmission(running, waiting int) *admission {
	return &admission{running: make(chan struct{}, running), limit: int64(running + waiting)}
}

// enter admits a request, waiting for a place to run, or refuses it at
// once with errBusy. An admitted request calls leave when it is done.
func (a *admission) enter(ctx context.Context) error {
	if a.inside.Add(1) > a.limit {
		a.inside.Add(-1)
		return errBusy
	}
	select {
	case a.running <- struct{}{}:
		return nil
	case <-ctx.Done():
		a.inside.Add(-1)
		return ctx.Err()
	}
}

func (a *admission) leave() {
	<-a.running
	a.inside.Add(-1)
}
