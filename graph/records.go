package graph

import "github.com/newsgraph/newsgraph/kind"

// Document is a stored article: its metadata, and its text when asked for
// by ID. Published is YYYY[-MM[-DD]] or "".
type Document struct {
	ID        string `json:"id"`
	Title     string `json:"title,omitempty"`
	Source    string `json:"source,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Hash      string `json:"hash"` // of the text; tells an unchanged re-ingest
	Entities  int    `json:"entities"`
	Quotes    int    `json:"quotes"`
	Events    int    `json:"events"`
	Relations int    `json:"relations"`
	Text      string `json:"-"` // filled by Store.Document only
}

// Entity is a person, organisation, place or event resolved across
// documents.
type Entity struct {
	ID      string      `json:"id"`
	Name    string      `json:"name"`
	Type    kind.Entity `json:"type"`
	Aliases []string    `json:"aliases,omitempty"` // other names seen, without Name
	// Roles, in the order first seen, are stored apart from the record
	// (see roles.go); the Store's readers of entities fill them.
	// RolesFiled counts the roles ever filed: the next one's place.
	Roles      []Role `json:"-"`
	RolesFiled int    `json:"nroles,omitempty"`
	Mentions   int    `json:"mentions"`        // mentions across documents
	Documents  int    `json:"documents"`       // documents that mention it
	FirstSeen  string `json:"first,omitempty"` // earliest publication date of those documents
	LastSeen   string `json:"last,omitempty"`
	// Dates are the distinct publication dates, sorted. Only Walker fills
	// them (they are stored apart from the record); queries leave them nil.
	Dates []string `json:"-"`
}

// Role is a title an entity holds, in an organisation or place, bounded in
// time where the sources say so.
type Role struct {
	Title string `json:"title"`
	Org   string `json:"org,omitempty"`    // name as written in the source
	OrgID string `json:"org_id,omitempty"` // global entity ID of Org, if resolved
	From  string `json:"from,omitempty"`
	To    string `json:"to,omitempty"`
}

// Source places a fact in one document: byte offsets into its text.
type Source struct {
	Document string `json:"doc"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// Quote is something said, merged across the documents that report it.
type Quote struct {
	ID        string `json:"id"`
	Text      string `json:"text"`              // the longest form reported
	SpeakerID string `json:"speaker,omitempty"` // global entity ID; "" when unknown
	// Speakers are all the entities sources attribute the quote to,
	// SpeakerID (the first attribution) first.
	Speakers []string `json:"speakers,omitempty"`
	Cue      string   `json:"cue,omitempty"`
	Direct   bool     `json:"direct"`
	Place    string   `json:"place,omitempty"`
	Medium   string   `json:"medium,omitempty"`
	Date     string   `json:"date,omitempty"`
	// DateFromDocument is set when no source gave the quote's own date and
	// Date is the publication date of its first document.
	DateFromDocument bool     `json:"date_from_doc,omitempty"`
	About            []string `json:"about,omitempty"` // entities mentioned inside the quote
	// SourceCount is how many spans report the quote. The spans are keys
	// apart from the record (see sources.go): Store.Quote fills Sources
	// with all of them, the lists of quotes leave it nil, and
	// Store.Sources reads a page. The same goes for events and relations.
	SourceCount int      `json:"n"`
	Sources     []Source `json:"-"`
	// Variants are the normalised texts (NormQuote) merged into this quote.
	Variants []string `json:"variants"`
}

// Event is something that happened, merged across documents by type,
// participants and date.
type Event struct {
	ID               string   `json:"id"`
	Type             string   `json:"type"`
	Text             string   `json:"text"`
	Date             string   `json:"date,omitempty"`
	DateFromDocument bool     `json:"date_from_doc,omitempty"`
	Participants     []string `json:"participants,omitempty"` // global entity IDs
	Place            string   `json:"place,omitempty"`        // global entity ID
	SourceCount      int      `json:"n"`                      // see Quote.SourceCount
	Sources          []Source `json:"-"`
}

// Relation links two entities, merged across documents by predicate, ends
// and date.
type Relation struct {
	ID          string         `json:"id"`
	Predicate   kind.Predicate `json:"predicate"`
	Subject     string         `json:"subject"` // global entity IDs
	Object      string         `json:"object"`
	Date        string         `json:"date,omitempty"`
	Dates       []string       `json:"dates,omitempty"` // Date, else the publication dates of its sources
	SourceCount int            `json:"n"`               // see Quote.SourceCount
	Sources     []Source       `json:"-"`
}

// cooc is a mentioned_with edge: how often two entities share a sentence,
// and the first and last publication dates of those sentences' documents.
// The dates between are keys (ct/), not a list in the record: a busy edge
// gains a date with most documents, and its record is rewritten with each.
type cooc struct {
	Weight int    `json:"w"`
	First  string `json:"f,omitempty"`
	Last   string `json:"l,omitempty"`
	// Dates are every distinct date, sorted, for readers that ask for
	// them (see datedEdge); never stored in the record.
	Dates []string `json:"-"`
}

// Stats counts what the store holds.
type Stats struct {
	Documents int `json:"documents"`
	Entities  int `json:"entities"`
	Mentions  int `json:"mentions"`
	Quotes    int `json:"quotes"`
	Events    int `json:"events"`
	Relations int `json:"relations"`
	Edges     int `json:"edges"` // mentioned_with pairs
}
