package graph

import (
	"encoding/binary"
	"math"
)

// Keys are byte strings: a short prefix naming the table, then fields
// separated by NUL. See doc.go for the layout.
const (
	keyVersion = "!version"

	pDoc      = "d\x00"  // d/doc -> Document (JSON)
	pText     = "t\x00"  // t/doc -> text
	pEnt      = "e\x00"  // e/eid -> Entity
	pEntDate  = "ed\x00" // ed/eid/date: publication dates of documents mentioning eid
	pName     = "n\x00"  // n/normname -> [{id, type}]
	pTok      = "k\x00"  // k/token/eid
	pRank     = "y\x00"  // y/TYPE|*/^mentions/eid
	pMent     = "m\x00"  // m/eid/doc -> spans
	pDocEnt   = "x\x00"  // x/doc/eid -> mention count
	pCooc     = "c\x00"  // c/a/b -> cooc, a < b
	pCoocDate = "ct\x00" // ct/a/b/date: publication dates of documents where a and b share a sentence
	pCoocRank = "cr\x00" // cr/a/^weight/b: a's mentioned_with edges, heaviest first
	pDegree   = "cd\x00" // cd/eid -> number of mentioned_with edges
	pQuote    = "q\x00"  // q/qid -> Quote
	pQAlias   = "qa\x00"
	pQSpeaker = "qs\x00"  // qs/eid/date/qid
	pQSpeakN  = "qsn\x00" // qsn/eid -> number of qs/eid/ keys, uint64
	pQDate    = "qd\x00"  // qd/date/qid
	pQWord    = "qw\x00"  // qw/word/date/qid
	pQWordN   = "qn\x00"  // qn/word -> postings count
	pRel      = "r\x00"   // r/rid -> Relation
	pRelEnt   = "re\x00"  // re/eid/other/rid
	pEvent    = "v\x00"   // v/vid -> Event
	pEvPart   = "vp\x00"  // vp/eid/date/vid
	pEvDate   = "vd\x00"  // vd/date/vid
	pStat     = "s\x00"   // s/name -> uint64

	pFactSource = "fs\x00" // fs/fid/index -> Source of a quote, event or relation (see sources.go)
	pDocFact    = "xf\x00" // xf/doc/fid
	pRole       = "ro\x00" // ro/eid/role -> storedRole (JSON): an entity's roles (see roles.go)
)

const sep = "\x00"

func kDoc(id string) string        { return pDoc + id }
func kText(id string) string       { return pText + id }
func kEnt(id string) string        { return pEnt + id }
func kEntDate(id, d string) string { return pEntDate + id + sep + d }
func kName(n string) string        { return pName + n }
func kTok(t, id string) string     { return pTok + t + sep + id }
func kMent(eid, doc string) string { return pMent + eid + sep + doc }
func kDocEnt(doc, eid string) string {
	return pDocEnt + doc + sep + eid
}

// kCooc is the key of the edge between a and b, in either order: an edge
// is stored once, under its lower ID first.
func kCooc(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return pCooc + a + sep + b
}

// coocDatePrefix is where the dates of the edge a-b (a < b) are filed.
func coocDatePrefix(a, b string) string { return pCoocDate + a + sep + b + sep }
func kCoocDate(a, b, d string) string   { return coocDatePrefix(a, b) + d }
func kDegree(id string) string          { return pDegree + id }

// kCoocRank files the edge a-b under a by weight, heaviest first, so the
// top edges of a hub are read without reading all of them.
func kCoocRank(a string, weight int, b string) string {
	var w [8]byte
	binary.BigEndian.PutUint64(w[:], math.MaxUint64-uint64(weight))
	return pCoocRank + a + sep + string(w[:]) + b
}
func kQuote(id string) string { return pQuote + id }
func kQAlias(h string) string { return pQAlias + h }
func kQSpeaker(sid, date, qid string) string {
	return pQSpeaker + sid + sep + date + sep + qid
}
func kQSpeakN(sid string) string        { return pQSpeakN + sid }
func kQDate(date, qid string) string    { return pQDate + date + sep + qid }
func kQWord(w, date, qid string) string { return pQWord + w + sep + date + sep + qid }
func kQWordN(w string) string           { return pQWordN + w }
func kRel(id string) string             { return pRel + id }
func kRelEnt(eid, other, rid string) string {
	return pRelEnt + eid + sep + other + sep + rid
}
func kEvent(id string) string { return pEvent + id }
func kEvPart(eid, date, vid string) string {
	return pEvPart + eid + sep + date + sep + vid
}
func kEvDate(date, vid string) string { return pEvDate + date + sep + vid }
func kStat(name string) string        { return pStat + name }

// kRank orders entities by mention count, most first.
func kRank(typ string, mentions int, eid string) string {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], math.MaxUint64-uint64(mentions))
	return pRank + typ + sep + string(b[:]) + eid
}

// Counter names.
const (
	statDocs      = "docs"
	statEntities  = "entities"
	statMentions  = "mentions"
	statQuotes    = "quotes"
	statEvents    = "events"
	statRelations = "relations"
	statEdges     = "edges"
)

func statType(t string) string { return "entities:" + t }
