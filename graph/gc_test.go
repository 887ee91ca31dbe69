package graph

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/internal/corpus"
)

// diskUse is the space a store's files take on disk, by kind: allocated
// blocks, not apparent sizes (Badger's files are sparse when preallocated).
type diskUse struct{ sst, vlog, mem, other int64 }

func (u diskUse) total() int64 { return u.sst + u.vlog + u.mem + u.other }

func (u diskUse) String() string {
	kb := func(n int64) string { return fmt.Sprintf("%d KiB", n>>10) }
	return fmt.Sprintf("%s (sst %s, vlog %s, mem %s, other %s)", kb(u.total()), kb(u.sst), kb(u.vlog), kb(u.mem), kb(u.other))
}

func measure(t *testing.T, dir string) diskUse {
	t.Helper()
	var u diskUse
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		n := fi.Size()
		if st, ok := fi.Sys().(*syscall.Stat_t); ok {
			n = st.Blocks * 512
		}
		switch {
		case strings.HasSuffix(p, ".sst"):
			u.sst += n
		case strings.HasSuffix(p, ".vlog"):
			u.vlog += n
		case strings.HasSuffix(p, ".mem"):
			u.mem += n
		default:
			u.other += n
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestDeleteReclaimsSpace ingests BBC articles into a store on disk,
// deletes nine in ten and checks that the store's files shrink, in two
// set-ups that put the data in different places:
//
//   - lsm: Badger's default value threshold (1 MB) keeps every record in
//     the LSM tree, as the store does in use (lowered to 100 KiB, which
//     no record reaches, as Badger wants it below a batch). Deleted keys' space comes
//     back only through compaction, which Compact forces; value-log GC
//     has nothing to do. Memtables are 1 MB so that, as in a store of
//     real size, the tree has more than one level (Badger merges level 0
//     only once it holds five tables).
//   - vlog: a 1 KiB value threshold sends document texts to value-log
//     files of 1 MB. Compaction drops the deleted keys and records which
//     value-log entries died; value-log GC then rewrites the files that
//     are mostly garbage. RunGC alone reclaims only what compaction
//     has already counted (here nothing); Compact flattens first.
//
// Background compaction is off (see quiet) and each step's sizes are
// logged by kind of file, to show which mechanism reclaimed what.
func TestDeleteReclaimsSpace(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests and deletes a few hundred articles; skipped with -short")
	}
	arts, err := corpus.Load(200)
	if err != nil {
		t.Skipf("no corpus: %v", err)
	}
	for _, tt := range []struct {
		name string
		tune func(badger.Options) badger.Options
		// what must shrink after Compact, as a fraction of the full
		// store: LSM tables, value log
		maxSST, maxVlog float64
		// what must have shrunk in the last step, Compact: the LSM
		// tables (lsm; RunGC cannot touch them), the value log (vlog)
		compactShrinksSST, gcShrinksVlog bool
	}{
		{"lsm", func(o badger.Options) badger.Options {
			// Badger wants the threshold below a batch (15% of a
			// memtable); no record of this store comes near 100 KiB.
			return quiet(o).WithMemTableSize(1 << 20).WithBaseTableSize(256 << 10).WithValueThreshold(100 << 10)
		}, 1.0 / 3, 2, true, false},
		{"vlog", func(o badger.Options) badger.Options {
			return quiet(o).WithMemTableSize(1 << 20).WithBaseTableSize(256 << 10).
				WithValueThreshold(1 << 10).WithValueLogFileSize(1 << 20)
		}, 1.0 / 3, 1.0 / 2, false, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			reclaim(t, arts, tt.tune, tt.maxSST, tt.maxVlog, tt.compactShrinksSST, tt.gcShrinksVlog)
		})
	}
}

// quiet turns Badger's background compaction off (and the level-0 write
// stall up), and its compaction of level 0 at close, so that what each
// step reclaims is the step's doing, not a compaction that happened to
// run meanwhile. In use, those compactions reclaim the same space over
// time.
func quiet(o badger.Options) badger.Options {
	return o.WithNumCompactors(0).WithNumLevelZeroTablesStall(1 << 20).WithCompactL0OnClose(false)
}

func reclaim(t *testing.T, arts []corpus.Article, tune func(badger.Options) badger.Options, maxSST, maxVlog float64, compactShrinksSST, gcShrinksVlog bool) {
	ctx := context.Background()
	dir := t.TempDir()
	open := func() *Store {
		s, err := Open(ctx, Options{Dir: dir, tune: tune})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := open()
	for _, a := range arts {
		ea := extract.Article{ID: a.ID, Title: a.Title, Text: a.Text, Published: "2005-03-01"}
		if _, err := s.Ingest(ctx, ea, extractCached(t, ea)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	full := measure(t, dir)
	t.Logf("%d articles ingested, closed: %v", len(arts), full)

	s = open()
	kept := 0
	for i, a := range arts {
		if i%10 == 0 {
			kept++
			continue
		}
		if err := s.Delete(ctx, a.ID); err != nil {
			t.Fatalf("Delete(%s): %v", a.ID, err)
		}
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	deleted := measure(t, dir)
	t.Logf("%d deleted, %d kept, closed: %v", len(arts)-kept, kept, deleted)

	s = open()
	if err := s.RunGC(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	afterGC := measure(t, dir)
	t.Logf("after RunGC alone (value log), closed: %v", afterGC)

	s = open()
	if err := s.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	compacted := measure(t, dir)
	t.Logf("after Compact (LSM flattened, then value-log GC), closed: %v", compacted)

	if gcShrinksVlog && compacted.vlog*2 > deleted.vlog {
		t.Errorf("value log after Compact = %d KiB, want under half the %d KiB before", compacted.vlog>>10, deleted.vlog>>10)
	}
	if compactShrinksSST && compacted.sst*2 > afterGC.sst {
		t.Errorf("LSM tables after Compact = %d KiB, want under half the %d KiB before", compacted.sst>>10, afterGC.sst>>10)
	}
	if lim := int64(float64(full.sst) * maxSST); compacted.sst > lim {
		t.Errorf("LSM tables after deleting 90%% and Compact = %d KiB, want at most %d KiB (%.2f of %d KiB)",
			compacted.sst>>10, lim>>10, maxSST, full.sst>>10)
	}
	if lim := int64(float64(full.vlog) * maxVlog); full.vlog > 1<<20 && compacted.vlog > lim {
		t.Errorf("value log after deleting 90%% and Compact = %d KiB, want at most %d KiB (%.2f of %d KiB)",
			compacted.vlog>>10, lim>>10, maxVlog, full.vlog>>10)
	}
	if compacted.total() >= full.total() {
		t.Errorf("store after deleting 90%% and Compact = %v, no smaller than the full store's %v", compacted, full)
	}
	s = open()
	defer s.Close()
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Documents != kept {
		t.Errorf("Stats().Documents = %d after compaction, want %d", st.Documents, kept)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
}
