package graph

import (
	"errors"

	"github.com/dgraph-io/badger/v4"
)

// Hooks for upgrade_test.go, an external test so that it can load
// graphtest's fixture.

// ErrInterrupted is what an upgrade stopped by InterruptUpgrade returns.
var ErrInterrupted = errors.New("graph: upgrade interrupted by a test")

// InterruptUpgrade makes upgrades write batches of batchKeys keys and stop
// after the first batch, as a crash would, until restore is called. Tests
// that use it must not run in parallel with other upgrades.
func InterruptUpgrade(batchKeys int) (restore func()) {
	oldKeys, oldHook := upgradeBatchKeys, upgradeAfterBatch
	upgradeBatchKeys = batchKeys
	upgradeAfterBatch = func(int) error { return ErrInterrupted }
	return func() { upgradeBatchKeys, upgradeAfterBatch = oldKeys, oldHook }
}

// OldestUpgradable is oldestUpgradable, for the external tests.
const OldestUpgradable = oldestUpgradable

// RewriteRaw opens the Badger store at dir with Badger alone, deletes
// every key under each prefix of del, sets the keys of set, and closes it.
func RewriteRaw(dir string, del []string, set map[string]string) error {
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil))
	if err != nil {
		return err
	}
	err = db.Update(func(txn *badger.Txn) error {
		for _, p := range del {
			var keys [][]byte
			if err := iterPrefix(txn, p, func(k []byte, _ *badger.Item) (bool, error) {
				keys = append(keys, append([]byte(nil), k...))
				return true, nil
			}); err != nil {
				return err
			}
			for _, k := range keys {
				if err := txn.Delete(k); err != nil {
					return err
				}
			}
		}
		for k, v := range set {
			if err := txn.Set([]byte(k), []byte(v)); err != nil {
				return err
			}
		}
		return nil
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

// DumpDir returns every key and value of the store at dir, read with
// Badger alone: for a store Open refuses.
func DumpDir(dir string) (map[string]string, error) {
	db, err := badger.Open(badger.DefaultOptions(dir).WithLogger(nil).WithReadOnly(true))
	if err != nil {
		return nil, err
	}
	defer db.Close()
	s := &Store{db: db, readOnly: true}
	return DumpKV(s)
}
