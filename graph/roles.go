package graph

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/extract"
)

// An entity's roles are keys, not a list in its record (format 7): the
// record of a person in the news is rewritten by every batch that
// mentions them, and a list of every title the sources ever gave them
// (hundreds, for a much-reported name) made each of those writes, and
// every compaction after, carry all of it. ro/EID/ROLE holds one role,
// ROLE being its title in lower case and its organisation's NormName, so
// that a document giving a known role reads and rewrites that key alone.
// The value keeps the order the roles were first seen in (Seq); the
// record counts the roles ever filed (RolesFiled), which gives the next
// Seq.

// storedRole is what an ro/ key holds.
type storedRole struct {
	Seq int
	Role
}

// encodeRole gives the value of an ro/ key: Seq as a uvarint, then the
// title, organisation, its ID, from and to, each a uvarint length and the
// bytes. A well-known person has hundreds of roles, which an entity query
// decodes one by one: JSON took most of that query's time.
func encodeRole(r storedRole) []byte {
	b := binary.AppendUvarint(nil, uint64(r.Seq))
	for _, f := range [...]string{r.Title, r.Org, r.OrgID, r.From, r.To} {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	return b
}

func decodeRole(v []byte) (storedRole, error) {
	var r storedRole
	seq, n := binary.Uvarint(v)
	if n <= 0 || seq > math.MaxInt32 {
		return r, fmt.Errorf("malformed role %q", v)
	}
	r.Seq, v = int(seq), v[n:]
	for _, f := range [...]*string{&r.Title, &r.Org, &r.OrgID, &r.From, &r.To} {
		l, n := binary.Uvarint(v)
		if n <= 0 || l > uint64(len(v)-n) {
			return r, fmt.Errorf("malformed role %q", v)
		}
		*f, v = string(v[n:n+int(l)]), v[n+int(l):]
	}
	if len(v) != 0 {
		return r, fmt.Errorf("malformed role: %d bytes left over", len(v))
	}
	return r, nil
}

// maxRoleKey bounds the ROLE part of an ro/ key; a longer one is hashed.
const maxRoleKey = 200

func rolePrefix(eid string) string { return pRole + eid + sep }

// kRole is the key of entity eid's role of that title in org: titles
// compare without case, organisations by NormName, as sources spell them
// differently.
func kRole(eid, title, org string) string {
	r := strings.ToLower(title) + sep + NormName(org)
	if len(r) > maxRoleKey {
		r = "#" + shortHash(r)
	}
	return rolePrefix(eid) + r
}

// fileRole files role r of entity e, whose organisation resolved to orgID
// (or ""), merging it with the role of the same title and organisation
// filed before: the earliest start and latest end, and the organisation's
// ID once known. A new role takes e's next Seq.
func fileRole(txn writeTxn, e *Entity, r extract.Role, orgID string) error {
	title := strings.ToValidUTF8(strings.TrimSpace(r.Title), "\uFFFD")
	if title == "" {
		return nil
	}
	org := strings.ToValidUTF8(r.Org, "\uFFFD")
	key := kRole(e.ID, title, org)
	from, to := cleanDate(r.From), cleanDate(r.To)
	item, err := txn.Get([]byte(key))
	if errors.Is(err, badger.ErrKeyNotFound) {
		e.RolesFiled++
		return txn.Set([]byte(key), encodeRole(storedRole{Seq: e.RolesFiled - 1,
			Role: Role{Title: title, Org: org, OrgID: orgID, From: from, To: to}}))
	}
	if err != nil {
		return err
	}
	old, err := itemRole(item)
	if err != nil {
		return err
	}
	merged := old
	merged.From, merged.To = minDate(old.From, from), maxDate(old.To, to)
	if merged.OrgID == "" {
		merged.OrgID = orgID
	}
	if merged == old {
		return nil
	}
	return txn.Set([]byte(key), encodeRole(merged))
}

// readRoles returns entity eid's roles in the order first seen, nil if it
// has none.
func readRoles(txn *badger.Txn, eid string) ([]Role, error) {
	var rs []storedRole
	err := iterPrefix(txn, rolePrefix(eid), func(k []byte, item *badger.Item) (bool, error) {
		r, err := itemRole(item)
		rs = append(rs, r)
		return err == nil, err
	})
	return sortedRoles(rs), err
}

func itemRole(item *badger.Item) (storedRole, error) {
	var r storedRole
	err := item.Value(func(v []byte) error {
		var err error
		r, err = decodeRole(v)
		return err
	})
	if err != nil {
		return r, fmt.Errorf("%q: %w", item.Key(), err)
	}
	return r, nil
}

// sortedRoles orders roles by Seq (then key order, which rs is in).
func sortedRoles(rs []storedRole) []Role {
	if len(rs) == 0 {
		return nil
	}
	slices.SortStableFunc(rs, func(a, b storedRole) int { return a.Seq - b.Seq })
	out := make([]Role, len(rs))
	for i, r := range rs {
		out[i] = r.Role
	}
	return out
}

// getEntity reads entity id's record and its roles.
func getEntity(txn *badger.Txn, id string, e *Entity) (bool, error) {
	found, err := getJSON(txn, kEnt(id), e)
	if err != nil || !found {
		return found, err
	}
	e.Roles, err = readRoles(txn, id)
	return true, err
}

// roleCursor reads the roles of entities walked in ID order (see
// keyCursor).
type roleCursor struct{ *keyCursor }

func newRoleCursor(txn *badger.Txn) roleCursor {
	return roleCursor{newKeyCursor(txn, pRole, func(rest []byte) (id, tail []byte) {
		id, tail, _ = bytes.Cut(rest, []byte(sep)) // an entity ID holds no NUL
		return id, tail
	})}
}

// of returns entity eid's roles in the order first seen.
func (c roleCursor) of(eid string) ([]Role, error) {
	var rs []storedRole
	err := c.each(eid, func(_ []byte, item *badger.Item) error {
		r, err := itemRole(item)
		rs = append(rs, r)
		return err
	})
	return sortedRoles(rs), err
}
