package article

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readAll(t *testing.T, paths []string, opts Options) []Item {
	t.Helper()
	var items []Item
	err := Read(context.Background(), paths, opts, func(it Item) error {
		items = append(items, it)
		return nil
	})
	if err != nil {
		t.Fatalf("Read(%v) = %v", paths, err)
	}
	return items
}

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		file    string
		content string
		want    error
	}{
		{"empty", "empty.txt", "", ErrEmpty},
		{"blank", "blank.txt", " \n\t\n", ErrEmpty},
		{"binary", "bin.txt", "PK\x03\x04\x00\x00binary", ErrBinary},
		{"invalid utf8", "latin1.txt", "caf\xe9 au lait", ErrInvalidUTF8},
		{"malformed jsonl", "bad.jsonl", `{"text": "unterminated`, ErrBadJSON},
		{"jsonl without text", "notext.jsonl", `{"id": "a", "title": "t"}`, ErrEmpty},
		{"jsonl bad date", "date.jsonl", `{"text": "Some news.", "published": "1st of May"}`, ErrBadDate},
		{"too large", "big.txt", strings.Repeat("word ", 300), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, dir, tt.file, tt.content)
			items := readAll(t, []string{p}, Options{MaxBytes: 1000})
			if len(items) != 1 {
				t.Fatalf("Read(%s) gave %d items, want 1", tt.file, len(items))
			}
			err := items[0].Err
			if !errors.Is(err, tt.want) {
				t.Fatalf("Read(%s) error = %v, want %v", tt.file, err, tt.want)
			}
			if !strings.Contains(err.Error(), p) {
				t.Errorf("error %q does not name the input %s", err, p)
			}
		})
	}
}

func TestBatchGoesOnAfterBadInput(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a/1.txt", "Headline\n\nFirst story.")
	write(t, dir, "a/2.txt", "caf\xe9")
	write(t, dir, "a/3.jsonl", `{"id":"x1","text":"One.","section":"tech"}`+"\n"+`not json`+"\n\n"+`{"text":"Two.","published":"2005-03"}`)
	write(t, dir, "a/ignored.pdf", "%PDF")
	items := readAll(t, []string{filepath.Join(dir, "a")}, Options{Published: "2017-11-01", Source: "wire"})
	var ids, bad []string
	var warnings int
	for _, it := range items {
		if it.Err != nil {
			bad = append(bad, it.Origin)
			continue
		}
		ids = append(ids, it.Article.ID+"@"+it.Article.Published)
		if it.Warning != "" {
			warnings++
		}
	}
	if got, want := strings.Join(ids, " "), "1@2017-11-01 x1@2017-11-01 3-4@2005-03"; got != want {
		t.Errorf("articles = %s, want %s", got, want)
	}
	if len(bad) != 2 || !strings.HasSuffix(bad[0], "2.txt") || !strings.HasSuffix(bad[1], "3.jsonl:2") {
		t.Errorf("bad inputs = %v, want 2.txt and 3.jsonl:2", bad)
	}
	if warnings != 1 {
		t.Errorf("warnings = %d, want 1 (unknown field section)", warnings)
	}
}

func TestTextFields(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "story.txt", "Big news today\r\n\r\nSomething happened.")
	it := readAll(t, []string{p}, Options{})[0]
	if it.Article.ID != "story" || it.Article.Title != "Big news today" || strings.Contains(it.Article.Text, "\r") {
		t.Errorf("article = %+v, want id story, title from first line, no CR", it.Article)
	}
	stdin := readAll(t, []string{"-"}, Options{Stdin: strings.NewReader("Piped text."), Title: "Given"})[0]
	if !strings.HasPrefix(stdin.Article.ID, "stdin-") || stdin.Article.Title != "Given" {
		t.Errorf("stdin article = %+v", stdin.Article)
	}
}

func TestFromHTML(t *testing.T) {
	page := `<html><head><title>Leaders &amp; talks</title><style>p{}</style></head>
<body><script>var x = "<p>no</p>";</script><h1>Leaders meet</h1>
<p>The minister said: &ldquo;We   agree.&rdquo;</p><!-- ad --><p>More<br>text</p></body></html>`
	text, title := FromHTML(page)
	if title != "Leaders & talks" {
		t.Errorf("title = %q, want %q", title, "Leaders & talks")
	}
	want := "Leaders meet\n\nThe minister said: “We agree.”\n\nMore\n\ntext"
	if text != want {
		t.Errorf("text = %q, want %q", text, want)
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2017-11-01", "2017-11-01"}, {"2017-11", "2017-11"}, {"2017", "2017"},
		{"2017-11-01T09:30:00Z", "2017-11-01"}, {"2017-13-01", ""}, {"Nov 1", ""}, {"", ""},
	}
	for _, tt := range tests {
		got, err := NormalizeDate(tt.in)
		if got != tt.want || (tt.want == "") != (err != nil) {
			t.Errorf("NormalizeDate(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
		}
	}
}
