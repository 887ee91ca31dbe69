package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// GoldQuote is one hand-annotated quote. Start and End are byte offsets of
// Text in the article; Speaker is nil when nobody can be identified.
type GoldQuote struct {
	Text    string  `json:"text"`
	Speaker *string `json:"speaker"`
	Direct  bool    `json:"direct"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Hard    bool    `json:"hard,omitempty"` // the speaker needs inference beyond the sentence
}

// GoldPerson is a named person with the other forms the article uses.
type GoldPerson struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}

// GoldArticle is one annotated article of the development set.
type GoldArticle struct {
	ID            string              `json:"id"`
	Title         string              `json:"title"`
	Section       string              `json:"section"`
	Source        string              `json:"source"`
	Text          string              `json:"text"`
	Published     string              `json:"published,omitempty"`
	Quotes        []GoldQuote         `json:"quotes"`
	People        []GoldPerson        `json:"people"`
	Orgs          []string            `json:"orgs"`
	Places        []string            `json:"places"`
	EntityAliases map[string][]string `json:"entity_aliases,omitempty"` // other forms of an org or place
	NotQuotes     []string            `json:"not_quotes,omitempty"`     // quoted strings that are not speech
}

// LoadDevset reads every <id>.json file of dir, sorted by id.
func LoadDevset(dir string) ([]GoldArticle, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("eval: listing devset %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("eval: no *.json in devset %s: %w", dir, os.ErrNotExist)
	}
	sort.Strings(files)
	out := make([]GoldArticle, 0, len(files))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval: reading devset: %w", err)
		}
		var a GoldArticle
		if err := json.Unmarshal(b, &a); err != nil {
			return nil, fmt.Errorf("eval: decoding %s: %w", f, err)
		}
		if want := strings.TrimSuffix(filepath.Base(f), ".json"); a.ID != want {
			return nil, fmt.Errorf("eval: %s holds id %q, want %q", f, a.ID, want)
		}
		out = append(out, a)
	}
	return out, nil
}

// Check reports every annotation of a that cannot be right: a quote text
// that is not in the text or whose offsets do not point at it, a name or
// alias that does not occur in the text, a speaker-less quote marked hard.
// It returns nil when the article is consistent.
func (a *GoldArticle) Check() error {
	var errs []error
	bad := func(format string, args ...any) {
		errs = append(errs, fmt.Errorf("%s: "+format, append([]any{a.ID}, args...)...))
	}
	if a.Text == "" {
		bad("empty text")
	}
	for i, q := range a.Quotes {
		switch {
		case q.Text == "":
			bad("quote %d is empty", i)
		case !strings.Contains(a.Text, q.Text):
			bad("quote %d %q is not in the text", i, q.Text)
		case q.Start < 0 || q.End > len(a.Text) || q.Start > q.End || a.Text[q.Start:q.End] != q.Text:
			bad("quote %d offsets [%d,%d) do not hold %q", i, q.Start, q.End, q.Text)
		}
		if q.Speaker != nil && strings.TrimSpace(*q.Speaker) == "" {
			bad("quote %d has an empty speaker; use null", i)
		}
	}
	seen := map[string]bool{}
	for _, p := range a.People {
		if seen[p.Name] {
			bad("person %q listed twice", p.Name)
		}
		seen[p.Name] = true
		forms := append([]string{p.Name}, p.Aliases...)
		for i, n := range forms {
			switch {
			case !strings.Contains(a.Text, n):
				bad("person form %q is not in the text", n)
			case i > 0 && !strings.Contains(n, p.Name) && !standalone(a.Text, n, forms):
				bad("alias %q of %s is only used inside a longer form", n, p.Name)
			}
		}
	}
	for _, n := range append(append([]string{}, a.Orgs...), a.Places...) {
		// An organisation may go by its full name where the article only
		// uses short forms (Liberal Democrats for "Lib Dem"), listed as
		// aliases.
		if !strings.Contains(a.Text, n) && len(a.EntityAliases[n]) == 0 {
			bad("entity %q is not in the text", n)
		}
		for _, al := range a.EntityAliases[n] {
			if !strings.Contains(a.Text, al) {
				bad("alias %q of %q is not in the text", al, n)
			}
		}
	}
	for n := range a.EntityAliases {
		if !contains(a.Orgs, n) && !contains(a.Places, n) {
			bad("entity_aliases names %q, which is neither an org nor a place", n)
		}
	}
	for _, n := range a.NotQuotes {
		if !strings.Contains(a.Text, `"`+n+`"`) && !strings.Contains(a.Text, "\u201c"+n+"\u201d") {
			bad("not_quote %q is not between quotation marks in the text", n)
		}
	}
	return errors.Join(errs...)
}

// standalone reports whether form occurs in text as whole words at least
// once outside the occurrences of the longer forms that contain it: "Brown"
// is an alias only if the article says "Brown" alone, not just "Mr Brown".
func standalone(text, form string, forms []string) bool {
	type span struct{ s, e int }
	var cover []span
	for _, f := range forms {
		if f == form || !strings.Contains(f, form) {
			continue
		}
		for i := 0; ; {
			j := strings.Index(text[i:], f)
			if j < 0 {
				break
			}
			cover = append(cover, span{i + j, i + j + len(f)})
			i += j + 1
		}
	}
outer:
	for i := 0; ; {
		j := strings.Index(text[i:], form)
		if j < 0 {
			return false
		}
		s, e := i+j, i+j+len(form)
		i = s + 1
		if (s > 0 && isWordByte(text[s-1])) || (e < len(text) && isWordByte(text[e])) {
			continue
		}
		for _, c := range cover {
			if c.s <= s && e <= c.e {
				continue outer
			}
		}
		return true
	}
}

func isWordByte(c byte) bool {
	return c == '-' || c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// person returns the gold person whose name is name, or nil.
func (a *GoldArticle) person(name string) *GoldPerson {
	for i := range a.People {
		if a.People[i].Name == name {
			return &a.People[i]
		}
	}
	return nil
}
