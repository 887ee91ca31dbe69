//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package graph

import "errors"

// lockDir is not available here: empty memtable files are left for a
// person to remove.
func lockDir(string) (func(), error) {
	return nil, errors.New("graph: cannot lock the store's directory on this system")
}
