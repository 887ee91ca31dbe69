package xmltext

import (
	"encoding/xml"
	"strings"
	"testing"
)

func TestAppend(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "Joseph Yun", "Joseph Yun"},
		{"markup", `AT&T <"x"> 'y'`, "AT&amp;T &lt;&quot;x&quot;&gt; &apos;y&apos;"},
		{"whitespace kept", "a\tb\nc\rd", "a&#x9;b&#xA;c&#xD;d"},
		{"controls replaced", "a\x00b\x1bc\x7fd\u0085e", "a\uFFFDb\uFFFDc\uFFFDd\uFFFDe"},
		{"noncharacters", "a\uFFFEb\uFFFF", "a\uFFFDb\uFFFD"},
		{"bad utf8", "a\xffb\xc3", "a\uFFFDb\uFFFD"},
		{"scripts", "Ким Чен Ын 金正恩 كيم 👍", "Ким Чен Ын 金正恩 كيم 👍"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(Append(nil, tt.in)); got != tt.want {
				t.Errorf("Append(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestRoundTrip checks with encoding/xml that what Append writes parses back
// to Clean's text, in an attribute and as character data.
func TestRoundTrip(t *testing.T) {
	ins := []string{"plain", "a\tb\nc\r\nd  e", "<&>\"'", "\x00\x01\x08\x0b\x0c\x1f\x7f", "\xff\xfe", "金正恩\u2028\u200b"}
	for _, in := range ins {
		doc := `<a v="` + string(Append(nil, in)) + `">` + string(Append(nil, in)) + `</a>`
		var v struct {
			V    string `xml:"v,attr"`
			Text string `xml:",chardata"`
		}
		if err := xml.NewDecoder(strings.NewReader(doc)).Decode(&v); err != nil {
			t.Errorf("parse Append(%q): %v", in, err)
			continue
		}
		want := Clean(in)
		if v.V != want || v.Text != want {
			t.Errorf("round trip of %q = attr %q, text %q, want %q", in, v.V, v.Text, want)
		}
	}
}

func TestCleanNoAlloc(t *testing.T) {
	s := "Kim Jong-un, 金正恩"
	if n := testing.AllocsPerRun(100, func() { _ = Clean(s) }); n != 0 {
		t.Errorf("Clean(clean string) allocates %v times, want 0", n)
	}
}

func TestID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"person:joseph-yun", "person:joseph-yun"},
		{"a b/c", "a b/c"},
		{"100%", "100%25"},
		{"nul\x00", "nul%00"},
		{"one\x01", "one%01"},
		{"bad\xff", "bad%FF"},
		{"c1\u0085", "c1%C2%85"},
		{"<&>", "<&>"},
		{"金", "金"},
	}
	for _, tt := range tests {
		if got := ID(tt.in); got != tt.want {
			t.Errorf("ID(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := ID(tt.in); Clean(got) != got {
			t.Errorf("Clean(ID(%q)) changes it", tt.in)
		}
	}
}
