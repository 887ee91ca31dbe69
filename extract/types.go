package extract

import "github.com/newsgraph/newsgraph/kind"

// Article is one document to read. Only Text is required.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Text      string `json:"text"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD, YYYY-MM or YYYY; "" when unknown
	Source    string `json:"source,omitempty"`    // outlet name
	URL       string `json:"url,omitempty"`
}

// Document is what the extractor reads out of one Article.
// Offsets (Start, End) are byte offsets into Article.Text, End exclusive.
type Document struct {
	ID        string     `json:"doc"`
	Title     string     `json:"title,omitempty"`
	Source    string     `json:"source,omitempty"`
	URL       string     `json:"url,omitempty"`
	Published string     `json:"published"`
	Entities  []Entity   `json:"entities"`
	Quotes    []Quote    `json:"quotes"`
	Events    []Event    `json:"events"`
	Relations []Relation `json:"relations"`
}

// Span is a stretch of the article text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is one person, organisation, place or event as seen in one
// document. ID is unique within the document; the graph resolves entities
// across documents.
type Entity struct {
	ID         string      `json:"id"`
	Name       string      `json:"name"` // the fullest name the document gives
	Type       kind.Entity `json:"type"`
	Aliases    []string    `json:"aliases,omitempty"` // other names in the document, not Name itself
	Roles      []Role      `json:"roles,omitempty"`
	Mentions   []Span      `json:"mentions"`
	Confidence float64     `json:"confidence"`
	// Anonymous marks a source the article does not name: "a State
	// Department official", "critics". Name is then the describing phrase.
	Anonymous bool `json:"anonymous,omitempty"`
}

// Role is a title held by a person, optionally in an organisation or
// country, optionally bounded in time.
type Role struct {
	Title string `json:"title"`
	Org   string `json:"org,omitempty"`    // name of the organisation or place
	OrgID string `json:"org_id,omitempty"` // the entity ID of Org in this document, if it is one
	From  string `json:"from,omitempty"`   // date, YYYY[-MM[-DD]]
	To    string `json:"to,omitempty"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Quote is something a speaker said. Direct quotes carry the words inside
// the quotation marks; indirect speech (Direct false) carries the reported
// clause.
type Quote struct {
	Speaker    *string `json:"speaker"`              // nil when no speaker could be identified
	SpeakerID  string  `json:"speaker_id,omitempty"` // entity ID in this document
	Text       string  `json:"text"`
	Cue        string  `json:"cue,omitempty"` // the verb of attribution: said, told, warned, according to
	Direct     bool    `json:"direct"`
	Date       string  `json:"date,omitempty"`  // when it was said, YYYY[-MM[-DD]]
	Place      string  `json:"place,omitempty"` // where it was said
	Medium     string  `json:"medium,omitempty"`
	Start      int     `json:"start"` // the quoted words
	End        int     `json:"end"`
	Confidence float64 `json:"confidence"`
}

// Event is something that happened: a speech, a tweet, a test, a trip, a
// death, a defection, a bill.
type Event struct {
	ID             string   `json:"id"`
	Type           string   `json:"type"` // speech, tweet, test, trip, death, defection, bill, ...
	Text           string   `json:"text"`
	Date           string   `json:"date,omitempty"`
	Participants   []string `json:"participants"`
	ParticipantIDs []string `json:"participant_ids,omitempty"`
	Place          string   `json:"place,omitempty"`
	PlaceID        string   `json:"place_id,omitempty"`
	Start          int      `json:"start"`
	End            int      `json:"end"`
	Confidence     float64  `json:"confidence"`
}

// Relation links two entities of the document.
type Relation struct {
	Subject    string         `json:"subject"`
	SubjectID  string         `json:"subject_id,omitempty"`
	Predicate  kind.Predicate `json:"predicate"`
	Object     string         `json:"object"`
	ObjectID   string         `json:"object_id,omitempty"`
	Date       string         `json:"date,omitempty"`
	Start      int            `json:"start"`
	End        int            `json:"end"`
	Confidence float64        `json:"confidence"`
}
