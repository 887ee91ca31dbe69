//go:build !linux

package main

import "time"

// Elsewhere the pacer falls back on Go's timers.
func startFineSleep() (stop func()) { return func() {} }

func sleepFine(d time.Duration) { time.Sleep(d) }
