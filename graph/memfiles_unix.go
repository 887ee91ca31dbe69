//go:build linux || darwin || freebsd || netbsd || openbsd

package graph

import (
	"fmt"
	"os"
	"syscall"
)

// lockDir takes the exclusive lock Badger's writers take on the store's
// directory, without waiting: it fails while another process has the
// store open.
func lockDir(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: the store is in use: %w", dir, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
