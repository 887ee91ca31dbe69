package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// want is one expected expression: its text and resolved value, with
// precision and relativity when they matter to the case.
type want struct {
	text, value string
	prec        Precision
	rel         bool
}

func TestFind(t *testing.T) {
	const pub = "2017-11-01" // a Wednesday
	tests := []struct {
		name, in, pub string
		want          []want
	}{
		// Month and day.
		{"month day", "He spoke on October 17 in Seoul.", pub, []want{{"October 17", "2017-10-17", Day, true}}},
		{"day month", "He spoke on 17 October in Seoul.", pub, []want{{"17 October", "2017-10-17", Day, true}}},
		{"abbreviated", "He spoke on Oct. 17 in Seoul.", pub, []want{{"Oct. 17", "2017-10-17", Day, true}}},
		{"abbreviated no dot", "He spoke on Oct 17 in Seoul.", pub, []want{{"Oct 17", "2017-10-17", Day, true}}},
		{"ordinal", "It ends on November 3rd.", pub, []want{{"November 3rd", "2017-11-03", Day, true}}},
		{"ordinal of", "It began on the 3rd of March.", pub, []want{{"3rd of March", "2017-03-03", Day, true}}},
		{"month day year", "It was signed on October 17, 2015.", pub, []want{{"October 17, 2015", "2015-10-17", Day, false}}},
		{"day month year", "It was signed on 2 January 2005.", pub, []want{{"2 January 2005", "2005-01-02", Day, false}}},
		{"iso", "Filed 2005-01-02 in London.", pub, []want{{"2005-01-02", "2005-01-02", Day, false}}},
		{"iso bad month", "Part 2005-13-02 code.", pub, []want{{"2005", "2005", Year, false}}},
		{"future beyond a month goes back a year", "It happened on December 20.", pub, []want{{"December 20", "2016-12-20", Day, true}}},
		{"future within a month stays", "It happens on November 20.", pub, []want{{"November 20", "2017-11-20", Day, true}}},
		{"weekday and date", "on Tuesday, October 17, he said", pub, []want{{"Tuesday, October 17", "2017-10-17", Day, true}}},
		{"impossible day is a count", "in February 30 people died", pub, []want{{"February", "2017-02", Month, true}}},
		{"leap day", "on 29 February 2004 it snowed", pub, []want{{"29 February 2004", "2004-02-29", Day, false}}},
		{"time not day", "at May 5pm", pub, nil},

		// Months.
		{"in month", "He travelled there in June.", pub, []want{{"June", "2017-06", Month, true}}},
		{"in april", "which in April unveiled a policy", pub, []want{{"April", "2017-04", Month, true}}},
		{"month year", "It opened in January 2005.", pub, []want{{"January 2005", "2005-01", Month, false}}},
		{"abbrev year", "It opened in Jan 2005.", pub, []want{{"Jan 2005", "2005-01", Month, false}}},
		{"last month name", "He left last June.", pub, []want{{"last June", "2017-06", Month, true}}},
		{"last month name same month", "He left last November.", pub, []want{{"last November", "2016-11", Month, true}}},
		{"next month name", "He leaves next March.", pub, []want{{"next March", "2018-03", Month, true}}},
		{"month later in year goes back", "It happened in December.", pub, []want{{"December", "2017-12", Month, true}}},
		{"month two later goes back", "It happened in January.", "2017-10-15", []want{{"January", "2017-01", Month, true}}},
		{"early month", "It ends in early March.", pub, []want{{"early March", "2017-03", Month, true}}},
		{"mid month", "It ends in mid-March.", pub, []want{{"mid-March", "2017-03", Month, true}}},
		{"late year", "It ended late 2004.", pub, []want{{"late 2004", "2004", Year, false}}},
		{"mid year", "It ended by mid-2004.", pub, []want{{"mid-2004", "2004", Year, false}}},

		// Ambiguous month names.
		{"theresa may", "Theresa May said so.", pub, nil},
		{"modal may", "It May be that he goes.", pub, nil},
		{"may possessive", "after May's chairman resigned", pub, nil},
		{"in may", "elections in May will decide", pub, []want{{"May", "2017-05", Month, true}}},
		{"may day", "on May 1 workers march", pub, []want{{"May 1", "2017-05-01", Day, true}}},
		{"march verb", "They will March on the capital.", pub, nil},
		{"august adjective", "The August body met.", pub, nil},
		{"month as name", "June Whitfield starred.", pub, nil},
		{"abbrev alone", "Jan Smith said", pub, nil},

		// Weekdays.
		{"on weekday", "a bill on Tuesday they said", pub, []want{{"Tuesday", "2017-10-31", Day, true}}},
		{"same weekday is a week before", "on Wednesday they met", pub, []want{{"Wednesday", "2017-10-25", Day, true}}},
		{"last weekday", "last Friday they met", pub, []want{{"last Friday", "2017-10-27", Day, true}}},
		{"next weekday", "next Friday they meet", pub, []want{{"next Friday", "2017-11-03", Day, true}}},
		{"weekday possessive", "Tuesday's meeting was long", pub, []want{{"Tuesday", "2017-10-31", Day, true}}},
		{"sunday times", "told the Sunday Times that", pub, nil},
		{"weekday no pub", "on Tuesday they met", "", []want{{"Tuesday", "", Day, true}}},
		{"future weekday", "The vote will take place on Thursday.", pub, []want{{"Thursday", "2017-11-02", Day, true}}},
		{"due weekday", "He is due to appear in court on Monday.", pub, []want{{"Monday", "2017-11-06", Day, true}}},
		{"past verb nearer", "He will say he was there on Monday.", pub, []want{{"Monday", "2017-10-30", Day, true}}},
		{"future in another sentence", "It will rain. On Monday it was dry.", pub, []want{{"Monday", "2017-10-30", Day, true}}},
		{"due to is not future", "It closed due to problems, while on Tuesday output fell.", pub, []want{{"Tuesday", "2017-10-31", Day, true}}},
		{"title tomorrow", "the single What Happens Tomorrow sold well", pub, nil},

		// Publication-relative.
		{"yesterday", "He said yesterday that", pub, []want{{"yesterday", "2017-10-31", Day, true}}},
		{"today", "Today, he said", pub, []want{{"Today", "2017-11-01", Day, true}}},
		{"today programme", "told BBC Radio 4's Today programme", pub, nil},
		{"tomorrow", "It opens tomorrow.", pub, []want{{"tomorrow", "2017-11-02", Day, true}}},
		{"last night", "He said last night that", pub, []want{{"last night", "2017-10-31", Day, true}}},
		{"this year", "This year, North Korea conducted", pub, []want{{"This year", "2017", Year, true}}},
		{"last year", "It fell last year.", pub, []want{{"last year", "2016", Year, true}}},
		{"next year", "It rises next year.", pub, []want{{"next year", "2018", Year, true}}},
		{"earlier this year", "It fell earlier this year.", pub, []want{{"earlier this year", "2017", Year, true}}},
		{"last month", "It fell last month.", pub, []want{{"last month", "2017-10", Month, true}}},
		{"next month january", "It opens next month.", "2017-12-10", []want{{"next month", "2018-01", Month, true}}},
		{"this week", "It opens this week.", pub, []want{{"this week", "2017-11", Month, true}}},
		{"last week", "It opened last week.", pub, []want{{"last week", "2017-10", Month, true}}},
		{"over the last year", "growth over the last year", pub, nil},
		{"three days ago", "It opened three days ago.", pub, []want{{"three days ago", "2017-10-29", Day, true}}},
		{"a year ago", "It opened a year ago.", pub, []want{{"a year ago", "2016", Year, true}}},
		{"two months ago", "It opened 2 months ago.", pub, []want{{"2 months ago", "2017-09", Month, true}}},
		{"ago without pub", "It opened three days ago.", "", []want{{"three days ago", "", Day, true}}},

		// Relative to a date in the text.
		{"days later", "He spoke on September 19. Twelve days later he tweeted.", pub, []want{
			{"September 19", "2017-09-19", Day, true}, {"Twelve days later", "2017-10-01", Day, true}}},
		{"weeks later", "On 1 March 2004 he left. Two weeks later he came back.", pub, []want{
			{"1 March 2004", "2004-03-01", Day, false}, {"Two weeks later", "2004-03-15", Day, true}}},
		{"month earlier", "In June 2004 it rose, a month earlier it fell.", pub, []want{
			{"June 2004", "2004-06", Month, false}, {"a month earlier", "2004-05", Month, true}}},
		{"following day", "On 3 May 2005 he won. The following day he resigned.", pub, []want{
			{"3 May 2005", "2005-05-03", Day, false}, {"The following day", "2005-05-04", Day, true}}},
		{"day before", "On 3 May 2005 he won; the day before, he was ill.", pub, []want{
			{"3 May 2005", "2005-05-03", Day, false}, {"the day before", "2005-05-02", Day, true}}},
		{"compound number", "On 1 March 2004 he left. Twenty-one days later he came back.", pub, []want{
			{"1 March 2004", "2004-03-01", Day, false}, {"Twenty-one days later", "2004-03-22", Day, true}}},
		{"later without anchor", "Twelve days later he tweeted.", pub, []want{{"Twelve days later", "", Day, true}}},
		{"vague days later", "Days later, he tweeted.", pub, nil},
		{"days after an event", "two days after the vote", pub, nil},
		{"over the next year", "growth over the next year", pub, nil},

		// Years.
		{"in year", "until he defected in 2016.", pub, []want{{"2016", "2016", Year, false}}},
		{"year alone", "2004 was a good year", pub, []want{{"2004", "2004", Year, false}}},
		{"count not year", "more than 2000 people", pub, nil},
		{"money not year", "it cost $2005 in all", pub, nil},
		{"thousands not year", "some 1,000 people and 2,005 more", pub, nil},
		{"decade", "in the 1990s", pub, nil},
		{"measure", "a 2000m race", pub, nil},
		{"percent", "up 2000% on the year", pub, nil},
		{"small number", "200 people died", pub, nil},
		{"year range", "in 2004-2005 it rose", pub, []want{{"2004", "2004", Year, false}, {"2005", "2005", Year, false}}},
		{"year only pub", "on October 17 he said", "2017", []want{{"October 17", "2017-10-17", Day, true}}},
		{"no pub", "on October 17 he said", "", []want{{"October 17", "", Day, true}}},
		{"bad pub", "on October 17 he said", "17/10/2017", []want{{"October 17", "", Day, true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.in, tt.pub)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q, %q) = %s, want %d expressions %v", tt.in, tt.pub, show(got), len(tt.want), tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Value != w.value || g.Precision != w.prec || g.Relative != w.rel {
					t.Errorf("Find(%q, %q)[%d] = {%q %q %v rel=%v}, want {%q %q %v rel=%v}",
						tt.in, tt.pub, i, g.Text, g.Value, g.Precision, g.Relative, w.text, w.value, w.prec, w.rel)
				}
			}
			checkInvariants(t, tt.in, got)
		})
	}
}

