package extract

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/kind"
)

// entity is one entity of the document being built.
type entity struct {
	name     string
	typ      kind.Entity
	forms    []string // every name form seen, Name among them
	mentions []int    // indexes into doc.ms, in text order
	roles    []Role
	conf     float64
	nameToks []string // lowercase words of the name, for surname lookups
	nomKey   string   // anonymous sources: the lowercase name
	nomHead  string
	count    int // mentions seen so far during resolution
	lastPos  int
	first    int // start of the first mention
}

func (e *entity) addForm(f string) {
	for _, g := range e.forms {
		if g == f {
			return
		}
	}
	e.forms = append(e.forms, f)
}

type typeScore struct {
	person, org, place, event float64
	n                         int
}

// scoreEps absorbs the rounding of summed clue weights: a one-word name
// written four times (0.3+0.1+0.1+0.1) must reach 0.6.
const scoreEps = 1e-9

// decideTypes sums the evidence of each name over the document and gives
// every name mention its type; names too weak to call are dropped.
func (d *doc) decideTypes() {
	x := d.x
	scores := make(map[string]*typeScore)
	for i := range d.ms {
		m := &d.ms[i]
		if m.fromLex || m.nominal {
			continue
		}
		sc := scores[m.key]
		if sc == nil {
			sc = &typeScore{}
			scores[m.key] = sc
		}
		sc.person += m.person
		sc.org += m.org
		sc.place += m.place
		sc.event += m.event
		sc.n++
		if m.defaultPerson && sc.n == 1 {
			sc.person += 0.6 // once per name, not per mention
		}
		if m.nWords == 1 && sc.n <= 4 {
			// A word written with a capital again and again is some name;
			// companies most often go by one word.
			sc.org += 0.3
			if sc.n > 1 {
				sc.org -= 0.2
			}
		}
	}
	// Full person names, for the words of the names.
	fullWords := make(map[string]bool)
	for i := range d.ms {
		m := &d.ms[i]
		if m.fromLex || m.nominal || m.nWords < 2 || m.drop || m.headline {
			continue
		}
		sc := scores[m.key]
		if sc.person >= 0.6 && sc.person >= sc.org && sc.person >= sc.place {
			for _, w := range nameWords(m.key) {
				fullWords[w] = true
			}
		}
	}
	body := make(map[string]bool)
	for i := range d.ms {
		m := &d.ms[i]
		if m.fromLex || m.nominal {
			continue
		}
		sc := scores[m.key]
		switch {
		case m.work:
			m.drop = true
		case m.nWords == 1 && fullWords[strings.ToLower(m.key)] && sc.org < 3:
			m.typ = kind.Person
		case sc.event > sc.person && sc.event > sc.org && sc.event >= 3:
			m.typ = kind.Event
		case m.nWords == 1 && x.lex.cues[strings.ToLower(m.key)] && sc.person < 1:
			m.typ = kind.Org
			m.backref = true
		case sc.person >= sc.org && sc.person >= sc.place && sc.person >= 0.6-scoreEps:
			m.typ = kind.Person
		case sc.org >= sc.place && sc.org >= 0.6-scoreEps:
			m.typ = kind.Org
		case sc.place >= 0.8-scoreEps:
			m.typ = kind.Place
		default:
			m.drop = true
		}
		if !m.headline && !m.quoted && !m.drop {
			body[m.key] = true
		}
	}
	// Headline and quoted words stand only for what the body names.
	for i := range d.ms {
		m := &d.ms[i]
		if m.fromLex || m.nominal || m.drop || !(m.headline || m.quoted) {
			continue
		}
		if body[m.key] || (m.nWords == 1 && fullWords[strings.ToLower(m.key)]) {
			continue
		}
		sc := scores[m.key]
		if m.quoted && !m.headline && (sc.person >= 3 || sc.org >= 3) {
			continue
		}
		m.drop = true
	}
}

// nameWords splits a name into its lowercase words.
func nameWords(name string) []string {
	f := strings.Fields(strings.ToLower(name))
	return f
}

