package eval

import (
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"
)

// goldEntity is a person, organisation, place or anonymous source of the
// gold annotations with every form it goes by.
type goldEntity struct {
	Name      string
	Type      kind.Entity // Unknown for anonymous sources
	Forms     []string    // Name first, then the aliases
	Anonymous bool
}

// names holds the gold entities of one article (or of the two seed
// articles) for matching speakers and entities by name.
type names struct {
	ents []goldEntity
}

func devsetNames(a *GoldArticle) *names {
	n := &names{}
	for _, p := range a.People {
		n.ents = append(n.ents, goldEntity{Name: p.Name, Type: kind.Person, Forms: append([]string{p.Name}, p.Aliases...)})
	}
	for _, o := range a.Orgs {
		n.ents = append(n.ents, goldEntity{Name: o, Type: kind.Org, Forms: append([]string{o}, a.EntityAliases[o]...)})
	}
	for _, p := range a.Places {
		n.ents = append(n.ents, goldEntity{Name: p, Type: kind.Place, Forms: append([]string{p}, a.EntityAliases[p]...)})
	}
	return n
}

func (n *names) byName(name string) *goldEntity {
	for i := range n.ents {
		if n.ents[i].Name == name {
			return &n.ents[i]
		}
	}
	return nil
}

// hasForm reports whether e goes by the normalised name nn.
func (e *goldEntity) hasForm(nn string) bool {
	for _, f := range e.Forms {
		if NormalizeName(f) == nn {
			return true
		}
	}
	return false
}

// surnameUnique reports whether w, a single normalised word, is the last
// word of exactly one gold person's name.
func (n *names) surnameUnique(w string) bool {
	c := 0
	for i := range n.ents {
		if n.ents[i].Type == kind.Person && lastWord(NormalizeName(n.ents[i].Name)) == w {
			c++
		}
	}
	return c == 1
}

// SpeakerRight reports whether pred names the gold speaker gold: see the
// package comment for the rules. A nil pred is never right; a nil gold is
// right only with a nil pred.
func (n *names) speakerRight(gold, pred *string) bool {
	if gold == nil || pred == nil {
		return gold == nil && pred == nil
	}
	gn, pn := NormalizeName(*gold), NormalizeName(*pred)
	if pn == "" {
		return false
	}
	if gn == pn {
		return true
	}
	e := n.byName(*gold)
	if e != nil && e.hasForm(pn) {
		return true
	}
	if e != nil && e.Type == kind.Person {
		return !containsSpace(pn) && pn == lastWord(gn) && n.surnameUnique(pn)
	}
	// An anonymous or unlisted source: "spokeswoman" for "Trafford Centre
	// spokeswoman", but never a named entity of the article for it.
	for i := range n.ents {
		if !n.ents[i].Anonymous && n.ents[i].Name != *gold && n.ents[i].hasForm(pn) {
			return false
		}
	}
	g, p := contentWords(*gold), contentWords(*pred)
	return subset(p, g) || subset(g, p)
}

func containsSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return true
		}
	}
	return false
}

// entitySimilarity scores a predicted entity against a gold one of the
// same type: 1 for equal names, 0.8 when a name of one is an alias of the
// other, 0.6 for a shared alias, 0 otherwise.
func entitySimilarity(g *goldEntity, p *extract.Entity) float64 {
	gn, pn := NormalizeName(g.Name), NormalizeName(p.Name)
	if gn == pn && gn != "" {
		return 1
	}
	if g.hasForm(pn) && pn != "" {
		return 0.8
	}
	pForms := map[string]bool{}
	for _, a := range p.Aliases {
		if x := NormalizeName(a); x != "" {
			pForms[x] = true
		}
	}
	if pForms[gn] {
		return 0.8
	}
	for _, f := range g.Forms {
		if pForms[NormalizeName(f)] {
			return 0.6
		}
	}
	return 0
}

// entityForms is every normalised form a predicted entity goes by: its
// name, its aliases and the text of its mentions.
func entityForms(p *extract.Entity) map[string]bool {
	out := map[string]bool{}
	add := func(s string) {
		if x := NormalizeName(s); x != "" {
			out[x] = true
		}
	}
	add(p.Name)
	for _, a := range p.Aliases {
		add(a)
	}
	for _, m := range p.Mentions {
		add(m.Text)
	}
	return out
}
