package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestWritesGoThroughWriteTxn checks, in the package's source, that what
// writes to Badger is known to Store.committed: the read caches keep
// records across writes and rely on each write naming the keys it
// changed. A new way of writing fails here until it is added below, with
// its call of committed.
func TestWritesGoThroughWriteTxn(t *testing.T) {
	// Functions that open a write transaction or write in bulk, each of
	// which wraps it in a writeTxn or is followed by committed(nil).
	openers := map[string]bool{
		"newBatch":     true, // newWriteTxn; commitBatch calls committed
		"Delete":       true, // a writeTxn; committed
		"checkVersion": true, // the version key at Open, before any read
	}
	// Files whose writes are all followed by committed(nil): an upgrade,
	// a restore.
	bulk := map[string]bool{"upgrade.go": true, "backup.go": true}
	opening := []string{"NewTransaction", "Update", "NewWriteBatch", "NewManagedWriteBatch", "Load", "DropPrefix", "DropAll"}
	writing := map[string]bool{"Set": true, "Delete": true, "SetEntry": true}

	checked := eachFunc(t, bulk, func(fset *token.FileSet, name string, fn *ast.FuncDecl) {
		// Parameters that are bare Badger transactions.
		bare := map[string]bool{}
		for _, p := range fn.Type.Params.List {
			if star, ok := p.Type.(*ast.StarExpr); ok {
				if sel, ok := star.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "Txn" {
					for _, n := range p.Names {
						bare[n.Name] = true
					}
				}
			}
		}
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			at := fset.Position(call.Pos())
			for _, o := range opening {
				if sel.Sel.Name == o && isDB(sel.X) && !readOnly(call) && !openers[fn.Name.Name] {
					t.Errorf("%s: %s calls %s: a write the read caches do not hear of (see Store.committed)", at, fn.Name.Name, o)
				}
			}
			if !writing[sel.Sel.Name] {
				return true
			}
			switch x := sel.X.(type) {
			case *ast.SelectorExpr:
				if x.Sel.Name == "Txn" && name != "readcache.go" {
					t.Errorf("%s: %s writes through a bare transaction (.Txn.%s): use the writeTxn", at, fn.Name.Name, sel.Sel.Name)
				}
			case *ast.Ident:
				if bare[x.Name] && !openers[fn.Name.Name] {
					t.Errorf("%s: %s writes to its *badger.Txn parameter %s: take a writeTxn", at, fn.Name.Name, x.Name)
				}
			}
			return true
		})
	})
	if checked < 100 {
		t.Fatalf("checked %d functions; is this the graph package's directory?", checked)
	}
}

// TestQueryReadsAreNoted parses the package's source: every read of a
// key or of a range (Get, NewIterator) is in a helper that notes it for
// the reader's ReadSet (get, iterate; the key walker's iterators, whose
// walks note their prefixes), or in a function that reads for a write,
// whose reads no answer is kept from.
func TestQueryReadsAreNoted(t *testing.T) {
	noting := map[string]bool{"get": true, "iterate": true, "iter": true}
	// Reads of ingests, deletes, upgrades and restores: what they read
	// is written, not answered.
	writing := map[string]bool{
		"findQuote": true, "speakerQuotes": true, // put.go: the variant search of a quote being stored
		"fileRole": true, // roles.go: a role being filed
	}
	writeFiles := map[string]bool{"batch.go": true, "batchview.go": true, "delete.go": true,
		"upgrade.go": true, "backup.go": true, "hotcache.go": true}
	reading := map[string]bool{"Get": true, "NewIterator": true, "NewKeyIterator": true}
	found := 0
	eachFunc(t, writeFiles, func(fset *token.FileSet, _ string, fn *ast.FuncDecl) {
		ast.Inspect(fn.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || !reading[sel.Sel.Name] {
				return true
			}
			found++
			if !noting[fn.Name.Name] && !writing[fn.Name.Name] {
				t.Errorf("%s: %s calls %s: read through get or iterate, so that an answer cached from it hears of a write (see ReadSet)",
					fset.Position(call.Pos()), fn.Name.Name, sel.Sel.Name)
			}
			return true
		})
	})
	if found < 4 {
		t.Fatalf("found %d reads; is this the graph package's directory?", found)
	}
}

