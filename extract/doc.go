// Package extract turns the text of a news article into facts: entities
// (people, organisations, places) with their aliases and roles, quotes with
// their speaker, cue verb and date, events and relations. Every fact carries
// the byte offsets of the span of the article it was read from, and a
// confidence between 0 and 1.
//
// The types in this file are the extractor's output and the input of the
// graph store; their JSON form is the `newsgraph extract` output fixed by
// CONTRACT.md.
package extract
