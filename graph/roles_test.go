package graph

import (
	"context"
	"fmt"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/kind"
)

// TestRoles checks how documents' roles of one person merge in the store
// (a title compares without case, an organisation by NormName, dates
// widen the span) and that every reader gives the same list, in the order
// the roles were first seen, from the ro/ keys.
func TestRoles(t *testing.T) {
	ctx := context.Background()
	role := func(title, org, from, to string) extract.Role {
		return extract.Role{Title: title, Org: org, From: from, To: to}
	}
	tests := []struct {
		name  string
		docs  [][]extract.Role // the roles each document gives Ann Lee
		want  []Role
		filed int // RolesFiled
	}{
		{"none", [][]extract.Role{nil}, nil, 0},
		{"first seen first", [][]extract.Role{
			{role("minister", "Freedonia", "", "")},
			{role("envoy", "", "", ""), role("minister", "Freedonia", "", "")},
		}, []Role{{Title: "minister", Org: "Freedonia"}, {Title: "envoy"}}, 2},
		{"case and spelling of the organisation merge", [][]extract.Role{
			{role("Foreign Minister", "the Freedonia", "2019", "")},
			{role("foreign minister", "Freedonia", "2018-05", "2021")},
		}, []Role{{Title: "Foreign Minister", Org: "the Freedonia", From: "2018-05", To: "2021"}}, 1},
		{"another organisation is another role", [][]extract.Role{
			{role("coach", "Italy", "", "")},
			{role("coach", "France", "", ""), role("coach", "", "", "")},
		}, []Role{{Title: "coach", Org: "Italy"}, {Title: "coach", Org: "France"}, {Title: "coach"}}, 3},
		{"blank titles are no roles", [][]extract.Role{{role("  ", "Italy", "", "")}}, nil, 0},
	}
	for _, tc := range tests {
		// One transaction per document, and one for all (a batch reads
		// the roles its earlier documents filed).
		for _, batched := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/batched=%v", tc.name, batched), func(t *testing.T) {
				s, err := Open(ctx, Options{InMemory: true})
				if err != nil {
					t.Fatal(err)
				}
				defer s.Close()
				var items []BatchItem
				for i, rs := range tc.docs {
					id := fmt.Sprint("d", i)
					items = append(items, BatchItem{
						Article: extract.Article{ID: id, Text: "Ann Lee spoke.", Published: "2021-01-01"},
						Document: extract.Document{ID: id, Published: "2021-01-01", Entities: []extract.Entity{
							{ID: "1", Name: "Ann Lee", Type: kind.Person, Mentions: []extract.Span{{Start: 0, End: 7}}, Roles: rs},
						}}})
				}
				batches := [][]BatchItem{items}
				if !batched {
					batches = nil
					for _, it := range items {
						batches = append(batches, []BatchItem{it})
					}
				}
				for _, b := range batches {
					res, err := s.IngestBatch(ctx, b)
					if err != nil {
						t.Fatal(err)
					}
					for _, r := range res {
						if r.Err != nil {
							t.Fatal(r.Err)
						}
					}
				}
				if err := s.Verify(ctx); err != nil {
					t.Fatal(err)
				}
				e, err := s.Entity(ctx, "person:ann-lee")
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(e.Roles, tc.want) || e.RolesFiled != tc.filed {
					t.Errorf("Entity: roles %+v (%d filed), want %+v (%d)", e.Roles, e.RolesFiled, tc.want, tc.filed)
				}
				byName, err := s.EntityByName(ctx, "Ann Lee")
				if err != nil || !reflect.DeepEqual(byName.Roles, tc.want) {
					t.Errorf("EntityByName: roles %+v, %v; want %+v", byName.Roles, err, tc.want)
				}
				for _, f := range []EntityFilter{{}, {Search: "ann"}} {
					l, err := s.Entities(ctx, f, Page{First: 5})
					if err != nil || len(l.Items) != 1 || !reflect.DeepEqual(l.Items[0].Roles, tc.want) {
						t.Errorf("Entities(%+v) = %+v, %v; want Ann Lee with roles %+v", f, l.Items, err, tc.want)
					}
				}
				var nodeRoles []string
				for _, r := range tc.want {
					s := r.Title
					if r.Org != "" {
						s += ", " + r.Org
					}
					nodeRoles = append(nodeRoles, s)
				}
				err = s.Walker().Nodes(ctx, func(n Node) error {
					if n.ID == e.ID && !reflect.DeepEqual(n.Roles, nodeRoles) {
						t.Errorf("Walker node roles = %q, want %q", n.Roles, nodeRoles)
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
				sub, err := s.Neighbourhood(ctx, e.ID, NeighbourhoodOptions{Depth: 1})
				if err != nil || len(sub.Nodes) == 0 || !reflect.DeepEqual(sub.Nodes[0].Roles, nodeRoles) {
					t.Errorf("Neighbourhood nodes = %+v, %v; want Ann Lee first with roles %q", sub.Nodes, err, nodeRoles)
				}
			})
		}
	}
}

func TestRoleCodec(t *testing.T) {
	for _, r := range []storedRole{
		{},
		{Seq: 411, Role: Role{Title: "chief executive", Org: "Liverpool", OrgID: "org:liverpool", From: "2004-01", To: "2005"}},
		{Seq: 1, Role: Role{Title: "minister\x00of \xff state"}},
	} {
		got, err := decodeRole(encodeRole(r))
		if err != nil || got != r {
			t.Errorf("decodeRole(encodeRole(%+v)) = %+v, %v", r, got, err)
		}
	}
	whole := encodeRole(storedRole{Seq: 3, Role: Role{Title: "coach", Org: "Italy"}})
	for _, v := range [][]byte{nil, {0x80}, whole[:len(whole)-1], append(whole, 0), {1, 9, 'a'}} {
		if r, err := decodeRole(v); err == nil {
			t.Errorf("decodeRole(%q) = %+v, want an error", v, r)
		}
	}
}
