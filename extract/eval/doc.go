// Package eval measures the extractor against hand annotations, so that
// its quality can only ratchet up.
//
// Two gold sets are read: the development set in testdata/devset (35 BBC
// articles annotated by hand with quotes, speakers, people, organisations and
// places; see its README) and the two seed articles with
// testdata/seeds.json, what a careful analyst reads from them. Run extracts
// every article with the given extractor and returns a Report: quote
// precision, recall and F1, speaker accuracy, speaker precision over the
// quotes given a speaker, who-said-what F1, direct or
// indirect accuracy, entity F1 by type, alias accuracy, cross-document merge
// accuracy, date accuracy and the seeds' items right per category, plus
// every miss with its article and sentence. Five more annotated articles
// in testdata/devset/heldout are scored apart (heldout.*) and their misses
// are never reported, so that tuning on the development set shows as a gap.
//
// # Matching
//
// Quote texts are compared after Normalize: case folded, curly quotes and
// apostrophes made straight, quotation marks and ellipses dropped,
// whitespace collapsed and leading or trailing punctuation trimmed. A
// predicted quote matches a gold quote when one normalised text contains the
// other as whole words, or when their token overlap (Dice coefficient over
// word multisets, 2|A∩B|/(|A|+|B|)) is at least MinOverlap. Matching is one to
// one: candidate pairs are taken best first (equal texts, then containment,
// then overlap, ties broken by the distance between offsets).
//
// A speaker is right when its name equals the gold speaker's after
// NormalizeName (honorifics such as Mr or Sir, possessive 's and punctuation
// dropped), or when it is one of the gold speaker's aliases in the article,
// or the gold speaker's surname when no other person of the article shares
// it, or, for anonymous sources ("Trafford Centre spokeswoman"), when the
// words of one are a subset of the words of the other.
//
// Entities are matched type by type (PERSON, ORG, PLACE), one to one, by
// NormalizeName of their names and aliases. Alias accuracy asks, for each
// gold alias that does not contain the full name ("Mr Brown", "the
// chancellor"), whether it is a name, alias or mention text of the predicted
// entity matched to its person.
//
// Merge accuracy is measured in the graph: every extracted document goes
// into an in-memory graph.Store, and for each gold person seen in several
// documents the store's EntityByName must give one entity mentioned in all
// of them, while two gold people who share a surname (Charles and Baroness
// Kennedy) or are listed in the seeds' must_stay_apart must be two
// entities. merge.extraction asks the same of the names the extractor
// gives, document by document.
//
// Date accuracy is scored on the seeds, whose publication date is known:
// the date of each dated quote and event. Seeds items marked hard count
// HardWeight; a 0/0 ratio scores 0.
//
// # Usage
//
//	r, err := eval.Run(ctx, extract.New(), eval.DefaultPaths("."))
//	if err != nil { ... }
//	r.WriteTable(os.Stdout)
//
// go run ./cmd/evaluate prints the same table; go test ./extract/eval fails
// when a score drops below its floor in testdata/floors.json.
package eval
