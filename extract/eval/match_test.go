package eval

import (
	"context"
	"math"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{`"We predict that the trend will continue,"`, "we predict that the trend will continue"},
		{"\u201cdiplomatic efforts \u2026 until the first bomb drops.\u201d", "diplomatic efforts until the first bomb drops"},
		{"diplomatic efforts... until the first bomb drops", "diplomatic efforts until the first bomb drops"},
		{"It\u2019s  a\n result!", "it's a result"},
		{"  'have a go at me',  ", "have a go at me"},
		{"100% certain", "100% certain"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Mr Gref", "gref"},
		{"Sir Alex Ferguson", "alex ferguson"},
		{"Professor Kerstin Dautenhahn", "kerstin dautenhahn"},
		{"Mr Iliaronov's", "iliaronov"},
		{"Kim Jong-un", "kim jong-un"},
		{"The Spaniard", "spaniard"},
		{"Mr", "mr"}, // an honorific alone stays
	}
	for _, tt := range tests {
		if got := NormalizeName(tt.in); got != tt.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestOverlap(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"a b c d", "a b c d", 1},
		{"a b c d", "a b", 2 * 2.0 / 6},
		{"a a b", "a b b", 2 * 2.0 / 6},
		{"a b", "c d", 0},
		{"", "", 0},
	}
	for _, tt := range tests {
		if got := Overlap(Tokens(tt.a), Tokens(tt.b)); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Overlap(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestQuoteSimilarity(t *testing.T) {
	tests := []struct {
		name, a, b string
		match      bool
		exact      bool
	}{
		{"equal after normalising", `"It's a result,"`, "it\u2019s a result", true, true},
		{"gold inside predicted", "not what people had hoped for", "the performance was not what people had hoped for", true, false},
		{"predicted inside gold", "It has been phenomenal - absolutely mobbed.", "absolutely mobbed", true, false},
		{"containment needs whole words", "unjustified", "it was justified", false, false},
		{"cut differently, overlap 0.8", "We used to see street hustlers do this kind of thing", "used to see street hustlers do this kind of thing today", true, false},
		{"shared subject only", "The task is not simply to double GDP", "We don't need simply to increase GDP, but to improve its structure.", false, false},
		{"empty never matches", "", "", false, false},
		{"punctuation only never matches", `","`, "...", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := QuoteSimilarity(tt.a, tt.b)
			if (s > 0) != tt.match {
				t.Errorf("QuoteSimilarity(%q, %q) = %v, want match %v", tt.a, tt.b, s, tt.match)
			}
			if (s == 1) != tt.exact {
				t.Errorf("QuoteSimilarity(%q, %q) = %v, want exact %v", tt.a, tt.b, s, tt.exact)
			}
			if s2 := QuoteSimilarity(tt.b, tt.a); s2 != s {
				t.Errorf("QuoteSimilarity is not symmetric: %v and %v", s, s2)
			}
		})
	}
}

func TestMatchOneToOne(t *testing.T) {
	gold := []string{"disappointing", "While this rescheduling and recent softness is disappointing, it does not change my views"}
	tests := []struct {
		name string
		pred []string
		want []Pair
	}{
		{"exact pairs win over containment", []string{"While this rescheduling and recent softness is disappointing, it does not change my views", "disappointing"}, []Pair{{0, 1}, {1, 0}}},
		{"one prediction matches once", []string{"disappointing"}, []Pair{{0, 0}}},
		{"duplicates are false positives", []string{"disappointing", "disappointing", "disappointing"}, []Pair{{0, 0}, {1, 1}}},
		{"nothing predicted", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MatchOneToOne(len(gold), len(tt.pred), func(g, p int) float64 { return QuoteSimilarity(gold[g], tt.pred[p]) }, nil)
			if len(got) != len(tt.want) {
				t.Fatalf("MatchOneToOne(%q) = %v, want %v", tt.pred, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("MatchOneToOne(%q) = %v, want %v", tt.pred, got, tt.want)
				}
			}
		})
	}
}

func TestPRF(t *testing.T) {
	tests := []struct {
		s       PRF
		p, r, f float64
	}{
		{PRF{TP: 8, FP: 2, FN: 8}, 0.8, 0.5, 2 * 0.8 * 0.5 / 1.3},
		{PRF{TP: 0, FP: 0, FN: 5}, 0, 0, 0},
		{PRF{}, 0, 0, 0},
		{PRF{TP: 3}, 1, 1, 1},
		{PRF{FP: 3}, 0, 0, 0},
	}
	for _, tt := range tests {
		if p, r, f := tt.s.Precision(), tt.s.Recall(), tt.s.F1(); math.Abs(p-tt.p) > 1e-9 || math.Abs(r-tt.r) > 1e-9 || math.Abs(f-tt.f) > 1e-9 {
			t.Errorf("%+v: P, R, F1 = %v, %v, %v, want %v, %v, %v", tt.s, p, r, f, tt.p, tt.r, tt.f)
		}
	}
	if got := (Ratio{Right: 1.5, Total: 2}).Value(); got != 0.75 {
		t.Errorf("Ratio{1.5, 2}.Value() = %v, want 0.75", got)
	}
	if got := (Ratio{}).Value(); got != 0 {
		t.Errorf("Ratio{}.Value() = %v, want 0", got)
	}
}

func TestSpeakerRight(t *testing.T) {
	a := &GoldArticle{
		People: []GoldPerson{
			{Name: "Andy Robinson", Aliases: []string{"the England coach"}},
			{Name: "Jason Robinson", Aliases: []string{"England skipper Jason Robinson"}},
			{Name: "Charlie Hodgson", Aliases: []string{"Hodgson", "Fly-half Charlie Hodgson"}},
			{Name: "Gary Megson"},
		},
		Orgs:          []string{"British Chamber of Commerce", "Next"},
		EntityAliases: map[string][]string{"British Chamber of Commerce": {"BCC"}},
	}
	n := devsetNames(a)
	s := func(x string) *string { return &x }
	tests := []struct {
		gold, pred *string
		want       bool
	}{
		{s("Charlie Hodgson"), s("Charlie Hodgson"), true},
		{s("Charlie Hodgson"), s("Mr Hodgson"), true},
		{s("Charlie Hodgson"), s("Hodgson"), true},
		{s("Andy Robinson"), s("the England coach"), true},
		{s("Andy Robinson"), s("Robinson"), false}, // two Robinsons
		{s("Andy Robinson"), s("Jason Robinson"), false},
		{s("Gary Megson"), s("Megson"), true}, // surname not listed as an alias, but unique
		{s("Gary Megson"), s("Gary"), false},
		{s("British Chamber of Commerce"), s("BCC"), true},
		{s("Trafford Centre spokeswoman"), s("spokeswoman"), true},
		{s("Trafford Centre spokeswoman"), s("A spokeswoman for the Trafford Centre"), true},
		{s("Trafford Centre spokeswoman"), s("Next"), false}, // a named entity of the article
		{s("dealer"), s("spokesman"), false},
		{s("Gary Megson"), nil, false},
		{nil, nil, true},
		{nil, s("Gary Megson"), false},
		{s("Gary Megson"), s(""), false},
	}
	for _, tt := range tests {
		if got := n.speakerRight(tt.gold, tt.pred); got != tt.want {
			t.Errorf("speakerRight(%s, %s) = %v, want %v", strOrNull(tt.gold), strOrNull(tt.pred), got, tt.want)
		}
	}
}

// oracle answers each article with its gold annotations, as a perfect
// extractor would.
type oracle struct {
	gold  map[string]*GoldArticle
	drop  func(i int) bool // drop the i-th quote of each article
	wrong bool             // give every quote the wrong speaker
}

func (o oracle) Extract(ctx context.Context, a extract.Article) (extract.Document, error) {
	d := extract.Document{ID: a.ID}
	g := o.gold[a.ID]
	if g == nil {
		return d, nil
	}
	for i, q := range g.Quotes {
		if o.drop != nil && o.drop(i) {
			continue
		}
		spk := q.Speaker
		if o.wrong {
			x := "Nobody Atall"
			spk = &x
		}
		d.Quotes = append(d.Quotes, extract.Quote{Text: q.Text, Speaker: spk, Direct: q.Direct, Start: q.Start, End: q.End})
	}
	for _, p := range g.People {
		d.Entities = append(d.Entities, extract.Entity{Name: p.Name, Type: kind.Person, Aliases: p.Aliases})
	}
	for _, o := range g.Orgs {
		d.Entities = append(d.Entities, extract.Entity{Name: o, Type: kind.Org, Aliases: g.EntityAliases[o]})
	}
	for _, p := range g.Places {
		d.Entities = append(d.Entities, extract.Entity{Name: p, Type: kind.Place, Aliases: g.EntityAliases[p]})
	}
	return d, nil
}

func loadGold(t *testing.T) []GoldArticle {
	t.Helper()
	dev, err := LoadDevset(filepath.Join("..", "..", "testdata", "devset"))
	if err != nil {
		t.Fatal(err)
	}
	return dev
}

func TestScoreOracle(t *testing.T) {
	dev := loadGold(t)
	byID := map[string]*GoldArticle{}
	nq := 0
	for i := range dev {
		byID[dev[i].ID] = &dev[i]
		nq += len(dev[i].Quotes)
	}
	ctx := context.Background()

	t.Run("perfect", func(t *testing.T) {
		r, err := Score(ctx, oracle{gold: byID}, dev, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range r.Metrics() {
			if m.Value != 1 && m.Of != "0/0" {
				t.Errorf("perfect extractor: %s = %v (%s), want 1", m.Name, m.Value, m.Of)
			}
		}
		if r.Quotes.TP != nq {
			t.Errorf("perfect extractor: quote TP = %d, want %d", r.Quotes.TP, nq)
		}
	})
	t.Run("half the quotes", func(t *testing.T) {
		r, err := Score(ctx, oracle{gold: byID, drop: func(i int) bool { return i%2 == 1 }}, dev, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p := r.Quotes.Precision(); p != 1 {
			t.Errorf("quote precision = %v, want 1", p)
		}
		if rc := r.Quotes.Recall(); rc < 0.45 || rc > 0.55 {
			t.Errorf("quote recall = %v (%+v), want about 0.5", rc, r.Quotes)
		}
		if r.Quotes.TP+r.Quotes.FN != nq {
			t.Errorf("TP+FN = %d, want the %d gold quotes", r.Quotes.TP+r.Quotes.FN, nq)
		}
	})
	t.Run("wrong speakers", func(t *testing.T) {
		r, err := Score(ctx, oracle{gold: byID, wrong: true}, dev, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		if f := r.Quotes.F1(); f != 1 {
			t.Errorf("quote F1 = %v, want 1", f)
		}
		if f := r.WhoSaidWhat.F1(); f != 0 {
			t.Errorf("who-said-what F1 = %v, want 0", f)
		}
		if a := r.Speaker.Value(); a != 0 {
			t.Errorf("speaker accuracy = %v, want 0", a)
		}
	})
	t.Run("nothing", func(t *testing.T) {
		r, err := Score(ctx, oracle{}, dev, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range r.Metrics() {
			if m.Value != 0 {
				t.Errorf("empty extractor: %s = %v, want 0", m.Name, m.Value)
			}
		}
		if r.Quotes.FN != nq {
			t.Errorf("empty extractor: quote FN = %d, want %d", r.Quotes.FN, nq)
		}
	})
}

func TestSentenceAt(t *testing.T) {
	text := "First one here. \"Second one,\" he said. Third.\n\nNew paragraph."
	tests := []struct {
		off  int
		want string
	}{
		{0, "First one here."},
		{20, "\"Second one,\" he said."},
		{len(text) - 3, "New paragraph."},
		{-1, ""},
		{len(text), ""},
	}
	for _, tt := range tests {
		if got := sentenceAt(text, tt.off); got != tt.want {
			t.Errorf("sentenceAt(text, %d) = %q, want %q", tt.off, got, tt.want)
		}
	}
}

func TestStandalone(t *testing.T) {
	text := "Mr Brown said so. Gordon Brown agreed, and Brown-Smith did not. Brownie points."
	forms := []string{"Gordon Brown", "Mr Brown", "Brown"}
	tests := []struct {
		text, form string
		want       bool
	}{
		{text, "Brown", false}, // only inside longer forms or other words
		{text + " Brown left.", "Brown", true},
		{text, "Mr Brown", true},
		{"", "Brown", false},
	}
	for _, tt := range tests {
		if got := standalone(tt.text, tt.form, forms); got != tt.want {
			t.Errorf("standalone(%q, %q) = %v, want %v", tt.text, tt.form, got, tt.want)
		}
	}
}
