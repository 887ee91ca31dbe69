package extract

import (
	"strings"
	"testing"
)

func tokenTexts(text string) []string {
	var out []string
	for _, t := range tokenize(text, asciiLower(text), nil) {
		out = append(out, t.text)
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // tokens joined by |
	}{
		{"words and punctuation", "Mr Yun said: “Stop.”", "Mr|Yun|said|:|“|Stop|.|”"},
		{"possessive curly", "Pyongyang’s embassy", "Pyongyang|’s|embassy"},
		{"possessive straight", "Trump's trip", "Trump|'s|trip"},
		{"inner apostrophe", "O'Brien didn't", "O'Brien|didn't"},
		{"hyphenated name", "Kim Jong-un test-fired", "Kim|Jong-un|test-fired"},
		{"dotted acronym", "the U.S. Army", "the|U.S.|Army"},
		{"initial", "George W. Bush", "George|W.|Bush"},
		{"numbers", "$11.1bn from 464,000 in 2016.", "$|11.1bn|from|464,000|in|2016|."},
		{"abbreviation period", "Dr. Smith", "Dr|.|Smith"},
		{"non-ASCII letters", "Zoë Ball in Zürich", "Zoë|Ball|in|Zürich"},
		{"ellipsis", "efforts … until", "efforts|…|until"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(tokenTexts(tt.in), "|")
			if got != tt.want {
				t.Errorf("tokenize(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenOffsets(t *testing.T) {
	text := "Zoë’s “test”\n\nU.S. forces, 45, left."
	for _, tok := range tokenize(text, asciiLower(text), nil) {
		if text[tok.start:tok.end] != tok.text {
			t.Errorf("token %q at [%d,%d) reads %q", tok.text, tok.start, tok.end, text[tok.start:tok.end])
		}
	}
}

func sentenceTexts(text string) []string {
	toks := tokenize(text, asciiLower(text), nil)
	var out []string
	for _, s := range splitSentences(toks, nil) {
		h := ""
		if s.headline {
			h = "H:"
		}
		out = append(out, h+text[s.start:s.end])
	}
	return out
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"two sentences", "He left. She stayed.", []string{"He left.", "She stayed."}},
		{"honorific", "Mr. Smith left. Dr Jones stayed.", []string{"Mr. Smith left.", "Dr Jones stayed."}},
		{"acronym", "The U.S. Army left. Then it rained.", []string{"The U.S. Army left.", "Then it rained."}},
		{"initials", "George W. Bush spoke.", []string{"George W. Bush spoke."}},
		{"closing quote", "He said: “Go.” Then he left.", []string{"He said: “Go.”", "Then he left."}},
		{"question inside quote", "“Why?” he asked.", []string{"“Why?” he asked."}},
		{"lines", "First line\nSecond line.", []string{"H:First line", "Second line."}},
		{"headline with question", "America in TALKS with Kim? US official speaks\n\nBody text here.",
			[]string{"H:America in TALKS with Kim?", "H:US official speaks", "Body text here."}},
		{"no headline when the first line is a sentence", "It rained.\nIt stopped.", []string{"It rained.", "It stopped."}},
		{"missing space", "on his own.World War 3 began.", []string{"on his own.", "World War 3 began."}},
		{"decimal", "It rose 2.5% in May. Then fell.", []string{"It rose 2.5% in May.", "Then fell."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.in)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("splitSentences(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
