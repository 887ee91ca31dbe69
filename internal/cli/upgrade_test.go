package cli

import (
	"bytes"
	"context"
	"encoding/binary"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// TestUpgrade makes a store of format 2 (graphtest's fixture without the
// qsn/ counters format 3 added), checks that a read-only command refuses
// it naming 'newsgraph upgrade', and that the command upgrades it to a
// store 'newsgraph verify' accepts.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := graphtest.LoadDir(ctx, dir); err != nil {
		t.Fatal(err)
	}
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.DropPrefix([]byte("qsn\x00")); err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte("!version"), binary.BigEndian.AppendUint64(nil, 2))
	}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	run := func(args ...string) (stdout, stderr string, code int) {
		var o, e bytes.Buffer
		code = Run(ctx, args, Env{Stdout: &o, Stderr: &e})
		return o.String(), e.String(), code
	}
	if _, stderr, code := run("verify", "--data", dir); code != exitError || !strings.Contains(stderr, "newsgraph upgrade --data "+dir) {
		t.Fatalf("newsgraph verify (format 2) = exit %d, %q; want exit %d naming newsgraph upgrade", code, stderr, exitError)
	}
	if stdout, stderr, code := run("upgrade", "--data", dir); code != exitOK || !strings.Contains(stdout, "is at format") {
		t.Fatalf("newsgraph upgrade = exit %d, %q, %q; want exit 0", code, stdout, stderr)
	}
	if _, stderr, code := run("verify", "--data", dir); code != exitOK {
		t.Errorf("newsgraph verify after the upgrade = exit %d, %q; want 0", code, stderr)
	}
	if _, _, code := run("upgrade", "--data", dir, "extra"); code != exitUsage {
		t.Errorf("newsgraph upgrade extra = exit %d, want %d", code, exitUsage)
	}
}
