// Package gencorpus makes synthetic news corpora for benchmarks. It
// recombines the paragraphs of a real corpus into new articles, renames
// the people in them with names drawn, Zipf-like, from a pool that grows
// with the corpus, and dates and attributes each article, so that a store
// built from N articles has the entities and quotes of N articles of real
// news. Command gencorpus wraps it.
package gencorpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Corpus is the source material: the articles' paragraphs, grouped by
// section, and the person names found in them.
type Corpus struct {
	Articles  []SourceArticle
	sections  []string         // sorted, so that generation does not depend on map order
	bySection map[string][]int // section -> indexes into Articles
	fullNames map[string]bool  // "First Last" seen as a person
	surnames  map[string]bool  // "Last" seen after an honorific (Mr Blair)
	vocab     []string         // lower-case words of 5+ letters, each once, in order of first use
}

// SourceArticle is one article of the source corpus.
type SourceArticle struct {
	Title   string
	Section string
	Paras   []string
}

type sourceLine struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Text    string `json:"text"`
	Section string `json:"section"`
}

// LoadCorpus reads a JSON Lines corpus (title, text, section per line).
func LoadCorpus(path string) (*Corpus, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("loading corpus: %w", err)
	}
	defer f.Close()
	var arts []SourceArticle
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var l sourceLine
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("loading corpus %s:%d: %w", path, line, err)
		}
		paras := splitParas(l.Text)
		if len(paras) == 0 {
			continue
		}
		arts = append(arts, SourceArticle{Title: l.Title, Section: l.Section, Paras: paras})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("loading corpus %s: %w", path, err)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("loading corpus %s: no articles", path)
	}
	return NewCorpus(arts), nil
}

// NewCorpus indexes arts and finds the person names in them.
func NewCorpus(arts []SourceArticle) *Corpus {
	c := &Corpus{Articles: arts, bySection: map[string][]int{}, fullNames: map[string]bool{}, surnames: map[string]bool{}}
	for i, a := range arts {
		if _, ok := c.bySection[a.Section]; !ok {
			c.sections = append(c.sections, a.Section)
		}
		c.bySection[a.Section] = append(c.bySection[a.Section], i)
		for _, p := range a.Paras {
			c.findNames(p)
		}
	}
	sort.Strings(c.sections)
	seen := map[string]bool{}
	for _, a := range arts {
		for _, p := range a.Paras {
			for _, t := range tokenize(p, nil) {
				if w := p[t.start:t.end]; variable(w) && !seen[w] {
					seen[w] = true
					c.vocab = append(c.vocab, w)
				}
			}
		}
	}

	// A cue finds a person only where the text marks one. To find the
	// rest, learn first names from the names a cue found whose surname
	// also follows an honorific somewhere (Tony Blair said ... Mr Blair),
	// which rules out "Manchester United said"; then take every
	// capitalised pair that starts with a known first name.
	first := map[string]bool{}
	for _, f := range firstNames {
		first[f] = true
	}
	for _, f := range moreFirstNames {
		first[f] = true
	}
	for full := range c.fullNames {
		f, l, _ := strings.Cut(full, " ")
		if c.surnames[l] {
			first[f] = true
		}
	}
	for _, a := range arts {
		for _, p := range a.Paras {
			c.findByFirstName(p, first)
		}
	}
	return c
}

// findByFirstName adds every "First Last" in p whose first word is in first.
func (c *Corpus) findByFirstName(p string, first map[string]bool) {
	toks := tokenize(p, nil)
	for i := 0; i+1 < len(toks); i++ {
		f, l := p[toks[i].start:toks[i].end], p[toks[i+1].start:toks[i+1].end]
		if first[f] && toks[i].end+1 == toks[i+1].start && p[toks[i].end] == ' ' && nameWord(l) {
			c.fullNames[f+" "+l] = true
			i++
		}
	}
}

var moreFirstNames = strings.Fields(`Tony Gordon Jack Alastair Charles Michael Jose José Jean Pierre Roger Rafael Andy
	Tim Tom Steve Steven Jim James Bob Rob Bobby Robbie Dan Danny Joe Sam Ken Gerhard Jacques Vladimir George Dick Condoleezza
	Hillary Kofi Ariel Yasser Mahmoud Silvio Junichiro Hu Wen Kim Ron Jonny Lawrence Clive Martin Sven Thierry Arsene Arsène
	Alex Wayne Ruud Cristiano Frank Gary Paula Kelly Serena Venus Lleyton Lindsay Maria Amelie Andre Justin Jamie
	Ricky Robin Russell Kylie Madonna Elton Paul Ringo Britney Chris Nick Natalie Kate Keira Renee Nicole Julia Scarlett
	Leonardo Brad Johnny Clint Hilary Dustin Jude Hugh Colin Ewan Orlando Will Matt Bill Melinda Steve Larry Sergey Jeff
	Carly Meg Sunil Ramesh Arun Lakshmi Mikhail Boris Dmitry Igor Olga Ivan Anna Angela Nicolas Dominique Lionel Franz
	Wolfgang Jürgen Helmut Romano Gianni Luca Marco Paolo Carlos Luis Juan Pedro Miguel Pablo Manuel Antonio Jorge Diego`)

