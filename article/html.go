package article

import (
	"html"
	"strings"
)

// blockTags end a line of text: the text of one paragraph stays on one line,
// and paragraphs are separated by a blank line as in a plain-text article.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "tr": true, "section": true,
	"article": true, "header": true, "footer": true, "figcaption": true, "title": true,
}

// skipTags hold no article text.
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true, "svg": true}

// FromHTML returns the text of an HTML page, one paragraph per block, and the
// content of its <title>. It is a tolerant scanner, not a validating parser:
// news pages are rarely valid, and the text is all newsgraph needs.
func FromHTML(page string) (text, title string) {
	var b strings.Builder
	var titleB strings.Builder
	inTitle := false
	skip := ""
	for i := 0; i < len(page); {
		lt := strings.IndexByte(page[i:], '<')
		if lt < 0 {
			lt = len(page) - i
		}
		if skip == "" && lt > 0 {
			chunk := html.UnescapeString(page[i : i+lt])
			if inTitle {
				titleB.WriteString(chunk)
			} else {
				b.WriteString(chunk)
			}
		}
		i += lt
		if i >= len(page) {
			break
		}
		if strings.HasPrefix(page[i:], "<!--") {
			end := strings.Index(page[i+4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		gt := strings.IndexByte(page[i:], '>')
		if gt < 0 {
			break
		}
		tag := page[i+1 : i+gt]
		i += gt + 1
		closing := strings.HasPrefix(tag, "/")
		name := strings.ToLower(strings.TrimLeft(tag, "/"))
		if j := strings.IndexAny(name, " \t\n/"); j >= 0 {
			name = name[:j]
		}
		switch {
		case skip != "":
			if closing && name == skip {
				skip = ""
			}
		case skipTags[name] && !closing:
			skip = name
		case name == "title":
			inTitle = !closing
		case blockTags[name]:
			b.WriteString("\n\n")
		}
	}
	return tidy(b.String()), strings.Join(strings.Fields(titleB.String()), " ")
}

// tidy collapses runs of spaces inside lines and of blank lines between
// paragraphs.
func tidy(s string) string {
	var out []string
	for _, para := range strings.Split(s, "\n\n") {
		line := strings.Join(strings.Fields(para), " ")
		if line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n\n")
}
