package graph

import (
	"context"
	"slices"
	"strconv"
	"testing"
)

func TestReadGrain(t *testing.T) {
	for _, tc := range []struct {
		read, field, rng string
	}{
		{kEnt("E1"), "e\x00E1", "e\x00"}, // as a prefix: E1, E10, ...
		{kQSpeaker("E1", "2005-01-01", "Q1"), "qs\x00E1", "qs\x00E1"},
		{pQSpeaker + "E1" + sep, "qs\x00E1", "qs\x00E1"},
		{pQDate, "qd\x00", "qd\x00"},         // a date range: the whole table
		{pName + "jos", "n\x00jos", "n\x00"}, // a name, or every name that starts so
		{keyVersion, keyVersion, ""},         // a key of its own; a range over everything
		{"", "", ""},
	} {
		if got := fieldOf(tc.read); got != tc.field {
			t.Errorf("fieldOf(%q) = %q, want %q", tc.read, got, tc.field)
		}
		if got := rangeOf(tc.read); got != tc.rng {
			t.Errorf("rangeOf(%q) = %q, want %q", tc.read, got, tc.rng)
		}
	}
	c := changedKeys{}
	c.note([]byte(kQSpeaker("E1", "2005-01-01", "Q1")))
	c.note([]byte(kEnt("E2")))
	c.note([]byte(keyVersion))
	want := []string{keyVersion, "e\x00E2", "qs\x00E1"}
	var got []string
	for k := range c {
		got = append(got, k)
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("changedKeys = %q, want %q: a write must name what fieldOf names for a read", got, want)
	}
	if got := Touched("qs\x00E1"); got != [3]string{"qs\x00E1", "qs\x00", ""} {
		t.Errorf("Touched = %q", got)
	}
}

func TestChanges(t *testing.T) {
	s := &Store{}
	commit := func(keys ...string) {
		var c changedKeys
		if keys != nil {
			c = changedKeys{}
			for _, k := range keys {
				c[k] = struct{}{}
			}
		}
		s.committed(c)
	}
	commit("e\x00A")           // 0 -> 1
	commit("e\x00B", "m\x00B") // 1 -> 2
	commit()                   // 2 -> 3: a restore
	commit("e\x00C")           // 3 -> 4
	for _, tc := range []struct {
		from, to uint64
		want     []string
		all      bool
	}{
		{0, 1, []string{"e\x00A"}, false},
		{0, 2, []string{"e\x00A", "e\x00B", "m\x00B"}, false},
		{1, 2, []string{"e\x00B", "m\x00B"}, false},
		{2, 3, nil, true},
		{1, 4, nil, true},
		{3, 4, []string{"e\x00C"}, false},
		{4, 4, nil, false},
		{4, 5, nil, true}, // not yet
	} {
		got, all := s.Changes(tc.from, tc.to)
		slices.Sort(got)
		if all != tc.all || !slices.Equal(got, tc.want) {
			t.Errorf("Changes(%d, %d) = %q, %v; want %q, %v", tc.from, tc.to, got, all, tc.want, tc.all)
		}
	}

	// The log keeps the latest writes within its bound.
	big := changedKeys{}
	for i := range maxChangeKeys {
		big[kEnt(strconv.Itoa(i))] = struct{}{}
	}
	for range maxLoggedKeys/maxChangeKeys + 1 {
		s.committed(big)
	}
	g := s.Generation()
	if _, all := s.Changes(3, 4); !all {
		t.Errorf("Changes(3, 4) after %d large writes: still logged, want the log bounded", maxLoggedKeys/maxChangeKeys+1)
	}
	if keys, all := s.Changes(g-1, g); all || len(keys) != len(big) {
		t.Errorf("Changes of the last write = %d keys, %v; want %d", len(keys), all, len(big))
	}
	for range maxLoggedWrites {
		s.committed(changedKeys{})
	}
	if n := len(s.changes.entries); n != maxLoggedWrites {
		t.Errorf("%d writes logged, want the last %d", n, maxLoggedWrites)
	}
	g = s.Generation()
	huge := changedKeys{kEnt("x"): {}}
	for k := range big {
		huge[k+"y"] = struct{}{}
	}
	s.committed(huge)
	if _, all := s.Changes(g, g+1); !all {
		t.Errorf("Changes of a write of %d keys: logged, want everything (over %d)", len(huge), maxChangeKeys)
	}
}

// A ReadSet notes the reads of views in its context only.
func TestReadSetNotesItsReaderOnly(t *testing.T) {
	ctx := context.Background()
	s := openMemory(t)
	if _, err := s.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	rctx, rs := WithReadSet(ctx)
	other, others := WithReadSet(ctx)
	if _, err := s.Stats(rctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Entity(ctx, "nobody"); !IsNotFound(err) {
		t.Fatalf("Entity(nobody) error = %v, want not found", err)
	}
	if _, err := s.Entity(other, "nobody"); !IsNotFound(err) {
		t.Fatalf("Entity(nobody) error = %v, want not found", err)
	}
	got := rs.Keys()
	slices.Sort(got)
	if len(got) == 0 || !slices.Equal(got, []string{"s\x00docs", "s\x00edges", "s\x00entities", "s\x00events",
		"s\x00mentions", "s\x00quotes", "s\x00relations"}) {
		t.Errorf("a reader of the stats noted %q", got)
	}
	if got := others.Keys(); !slices.Contains(got, "e\x00nobody") {
		t.Errorf("a reader of a missing entity noted %q, want its key: a write may add it", got)
	}
	if counted.Load() != 0 {
		t.Errorf("%d readers still counted after their views ended", counted.Load())
	}
}

// A reader that read more than maxReadKeys is taken to have read
// everything.
func TestReadSetBound(t *testing.T) {
	_, rs := WithReadSet(context.Background())
	for i := range maxReadKeys {
		rs.add(kEnt(strconv.Itoa(i)))
	}
	if got := len(rs.Keys()); got != maxReadKeys {
		t.Fatalf("%d keys noted, want %d", got, maxReadKeys)
	}
	rs.add(kEnt("one more"))
	rs.add(kEnt("and another"))
	if got := rs.Keys(); got != nil {
		t.Errorf("over the bound Keys() = %d keys, want nil (everything)", len(got))
	}
}
