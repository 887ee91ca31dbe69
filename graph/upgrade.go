package graph

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/dgraph-io/badger/v4"
)

// An upgrade brings a store of an older format to FormatVersion in place.
// Formats 2 to 4 added only tables, or values of a table's keys, derived
// from data every format stores, so an upgrade rebuilds them from the data;
// formats 5 to 7 moved the dates of mentioned_with edges, the sources of
// quotes, events and relations, and the roles of entities out of their
// records into keys, record by record, in a way that a second run finds done. The new version
// number is written last: a store interrupted mid-upgrade still says its
// old format, and the next read-write open upgrades it again. Every added
// table is cleared before it is rebuilt, and added values are written
// over whatever an interrupted upgrade left, so the result does not
// depend on how far an interrupted upgrade got.
// Keys are streamed from Badger iterators and written in batches of
// upgradeBatchKeys: the memory an upgrade takes does not grow with the
// store.

// upgradeStep is a table a format added, or gave values to, and how to
// rebuild it.
type upgradeStep struct {
	format uint64 // the format that added the table
	prefix string // the table's key prefix
	// values: the format added values to the keys of a table older
	// formats have, or moved data into the table from records. The keys
	// stay (a later step may count them, or they hold what an interrupted
	// run moved), and rebuild writes every one of them again.
	values  bool
	rebuild func(ctx context.Context, txn *badger.Txn, w *chunkWriter) error
}

// upgradeSteps are the tables added since oldestUpgradable, oldest first.
var upgradeSteps = []upgradeStep{
	{2, pCoocRank, false, rebuildCoocRank},
	{3, pQSpeakN, false, rebuildSpeakerCounts},
	{4, pQSpeaker, true, rebuildSpeakerSigs},
	{5, pCoocDate, true, moveCoocDates},
	{6, pFactSource, true, moveFactSources},
	{7, pRole, true, moveEntityRoles},
}

// oldestUpgradable is the oldest format that stores all the data the
// current one does.
const oldestUpgradable = 1

// upgradeBatchKeys bounds the keys written per transaction, so that an
// upgrade's memory does not grow with the store.
var upgradeBatchKeys = 4096

// upgradeAfterBatch, if set, is called after each batch an upgrade commits
// (n counts from 1); an error stops the upgrade there. Tests use it to
// interrupt an upgrade.
var upgradeAfterBatch func(n int) error

// upgrade upgrades the store in place if it is of an older format that can
// be rebuilt, or says why it cannot. It leaves a store without a version
// key, or of the current or a newer format, to checkVersion. It runs
// before Open returns the store: nothing else reads or writes it meanwhile.
func (s *Store) upgrade(ctx context.Context) error {
	from, found, err := readFormat(s.db)
	if err != nil {
		return fmt.Errorf("graph: read format version: %w", err)
	}
	if !found || from >= FormatVersion {
		return nil
	}
	dir := s.db.Opts().Dir
	if err := upgradable(s.db, from); err != nil {
		return fmt.Errorf("%w: %s is format %d, %v; this program reads format %d: ingest the articles again into a new directory",
			ErrOldVersion, dir, from, err, FormatVersion)
	}
	if s.readOnly {
		return fmt.Errorf("%w: %s is format %d; open it read-write once to upgrade it in place to format %d (newsgraph upgrade --data %s)",
			ErrOldVersion, dir, from, FormatVersion, dir)
	}
	start := time.Now()
	err = s.rebuild(ctx, from)
	// Even a failed rebuild may have written some of its batches.
	s.committed(nil)
	if err != nil {
		return fmt.Errorf("graph: upgrade %s from format %d: %w", dir, from, err)
	}
	s.logger().Info(fmt.Sprintf("upgraded store %s from format %d to %d in %s",
		dir, from, FormatVersion, time.Since(start).Round(time.Millisecond)))
	return nil
}

