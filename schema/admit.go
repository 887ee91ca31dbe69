package schema

import (
	"context"
	"errors"
	"hash/maphash"
	"sync"
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
	if !a.reserve() {
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

// tryEnter admits a request if a place to run is free now.
func (a *admission) tryEnter() bool {
	if !a.reserve() {
		return false
	}
	select {
	case a.running <- struct{}{}:
		return true
	default:
		a.inside.Add(-1)
		return false
	}
}

// reserve counts a request in, running or waiting, if there is room.
func (a *admission) reserve() bool {
	if a.inside.Add(1) > a.limit {
		a.inside.Add(-1)
		return false
	}
	return true
}

func (a *admission) leave() {
	<-a.running
	a.inside.Add(-1)
}

// heavyKeys remembers which requests gave a large answer the last time
// they ran, so that the next run of the same request goes to the heavy
// lane (see Options.MaxHeavy). An answer's size, unlike the time it took,
// does not depend on how busy the server was, and it is what the time of
// the large queries follows: building and writing the answer, and the
// records it was read from (a neighbourhood of a well-known person on a
// store of 100,000 articles: 100-460 KB in 3-10 ms, against under 10 KB
// in a fraction of a millisecond for most entities).
type heavyKeys struct {
	seed  maphash.Seed
	limit int // answers of at least this many bytes are heavy

	mu    sync.Mutex
	heavy map[uint64]struct{} // hashes of the requests last seen heavy
}

// maxHeavyKeys bounds what heavyKeys remembers; past it, an arbitrary
// request is forgotten, which at worst runs it once in the common lane.
const maxHeavyKeys = 1 << 16

func newHeavyKeys(limit int) *heavyKeys {
	return &heavyKeys{seed: maphash.MakeSeed(), limit: limit, heavy: make(map[uint64]struct{})}
}

func (k *heavyKeys) hash(key string) uint64 { return maphash.String(k.seed, key) }

func (k *heavyKeys) is(hash uint64) bool {
	k.mu.Lock()
	_, ok := k.heavy[hash]
	k.mu.Unlock()
	return ok
}

// note records the size of the answer a request just got.
func (k *heavyKeys) note(hash uint64, answerBytes int) {
	heavy := answerBytes >= k.limit
	k.mu.Lock()
	defer k.mu.Unlock()
	if !heavy {
		delete(k.heavy, hash)
		return
	}
	if len(k.heavy) >= maxHeavyKeys {
		for h := range k.heavy {
			delete(k.heavy, h)
			break
		}
	}
	k.heavy[hash] = struct{}{}
}
