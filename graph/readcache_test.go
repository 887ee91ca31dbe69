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

	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || bulk[name] {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Body == nil {
				continue
			}
			checked++
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
		}
	}
	if checked < 100 {
		t.Fatalf("checked %d functions; is this the graph package's directory?", checked)
	}
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
	dump := func(what string, v any, err error) {
		j, _ := json.Marshal(v)
		fmt.Fprintf(&b, "%s: %s %v\n", what, j, err)
	}
	l, err := s.Entities(ctx, EntityFilter{}, Page{First: 40})
	dump("entities", l, err)
	for _, e := range l.Items {
		q.ids[e.ID] = true
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			q.names[n] = true
		}
	}
	for _, id := range slices.Sorted(maps.Keys(q.ids)) {
		got, err := s.Entity(ctx, id)
		dump("entity "+id, got, err)
		head, err := s.EntityHead(ctx, id)
		dump("head "+id, head, err)
		for _, o := range []NeighbourhoodOptions{{Depth: 2}, {Depth: 1, Limit: 6}, {Depth: 2, NoEdgeDates: true}} {
			sg, err := s.Neighbourhood(ctx, id, o)
			dump(fmt.Sprintf("neighbourhood %s %+v", id, o), sg, err)
		}
		rs, err := s.Relations(ctx, id, Page{First: 20})
		dump("relations of "+id, rs, err)
	}
	for _, n := range slices.Sorted(maps.Keys(q.names)) {
		byName, err := s.EntityByName(ctx, n)
		dump("name "+n, byName.ID, err)
		sg, err := s.Neighbourhood(ctx, n, NeighbourhoodOptions{Depth: 1})
		dump("neighbourhood "+n, sg, err)
		qs, err := s.Quotes(ctx, QuoteFilter{Speaker: n}, Page{First: 20})
		dump("quotes by "+n, qs, err)
		for _, q := range qs.Items {
			src, err := s.Sources(ctx, q.ID, -1)
			dump("sources of "+q.ID, src, err)
		}
	}
	for _, id := range q.docs {
		d, err := s.DocumentInfo(ctx, id)
		dump("document "+id, d, err)
	}
	return b.String()
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
	if _, ok := n.get(1, "name\x00kim"); ok {
		t.Error("a name picked by e2's mention count is kept after e2 changed")
	}
	if id, ok := n.get(1, "name\x00yun"); !ok || id != "e3" {
		t.Errorf("get(yun) = %q, %v; want e3 kept", id, ok)
	}
	n.advance(1, 2, []string{kName("yun")}, false)
	if _, ok := n.get(2, "name\x00yun"); ok {
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
