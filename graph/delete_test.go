package graph

import (
	"context"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/internal/corpus"
)

// deleteArticles returns the articles of the delete tests: A, the ones
// that stay, and B, the ones deleted, which repeat names, quotes and
// sentences of A (copied paragraphs, a longer and a shorter report of
// A's quotes, the same quote given to someone else) and bring their own.
func deleteArticles(t *testing.T) (as, bs []extract.Article) {
	t.Helper()
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	if len(seeds) < 2 {
		t.Fatalf("want the two seed articles in ../testdata/seeds, found %d", len(seeds))
	}
	s0, s1 := read(seeds[0]), read(seeds[1])
	var dev []extract.Article
	for _, name := range []string{"bbc-politics_023", "bbc-politics_093", "bbc-politics_201", "bbc-politics_239", "bbc-politics_297", "bbc-business_135"} {
		b, err := os.ReadFile(filepath.Join("../testdata/devset", name+".json"))
		if err != nil {
			continue
		}
		var a extract.Article
		if err := json.Unmarshal(b, &a); err != nil {
			t.Fatal(err)
		}
		a.ID = name
		dev = append(dev, a)
	}
	if len(dev) < 2 {
		matches, _ := filepath.Glob("../testdata/devset/*.json")
		for _, p := range matches[:min(3, len(matches))] {
			var a extract.Article
			if err := json.Unmarshal([]byte(read(p)), &a); err != nil {
				t.Fatal(err)
			}
			a.ID = strings.TrimSuffix(filepath.Base(p), ".json")
			dev = append(dev, a)
		}
	}
	paras := func(s string) []string {
		var out []string
		for _, p := range strings.Split(s, "\n") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	p0, p1 := paras(s0), paras(s1)
	as = []extract.Article{
		{ID: "seed0", Text: s0, Published: "2017-10-01", Source: "outlet A"},
		{ID: "seed1", Text: s1, Published: "2017-10-02"},
	}
	for i, a := range dev[:len(dev)/2+1] {
		a.Published = fmt.Sprintf("2005-01-%02d", 10+i)
		as = append(as, a)
	}
	// The hand-made ones.
	as = append(as, extract.Article{ID: "hand-a", Published: "2017-10-05", Text: "Mr Alan Brightwater, the chief executive of Norland Mining, " +
		"said: \"We will keep the northern pits open until the end of the decade.\" " +
		"Norland Mining employs 4,000 people in Carlisle.\n\n" +
		"\"The talks were useful and frank,\" said Maria Oduya, a spokeswoman for the Carlisle Council."})

	bs = []extract.Article{
		// Paragraphs of both seeds, in another order, published the
		// same day as seed0: entity dates and co-occurrence weights
		// are shared.
		{ID: "mix", Published: "2017-10-01", Text: strings.Join(append(append([]string{}, p1[:len(p1)/2]...), p0[len(p0)/2:]...), "\n\n")},
		// A longer and a shorter report of the hand-made quotes, a
		// new title for Brightwater and a speaker swapped.
		{ID: "hand-b", Published: "2017-10-07", Text: "Alan Brightwater, who chairs the Northern Energy Forum, said: " +
			"\"We will keep the northern pits open until the end of the decade, whatever London decides.\"\n\n" +
			"\"The talks were useful and frank,\" said Peter Lindqvist, the mayor of Carlisle.\n\n" +
			"Zara Quenby of the Quenby Foundation said: \"Nobody in this valley has heard a word from the ministry.\""},
		// The same text as hand-a's first sentence only, undated.
		{ID: "hand-c", Text: "Mr Alan Brightwater, the chief executive of Norland Mining, " +
			"said: \"We will keep the northern pits open until the end of the decade.\""},
	}
	for i, a := range dev[len(dev)/2+1:] {
		a.Published = fmt.Sprintf("2005-02-%02d", 10+i)
		bs = append(bs, a)
	}
	return as, bs
}

// extracted caches what the extractor reads out of the test articles:
// the tests ingest the same ones into several stores, and under the race
// detector extraction is most of their time.
var extracted sync.Map // ID and text -> extract.Document

func extractCached(t *testing.T, a extract.Article) extract.Document {
	t.Helper()
	key := a.ID + "\x00" + a.Published + "\x00" + a.Text
	if d, ok := extracted.Load(key); ok {
		return d.(extract.Document)
	}
	d, err := extract.New().Extract(context.Background(), a)
	if err != nil {
		t.Fatalf("Extract(%s): %v", a.ID, err)
	}
	extracted.Store(key, d)
	return d
}

func ingestAll(t *testing.T, s *Store, arts []extract.Article) {
	t.Helper()
	ctx := context.Background()
	for _, a := range arts {
		d := extractCached(t, a)
		if _, err := s.Ingest(ctx, a, d); err != nil {
			t.Fatalf("Ingest(%s): %v", a.ID, err)
		}
	}
}

func openDisk(t *testing.T, dir string) *Store {
	t.Helper()
	return openTest(t, Options{Dir: dir})
}

// openMemory opens an in-memory store, closed when the test ends.
func openMemory(t *testing.T) *Store {
	t.Helper()
	return openTest(t, Options{InMemory: true})
}

func openTest(t *testing.T, o Options) *Store {
	t.Helper()
	s, err := Open(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// dumpStore returns every key and value of the store as sorted lines:
// the whole state, index keys and counters included. Binary fields
// (ranks, counters) are shown in hex.
func dumpStore(t *testing.T, s *Store) []string {
	t.Helper()
	var lines []string
	err := s.db.View(func(txn *badger.Txn) error {
		return iterPrefix(txn, "", func(k []byte, item *badger.Item) (bool, error) {
			v, err := item.ValueCopy(nil)
			if err != nil {
				return false, err
			}
			lines = append(lines, printable(k)+" = "+printable(v))
			return true, nil
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(lines)
	return lines
}

func printable(b []byte) string {
	if utf8.Valid(b) && !strings.ContainsFunc(string(b), func(r rune) bool { return r < ' ' && r != 0 && r != '\n' }) {
		return strings.ReplaceAll(string(b), "\x00", "/")
	}
	return "0x" + hex.EncodeToString(b)
}

func diffDumps(got, want []string) string {
	g, w := map[string]bool{}, map[string]bool{}
	for _, l := range got {
		g[l] = true
	}
	for _, l := range want {
		w[l] = true
	}
	var b strings.Builder
	for _, l := range want {
		if !g[l] {
			fmt.Fprintf(&b, "- %.300s\n", l)
		}
	}
	for _, l := range got {
		if !w[l] {
			fmt.Fprintf(&b, "+ %.300s\n", l)
		}
	}
	return b.String()
}

// TestDeleteUndoesIngest ingests A then B, deletes B and compares the
// whole store, key for key and value for value, with a store that only
// ever saw A.
func TestDeleteUndoesIngest(t *testing.T) {
	ctx := context.Background()
	as, bs := deleteArticles(t)

	ref := openDisk(t, t.TempDir())
	ingestAll(t, ref, as)
	want := dumpStore(t, ref)

	s := openDisk(t, t.TempDir())
	ingestAll(t, s, as)
	ingestAll(t, s, bs)
	// B must have changed records A made, or the test proves little.
	shared := sharedChanges(want, dumpStore(t, s))
	t.Logf("records of A that B changed: %v", shared)
	for _, p := range []string{"e", "q", "c", "n"} {
		if shared[p] == 0 {
			t.Errorf("B changed no %s/ record of A: the articles do not overlap", p)
		}
	}
	for _, b := range bs {
		gen := s.Generation()
		if err := s.Delete(ctx, b.ID); err != nil {
			t.Fatalf("Delete(%s) = %v, want nil", b.ID, err)
		}
		if s.Generation() == gen {
			t.Errorf("Delete(%s) left Generation() at %d", b.ID, gen)
		}
		if err := s.Verify(ctx); err != nil {
			t.Fatalf("after Delete(%s): %v", b.ID, err)
		}
	}
	if diff := diffDumps(dumpStore(t, s), want); diff != "" {
		t.Errorf("A+B, then B deleted, differs from A alone (- only in A, + only after the delete):\n%s", diff)
	}
}

// sharedChanges counts, by table, the keys present in both dumps with
// different values.
func sharedChanges(a, b []string) map[string]int {
	val := map[string]string{}
	for _, l := range a {
		k, v, _ := strings.Cut(l, " = ")
		val[k] = v
	}
	n := map[string]int{}
	for _, l := range b {
		k, v, _ := strings.Cut(l, " = ")
		if old, ok := val[k]; ok && old != v {
			table, _, _ := strings.Cut(k, "/")
			n[table]++
		}
	}
	return n
}

// TestDeleteEverything deletes every document, in an order mixing A and
// B: the store verifies after each delete and ends holding nothing but
// its format version.
func TestDeleteEverything(t *testing.T) {
	ctx := context.Background()
	as, bs := deleteArticles(t)
	s := openDisk(t, t.TempDir())
	ingestAll(t, s, as)
	ingestAll(t, s, bs)
	var ids []string
	for i := 0; i < max(len(as), len(bs)); i++ {
		if i < len(bs) {
			ids = append(ids, bs[len(bs)-1-i].ID)
		}
		if i < len(as) {
			ids = append(ids, as[i].ID)
		}
	}
	for _, id := range ids {
		if err := s.Delete(ctx, id); err != nil {
			t.Fatalf("Delete(%s) = %v, want nil", id, err)
		}
		if err := s.Verify(ctx); err != nil {
			t.Fatalf("after Delete(%s): %v", id, err)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st != (Stats{}) {
		t.Errorf("Stats() after deleting everything = %+v, want all zero", st)
	}
	want := []string{printable([]byte(keyVersion)) + " = " + printable(binary.BigEndian.AppendUint64(nil, FormatVersion))}
	if diff := diffDumps(dumpStore(t, s), want); diff != "" {
		t.Errorf("store after deleting everything (- missing, + left over):\n%s", diff)
	}
}

// TestDeleteThenIngestAgain deletes B and ingests it again: the store is
// the one A then B built.
func TestDeleteThenIngestAgain(t *testing.T) {
	ctx := context.Background()
	as, bs := deleteArticles(t)
	ref := openDisk(t, t.TempDir())
	ingestAll(t, ref, as)
	ingestAll(t, ref, bs)
	want := dumpStore(t, ref)

	s := openDisk(t, t.TempDir())
	ingestAll(t, s, as)
	ingestAll(t, s, bs)
	deleteAll(t, s, bs, false)
	ingestAll(t, s, bs)
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	if diff := diffDumps(dumpStore(t, s), want); diff != "" {
		t.Errorf("A+B, B deleted and ingested again, differs from A+B (- only in A+B, + only after):\n%s", diff)
	}
}

// TestDeleteBeforeOthers deletes documents ingested before the ones that
// stay: merges then went the other way round (the deleted document made
// the records), and what cannot be undone stays, but the store must
// verify and hold no trace of the document.
func TestDeleteBeforeOthers(t *testing.T) {
	as, bs := deleteArticles(t)
	ref := openDisk(t, t.TempDir())
	ingestAll(t, ref, as)
	want := dumpStore(t, ref)

	s := openDisk(t, t.TempDir())
	ingestAll(t, s, bs)
	ingestAll(t, s, as)
	deleteAll(t, s, bs, true)
	got := dumpStore(t, s)
	for _, l := range got {
		for _, b := range bs {
			if strings.Contains(l, `"doc":"`+b.ID+`"`) || strings.Contains(l, "/"+b.ID+" =") {
				t.Errorf("deleted %s still in the store: %.200s", b.ID, l)
			}
		}
	}
	diff := diffDumps(got, want)
	t.Logf("%d lines differ from A alone (merges made by B first are kept):\n%s", strings.Count(diff, "\n"), diff)
}

func TestDeleteErrors(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	a := extract.Article{ID: "one", Text: "Anna Berg said: \"We are ready.\""}
	ingestAll(t, s, []extract.Article{a})
	gen := s.Generation()
	if err := s.Delete(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Delete(nope) = %v, want ErrNotFound", err)
	}
	if s.Generation() != gen {
		t.Errorf("a failed Delete moved Generation() from %d to %d", gen, s.Generation())
	}
	if err := s.Delete(ctx, "one"); err != nil {
		t.Fatalf("Delete(one) = %v, want nil", err)
	}
	if err := s.Delete(ctx, "one"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Delete(one) again = %v, want ErrNotFound", err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if err := s.Delete(cancelled, "one"); !errors.Is(err, context.Canceled) {
		t.Errorf("Delete with a cancelled context = %v, want context.Canceled", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	ro, err := Open(ctx, Options{Dir: dir, ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if err := ro.Delete(ctx, "one"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("Delete on a read-only store = %v, want ErrReadOnly", err)
	}
}

// TestDeleteNamedOnly covers an entity that a document's fact names
// without the document mentioning it (a speaker found by name in the
// store): deleting the document that mentioned it keeps it while the fact
// stands, and deleting the fact's document then removes it.
func TestDeleteNamedOnly(t *testing.T) {
	ctx := context.Background()
	s := openDisk(t, t.TempDir())
	x := extract.Article{ID: "x", Published: "2020-01-02", Text: "Zed Ombrell visited Lyon."}
	xd := extract.Document{ID: "x", Entities: []extract.Entity{
		{ID: "e1", Name: "Zed Ombrell", Type: 1, Mentions: []extract.Span{{Start: 0, End: 11}}},
	}}
	name := "Zed Ombrell"
	y := extract.Article{ID: "y", Published: "2020-01-03", Text: "\"All is well,\" came the answer."}
	yd := extract.Document{ID: "y", Quotes: []extract.Quote{
		{Speaker: &name, Text: "All is well,", Start: 1, End: 13, Direct: true, Cue: "came"},
	}}
	for _, p := range []struct {
		a extract.Article
		d extract.Document
	}{{x, xd}, {y, yd}} {
		if _, err := s.Ingest(ctx, p.a, p.d); err != nil {
			t.Fatal(err)
		}
	}
	q, err := s.Quotes(ctx, QuoteFilter{}, Page{First: 5})
	if err != nil || len(q.Items) != 1 || q.Items[0].SpeakerID == "" {
		t.Fatalf("Quotes() = %+v, %v; want one quote with a speaker", q.Items, err)
	}
	sid := q.Items[0].SpeakerID
	if err := s.Delete(ctx, "x"); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	e, err := s.Entity(ctx, sid)
	if err != nil {
		t.Fatalf("Entity(%s) after deleting the only document mentioning it, while a quote names it: %v", sid, err)
	}
	if e.Documents != 0 || e.Mentions != 0 {
		t.Errorf("Entity(%s) = %d documents, %d mentions; want 0, 0", sid, e.Documents, e.Mentions)
	}
	if err := s.Delete(ctx, "y"); err != nil {
		t.Fatal(err)
	}
	if err := s.Verify(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Entity(ctx, sid); !errors.Is(err, ErrNotFound) {
		t.Errorf("Entity(%s) after deleting the quote naming it = %v, want ErrNotFound", sid, err)
	}
	if got := dumpStore(t, s); len(got) != 1 {
		t.Errorf("store after deleting both documents holds %d keys, want 1 (the version):\n%s", len(got), strings.Join(got, "\n"))
	}
}

// recombined returns n articles made of paragraphs drawn from the seeds
// and the development set, so that names, quotes and sentences recur
// across them in every combination.
func recombined(t *testing.T, n int, seed uint64) []extract.Article {
	t.Helper()
	paras, err := corpus.Paragraphs("..")
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(seed, 11))
	arts := make([]extract.Article, n)
	for i := range arts {
		var body []string
		for range 4 + r.IntN(6) {
			body = append(body, paras[r.IntN(len(paras))])
		}
		pub := fmt.Sprintf("2017-%02d-%02d", 1+r.IntN(3), 1+r.IntN(5))
		if r.IntN(5) == 0 {
			pub = ""
		}
		arts[i] = extract.Article{ID: fmt.Sprintf("r%d-%03d", seed, i), Text: strings.Join(body, "\n\n"), Published: pub}
	}
	return arts
}

// TestDeleteRecombined is TestDeleteUndoesIngest on articles recombined
// from shared paragraphs, for several draws.
func TestDeleteRecombined(t *testing.T) {
	for seed := range uint64(4) {
		t.Run(fmt.Sprint("draw", seed), func(t *testing.T) {
			arts := recombined(t, 24, seed)
			as, bs := arts[:16], arts[16:]
			ref := openDisk(t, t.TempDir())
			ingestAll(t, ref, as)
			want := dumpStore(t, ref)
			s := openDisk(t, t.TempDir())
			ingestAll(t, s, arts)
			deleteAll(t, s, bs, true)
			got := dumpStore(t, s)
			if diff := diffDumps(mergeChoicesOut(t, got), mergeChoicesOut(t, want)); diff != "" {
				t.Errorf("A+B, then B deleted, differs from A alone (- only in A, + only after the delete):\n%s", diff)
			}
			t.Logf("%d lines differ in the merge choices a delete cannot always undo", strings.Count(diffDumps(got, want), "\n"))
		})
	}
}

// mergeChoicesOut removes from a dump what doc.go says a delete cannot
// always undo: entities' names, aliases and roles (with the name and word
// indexes, and the count of roles filed), and quotes' speakers, cue,
// place, medium, directness and own date (with the speaker index and
// counters, and the dates in the date and word indexes).
func mergeChoicesOut(t *testing.T, dump []string) []string {
	t.Helper()
	var out []string
	for _, l := range dump {
		k, v, _ := strings.Cut(l, " = ")
		table, _, _ := strings.Cut(k, "/")
		var drop []string
		switch table {
		case "n", "k", "qs", "qsn", "ro":
			continue
		case "e":
			drop = []string{"name", "aliases", "nroles"}
		case "q":
			drop = []string{"speaker", "speakers", "cue", "place", "medium", "direct"}
			if !strings.Contains(v, `"date_from_doc":true`) {
				drop = append(drop, "date")
			}
		case "qd", "qw":
			// The date goes, as the record's may: the index keys'
			// agreement with the records is Verify's to check.
			f := strings.Split(k, "/")
			l = strings.Join(append(f[:len(f)-2], f[len(f)-1]), "/") + " = " + v
		}
		if drop != nil {
			var m map[string]any
			if err := json.Unmarshal([]byte(v), &m); err != nil {
				t.Fatalf("%s: %v", k, err)
			}
			for _, f := range drop {
				delete(m, f)
			}
			b, err := json.Marshal(m)
			if err != nil {
				t.Fatal(err)
			}
			l = k + " = " + string(b)
		}
		out = append(out, l)
	}
	return out
}

// TestDeleteTooBig deletes a document in a store whose transactions are
// made too small for it: ErrTooBig, and the store is as it was.
func TestDeleteTooBig(t *testing.T) {
	ctx := context.Background()
	as, _ := deleteArticles(t)
	dir := t.TempDir()
	s, err := Open(ctx, Options{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ingestAll(t, s, as[:2])
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	small := func(o badger.Options) badger.Options {
		return o.WithMemTableSize(64 << 10).WithValueThreshold(1 << 10)
	}
	s, err = Open(ctx, Options{Dir: dir, tune: small})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	before := dumpStore(t, s)
	gen := s.Generation()
	if err := s.Delete(ctx, as[0].ID); !errors.Is(err, ErrTooBig) {
		t.Fatalf("Delete(%s) with 64 KiB memtables = %v, want ErrTooBig", as[0].ID, err)
	}
	if diff := diffDumps(dumpStore(t, s), before); diff != "" {
		t.Errorf("a refused Delete changed the store:\n%s", diff)
	}
	if s.Generation() != gen {
		t.Errorf("a refused Delete moved Generation() from %d to %d", gen, s.Generation())
	}
}

// deleteAll deletes arts from s, checking the store after each delete when
// verify is set.
func deleteAll(t *testing.T, s *Store, arts []extract.Article, verify bool) {
	t.Helper()
	for _, a := range arts {
		if err := s.Delete(context.Background(), a.ID); err != nil {
			t.Fatalf("Delete(%s) = %v, want nil", a.ID, err)
		}
		if !verify {
			continue
		}
		if err := s.Verify(context.Background()); err != nil {
			t.Fatalf("after Delete(%s): %v", a.ID, err)
		}
	}
}
