// Package quote finds what was said in a news article: direct quotations
// inside quotation marks and indirect speech ("X said that ..."), each with
// the phrase that names its speaker and the cue verb that attributes it.
// It works on raw text and returns byte offsets; resolving a speaker phrase
// to an entity is the caller's job.
package quote

// Form tells how the speaker phrase names the speaker.
type Form int

const (
	NoSpeaker Form = iota // no speaker phrase found for this quote
	Named                 // a proper name, possibly with title: "US Secretary of State Rex Tillerson", "Mr Yun"
	Pronoun               // he, she, they, ...
	Nominal               // a common noun phrase: "the official", "a State Department official", "a spokesman"
)

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

// Find returns the quotes of text in text order.
func Find(text string) []Quote { return nil }
