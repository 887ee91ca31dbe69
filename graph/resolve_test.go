package graph

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"
)

func TestDescribes(t *testing.T) {
	for _, tc := range []struct {
		typ   kind.Entity
		alias string
		want  bool
	}{
		{kind.Person, "The prime minister", true},
		{kind.Person, "the Mayor of London", true},
		{kind.Person, "his chief diplomat", true},
		{kind.Person, "Her lawyer", true},
		{kind.Person, "rocket man", false},
		{kind.Person, "Mr Bellandi", false},
		{kind.Person, "Bellandi", false},
		{kind.Person, "da Silva", false},
		{kind.Person, "Little Rocket Man", false},
		{kind.Person, "Theo Walcott", false},
		{kind.Person, "", false},
		{kind.Org, "the State Department", false},
		{kind.Place, "the Gulf", false},
	} {
		if got := describes(tc.typ, tc.alias); got != tc.want {
			t.Errorf("describes(%v, %q) = %v, want %v", tc.typ, tc.alias, got, tc.want)
		}
	}
}

// TestDescriptionsDoNotMerge ingests two articles about two prime
// ministers, each called "the prime minister" once: they stay two people,
// and each keeps the description as an alias.
func TestDescriptionsDoNotMerge(t *testing.T) {
	ctx := context.Background()
	arts := []extract.Article{
		{ID: "a1", Published: "2005-01-10", Text: "Prime Minister Marco Bellandi, who promised lower taxes, won a vote in parliament on Monday. " +
			"The prime minister's office said the result showed the coalition was united. Mr Bellandi will now present his budget."},
		{ID: "a2", Published: "2005-02-11", Text: "Prime Minister Joseph Ndongo, who vowed to tackle corruption, said those found guilty would be punished. " +
			"The prime minister's office said the fraud was uncovered by an audit. Mr Ndongo took office last year."},
	}
	s, err := Open(ctx, Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, a := range arts {
		d := extractCached(t, a)
		described := false
		for _, e := range d.Entities {
			for _, al := range e.Aliases {
				described = described || describes(e.Type, al)
			}
		}
		if !described {
			t.Fatalf("the extractor gives no descriptive alias in %s: the test tests nothing", a.ID)
		}
		if err := s.Put(ctx, a, d); err != nil {
			t.Fatal(err)
		}
	}
	bellandi, err := s.EntityByName(ctx, "Marco Bellandi")
	if err != nil {
		t.Fatal(err)
	}
	ndongo, err := s.EntityByName(ctx, "Joseph Ndongo")
	if err != nil {
		t.Fatal(err)
	}
	if bellandi.ID == ndongo.ID {
		t.Fatalf("Marco Bellandi and Joseph Ndongo are one entity %s, aliases %q", bellandi.ID, bellandi.Aliases)
	}
	for _, e := range []Entity{bellandi, ndongo} {
		if !slices.Contains(e.Aliases, "The prime minister") {
			t.Errorf("%s: aliases %q, want the description kept", e.Name, e.Aliases)
		}
	}
	if err := s.Verify(ctx); err != nil {
		t.Error(err)
	}
}

// TestNameResolutionFollowsWrites asks for a name before and after
// documents that change what it resolves to: the most mentioned of the
// entities filed under it, and then one that did not exist; then deletes
// the document again. Answers, entity heads and records are kept until
// the next write (Store.resolved, EntityHead, Store.entityRecord), so a
// stale one shows here, and so does a kept record a caller changed.
func TestNameResolutionFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	// The place and the person share the name's spans: what counts here
	// is how many mentions each gets.
	text := `Jordan said "we will help" to Jordan. Jordan, Jordan and Ann Lee agreed.`
	spans := func(word string, n int) []extract.Span {
		var out []extract.Span
		for at := 0; len(out) < n; {
			i := strings.Index(text[at:], word)
			if i < 0 {
				t.Fatalf("%q is in the text fewer than %d times", word, n)
			}
			out = append(out, extract.Span{Start: at + i, End: at + i + len(word)})
			at += i + len(word)
		}
		return out
	}
	speaker, said := "Jordan", spans("we will help", 1)[0]
	put := func(id string, place, person int, annLee bool) {
		t.Helper()
		d := extract.Document{ID: id, Published: "2021-01-01", Entities: []extract.Entity{
			{ID: "1", Name: "Jordan", Type: kind.Place, Mentions: spans("Jordan", place)},
			{ID: "2", Name: "Jordan", Type: kind.Person, Mentions: spans("Jordan", person)},
		}, Quotes: []extract.Quote{{Speaker: &speaker, SpeakerID: "2", Text: "we will help", Start: said.Start, End: said.End, Direct: true}}}
		if annLee {
			d.Entities = append(d.Entities, extract.Entity{ID: "3", Name: "Ann Lee", Type: kind.Person, Mentions: spans("Ann Lee", 1),
				Roles: []extract.Role{{Title: "envoy"}}})
		}
		if err := s.Put(ctx, extract.Article{ID: id, Text: text, Published: "2021-01-01"}, d); err != nil {
			t.Fatal(err)
		}
	}
	check := func(when string, wantType kind.Entity, wantQuotes int, wantAnnLee bool, personMentions int) {
		t.Helper()
		for range 2 { // the second time from what the first kept
			if p, err := s.Entity(ctx, "person:jordan"); err != nil || p.Mentions != personMentions {
				t.Errorf("%s: Entity(person:jordan) has %d mentions, %v; want %d", when, p.Mentions, err, personMentions)
			}
			ann, err := s.EntityByName(ctx, "Ann Lee")
			if found := err == nil && len(ann.Roles) == 1 && ann.Roles[0].Title == "envoy"; found != wantAnnLee {
				t.Errorf("%s: EntityByName(Ann Lee) = %+v, %v; want found %v, an envoy", when, ann, err, wantAnnLee)
			}
			if len(ann.Roles) > 0 {
				ann.Roles[0].Title = "changed by a caller" // must not reach the next reader
			}
			head, err := s.EntityHead(ctx, "person:ann-lee")
			if found := err == nil && head.Name == "Ann Lee"; found != wantAnnLee || (err != nil && !errors.Is(err, ErrNotFound)) {
				t.Errorf("%s: EntityHead(person:ann-lee) = %+v, %v; want found %v", when, head, err, wantAnnLee)
			}
			e, err := s.EntityByName(ctx, "jordan")
			if err != nil || e.Type != wantType {
				t.Errorf("%s: EntityByName(jordan) = %s %v, %v; want the %v", when, e.ID, e.Type, err, wantType)
			}
			l, err := s.Quotes(ctx, QuoteFilter{Speaker: "Jordan"}, Page{First: 10})
			if err != nil || len(l.Items) != wantQuotes {
				t.Errorf("%s: quotes of Jordan = %d, %v; want %d", when, len(l.Items), err, wantQuotes)
			}
			sg, err := s.Neighbourhood(ctx, "Ann Lee", NeighbourhoodOptions{})
			if found := err == nil && len(sg.Nodes) > 0; found != wantAnnLee || (err != nil && !errors.Is(err, ErrNotFound)) {
				t.Errorf("%s: neighbourhood of Ann Lee: %d nodes, %v; want found %v", when, len(sg.Nodes), err, wantAnnLee)
			}
		}
	}
	put("d0", 3, 1, false)
	check("the place more mentioned", kind.Place, 0, false, 1)
	put("d1", 0, 4, true)
	check("then the person", kind.Person, 1, true, 5)
	if err := s.Delete(ctx, "d1"); err != nil {
		t.Fatal(err)
	}
	check("the person's document deleted", kind.Place, 0, false, 1)
}
