package eval

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"
)

// Extractor is what Run measures; *extract.Extractor is one.
type Extractor interface {
	Extract(ctx context.Context, a extract.Article) (extract.Document, error)
}

// Paths says where the gold sets are.
type Paths struct {
	Devset    string // folder of <id>.json files
	Heldout   string // folder of held-out <id>.json files; "" for none
	Seeds     string // seeds.json
	SeedTexts string // folder of the seed articles named in seeds.json
}

// DefaultPaths returns the repository's gold sets under root, the module's
// root folder.
func DefaultPaths(root string) Paths {
	return Paths{
		Devset:    filepath.Join(root, "testdata", "devset"),
		Heldout:   filepath.Join(root, "testdata", "devset", "heldout"),
		Seeds:     filepath.Join(root, "testdata", "seeds.json"),
		SeedTexts: filepath.Join(root, "testdata", "seeds"),
	}
}

// PRF counts true positives, false positives and false negatives.
type PRF struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (s PRF) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN), 0 when there was nothing to find.
func (s PRF) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall, 0 when both are 0.
func (s PRF) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s *PRF) add(o PRF) { s.TP += o.TP; s.FP += o.FP; s.FN += o.FN }

// Ratio counts right answers out of a total, with weights: a hard seeds
// item weighs HardWeight, any other item 1.
type Ratio struct {
	Right float64 `json:"right"`
	Total float64 `json:"total"`
}

// Value is Right/Total, 0 when Total is 0.
func (r Ratio) Value() float64 {
	if r.Total == 0 {
		return 0
	}
	return r.Right / r.Total
}

