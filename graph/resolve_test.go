package graph

import (
	"context"
	"slices"
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