// resolve groups mentions into entities: lexicon places and organisations
// by canonical name, other names by their text, and lone surnames onto the
// full name they abbreviate.
func (d *doc) resolve() {
	byKey := make(map[string]int) // type + canonical key -> entity
	persons := []int{}            // full-name person entities
	newEntity := func(name string, t kind.Entity, first int) int {
		d.ents = append(d.ents, entity{name: name, typ: t, first: first, lastPos: -1})
		return len(d.ents) - 1
	}
	// Full person names first, so that surnames can find them even before
	// they appear (a headline "Kim").
	for i := range d.ms {
		m := &d.ms[i]
		if m.drop || m.typ != kind.Person || m.nominal || m.nWords < 2 {
			continue
		}
		k := "P|" + strings.ToLower(m.key)
		if _, ok := byKey[k]; !ok {
			e := newEntity(m.key, kind.Person, m.start)
			d.ents[e].nameToks = nameWords(m.key)
			byKey[k] = e
			persons = append(persons, e)
		}
	}
	var backrefs []int
	// "De Vido" after "Julio De Vido": a shorter multi-word name that ends a
	// longer one is that person.
	for _, e := range persons {
		short := d.ents[e].nameToks
		owner := -1
		for _, f := range persons {
			long := d.ents[f].nameToks
			if f == e || len(long) <= len(short) || !sameWords(long[len(long)-len(short):], short) {
				continue
			}
			if owner >= 0 {
				owner = -2
				break
			}
			owner = f
		}
		if owner >= 0 {
			byKey["P|"+strings.ToLower(d.ents[e].name)] = owner
			d.ents[e].typ = kind.Unknown
		}
	}
	for i := range d.ms {
		m := &d.ms[i]
		if m.drop || m.nominal {
			continue
		}
		if m.backref {
			backrefs = append(backrefs, i)
			continue
		}
		var e int
		switch {
		case m.typ == kind.Person && m.nWords >= 2:
			e = byKey["P|"+strings.ToLower(m.key)]
		case m.typ == kind.Person:
			e = d.surname(persons, m)
			if e < 0 {
				k := "P|" + strings.ToLower(m.key)
				var ok bool
				if e, ok = byKey[k]; !ok {
					e = newEntity(m.key, kind.Person, m.start)
					d.ents[e].nameToks = nameWords(m.key)
					byKey[k] = e
				}
			}
		default:
			k := m.typ.String() + "|" + strings.ToLower(m.canon)
			if !m.fromLex {
				k = m.typ.String() + "|" + strings.ToLower(m.key)
				m.canon = m.key
			}
			var ok bool
			if e, ok = byKey[k]; !ok {
				e = newEntity(m.canon, m.typ, m.start)
				byKey[k] = e
			}
		}
		m.ent = e
		ent := &d.ents[e]
		ent.count++
		ent.lastPos = m.start
		if m.start < ent.first {
			ent.first = m.start
		}
		form := d.text[m.start:m.end]
		if m.honor != "" || strings.ContainsAny(form, "\n\t") || strings.Contains(form, "  ") {
			form = d.spanText(m.start, m.end)
		}
		ent.addForm(form)
	}
	// "the Commission" stands for the one organisation whose name ends so.
	for _, i := range backrefs {
		m := &d.ms[i]
		w := strings.ToLower(m.key)
		m.ent = -1
		for e := range d.ents {
			ent := &d.ents[e]
			if ent.typ != kind.Org || !strings.Contains(ent.name, " ") || !strings.HasSuffix(strings.ToLower(ent.name), " "+w) {
				continue
			}
			if m.ent >= 0 {
				m.ent = -1
				break
			}
			m.ent = e
		}
		if m.ent < 0 {
			m.drop = true
			continue
		}
		d.ents[m.ent].addForm(m.key)
	}
	// "the North" after "North Korea": the one place named with that word.
	for i := range d.ms {
		m := &d.ms[i]
		if !m.compassRef {
			continue
		}
		prefix := m.key + " "
		for e := range d.ents {
			if d.ents[e].typ == kind.Place && strings.HasPrefix(d.ents[e].name, prefix) && d.ents[e].first < m.start {
				if m.ent >= 0 {
					m.ent = -1
					break
				}
				m.ent = e
			}
		}
		if m.ent >= 0 {
			m.drop = false
			m.typ = kind.Place
			d.ents[m.ent].addForm("the " + m.key)
		}
	}
	d.mergeAcronyms(byKey)
}

