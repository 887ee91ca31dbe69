package graph

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"
)

// TestVerifyIndexes checks that Verify notices a weight index of
// mentioned_with edges, a speaker's quote counter, the variant
// signatures of a speaker's quote, a quote's sources and the documents'
// index of facts, or an entity's roles, that disagree with the data (TestSources
// breaks those of events and relations).
func TestVerifyIndexes(t *testing.T) {
	ctx := context.Background()
	const said = "We will keep talking to everyone"
	speakerKey := kQSpeaker("person:ann-lee", "2021-01-01", "q"+shortHash(NormQuote(said)))
	for _, tc := range []struct {
		name    string
		corrupt func(txn *badger.Txn) error
	}{
		{"stale rank key", func(txn *badger.Txn) error {
			return txn.Set([]byte(kCoocRank("person:ann-lee", 99, "person:bob-ray")), nil)
		}},
		{"speaker counter without quotes", func(txn *badger.Txn) error {
			return txn.Set([]byte(kQSpeakN("person:ann-lee")), []byte{0, 0, 0, 0, 0, 0, 0, 5})
		}},
		{"missing rank key", func(txn *badger.Txn) error {
			return txn.Delete([]byte(kCoocRank("person:ann-lee", 2, "person:bob-ray")))
		}},
		{"speaker key without signatures", func(txn *badger.Txn) error {
			if _, err := txn.Get([]byte(speakerKey)); err != nil {
				return fmt.Errorf("the quote's speaker key: %w", err)
			}
			return txn.Set([]byte(speakerKey), nil)
		}},
		{"signatures of other words", func(txn *badger.Txn) error {
			if _, err := txn.Get([]byte(speakerKey)); err != nil {
				return fmt.Errorf("the quote's speaker key: %w", err)
			}
			return txn.Set([]byte(speakerKey), quoteSigs([]string{"we will stop talking"}))
		}},
		{"stray word key", func(txn *badger.Txn) error {
			return txn.Set([]byte(kQWord("elephant", "2021-01-01", "q"+shortHash(NormQuote(said)))), nil)
		}},
		{"word key of a quote that is gone", func(txn *badger.Txn) error {
			return txn.Set([]byte(kQWord("talking", "2021-01-01", "q0000000000000000")), nil)
		}},
		{"missing word key", func(txn *badger.Txn) error {
			return txn.Delete([]byte(kQWord("talking", "2021-01-01", "q"+shortHash(NormQuote(said)))))
		}},
		{"missing source key", func(txn *badger.Txn) error {
			return txn.Delete([]byte(kFactSource("q"+shortHash(NormQuote(said)), 1)))
		}},
		{"source key out of sequence", func(txn *badger.Txn) error {
			qid := "q" + shortHash(NormQuote(said))
			if err := txn.Delete([]byte(kFactSource(qid, 1))); err != nil {
				return err
			}
			return txn.Set([]byte(kFactSource(qid, 2)), encodeSource(Source{Document: "b", Start: 21, End: 53}))
		}},
		{"source of a quote that is gone", func(txn *badger.Txn) error {
			return txn.Set([]byte(kFactSource("q0000000000000000", 0)), encodeSource(Source{Document: "a"}))
		}},
		{"missing document quote key", func(txn *badger.Txn) error {
			return txn.Delete([]byte(kDocFact("b", "q"+shortHash(NormQuote(said)))))
		}},
		{"stray document quote key", func(txn *badger.Txn) error {
			return txn.Set([]byte(kDocFact("a", "q0000000000000000")), nil)
		}},
		{"role of an entity that is gone", func(txn *badger.Txn) error {
			return txn.Set([]byte(kRole("person:nobody", "minister", "")), encodeRole(storedRole{Role: Role{Title: "minister"}}))
		}},
		{"role filed under another title", func(txn *badger.Txn) error {
			if err := txn.Delete([]byte(kRole("person:ann-lee", "minister", ""))); err != nil {
				return err
			}
			return txn.Set([]byte(kRole("person:ann-lee", "envoy", "")), encodeRole(storedRole{Role: Role{Title: "minister"}}))
		}},
		{"role ordered past those filed", func(txn *badger.Txn) error {
			return txn.Set([]byte(kRole("person:ann-lee", "minister", "")), encodeRole(storedRole{Seq: 1, Role: Role{Title: "minister"}}))
		}},
		{"stray date key", func(txn *badger.Txn) error {
			return txn.Set([]byte(kQDate("2020-01-01", "q"+shortHash(NormQuote(said)))), nil)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(ctx, Options{InMemory: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			for _, id := range []string{"a", "b"} {
				text := "Ann Lee met Bob Ray. " + said + ", she said."
				d := extract.Document{ID: id, Published: "2021-01-01", Entities: []extract.Entity{
					{ID: "1", Name: "Ann Lee", Type: kind.Person, Mentions: []extract.Span{{Start: 0, End: 7}},
						Roles: []extract.Role{{Title: "minister"}}},
					{ID: "2", Name: "Bob Ray", Type: kind.Person, Mentions: []extract.Span{{Start: 12, End: 19}}},
				}, Quotes: []extract.Quote{{SpeakerID: "1", Text: said, Start: 21, End: 21 + len(said)}}}
				if err := s.Put(ctx, extract.Article{ID: id, Text: text, Published: "2021-01-01"}, d); err != nil {
					t.Fatal(err)
				}
			}
			if err := s.Verify(ctx); err != nil {
				t.Fatalf("Verify() before breaking = %v, want nil", err)
			}
			if err := s.db.Update(tc.corrupt); err != nil {
				t.Fatal(err)
			}
			if err := s.Verify(ctx); !errors.Is(err, ErrInconsistent) {
				t.Errorf("Verify() = %v, want ErrInconsistent", err)
			}
		})
	}
}
