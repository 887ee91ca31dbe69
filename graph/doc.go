// Package graph is newsgraph's knowledge graph, stored in Badger: documents,
// the entities they mention resolved across documents, and the quotes,
// events and relations read out of them, each traced to byte offsets in
// its documents.
//
// # Use
//
//	s, err := graph.Open(ctx, graph.Options{Dir: "newsgraph-data"})
//	...
//	defer s.Close()
//	outcome, err := s.Ingest(ctx, article, doc) // Added or Unchanged
//	page, err := s.Quotes(ctx, graph.QuoteFilter{Speaker: "Mr Yun"}, graph.Page{First: 10})
//
// # Writing
//
// Each document is stored by one Badger transaction: all of its facts
// become visible together or not at all, and a crash cannot leave half a
// document. IngestBatch puts several documents in one transaction (a bulk
// ingest's shared records are then written once per batch) and builds
// the store their one-by-one ingest would. A document too large for one transaction (Badger allows some
// megabytes of writes; a news article needs a few hundred kilobytes at
// most) is refused with ErrTooBig. Ingesting the same document again
// (same ID, same SHA-256 of the text) writes nothing and reports
// Unchanged; the same ID with another text is refused with ErrConflict.
// Writers are serialised inside the Store; readers never wait.
//
// A batch that does not fit in one transaction is done again smaller,
// and the next batches start at the size that fitted (growing by one
// document per batch that fits), so that a large store, whose documents
// write more keys, does not redo most of its batches. Between batches the
// Store keeps the records batches read over and over, decoded: entities,
// name lists, mentioned_with edges and quotes' variants (about 40 MB at
// most, the most used kept). A batch reads its own writes first, the
// cache holds only what committed, and any other write (Delete, Restore,
// an upgrade) empties it.
//
// # Resolution across documents
//
// Names are compared in their NormName form: lower case, punctuation and
// hyphens as spaces, leading honorifics (Mr, Mrs, Ms, Dr, Sir, …) and "the"
// dropped, so "Mr Kim Jong-un" is "kim jong un".
//
//   - A name of two or more words joins the entity of the same type that
//     has that name or alias (the most mentioned, if several). The
//     document's other multi-word names are tried too.
//   - A person a document knows only by one word ("Trump", "Mr Park") joins
//     the stored person filed under that word (as name or alias) if there
//     is exactly one; if several are, the one whose own name is that single
//     word, else it becomes a person of its own. Two multi-word names never
//     merge through a shared word: "Kim Jong-un" and "Tony Kim" stay apart.
//   - Organisations, places and events join on any of their names, one word
//     or more, acronyms included ("UN" and "United Nations" once a document
//     gives both). A spelt-out name replaces an acronym as the canonical
//     name ("United Nations" over "UN").
//
// A global entity keeps the union of names (Aliases), roles (From/To
// widened as sources say), mention and document counts, and the dates of
// the documents that mention it.
//
// Quotes merge on NormQuote of their text (case, quotation marks,
// ellipses "…"/"...", punctuation and white space ignored): the same
// words from two outlets are one Quote with two Sources, even when the
// outlets name different speakers (SpeakerID keeps the first attribution,
// Speakers all of them, and the speaker index lists the quote under each).
// With a known speaker, a shorter or longer report of the same words (one
// text contains the other, word for word, and the shorter has at least
// three words) joins too, if dated within 92 days of it: the speaker index
// is read for that window only, so the cost does not grow with the
// speaker's whole record. Each qs/ key carries a word signature of each
// of its quote's variants (the word count and a 128-bit mask of the
// words), and a candidate's record is read only if a signature allows the
// containment (the shorter's words all in the longer's mask, no more words
// than it): a signature may let a non-match through, for the record to
// decide, but never turns a match down. The longest text reported is kept.
//
// A quote's Date is the date the source gives for it; when no source does,
// it is the publication date of its first document and DateFromDocument is
// set; a later source with the quote's own date replaces it. Events follow
// the same rule and merge on type, participants and date. Relations merge
// on predicate, subject, object and date; a role held in an organisation
// is also a role_of relation.
//
// Two entities mentioned in the same sentence (text split at . ! ? before a
// space, and at line ends) get a mentioned_with edge whose weight counts
// such sentences across all documents.
//
// # Deleting
//
// Delete removes a document and its share of every merged record in one
// transaction (ErrTooBig if that does not fit, and nothing changes): its
// text, record, mentions and publication date; its mentions, document
// count and rank on each entity it mentions; its sources on quotes,
// events and relations; its sentences from mentioned_with weights; and
// the counters. A record left with no source goes with all its index
// keys: an entity no document mentions and no remaining fact names (as
// speaker, participant, place or relation end), a quote, event or
// relation with no source, an edge of weight zero. Indexes list a
// document's entities (x/) and facts (xf/): Delete reads no table whole.
// Disk space comes back through compaction (Compact), not at once.
//
// The store keeps no record of which document supplied each merge choice,
// so a delete recomputes what the remaining sources determine and leaves
// the rest:
//
//   - recomputed exactly: counts, weights, entity dates (First/LastSeen,
//     ed/), mentioned_with dates (a date goes when no other document of
//     that day has the pair in one sentence), relation dates, a quote's
//     text (the longest span of its remaining sources) and variants (the
//     spans' NormQuote), its ID if its first variant went, its About (the
//     entities mentioned inside a remaining span), and a quote's date
//     taken from a publication (that of its first remaining source);
//   - recomputed by rule: a speaker, or an event's place, that the deleted
//     document mentions stays only if a remaining source's document
//     mentions it too; an alias the deleted document's mentions spell
//     stays only if a mention in another document spells it; a role in an
//     organisation stays only while a role_of relation to it remains; a
//     role without one, only if another document of the entity has its
//     title in its text;
//   - left as they are: an entity's canonical name (the extractor gives
//     names no mention spells, so a spelt-out name that replaced an
//     acronym stays), aliases no mention spells, widened role dates, a
//     quote's cue, place, medium and directness, a date a source gave for
//     a quote, an event's text and date, and merges the deleted document
//     brought about (two reports it joined stay one quote; a name it
//     resolved stays with the entity it joined).
//
// So deleting the documents ingested last restores the store ingest built
// before them, except for those choices where they made them; and, in the
// tests, ingesting them again then rebuilds the same store key for key.
//
// # Dates
//
// Dates are YYYY, YYYY-MM or YYYY-MM-DD. A window [From, To] (either end
// may be open or partial) contains a date when all the days the date
// covers are inside it: "2017-10" is inside 2017-10-01..2017-10-31, but
// "2017" is not inside 2017-09-19..2017-09-19. Undated facts are outside any
// bounded window.
//
// # Key layout
//
// Keys are a short table prefix and NUL-separated fields; values are JSON
// unless noted. Entity IDs are "person:", "org:", "place:" or "event:" and
// a slug of the name ("person:joseph-yun"); quote IDs are "q" and 16 hex
// digits of SHA-256 of the normalised text, events "v…", relations "r…".
//
//	!version                 format version, uint64 big-endian (FormatVersion)
//	d/DOC                    Document (metadata, hash, counts)
//	t/DOC                    document text, raw
//	e/EID                    Entity, with the count of its roles filed but not the roles
//	ro/EID/ROLE              a role of EID: ROLE is its title in lower case, NUL, and
//	                         its organisation's NORMNAME (hashed when long); value:
//	                         the role and its order first seen. A list in the record
//	                         made every batch mentioning a much-described person
//	                         rewrite all its titles
//	ed/EID/DATE              publication dates of the documents mentioning EID
//	n/NORMNAME               name and alias index: [{id, type}], read with one Get
//	k/WORD/EID               words of names, for prefix search; value: type byte
//	y/TYPE/^MENTIONS/EID     entities by type (and "*" for all), most mentioned first
//	m/EID/DOC                mention spans of EID in DOC ([[start,end],...])
//	x/DOC/EID                mentions of EID in DOC (count)
//	c/A/B                    mentioned_with edge {weight, first, last date}, A < B
//	ct/A/B/DATE              publication dates of the documents where A and B share
//	                         a sentence (A < B): a busy edge gains dates, and a list
//	                         in the record made each of its updates rewrite them all
//	cr/A/^WEIGHT/B           A's mentioned_with edges, heaviest first (weight as
//	                         inverted uint64 big-endian); rewritten when a weight changes
//	cd/EID                   number of mentioned_with edges and relations of EID, uint64
//	q/QID                    Quote, with the count of its sources but not the sources
//	qa/HASH                  a merged variant's text hash -> QID
//	qs/EID/DATE/QID          quotes by speaker, by date; value: per variant of the
//	                         quote, its word count (uint8, saturated) and a 128-bit
//	                         mask with 2 bits per word from its FNV-1a hash (17 bytes)
//	qsn/EID                  number of qs/EID/ keys, uint64: a speaker's total
//	qd/DATE/QID              quotes by date
//	qw/WORD/DATE/QID         word index of quotes (every variant's words)
//	qn/WORD                  postings in qw/WORD, uint64: picks the rarest word
//	r/RID                    Relation
//	re/EID/OTHER/RID         relations by either end, then the other end
//	v/VID                    Event
//	vp/EID/DATE/VID          events by participant (and place), by date
//	vd/DATE/VID              events by date
//	fs/FID/INDEX             the INDEX-th source (uint32 big-endian) of the quote, event
//	                         or relation FID, in the order stored; value: start and
//	                         end as uvarints, then the document ID. A list in the
//	                         record made each outlet that reported a fact rewrite all
//	                         the sources before it
//	xf/DOC/FID               the quotes, events and relations with a source in DOC
//	s/NAME                   counters (documents, entities, quotes, …), uint64
//
// Neighbourhood grows from an entity along mentioned_with edges, keeping
// the neighbours reached by the heaviest edges up to the limit: each node
// of a ring reads only its limit heaviest co-occurrences from cr/ (enough
// to pick the same neighbours as reading all of them), so depth 2 costs
// about limit × ring size reads, not the sum of the ring's degrees.
// Relations do not rank neighbours: a relation is read from a sentence
// that names both ends, so they co-occur too, and ranking by relations
// meant decoding every relation of every hub. The edges returned are the co-occurrences among the kept
// nodes that are among the limit heaviest of either end (the lists read
// to grow the neighbourhood serve again; every other node reads its own,
// keys only), and every relation between two kept nodes, found by merging
// each node's re/ keys with the sorted node set (a seek skips a run of
// other ends); its record counts its sources, which are not read.
// No lookup is made per pair of nodes.
//
// Format 2 added cr/, format 3 qsn/, format 4 the variant signatures in
// the values of qs/ keys (before, they had none), format 5 stored each
// mentioned_with edge once and moved its dates from the record to ct/,
// format 6 moved the sources of quotes, events and relations from their
// records to fs/ and added xf/, format 7 moved entities' roles from their
// records to ro/.
//
// # Upgrades
//
// Formats 2 to 4 added only indexes, counters and index values derived
// from data every format stores, and formats 5 to 7 moved edge dates, the
// sources of facts and the roles of entities out of records, so a read-write Open upgrades an
// older store in place and logs "upgraded store DIR from format N to M in
// T": it clears and rebuilds each table added since format N (cr/ from
// the c/ edges, qsn/ by counting qs/ keys), writes again the keys that
// got values (qs/ from the q/ records), and moves each edge's dates to ct/
// keys, each fact's sources to fs/ and xf/ keys, and each entity's roles
// to ro/ keys, before it rewrites the record (so a record without a list has moved them already),
// streaming the source keys and writing batches of a few thousand keys,
// so memory does not grow with the store, then syncs and writes !version
// last. An upgrade cut short leaves the store at format N, and the next
// read-write Open starts it again; the result is the store the current
// format would have built, key for key.
// A read-only Open (serve, query, export, backup, verify) refuses an old
// store with ErrOldVersion and says to open it read-write once, e.g. with
// "newsgraph upgrade". Stores that cannot be rebuilt are refused with
// ErrOldVersion either way and must be ingested again into a new
// directory: a format before 1, and the first stores of format 1, which
// filed names as n/NAME/EID and relation ends as re/EID/RID.
//
// Every query starts from an index and reads records only for what it
// returns or must verify (contains: the rarest word's postings, then the
// phrase is checked): costs grow with the answer, not with the store.
// Totals of unfiltered lists come from the counters; other totals are
// counted from index keys alone (a date window is read off the key), and
// not at all when Page.SkipTotal says the caller does not show them (the
// GraphQL layer sets it unless totalCount is selected).
//
// Queries keep what they read of the hottest records in memory: document
// metadata, quote and relation records, the sources of facts,
// neighbourhood nodes, each node's heaviest co-occurrences and its
// relation ends (up to a few thousand), and which entity a name picks. A
// write through the Store drops those it changed, named by the keys it
// wrote (see readcache.go), and no others. Each cache is bounded by the
// entries it holds (sources, edges or relation ends for the lists) and is
// emptied when full. Answers about
// well-known people share most of these records: on a served store, a
// query for someone new mostly reads what earlier queries read.
//
// A cache of whole answers outside the package (the GraphQL handler's)
// asks the Store what each answer read, through a ReadSet in the query's
// context, and what the writes since changed (Store.Changes), in the same
// grain: a key's table and first field (see readset.go).
package graph