// rebuild rebuilds every table added after format from, then records
// FormatVersion.
func (s *Store) rebuild(ctx context.Context, from uint64) error {
	w := &chunkWriter{db: s.db}
	defer w.cancel()
	for _, st := range upgradeSteps {
		if st.format <= from {
			continue
		}
		if !st.values {
			txn := s.db.NewTransaction(false)
			err := clearPrefix(ctx, txn, st.prefix, w)
			if err == nil {
				err = w.flush()
			}
			txn.Discard()
			if err != nil {
				return fmt.Errorf("clear %q: %w", st.prefix, err)
			}
		}
		txn := s.db.NewTransaction(false)
		err := st.rebuild(ctx, txn, w)
		txn.Discard()
		if err == nil {
			err = w.flush()
		}
		if err != nil {
			return fmt.Errorf("rebuild %q: %w", st.prefix, err)
		}
	}
	// The tables must be on disk before the version says they are there.
	if err := s.db.Sync(); err != nil {
		return err
	}
	return s.db.Update(func(txn *badger.Txn) error {
		return txn.Set([]byte(keyVersion), binary.BigEndian.AppendUint64(nil, FormatVersion))
	})
}

// logger returns the logger Open was given.
func (s *Store) logger() *slog.Logger {
	if l, ok := s.db.Opts().Logger.(slogLogger); ok {
		return l.l
	}
	return slog.Default()
}

// readFormat reads the version key.
func readFormat(db *badger.DB) (v uint64, found bool, err error) {
	err = db.View(func(txn *badger.Txn) error {
		item, err := txn.Get([]byte(keyVersion))
		if errors.Is(err, badger.ErrKeyNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		return item.Value(func(b []byte) error {
			if len(b) != 8 {
				return fmt.Errorf("version key holds %d bytes, want 8", len(b))
			}
			v, found = binary.BigEndian.Uint64(b), true
			return nil
		})
	})
	return v, found, err
}

// upgradable reports why a store of format from cannot be upgraded, or
// nil if it can.
//
// Stores written before format 2 all say format 1, but the first of them
// kept names as n/NAME/EID and relation ends as re/EID/RID (and before
// that, entity dates in the records): their data is in another shape, not
// just short of an index. The first key of each table tells them apart.
func upgradable(db *badger.DB, from uint64) error {
	if from < oldestUpgradable {
		return errors.New("older than any format this program can upgrade")
	}
	if from > 1 {
		return nil
	}
	return db.View(func(txn *badger.Txn) error {
		for _, t := range []struct {
			prefix string
			seps   int // separators after the prefix in the current layout
		}{{pName, 0}, {pRelEnt, 2}} {
			var first string
			if err := iterPrefix(txn, t.prefix, func(k []byte, _ *badger.Item) (bool, error) {
				first = string(k[len(t.prefix):])
				return false, nil
			}); err != nil {
				return err
			}
			if first != "" && strings.Count(first, sep) != t.seps {
				return fmt.Errorf("written before the key layout of format 1 settled (key %q)", t.prefix[:len(t.prefix)-1]+"/"+strings.ReplaceAll(first, sep, "/"))
			}
		}
		return nil
	})
}

// chunkWriter writes keys in transactions of at most upgradeBatchKeys.
type chunkWriter struct {
	db      *badger.DB
	wb      *badger.WriteBatch
	n       int // keys in wb
	batches int // batches committed
}

// set writes k = v. The batch keeps both slices until it commits.
func (w *chunkWriter) set(k, v []byte) error {
	if w.wb == nil {
		w.wb = w.db.NewWriteBatch()
	}
	if err := w.wb.Set(k, v); err != nil {
		return err
	}
	if w.n++; w.n >= upgradeBatchKeys {
		return w.flush()
	}
	return nil
}

// flush commits what set wrote and waits for it.
func (w *chunkWriter) flush() error {
	if w.wb == nil {
		return nil
	}
	err := w.wb.Flush()
	w.wb, w.n = nil, 0
	if err != nil {
		return err
	}
	w.batches++
	if upgradeAfterBatch != nil {
		return upgradeAfterBatch(w.batches)
	}
	return nil
}

// delete deletes k. It does not keep k.
func (w *chunkWriter) delete(k []byte) error {
	if w.wb == nil {
		w.wb = w.db.NewWriteBatch()
	}
	if err := w.wb.Delete(append([]byte(nil), k...)); err != nil {
		return err
	}
	if w.n++; w.n >= upgradeBatchKeys {
		return w.flush()
	}
	return nil
}

func (w *chunkWriter) cancel() {
	if w.wb != nil {
		w.wb.Cancel()
		w.wb = nil
	}
}

// clearPrefix deletes every key under prefix: what an interrupted upgrade
// wrote, and whatever else is there, so that the rebuilt table is exactly
// what the data says. A store of an older format has none, so this costs
// one seek; Badger's DropPrefix would rewrite every table whose key range
// spans the prefix, whether or not it holds any.
func clearPrefix(ctx context.Context, txn *badger.Txn, prefix string, w *chunkWriter) error {
	i := 0
	return iterPrefix(txn, prefix, func(k []byte, _ *badger.Item) (bool, error) {
		if i++; i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return false, err
			}
		}
		return true, w.delete(k)
	})
}

