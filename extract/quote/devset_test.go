package quote

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldArticle is the part of a testdata/devset annotation this package
// can be scored on: quote spans and whether they are direct. Speakers there
// are resolved names, which only the extractor can produce, so here a
// speaker phrase counts as right when it holds the name or an alias.
type goldArticle struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Quotes []struct {
		Text    string  `json:"text"`
		Speaker *string `json:"speaker"`
		Direct  bool    `json:"direct"`
		Start   int     `json:"start"`
		End     int     `json:"end"`
		Hard    bool    `json:"hard"`
	} `json:"quotes"`
	People []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"people"`
	NotQuotes []string `json:"not_quotes"`
}

type devScore struct {
	gold, found, predicted, correct                            int // correct: predicted spans matching gold
	speakerOK, speakerWrong, speakerUnresolved, speakerMissing int
}

func (d devScore) recall() float64    { return ratio(d.found, d.gold) }
func (d devScore) precision() float64 { return ratio(d.correct, d.predicted) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// TestDevset scores Find on the hand-annotated development set (not its
// held-out part, testdata/devset/heldout) and fails
// when it falls below the level reached when this test was written, so
// that a change that loses quotes shows up. Set QUOTE_DEVSET_VERBOSE=1 to
// list the misses.
func TestDevset(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "devset", "*.json"))
	if len(files) == 0 {
		t.Skip("no development set in testdata/devset")
	}
	verbose := os.Getenv("QUOTE_DEVSET_VERBOSE") != ""
	var direct, indirect devScore
	notQuotes, notQuoteHits := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var g goldArticle
		if err := json.Unmarshal(b, &g); err != nil || g.Text == "" {
			continue // not an article annotation
		}
		got := Find(g.Text)
		for _, gq := range g.Quotes {
			sc := &indirect
			if gq.Direct {
				sc = &direct
			}
			sc.gold++
			var match *Quote
			for i := range got {
				if got[i].Direct == gq.Direct && overlaps(got[i].Span, gq.Start, gq.End) {
					match = &got[i]
					break
				}
			}
			if match == nil {
				if verbose {
					t.Logf("%s: missed %v quote %q (%v)", g.ID, gq.Direct, gq.Text, deref(gq.Speaker))
				}
				continue
			}
			sc.found++
			switch {
			case match.Form == NoSpeaker:
				if !match.Continues {
					sc.speakerMissing++
					if verbose {
						t.Logf("%s: no speaker for %q (want %v)", g.ID, gq.Text, deref(gq.Speaker))
					}
				} else {
					sc.speakerUnresolved++
				}
			case match.Form == Pronoun || match.Form == Nominal:
				sc.speakerUnresolved++
			case names(g, deref(gq.Speaker), match.Speaker.Text):
				sc.speakerOK++
			default:
				sc.speakerWrong++
				if verbose {
					t.Logf("%s: speaker %q for %q, want %v", g.ID, match.Speaker.Text, gq.Text, deref(gq.Speaker))
				}
			}
		}
		for _, q := range got {
			sc := &indirect
			if q.Direct {
				sc = &direct
			}
			sc.predicted++
			ok := false
			for _, gq := range g.Quotes {
				if gq.Direct == q.Direct && overlaps(q.Span, gq.Start, gq.End) {
					ok = true
					break
				}
			}
			if ok {
				sc.correct++
			} else if verbose {
				t.Logf("%s: spurious %v quote %q by %q", g.ID, q.Direct, q.Text, q.Speaker.Text)
			}
		}
		for _, nq := range g.NotQuotes {
			notQuotes++
			for _, q := range got {
				if q.Direct && strings.TrimSpace(strings.TrimRight(q.Text, ",.")) == strings.TrimRight(nq, ",.") {
					notQuoteHits++
					if verbose {
						t.Logf("%s: scare quote taken as speech: %q", g.ID, nq)
					}
				}
			}
		}
	}
	for _, r := range []struct {
		name               string
		sc                 devScore
		minRecall, minPrec float64
	}{
		{"direct", direct, 0.93, 0.95},
		{"indirect", indirect, 0.85, 0.85},
	} {
		t.Logf("%s: gold %d, recall %.3f, precision %.3f (%d/%d); speakers: named right %d, wrong %d, pronoun/nominal %d, missing %d",
			r.name, r.sc.gold, r.sc.recall(), r.sc.precision(), r.sc.correct, r.sc.predicted,
			r.sc.speakerOK, r.sc.speakerWrong, r.sc.speakerUnresolved, r.sc.speakerMissing)
		if r.sc.gold > 0 && r.sc.recall() < r.minRecall {
			t.Errorf("%s quote recall on the devset = %.3f, want >= %.2f", r.name, r.sc.recall(), r.minRecall)
		}
		if r.sc.predicted > 0 && r.sc.precision() < r.minPrec {
			t.Errorf("%s quote precision on the devset = %.3f, want >= %.2f", r.name, r.sc.precision(), r.minPrec)
		}
	}
	t.Logf("not_quotes taken as speech: %d of %d", notQuoteHits, notQuotes)
	if notQuotes > 0 && float64(notQuoteHits) > 0.3*float64(notQuotes) {
		t.Errorf("scare quotes taken as speech on the devset = %d of %d, want at most 30%%", notQuoteHits, notQuotes)
	}
}

func overlaps(sp Span, start, end int) bool { return sp.Start < end && start < sp.End }

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// names reports whether a speaker phrase names the gold speaker: it holds
// the gold name, one of its aliases, or the name's last word.
func names(g goldArticle, gold, phrase string) bool {
	phrase = strings.ToLower(phrase)
	cands := []string{gold}
	for _, p := range g.People {
		if p.Name == gold {
			cands = append(cands, p.Aliases...)
		}
	}
	if f := strings.Fields(gold); len(f) > 1 {
		cands = append(cands, f[len(f)-1])
	}
	for _, c := range cands {
		if c != "" && strings.Contains(phrase, strings.ToLower(c)) {
			return true
		}
	}
	return false
}