// eachFunc parses the package's source, but its tests and the files
// skip names, and calls fn with each function that has a body. It
// returns how many there were.
func eachFunc(t *testing.T, skip map[string]bool, fn func(fset *token.FileSet, file string, f *ast.FuncDecl)) int {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	n := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || skip[name] {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				n++
				fn(fset, name, fd)
			}
		}
	}
	return n
}

// isDB reports whether x reads as the Store's Badger handle (s.db, b.db,
// db).
func isDB(x ast.Expr) bool {
	switch x := x.(type) {
	case *ast.SelectorExpr:
		return x.Sel.Name == "db"
	case *ast.Ident:
		return x.Name == "db"
	}
	return false
}

// readOnly reports whether call is NewTransaction(false).
func readOnly(call *ast.CallExpr) bool {
	if len(call.Args) != 1 {
		return false
	}
	id, ok := call.Args[0].(*ast.Ident)
	return ok && id.Name == "false"
}

// TestReadCachesFollowWrites asks the same questions before and after
// each write (ingests of articles that share people, quotes and
// sentences, and deletes), so that the read caches hold records from
// before the write; the answers after it must be those of a store with
// every cache dropped.
func TestReadCachesFollowWrites(t *testing.T) {
	ctx := context.Background()
	arts := recombined(t, 36, 3)
	s := openMemory(t)
	ingest := func(as []extract.Article) {
		t.Helper()
		for _, a := range as {
			if _, err := s.Ingest(ctx, a, extractCached(t, a)); err != nil {
				t.Fatalf("Ingest(%s): %v", a.ID, err)
			}
		}
	}
	q := &asked{ids: map[string]bool{}, names: map[string]bool{}}
	for _, a := range arts {
		q.docs = append(q.docs, a.ID)
	}
	ingest(arts[:12])
	for i, write := range []struct {
		name string
		do   func()
	}{
		{"ingest 12 more", func() { ingest(arts[12:24]) }},
		{"ingest one", func() { ingest(arts[24:25]) }},
		{"delete three", func() { deleteAll(t, s, arts[3:6], false) }},
		{"ingest 11 more", func() { ingest(arts[25:]) }},
		{"ingest the deleted again", func() { ingest(arts[3:6]) }},
		{"delete one", func() { deleteAll(t, s, arts[20:21], false) }},
	} {
		answers(t, s, q) // fills the caches
		before := s.Generation()
		write.do()
		if s.Generation() == before {
			t.Fatalf("write %d (%s) left the generation at %d", i, write.name, before)
		}
		// The point of noting what a write changed: the records of the
		// documents it did not touch stay.
		if len(s.docInfo.recs) == 0 {
			t.Errorf("write %d (%s) dropped every document the cache held", i, write.name)
		}
		// A cache that a write does not move on misses ever after.
		for name, gen := range cacheGenerations(s) {
			if gen != s.Generation() {
				t.Errorf("after write %d (%s), cache %s is at generation %d, the store at %d: is it in Store.committed?",
					i, write.name, name, gen, s.Generation())
			}
		}
		got := answers(t, s, q)
		s.committed(nil)
		if want := answers(t, s, q); got != want {
			t.Errorf("after write %d (%s), answers from the caches differ from answers without them:\n%s",
				i, write.name, diffDumps(strings.Split(got, "\n"), strings.Split(want, "\n")))
		}
	}
}

// TestReadCachesUnderConcurrentWrites asks questions while articles are
// ingested and deleted, so that records are read and filed while writes
// commit; once the writes are done, the answers from the caches must be
// those of a store with every cache dropped.
func TestReadCachesUnderConcurrentWrites(t *testing.T) {
	ctx := context.Background()
	arts := recombined(t, 30, 4)
	for _, a := range arts {
		extractCached(t, a) // before the readers start: extraction is slow under -race
	}
	s := openMemory(t)
	ingest := func(as []extract.Article) {
		for _, a := range as {
			if _, err := s.Ingest(ctx, a, extractCached(t, a)); err != nil {
				t.Errorf("Ingest(%s): %v", a.ID, err)
			}
		}
	}
	ingest(arts[:10])
	var readers sync.WaitGroup
	stop := make(chan struct{})
	for range 2 {
		q := &asked{ids: map[string]bool{}, names: map[string]bool{}}
		readers.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
					answers(t, s, q)
				}
			}
		})
	}
	ingest(arts[10:20])
	deleteAll(t, s, arts[2:5], false)
	ingest(arts[20:])
	ingest(arts[2:5])
	close(stop)
	readers.Wait()
	q := &asked{ids: map[string]bool{}, names: map[string]bool{}}
	for _, a := range arts {
		q.docs = append(q.docs, a.ID)
	}
	answers(t, s, q) // what a reader asks is in the caches, or read now
	got := answers(t, s, q)
	s.committed(nil)
	if want := answers(t, s, q); got != want {
		t.Errorf("after concurrent writes, answers from the caches differ from answers without them:\n%s",
			diffDumps(strings.Split(got, "\n"), strings.Split(want, "\n")))
	}
}

