// Package kind is newsgraph's vocabulary: the types of entity and the
// predicates of relations and graph edges. It imports nothing of ours so that
// every other package can share it.
package kind

import (
	"fmt"
	"strings"
)

// Entity is the type of a node that stands for something in the world.
type Entity int

// Entity types. The zero value is Unknown, which never reaches the graph.
const (
	Unknown Entity = iota
	Person
	Org
	Place
	Event
)

var entityNames = [...]string{"UNKNOWN", "PERSON", "ORG", "PLACE", "EVENT"}

func (e Entity) String() string {
	if e < 0 || int(e) >= len(entityNames) {
		return fmt.Sprintf("Entity(%d)", int(e))
	}
	return entityNames[e]
}

// ParseEntity reads an entity type by its name (PERSON, ORG, PLACE, EVENT),
// ignoring case.
func ParseEntity(s string) (Entity, error) {
	for i, n := range entityNames {
		if i > 0 && strings.EqualFold(n, s) {
			return Entity(i), nil
		}
	}
	return Unknown, fmt.Errorf("kind: unknown entity type %q (want PERSON, ORG, PLACE or EVENT)", s)
}

func (e Entity) MarshalText() ([]byte, error) { return []byte(e.String()), nil }

func (e *Entity) UnmarshalText(b []byte) error {
	v, err := ParseEntity(string(b))
	if err != nil {
		return err
	}
	*e = v
	return nil
}

// Predicate names a relation between two entities, or an edge of the
// exported graph. Predicates are plain snake_case strings so that new ones
// need no code change; the constants below are the ones newsgraph writes.
type Predicate string

// Predicates written by the extractor and the graph.
const (
	Said           Predicate = "said"            // speaker -> quote
	SaidAbout      Predicate = "said_about"      // quote -> entity it mentions
	RoleOf         Predicate = "role_of"         // person -> org/place the role is held in
	WorksFor       Predicate = "works_for"       // person -> org
	MemberOf       Predicate = "member_of"       // person -> org
	LeaderOf       Predicate = "leader_of"       // person -> org/place
	LocatedIn      Predicate = "located_in"      // org/place/event -> place
	ParticipatedIn Predicate = "participated_in" // entity -> event
	MentionedWith  Predicate = "mentioned_with"  // co-occurrence in one sentence
	Met            Predicate = "met"             // person -> person
	Detained       Predicate = "detained"        // org/place -> person
	Released       Predicate = "released"        // org/place -> person
	DefectedFrom   Predicate = "defected_from"   // person -> place/org
	ContactWith    Predicate = "in_contact_with" // entity -> entity
	Calls          Predicate = "calls"           // person -> person, by a nickname
)
