package graph

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"
)

// vquote is a quote of a variant test: its text, its speaker (1 Ann Lee,
// 2 Bob Ray) and its own date, if any.
type vquote struct {
	text    string
	speaker int
	date    string
}

// variantDoc builds a document published on pub that quotes qs.
func variantDoc(id, pub string, qs ...vquote) (extract.Article, extract.Document) {
	text := "Ann Lee met Bob Ray."
	d := extract.Document{ID: id, Published: pub, Entities: []extract.Entity{
		{ID: "1", Name: "Ann Lee", Type: kind.Person, Mentions: []extract.Span{{Start: 0, End: 7}}},
		{ID: "2", Name: "Bob Ray", Type: kind.Person, Mentions: []extract.Span{{Start: 12, End: 19}}},
	}}
	for _, q := range qs {
		text += " "
		d.Quotes = append(d.Quotes, extract.Quote{SpeakerID: fmt.Sprint(max(q.speaker, 1)), Text: q.text,
			Date: q.date, Start: len(text), End: len(text) + len(q.text)})
		text += q.text + "."
	}
	return extract.Article{ID: id, Text: text, Published: pub}, d
}

// TestVariantMerges: shorter and longer reports of a speaker's words
// merge as the package doc says, one by one and in one batch alike; the
// signatures in the speaker index change none of it.
func TestVariantMerges(t *testing.T) {
	ctx := context.Background()
	const long, short = "we will not give up on the talks", "we will not give up"
	type vdoc struct {
		pub    string
		quotes []vquote
	}
	for _, tc := range []struct {
		name   string
		docs   []vdoc
		quotes int // quotes stored in the end
	}{
		{"shorter after longer", []vdoc{{"2021-01-01", []vquote{{text: long}}}, {"2021-01-05", []vquote{{text: short}}}}, 1},
		{"longer after shorter", []vdoc{{"2021-01-01", []vquote{{text: short}}}, {"2021-01-05", []vquote{{text: long}}}}, 1},
		{"the shorter has two words", []vdoc{{"2021-01-01", []vquote{{text: long}}}, {"2021-01-05", []vquote{{text: "give up"}}}}, 2},
		{"more than 92 days apart", []vdoc{{"2021-01-01", []vquote{{text: long}}}, {"2021-06-01", []vquote{{text: short}}}}, 2},
		{"dated by the source within 92 days", []vdoc{{"2021-01-01", []vquote{{text: long}}}, {"2021-06-01", []vquote{{text: short, date: "2021-02-01"}}}}, 1},
		{"another speaker", []vdoc{{"2021-01-01", []vquote{{text: long}}}, {"2021-01-05", []vquote{{text: short, speaker: 2}}}}, 2},
		{"the same words in another order", []vdoc{{"2021-01-01", []vquote{{text: short}}}, {"2021-01-05", []vquote{{text: "give up we will not"}}}}, 2},
		{"in the words of a merged variant only", []vdoc{
			{"2021-01-01", []vquote{{text: "alpha beta gamma delta"}}},
			{"2021-01-03", []vquote{{text: "alpha beta gamma delta epsilon zeta"}}},
			{"2021-01-05", []vquote{{text: "delta epsilon zeta"}}}}, 1},
		// The second quote matches only through the variant the first
		// added to the stored quote a moment before.
		{"a document lengthens a quote, then shortens it", []vdoc{
			{"2021-01-01", []vquote{{text: "alpha beta gamma delta"}}},
			{"2021-01-05", []vquote{{text: "alpha beta gamma delta epsilon zeta"}, {text: "delta epsilon zeta"}}}}, 1},
		// Only earlier documents are searched.
		{"the same document", []vdoc{{"2021-01-01", []vquote{{text: long}, {text: short}}}}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var items []BatchItem
			for i, d := range tc.docs {
				a, doc := variantDoc(fmt.Sprint("doc", i), d.pub, d.quotes...)
				items = append(items, BatchItem{Article: a, Document: doc})
			}
			var dumps []map[string]string
			for _, batched := range []bool{false, true} {
				s, err := Open(ctx, Options{InMemory: true})
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				if batched {
					if _, err := s.IngestBatch(ctx, items); err != nil {
						t.Fatal(err)
					}
				} else {
					for _, it := range items {
						if _, err := s.Ingest(ctx, it.Article, it.Document); err != nil {
							t.Fatal(err)
						}
					}
				}
				st, err := s.Stats(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if st.Quotes != tc.quotes {
					t.Errorf("batched %v: %d quotes stored, want %d", batched, st.Quotes, tc.quotes)
				}
				if err := s.Verify(ctx); err != nil {
					t.Errorf("batched %v: %v", batched, err)
				}
				kv, err := DumpKV(s)
				if err != nil {
					t.Fatal(err)
				}
				dumps = append(dumps, kv)
			}
			if d := diffKVs(dumps[1], dumps[0]); d != "" {
				t.Errorf("one batch differs from one by one:\n%s", d)
			}
		})
	}
}

func diffKVs(got, want map[string]string) string {
	var b strings.Builder
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			fmt.Fprintf(&b, "%q = %.80q (present %v), want %.80q\n", k, g, ok, v)
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			fmt.Fprintf(&b, "%q = %.80q, want no such key\n", k, v)
		}
	}
	return b.String()
}

// TestVariantSearchReadsPossibleMatchesOnly: the variant search reads the
// record of a speaker's quote only when the signatures in its qs/ key
// allow a match. A record that cannot be read shows which were read.
func TestVariantSearchReadsPossibleMatchesOnly(t *testing.T) {
	ctx := context.Background()
	const stored = "we will not give up on the talks"
	for _, tc := range []struct {
		name     string
		text     string
		wantRead bool
	}{
		{"other words", "the weather was fine all week", false},
		{"some of the words", "we will talk again", false},
		{"a shorter report", "not give up on", true},
		{"a longer report", "and " + stored + " ever", true},
		{"the words in another order", "on the talks we will not give up", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(ctx, Options{InMemory: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			a, d := variantDoc("a", "2021-01-01", vquote{text: stored})
			if _, err := s.Ingest(ctx, a, d); err != nil {
				t.Fatal(err)
			}
			key := kQuote("q" + shortHash(NormQuote(stored)))
			if err := s.db.Update(func(txn *badger.Txn) error {
				if _, err := txn.Get([]byte(key)); err != nil {
					return fmt.Errorf("the stored quote: %w", err)
				}
				return txn.Set([]byte(key), []byte("not a quote"))
			}); err != nil {
				t.Fatal(err)
			}
			// Written behind the Store's back: move its generation on, as
			// its own writes do, so that its hot cache forgets the quote.
			s.committed(nil)
			a, d = variantDoc("b", "2021-01-05", vquote{text: tc.text})
			_, err = s.Ingest(ctx, a, d)
			if read := err != nil && strings.Contains(err.Error(), "decode"); read != tc.wantRead || err != nil && !read {
				t.Errorf("Ingest(%q) = %v; want the stored record read: %v", tc.text, err, tc.wantRead)
			}
		})
	}
}