// asked is what answers asks about: the most mentioned entities of each
// time it is called, kept, so that entities deleted later are asked
// about too, and the documents.
type asked struct {
	ids, names map[string]bool
	docs       []string
}

// answers asks the store what the read caches serve and dumps the
// answers.
func answers(t *testing.T, s *Store, q *asked) string {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	for _, qn := range questions(ctx, s, q) {
		v, err := qn.ask(ctx)
		j, _ := json.Marshal(v)
		fmt.Fprintf(&b, "%s: %s %v\n", qn.name, j, err)
	}
	return b.String()
}

// question is one call of a Store query.
type question struct {
	name string
	ask  func(context.Context) (any, error)
}

// questions are the Store queries answers asks, about the most mentioned
// entities, the names and IDs asked before (q), and q's documents.
func questions(ctx context.Context, s *Store, q *asked) []question {
	var out []question
	add := func(name string, ask func(context.Context) (any, error)) {
		out = append(out, question{name, ask})
	}
	l, err := s.Entities(ctx, EntityFilter{}, Page{First: 40})
	add("entities", func(ctx context.Context) (any, error) { return s.Entities(ctx, EntityFilter{}, Page{First: 40}) })
	if err == nil {
		for _, e := range l.Items {
			q.ids[e.ID] = true
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				q.names[n] = true
			}
		}
	}
	for _, id := range slices.Sorted(maps.Keys(q.ids)) {
		add("entity "+id, func(ctx context.Context) (any, error) { return s.Entity(ctx, id) })
		add("head "+id, func(ctx context.Context) (any, error) { return s.EntityHead(ctx, id) })
		for _, o := range []NeighbourhoodOptions{{Depth: 2}, {Depth: 1, Limit: 6}, {Depth: 2, NoEdgeDates: true}} {
			add(fmt.Sprintf("neighbourhood %s %+v", id, o), func(ctx context.Context) (any, error) { return s.Neighbourhood(ctx, id, o) })
		}
		add("relations of "+id, func(ctx context.Context) (any, error) { return s.Relations(ctx, id, Page{First: 20}) })
	}
	for _, n := range slices.Sorted(maps.Keys(q.names)) {
		add("name "+n, func(ctx context.Context) (any, error) {
			e, err := s.EntityByName(ctx, n)
			return e.ID, err
		})
		add("neighbourhood "+n, func(ctx context.Context) (any, error) {
			return s.Neighbourhood(ctx, n, NeighbourhoodOptions{Depth: 1})
		})
		add("quotes by "+n, func(ctx context.Context) (any, error) {
			qs, err := s.Quotes(ctx, QuoteFilter{Speaker: n}, Page{First: 20})
			if err != nil {
				return nil, err
			}
			var srcs [][]Source
			for _, q := range qs.Items {
				src, err := s.Sources(ctx, q.ID, -1)
				if err != nil {
					return nil, err
				}
				srcs = append(srcs, src)
			}
			return []any{qs, srcs}, nil
		})
	}
	for _, id := range q.docs {
		add("document "+id, func(ctx context.Context) (any, error) { return s.DocumentInfo(ctx, id) })
	}
	return out
}

