package graph

import (
	"errors"
	"testing"
)

func TestNormName(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Joseph Yun", "joseph yun"},
		{"Mr Yun", "yun"},
		{"Mr. Kim Jong-un", "kim jong un"},
		{"the United Nations", "united nations"},
		{"Dr Mrs Smith", "smith"},
		{"Mr", "mr"}, // an honorific alone is kept: it is all there is
		{"  O'Neill  ", "oneill"},
		{"Trump’s", "trumps"},
		{"", ""},
	} {
		t.Run(tc.in, func(t *testing.T) {
			if got := NormName(tc.in); got != tc.want {
				t.Errorf("NormName(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestNormQuote(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"diplomatic efforts … until the first bomb drops", "Diplomatic efforts... until the first bomb drops."},
		{"\u201cWe will not back down\u201d", "\"we will not  back down,\""},
		{"It is now a broader mandate than that.", "it is now a broader mandate than that"},
	} {
		t.Run(tc.a, func(t *testing.T) {
			if x, y := NormQuote(tc.a), NormQuote(tc.b); x != y {
				t.Errorf("NormQuote(%q) = %q, NormQuote(%q) = %q, want equal", tc.a, x, tc.b, y)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"", true}, {"2017", true}, {"2017-10", true}, {"2017-10-31", true}, {"2016-02-29", true},
		{"2017-02-29", false}, {"2017-13", false}, {"2017-00", false}, {"2017-10-32", false},
		{"17-10-01", false}, {"2017/10/01", false}, {"yesterday", false}, {"2017-1-1", false},
	} {
		t.Run(tc.in, func(t *testing.T) {
			_, err := ParseDate(tc.in)
			if (err == nil) != tc.ok {
				t.Errorf("ParseDate(%q) error = %v, want ok %v", tc.in, err, tc.ok)
			}
			if err != nil && !errors.Is(err, ErrBadDate) {
				t.Errorf("ParseDate(%q) error = %v, want ErrBadDate", tc.in, err)
			}
		})
	}
}

func TestDateRangeContains(t *testing.T) {
	for _, tc := range []struct {
		from, to, d string
		want        bool
	}{
		{"2017-10-01", "2017-10-31", "2017-10-17", true},
		{"2017-10-01", "2017-10-31", "2017-10", true},
		{"2017-10-01", "2017-10-31", "2017", false},
		{"2017-10-01", "2017-10-31", "2017-11-01", false},
		{"2017-09-19", "2017-09-19", "2017-09-19", true},
		{"2017-09-19", "2017-09-19", "2017-09", false},
		{"2017-09", "2017-09", "2017-09-30", true},
		{"2017", "", "2018-01-01", true},
		{"", "2017", "2017-12-31", true},
		{"", "2017", "2018", false},
		{"2017", "2017", "", false},
		{"", "", "", true},
	} {
		t.Run(tc.from+".."+tc.to+" "+tc.d, func(t *testing.T) {
			r, err := newDateRange(tc.from, tc.to)
			if err != nil {
				t.Fatal(err)
			}
			if got := r.contains(tc.d); got != tc.want {
				t.Errorf("[%s, %s].contains(%q) = %v, want %v", tc.from, tc.to, tc.d, got, tc.want)
			}
			// The index scan must start at or before any key it should find.
			if tc.want && tc.d != "" && r.scanStart() > tc.d {
				t.Errorf("[%s, %s].scanStart() = %q, after %q", tc.from, tc.to, r.scanStart(), tc.d)
			}
			if tc.want && tc.d+sep >= r.scanEnd() {
				t.Errorf("[%s, %s].scanEnd() = %q, not after %q", tc.from, tc.to, r.scanEnd(), tc.d)
			}
		})
	}
}

func TestShiftDate(t *testing.T) {
	for _, tc := range []struct {
		d    string
		days int
		want string
	}{
		{"2017-10-17", 92, "2018-01-17"},
		{"2017-03-01", -1, "2017-02-28"},
		{"2017-10", 1, "2017-10-02"},
	} {
		if got := shiftDate(tc.d, tc.days); got != tc.want {
			t.Errorf("shiftDate(%q, %d) = %q, want %q", tc.d, tc.days, got, tc.want)
		}
	}
}
