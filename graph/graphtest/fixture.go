// Package graphtest is a conformance suite for graph.Store, run on disk and
// in memory, over a small fixture of hand-drawn extract.Documents (built
// here, not by the extractor) that exercises merging across documents.
package graphtest

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kind"
)

// Doc is one fixture article with what an extractor would read from it.
type Doc struct {
	Article  extract.Article
	Document extract.Document
}

// builder draws a document: it finds each mention in the text and records
// its offsets, so the fixture cannot drift from its text.
type builder struct {
	a    extract.Article
	d    extract.Document
	errs []string
}

func newDoc(id, source, published, text string) *builder {
	b := &builder{a: extract.Article{ID: id, Title: "Title of " + id, Text: text, Published: published, Source: source}}
	b.d = extract.Document{ID: id, Title: b.a.Title, Source: source, Published: published}
	return b
}

// span finds the nth (from 0) occurrence of sub.
func (b *builder) span(sub string, nth int) extract.Span {
	off := 0
	for i := 0; ; i++ {
		j := strings.Index(b.a.Text[off:], sub)
		if j < 0 {
			b.errs = append(b.errs, fmt.Sprintf("%s: %q occurrence %d not in text", b.a.ID, sub, nth))
			return extract.Span{}
		}
		if i == nth {
			return extract.Span{Start: off + j, End: off + j + len(sub), Text: sub}
		}
		off += j + len(sub)
	}
}

// entity adds an entity whose mentions are every occurrence of each of its
// names, taken in the order given (the longest first avoids double counts).
func (b *builder) entity(id string, t kind.Entity, name string, aliases []string, mentions ...string) *extract.Entity {
	e := extract.Entity{ID: id, Name: name, Type: t, Aliases: aliases, Confidence: 1}
	for _, m := range mentions {
		sp := b.span(m, 0)
		e.Mentions = append(e.Mentions, sp)
	}
	b.d.Entities = append(b.d.Entities, e)
	return &b.d.Entities[len(b.d.Entities)-1]
}

func (b *builder) quote(speaker, speakerID, text, date string, direct bool) {
	sp := b.span(text, 0)
	q := extract.Quote{SpeakerID: speakerID, Text: text, Cue: "said", Direct: direct, Date: date,
		Start: sp.Start, End: sp.End, Confidence: 1}
	if speaker != "" {
		q.Speaker = &speaker
	}
	b.d.Quotes = append(b.d.Quotes, q)
}

func (b *builder) done() Doc {
	if len(b.errs) > 0 {
		panic("graphtest: bad fixture: " + strings.Join(b.errs, "; ")) // a fixture bug, caught by any test run
	}
	return Doc{Article: b.a, Document: b.d}
}

