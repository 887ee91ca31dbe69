package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/kind"
)

func TestCoinedNames(t *testing.T) {
	tests := []struct {
		name, text string
		coined     string // the ORG the text coins, "" for none
		mentions   int
	}{
		{"so-called capitalised", "Talks went on through the so-called “Geneva track”. The Geneva track is quiet.", "Geneva track", 2},
		{"so called, straight marks", `They used the so called "Oslo channel" for years.`, "Oslo channel", 1},
		{"lower case is a description", "They used the so-called “nuclear channel” at the mission.", "", 0},
		{"all capitalised is left to names", "He was one of the so-called “Blair Babes” in 1997.", "", 0},
		{"no so-called", "He spoke of the “Geneva track” with pride.", "", 0},
		{"too long", "It was the so-called “Big plan for the whole of the region”.", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			var got []string
			for _, e := range d.Entities {
				if e.Type == kind.Org && (strings.Contains(tt.text, "“"+e.Name+"”") || strings.Contains(tt.text, `"`+e.Name+`"`)) {
					got = append(got, e.Name)
				}
			}
			if tt.coined == "" {
				if len(got) > 0 {
					t.Errorf("Extract(%q) coined %q, want none", tt.text, got)
				}
				return
			}
			e := entityNamed(d, tt.coined)
			if e == nil || e.Type != kind.Org {
				t.Fatalf("Extract(%q): no ORG %q, got %q", tt.text, tt.coined, got)
			}
			if len(e.Mentions) != tt.mentions {
				t.Errorf("Extract(%q): %q has %d mentions, want %d", tt.text, tt.coined, len(e.Mentions), tt.mentions)
			}
		})
	}
}

func TestRelativeClauseSubject(t *testing.T) {
	tests := []struct {
		name, text string
		typ        string
		want       string // the event's first participant
	}{
		{"named antecedent", "Songs were written by Maria Lund for Peter Okafor, who died in 2001.", "death", "Peter Okafor"},
		{"object relative keeps the subject", "Tom Reid was joined by Ann Kell, who Mr Reid had elected as deputy.", "election", "Tom Reid"},
		{"government of a leader", "The plan has worried the Okonkwo administration, which in April unveiled a new tax.", "announcement", "Okonkwo administration"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			for _, ev := range d.Events {
				if ev.Type != tt.typ {
					continue
				}
				if len(ev.Participants) == 0 || ev.Participants[0] != tt.want {
					t.Errorf("Extract(%q) %s participants = %q, want %q first", tt.text, tt.typ, ev.Participants, tt.want)
				}
				return
			}
			t.Errorf("Extract(%q): no %s event", tt.text, tt.typ)
		})
	}
}

func TestCountryEpithets(t *testing.T) {
	tests := []struct {
		name, text, phrase string
		want               string // the entity the phrase is a mention of, "" for none
	}{
		{"epithet", "Talks with Iran stalled. Later the hermit kingdom tested a missile.", "the hermit kingdom", "Iran"},
		{"last country named", "France met Norway. Then the oil-rich nation cut output.", "the oil-rich nation", "Norway"},
		{"bare head is too vague", "Talks with Norway stalled. Then the country cut output.", "the country", ""},
		{"a sport, not a country", "Kenya won the cross country title.", "the cross country", ""},
		{"no country before", "Then the hermit kingdom tested a missile.", "the hermit kingdom", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			got := ""
			for _, e := range d.Entities {
				for _, m := range e.Mentions {
					if m.Text == tt.phrase {
						got = e.Name
					}
				}
			}
			if got != tt.want {
				t.Errorf("Extract(%q): %q refers to %q, want %q", tt.text, tt.phrase, got, tt.want)
			}
		})
	}
}

func TestDemandedRelease(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // "agent>person" of each detained relation
	}{
		{"demanded, by whom unsaid", "The government demanded the release of Ann Kell and Rob Mure.", nil},
		{"travelled to secure the release", "Mr Deng travelled to Iran to secure the release of Ann Kell.", []string{"Iran>Ann Kell"}},
		{"other people of the last detention",
			"Mr Deng travelled to Iran to secure the release of Ann Kell. The White House has demanded release of two other citizens: missionary Rob Mure and teacher Li Pang.",
			[]string{"Iran>Ann Kell", "Iran>Rob Mure", "Iran>Li Pang"}},
		{"called for, held by", "They called for the release of Ann Kell by Iran.", []string{"Iran>Ann Kell"}},
		{"no demand", "The release of Ann Kell by Iran surprised him.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			var got []string
			for _, r := range d.Relations {
				if r.Predicate == kind.Detained {
					got = append(got, r.Subject+">"+r.Object)
				}
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("Extract(%q) detained = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestRoleSynonyms(t *testing.T) {
	tests := []struct {
		name, text, phrase string
		want               string // who the phrase is a mention of, "" for nobody
	}{
		{"one holder", "Foreign Minister Anna Berg met him. Later Mr Olsen said his chief diplomat had failed.", "his chief diplomat", "Anna Berg"},
		{"no holder", "Mr Olsen said his chief diplomat had failed.", "his chief diplomat", ""},
		{"two holders", "Foreign Minister Anna Berg met Foreign Secretary Paul Dunn. Mr Olsen said his top diplomat had failed.", "his top diplomat", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			got := ""
			for _, e := range d.Entities {
				for _, m := range e.Mentions {
					if m.Text == tt.phrase {
						got = e.Name
					}
				}
			}
			if got != tt.want {
				t.Errorf("Extract(%q): %q refers to %q, want %q", tt.text, tt.phrase, got, tt.want)
			}
		})
	}
}

func TestNicknameOwner(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // "subject>object" of the calls relation
	}{
		{"speaker, not the first name of the sentence",
			"Norwegian leader Ola Brun spoke. Later, after Foreign Minister Per Dahl said talks were useful, Jon Olsen said on Twitter his chief diplomat was “wasting time with Little Fish Man” – his nickname for the Norwegian leader.",
			"Jon Olsen>Ola Brun"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := extractText(t, tt.text)
			var got []string
			for _, r := range d.Relations {
				if r.Predicate == kind.Calls {
					got = append(got, r.Subject+">"+r.Object)
				}
			}
			if strings.Join(got, "; ") != tt.want {
				t.Errorf("Extract(%q) calls = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
