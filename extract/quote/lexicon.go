package quote

// cue describes a verb of attribution.
type cue uint8

const (
	cueStrong   cue = 1 << iota // attributes speech wherever it stands in the sentence
	cueIndirect                 // introduces reported speech without quotation marks
	cueObject                   // takes an addressee before the reported clause: told reporters ...
	cueThat                     // reports a clause only with "that": announced a study / announced that ...
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
		"conceded", "concedes", "revealed", "reveals", "maintained", "maintains", "alleges", "claims",
		"suggested", "predicted", "predicts", "emphasised", "emphasized", "emphasises",
		"emphasizes", "reiterated", "reiterates", "stated", "agreed", "recalled", "recalls",
		"complained", "complains", "contended", "contends", "countered", "cautioned",
		"wrote", "writes", "tweeted", "told", "tells", "urged", "urges", "reckons",
		"reckoned", "telling", "saying", "adding", "warning",
	)
	for _, w := range []string{"announced", "announces", "declared", "declares", "revealed", "reveals", "stated", "wrote", "writes",
		"predicted", "predicts", "confirmed", "confirms", "acknowledged", "acknowledges", "agreed",
		"recalled", "recalls", "stressed", "stresses", "maintained", "maintains", "explained", "explains"} {
		cues[w] |= cueThat
	}
	// Direct only: as reporting verbs of a clause they mislead (he
	// threatened the US; the claims were dropped; he promised to resign).
	add(cueStrong,
		"notes", "states", "suggests", "vowed", "vows", "promised", "promises", "pledged",
		"pledges", "threatened", "threatens", "observed", "remarked", "commented", "replied",
		"responded", "tweets", "boasted", "joked", "pleaded", "demanded", "hinted", "estimated",
		"concluded", "continued", "blogged", "posted", "confided", "mused", "quipped", "shouted",
	)
	for _, w := range []string{"told", "tells", "telling", "informed", "assured", "reminded"} {
		cues[w] |= cueObject
	}
	add(cueObject, "asked", "asks", "assured", "reminded", "informed")
	add(0, "criticised", "criticized", "praised", "hailed", "slammed", "condemned", "accused",
		"slated", "blasted", "attacked", "welcomed", "defended", "dismissed", "rejected", "denied",
		"denies", "insisting", "arguing", "claiming", "urging", "describing", "calling")
	add(0, "called", "calls", "described", "describes", "dubbed", "branded", "labelled", "labeled", "answered", "yelled", "screamed", "whispered", "exclaimed", "sighed", "laughed", "ask")
}

// cueNames maps each cue to itself, giving a string that outlives the
// scanner's lower-case buffer.
var cueNames = map[string]string{}

func init() {
	for w := range cues {
		cueNames[w] = w
	}
}

// nominalHeads end a common noun phrase even when capitalised, as at the
// start of a sentence: "Critics say", "Analysts said".
var nominalHeads = map[string]bool{}

func init() {
	for _, w := range []string{
		"official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokesmen",
		"analyst", "analysts", "critic", "critics", "expert", "experts", "source", "sources",
		"minister", "ministers", "police", "resident", "residents", "campaigner", "campaigners",
		"economist", "economists", "observer", "observers", "lawyer", "lawyers", "researcher",
		"researchers", "scientist", "scientists", "witness", "witnesses", "diplomat", "diplomats",
		"aide", "aides", "investor", "investors", "trader", "traders", "dealer", "dealers",
		"executive", "executives", "insider", "insiders", "report", "statement", "survey", "study",
		"company", "firm", "group", "government", "ministry", "department", "spokesperson",
		"opponents", "supporters", "fans", "protesters", "activists", "doctors", "teachers",
		"unions", "union", "employers", "bosses", "chairman", "chief", "leader", "leaders",
		"manager", "director", "president", "secretary", "coach", "boss", "chancellor",
		"commentators", "sources", "organisers", "organizers", "authorities", "others", "people",
		"officers", "workers", "members", "parents", "pupils", "students", "voters", "mps",
		"peers", "councillors", "judges", "prosecutors", "investigators", "regulators", "banks",
		"companies", "firms", "retailers", "airlines", "manufacturers", "producers", "figures",
		"statistics", "data", "polls", "poll", "newspaper", "newspapers", "reports", "studies",
	} {
		nominalHeads[w] = true
	}
}

// lyNouns end in -ly but are not adverbs.
var lyNouns = map[string]bool{
	"family": true, "ally": true, "supply": true, "assembly": true, "monopoly": true,
	"daily": true, "weekly": true, "monthly": true, "quarterly": true, "rally": true,
	"anomaly": true, "homily": true, "lily": true, "bully": true, "folly": true, "belly": true,
	"jelly": true, "holy": true, "elderly": true, "friendly": true, "deputy": false,
}

// prizeWords after "claimed" make it winning, not speaking: claimed the
// title, claimed victory.
var prizeWords = map[string]bool{
	"title": true, "titles": true, "victory": true, "win": true, "lead": true, "record": true,
	"spot": true, "place": true, "prize": true, "crown": true, "responsibility": true,
	"credit": true, "damages": true, "compensation": true, "asylum": true, "benefits": true,
	"benefit": true, "share": true, "seat": true, "seats": true, "medal": true, "gold": true,
	"silver": true, "bronze": true, "trophy": true, "championship": true, "cup": true,
	"lives": true, "life": true, "top": true, "first": true, "second": true, "third": true,
	"points": true, "wickets": true, "goals": true, "expenses": true, "refund": true,
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

// nameWords before a short quotation make it a name whatever the
// sentence says: the slogan “X”, the so-called “Y”, a policy of “Z”.
var nameWords = map[string]bool{
	"so-called": true, "dubbed": true, "nicknamed": true, "named": true, "titled": true,
	"entitled": true, "termed": true, "with": true, "word": true, "words": true, "like": true,
	"term": true, "phrase": true, "slogan": true, "title": true, "label": true, "motto": true,
	"tagline": true, "banner": true, "headline": true, "brand": true, "name": true,
	"codename": true, "nickname": true, "operation": true, "campaign": true, "programme": true,
	"scheme": true, "film": true, "song": true, "album": true, "book": true, "show": true,
	"single": true, "series": true, "game": true, "track": true, "novel": true, "play": true,
	"musical": true, "magazine": true, "website": true, "site": true,
}

// nameNouns before "of" and a short quotation make it a name: a policy
// of “maximum pressure”, the politics of “fear”.
var nameNouns = map[string]bool{
	"policy": true, "strategy": true, "concept": true, "idea": true, "notion": true,
	"doctrine": true, "principle": true, "theme": true, "culture": true, "era": true,
	"politics": true, "age": true, "spirit": true, "language": true, "rhetoric": true,
	"philosophy": true, "programme": true, "agenda": true, "system": true, "approach": true,
}

// nounCues are cue verbs that are also plural nouns: "amid claims that",
// "the notes say".
var nounCues = map[string]bool{
	"claims": true, "notes": true, "states": true, "calls": true, "promises": true,
	"pledges": true, "warns": false, "demands": true, "vows": true, "tweets": true,
	"remarks": true, "comments": true, "replies": true, "answers": true, "reports": true,
}

// nounCueModifiers before a nounCue make it the noun: new claims, the claims.
var nounCueModifiers = map[string]bool{
	"new": true, "fresh": true, "recent": true, "further": true, "latest": true,
	"repeated": true, "similar": true, "such": true, "false": true, "earlier": true,
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
		"commenting", "responding", "reacting", "referring", "writing", "addressing", "interviewed",
		"quoted", "cited", "according",
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
