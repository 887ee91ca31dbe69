package graph_test

import (
	"bytes"
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// The tables each format added, spelt out here rather than taken from the
// upgrade code, so that a table the upgrade forgets shows up as a
// difference.
const (
	tableCoocRank  = "cr\x00"  // format 2
	tableSpeakerN  = "qsn\x00" // format 3
	tableSpeaker   = "qs\x00"  // its values: format 4
	tableCoocDate  = "ct\x00"  // format 5, with edges stored once
	tableCooc      = "c\x00"
	tableSource    = "fs\x00" // format 6, with the sources of facts out of their records
	tableDocFact   = "xf\x00" // format 6
	tableRole      = "ro\x00" // format 7, with the roles of entities out of their records
	keyVersion     = "!version"
	currentVersion = graph.FormatVersion
)

func version(v uint64) string { return string(binary.BigEndian.AppendUint64(nil, v)) }

// lockedBuffer collects a store's log; Badger logs from its own goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func openLogged(ctx context.Context, dir string, readOnly bool) (*graph.Store, *lockedBuffer, error) {
	var log lockedBuffer
	s, err := graph.Open(ctx, graph.Options{Dir: dir, ReadOnly: readOnly,
		Logger: slog.New(slog.NewTextHandler(&log, nil))})
	return s, &log, err
}

// upgradeBase builds a current store in a new directory from graphtest's
// fixture and the seed articles as the extractor reads them, and returns
// the directory, every key and value, and the answers of the queries.
func upgradeBase(t *testing.T) (dir string, kv, answers map[string]string) {
	t.Helper()
	ctx := context.Background()
	dir = t.TempDir()
	s, err := graph.Open(ctx, graph.Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := graphtest.Load(ctx, s); err != nil {
		t.Fatalf("graphtest.Load: %v", err)
	}
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(seeds) < 2 {
		t.Fatalf("want the seed articles in ../testdata/seeds, found %d", len(seeds))
	}
	ex := extract.New()
	for i, p := range seeds {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a := extract.Article{ID: filepath.Base(p), Text: string(text), Published: fmt.Sprintf("2017-10-%02d", 20+i)}
		d, err := ex.Extract(ctx, a)
		if err != nil {
			t.Fatalf("Extract(%s): %v", a.ID, err)
		}
		if _, err := s.Ingest(ctx, a, d); err != nil {
			t.Fatalf("Ingest(%s): %v", a.ID, err)
		}
	}
	kv, err = graph.DumpKV(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, table := range []string{tableCoocRank, tableSpeakerN} {
		if n := countPrefix(kv, table); n == 0 {
			t.Fatalf("the base store has no %q keys: nothing to rebuild", table)
		}
	}
	for k, v := range kv {
		if strings.HasPrefix(k, tableSpeaker) && v == "" {
			t.Fatalf("the base store has %q without a value: nothing to rebuild", k)
		}
	}
	return dir, kv, queryAnswers(t, s)
}

func countPrefix(kv map[string]string, prefix string) int {
	n := 0
	for k := range kv {
		if strings.HasPrefix(k, prefix) {
			n++
		}
	}
	return n
}

// queryAnswers runs the queries that read the rebuilt tables (a speaker's
// quotes and their total, neighbourhoods, co-occurrences) and a few
// others, for every entity, and returns each answer as JSON by query.
func queryAnswers(t *testing.T, s *graph.Store) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	add := func(q string, v any, err error) {
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out[q] = string(b)
	}
	st, err := s.Stats(ctx)
	add("Stats()", st, err)
	ents, err := s.Entities(ctx, graph.EntityFilter{}, graph.Page{First: 1000})
	add("Entities()", ents, err)
	qs, err := s.Quotes(ctx, graph.QuoteFilter{}, graph.Page{First: 1000})
	add("Quotes()", qs, err)
	for _, e := range ents.Items {
		l, err := s.Quotes(ctx, graph.QuoteFilter{Speaker: e.ID}, graph.Page{First: 2})
		add(fmt.Sprintf("Quotes(speaker %s)", e.ID), l, err)
		for _, depth := range []int{1, 2} {
			g, err := s.Neighbourhood(ctx, e.ID, graph.NeighbourhoodOptions{Depth: depth, Limit: 4})
			add(fmt.Sprintf("Neighbourhood(%s, depth %d)", e.ID, depth), g, err)
		}
		co, err := s.Cooccurring(ctx, e.ID, 3)
		add(fmt.Sprintf("Cooccurring(%s, 3)", e.ID), co, err)
		rel, err := s.Relations(ctx, e.ID, graph.Page{})
		add(fmt.Sprintf("Relations(%s)", e.ID), rel, err)
	}
	return out
}

// diffKV lists the keys whose values differ, at most max of them.
func diffKV(got, want map[string]string, max int) string {
	var lines []string
	for k, w := range want {
		if g, ok := got[k]; !ok {
			lines = append(lines, fmt.Sprintf("- %q", k))
		} else if g != w {
			lines = append(lines, fmt.Sprintf("~ %q = %q, want %q", k, g, w))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			lines = append(lines, fmt.Sprintf("+ %q", k))
		}
	}
	sort.Strings(lines)
	if len(lines) > max {
		lines = append(lines[:max], fmt.Sprintf("… and %d more", len(lines)-max))
	}
	return strings.Join(lines, "\n")
}

func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := filepath.Join(t.TempDir(), "store")
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	return dst
}

