package dates

import (
	"reflect"
	"testing"
)

func TestBounds(t *testing.T) {
	tests := []struct {
		name, in, start, end string
	}{
		{"year", "2005", "2005-01-01", "2005-12-31"},
		{"month", "2005-02", "2005-02-01", "2005-02-28"},
		{"leap month", "2004-02", "2004-02-01", "2004-02-29"},
		{"century not leap", "1900-02", "1900-02-01", "1900-02-28"},
		{"day", "2005-03-07", "2005-03-07", "2005-03-07"},
		{"bad month", "2005-13", "", ""},
		{"bad day", "2005-02-30", "", ""},
		{"junk", "20x5", "", ""},
		{"empty", "", "", ""},
		{"slashes", "2005/01/01", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Start(tt.in); got != tt.start {
				t.Errorf("Start(%q) = %q, want %q", tt.in, got, tt.start)
			}
			if got := End(tt.in); got != tt.end {
				t.Errorf("End(%q) = %q, want %q", tt.in, got, tt.end)
			}
		})
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		name        string
		ds          []string
		first, last string
		want        []Span
	}{
		{"none", nil, "", "", []Span{}},
		{"days", []string{"2005-01-02", "2005-01-05"}, "", "", []Span{{"2005-01-02", "2005-01-02"}, {"2005-01-05", "2005-01-05"}}},
		{"month swallows day", []string{"2005-01", "2005-01-05"}, "", "", []Span{{"2005-01-01", "2005-01-31"}}},
		{"unsorted overlap", []string{"2005-03-01", "2005", "2006-01-01"}, "", "", []Span{{"2005-01-01", "2005-12-31"}, {"2006-01-01", "2006-01-01"}}},
		{"invalid skipped", []string{"nope", "2005-01-02"}, "", "", []Span{{"2005-01-02", "2005-01-02"}}},
		{"first last", nil, "2004", "2005-02", []Span{{"2004-01-01", "2005-02-28"}}},
		{"first only", nil, "2004-05", "", []Span{{"2004-05-01", "2004-05-31"}}},
		{"last only", nil, "", "2004-05-06", []Span{{"2004-05-06", "2004-05-06"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Spans(nil, tt.ds, tt.first, tt.last)
			if got == nil {
				got = []Span{}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Spans(%q, %q, %q) = %v, want %v", tt.ds, tt.first, tt.last, got, tt.want)
			}
		})
	}
}

func TestWindowOverlaps(t *testing.T) {
	tests := []struct {
		name, from, to, d string
		want              bool
	}{
		{"open", "", "", "2005-01-01", true},
		{"inside", "2005-01", "2005-02", "2005-01-15", true},
		{"before", "2005-01", "2005-02", "2004-12-31", false},
		{"after", "2005-01", "2005-02", "2005-03-01", false},
		{"year overlaps month", "2005-06", "2005-06", "2005", true},
		{"to is inclusive of its month", "", "2005-02", "2005-02-28", true},
		{"invalid date", "2005", "2005", "garbage", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, ok := NewWindow(tt.from, tt.to)
			if !ok {
				t.Fatalf("NewWindow(%q, %q) not ok", tt.from, tt.to)
			}
			if got := w.Overlaps(tt.d); got != tt.want {
				t.Errorf("Window{%q, %q}.Overlaps(%q) = %v, want %v", tt.from, tt.to, tt.d, got, tt.want)
			}
		})
	}
}
