package gencorpus

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

// Config sets what a Generator writes. The zero value of each field but
// Seed means its default.
type Config struct {
	Seed     uint64
	N        int // articles to write
	Pool     int // distinct people to draw from; zero means 2000 + N
	FromYear int // first year of publication dates; zero means 2010
	Years    int // years the dates spread over; zero means 15
}

// Stats counts what a Generator wrote.
type Stats struct {
	Articles  int
	Words     int // whitespace-separated words of the texts
	TextBytes int
	People    int // distinct pool people named at least once
}

// Article is one generated article, in newsgraph's input shape.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Source    string `json:"source"`
}

// Generator makes synthetic articles from a Corpus. Article i depends only
// on the corpus, the seed and i, so any range of the output can be
// regenerated on its own.
type Generator struct {
	c    *Corpus
	cfg  Config
	pool uint64
}

// NewGenerator returns a Generator over c.
func NewGenerator(c *Corpus, cfg Config) *Generator {
	if cfg.FromYear == 0 {
		cfg.FromYear = 2010
	}
	if cfg.Years <= 0 {
		cfg.Years = 15
	}
	pool := uint64(cfg.Pool)
	if pool == 0 {
		pool = 2000 + uint64(max(cfg.N, 0))
	}
	pool = min(pool, uint64(len(firstNames)*len(surnamePre)*len(surnameSuf)))
	return &Generator{c: c, cfg: cfg, pool: pool}
}

// Write writes cfg.N articles to w as JSON Lines.
func (g *Generator) Write(ctx context.Context, w io.Writer) (Stats, error) {
	var st Stats
	seen := make([]uint64, (g.pool+63)/64) // a bitset: constant memory for a given pool
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	var people []uint64
	for i := range g.cfg.N {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return st, err
			}
		}
		a := g.article(i, &people)
		if err := enc.Encode(a); err != nil {
			return st, fmt.Errorf("article %d: %w", i, err)
		}
		st.Articles++
		st.Words += len(strings.Fields(a.Text))
		st.TextBytes += len(a.Text)
		for _, k := range people {
			if seen[k/64]&(1<<(k%64)) == 0 {
				seen[k/64] |= 1 << (k % 64)
				st.People++
			}
		}
	}
	return st, nil
}

// Article returns article i.
func (g *Generator) Article(i int) Article {
	var people []uint64
	return g.article(i, &people)
}

