package main

import (
	"runtime"
	"testing"

	"golang.org/x/sys/unix"
)

func timerSlack(t *testing.T) int {
	t.Helper()
	v, err := unix.PrctlRetInt(unix.PR_GET_TIMERSLACK, 0, 0, 0, 0)
	if err != nil {
		t.Fatalf("PR_GET_TIMERSLACK: %v", err)
	}
	return v
}

// The pacer's thread goes back to Go's pool when it closes: with the
// slack it had.
func TestPacerRestoresTimerSlack(t *testing.T) {
	runtime.LockOSThread() // so that every reading is of the same thread
	defer runtime.UnlockOSThread()
	before := timerSlack(t)
	p := newPacer()
	if got := timerSlack(t); got != 1 {
		t.Errorf("timer slack while pacing = %d ns, want 1", got)
	}
	p.close()
	if got := timerSlack(t); got != before {
		t.Errorf("timer slack after close = %d ns, want %d as before", got, before)
	}
}
