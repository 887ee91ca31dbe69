package graph

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// FormatVersion is the version of the key layout this package writes. Open
// refuses a store of a newer version, which it cannot read. An older one
// lacks indexes the queries or ingest rely on (2 added cr/, 3 qsn/, 4 the
// variant signatures in qs/ values, 5 moved edges' dates into ct/ keys,
// 6 the sources of facts into fs/ keys): a read-write Open rebuilds them
// and upgrades the store in place, a read-only one refuses it (see upgrade.go
// and "Upgrades" in the package doc). A new format must add its tables to
// upgradeSteps, or raise oldestUpgradable if they cannot be rebuilt from
// the data.
const FormatVersion = 7

// Errors returned by the store. Callers test them with errors.Is.
var (
	ErrNotFound     = errors.New("graph: not found")
	ErrConflict     = errors.New("graph: document already stored with a different text")
	ErrBadDate      = errors.New("graph: bad date")
	ErrBadCursor    = errors.New("graph: bad cursor")
	ErrBadDocument  = errors.New("graph: bad document")
	ErrTooBig       = errors.New("graph: document too big for one transaction")
	ErrVersion      = errors.New("graph: store written by a newer version")
	ErrOldVersion   = errors.New("graph: store written by an older version")
	ErrReadOnly     = errors.New("graph: store is read-only")
	ErrInconsistent = errors.New("graph: index does not match data")
)

// Options configures Open. The zero value opens ./newsgraph-data on disk.
type Options struct {
	// Dir is the directory of the store; "" means ./newsgraph-data.
	// Ignored when InMemory is set.
	Dir string
	// InMemory keeps everything in memory (for tests); nothing touches disk.
	InMemory bool
	// ReadOnly opens an existing store without writing to it; Put fails
	// with ErrReadOnly. Several read-only processes may share a directory.
	ReadOnly bool
	// Logger receives Badger's warnings and errors; nil means slog.Default().
	// Badger's informational chatter is dropped.
	Logger *slog.Logger
	// SyncWrites makes every Put durable before it returns, at a large cost
	// in throughput. Off by default: a crash loses the last moments of
	// writes, but never leaves half a document (each Put is one transaction).
	SyncWrites bool

	// tune, if set, adjusts Badger's options last; for tests that need
	// small memtables or a low value threshold.
	tune func(badger.Options) badger.Options
}

// Store is the knowledge graph. It is safe for concurrent use: any number of
// readers run in parallel; writers are serialised.
type Store struct {
	db       *badger.DB
	readOnly bool

	// putMu serialises Put so that read-modify-write of shared records
	// (entities, quotes, counters) never conflicts.
	putMu sync.Mutex

	// generation counts the writes committed through this Store, so that
	// a cache of answers can tell when it went stale.
	generation atomic.Uint64
	// commitMu orders the moves to a new generation; see committed.
	commitMu sync.Mutex
	// changes keeps what the last writes changed (Changes).
	changes changeLog
	// cacheTables is readFrom by cache (tablesOf).
	cacheTables     map[advancer][]string
	cacheTablesOnce sync.Once

	// counters holds committed values of the counters (s/, qn/, qsn/,
	// cd/) that ingest batches read or wrote, so that a batch's counter
	// updates skip their reads; valid while generation is countersGen
	// (any other write bumps it). Guarded by putMu; bounded by
	// maxCachedCounters.
	counters    map[string]uint64
	countersGen uint64

	// batchCap is how many documents IngestBatch puts in one
	// transaction, 0 for as many as it is given: a batch that does not
	// fit in a Badger transaction is done again smaller, all its reads
	// and decoding wasted, and as a store grows so do its documents'
	// writes (at 100,000 articles 64 documents overflowed every time and
	// 16-24 fitted). Cut to what fitted after an overflow, then grown by
	// one document per full batch that fits. Guarded by putMu.
	batchCap int

	// hot keeps records ingest batches read over and over; see hotCache.
	// Guarded by putMu.
	hot hotCache

	// opened is when Open returned; see Compact.
	opened time.Time

	// docInfo and relations keep what DocumentInfo and Neighbourhood
	// read; see genCache, and readcache.go for what a write drops.
	docInfo   genCache[Document]
	relations genCache[Relation]

	// Quote records, and whole lists of the sources of facts, that the
	// quote queries and the sources of their answers read again and again.
	quotes   genCache[Quote]
	srcLists genCache[[]Source]

	// What Neighbourhood reads of each node, kept the same way: a
	// well-connected entity is a node of most neighbourhoods around it.
	// Lists are bounded by the edges and relation ends they hold.
	nodes     genCache[Node]
	coocLists genCache[coocList]
	relEnds   genCache[nodeRelations]

	// names keeps which entity a reference or a name resolves to (see
	// Store.resolved), heads what EntityHead read, entities the records
	// Entity and EntityByName read, roles included.
	names    nameCache
	heads    genCache[Entity]
	entities genCache[Entity]
}

