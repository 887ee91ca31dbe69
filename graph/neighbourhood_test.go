package graph

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/dgraph-io/badger/v4"
	"github.com/newsgraph/newsgraph/kind"
)

// TestWalkAmong checks the merge of an index with a sorted set, across
// runs of non-members long enough to be skipped by a seek.
func TestWalkAmong(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, Options{InMemory: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.db.Update(func(txn *badger.Txn) error {
		for i := 0; i < 50; i++ {
			for j := 0; j < 2; j++ {
				if err := txn.Set([]byte(kRelEnt("hub", fmt.Sprintf("e%02d", i), fmt.Sprintf("r%02d-%d", i, j))), nil); err != nil {
					return err
				}
			}
		}
		// Another entity's keys, and one whose ID extends a member's.
		if err := txn.Set([]byte(kRelEnt("hub2", "e01", "rx")), nil); err != nil {
			return err
		}
		return txn.Set([]byte(kRelEnt("hub", "e010", "ry")), nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		members []string
		want    string
	}{
		{[]string{"e01", "e02", "e40", "e49", "zz"}, "[r01-0 r01-1 r02-0 r02-1 r40-0 r40-1 r49-0 r49-1]"},
		{[]string{"e010"}, "[ry]"},
		{[]string{"a", "e00"}, "[r00-0 r00-1]"},
		{[]string{"nobody"}, "[]"},
		{nil, "[]"},
	} {
		t.Run(fmt.Sprint(tc.members), func(t *testing.T) {
			got := []string{}
			err := s.db.View(func(txn *badger.Txn) error {
				w := newKeyWalker(txn)
				defer w.close()
				return w.walkAmong(pRelEnt, pRelEnt+"hub"+sep, tc.members, func(_ int, last string) { got = append(got, last) })
			})
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != tc.want {
				t.Errorf("walkAmong(%v) = %v, want %v", tc.members, got, tc.want)
			}
		})
	}
}

func TestDecodeEntityHead(t *testing.T) {
	full := Entity{ID: "person:anna-berg", Name: "Anna Berg", Type: 1, Aliases: []string{"Berg", `"id":"x"`},
		Roles: []Role{{Title: "minister", Org: "name"}}, Mentions: 3}
	b, err := json.Marshal(full)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		in   []byte
		want Entity
	}{
		{"record", b, Entity{ID: full.ID, Name: full.Name, Type: full.Type}},
		{"fields in another order", []byte(`{"roles":[{"title":"x"}],"type":"PERSON","name":"N","id":"i","mentions":2}`),
			Entity{ID: "i", Name: "N", Type: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := decodeEntityHead(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", tc.want) {
				t.Errorf("decodeEntityHead(%s) = %+v, want %+v", tc.in, got, tc.want)
			}
		})
	}
	if _, err := decodeEntityHead([]byte(`[1]`)); err == nil {
		t.Errorf("decodeEntityHead([1]) = no error, want one")
	}
}

// among finds the same relations by merging and by binary search.
func TestNodeRelationsAmong(t *testing.T) {
	var nr nodeRelations
	for i := range 400 {
		other := fmt.Sprintf("person:p%03d", i%97)
		nr.ends = append(nr.ends, relationEnd{other: other, rid: fmt.Sprintf("r%04d", i)})
	}
	slices.SortFunc(nr.ends, func(a, b relationEnd) int {
		return cmp.Or(strings.Compare(a.other, b.other), strings.Compare(a.rid, b.rid))
	})
	for _, members := range [][]string{
		nil,
		{"person:p000"},
		{"person:p003", "person:p050", "person:p096", "person:zzz"},
		{"org:a", "person:p010", "person:p011"},
	} {
		// Each relation with the index of its other end in members.
		var want []string
		for i, m := range members {
			for _, e := range nr.ends {
				if e.other == m {
					want = append(want, fmt.Sprint(e.rid, "@", i))
				}
			}
		}
		var got []string
		note := func(i int, rid string) { got = append(got, fmt.Sprint(rid, "@", i)) }
		nr.among(members, note)
		if !slices.Equal(got, want) {
			t.Errorf("among(%v) = %v, want %v", members, got, want)
		}
		// The merge, with the list no longer than 8 times the members.
		short := nodeRelations{ends: nr.ends[:min(len(nr.ends), 8*len(members))]}
		want = want[:0]
		for i, m := range members {
			for _, e := range short.ends {
				if e.other == m {
					want = append(want, fmt.Sprint(e.rid, "@", i))
				}
			}
		}
		got = got[:0]
		short.among(members, note)
		if !slices.Equal(got, want) {
			t.Errorf("merge among(%v) = %v, want %v", members, got, want)
		}
	}
}

// TestNeighbourhoodEdgesMatchExport checks each edge of large
// neighbourhoods against the same edge of the whole graph as an export
// walks it (which builds its edges apart), and that a caller appending to
// an edge's dates changes no other edge and no later answer.
func TestNeighbourhoodEdgesMatchExport(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	for _, a := range recombined(t, 24, 9) {
		if _, err := s.Ingest(ctx, a, extractCached(t, a)); err != nil {
			t.Fatal(err)
		}
	}
	all := map[string]Edge{}
	if err := s.Walker().Edges(ctx, func(e Edge) error { all[e.ID] = e; return nil }); err != nil {
		t.Fatal(err)
	}
	top, err := s.Entities(ctx, EntityFilter{}, Page{First: 3})
	if err != nil {
		t.Fatal(err)
	}
	relations := 0
	for _, e := range top.Items {
		opts := NeighbourhoodOptions{Depth: 2, Limit: MaxNeighbours}
		sg, err := s.Neighbourhood(ctx, e.ID, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(sg.Edges) < 10 {
			t.Fatalf("neighbourhood of %s has %d edges; want a large one", e.ID, len(sg.Edges))
		}
		for _, got := range sg.Edges {
			want, ok := all[got.ID]
			if !ok {
				t.Errorf("neighbourhood of %s: edge %q is not in the export", e.ID, got.ID)
				continue
			}
			if got.Type != kind.MentionedWith {
				relations++
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("neighbourhood of %s: edge %+v, the export has %+v", e.ID, got, want)
			}
		}
		// A caller may change what it was given.
		for i := range sg.Edges {
			sg.Edges[i].Dates = append(sg.Edges[i].Dates, "9999-12-31")
		}
		for _, got := range sg.Edges {
			if want := all[got.ID].Dates; !slices.Equal(got.Dates[:len(got.Dates)-1], want) {
				t.Errorf("edge %s: after appending to every edge's dates, %v, want %v and the date appended", got.ID, got.Dates, want)
			}
		}
		again, err := s.Neighbourhood(ctx, e.ID, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, got := range again.Edges {
			if !reflect.DeepEqual(got, all[got.ID]) {
				t.Errorf("after a caller appended to the dates of the first answer, edge %+v, want %+v", got, all[got.ID])
			}
		}
	}
	if relations == 0 {
		t.Error("no relation among the edges: the test does not cover them")
	}
}