func splitParas(text string) []string {
	var out []string
	for p := range strings.SplitSeq(text, "\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// token is one word of a paragraph, as byte offsets.
type token struct{ start, end int }

// tokenize splits p into words: runs of letters (José stays whole), with
// an inner apostrophe or hyphen kept when a capital follows it (O'Neill,
// Smith-Jones). It reuses buf.
func tokenize(p string, buf []token) []token {
	buf = buf[:0]
	i := 0
	for i < len(p) {
		r, n := utf8.DecodeRuneInString(p[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		start := i
		for i < len(p) {
			r, n := utf8.DecodeRuneInString(p[i:])
			if unicode.IsLetter(r) {
				i += n
				continue
			}
			if (r == '\'' || r == '-') && i+1 < len(p) && isUpper(p[i+1]) {
				i += n
				continue
			}
			break
		}
		buf = append(buf, token{start, i})
	}
	return buf
}

// variable reports whether w may be swapped for another word in a quote:
// lower-case ASCII, five letters or more, so not a name nor a function word.
func variable(w string) bool {
	if len(w) < 5 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// nameWord reports whether w could be one word of a person's name: a
// capital, then at least one lower-case letter, and not a word that is
// capitalised for another reason.
func nameWord(w string) bool {
	if len(w) < 2 || !isUpper(w[0]) || notName[w] {
		return false
	}
	lower := 0
	for i := 1; i < len(w); i++ {
		if w[i] >= 'a' && w[i] <= 'z' {
			lower++
		}
	}
	return lower > 0
}

var honorifics = map[string]bool{"Mr": true, "Mrs": true, "Ms": true, "Miss": true, "Dr": true, "Sir": true}

var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "warned": true,
	"insisted": true, "explained": true, "argued": true, "claimed": true, "admitted": true, "stated": true}

// notName holds capitalised words that start sentences or name things other
// than people; a candidate containing one is not taken as a person.
var notName = func() map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq(`The A An And But Or If In On At To For Of By With From As It Its He She They We You I
		His Her Their Our This That These Those There Here When While After Before Since However Meanwhile
		Mr Mrs Ms Miss Dr Sir Lord Lady Prime Minister Chancellor President Secretary Chief Executive Chairman
		Labour Tory Tories Conservative Conservatives Liberal Democrat Democrats Republican Republicans Party
		Government Parliament Commons House Office Home Foreign Department Ministry Council Union Court Bank
		British Britain English England Scottish Scotland Welsh Wales Irish Ireland European Europe American America
		United States Kingdom Nations World Cup League Premiership Championship Open Olympic Olympics Games
		Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
		August September October November December Christmas Easter New Year Street Road North South East West
		BBC Radio News Times Post Today Group Company Inc Ltd Plc Corporation Club City Town County University
		Also Both Some Many Most All Each Every Other Another One Two Three First Second Last Next Yet Still So Then
		Now Only Even Just What Which Who Why How Where Not No Yes Under Over Into About Against Between During
		Internet Microsoft Google Apple Sony Nintendo Xbox PlayStation Oscar Oscars Awards Award Film Festival`) {
		m[w] = true
	}
	return m
}()

// findNames adds the person names in p to the corpus lexicons. It looks
// only where news English marks a person: after an honorific (Mr Blair,
// Dr John Reid) and next to a verb of speech (Tony Blair said, said Tony
// Blair). Cheap and incomplete on purpose: a name missed keeps its
// original spelling, which costs the generated corpus nothing but variety.
func (c *Corpus) findNames(p string) {
	toks := tokenize(p, nil)
	word := func(i int) string { return p[toks[i].start:toks[i].end] }
	adjacent := func(i int) bool { return toks[i].end+1 == toks[i+1].start && p[toks[i].end] == ' ' }
	for i := 0; i < len(toks); i++ {
		w := word(i)
		switch {
		case honorifics[w] && i+1 < len(toks) && adjacent(i) && nameWord(word(i+1)):
			if i+2 < len(toks) && adjacent(i+1) && nameWord(word(i+2)) {
				c.fullNames[word(i+1)+" "+word(i+2)] = true
				c.surnames[word(i+2)] = true
				i += 2
			} else {
				c.surnames[word(i+1)] = true
				i++
			}
		case i+2 < len(toks) && nameWord(w) && adjacent(i) && nameWord(word(i+1)) && speechVerbs[word(i+2)] &&
			(i == 0 || !nameWord(word(i-1)) || !adjacent(i-1)):
			gap := p[toks[i+1].end:toks[i+2].start]
			if gap == " " || gap == ", " {
				c.fullNames[w+" "+word(i+1)] = true
			}
		case speechVerbs[w] && i+2 < len(toks) && adjacent(i) && nameWord(word(i+1)) && adjacent(i+1) && nameWord(word(i+2)):
			if i+3 >= len(toks) || !adjacent(i+2) || !nameWord(word(i+3)) {
				c.fullNames[word(i+1)+" "+word(i+2)] = true
			}
		}
	}
}