// Generation is a number that changes whenever a write through this Store
// commits (an ingest that added something, a restore). Answers computed at
// one generation stay valid until it changes: one process owns a store, so
// no other writer can change it behind this Store's back.
func (s *Store) Generation() uint64 { return s.generation.Load() }

// Open opens (creating if needed) the store described by opts.
func Open(ctx context.Context, opts Options) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	dir := opts.Dir
	if dir == "" {
		dir = "newsgraph-data"
	}
	logger := opts.Logger
	if logger == nil {
		logger = slog.Default()
	}
	bo := badger.DefaultOptions(dir).
		WithLogger(slogLogger{logger}).
		WithSyncWrites(opts.SyncWrites).
		// Writers are serialised by putMu, so Badger's conflict tracking
		// of every key a transaction reads is pure cost.
		WithDetectConflicts(false).
		// Badger's defaults (64 MB memtables, up to five of them, four
		// compactors and a 256 MB block cache) put a bulk ingest over
		// 500 MB. Each memtable costs its size twice, in heap and in the
		// mapped pages of its write-ahead log; 16 MB ones measured as fast
		// as 32 and 64 MB ones (inserts into a smaller skiplist miss the
		// cache less) and three of them (one filling, two being flushed)
		// keep up. Each compactor builds tables in buffers of its own: at
		// 10,000 articles four of them held 80 MB, and two keep up with
		// one writer.
		WithBlockCacheSize(64 << 20).
		WithMemTableSize(16 << 20).
		WithNumMemtables(3).
		WithNumCompactors(2).
		// Level 0 tables each span every key, so each merge of level 0
		// into the level below rewrites that whole level: tens of MB in a
		// store of 100,000 articles. Merging ten tables at a time rather
		// than Badger's five halves those merges: two whole 100k builds
		// took 673 and 697 s of CPU, against 760 and 809 s (BENCHMARKS.md,
		// eleventh session). Writers stall at twice that many.
		WithNumLevelZeroTables(10).
		WithNumLevelZeroTablesStall(20).
		// Every read probes every level 0 table, though. The 100k store
		// closed with four (23 MB): compacting them at close took 1.3 s,
		// and queries on the store then ran 5-15% faster (contains
		// 20-40%).
		WithCompactL0OnClose(true)
	if opts.InMemory {
		// Smaller memtables: tests open many stores at once.
		bo = badger.DefaultOptions("").WithInMemory(true).
			WithLogger(slogLogger{logger}).
			WithMemTableSize(32 << 20).
			WithBlockCacheSize(8 << 20)
	} else if opts.ReadOnly {
		// A server (read-only) reads the same hot blocks over and over
		// and has no ingest beside it: Badger's default block cache keeps
		// four times the blocks decompressed.
		bo = bo.WithReadOnly(true).WithBlockCacheSize(256 << 20)
	}
	if opts.tune != nil {
		bo = opts.tune(bo)
	}
	db, err := badger.Open(bo)
	if err != nil && !opts.InMemory && (strings.Contains(err.Error(), "while opening memtables") ||
		strings.Contains(err.Error(), "vlog.open")) {
		// A writer killed as it created a memtable or value log file (see
		// removeEmptyLogFiles).
		if n, rerr := removeEmptyLogFiles(dir); rerr == nil && n > 0 {
			logger.Warn("removed empty log files left by a writer killed as it created them", "dir", dir, "files", n)
			db, err = badger.Open(bo)
		}
	}
	if err != nil && bo.ReadOnly && strings.Contains(err.Error(), "truncate required") {
		// A writer was killed mid-transaction and left a torn tail in the
		// write-ahead log. Only a read-write open may cut it (it holds no
		// committed transaction), so recover once, then open read-only.
		var rw *badger.DB
		if rw, err = badger.Open(bo.WithReadOnly(false)); err == nil {
			if err = rw.Close(); err == nil {
				db, err = badger.Open(bo)
			}
		}
	}
	if err != nil {
		return nil, fmt.Errorf("graph: open %s: %w", dir, err)
	}
	s := &Store{db: db, readOnly: opts.ReadOnly && !opts.InMemory, opened: time.Now()}
	s.quotes.max, s.quotes.size = 1<<19, func(q Quote) int { return 1 + len(q.Variants) }
	s.srcLists.max, s.srcLists.size = 1<<19, func(l []Source) int { return 1 + len(l) }
	s.nodes.max = 1 << 16
	// A name and its entity ID, or an entity's ID, name and type: about
	// 100 and 250 bytes a record, so at most 7 and 16 MB.
	s.names.max, s.heads.max = 1<<16, 1<<16
	s.entities.max, s.entities.size = 1<<18, func(e Entity) int { return 1 + len(e.Aliases) + len(e.Roles) }
	s.coocLists.max, s.coocLists.size = 1<<19, func(l coocList) int { return len(l.edges) + 1 }
	s.relEnds.max, s.relEnds.size = 1<<19, func(r nodeRelations) int { return len(r.ends) + 1 }
	if err := s.upgrade(ctx); err != nil { // see upgrade.go
		db.Close()
		return nil, err
	}
	if err := s.checkVersion(); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close flushes and closes the store.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("graph: close: %w", err)
	}
	return nil
}