// surname resolves a one-word person mention to the full-name person whose
// name starts or ends with it: the most mentioned so far, ties broken by
// the most recent; failing that, the most mentioned in the whole document.
func (d *doc) surname(persons []int, m *mention) int {
	w := strings.ToLower(m.key)
	g := d.x.lex.gender(m.honor)
	best, bestCount, bestPos := -1, -1, -1
	for _, e := range persons {
		ent := &d.ents[e]
		n := len(ent.nameToks)
		if n < 2 || ent.typ != kind.Person || (ent.nameToks[0] != w && ent.nameToks[n-1] != w) {
			continue
		}
		if eg := d.gender(e); g != 0 && eg != 0 && eg != g {
			continue // "Mrs Jackson" is not Michael Jackson
		}
		if ent.lastPos < 0 || ent.lastPos > m.start {
			continue
		}
		if ent.count > bestCount || (ent.count == bestCount && ent.lastPos > bestPos) {
			best, bestCount, bestPos = e, ent.count, ent.lastPos
		}
	}
	if best >= 0 {
		return best
	}
	// Nobody named yet: the most mentioned full name in the document.
	for _, e := range persons {
		ent := &d.ents[e]
		n := len(ent.nameToks)
		if n < 2 || ent.typ != kind.Person || (ent.nameToks[0] != w && ent.nameToks[n-1] != w) {
			continue
		}
		if eg := d.gender(e); g != 0 && eg != 0 && eg != g {
			continue
		}
		c := d.fullCount(e)
		if c > bestCount {
			best, bestCount = e, c
		}
	}
	return best
}

func (d *doc) fullCount(e int) int {
	n := 0
	name := strings.ToLower(d.ents[e].name)
	for i := range d.ms {
		if d.ms[i].typ == kind.Person && !d.ms[i].drop && strings.ToLower(d.ms[i].key) == name {
			n++
		}
	}
	return n
}

// mergeAcronyms folds an organisation written as its acronym into the
// organisation it abbreviates: "Centre for Strategic and International
// Studies" and "CSIS", or "(SEC)" right after a name.
func (d *doc) mergeAcronyms(byKey map[string]int) {
	for i := range d.ents {
		a := &d.ents[i]
		if a.typ != kind.Org || !isAllCaps(a.name) || strings.Contains(a.name, " ") {
			continue
		}
		for j := range d.ents {
			b := &d.ents[j]
			if j == i || b.typ != kind.Org || !strings.Contains(b.name, " ") {
				continue
			}
			if initials(b.name) == a.name {
				d.mergeInto(j, i)
				break
			}
		}
	}
}

func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		r, _ := runeAt(w, 0)
		if isUpperRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mergeInto moves entity from's mentions into entity to.
func (d *doc) mergeInto(to, from int) {
	for i := range d.ms {
		if d.ms[i].ent == from {
			d.ms[i].ent = to
		}
	}
	for _, f := range d.ents[from].forms {
		d.ents[to].addForm(f)
	}
	d.ents[from].typ = kind.Unknown // emptied; skipped on output
	d.ents[from].forms = nil
}

// collectMentions fills each entity's mention list in text order.
func (d *doc) collectMentions() {
	for i := range d.ents {
		d.ents[i].mentions = d.ents[i].mentions[:0]
	}
	order := make([]int, 0, len(d.ms))
	for i := range d.ms {
		if d.ms[i].ent >= 0 && !d.ms[i].drop {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return d.ms[order[a]].start < d.ms[order[b]].start })
	d.order = order
	for _, i := range order {
		e := &d.ents[d.ms[i].ent]
		e.mentions = append(e.mentions, i)
	}
	// the fullest name
	for i := range d.ents {
		e := &d.ents[i]
		if e.typ != kind.Person || e.nomKey != "" {
			continue
		}
		for _, mi := range e.mentions {
			m := &d.ms[mi]
			if m.nominal || m.fromLex {
				continue
			}
			if len(nameWords(m.key)) > len(nameWords(e.name)) && !d.hasHonorific(m.key) {
				e.name = m.key
			}
		}
	}
}

