package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kind"
)

var testExtractor = New()

func extractText(t *testing.T, text string) Document {
	t.Helper()
	d, err := testExtractor.Extract(context.Background(), Article{ID: "t", Text: text, Published: "2017-11-01"})
	if err != nil {
		t.Fatalf("Extract(%q): %v", text, err)
	}
	return d
}

func entityNamed(d Document, name string) *Entity {
	for i := range d.Entities {
		if d.Entities[i].Name == name {
			return &d.Entities[i]
		}
	}
	return nil
}

// entityWithForm finds the entity that has form as its name or an alias.
func entityWithForm(d Document, form string) *Entity {
	for i := range d.Entities {
		e := &d.Entities[i]
		if e.Name == form {
			return e
		}
		for _, a := range e.Aliases {
			if a == form {
				return e
			}
		}
	}
	return nil
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name, text string
		entity     string
		want       kind.Entity // kind.Unknown: must not be an entity
	}{
		{"given name", "Yesterday Tony Blair visited the school.", "Tony Blair", kind.Person},
		{"honorific", "The plan was backed by Mr Obuya on Friday.", "Obuya", kind.Person},
		{"title", "It was signed by President Zelnak in the capital.", "Zelnak", kind.Person},
		{"lower-case title", "The club sold striker Dovrani Pell last week.", "Dovrani Pell", kind.Person},
		{"age", "Gert Vanloo, 45, was arrested.", "Gert Vanloo", kind.Person},
		{"org cue", "Profits at Halvorsen Motors rose.", "Halvorsen Motors", kind.Org},
		{"person named after an org", "For Labour Peter Hendry said the plan would fail.", "Peter Hendry", kind.Person},
		{"org of", "He joined the Bank of England in May.", "Bank of England", kind.Org},
		{"org for and", "He spoke to the Centre for Strategic and International Studies.", "Centre for Strategic and International Studies", kind.Org},
		{"country", "Talks with North Korea stalled.", "North Korea", kind.Place},
		{"demonym is the country", "North Korean officials met.", "North Korea", kind.Place},
		{"a demonym describing a thing is no country", "It gave feta the protection of Italian Parma ham.", "Italian", kind.Unknown},
		{"a demonym of a leader is the country", "He met the Italian leader Silvio Berlusconi.", "Italian", kind.Place},
		{"the title of a show", "He appeared on the Wright Stuff show on Monday.", "Wright Stuff", kind.Unknown},
		{"a show named for its host keeps the host", "He appeared on the Jerry Springer show on Monday.", "Jerry Springer", kind.Person},
		{"an institution named for a saint", "A spokeswoman for the St David's Shopping Centre in Cardiff spoke.", "St David's Shopping Centre", kind.Org},
		{"a common word that speaks is a company", "Overall sales were up 12.4%, Next said.", "Next", kind.Org},
		{"a common word after a quote is no name", "“We are fine.” It said nothing more.", "It", kind.Unknown},
		{"acronym country", "The US said no.", "United States", kind.Place},
		{"capital as actor", "Pyongyang's testing worried Washington.", "North Korea", kind.Place},
		{"capital as location", "He was seen in London on Monday.", "London", kind.Place},
		{"known org acronym", "The UN met.", "United Nations", kind.Org},
		{"sentence opener", "However, the talks failed.", "However", kind.Unknown},
		{"sentence opener that is a lower-case word", "Days later the plan failed. It took days.", "Days", kind.Unknown},
		{"month", "In March prices rose.", "March", kind.Unknown},
		{"plural acronym", "It fired two ICBMs and more ICBMs.", "ICBMs", kind.Unknown},
		{"headline caps", "Shock TALKS with Kim\n\nKim Jong-un met officials.", "TALKS", kind.Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			e := entityWithForm(d, tt.entity)
			got := kind.Unknown
			if e != nil {
				got = e.Type
			}
			if got != tt.want {
				t.Errorf("Extract(%q): type of %q = %v, want %v", tt.text, tt.entity, got, tt.want)
			}
		})
	}
}

func TestPyongyangIsNeverAPerson(t *testing.T) {
	texts := []string{
		"Pyongyang said it would test again.",
		"The release by Pyongyang came in June.",
		"Pyongyang’s stepped-up testing worried the US.",
	}
	for _, text := range texts {
		d := extractText(t, text)
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				if m.Text == "Pyongyang" && e.Type != kind.Place {
					t.Errorf("Extract(%q): Pyongyang is %v %q, want PLACE", text, e.Type, e.Name)
				}
			}
		}
	}
}

func TestAliases(t *testing.T) {
	tests := []struct {
		name, text  string
		form, owner string // the entity holding form must be named owner
	}{
		{"honorific surname", "Joseph Yun met them. Later Mr Yun left.", "Mr Yun", "Joseph Yun"},
		{"bare surname", "Donald Trump spoke. Trump then left.", "Trump", "Donald Trump"},
		{"headline surname resolves through the body", "Talks with Kim?\n\nKim Jong-un tested. Kim Jong-un spoke again.", "Kim", "Kim Jong-un"},
		{"most mentioned shared surname", "Kim Jong-un spoke. Kim Jong-un warned. Tony Kim was held. Later Kim said no.", "Kim", "Kim Jong-un"},
		{"the President", "US President Donald Trump spoke. The bill would stop the President from acting.", "the President", "Donald Trump"},
		{"acronym of a named org", "The Centre for Strategic and International Studies said so. CSIS added more.", "CSIS", "Centre for Strategic and International Studies"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			e := entityWithForm(d, tt.form)
			got := "<none>"
			if e != nil {
				got = e.Name
			}
			if got != tt.owner {
				t.Errorf("Extract(%q): owner of %q = %s, want %s", tt.text, tt.form, got, tt.owner)
			}
		})
	}
}

