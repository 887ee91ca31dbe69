package eval

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"
)

// HardWeight is what a seeds item marked hard counts for, against 1 for
// any other item: hard items need inference beyond the sentence.
const HardWeight = 0.5

// Seeds is testdata/seeds.json with the texts of its documents.
type Seeds struct {
	Documents     []SeedDocument    `json:"documents"`
	People        []SeedPerson      `json:"people"`
	MustStayApart [][]string        `json:"must_stay_apart"`
	Anonymous     []SeedNamed       `json:"anonymous_sources"`
	Places        []SeedNamed       `json:"places"`
	Orgs          []SeedNamed       `json:"organizations"`
	Quotes        []SeedQuote       `json:"quotes"`
	NotQuotes     []string          `json:"not_quotes"`
	Indirect      []SeedIndirect    `json:"indirect_speech"`
	Events        []SeedEvent       `json:"events"`
	Relations     []SeedRelation    `json:"relations"`
	byPrefix      map[string]string // "000" -> document ID
}

// SeedDocument is one seed article; ID and Text are filled in by LoadSeeds.
type SeedDocument struct {
	File      string `json:"file"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	ID        string `json:"-"` // the file name without its extension
	Text      string `json:"-"`
}

// SeedNamed is a place, organisation or anonymous source with the forms
// the articles use.
type SeedNamed struct {
	Name     string   `json:"name"`
	Mentions []string `json:"mentions"`
}

// SeedRole is a title a seed person holds.
type SeedRole struct {
	Title string `json:"title"`
	Of    string `json:"of,omitempty"`
	For   string `json:"for,omitempty"`
	With  string `json:"with,omitempty"`
}

// SeedPerson is a person of the seeds.
type SeedPerson struct {
	Name     string     `json:"name"`
	Mentions []string   `json:"mentions"`
	Roles    []SeedRole `json:"roles"`
}

// SeedQuote is a quote of the seeds; Docs are document ID prefixes.
type SeedQuote struct {
	Speaker string   `json:"speaker"`
	Text    string   `json:"text"`
	Date    string   `json:"date,omitempty"`
	Docs    []string `json:"docs"`
	Hard    bool     `json:"hard,omitempty"`
	HardIn  []string `json:"hard_in,omitempty"`
}

// SeedIndirect is reported speech, given by its gist.
type SeedIndirect struct {
	Speaker string   `json:"speaker"`
	Gist    string   `json:"gist"`
	Docs    []string `json:"docs"`
}

// SeedEvent is something that happened.
type SeedEvent struct {
	What  string `json:"what"`
	Who   string `json:"who"`
	When  string `json:"when"`
	Where string `json:"where,omitempty"`
}

// SeedRelation is a link between two entities.
type SeedRelation struct {
	From string `json:"from"`
	Rel  string `json:"rel"`
	To   string `json:"to"`
}

// LoadSeeds reads seeds.json and the texts of its documents from textDir.
func LoadSeeds(path, textDir string) (*Seeds, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: reading seeds: %w", err)
	}
	var s Seeds
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("eval: decoding %s: %w", path, err)
	}
	s.byPrefix = map[string]string{}
	for i := range s.Documents {
		d := &s.Documents[i]
		t, err := os.ReadFile(filepath.Join(textDir, d.File))
		if err != nil {
			return nil, fmt.Errorf("eval: reading seed article: %w", err)
		}
		d.Text = string(t)
		d.ID = strings.TrimSuffix(d.File, filepath.Ext(d.File))
		if p, _, ok := strings.Cut(d.ID, "_"); ok {
			s.byPrefix[p] = d.ID
		}
		s.byPrefix[d.ID] = d.ID
	}
	return &s, nil
}

// SeedScore is the right/total count of one category of seeds items.
type SeedScore struct {
	Category string `json:"category"`
	Ratio
}

// seedNames is every named thing of the seeds, for speakers and entities.
func (s *Seeds) names() *names {
	n := &names{}
	for _, p := range s.People {
		n.ents = append(n.ents, goldEntity{Name: p.Name, Type: kind.Person, Forms: append([]string{p.Name}, p.Mentions...)})
	}
	for _, o := range s.Orgs {
		n.ents = append(n.ents, goldEntity{Name: o.Name, Type: kind.Org, Forms: append([]string{o.Name}, o.Mentions...)})
	}
	for _, p := range s.Places {
		n.ents = append(n.ents, goldEntity{Name: p.Name, Type: kind.Place, Forms: append([]string{p.Name}, p.Mentions...)})
	}
	for _, a := range s.Anonymous {
		n.ents = append(n.ents, goldEntity{Name: a.Name, Forms: append([]string{a.Name}, a.Mentions...), Anonymous: true})
	}
	return n
}

// present is the subset of n whose entities have a form in text.
func (n *names) present(text string) *names {
	out := &names{}
	for _, e := range n.ents {
		for _, f := range e.Forms {
			if strings.Contains(text, f) {
				out.ents = append(out.ents, e)
				break
			}
		}
	}
	return out
}

// matchTyped matches the typed gold entities of n to pred, type by type,
// and returns the predicted entity index for each matched gold index.
func matchTyped(n *names, pred []extract.Entity) map[int]int {
	found := map[int]int{}
	for _, t := range []kind.Entity{kind.Person, kind.Org, kind.Place} {
		var gi, pi []int
		for i := range n.ents {
			if n.ents[i].Type == t {
				gi = append(gi, i)
			}
		}
		for i := range pred {
			if pred[i].Type == t {
				pi = append(pi, i)
			}
		}
		for _, pr := range MatchOneToOne(len(gi), len(pi), func(g, p int) float64 {
			return entitySimilarity(&n.ents[gi[g]], &pred[pi[p]])
		}, nil) {
			found[gi[pr.Gold]] = pi[pr.Pred]
		}
	}
	return found
}

type seedDoc struct {
	id, text string
	doc      *extract.Document
	n        *names
	found    map[string]*extract.Entity // gold name -> matched predicted entity
}

// scoreSeeds scores the seeds' items per category and adds the date
// accuracy; it returns the seed people found, for the merge score.
func (r *Report) scoreSeeds(s *Seeds, docs []extract.Document) []mergeItem {
	all := s.names()
	var sd []*seedDoc
	var merge []mergeItem
	for i := range s.Documents {
		d := &seedDoc{id: s.Documents[i].ID, text: s.Documents[i].Text, doc: &docs[i], found: map[string]*extract.Entity{}}
		d.n = all.present(d.text)
		for gi, pi := range matchTyped(d.n, d.doc.Entities) {
			d.found[d.n.ents[gi].Name] = &d.doc.Entities[pi]
		}
		for _, e := range d.n.ents {
			if e.Type == kind.Person {
				m := mergeItem{doc: d.id, gold: e.Name}
				if p := d.found[e.Name]; p != nil {
					m.pred = p.Name
				}
				merge = append(merge, m)
			}
		}
		sd = append(sd, d)
	}
	cats := map[string]*Ratio{}
	var order []string
	count := func(cat string, right, hard bool, gold, got string) {
		if cats[cat] == nil {
			cats[cat] = &Ratio{}
			order = append(order, cat)
		}
		w := 1.0
		if hard {
			w = HardWeight
		}
		cats[cat].count(right, w)
		if !right {
			r.miss(Miss{Doc: "seeds", Kind: "seeds." + cat, Gold: gold, Got: got, Hard: hard})
		}
	}

	for _, p := range s.People {
		var got []string
		right := false
		for _, d := range sd {
			if e := d.found[p.Name]; e != nil {
				got = append(got, e.Name)
				right = right || NormalizeName(e.Name) == NormalizeName(p.Name)
			}
		}
		count("people", right, false, p.Name, strings.Join(got, ", "))
		full := NormalizeName(p.Name)
		for _, m := range p.Mentions {
			nm := NormalizeName(m)
			if nm == full || strings.Contains(" "+nm+" ", " "+full+" ") {
				continue
			}
			seen, ok := false, false
			for _, d := range sd {
				if !strings.Contains(d.text, m) {
					continue
				}
				seen = true
				if e := d.found[p.Name]; e != nil && entityForms(e)[nm] {
					ok = true
				}
			}
			if seen {
				count("aliases", ok, !sharesWord(m, p.Name), m+" -> "+p.Name, "")
			}
		}
		for _, role := range p.Roles {
			ok := false
			var have []string
			for _, d := range sd {
				if e := d.found[p.Name]; e != nil {
					for _, pr := range e.Roles {
						have = append(have, pr.Title)
						if strings.Contains(" "+NormalizeName(pr.Title)+" ", " "+NormalizeName(role.Title)+" ") {
							ok = true
						}
					}
				}
			}
			count("roles", ok, false, p.Name+": "+role.Title, strings.Join(have, ", "))
		}
	}
	for _, grp := range []struct {
		cat  string
		list []SeedNamed
		t    kind.Entity
	}{{"places", s.Places, kind.Place}, {"organizations", s.Orgs, kind.Org}} {
		for _, g := range grp.list {
			ok := false
			for _, d := range sd {
				if e := d.found[g.Name]; e != nil && e.Type == grp.t {
					ok = true
				}
			}
			count(grp.cat, ok, false, g.Name, "")
		}
	}

	// Quotes, matched one to one within each document.
	for _, d := range sd {
		var qs []SeedQuote
		for _, q := range s.Quotes {
			if s.inDoc(q.Docs, d.id) {
				qs = append(qs, q)
			}
		}
		pred := d.doc.Quotes
		pairs := MatchOneToOne(len(qs), len(pred), func(g, p int) float64 { return QuoteSimilarity(qs[g].Text, pred[p].Text) }, nil)
		got := map[int]int{}
		for _, pr := range pairs {
			got[pr.Gold] = pr.Pred
		}
		for gi, q := range qs {
			hard := q.Hard || s.inDoc(q.HardIn, d.id)
			spk := q.Speaker
			pi, ok := got[gi]
			label := fmt.Sprintf("%s: %q in %s", q.Speaker, q.Text, d.id)
			if !ok {
				count("quotes", false, hard, label, "not found")
				if q.Date != "" {
					r.Date.count(false, 1)
					r.miss(Miss{Doc: d.id, Kind: "date", Gold: label + " on " + q.Date, Got: "quote not found"})
				}
				continue
			}
			pq := pred[pi]
			count("quotes", all.speakerRight(&spk, pq.Speaker), hard, label, quoteLabel(pq.Text, pq.Speaker, pq.Direct))
			if q.Date != "" {
				r.Date.count(pq.Date == q.Date, 1)
				if pq.Date != q.Date {
					r.miss(Miss{Doc: d.id, Kind: "date", Gold: label + " on " + q.Date, Got: pq.Date})
				}
			}
		}
	}
	for _, nq := range s.NotQuotes {
		var bad []string
		for _, d := range sd {
			for _, pq := range d.doc.Quotes {
				if Normalize(pq.Text) == Normalize(nq) {
					bad = append(bad, d.id)
				}
			}
		}
		count("not_quotes", len(bad) == 0, false, nq, strings.Join(bad, ", "))
	}
	for _, in := range s.Indirect {
		for _, d := range sd {
			if !s.inDoc(in.Docs, d.id) {
				continue
			}
			ok := false
			spk := in.Speaker
			for _, pq := range d.doc.Quotes {
				if !pq.Direct && all.speakerRight(&spk, pq.Speaker) && gistCovered(in.Gist, pq.Text) {
					ok = true
				}
			}
			count("indirect_speech", ok, false, fmt.Sprintf("%s: %s in %s", in.Speaker, in.Gist, d.id), "")
		}
	}
	for _, rel := range s.Relations {
		ok := false
		for _, d := range sd {
			ok = ok || relationFound(all, d, rel)
		}
		count("relations", ok, false, rel.From+" "+rel.Rel+" "+rel.To, "")
	}
	for _, ev := range s.Events {
		ok, dated := false, false
		var got []string
		for _, d := range sd {
			for _, pe := range d.doc.Events {
				if !eventWho(all, ev.Who, pe) || !sharesStem(ev.What, pe.Type+" "+pe.Text) {
					continue
				}
				got = append(got, pe.Type+" "+pe.Date)
				if !isDate(ev.When) || pe.Date == ev.When {
					ok = true
				}
				if isDate(ev.When) && pe.Date == ev.When {
					dated = true
				}
			}
		}
		count("events", ok, false, fmt.Sprintf("%s: %s (%s)", ev.Who, ev.What, ev.When), strings.Join(got, "; "))
		if isDate(ev.When) {
			r.Date.count(dated, 1)
			if !dated {
				r.miss(Miss{Doc: "seeds", Kind: "date", Gold: fmt.Sprintf("event %s: %s on %s", ev.Who, ev.What, ev.When), Got: strings.Join(got, "; ")})
			}
		}
	}
	// The Kims and the anonymous official must stay apart within and
	// across the documents.
	for _, grp := range s.MustStayApart {
		names := map[string]string{}
		ok := true
		for _, g := range grp {
			for _, d := range sd {
				var pn string
				if e := d.found[g]; e != nil {
					pn = NormalizeName(e.Name)
				} else {
					for _, pq := range d.doc.Quotes {
						if pq.Speaker != nil && all.speakerRight(&g, pq.Speaker) {
							pn = NormalizeName(*pq.Speaker)
						}
					}
				}
				if pn == "" {
					continue
				}
				if o, dup := names[pn]; dup && o != g {
					ok = false
				}
				names[pn] = g
			}
		}
		count("must_stay_apart", ok && len(names) > 0, false, strings.Join(grp, " / "), "")
	}

	var total Ratio
	for _, c := range order {
		r.Seeds = append(r.Seeds, SeedScore{Category: c, Ratio: *cats[c]})
		total.Right += cats[c].Right
		total.Total += cats[c].Total
	}
	r.Seeds = append(r.Seeds, SeedScore{Category: "all", Ratio: total})
	return merge
}

func (s *Seeds) inDoc(prefixes []string, id string) bool {
	for _, p := range prefixes {
		if s.byPrefix[p] == id {
			return true
		}
	}
	return false
}

var dateRE = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func isDate(s string) bool { return dateRE.MatchString(s) }

// stopwords are left out when comparing gists and event descriptions.
var stopwords = map[string]bool{
	"the": true, "and": true, "with": true, "for": true, "from": true, "that": true, "this": true, "was": true,
	"are": true, "has": true, "his": true, "her": true, "its": true, "after": true, "into": true, "of": true,
	"to": true, "a": true, "an": true, "in": true, "on": true, "is": true, "be": true, "by": true, "at": true,
	"should": true, "most": true, "some": true,
}

// stems is the content words of s cut to five letters, a poor man's stemmer
// good enough to see "testing" in "test-fires".
func stems(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range Tokens(strings.NewReplacer("-", " ", "'s", " ").Replace(strings.ToLower(s))) {
		if len(w) < 3 || stopwords[w] {
			continue
		}
		if len(w) > 5 {
			w = w[:5]
		}
		out[w] = true
	}
	return out
}

// gistCovered reports whether at least 40% of the gist's content words
// appear in text: reported speech is paraphrased in the seeds.
func gistCovered(gist, text string) bool {
	g, t := stems(gist), stems(text)
	if len(g) == 0 {
		return false
	}
	c := 0
	for w := range g {
		if t[w] {
			c++
		}
	}
	return float64(c)/float64(len(g)) >= 0.4
}

func sharesStem(a, b string) bool {
	bs := stems(b)
	for w := range stems(a) {
		if bs[w] {
			return true
		}
	}
	return false
}

func sharesWord(a, b string) bool {
	bw := contentWords(b)
	for w := range contentWords(a) {
		if bw[w] {
			return true
		}
	}
	return false
}

// refersTo reports whether a predicted name refers to the gold entity
// called gold.
func refersTo(n *names, gold, pred string) bool {
	return n.speakerRight(&gold, &pred)
}

func eventWho(n *names, who string, e extract.Event) bool {
	for _, p := range e.Participants {
		if refersTo(n, who, p) {
			return true
		}
	}
	return false
}

// relPredicates maps a seeds relation to the predicates that express it.
var relPredicates = map[string][]kind.Predicate{
	"in contact with":       {kind.ContactWith},
	"works for":             {kind.WorksFor, kind.MemberOf, kind.RoleOf},
	"secretary of state of": {kind.RoleOf, kind.LeaderOf, kind.WorksFor},
	"president of":          {kind.RoleOf, kind.LeaderOf},
	"leader of":             {kind.LeaderOf, kind.RoleOf},
	"chief of":              {kind.LeaderOf, kind.RoleOf},
	"calls":                 {kind.Calls},
	"detains":               {kind.Detained},
	"defected from":         {kind.DefectedFrom},
}

// relationFound reports whether doc holds rel, as a relation or, for the
// role-like ones, as a role of the subject.
func relationFound(n *names, d *seedDoc, rel SeedRelation) bool {
	preds := relPredicates[strings.ToLower(rel.Rel)]
	for _, pr := range d.doc.Relations {
		okPred := false
		for _, p := range preds {
			okPred = okPred || pr.Predicate == p
		}
		if okPred && refersTo(n, rel.From, pr.Subject) && refersTo(n, rel.To, pr.Object) {
			return true
		}
	}
	for _, p := range preds {
		if p != kind.RoleOf && p != kind.LeaderOf && p != kind.WorksFor {
			continue
		}
		if e := d.found[rel.From]; e != nil {
			for _, role := range e.Roles {
				if role.Org != "" && refersTo(n, rel.To, role.Org) {
					return true
				}
			}
		}
	}
	return false
}
