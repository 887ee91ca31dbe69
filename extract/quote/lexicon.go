package quote

// cue describes a verb of attribution.
type cue uint8

const (
	cueStrong   cue = 1 << iota // attributes speech wherever it stands in the sentence
	cueIndirect                 // introduces reported speech without quotation marks
	cueObject                   // takes an addressee before the reported clause: told reporters ...
)

// cues are the verbs of attribution, in every tense news uses. Weak cues
// (called, described, asked ...) attribute only a quotation right next to
// them: "he called Kim “rocket man”", "“Why?” he asked".
var cues = map[string]cue{}

func init() {
	add := func(c cue, words ...string) {
		for _, w := range words {
			cues[w] = c
		}
	}
	add(cueStrong|cueIndirect,
		"said", "says", "say", "added", "adds", "warned", "warns", "claimed", "claim",
		"insisted", "insists", "insist", "argued", "argues", "argue", "stressed", "stresses",
		"explained", "explains", "noted", "admitted", "admits", "admit", "confirmed", "confirms",
		"announced", "announces", "declared", "declares", "acknowledged", "acknowledges",
		"conceded", "concedes", "revealed", "reveals", "maintained", "maintains", "alleged", "alleges",
		"suggested", "predicted", "predicts", "emphasised", "emphasized", "emphasises",
		"emphasizes", "reiterated", "reiterates", "stated", "agreed", "recalled", "recalls",
		"complained", "complains", "contended", "contends", "countered", "cautioned",
		"wrote", "writes", "tweeted", "told", "tells", "urged", "urges", "believes", "reckons",
		"reckoned", "telling", "saying", "adding", "warning",
	)
	// Direct only: as reporting verbs of a clause they mislead (he
	// threatened the US; the claims were dropped; he promised to resign).
	add(cueStrong,
		"claims", "notes", "states", "suggests", "vowed", "vows", "promised", "promises", "pledged",
		"pledges", "threatened", "threatens", "observed", "remarked", "commented", "replied",
		"responded", "tweets", "boasted", "joked", "pleaded", "demanded", "hinted", "estimated",
		"concluded", "continued", "blogged", "posted", "confided", "mused", "quipped", "shouted",
	)
	for _, w := range []string{"told", "tells", "telling", "informed", "assured", "reminded"} {
		cues[w] |= cueObject
	}
	add(cueObject, "asked", "asks", "assured", "reminded", "informed")
	cues["believes"] = cueIndirect
	add(0, "called", "calls", "described", "describes", "dubbed", "branded", "labelled", "labeled", "answered", "yelled", "screamed", "whispered", "exclaimed", "sighed", "laughed", "ask")
}

// pronouns name a speaker as a pronoun.
var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "you": true,
}

// determiners open a nominal speaker phrase.
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true,
	"our": true, "my": true, "your": true, "one": true, "another": true, "some": true, "this": true,
	"that": true, "these": true, "those": true, "two": true, "three": true, "several": true,
	"many": true, "other": true, "both": true,
}

// stopWords end a speaker phrase: what lies beyond them belongs to the
// rest of the sentence. Matched case-insensitively, so a sentence-initial
// "But" or "Meanwhile" is trimmed too.
var stopWords = map[string]bool{}

// skipWords sit between a speaker and its cue: "he has said", "she later
// told", "the minister also warned".
var skipWords = map[string]bool{}

// beWords before a cue make it passive: "is said to", "was told".
var beWords = map[string]bool{
	"is": true, "was": true, "were": true, "are": true, "be": true, "been": true, "being": true,
	"am": true, "'s": true,
}

// scareWords before a quotation mark make the quotation a name or a scare
// quote, not speech: the so-called “nuclear channel”.
var scareWords = map[string]bool{
	"so-called": true, "dubbed": true, "nicknamed": true, "named": true, "titled": true,
	"entitled": true, "the": true, "a": true, "an": true, "of": true, "with": true, "under": true,
	"his": true, "her": true, "its": true, "their": true, "our": true, "my": true, "your": true,
	"known": true, "termed": true, "called": true, "into": true, "from": true, "in": true,
	"on": true, "at": true, "for": true, "by": true, "about": true, "between": true, "and": true,
	"or": true, "this": true, "that": true, "these": true, "those": true, "new": true,
	"film": true, "song": true, "album": true, "book": true, "show": true, "single": true,
}

