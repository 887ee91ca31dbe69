// Package bench holds newsgraph's performance benchmarks: the extractor
// against prose v2 on the same text, the extractor on one and on all
// cores, and bulk ingest into a new store. They read the BBC corpus
// (shared/corpus/bbc.jsonl, found by walking up from the working
// directory, or $NEWSGRAPH_CORPUS) and skip when it is absent.
//
//	go test ./bench -run '^$' -bench . -benchmem
//
// BENCHMARKS.md at the repository root records the method and the numbers;
// bench/run.sh runs the whole suite, load test included.
package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/internal/corpus"
)

// CorpusPath returns the path of bbc.jsonl: $NEWSGRAPH_CORPUS, else
// shared/corpus/bbc.jsonl in the working directory or one of its parents.
func CorpusPath() (string, error) { return corpus.Path() }

// LoadArticles reads up to limit articles (all of them if limit ≤ 0) from
// a JSON Lines file in newsgraph's input shape.
func LoadArticles(path string, limit int) ([]extract.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("bench: loading articles: %w", err)
	}
	defer f.Close()
	var out []extract.Article
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() && (limit <= 0 || len(out) < limit) {
		var a extract.Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("bench: loading %s line %d: %w", path, len(out)+1, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("bench: loading %s: %w", path, err)
	}
	return out, nil
}

// PeakRSS returns the most resident memory this process has used, in
// bytes (VmHWM of /proc/self/status), or an error where there is no /proc.
func PeakRSS() (int64, error) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, fmt.Errorf("bench: reading peak memory: %w", err)
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("bench: reading peak memory: %w", err)
			}
			return kb << 10, nil
		}
	}
	return 0, fmt.Errorf("bench: no VmHWM in /proc/self/status")
}

// CPUTime returns the user and system CPU time this process has used.
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// DirSize returns the bytes of the regular files under dir.
func DirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("bench: sizing %s: %w", dir, err)
	}
	return n, nil
}
