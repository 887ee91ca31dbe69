package extract

import (
	"context"
	"fmt"
	"testing"
	"unicode/utf8"
)

// checkInvariants fails on any offset outside the text or any span whose
// text does not match the article.
func checkInvariants(t *testing.T, a Article, d Document) {
	t.Helper()
	n := len(a.Text)
	in := func(what string, s, e int) {
		if s < 0 || e > n || s > e {
			t.Fatalf("%s: %s offsets [%d,%d) outside text of %d bytes", a.ID, what, s, e, n)
		}
	}
	ids := map[string]bool{}
	for _, e := range d.Entities {
		if ids[e.ID] {
			t.Fatalf("%s: entity id %s twice", a.ID, e.ID)
		}
		ids[e.ID] = true
		if e.Name == "" || len(e.Mentions) == 0 {
			t.Fatalf("%s: entity %+v has no name or no mention", a.ID, e)
		}
		for _, m := range e.Mentions {
			in("mention", m.Start, m.End)
			if a.Text[m.Start:m.End] != m.Text {
				t.Fatalf("%s: mention %q reads %q", a.ID, m.Text, a.Text[m.Start:m.End])
			}
		}
		if e.Confidence < 0 || e.Confidence > 1 {
			t.Fatalf("%s: confidence %v", a.ID, e.Confidence)
		}
	}
	for _, q := range d.Quotes {
		in("quote", q.Start, q.End)
		if q.SpeakerID != "" && !ids[q.SpeakerID] {
			t.Fatalf("%s: quote speaker %s is no entity", a.ID, q.SpeakerID)
		}
	}
	for _, e := range d.Events {
		in("event", e.Start, e.End)
	}
	for _, r := range d.Relations {
		in("relation", r.Start, r.End)
		if !ids[r.SubjectID] || !ids[r.ObjectID] {
			t.Fatalf("%s: relation %+v between unknown ids", a.ID, r)
		}
	}
}

// TestCorpus runs the whole BBC corpus for the invariants.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	x := New()
	for _, a := range loadCorpus(t, 1<<30) {
		d, err := x.Extract(context.Background(), a)
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		checkInvariants(t, a, d)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{"Mr Yun said: “Stop.”", "US Secretary of State Rex Tillerson, 45, said.\n\nThe official added: \"No\"",
		"A\n\n\n“", "Mr. ", "’s", "U.S.", "Bank of", "the official said"} {
		f.Add(s)
	}
	x := New()
	f.Fuzz(func(t *testing.T, text string) {
		a := Article{ID: "fuzz", Text: text, Published: "2017-11-01"}
		d, err := x.Extract(context.Background(), a)
		if !utf8.ValidString(text) {
			if err == nil {
				t.Fatal("invalid UTF-8 accepted")
			}
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		checkInvariants(t, a, d)
	})
}

// TestConcurrent shares one Extractor between goroutines; run with -race.
func TestConcurrent(t *testing.T) {
	x := New()
	arts := loadSeeds(t)
	want := make([]int, len(arts))
	for i, a := range arts {
		d, _ := x.Extract(context.Background(), a)
		want[i] = len(d.Entities)
	}
	done := make(chan error, 8)
	for g := 0; g < 8; g++ {
		go func(g int) {
			a := arts[g%len(arts)]
			d, err := x.Extract(context.Background(), a)
			if err == nil && len(d.Entities) != want[g%len(arts)] {
				err = fmt.Errorf("%s: %d entities, want %d", a.ID, len(d.Entities), want[g%len(arts)])
			}
			done <- err
		}(g)
	}
	for g := 0; g < 8; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
