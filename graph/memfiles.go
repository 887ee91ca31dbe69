package graph

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// removeEmptyLogFiles deletes the memtable files (*.mem) and value log
// files (*.vlog) of length zero in dir and returns how many it deleted.
// Badger creates such a file and then sizes it; a writer killed between
// the two leaves an empty file, which holds nothing but which Badger then
// refuses to open, read-write ("Create a new file") or read-only
// (truncate: invalid argument). It works under Badger's own directory
// lock (lockDir), so that no live writer can be between the two steps.
func removeEmptyLogFiles(dir string) (int, error) {
	unlock, err := lockDir(dir)
	if err != nil {
		return 0, err
	}
	defer unlock()
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0, err
	}
	removed := 0
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".mem") && !strings.HasSuffix(e.Name(), ".vlog") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return removed, err
		}
		if info.Size() != 0 {
			continue
		}
		if err := os.Remove(filepath.Join(dir, e.Name())); err != nil {
			return removed, fmt.Errorf("remove empty log file: %w", err)
		}
		removed++
	}
	return removed, nil
}