// partialWords before a short quotation, with a cue earlier in the
// sentence, make it a partial quote: he vowed to “totally destroy”; the
// plan was “unworkable”.
var partialWords = map[string]bool{
	"to": true, "was": true, "is": true, "were": true, "are": true, "be": true, "been": true,
	"as": true, "it": true, "them": true, "him": true, "her": true, "being": true, "that": true,
	"remained": true, "remains": true, "seemed": true, "looked": true, "looks": true, "felt": true,
	"feel": true, "feels": true, "sounded": true, "would": true, "will": true, "could": true,
	"not": true, "very": true, "too": true, "quite": true, "more": true, "most": true,
}

// subordinators before a speaker put the cue in a subordinate clause,
// which ends at the next comma: "after Mr Tillerson said ..., Mr Trump".
var subordinators = map[string]bool{
	"after": true, "when": true, "as": true, "before": true, "while": true, "because": true,
	"since": true, "although": true, "though": true, "if": true, "once": true, "until": true,
	"whereas": true, "where": true, "despite": true,
}

// adverbials may follow a cue before the reported clause: "said on
// Tuesday", "told the BBC in an interview", "said yesterday".
var leadAdverbs = map[string]bool{
	"yesterday": true, "today": true, "tonight": true, "earlier": true, "later": true,
	"recently": true, "previously": true, "also": true, "again": true, "repeatedly": true,
	"publicly": true, "privately": true, "separately": true, "then": true, "now": true,
	"afterwards": true, "last": true, "this": true, "overnight": true, "simply": true,
	"flatly": true, "firmly": true,
}

var adverbialPrepositions = map[string]bool{"on": true, "in": true, "at": true, "during": true, "via": true, "through": true}

func init() {
	for _, w := range []string{
		"and", "but", "or", "nor", "yet", "so", "that", "which", "who", "whom", "whose", "what",
		"when", "where", "while", "whilst", "after", "before", "because", "as", "if", "since",
		"though", "although", "unless", "until", "than", "then", "however", "meanwhile", "still",
		"instead", "also", "now", "later", "earlier", "yesterday", "today", "tonight", "tomorrow",
		"recently", "indeed", "moreover", "furthermore", "nevertheless", "nonetheless", "thus",
		"therefore", "again", "once", "even", "only", "just", "finally", "eventually", "initially",
		"previously", "separately", "similarly", "likewise", "additionally", "elsewhere", "here",
		"there", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do",
		"does", "did", "will", "would", "can", "could", "should", "shall", "may", "might", "must",
		"not", "on", "in", "at", "to", "from", "by", "with", "without", "into", "onto", "about",
		"over", "under", "during", "despite", "against", "among", "amongst", "between", "through",
		"like", "amid", "via", "upon", "within", "beyond", "towards", "toward", "across", "behind",
		"whether", "how", "why", "having", "speaking", "asked", "told", "last", "next", "ago",
		"days", "weeks", "months", "years", "day", "week", "month", "year", "morning", "evening",
		"night", "afternoon", "too", "said", "says", "reportedly", "allegedly", "apparently",
		"clearly", "obviously", "perhaps", "probably", "certainly", "surely", "specifically",
		"interview", "statement", "conference", "briefing", "speech", "letter", "email",
	} {
		stopWords[w] = true
	}
	for _, w := range []string{
		"has", "have", "had", "also", "later", "then", "once", "again", "previously", "further",
		"repeatedly", "recently", "publicly", "privately", "quietly", "reportedly", "allegedly",
		"would", "will", "could", "might", "may", "should", "must", "can", "did", "does", "do",
		"earlier", "now", "already", "subsequently", "simply", "just", "even", "still", "yesterday",
		"today", "often", "always", "never", "not", "reiterated", "angrily", "flatly", "firmly",
		"bluntly", "candidly", "frankly", "openly", "separately", "initially", "first", "famously",
		"memorably", "once", "herself", "himself", "themselves", "itself", "ultimately", "finally",
	} {
		skipWords[w] = true
	}
}

// abbrevs end with a full stop that does not end a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true,
	"col": true, "lt": true, "sgt": true, "capt": true, "cpt": true, "rev": true, "sen": true,
	"rep": true, "gov": true, "jr": true, "sr": true, "inc": true, "co": true, "corp": true,
	"ltd": true, "no": true, "vs": true, "etc": true, "jan": true, "feb": true, "mar": true,
	"apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true,
	"nov": true, "dec": true, "mt": true, "ft": true, "hon": true, "adm": true, "maj": true,
	"cmdr": true, "supt": true, "insp": true, "det": true, "pres": true, "approx": true,
	"dept": true, "est": true, "fig": true, "vol": true, "u.s": true, "u.k": true, "e.g": true,
	"i.e": true, "al": true,
}
