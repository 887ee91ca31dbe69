package main

import (
	"runtime"
	"time"

	"golang.org/x/sys/unix"
)

// startFineSleep locks the calling goroutine to its thread and sets the
// thread's timer slack (how late the kernel may end its sleeps, to group
// wake-ups; 50 µs by default) to a nanosecond, so that sleepFine wakes
// when asked. The returned function puts both back.
func startFineSleep() (stop func()) {
	runtime.LockOSThread()
	old, err := unix.PrctlRetInt(unix.PR_GET_TIMERSLACK, 0, 0, 0, 0)
	if err != nil {
		return runtime.UnlockOSThread
	}
	unix.Prctl(unix.PR_SET_TIMERSLACK, 1, 0, 0, 0)
	return func() {
		unix.Prctl(unix.PR_SET_TIMERSLACK, uintptr(old), 0, 0, 0)
		runtime.UnlockOSThread()
	}
}

// sleepFine sleeps for d in the kernel, not on a Go timer: the thread
// blocks, and Go runs the other goroutines on the other threads.
func sleepFine(d time.Duration) {
	if d <= 0 {
		return
	}
	ts := unix.NsecToTimespec(int64(d))
	for unix.Nanosleep(&ts, &ts) == unix.EINTR {
	}
}