// Fixture returns three articles about one story from three outlets:
//
//   - Anna Berg (also "Ms Berg", "Berg") is in all three, in c only as
//     "Ms Berg"; her quote "We will not back down" is in a, b (other quote
//     marks, an ellipsis) and c (longer): one quote, three sources, dated
//     2020-02-28 by a.
//   - Lee Park (a, also "Park"), Tom Park (b, also "Mr Park") and "Park"
//     alone (c, ambiguous) are three people.
//   - "It is over." is Tom Park's in b and "Park"'s in c: one quote, two
//     speakers.
//   - "United Nations" (a, alias "UN") and "UN" (b) are one organisation.
//   - Freedonia is a place; Berg is its minister (a role, so role_of).
//   - a speech by Berg at the UN on 2020-02-28 (a, b); a vote (c) undated.
//   - Lee Park's quote has no date of its own: it takes a's publication date.
func Fixture() []Doc {
	a := newDoc("a", "outlet-a", "2020-03-01",
		"Freedonia's foreign minister Anna Berg spoke at the United Nations on Friday. "+
			"\"We will not back down,\" Ms Berg said. Lee Park, an envoy, met Berg in New York. "+
			"\"The talks are going well,\" Lee Park said. The UN has called a vote.")
	a.entity("e1", kind.Person, "Anna Berg", []string{"Ms Berg", "Berg"}, "Anna Berg", "Ms Berg", "met Berg")
	a.d.Entities[0].Roles = []extract.Role{{Title: "foreign minister", Org: "Freedonia", OrgID: "e2", Start: 12, End: 28}}
	a.d.Entities[0].Mentions[2] = a.span("Berg", 2)
	a.entity("e2", kind.Place, "Freedonia", nil, "Freedonia")
	a.entity("e3", kind.Org, "United Nations", []string{"UN"}, "United Nations", "UN has")
	a.d.Entities[2].Mentions[1] = a.span("UN", 0)
	a.entity("e4", kind.Person, "Lee Park", []string{"Park"}, "Lee Park")
	a.d.Entities[3].Mentions = append(a.d.Entities[3].Mentions, a.span("Lee Park", 1))
	a.entity("e5", kind.Place, "New York", nil, "New York")
	a.quote("Anna Berg", "e1", "We will not back down,", "2020-02-28", true)
	a.quote("Lee Park", "e4", "The talks are going well,", "", true)
	a.d.Events = []extract.Event{{ID: "v1", Type: "speech", Text: "spoke at the United Nations", Date: "2020-02-28",
		Participants: []string{"Anna Berg"}, ParticipantIDs: []string{"e1"}, Place: "United Nations", PlaceID: "e3",
		Start: a.span("spoke", 0).Start, End: a.span("United Nations", 0).End}}
	a.d.Relations = []extract.Relation{{Subject: "Lee Park", SubjectID: "e4", Predicate: kind.Met, Object: "Anna Berg",
		ObjectID: "e1", Start: a.span("Lee Park", 0).Start, End: a.span("met Berg", 0).End}}

	b := newDoc("b", "outlet-b", "2020-03-02",
		"Minister Anna Berg told the UN: \u201cWe will not back down\u2026\u201d "+
			"Tom Park, a trade official, disagreed: \"It is over.\" Mr Park spoke later. Berg later left Freedonia.")
	b.entity("e1", kind.Person, "Anna Berg", []string{"Berg"}, "Anna Berg", "Berg later")
	b.d.Entities[0].Mentions[1] = b.span("Berg", 1)
	b.entity("e2", kind.Org, "UN", nil, "UN")
	b.entity("e3", kind.Person, "Tom Park", []string{"Mr Park"}, "Tom Park", "Mr Park")
	b.entity("e4", kind.Place, "Freedonia", nil, "Freedonia")
	b.quote("Anna Berg", "e1", "We will not back down\u2026", "", true)
	b.quote("Tom Park", "e3", "It is over.", "", true)
	b.d.Events = []extract.Event{{ID: "v1", Type: "speech", Text: "told the UN", Date: "2020-02-28",
		Participants: []string{"Anna Berg"}, ParticipantIDs: []string{"e1"}, Place: "UN", PlaceID: "e2",
		Start: b.span("told the UN", 0).Start, End: b.span("told the UN", 0).End}}

	c := newDoc("c", "outlet-c", "2020-04-10",
		"Ms Berg repeated: \"We will not back down, not now and not ever.\" "+
			"Park said nothing. Someone said \"it is over\" and Freedonia held a vote.")
	c.entity("e1", kind.Person, "Berg", []string{"Ms Berg"}, "Ms Berg")
	c.entity("e2", kind.Person, "Park", nil, "Park")
	c.entity("e3", kind.Place, "Freedonia", nil, "Freedonia")
	c.quote("Ms Berg", "e1", "We will not back down, not now and not ever.", "", true)
	c.quote("Park", "e2", "it is over", "", true)
	c.d.Events = []extract.Event{{ID: "v1", Type: "vote", Text: "Freedonia held a vote",
		Participants: []string{"Freedonia"}, ParticipantIDs: []string{"e3"},
		Start: c.span("Freedonia held a vote", 0).Start, End: c.span("Freedonia held a vote", 0).End}}
	return []Doc{a.done(), b.done(), c.done()}
}

// LoadDir makes a store in dir holding the fixture, and closes it: for
// tests that then change or open the store on disk themselves.
func LoadDir(ctx context.Context, dir string) error {
	s, err := graph.Open(ctx, graph.Options{Dir: dir})
	if err != nil {
		return err
	}
	if err := Load(ctx, s); err != nil {
		s.Close()
		return err
	}
	return s.Close()
}

// Load ingests the fixture into s.
func Load(ctx context.Context, s *graph.Store) error {
	for _, d := range Fixture() {
		if _, err := s.Ingest(ctx, d.Article, d.Document); err != nil {
			return err
		}
	}
	return nil
}
