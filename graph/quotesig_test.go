package graph

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/corpus"
)

// realTexts returns normalised sentences of real news text: the seed
// articles, the development set and, when it is there, the start of the
// BBC corpus. Quotes are sentences or runs of them.
func realTexts(t *testing.T) []string {
	t.Helper()
	var texts []string
	seeds, _ := filepath.Glob("../testdata/seeds/*.txt")
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	dev, _ := filepath.Glob("../testdata/devset/*.json")
	for _, p := range dev {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var a struct {
			Text string `json:"text"`
		}
		if json.Unmarshal(b, &a) == nil {
			texts = append(texts, a.Text)
		}
	}
	if arts, err := corpus.Load(300); err == nil {
		for _, a := range arts {
			texts = append(texts, a.Text)
		}
	}
	var out []string
	for _, text := range texts {
		start := 0
		for _, end := range sentenceEnds(text) {
			if n := NormQuote(text[start:min(end, len(text))]); len(strings.Fields(n)) >= 2 {
				out = append(out, n)
			}
			start = min(end, len(text))
		}
	}
	if len(out) < 100 {
		t.Fatalf("found %d sentences of real text, want at least 100", len(out))
	}
	return out
}

// TestSignatureNoFalseNegative: whenever two texts are shorter and longer
// reports of the same words (isVariant, the test findQuote applies to the
// record), the signatures let the pair through, whichever is stored and
// among whatever other variants.
func TestSignatureNoFalseNegative(t *testing.T) {
	check := func(name, stored, norm string, others ...string) {
		t.Helper()
		if !isVariant(stored, norm) {
			return
		}
		ns := signature(norm)
		for _, vs := range [][]string{{stored}, append(append([]string(nil), others...), stored), append([]string{stored}, others...)} {
			if !mayBeVariant(quoteSigs(vs), &ns) {
				t.Fatalf("%s: signatures of %q turn down %q, a variant of %q", name, vs, norm, stored)
			}
		}
	}
	long := strings.Repeat("w ", 300) + "end"
	for _, tc := range []struct{ name, a, b string }{
		{"same words", "we will not give up", "we will not give up"},
		{"at the start", "we will not give up on the talks", "we will not give up"},
		{"at the end", "i said that we will not give up", "we will not give up"},
		{"in the middle", "today we will not give up here", "will not give"},
		{"three words", "a deal is a deal", "is a deal"},
		{"repeated words", "no no no no never", "no no no"},
		{"non-ASCII words", "l'économie va très bien selon nous", "va très bien"},
		{"more than 255 words", long, strings.Repeat("w ", 290) + "end"},
		{"more than 255 words, shorter under", long, "w w w end"},
	} {
		if !isVariant(tc.a, tc.b) {
			t.Fatalf("%s: isVariant(%q, %q) = false: the case tests nothing", tc.name, tc.a, tc.b)
		}
		check(tc.name, tc.a, tc.b, "something else entirely said")
		check(tc.name+" reversed", tc.b, tc.a, "something else entirely said")
	}

	// Every run of three or more words of a real sentence, against the
	// sentence, both ways round.
	texts := realTexts(t)
	rng := rand.New(rand.NewPCG(1, 2))
	pairs := 0
	for i, s := range texts {
		words := strings.Fields(s)
		for range 4 {
			if len(words) < minVariantWords {
				break
			}
			from := rng.IntN(len(words) - minVariantWords + 1)
			to := from + minVariantWords + rng.IntN(len(words)-from-minVariantWords+1)
			sub := strings.Join(words[from:to], " ")
			other := texts[(i+1)%len(texts)]
			check("sentence", s, sub, other)
			check("sentence reversed", sub, s, other)
			pairs++
		}
	}
	// And every pair of sentences that happen to be variants (headlines
	// and their repeats, stock phrases).
	for i := range texts {
		for j := range min(len(texts), 200) {
			check("pair", texts[i], texts[j])
		}
	}
	t.Logf("%d sentences, %d runs of words checked", len(texts), pairs)
}

// TestSignatureRulesOut: the point of the signatures is to turn down
// texts that are not variants; among real sentences that are not, few
// may pass.
func TestSignatureRulesOut(t *testing.T) {
	texts := realTexts(t)
	var sigs [][]byte
	for _, s := range texts {
		sigs = append(sigs, quoteSigs([]string{s}))
	}
	pass, pairs := 0, 0
	for i, norm := range texts {
		if len(strings.Fields(norm)) < minVariantWords {
			continue
		}
		ns := signature(norm)
		for j := i + 1; j < len(texts) && j < i+200; j++ {
			if isVariant(texts[j], norm) {
				continue
			}
			pairs++
			if mayBeVariant(sigs[j], &ns) {
				pass++
			}
		}
	}
	rate := float64(pass) / float64(pairs)
	t.Logf("%d of %d pairs of sentences that are not variants pass the signatures (%.3f%%)", pass, pairs, 100*rate)
	if rate > 0.01 {
		t.Errorf("%.2f%% of non-variants pass the signatures, want under 1%%", 100*rate)
	}
}

// TestMayBeVariantMalformed: a value that is not a list of signatures (a
// key written by hand, a bug) rules nothing out.
func TestMayBeVariantMalformed(t *testing.T) {
	ns := signature("we will not give up")
	for _, v := range [][]byte{nil, {}, {1, 2, 3}, make([]byte, sigBytes+1)} {
		if !mayBeVariant(v, &ns) {
			t.Errorf("mayBeVariant(%d bytes) = false, want true", len(v))
		}
	}
	if mayBeVariant(quoteSigs([]string{"something else entirely"}), &ns) {
		t.Errorf("mayBeVariant(another text) = true, want false")
	}
}