// article builds article i: the opening paragraphs of one source article
// followed by runs of paragraphs from one or two others of the same
// section, every person renamed consistently within the article. It sets
// *people to the pool indexes named.
func (g *Generator) article(i int, people *[]uint64) Article {
	r := rand.New(rand.NewPCG(g.cfg.Seed, uint64(i)))
	// P(k) ∝ (10+k)^-1.1: the head is flattened by v=10 so that the most
	// famous person is in about one article in ten, not one in two.
	zipf := rand.NewZipf(r, 1.1, 10, g.pool-1)

	arts := g.c.Articles
	lead := arts[r.IntN(len(arts))]
	same := g.c.bySection[lead.Section]
	want := len(lead.Paras)
	cut := 1 + r.IntN(want)
	paras := append([]string(nil), lead.Paras[:cut]...)
	for tries := 0; len(paras) < want && tries < 3; tries++ {
		other := arts[same[r.IntN(len(same))]]
		from := r.IntN(len(other.Paras))
		to := min(len(other.Paras), from+want-len(paras))
		paras = append(paras, other.Paras[from:to]...)
	}

	rn := renamer{c: g.c, draw: func() uint64 { return zipf.Uint64() }, full: map[string]uint64{}, sur: map[string]string{}}
	rn.collect(lead.Title)
	for _, p := range paras {
		rn.collect(p)
	}
	*people = (*people)[:0]
	for _, k := range rn.order {
		*people = append(*people, k)
	}

	var b, pb strings.Builder
	for j, p := range paras {
		if j > 0 {
			b.WriteString("\n\n")
		}
		pb.Reset()
		rn.rewrite(&pb, p)
		g.varyQuotes(&b, pb.String(), r)
	}
	var t strings.Builder
	rn.rewrite(&t, lead.Title)

	start := time.Date(g.cfg.FromYear, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(start.AddDate(g.cfg.Years, 0, 0).Sub(start).Hours() / 24)
	pub := start.AddDate(0, 0, r.IntN(days))

	return Article{
		ID:        fmt.Sprintf("gen-%d-%07d", g.cfg.Seed, i),
		Title:     t.String(),
		Text:      b.String(),
		Published: pub.Format(time.DateOnly),
		Source:    outlets[outletIndex(r)],
	}
}

// varyQuotes writes p to b with one word of each quotation swapped for a
// random word of the corpus. Recombined paragraphs would otherwise repeat
// the same few thousand BBC quotes under many speakers, where real news
// says something new each time; a changed word makes each quotation its
// own, while the rest of its words still match contains: searches.
func (g *Generator) varyQuotes(b *strings.Builder, p string, r *rand.Rand) {
	if len(g.c.vocab) == 0 {
		b.WriteString(p)
		return
	}
	var toks []token
	for {
		open := strings.IndexByte(p, '"')
		if open < 0 {
			break
		}
		n := strings.IndexByte(p[open+1:], '"')
		if n < 0 {
			break
		}
		q := p[open+1 : open+1+n]
		b.WriteString(p[:open+1])
		toks = tokenize(q, toks)
		var cand []token
		for _, t := range toks {
			if variable(q[t.start:t.end]) {
				cand = append(cand, t)
			}
		}
		if len(cand) > 0 {
			t := cand[r.IntN(len(cand))]
			b.WriteString(q[:t.start])
			k := r.IntN(len(g.c.vocab))
			if g.c.vocab[k] == q[t.start:t.end] {
				k = (k + 1) % len(g.c.vocab)
			}
			b.WriteString(g.c.vocab[k])
			b.WriteString(q[t.end:])
		} else {
			b.WriteString(q)
		}
		b.WriteByte('"')
		p = p[open+1+n+1:]
	}
	b.WriteString(p)
}

// outletIndex draws an outlet, the first ones more often, as a few big
// outlets publish most of the news.
func outletIndex(r *rand.Rand) int {
	n := len(outlets)
	return min(n-1, int(float64(n)*r.Float64()*r.Float64()))
}

// renamer maps the people of one article to pool people.
type renamer struct {
	c     *Corpus
	draw  func() uint64
	full  map[string]uint64 // original "First Last" -> pool index
	sur   map[string]string // original surname -> new surname
	order []uint64          // pool indexes in order of first use
	toks  []token
}

func (rn *renamer) person(name string) uint64 {
	if k, ok := rn.full[name]; ok {
		return k
	}
	k := rn.draw()
	rn.full[name] = k
	rn.order = append(rn.order, k)
	return k
}

// collect assigns a pool person to every name in p, full names first so
// that a later "Mr Blair" takes the surname of the "Tony Blair" before it.
func (rn *renamer) collect(p string) {
	rn.toks = tokenize(p, rn.toks)
	toks := rn.toks
	for i := 0; i < len(toks); i++ {
		w := p[toks[i].start:toks[i].end]
		if i+1 < len(toks) && toks[i].end+1 == toks[i+1].start && p[toks[i].end] == ' ' {
			full := w + " " + p[toks[i+1].start:toks[i+1].end]
			if rn.c.fullNames[full] {
				k := rn.person(full)
				if _, ok := rn.sur[p[toks[i+1].start:toks[i+1].end]]; !ok {
					rn.sur[p[toks[i+1].start:toks[i+1].end]] = personName(k).last
				}
				i++
				continue
			}
			if honorifics[w] && rn.c.surnames[p[toks[i+1].start:toks[i+1].end]] {
				s := p[toks[i+1].start:toks[i+1].end]
				if _, ok := rn.sur[s]; !ok {
					rn.sur[s] = personName(rn.person(s)).last
				}
				i++
			}
		}
	}
}

// rewrite writes p to b with the names collect found replaced.
func (rn *renamer) rewrite(b *strings.Builder, p string) {
	rn.toks = tokenize(p, rn.toks)
	toks := rn.toks
	last := 0
	for i := 0; i < len(toks); i++ {
		w := p[toks[i].start:toks[i].end]
		if i+1 < len(toks) && toks[i].end+1 == toks[i+1].start && p[toks[i].end] == ' ' {
			full := w + " " + p[toks[i+1].start:toks[i+1].end]
			if k, ok := rn.full[full]; ok && rn.c.fullNames[full] {
				n := personName(k)
				b.WriteString(p[last:toks[i].start])
				b.WriteString(n.first)
				b.WriteByte(' ')
				b.WriteString(n.last)
				last = toks[i+1].end
				i++
				continue
			}
		}
		if s, ok := rn.sur[w]; ok {
			b.WriteString(p[last:toks[i].start])
			b.WriteString(s)
			last = toks[i].end
		}
	}
	b.WriteString(p[last:])
}

type name struct{ first, last string }

// personName returns pool person k's name. Names are a bijection of k
// over first × surname-prefix × surname-suffix, scrambled by a
// multiplication modulo their product so that neighbouring ranks do not
// share a first name.
func personName(k uint64) name {
	nf, np, ns := uint64(len(firstNames)), uint64(len(surnamePre)), uint64(len(surnameSuf))
	m := nf * np * ns
	// 1_000_003 is prime and larger than m, so it is coprime with m.
	x := (k*1_000_003 + 12345) % m
	return name{first: firstNames[x%nf], last: surnamePre[(x/nf)%np] + surnameSuf[x/(nf*np)]}
}

var firstNames = strings.Fields(`Aaron Abigail Adam Adele Adrian Agnes Alan Alice Alison Amara Amir Amy Andrew Angela
	Anita Ann Anthony Arjun Arthur Ava Barbara Barry Beatrice Ben Bernard Beth Bill Brenda Brian Bridget Bruce Carl
	Carla Carmen Caroline Catherine Cecil Charles Chloe Chris Claire Colin Craig Daniel Daphne David Deborah Declan
	Denise Derek Diana Dominic Donald Doris Duncan Edith Edward Eileen Elena Eliza Emma Eric Esther Eva Farah Fatima
	Felix Fiona Frank Freya Gareth Gemma George Gillian Gordon Grace Graham Hannah Harriet Harry Hazel Helen Henry
	Hugo Ian Imogen Irene Isaac Isabel Ivan Jack Jacob Jane Janet Jasmine Jeremy Joan Joanna John Jonathan Joseph
	Judith Julia Karen Kate Keith Kenneth Kevin Laura Lawrence Leah Leon Lily Linda Lucy Luke Malcolm Margaret Maria
	Mark Martin Mary Matthew Maya Michael Miriam Mohammed Nadia Naomi Neil Nicholas Nina Nora Oliver Olivia Omar
	Owen Patricia Patrick Paul Pauline Peter Philip Priya Rachel Rajesh Raymond Rebecca Richard Robert Rosa Ruth
	Ryan Samuel Sandra Sarah Sean Simon Sofia Sophie Stephen Susan Tariq Teresa Thomas Timothy Valerie Victor Wendy William Yusuf Zara`)

var surnamePre = strings.Fields(`Ash Bal Bar Bel Ben Black Brad Brom Cal Cart Chad Clay Cor Dal Dar Dun Eld Ell Fair Farn
	Fen Ford Gar Glen Gold Hal Hart Hay Hol Kel Ken Kirk Lang Lind Mar Mel Mill Mor Nor Oak Pem Pen Rad Red Ren Ros
	Rush Sal Shel Stan Stock Thorn Tal Tem Un Ver Wal War Wes Whit Wick Win Wood Yar`)

var surnameSuf = strings.Fields(`by combe cott croft dale den don field ford gate ham hill hurst ing ington land ley
	low mere more ner ridge stead stone ton vey wall well wick win worth wood yard`)

var outlets = []string{"Daily Ledger", "Evening Courier", "The Northern Post", "Capital Wire", "Morning Standard",
	"Harbour Gazette", "Valley Chronicle", "Metro Herald", "Coastal Times", "The Weekly Observer",
	"Midland Echo", "Borough News", "Channel Report", "Riverside Mail", "The Independent Voice"}
