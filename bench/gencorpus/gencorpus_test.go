package gencorpus

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/bench"
)

// smallCorpus is a drawn corpus: two sections, people marked the ways
// findNames looks for them.
func smallCorpus() *Corpus {
	return NewCorpus([]SourceArticle{
		{Title: "Rates held", Section: "business", Paras: []string{
			`Mervyn King said the bank would hold rates at 4.75%.`,
			`"We see no need to move," Mr King told reporters in London.`,
			`Analysts at Barclays expected the decision.`,
		}},
		{Title: "Shares rise", Section: "business", Paras: []string{
			`Shares rose on Tuesday, said Jane Porter, an analyst.`,
			`Ms Porter added that oil prices were falling.`,
		}},
		{Title: "Blair visits Leeds", Section: "politics", Paras: []string{
			`Tony Blair said on Monday that schools come first.`,
			`Mr Blair spoke in Leeds, where Michael Howard also campaigned.`,
			`"It is a choice," said Michael Howard.`,
		}},
		{Title: "Vote date", Section: "politics", Paras: []string{
			`The election is expected in May, Dr Ann Lever said.`,
		}},
	})
}

func generate(t *testing.T, c *Corpus, cfg Config) ([]byte, Stats) {
	t.Helper()
	var buf bytes.Buffer
	st, err := NewGenerator(c, cfg).Write(context.Background(), &buf)
	if err != nil {
		t.Fatalf("Write(%+v) error: %v", cfg, err)
	}
	return buf.Bytes(), st
}

func TestFindNames(t *testing.T) {
	c := smallCorpus()
	for _, tc := range []struct {
		name string
		full bool
		want bool
	}{
		{"Mervyn King", true, true},
		{"Jane Porter", true, true},
		{"Tony Blair", true, true},
		{"Michael Howard", true, true},
		{"Ann Lever", true, true},
		{"King", false, true},
		{"Blair", false, true},
		{"Shares", false, false},
		{"The", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := c.surnames[tc.name]
			if tc.full {
				got = c.fullNames[tc.name]
			}
			if got != tc.want {
				t.Errorf("found(%q) = %v, want %v", tc.name, got, tc.want)
			}
		})
	}
}

func TestGenerateDeterministic(t *testing.T) {
	c := smallCorpus()
	a, _ := generate(t, c, Config{Seed: 7, N: 50})
	b, _ := generate(t, c, Config{Seed: 7, N: 50})
	if !bytes.Equal(a, b) {
		t.Errorf("two runs with seed 7 differ")
	}
	d, _ := generate(t, c, Config{Seed: 8, N: 50})
	if bytes.Equal(a, d) {
		t.Errorf("seeds 7 and 8 give the same corpus")
	}
	// Article i depends only on i: a longer run starts with a shorter one.
	long, _ := generate(t, c, Config{Seed: 7, N: 80, Pool: 2050})
	if !bytes.HasPrefix(long, a) {
		t.Errorf("the first 50 articles of N=80 differ from N=50 with the same pool")
	}
}

func TestGenerateShape(t *testing.T) {
	c := smallCorpus()
	out, st := generate(t, c, Config{Seed: 1, N: 200, FromYear: 2001, Years: 3})
	if st.Articles != 200 {
		t.Errorf("Stats.Articles = %d, want 200", st.Articles)
	}
	ids := map[string]bool{}
	words := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		var a map[string]any
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatalf("line %d: %v", len(ids)+1, err)
		}
		for _, k := range []string{"id", "title", "text", "published", "source"} {
			if s, _ := a[k].(string); s == "" {
				t.Errorf("line %d: %s = %v, want a non-empty string", len(ids)+1, k, a[k])
			}
		}
		id, _ := a["id"].(string)
		if ids[id] {
			t.Errorf("id %q repeated", id)
		}
		ids[id] = true
		pub, _ := a["published"].(string)
		d, err := time.Parse(time.DateOnly, pub)
		if err != nil || d.Year() < 2001 || d.Year() > 2003 {
			t.Errorf("published = %q, want a date in 2001-2003", pub)
		}
		text, _ := a["text"].(string)
		words += len(strings.Fields(text))
		// Every source person is renamed; none of the originals survive.
		for _, orig := range []string{"Mervyn King", "Mr King", "Jane Porter", "Tony Blair", "Mr Blair", "Michael Howard", "Ann Lever"} {
			if strings.Contains(text, orig) {
				t.Errorf("article %s still names %q: %q", id, orig, text)
			}
		}
	}
	if len(ids) != 200 {
		t.Errorf("lines = %d, want 200", len(ids))
	}
	if words != st.Words {
		t.Errorf("Stats.Words = %d, want %d counted in the output", st.Words, words)
	}
}