// rebuildCoocRank files every mentioned_with edge c/A/B under cr/A/ by its
// weight (format 2).
func rebuildCoocRank(ctx context.Context, txn *badger.Txn, w *chunkWriter) error {
	i := 0
	return iterPrefix(txn, pCooc, func(k []byte, item *badger.Item) (bool, error) {
		if i++; i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return false, err
			}
		}
		var c struct {
			Weight int `json:"w"`
		}
		if err := item.Value(func(b []byte) error { return json.Unmarshal(b, &c) }); err != nil {
			return false, fmt.Errorf("decode %q: %w", k, err)
		}
		a, b, ok := strings.Cut(string(k[len(pCooc):]), sep)
		if !ok {
			return false, fmt.Errorf("malformed key %q", k)
		}
		return true, w.set([]byte(kCoocRank(a, c.Weight, b)), nil)
	})
}

// rebuildSpeakerCounts counts each speaker's qs/EID/ keys into qsn/EID
// (format 3). The keys come sorted, so each speaker's run is counted and
// written before the next starts: a NUL ends every ID, and sorts before
// any byte that could continue a longer one.
func rebuildSpeakerCounts(ctx context.Context, txn *badger.Txn, w *chunkWriter) error {
	cur, n := "", uint64(0)
	emit := func() error {
		if n == 0 {
			return nil
		}
		return w.set([]byte(kQSpeakN(cur)), binary.BigEndian.AppendUint64(nil, n))
	}
	i := 0
	err := iterPrefix(txn, pQSpeaker, func(k []byte, _ *badger.Item) (bool, error) {
		if i++; i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return false, err
			}
		}
		rest := k[len(pQSpeaker):]
		end := bytes.IndexByte(rest, 0)
		if end < 0 {
			return false, fmt.Errorf("malformed key %q", k)
		}
		if sid := rest[:end]; string(sid) != cur {
			if err := emit(); err != nil {
				return false, err
			}
			cur, n = string(sid), 0
		}
		n++
		return true, nil
	})
	if err != nil {
		return err
	}
	return emit()
}

// rebuildSpeakerSigs writes each quote's qs/ keys with the signatures of
// its variants (format 4), streaming the quote records: one pass in key
// order rather than a read of a record for each key.
func rebuildSpeakerSigs(ctx context.Context, txn *badger.Txn, w *chunkWriter) error {
	i := 0
	return iterPrefix(txn, pQuote, func(k []byte, item *badger.Item) (bool, error) {
		if i++; i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return false, err
			}
		}
		// The fields that place the keys and sign them; a quote's sources
		// are decoded into nothing.
		var q struct {
			ID        string   `json:"id"`
			SpeakerID string   `json:"speaker"`
			Speakers  []string `json:"speakers"`
			Date      string   `json:"date"`
			Variants  []string `json:"variants"`
		}
		if err := item.Value(func(b []byte) error { return json.Unmarshal(b, &q) }); err != nil {
			return false, fmt.Errorf("decode %q: %w", k, err)
		}
		sigs := quoteSigs(q.Variants)
		keys := quoteSpeakerKeys(&Quote{ID: q.ID, SpeakerID: q.SpeakerID, Speakers: q.Speakers, Date: q.Date})
		for _, key := range keys {
			if err := w.set([]byte(key), sigs); err != nil {
				return false, err
			}
		}
		return true, nil
	})
}

