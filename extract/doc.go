// Package extract turns the text of a news article into facts: entities
// (people, organisations, places) with their aliases and roles, quotes with
// their speaker, cue verb and date, events and relations. Every fact carries
// the byte offsets of the span of the article it was read from, and a
// confidence between 0 and 1.
//
// The types in types.go are the extractor's output and the input of the
// graph store; their JSON form is the `newsgraph extract` output fixed by
// CONTRACT.md.
//
// # Usage
//
//	x := extract.New() // once: builds the lexicons
//	doc, err := x.Extract(ctx, extract.Article{ID: "a1", Text: text, Published: "2017-11-01"})
//
// One Extractor serves any number of goroutines.
//
// # How it reads
//
// Extract makes one pass of a hand-written tokenizer (byte offsets, dotted
// initials, possessives, sentences and a headline line) and then works on
// tokens, never with regular expressions:
//
//   - Capitalised runs are split by longest match against the lexicons built
//     by New from the tables in gazetteer.go: countries with their short
//     names, capitals and demonyms, regions and cities, known organisations,
//     role titles and honorifics. A capital that acts ("Pyongyang's
//     testing") stands for its country; after "in", "at", "to" it is the city.
//   - The remaining names are scored for PERSON, ORG, PLACE or EVENT from
//     clues around each mention (honorifics, titles, given names, "X, 45,",
//     speech verbs, organisation cue words, "in X"); the scores are summed per
//     name over the document, so "Mr Yun" makes every "Yun" a person.
//     Sentence openers, headline words and words inside quotation marks are
//     names only if the body names them.
//   - Mentions become entities: full names by their text, a lone surname or
//     "Mr Surname" onto the most mentioned (then most recent) full name
//     starting or ending with it, of a compatible gender; acronyms onto the
//     organisation they abbreviate; "the President" onto the one holder of
//     that role. Anonymous sources ("a senior State Department official")
//     are PERSON entities marked Anonymous, named by their head phrase.
//   - Roles come from titles before a name, appositions and copulas;
//     relations (role_of, leader_of, works_for, member_of, met, detained,
//     released, defected_from, in_contact_with, calls, located_in) from
//     patterns around trigger words; events from trigger verbs and nouns
//     with the entities of their clause.
//   - Some things are named without a proper name. A capitalised phrase in
//     scare quotes after "so-called" ("the so-called “New York channel”")
//     is an ORG-like named thing, and every later writing of it a mention.
//     "The hermit kingdom" (the + lower-case modifier + kingdom, nation,
//     country or republic) is the country named last; "his chief
//     diplomat" is the one holder of a title the role-synonym table maps
//     it to. These add mentions, never name forms, so that the graph does
//     not merge people across articles on a description.
//   - "demanded the release of A and B" means A and B are held: detained
//     by whom the text says ("by X", the country someone travelled to in
//     that sentence, or for "two other citizens" whoever held the people
//     of the last detention told of). An event in ", which unveiled" has
//     the noun phrase before the comma as its first participant; "the
//     Trump administration" there is an ORG of its own.
//   - Someone works for an organisation when a title names it ("a State
//     Department official", "Anna Berg, a spokeswoman for X"), when the
//     text says so ("X works for Y", "X, who worked at Y"), when an
//     organisation's possessive writes the name ("Microsoft's Mike
//     Coleman"; a party's makes a member: "Labour's Paul Flynn"), and when
//     "Mr Yun's official" is the anonymous source the article introduced
//     as an official of an organisation: one office holds them both.
//   - A country named only by its adjective ("Italian Parma ham") is no
//     entity unless a fact points to it or it qualifies officials ("South
//     Korean officials"). A name next to a work noun ("the Wright Stuff
//     show", "the film Spirited Away") is a title, not a name; "St David's
//     Shopping Centre" is one organisation across its possessive. A
//     common word capitalised inside a sentence that speaks or owns
//     ("..., Next said", "Next's shares") is a company.
//   - Quotes come from quote.Find and dates from timex.Find; Extract
//     resolves each quote's speaker phrase to an entity and dates it with
//     the date of its attribution, outside the quotation marks.
//
// # Who said it
//
// A pronoun or a description ("he", "the 21-year-old", "the Irishman")
// is the subject of the nearest earlier sentence that names a person
// outside quotation marks. Sentences that are all quotation, and sentences
// whose own subject refers back ("He conceded ...", "The Spaniard
// believed ..."), are links in that chain and are passed over, so the
// chain reaches the name. A name followed by 's is an owner, not a subject;
// a name after "and" is a clause subject only when a verb follows it; the
// speaker of a quote attributed in a sentence stands for its subject when
// no name does ("one dealer told Reuters"). Roles only count when given
// before the description. "His agent" and "her lawyers" are anonymous
// sources named for their principal ("Philip Pullman's agent"); "the
// government" is the government, never the firm named last; "the Libyan
// central bank" is an anonymous body, while "the Swedish firm" refers
// back to the most mentioned company of the last few sentences.
//
// A quotation with no speaker phrase carries on the speaker quoted just
// before (in its paragraph or the one before) only when it is a sentence
// of its own or its sentence speaks of that speaker; a quotation inside a
// sentence about someone else ("critics described it as “jarring”") is
// that sentence's subject's, or nobody's. A wrong speaker is worse than
// none: "Speaking at the UN, called Kim Jong-un “rocket man”", whose
// subject the text lost, has no speaker.
package extract