// TestCacheHitsNoteWhatMissesRead asks each question twice, with the read
// caches empty and then full, and compares what each call noted that it
// read (ReadSet): a record served from a cache must be noted as what its
// miss would have read, or an answer kept by the answer cache (schema)
// would outlive a write that changed it.
func TestCacheHitsNoteWhatMissesRead(t *testing.T) {
	ctx := context.Background()
	arts := recombined(t, 24, 3)
	s := openMemory(t)
	for _, a := range arts[:20] {
		if _, err := s.Ingest(ctx, a, extractCached(t, a)); err != nil {
			t.Fatalf("Ingest(%s): %v", a.ID, err)
		}
	}
	q := &asked{ids: map[string]bool{}, names: map[string]bool{}}
	for _, a := range arts {
		q.docs = append(q.docs, a.ID)
	}
	qs := questions(ctx, s, q)
	if len(qs) < 50 {
		t.Fatalf("%d questions, want 50 or more", len(qs))
	}
	noted := func(qn question) ([]string, string) {
		ctx, rs := WithReadSet(ctx)
		v, err := qn.ask(ctx)
		j, _ := json.Marshal(v)
		keys := rs.Keys()
		slices.Sort(keys)
		return keys, fmt.Sprintf("%s %v", j, err)
	}
	for _, qn := range qs {
		s.committed(nil) // every cache empty
		cold, coldAnswer := noted(qn)
		warm, warmAnswer := noted(qn)
		if len(cold) == 0 {
			t.Errorf("%s: noted no read", qn.name)
		}
		if warmAnswer != coldAnswer {
			t.Errorf("%s: answer from the caches differs:\n%s\nwithout them:\n%s", qn.name, warmAnswer, coldAnswer)
		}
		if !slices.Equal(cold, warm) {
			t.Errorf("%s: with the caches full noted %q, with them empty %q", qn.name, warm, cold)
		}
	}
}

// TestGenCacheAdvance checks what a cache keeps across a write, and that
// a reader that began before the write cannot file what it read.
func TestGenCacheAdvance(t *testing.T) {
	var c genCache[string]
	c.put(0, "a", "a0")
	c.put(0, "b", "b0")
	c.advance(0, 1, []string{"a"}, false)
	if _, ok := c.get(1, "a"); ok {
		t.Error("a, changed by the write, is still kept")
	}
	if v, ok := c.get(1, "b"); !ok || v != "b0" {
		t.Errorf("get(b) = %q, %v; want b0 kept across a write that did not change it", v, ok)
	}
	if _, ok := c.get(0, "b"); ok {
		t.Error("a reader that began before the write is served from the cache")
	}
	c.put(0, "a", "a0") // read before the write: may be stale
	if _, ok := c.get(1, "a"); ok {
		t.Error("a record read before the write was filed after it")
	}
	c.put(1, "a", "a1")
	if v, _ := c.get(1, "a"); v != "a1" {
		t.Errorf("get(a) = %q, want a1", v)
	}
	c.advance(5, 6, nil, false) // a cache that missed writes 2 to 5
	if _, ok := c.get(6, "b"); ok {
		t.Error("a cache that missed writes kept its records")
	}
	c.put(6, "b", "b6")
	c.advance(6, 7, nil, true)
	if _, ok := c.get(7, "b"); ok {
		t.Error("advance(all) kept a record")
	}

	var n nameCache
	n.put(0, "name\x00kim", "e1", []string{kName("kim"), kEnt("e1"), kEnt("e2")})
	n.put(0, "name\x00yun", "e3", []string{kName("yun")})
	n.advance(0, 1, []string{kEnt("e2")}, false)
	if _, _, ok := n.get(1, "name\x00kim"); ok {
		t.Error("a name picked by e2's mention count is kept after e2 changed")
	}
	if id, read, ok := n.get(1, "name\x00yun"); !ok || id != "e3" || !slices.Equal(read, []string{kName("yun")}) {
		t.Errorf("get(yun) = %q, %q, %v; want e3 kept, read from yun's list", id, read, ok)
	}
	n.advance(1, 2, []string{kName("yun")}, false)
	if _, _, ok := n.get(2, "name\x00yun"); ok {
		t.Error("a name is kept after its list changed")
	}
}

// cacheGenerations returns the generation of each read cache of s: the
// fields of type genCache or nameCache.
func cacheGenerations(s *Store) map[string]uint64 {
	out := map[string]uint64{}
	v := reflect.ValueOf(s).Elem()
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if name := f.Type.Name(); strings.HasPrefix(name, "genCache[") || name == "nameCache" {
			out[f.Name] = v.Field(i).FieldByName("gen").Uint()
		}
	}
	return out
}