// addSurnames lists the last word of a person's full name among its
// aliases when no other person of the document shares it, so that a later
// "Blixt" or a query for the surname finds Charles A Blixt.
func (d *doc) addSurnames() {
	count := make(map[string]int)
	for i := range d.ents {
		e := &d.ents[i]
		if e.typ != kind.Person || e.nomKey != "" || len(e.mentions) == 0 {
			continue
		}
		for _, w := range nameWords(e.name) {
			count[w]++
		}
	}
	for i := range d.ents {
		e := &d.ents[i]
		if e.typ != kind.Person || e.nomKey != "" || len(e.mentions) == 0 {
			continue
		}
		f := strings.Fields(e.name)
		if len(f) < 2 {
			continue
		}
		sure := len(e.mentions) > 1
		for _, mi := range e.mentions {
			if d.ms[mi].person >= 1 {
				sure = true
			}
		}
		if !sure {
			continue // a name read as a person by default only: no surname guess
		}
		last := f[len(f)-1]
		if count[strings.ToLower(last)] == 1 && !strings.Contains(last, "-") && !strings.HasSuffix(last, ".") {
			parts := f[len(f)-1:]
			if p := strings.ToLower(f[len(f)-2]); connectors[p] && len(f) > 2 {
				parts = f[len(f)-2:] // "De Vido", "van Gaal"
			}
			// Only a form the text uses: "Kim Dong Chul" puts the family
			// name first, and "Chul" alone is nobody's name.
			if d.standsAlone(parts) {
				e.addForm(strings.Join(parts, " "))
			}
		}
	}
}

// standsAlone reports whether the words occur in the text outside a longer
// name: no capitalised word right before them (an honorific aside, "Mr
// Blixt") and none right after.
func (d *doc) standsAlone(words []string) bool {
	n := len(words)
	for k := 0; k+n <= len(d.toks); k++ {
		match := true
		for i, w := range words {
			if d.toks[k+i].text != w {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		if k > 0 && isCapWord(&d.toks[k-1]) && d.toks[k-1].sent == d.toks[k].sent && !d.hasHonorific(d.toks[k-1].text) {
			continue
		}
		if k+n < len(d.toks) && isCapWord(&d.toks[k+n]) && d.toks[k+n].sent == d.toks[k].sent {
			continue
		}
		return true
	}
	return false
}

func (d *doc) hasHonorific(f string) bool {
	w := strings.Fields(f)
	if len(w) == 0 {
		return false
	}
	e, ok := d.x.lex.phrases[strings.ToLower(strings.TrimSuffix(w[0], "."))]
	return ok && (e.kind == lexHonorific || e.kind == lexTitle)
}

// mentionAt returns the index in d.order of the first mention starting at
// or after pos.
func (d *doc) mentionAt(pos int) int {
	return sort.Search(len(d.order), func(i int) bool { return d.ms[d.order[i]].start >= pos })
}

// gender of an entity: from the first word of its name, else from an
// honorific it was written with; 0 when unknown.
func (d *doc) gender(e int) byte {
	ent := &d.ents[e]
	if ent.typ != kind.Person {
		return 0
	}
	if len(ent.nameToks) > 1 {
		if g := d.x.lex.gender(ent.nameToks[0]); g != 0 {
			return g
		}
	}
	for _, f := range ent.forms {
		if w := strings.Fields(f); len(w) > 1 {
			if g := d.x.lex.gender(w[0]); g != 0 && d.x.lex.phrases[strings.ToLower(strings.TrimSuffix(w[0], "."))].kind == lexHonorific {
				return g
			}
		}
	}
	return 0
}

func sameWords(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