// moveCoocDates stores each mentioned_with edge once, under its lower ID
// first, with its first and last dates, and files all its dates as
// ct/A/B/DATE keys (format 5; before, c/A/B and c/B/A both held the whole
// list). An edge's date keys are written before its record, so a record
// without a list is one whose dates are filed already.
func moveCoocDates(ctx context.Context, txn *badger.Txn, w *chunkWriter) error {
	i := 0
	return iterPrefix(txn, pCooc, func(k []byte, item *badger.Item) (bool, error) {
		if i++; i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return false, err
			}
		}
		a, b, ok := strings.Cut(string(k[len(pCooc):]), sep)
		if !ok {
			return false, fmt.Errorf("malformed key %q", k)
		}
		if a > b {
			return true, w.delete(k) // c/B/A holds what c/A/B does
		}
		var old struct {
			cooc
			Dates []string `json:"d"`
		}
		if err := item.Value(func(v []byte) error { return json.Unmarshal(v, &old) }); err != nil {
			return false, fmt.Errorf("decode %q: %w", k, err)
		}
		if len(old.Dates) == 0 {
			return true, nil
		}
		c := old.cooc
		for _, d := range old.Dates {
			c.First, c.Last = minDate(c.First, d), maxDate(c.Last, d)
			if err := w.set([]byte(kCoocDate(a, b, d)), nil); err != nil {
				return false, err
			}
		}
		v, err := json.Marshal(&c)
		if err != nil {
			return false, err
		}
		return true, w.set(slices.Clone(k), v)
	})
}

// moveFactSources moves the sources of each quote, event and relation
// from its record to fs/ keys, with their xf/ keys, and then rewrites the
// record with their count and without them: a record already rewritten
// has no sources field and is left alone, so a second run finds finished
// work.
func moveFactSources(ctx context.Context, txn *badger.Txn, w *chunkWriter) error {
	if err := moveSources[Quote](ctx, txn, w, pQuote, func(q *Quote, n int) { q.SourceCount = n }); err != nil {
		return err
	}
	if err := moveSources[Event](ctx, txn, w, pEvent, func(e *Event, n int) { e.SourceCount = n }); err != nil {
		return err
	}
	return moveSources[Relation](ctx, txn, w, pRel, func(r *Relation, n int) { r.SourceCount = n })
}

// moveSources moves the sources of the records of type T under prefix
// (see moveFactSources); count sets a record's SourceCount.
func moveSources[T any](ctx context.Context, txn *badger.Txn, w *chunkWriter, prefix string, count func(*T, int)) error {
	return eachValue(ctx, txn, prefix, func(id string, v []byte) error {
		// The list is decoded apart: the record's type no longer has it.
		var old struct {
			Sources *[]Source `json:"sources"`
		}
		if err := json.Unmarshal(v, &old); err != nil {
			return err
		}
		if old.Sources == nil {
			return nil // moved by an earlier run
		}
		var rec T
		if err := json.Unmarshal(v, &rec); err != nil {
			return err
		}
		for i, src := range *old.Sources {
			if err := fileSource(w.set, id, i, src); err != nil {
				return err
			}
		}
		count(&rec, len(*old.Sources))
		b, err := json.Marshal(&rec)
		if err != nil {
			return err
		}
		return w.set([]byte(prefix+id), b)
	})
}

// moveEntityRoles moves the roles of each entity from its record to ro/
// keys, in the order listed, and rewrites the record with how many there
// are and without them; a record already rewritten has no roles field and
// is left alone, so a second run finds finished work.
func moveEntityRoles(ctx context.Context, txn *badger.Txn, w *chunkWriter) error {
	return eachValue(ctx, txn, pEnt, func(id string, v []byte) error {
		// The list is decoded apart: the record's type no longer has it.
		var old struct {
			Roles *[]Role `json:"roles"`
		}
		if err := json.Unmarshal(v, &old); err != nil {
			return err
		}
		if old.Roles == nil {
			return nil // moved by an earlier run, or none
		}
		var e Entity
		if err := json.Unmarshal(v, &e); err != nil {
			return err
		}
		// Format 6 merged roles whose titles matched without case by
		// Unicode folding; the key lowers them, which can join two a
		// list kept apart: the first keeps its place, with both spans.
		filed := map[string]*storedRole{}
		var order []string
		for _, r := range *old.Roles {
			k := kRole(id, r.Title, r.Org)
			if f := filed[k]; f != nil {
				f.From, f.To = minDate(f.From, r.From), maxDate(f.To, r.To)
				if f.OrgID == "" {
					f.OrgID = r.OrgID
				}
				continue
			}
			filed[k] = &storedRole{Seq: len(order), Role: r}
			order = append(order, k)
		}
		for _, k := range order {
			if err := w.set([]byte(k), encodeRole(*filed[k])); err != nil {
				return err
			}
		}
		e.RolesFiled = len(order)
		b, err := json.Marshal(&e)
		if err != nil {
			return err
		}
		return w.set([]byte(pEnt+id), b)
	})
}