func (s *Store) checkVersion() error {
	v, found, err := readFormat(s.db)
	if err != nil {
		return fmt.Errorf("graph: read format version: %w", err)
	}
	if found && v > FormatVersion {
		return fmt.Errorf("%w: format %d, this program reads up to %d", ErrVersion, v, FormatVersion)
	}
	if found && v < FormatVersion {
		return fmt.Errorf("%w: format %d lacks indexes of format %d; ingest the articles again into a new directory",
			ErrOldVersion, v, FormatVersion)
	}
	if found || s.readOnly {
		return nil
	}
	err = s.db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte(keyVersion), binary.BigEndian.AppendUint64(nil, FormatVersion))
	})
	if err != nil {
		return fmt.Errorf("graph: write format version: %w", err)
	}
	return nil
}

// slogLogger routes Badger's log to slog: errors and warnings only.
type slogLogger struct{ l *slog.Logger }

func (l slogLogger) Errorf(f string, a ...any)   { l.l.Error("badger: " + trimNL(fmt.Sprintf(f, a...))) }
func (l slogLogger) Warningf(f string, a ...any) { l.l.Warn("badger: " + trimNL(fmt.Sprintf(f, a...))) }
func (l slogLogger) Infof(string, ...any)        {}
func (l slogLogger) Debugf(string, ...any)       {}

func trimNL(s string) string {
	for len(s) > 0 && s[len(s)-1] == '\n' {
		s = s[:len(s)-1]
	}
	return s
}

// get reads key, noting the read for txn's reader (noteKey). Every read
// of a key by a query goes through it (TestQueryReadsAreNoted).
func get(txn *badger.Txn, key string) (*badger.Item, error) {
	noteKey(txn, key)
	return txn.Get([]byte(key))
}

// iterate returns an iterator over opts.Prefix, noting a read of all of
// it for txn's reader (noteRange): whoever uses it must stay under the
// prefix (ValidForPrefix).
func iterate(txn *badger.Txn, opts badger.IteratorOptions) *badger.Iterator {
	noteRange(txn, string(opts.Prefix))
	return txn.NewIterator(opts)
}

// getJSON reads the record at key into v. It reports false when there is none.
func getJSON(txn *badger.Txn, key string, v any) (bool, error) {
	item, err := get(txn, key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	err = item.Value(func(b []byte) error { return json.Unmarshal(b, v) })
	if err != nil {
		return false, fmt.Errorf("decode %q: %w", key, err)
	}
	return true, nil
}

func setJSON(txn writeTxn, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode %q: %w", key, err)
	}
	return txn.Set([]byte(key), b)
}

func exists(txn *badger.Txn, key string) (bool, error) {
	_, err := get(txn, key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return false, nil
	}
	return err == nil, err
}

// getValue returns a copy of the value at key, and whether there is one.
func getValue(txn *badger.Txn, key string) ([]byte, bool, error) {
	item, err := get(txn, key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	v, err := item.ValueCopy(nil)
	return v, err == nil, err
}

func getUint(txn *badger.Txn, key string) (uint64, error) {
	item, err := get(txn, key)
	if errors.Is(err, badger.ErrKeyNotFound) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var n uint64
	err = item.Value(func(b []byte) error {
		if len(b) == 8 {
			n = binary.BigEndian.Uint64(b)
		}
		return nil
	})
	return n, err
}

func addUint(txn writeTxn, key string, delta int) error {
	n, err := getUint(txn.Txn, key)
	if err != nil {
		return err
	}
	v := int64(n) + int64(delta)
	if v <= 0 {
		return txn.Delete([]byte(key))
	}
	return txn.Set([]byte(key), binary.BigEndian.AppendUint64(nil, uint64(v)))
}

func jsonUnmarshal(b []byte, v any) error { return json.Unmarshal(b, v) }
