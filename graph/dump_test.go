package graph

import "github.com/dgraph-io/badger/v4"

// DumpKV returns every key and value of the store, for tests that compare
// two stores byte for byte.
func DumpKV(s *Store) (map[string]string, error) {
	out := map[string]string{}
	err := s.db.View(func(txn *badger.Txn) error {
		return iterPrefix(txn, "", func(k []byte, item *badger.Item) (bool, error) {
			v, err := item.ValueCopy(nil)
			out[string(k)] = string(v)
			return true, err
		})
	})
	return out, err
}
