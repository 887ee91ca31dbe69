package main

import (
	"runtime"
	"syscall"
	"time"
)

// prctl options for a thread's timer slack: how late the kernel may end
// its sleeps, 50 µs by default, so as to group wake-ups.
const (
	prSetTimerSlack = 29
	prGetTimerSlack = 30
)

// startFineSleep locks the calling goroutine to its thread and sets the
// thread's timer slack to a nanosecond, so that sleepFine wakes when
// asked. The returned function puts both back.
func startFineSleep() (stop func()) {
	runtime.LockOSThread()
	old, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, prGetTimerSlack, 0, 0)
	if errno != 0 {
		return runtime.UnlockOSThread
	}
	syscall.RawSyscall(syscall.SYS_PRCTL, prSetTimerSlack, 1, 0)
	return func() {
		syscall.RawSyscall(syscall.SYS_PRCTL, prSetTimerSlack, old, 0)
		runtime.UnlockOSThread()
	}
}

// sleepFine sleeps for d in the kernel, not on a Go timer: the thread
// blocks, and Go runs the other goroutines on the other threads.
func sleepFine(d time.Duration) {
	if d <= 0 {
		return
	}
	ts := syscall.NsecToTimespec(int64(d))
	for syscall.Nanosleep(&ts, &ts) == syscall.EINTR {
	}
}
