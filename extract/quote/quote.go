// Package quote finds what was said in a news article: direct quotations
// inside quotation marks and indirect speech ("X said that ..."), each with
// the phrase that names its speaker and the cue verb that attributes it.
// It works on raw text and returns byte offsets; resolving a speaker phrase
// to an entity is the caller's job.
//
// Find lexes the text once into words, punctuation and quotation marks,
// pairs the marks paragraph by paragraph, splits sentences outside the
// quotations, and then reads each quotation's attribution from the words
// around it: after it ("“…,” he said", "“…,” said Mr Smith"), before it
// ("Mr Yun said: “…”") or elsewhere in its sentence ("he vowed to “totally
// destroy” North Korea"). Sentences with a cue verb and no quotation give
// indirect speech, and so does a speech noun owned by a name before a
// that-clause ("Mr Trump's assertions that talks are a waste of time").
// No regular expressions are used.
//
// # What is not a quote
//
// Short quoted spans (four words or fewer) are names, titles or scare
// quotes ("the so-called “nuclear channel”", a policy of “maximum
// pressure”) unless a cue verb governs them: attributed right after, a cue
// a few words before ("vowed to “totally destroy”", "called Kim “rocket
// man”"), or a cue elsewhere in the sentence ("said the firm faced
// “serious challenges”"). Even then a word before the quote that names
// ("so-called", "dubbed", "known as", "the slogan", "coupled with", "a
// policy of") or a list of quoted terms ("“digital”, “interactive” and
// “broadband”") makes it a name. Apostrophes (it's, Pyongyang’s, the
// players’ union, ’s of a missing name) are not quotation marks.
//
// # Speakers and confidence
//
// The speaker phrase is the noun phrase next to the cue, trimmed of
// leading conjunctions and adverbials ("But", "However,", "Days later,
// after ...") and of an appositive ("Mr Smith, the chairman," gives "Mr
// Smith"; "The head of the school, Richard Fogarty," gives the name). A
// second verb ("admitted ... but said", "and added:") or an -ing cue
// ("saying", "adding") takes the speaker of the first. A quotation that
// opens its sentence with no cue of its own, after a sentence whose cue
// attributes no other quotation ("She said she was tired. “I want to go
// home.”"), takes that sentence's speaker and cue with low confidence.
// Confidence grades how the attribution was found: right after the
// quotation (0.9), right before (0.85), elsewhere in the sentence (0.7),
// a continuation (0.8 over paragraphs, 0.6 after an attributed quote),
// the sentence before (0.5), a partial quote (0.55 or less), indirect
// speech (0.6-0.7), no attribution at all (0.3); a missing speaker phrase
// takes 0.15 off.
//
// # Quotes in several parts
//
// A paragraph that opens a quotation without closing it continues in the
// next paragraph, which reopens with a quotation mark; each paragraph's part
// is its own Quote and the later ones have Continues set. A first part
// with no attribution of its own takes the speaker of a later part. A
// quotation broken by its attribution ("“First,” he said. “Second.”" or
// "“First,” he said, “second.”") gives two Quotes, the second Continues.
package quote

import "strconv"

// Form tells how the speaker phrase names the speaker.
type Form int

const (
	NoSpeaker Form = iota // no speaker phrase found for this quote
	Named                 // a proper name, possibly with title: "US Secretary of State Rex Tillerson", "Mr Yun"
	Pronoun               // he, she, they, ...
	Nominal               // a common noun phrase: "the official", "a State Department official", "a spokesman"
)

func (f Form) String() string {
	switch f {
	case NoSpeaker:
		return "none"
	case Named:
		return "named"
	case Pronoun:
		return "pronoun"
	case Nominal:
		return "nominal"
	}
	return "Form(" + strconv.Itoa(int(f)) + ")"
}

// Span is a stretch of the text, End exclusive.
type Span struct {
	Start, End int
	Text       string
}

// Quote is one quotation or piece of reported speech.
type Quote struct {
	Span               // the quoted words, inside the marks; for indirect speech the reported clause
	Direct     bool    // inside quotation marks
	Cue        string  // the attribution verb as written in the text ("said", "told", "according to"); "" if none
	CueSpan    Span    // where the cue is
	Speaker    Span    // the speaker phrase; zero when Form is NoSpeaker
	Form       Form    // how Speaker names the speaker
	Continues  bool    // continues the previous Quote (a quote running over paragraphs, or a quote split by its attribution) and shares its speaker
	Sentence   Span    // the sentence (or sentences) holding the quote and its attribution
	Confidence float64 // 0..1
}

// Find returns the quotes of text in text order. Quotes do not overlap.
// Find is safe for concurrent use.
func Find(text string) []Quote {
	if len(text) == 0 {
		return nil
	}
	s := &scanner{text: text, toks: lex(text)}
	if len(s.toks) == 0 {
		return nil
	}
	s.pairMarks()
	s.splitSentences()
	s.direct()
	s.indirect()
	return s.finish()
}