// edgesBeforeFormat5 returns the mentioned_with records of the store dump
// as formats 1 to 4 stored them, both ways, each with its list of dates
// (the ct/ keys of format 5).
func edgesBeforeFormat5(t *testing.T, dump map[string]string) map[string]string {
	t.Helper()
	dates := map[string][]string{}
	for k := range dump {
		if rest, ok := strings.CutPrefix(k, tableCoocDate); ok {
			i := strings.LastIndex(rest, "\x00")
			dates[rest[:i]] = append(dates[rest[:i]], rest[i+1:])
		}
	}
	set := map[string]string{}
	for k, v := range dump {
		pair, ok := strings.CutPrefix(k, tableCooc)
		if !ok {
			continue
		}
		a, b, _ := strings.Cut(pair, "\x00")
		var now struct {
			Weight int `json:"w"`
		}
		if err := json.Unmarshal([]byte(v), &now); err != nil {
			t.Fatal(err)
		}
		ds := dates[pair]
		sort.Strings(ds)
		old, err := json.Marshal(struct {
			Weight int      `json:"w"`
			Dates  []string `json:"d,omitempty"`
		}{now.Weight, ds})
		if err != nil {
			t.Fatal(err)
		}
		set[tableCooc+a+"\x00"+b], set[tableCooc+b+"\x00"+a] = string(old), string(old)
	}
	if len(set) == 0 || len(dates) == 0 {
		t.Fatal("the store has no dated mentioned_with edges: the upgrade of format 4 tests nothing")
	}
	return set
}