func show(es []Expr) string {
	var b strings.Builder
	b.WriteString("[")
	for i, e := range es {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(e.Text + "=" + e.Value)
	}
	return b.String() + "]"
}

// TestSeeds checks the dates an analyst reads in the seed articles.
func TestSeeds(t *testing.T) {
	tests := []struct {
		file string
		want []want
	}{
		{"000_1270e236db0969ab.txt", []want{
			{text: "October 17", value: "2017-10-17"},
			{text: "June", value: "2017-06"},
			{text: "This year", value: "2017"},
			{text: "April", value: "2017-04"},
			{text: "September 19", value: "2017-09-19"},
			{text: "Tuesday", value: "2017-10-31"},
		}},
		{"001_15503b22387b7b2e.txt", []want{
			{text: "June", value: "2017-06"},
			{text: "October 17", value: "2017-10-17"},
			{text: "this year", value: "2017"},
			{text: "April", value: "2017-04"},
			{text: "September 19", value: "2017-09-19"},
			{text: "Twelve days later", value: "2017-10-01"},
			{text: "Tuesday", value: "2017-10-31"},
			{text: "2016", value: "2016"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seeds", tt.file))
			if err != nil {
				t.Skipf("seed not available: %v", err)
			}
			got := Find(string(b), "2017-11-01")
			checkInvariants(t, string(b), got)
			var gotv []string
			for _, g := range got {
				gotv = append(gotv, g.Text+"="+g.Value)
			}
			var wantv []string
			for _, w := range tt.want {
				wantv = append(wantv, w.text+"="+w.value)
			}
			if strings.Join(gotv, ", ") != strings.Join(wantv, ", ") {
				t.Errorf("Find(%s) = %v, want %v", tt.file, gotv, wantv)
			}
		})
	}
}

func TestCorpusInvariants(t *testing.T) {
	n := 0
	for _, a := range loadCorpus(t, 0) {
		got := Find(a.Text, "2005-03-01")
		n += len(got)
		checkInvariants(t, a.Text, got)
		if t.Failed() {
			t.Fatalf("in article %s", a.ID)
		}
	}
	if n == 0 {
		t.Errorf("Find found no dates in the whole corpus")
	}
}

func checkInvariants(t *testing.T, text string, got []Expr) {
	t.Helper()
	last := 0
	valid := utf8.ValidString(text) // boundaries mean nothing in invalid UTF-8
	for i, e := range got {
		if e.Start < last || e.End <= e.Start || e.End > len(text) {
			t.Fatalf("Find: expr %d has bad offsets [%d,%d) (previous end %d, text length %d)", i, e.Start, e.End, last, len(text))
		}
		if valid && !utf8.RuneStart(text[e.Start]) || valid && e.End < len(text) && !utf8.RuneStart(text[e.End]) {
			t.Errorf("Find: expr %d [%d,%d) not on rune boundaries", i, e.Start, e.End)
		}
		if e.Text != text[e.Start:e.End] {
			t.Errorf("Find: expr %d Text = %q, want text[%d:%d] = %q", i, e.Text, e.Start, e.End, text[e.Start:e.End])
		}
		if e.Precision < Year || e.Precision > Day {
			t.Errorf("Find: expr %d %q has precision %d", i, e.Text, e.Precision)
		}
		if e.Value != "" {
			if _, p := parseDate(e.Value); p != e.Precision {
				t.Errorf("Find: expr %d %q has value %q, not a date of precision %v", i, e.Text, e.Value, e.Precision)
			}
		}
		last = e.End
	}
}

func FuzzFind(f *testing.F) {
	f.Add("He spoke on October 17. Twelve days later, on Tuesday, in June 2004.", "2017-11-01")
	f.Add("last Friday 2005-01-02 the following day mid-2004 three weeks ago", "2005")
	f.Add("29 February 2004, Sunday Times, May's", "")
	f.Fuzz(func(t *testing.T, text, pub string) {
		checkInvariants(t, text, Find(text, pub))
	})
}

func BenchmarkFind(b *testing.B) {
	arts := loadCorpus(b, 200)
	words, bytes := 0, 0
	for _, a := range arts {
		words += len(strings.Fields(a.Text))
		bytes += len(a.Text)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			Find(a.Text, "2005-03-01")
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