// TestNoUnusedSurnameAlias: an alias is a form the text uses on its own.
// Family-name-first names ("Park Sung Ho") must not get their trailing
// given name as an alias.
func TestNoUnusedSurnameAlias(t *testing.T) {
	tests := []struct {
		name, text string
		owner      string
		form       string
		want       bool // whether owner has form as an alias
	}{
		{"family name first", "The court jailed missionary Park Sung Ho in March. Officials said Park Sung Ho was held.", "Park Sung Ho", "Ho", false},
		{"full name only", "Singer Maria Olsen, 31, died on Monday. Maria Olsen had toured widely.", "Maria Olsen", "Olsen", false},
		{"surname used alone", "Coach Dara Quinn, 45, spoke on Monday. Quinn said the team would improve.", "Dara Quinn", "Quinn", true},
		{"surname after a title", "Manager Dara Quinn, 45, spoke on Monday. The side was praised by manager Quinn.", "Dara Quinn", "Quinn", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			e := entityNamed(d, tt.owner)
			if e == nil {
				t.Fatalf("Extract(%q): no entity %q among %v", tt.text, tt.owner, names(d))
			}
			got := false
			for _, a := range e.Aliases {
				got = got || a == tt.form
			}
			if got != tt.want {
				t.Errorf("Extract(%q): %q has alias %q = %v, want %v (aliases %v)", tt.text, tt.owner, tt.form, got, tt.want, e.Aliases)
			}
		})
	}
}

func TestSharedSurnamesStayApart(t *testing.T) {
	d := extractText(t, "North Korean leader Kim Jong-un spoke. The US wants missionary Kim Dong Chul and academics Tony Kim and Kim Hak Song released.")
	for _, n := range []string{"Kim Jong-un", "Kim Dong Chul", "Tony Kim", "Kim Hak Song"} {
		if e := entityNamed(d, n); e == nil || e.Type != kind.Person {
			t.Errorf("no PERSON %q among %v", n, names(d))
		}
	}
}

func names(d Document) []string {
	var out []string
	for _, e := range d.Entities {
		out = append(out, e.Type.String()+":"+e.Name)
	}
	return out
}

func TestAnonymousSources(t *testing.T) {
	text := "Joseph Yun is talking to them, a senior State Department official has admitted. " +
		"Mr Yun has made his case, the official said. A State Department official said more."
	d := extractText(t, text)
	e := entityNamed(d, "State Department official")
	if e == nil {
		t.Fatalf("no anonymous source among %v", names(d))
	}
	if e.Type != kind.Person || len(e.Mentions) != 3 {
		t.Errorf("State Department official: type %v, %d mentions, want PERSON with 3", e.Type, len(e.Mentions))
	}
	if y := entityWithForm(d, "Mr Yun"); y == nil || y == e {
		t.Errorf("Mr Yun is not kept apart from the anonymous source")
	}
}

func TestRoles(t *testing.T) {
	tests := []struct {
		name, text, person string
		want               Role // Title and Org only
	}{
		{"pre-modifier with country", "US Secretary of State Rex Tillerson said so.", "Rex Tillerson", Role{Title: "Secretary of State", Org: "United States"}},
		{"org chief", "NATO chief Jens Stoltenberg has urged members to act.", "Jens Stoltenberg", Role{Title: "chief", Org: "NATO"}},
		{"demonym leader", "North Korean leader Kim Jong-un spoke.", "Kim Jong-un", Role{Title: "leader", Org: "North Korea"}},
		{"bare title", "They want missionary Kim Dong Chul freed.", "Kim Dong Chul", Role{Title: "missionary"}},
		{"apposition", "But Joseph Yun, a US negotiator with North Korea, has been in contact.", "Joseph Yun", Role{Title: "negotiator", Org: "United States"}},
		{"apposition with of", "Anna Berg, chief executive of Halvorsen Motors, quit.", "Anna Berg", Role{Title: "chief executive", Org: "Halvorsen Motors"}},
		{"copula", "Thae Yong Ho was chief of mission at Pyongyang’s embassy in London.", "Thae Yong Ho", Role{Title: "chief of mission", Org: "North Korea"}},
		{"organisation named before", "Shares in Halvorsen Motors fell. Anna Berg, the company's chief executive, said so.", "Anna Berg", Role{Title: "chief executive", Org: "Halvorsen Motors"}},
		{"title before a comma", "Economy Minister, Roberto Lavagna, spoke.", "Roberto Lavagna", Role{Title: "Economy Minister"}},
		{"plural title shared", "They held academics Tony Kim and Kim Hak Song.", "Kim Hak Song", Role{Title: "academic"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			e := entityNamed(d, tt.person)
			if e == nil {
				t.Fatalf("Extract(%q): no %q among %v", tt.text, tt.person, names(d))
			}
			for _, r := range e.Roles {
				if r.Title == tt.want.Title && r.Org == tt.want.Org {
					return
				}
			}
			t.Errorf("Extract(%q): roles of %s = %+v, want %+v", tt.text, tt.person, e.Roles, tt.want)
		})
	}
}

func TestInvalidUTF8(t *testing.T) {
	_, err := New().Extract(context.Background(), Article{ID: "bad", Text: "ok \xff\xfe"})
	if err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("Extract(invalid UTF-8) error = %v, want one naming UTF-8", err)
	}
}

func TestDoneContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := New().Extract(ctx, Article{Text: "Hello."}); err == nil {
		t.Error("Extract(cancelled ctx) error = nil, want context.Canceled")
	}
}