// factsBeforeFormat6 returns the quote, event and relation records of the
// store dump as formats 1 to 5 stored them: with their sources (the fs/
// keys of format 6, in order), without a count.
func factsBeforeFormat6(t *testing.T, dump map[string]string) map[string]string {
	t.Helper()
	type source struct {
		Document string `json:"doc"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
	}
	keys := slices.Sorted(maps.Keys(dump))
	sources := map[string][]source{}
	for _, k := range keys {
		rest, ok := strings.CutPrefix(k, tableSource)
		if !ok {
			continue
		}
		// fs/FID/INDEX (4 bytes), the value start and end as uvarints,
		// then the document.
		fid := rest[:len(rest)-5]
		if got := int(binary.BigEndian.Uint32([]byte(rest[len(rest)-4:]))); got != len(sources[fid]) {
			t.Fatalf("source key %q: index %d, want %d", k, got, len(sources[fid]))
		}
		v := []byte(dump[k])
		start, n := binary.Uvarint(v)
		end, m := binary.Uvarint(v[n:])
		sources[fid] = append(sources[fid], source{string(v[n+m:]), int(start), int(end)})
	}
	set := map[string]string{}
	tables := map[string]int{}
	for _, k := range keys {
		table, fid, ok := strings.Cut(k, "\x00")
		if !ok || table != "q" && table != "v" && table != "r" {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(dump[k]), &rec); err != nil {
			t.Fatal(err)
		}
		if rec["n"] != float64(len(sources[fid])) || len(sources[fid]) == 0 {
			t.Fatalf("%s counts %v sources, has %d filed", fid, rec["n"], len(sources[fid]))
		}
		delete(rec, "n")
		rec["sources"] = sources[fid]
		old, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		set[k] = string(old)
		tables[table]++
	}
	if len(tables) != 3 {
		t.Fatalf("the store has facts in %v: the upgrade of format 5 tests quotes, events and relations", tables)
	}
	return set
}

// entitiesBeforeFormat7 returns the entity records of the store dump that
// have roles as formats 1 to 6 stored them: with the list of their roles
// (the ro/ keys of format 7, in the order first seen), without a count.
func entitiesBeforeFormat7(t *testing.T, dump map[string]string) map[string]string {
	t.Helper()
	type filed struct {
		seq  uint64
		role map[string]any
	}
	roles := map[string][]filed{}
	for k, v := range dump {
		rest, ok := strings.CutPrefix(k, tableRole)
		if !ok {
			continue
		}
		eid, _, _ := strings.Cut(rest, "\x00")
		// The order first seen as a uvarint, then title, organisation,
		// its ID, from and to, each a uvarint length and the bytes.
		b := []byte(v)
		seq, n := binary.Uvarint(b)
		b = b[n:]
		r := map[string]any{}
		for _, f := range []string{"title", "org", "org_id", "from", "to"} {
			l, n := binary.Uvarint(b)
			if n <= 0 || int(l) > len(b)-n {
				t.Fatalf("role %q: malformed value %q", k, v)
			}
			if l > 0 {
				r[f] = string(b[n : n+int(l)])
			}
			b = b[n+int(l):]
		}
		roles[eid] = append(roles[eid], filed{seq, r})
	}
	if len(roles) == 0 {
		t.Fatal("the store has no roles: the upgrade of format 6 tests nothing")
	}
	set := map[string]string{}
	for eid, rs := range roles {
		slices.SortFunc(rs, func(a, b filed) int { return cmp.Compare(a.seq, b.seq) })
		list := make([]map[string]any, len(rs))
		for i, r := range rs {
			list[i] = r.role
		}
		k := "e\x00" + eid
		var rec map[string]any
		if err := json.Unmarshal([]byte(dump[k]), &rec); err != nil {
			t.Fatalf("%q: %v", k, err)
		}
		if rec["nroles"] != float64(len(rs)) {
			t.Fatalf("%s counts %v roles filed, has %d", eid, rec["nroles"], len(rs))
		}
		delete(rec, "nroles")
		rec["roles"] = list
		old, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		set[k] = string(old)
	}
	return set
}

// TestUpgrade turns a current store into a store of each older format, by
// deleting what that format lacks (tables, and values of keys) and writing
// its version, and checks
// that a read-write open upgrades it back to the same store, key for key
// and byte for byte, after an upgrade interrupted after its first batch
// too.
func TestUpgrade(t *testing.T) {
	ctx := context.Background()
	base, want, wantAnswers := upgradeBase(t)
	for _, tc := range []struct {
		name        string
		format      uint64
		drop        []string          // tables the format lacks
		blank       []string          // tables whose keys have no values in the format
		set         map[string]string // keys a stray writer left
		interrupted bool
	}{
		{name: "format 6", format: 6},
		{name: "format 6 interrupted", format: 6, interrupted: true},
		{name: "format 5", format: 5},
		{name: "format 5 interrupted", format: 5, interrupted: true},
		{name: "format 4", format: 4},
		{name: "format 4 interrupted", format: 4, interrupted: true},
		{name: "format 3", format: 3, blank: []string{tableSpeaker}},
		{name: "format 2", format: 2, drop: []string{tableSpeakerN}, blank: []string{tableSpeaker}},
		{name: "format 1", format: 1, drop: []string{tableCoocRank, tableSpeakerN}, blank: []string{tableSpeaker}},
		{name: "format 3 interrupted", format: 3, blank: []string{tableSpeaker}, interrupted: true},
		{name: "format 2 interrupted", format: 2, drop: []string{tableSpeakerN}, blank: []string{tableSpeaker}, interrupted: true},
		{name: "format 1 interrupted", format: 1, drop: []string{tableCoocRank, tableSpeakerN}, blank: []string{tableSpeaker}, interrupted: true},
		{name: "format 1 with stale keys", format: 1, drop: []string{tableCoocRank, tableSpeakerN}, blank: []string{tableSpeaker},
			set: map[string]string{
				tableCoocRank + "person:nobody\x00\xff\xff\xff\xff\xff\xff\xff\xfeperson:none": "",
				tableSpeakerN + "person:nobody": version(7),
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyDir(t, base)
			set := entitiesBeforeFormat7(t, want)
			drop := append([]string{tableRole}, tc.drop...)
			if tc.format < 6 {
				maps.Copy(set, factsBeforeFormat6(t, want))
				drop = append(drop, tableSource, tableDocFact)
			}
			if tc.format < 5 {
				maps.Copy(set, edgesBeforeFormat5(t, want))
				drop = append(drop, tableCoocDate)
			}
			set[keyVersion] = version(tc.format)
			for k := range want {
				for _, table := range tc.blank {
					if strings.HasPrefix(k, table) {
						set[k] = ""
					}
				}
			}
			for k, v := range tc.set {
				set[k] = v
			}
			if err := graph.RewriteRaw(dir, drop, set); err != nil {
				t.Fatal(err)
			}
			old, err := graph.DumpDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range old {
				for _, table := range tc.drop {
					if _, stray := tc.set[k]; strings.HasPrefix(k, table) && !stray {
						t.Fatalf("the format %d store keeps %q", tc.format, k)
					}
				}
				for _, table := range tc.blank {
					if strings.HasPrefix(k, table) && v != "" {
						t.Fatalf("the format %d store keeps the value of %q", tc.format, k)
					}
				}
			}

			// Read-only, the old store is refused with the way out, and
			// left as it is.
			if s, _, err := openLogged(ctx, dir, true); !errors.Is(err, graph.ErrOldVersion) ||
				!strings.Contains(err.Error(), "read-write") || !strings.Contains(err.Error(), "newsgraph upgrade") {
				if s != nil {
					s.Close()
				}
				t.Fatalf("Open(format %d, read-only) error = %v, want ErrOldVersion saying to open it read-write", tc.format, err)
			}
			if got, err := graph.DumpDir(dir); err != nil || diffKV(got, old, 5) != "" {
				t.Fatalf("a read-only open changed the store (%v):\n%s", err, diffKV(got, old, 5))
			}

			if tc.interrupted {
				restore := graph.InterruptUpgrade(3)
				s, _, err := openLogged(ctx, dir, false)
				restore()
				if !errors.Is(err, graph.ErrInterrupted) {
					if s != nil {
						s.Close()
					}
					t.Fatalf("Open(format %d, interrupted after a batch) error = %v, want ErrInterrupted", tc.format, err)
				}
				mid, err := graph.DumpDir(dir)
				if err != nil {
					t.Fatal(err)
				}
				if mid[keyVersion] != version(tc.format) {
					t.Fatalf("interrupted upgrade left version %x, want %d", mid[keyVersion], tc.format)
				}
				if diffKV(mid, old, 1) == "" {
					t.Fatalf("the interrupted upgrade wrote nothing: it tests nothing")
				}
			}

			s, log, err := openLogged(ctx, dir, false)
			if err != nil {
				t.Fatalf("Open(format %d, read-write) error = %v, want upgraded", tc.format, err)
			}
			defer s.Close()
			wantLog := fmt.Sprintf("upgraded store %s from format %d to %d in ", dir, tc.format, currentVersion)
			if !strings.Contains(log.String(), wantLog) {
				t.Errorf("Open(format %d) logged %q, want a line with %q", tc.format, log.String(), wantLog)
			}
			if err := s.Verify(ctx); err != nil {
				t.Errorf("Verify() after the upgrade = %v", err)
			}
			got, err := graph.DumpKV(s)
			if err != nil {
				t.Fatal(err)
			}
			if d := diffKV(got, want, 20); d != "" {
				t.Errorf("upgraded store differs from the original (- missing, + extra, ~ changed):\n%s", d)
			}
			answers := queryAnswers(t, s)
			for q, w := range wantAnswers {
				if answers[q] != w {
					t.Errorf("%s = %.300s, want %.300s", q, answers[q], w)
				}
			}

			// Upgraded once: opening again neither upgrades nor writes.
			if err := s.Close(); err != nil {
				t.Fatal(err)
			}
			s2, log2, err := openLogged(ctx, dir, true)
			if err != nil {
				t.Fatalf("Open(upgraded, read-only) error = %v", err)
			}
			s2.Close()
			if strings.Contains(log2.String(), "upgraded") {
				t.Errorf("second open logged %q, want no upgrade", log2.String())
			}
		})
	}
}

// TestUpgradeRefuses checks the stores an upgrade cannot rebuild: they are
// refused, read-write too, with a message that says to ingest again, and
// left as they are.
func TestUpgradeRefuses(t *testing.T) {
	ctx := context.Background()
	base := t.TempDir()
	if err := graphtest.LoadDir(ctx, base); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		drop []string
		set  map[string]string
	}{
		{"older than any upgradable format", []string{tableCoocRank, tableSpeakerN},
			map[string]string{keyVersion: version(graph.OldestUpgradable - 1)}},
		// The first stores of format 1 filed names as n/NAME/EID and
		// relations as re/EID/RID.
		{"format 1 with names by entity", []string{tableCoocRank, tableSpeakerN, "n\x00"},
			map[string]string{keyVersion: version(1), "n\x00anna berg\x00person:anna-berg": "\x01"}},
		{"format 1 with relations by one end", []string{tableCoocRank, tableSpeakerN, "re\x00"},
			map[string]string{keyVersion: version(1), "re\x00person:anna-berg\x00r0123": ""}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := copyDir(t, base)
			if err := graph.RewriteRaw(dir, tc.drop, tc.set); err != nil {
				t.Fatal(err)
			}
			old, err := graph.DumpDir(dir)
			if err != nil {
				t.Fatal(err)
			}
			for _, readOnly := range []bool{true, false} {
				s, _, err := openLogged(ctx, dir, readOnly)
				if !errors.Is(err, graph.ErrOldVersion) || !strings.Contains(err.Error(), "ingest the articles again") {
					if s != nil {
						s.Close()
					}
					t.Errorf("Open(read-only %v) error = %v, want ErrOldVersion saying to ingest again", readOnly, err)
				}
			}
			if got, err := graph.DumpDir(dir); err != nil || diffKV(got, old, 5) != "" {
				t.Errorf("a refused open changed the store (%v):\n%s", err, diffKV(got, old, 5))
			}
		})
	}
}