// A person keeps one name within an article: "Tony Blair said" and the
// later "Mr Blair" get the same new surname.
func TestGenerateConsistentNames(t *testing.T) {
	c := smallCorpus()
	g := NewGenerator(c, Config{Seed: 3, N: 400})
	checked := 0
	for i := range 400 {
		a := g.Article(i)
		if !strings.Contains(a.Text, "said on Monday that schools") || !strings.Contains(a.Text, "spoke in Leeds") {
			continue
		}
		full := a.Text[:strings.Index(a.Text, " said on Monday")]
		full = full[strings.LastIndex(full, "\n")+1:]
		_, last, ok := strings.Cut(full, " ")
		if !ok || !strings.Contains(a.Text, "Mr "+last+" spoke in Leeds") {
			t.Errorf("article %d names %q, then not Mr %s: %q", i, full, last, a.Text)
		}
		checked++
	}
	if checked == 0 {
		t.Fatal("no generated article carried both Blair paragraphs")
	}
}

// The people named grow with N, with a famous head: more articles name
// more distinct people, but fewer than one new person per name slot.
func TestGenerateGrowth(t *testing.T) {
	c := smallCorpus()
	_, small := generate(t, c, Config{Seed: 1, N: 500})
	_, large := generate(t, c, Config{Seed: 1, N: 5000})
	if large.People <= small.People {
		t.Errorf("distinct people: N=5000 gives %d, want more than N=500's %d", large.People, small.People)
	}
	if large.People >= 5000*3 {
		t.Errorf("distinct people at N=5000 = %d, want well under one per name slot", large.People)
	}
}

// The real corpus, when it is here: names are found and replaced.
func TestGenerateBBC(t *testing.T) {
	path, err := bench.CorpusPath()
	if err != nil {
		t.Skip("bbc.jsonl not found")
	}
	c, err := LoadCorpus(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) < 2000 || len(c.fullNames) < 1000 {
		t.Errorf("LoadCorpus(bbc) = %d articles, %d names, want ≥2000 and ≥1000", len(c.Articles), len(c.fullNames))
	}
	for _, n := range []string{"Tony Blair", "Gordon Brown", "Michael Howard"} {
		if !c.fullNames[n] {
			t.Errorf("fullNames[%q] = false, want true", n)
		}
	}
	out, _ := generate(t, c, Config{Seed: 1, N: 300})
	if bytes.Contains(out, []byte("Tony Blair")) {
		t.Errorf("generated text still names Tony Blair")
	}
}

// Quotations are varied by one word each time they are reused, so that a
// large corpus does not repeat the same quote under many speakers.
func TestGenerateVariesQuotes(t *testing.T) {
	c := smallCorpus()
	g := NewGenerator(c, Config{Seed: 1, N: 300})
	seen := map[string]bool{}
	for i := range 300 {
		text := g.Article(i).Text
		for {
			j := strings.Index(text, `"It is a `)
			if j < 0 {
				break
			}
			q, _, _ := strings.Cut(text[j+1:], `"`)
			seen[q] = true
			text = text[j+1:]
		}
	}
	if len(seen) < 2 {
		t.Errorf("the quote \"It is a choice,\" came out as %d texts, want several", len(seen))
	}
	if seen["It is a choice,"] {
		t.Errorf("the quote \"It is a choice,\" came out unchanged, want one word swapped")
	}
}