func (r *Ratio) count(right bool, weight float64) {
	r.Total += weight
	if right {
		r.Right += weight
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Miss is one thing the extractor got wrong.
type Miss struct {
	Doc      string `json:"doc"`
	Kind     string `json:"kind"` // quote.fn, quote.fp, quote.fp.not_quote, speaker, direct, entity.fn, entity.fp, alias, merge, merge.extraction, date, seeds.<category>
	Gold     string `json:"gold,omitempty"`
	Got      string `json:"got,omitempty"`
	Sentence string `json:"sentence,omitempty"`
	Hard     bool   `json:"hard,omitempty"`
}

// Report is the result of one evaluation.
type Report struct {
	Articles     int   `json:"articles"`      // development set articles
	Quotes       PRF   `json:"quotes"`        // all quotes, direct and indirect
	DirectQuotes PRF   `json:"direct_quotes"` // direct gold quotes against direct predictions
	Speaker      Ratio `json:"speaker"`       // over matched quotes with a gold speaker
	// Attributed is speaker precision: over matched quotes to which the
	// extractor gave a speaker, how many it gave the right one. Speaker
	// and who-said-what count no speaker like a wrong one; an analyst
	// does not (a blank can be filled, a wrong name misleads), so this
	// shows a change that trades wrong speakers for none.
	Attributed   Ratio          `json:"attributed"`
	WhoSaidWhat  PRF            `json:"who_said_what"` // matched and speaker right
	DirectWho    PRF            `json:"direct_who_said_what"`
	Direct       Ratio          `json:"direct"` // direct/indirect right over matched quotes
	Entities     map[string]PRF `json:"entities"`
	Alias        Ratio          `json:"alias"`
	Merge        Ratio          `json:"merge"`            // in the graph store, across documents
	MergeExtract Ratio          `json:"merge_extraction"` // the same, by the names the extractor gives
	Date         Ratio          `json:"date"`
	Seeds        []SeedScore    `json:"seeds"`
	Heldout      *Heldout       `json:"heldout,omitempty"`
	Misses       []Miss         `json:"misses"`
}

// Heldout is the score on the held-out articles, kept apart so that
// tuning on the development set shows as a gap between the two. Its misses
// are not reported.
type Heldout struct {
	Articles    int   `json:"articles"`
	Quotes      PRF   `json:"quotes"`
	Speaker     Ratio `json:"speaker"`
	WhoSaidWhat PRF   `json:"who_said_what"`
}

// Run extracts every gold article with x and scores the result.
func Run(ctx context.Context, x Extractor, p Paths) (*Report, error) {
	dev, err := LoadDevset(p.Devset)
	if err != nil {
		return nil, err
	}
	var held []GoldArticle
	if p.Heldout != "" {
		if held, err = LoadDevset(p.Heldout); err != nil {
			return nil, err
		}
	}
	seeds, err := LoadSeeds(p.Seeds, p.SeedTexts)
	if err != nil {
		return nil, err
	}
	return Score(ctx, x, dev, held, seeds)
}

// Score extracts dev, held and the seeds with x and scores the result.
// held and seeds may be nil.
func Score(ctx context.Context, x Extractor, dev, held []GoldArticle, seeds *Seeds) (*Report, error) {
	r := &Report{Articles: len(dev), Entities: map[string]PRF{}}
	var merge []mergeItem
	var docs []stored
	for i := range dev {
		g := &dev[i]
		a := extract.Article{ID: g.ID, Title: g.Title, Text: g.Text, Source: g.Source, Published: g.Published}
		doc, err := x.Extract(ctx, a)
		if err != nil {
			return nil, fmt.Errorf("eval: extracting %s: %w", g.ID, err)
		}
		merge = append(merge, r.scoreArticle(g, &doc)...)
		docs = append(docs, stored{a, doc})
	}
	if seeds != nil {
		sdocs := make([]extract.Document, len(seeds.Documents))
		for i, d := range seeds.Documents {
			a := extract.Article{ID: d.ID, Title: d.Title, Text: d.Text, Source: d.Source, Published: d.Published}
			doc, err := x.Extract(ctx, a)
			if err != nil {
				return nil, fmt.Errorf("eval: extracting seed %s: %w", d.ID, err)
			}
			sdocs[i] = doc
			docs = append(docs, stored{a, doc})
		}
		merge = append(merge, r.scoreSeeds(seeds, sdocs)...)
	}
	if len(held) > 0 {
		h := &Report{Entities: map[string]PRF{}}
		for i := range held {
			g := &held[i]
			doc, err := x.Extract(ctx, extract.Article{ID: g.ID, Title: g.Title, Text: g.Text, Source: g.Source, Published: g.Published})
			if err != nil {
				return nil, fmt.Errorf("eval: extracting %s: %w", g.ID, err)
			}
			h.scoreArticle(g, &doc)
		}
		r.Heldout = &Heldout{Articles: len(held), Quotes: h.Quotes, Speaker: h.Speaker, WhoSaidWhat: h.WhoSaidWhat}
	}
	r.scoreMerge(merge, seeds)
	if err := r.scoreStoreMerge(ctx, docs, merge, seeds); err != nil {
		return nil, err
	}
	return r, nil
}

// scoreArticle scores one development set article and returns the gold
// people it found, for the merge score.
func (r *Report) scoreArticle(g *GoldArticle, doc *extract.Document) []mergeItem {
	n := devsetNames(g)
	r.scoreQuotes(g.ID, g.Text, g.Quotes, doc.Quotes, n, g.NotQuotes)
	found := r.scoreEntities(g.ID, g.Text, n, doc.Entities)
	for gi, pi := range found {
		e := &n.ents[gi]
		if e.Type == kind.Person {
			r.scoreAliases(g.ID, g.Text, e, &doc.Entities[pi])
		}
	}
	var out []mergeItem
	for gi, pi := range found {
		if n.ents[gi].Type == kind.Person {
			out = append(out, mergeItem{doc: g.ID, gold: n.ents[gi].Name, pred: doc.Entities[pi].Name})
		}
	}
	for gi := range n.ents {
		if _, ok := found[gi]; !ok && n.ents[gi].Type == kind.Person {
			out = append(out, mergeItem{doc: g.ID, gold: n.ents[gi].Name})
		}
	}
	return out
}

// scoreQuotes matches predicted quotes to gold ones and counts quote,
// speaker, direct and who-said-what scores.
func (r *Report) scoreQuotes(docID, text string, gold []GoldQuote, pred []extract.Quote, n *names, notQuotes []string) {
	pairs := matchQuotes(gold, pred)
	matchedG, matchedP := map[int]int{}, map[int]bool{}
	for _, pr := range pairs {
		matchedG[pr.Gold] = pr.Pred
		matchedP[pr.Pred] = true
	}
	var q, w PRF
	for gi, gq := range gold {
		pi, ok := matchedG[gi]
		if !ok {
			q.FN++
			w.FN++
			r.miss(Miss{Doc: docID, Kind: "quote.fn", Gold: quoteLabel(gq.Text, gq.Speaker, gq.Direct), Sentence: sentenceAt(text, gq.Start), Hard: gq.Hard})
			continue
		}
		pq := pred[pi]
		q.TP++
		right := n.speakerRight(gq.Speaker, pq.Speaker)
		if gq.Speaker != nil {
			r.Speaker.count(right, 1)
		}
		if pq.Speaker != nil {
			r.Attributed.count(right, 1)
		}
		if right {
			w.TP++
		} else {
			w.FN++
			w.FP++
			r.miss(Miss{Doc: docID, Kind: "speaker", Gold: quoteLabel(gq.Text, gq.Speaker, gq.Direct), Got: strOrNull(pq.Speaker), Sentence: sentenceAt(text, gq.Start), Hard: gq.Hard})
		}
		r.Direct.count(pq.Direct == gq.Direct, 1)
		if pq.Direct != gq.Direct {
			r.miss(Miss{Doc: docID, Kind: "direct", Gold: quoteLabel(gq.Text, gq.Speaker, gq.Direct), Got: quoteLabel(pq.Text, pq.Speaker, pq.Direct), Sentence: sentenceAt(text, gq.Start)})
		}
	}
	for pi, pq := range pred {
		if matchedP[pi] {
			continue
		}
		q.FP++
		w.FP++
		kind := "quote.fp"
		for _, nq := range notQuotes {
			if Normalize(nq) == Normalize(pq.Text) {
				kind = "quote.fp.not_quote"
			}
		}
		r.miss(Miss{Doc: docID, Kind: kind, Got: quoteLabel(pq.Text, pq.Speaker, pq.Direct), Sentence: sentenceAt(text, predStart(text, pq))})
	}
	r.Quotes.add(q)
	r.WhoSaidWhat.add(w)

	// The same again on direct quotes alone, for extractors that do not
	// (yet) report indirect speech.
	var dg []GoldQuote
	var dp []extract.Quote
	for _, gq := range gold {
		if gq.Direct {
			dg = append(dg, gq)
		}
	}
	for _, pq := range pred {
		if pq.Direct {
			dp = append(dp, pq)
		}
	}
	dpairs := matchQuotes(dg, dp)
	var dq, dw PRF
	dq.TP = len(dpairs)
	dq.FN = len(dg) - len(dpairs)
	dq.FP = len(dp) - len(dpairs)
	for _, pr := range dpairs {
		if n.speakerRight(dg[pr.Gold].Speaker, dp[pr.Pred].Speaker) {
			dw.TP++
		}
	}
	dw.FN = len(dg) - dw.TP
	dw.FP = len(dp) - dw.TP
	r.DirectQuotes.add(dq)
	r.DirectWho.add(dw)
}

func matchQuotes(gold []GoldQuote, pred []extract.Quote) []Pair {
	return MatchOneToOne(len(gold), len(pred),
		func(g, p int) float64 { return QuoteSimilarity(gold[g].Text, pred[p].Text) },
		func(g, p int) int { return abs(gold[g].Start - pred[p].Start) })
}

// scoreEntities matches predicted entities to gold ones type by type and
// returns, for each matched gold entity (index into n.ents), the index of
// its predicted entity.
func (r *Report) scoreEntities(docID, text string, n *names, pred []extract.Entity) map[int]int {
	found := map[int]int{}
	for _, t := range []kind.Entity{kind.Person, kind.Org, kind.Place} {
		var gi, pi []int
		for i := range n.ents {
			if n.ents[i].Type == t {
				gi = append(gi, i)
			}
		}
		for i := range pred {
			// Anonymous sources are not in the devset's people (p1, extract core).
			if pred[i].Type == t && !pred[i].Anonymous {
				pi = append(pi, i)
			}
		}
		pairs := MatchOneToOne(len(gi), len(pi), func(g, p int) float64 {
			return entitySimilarity(&n.ents[gi[g]], &pred[pi[p]])
		}, nil)
		s := r.Entities[t.String()]
		s.TP += len(pairs)
		s.FN += len(gi) - len(pairs)
		s.FP += len(pi) - len(pairs)
		r.Entities[t.String()] = s
		usedG, usedP := map[int]bool{}, map[int]bool{}
		for _, pr := range pairs {
			found[gi[pr.Gold]] = pi[pr.Pred]
			usedG[pr.Gold], usedP[pr.Pred] = true, true
		}
		for g := range gi {
			if !usedG[g] {
				e := n.ents[gi[g]]
				r.miss(Miss{Doc: docID, Kind: "entity.fn", Gold: t.String() + " " + e.Name, Sentence: sentenceAt(text, strings.Index(text, e.Name))})
			}
		}
		for p := range pi {
			if !usedP[p] {
				e := pred[pi[p]]
				r.miss(Miss{Doc: docID, Kind: "entity.fp", Got: t.String() + " " + e.Name, Sentence: sentenceAt(text, entityStart(text, &e))})
			}
		}
	}
	return found
}

// scoreAliases checks that every true alias of a gold person (one that
// does not contain the person's full name, such as "Mr Brown" for Gordon
// Brown) is a name, alias or mention of the predicted entity matched to it.
func (r *Report) scoreAliases(docID, text string, g *goldEntity, p *extract.Entity) {
	forms := entityForms(p)
	full := NormalizeName(g.Name)
	for _, a := range g.Forms[1:] {
		na := NormalizeName(a)
		if na == full || strings.Contains(" "+na+" ", " "+full+" ") {
			continue
		}
		ok := forms[na]
		r.Alias.count(ok, 1)
		if !ok {
			r.miss(Miss{Doc: docID, Kind: "alias", Gold: a + " -> " + g.Name, Got: p.Name, Sentence: sentenceAt(text, strings.Index(text, a))})
		}
	}
}

// mergeItem is a gold person seen in one document, with the name of the
// predicted entity matched to it ("" when none was).
type mergeItem struct {
	doc, gold, pred string
}

// scoreMerge counts, by the names the extractor gives, over every pair of documents, whether the same gold
// person got the same predicted name, and whether two gold people who
// share a surname (or are listed in the seeds' must_stay_apart) got
// different names.
func (r *Report) scoreMerge(items []mergeItem, seeds *Seeds) {
	apart := map[[2]string]bool{}
	if seeds != nil {
		for _, grp := range seeds.MustStayApart {
			for _, a := range grp {
				for _, b := range grp {
					if a != b {
						apart[[2]string{a, b}] = true
					}
				}
			}
		}
	}
	for i := 0; i < len(items); i++ {
		for j := i + 1; j < len(items); j++ {
			a, b := items[i], items[j]
			same := a.gold == b.gold
			if same && a.doc == b.doc {
				continue
			}
			ga, gb := NormalizeName(a.gold), NormalizeName(b.gold)
			if !same && !apart[[2]string{a.gold, b.gold}] &&
				!(containsSpace(ga) && containsSpace(gb) && lastWord(ga) == lastWord(gb)) {
				continue
			}
			pa, pb := NormalizeName(a.pred), NormalizeName(b.pred)
			right := pa != "" && pb != "" && (pa == pb) == same
			r.MergeExtract.count(right, 1)
			if !right {
				want := "merged"
				if !same {
					want = "apart"
				}
				r.miss(Miss{Doc: a.doc + "+" + b.doc, Kind: "merge.extraction", Gold: fmt.Sprintf("%s / %s: %s", a.gold, b.gold, want),
					Got: fmt.Sprintf("%q / %q", a.pred, b.pred)})
			}
		}
	}
}

func (r *Report) miss(m Miss) { r.Misses = append(r.Misses, m) }

func quoteLabel(text string, speaker *string, direct bool) string {
	d := "indirect"
	if direct {
		d = "direct"
	}
	return fmt.Sprintf("%s: %q (%s)", strOrNull(speaker), text, d)
}

func strOrNull(s *string) string {
	if s == nil {
		return "null"
	}
	return *s
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// predStart is where a predicted quote is in text: its Start when that is
// a valid offset, else where its text first occurs.
func predStart(text string, q extract.Quote) int {
	if q.Start >= 0 && q.Start < len(text) && q.End > q.Start {
		return q.Start
	}
	return strings.Index(text, q.Text)
}

func entityStart(text string, e *extract.Entity) int {
	for _, m := range e.Mentions {
		if m.Start >= 0 && m.Start < len(text) {
			return m.Start
		}
	}
	return strings.Index(text, e.Name)
}

// sentenceAt returns the sentence of text around byte offset off, or ""
// when off is outside the text.
func sentenceAt(text string, off int) string {
	if off < 0 || off >= len(text) {
		return ""
	}
	start := 0
	for i := off - 1; i > 0; i-- {
		if text[i] == '\n' || ((text[i-1] == '.' || text[i-1] == '?' || text[i-1] == '!') && text[i] == ' ' && i+1 < len(text) && isUpperOrQuote(text[i+1])) {
			start = i + 1
			break
		}
	}
	end := len(text)
	for i := off; i < len(text); i++ {
		if text[i] == '\n' {
			end = i
			break
		}
		if (text[i] == '.' || text[i] == '?' || text[i] == '!') && i+2 < len(text) && text[i+1] == ' ' && isUpperOrQuote(text[i+2]) && i > off+10 {
			end = i + 1
			break
		}
	}
	s := strings.TrimSpace(text[start:end])
	if len(s) > 300 {
		cut := 300
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

func isUpperOrQuote(c byte) bool { return (c >= 'A' && c <= 'Z') || c == '"' || c == 0xe2 }

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
