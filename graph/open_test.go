package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/extract"
)

func TestOpenRefusesOtherFormats(t *testing.T) {
	for _, tc := range []struct {
		name    string
		version uint64
		want    error
	}{
		{"newer", FormatVersion + 1, ErrVersion},
		// Formats from oldestUpgradable on are upgraded: see upgrade_test.go.
		{"older", oldestUpgradable - 1, ErrOldVersion},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
			if err != nil {
				t.Fatal(err)
			}
			err = db.Update(func(txn *badger.Txn) error {
				return txn.Set([]byte(keyVersion), binary.BigEndian.AppendUint64(nil, tc.version))
			})
			if err != nil {
				t.Fatal(err)
			}
			db.Close()
			if s, err := Open(context.Background(), Options{Dir: dir}); !errors.Is(err, tc.want) {
				if s != nil {
					s.Close()
				}
				t.Errorf("Open(store of format %d) error = %v, want %v", tc.version, err, tc.want)
			}
		})
	}
}

// oneDocStore makes a store in a new directory holding one document that
// mentions Anna Berg, closes it, and returns the directory, the article
// and what was extracted from it.
func oneDocStore(t *testing.T) (string, extract.Article, extract.Document) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	a := extract.Article{ID: "d1", Text: "Anna Berg spoke."}
	d := extract.Document{ID: "d1", Entities: []extract.Entity{{ID: "e1", Name: "Anna Berg", Type: 1,
		Mentions: []extract.Span{{Start: 0, End: 9}}}}}
	if err := s.Put(ctx, a, d); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return dir, a, d
}

func TestReadOnly(t *testing.T) {
	ctx := context.Background()
	dir, a, d := oneDocStore(t)
	ro, err := Open(ctx, Options{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.EntityByName(ctx, "anna berg"); err != nil {
		t.Errorf("EntityByName on a read-only store: %v", err)
	}
	a.ID, d.ID = "d2", "d2"
	if err := ro.Put(ctx, a, d); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Put on a read-only store error = %v, want ErrReadOnly", err)
	}
}

// A store closed after a write holds no level 0 table: each would be
// probed by every read of the server that opens it next.
func TestCloseCompactsLevelZero(t *testing.T) {
	dir, _, _ := oneDocStore(t)
	ro, err := Open(context.Background(), Options{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	tables := ro.db.Tables()
	if len(tables) == 0 {
		t.Fatal("no table after a write and a close, want the write's")
	}
	for _, tb := range tables {
		if tb.Level == 0 {
			t.Errorf("table %d at level 0 after a close, want every table below it", tb.ID)
		}
	}
}

// A writer killed just after creating its next memtable file leaves it
// empty, and Badger then refuses the store, read-only or read-write: Open
// removes the empty file, which holds nothing, and opens it.
// A writer killed as Badger created a memtable or value log file leaves
// the file empty.
func TestOpenAfterKillAtLogFileCreation(t *testing.T) {
	for _, tc := range []struct {
		file     string
		readOnly bool
	}{{"00009.mem", true}, {"00009.mem", false}, {"000002.vlog", true}, {"000002.vlog", false}} {
		t.Run(fmt.Sprintf("%s read-only %v", tc.file, tc.readOnly), func(t *testing.T) {
			ctx := context.Background()
			dir, _, _ := oneDocStore(t)
			if err := os.WriteFile(filepath.Join(dir, tc.file), nil, 0o644); err != nil {
				t.Fatal(err)
			}
			readOnly := tc.readOnly
			if db, err := badger.Open(badger.DefaultOptions(dir).WithReadOnly(readOnly).WithLogger(nil)); err == nil {
				db.Close()
				t.Fatalf("Badger opened the store with an empty %s: the test no longer reproduces the crash", tc.file)
			}
			s, err := Open(ctx, Options{Dir: dir, ReadOnly: readOnly})
			if err != nil {
				t.Fatalf("Open after the crash: %v", err)
			}
			defer s.Close()
			if _, err := s.EntityByName(ctx, "anna berg"); err != nil {
				t.Errorf("EntityByName after recovery: %v", err)
			}
		})
	}
}
