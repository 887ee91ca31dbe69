// Package article reads news articles from the inputs newsgraph accepts:
// plain-text files, folders of them (recursively), JSON Lines files with one
// article per line, HTML files, and standard input.
//
// Reading never stops at one bad input: each input that cannot be read is
// reported as an Item carrying an error that names the input (a path, and a
// line number for JSON Lines) and what is wrong with it, and reading goes on
// with the rest.
package article

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// DefaultMaxBytes is the largest article text read when Options.MaxBytes is
// zero. Real news articles are a few kilobytes; anything far larger is a
// wrong file, and extracting it would hold a worker for minutes.
const DefaultMaxBytes = 4 << 20

// Options say how inputs are read. The zero value reads with defaults.
type Options struct {
	// Published, Source and Title fill the fields an input does not give
	// itself (a .txt file gives none of them; a JSONL line may give all).
	Published string
	Source    string
	Title     string
	// MaxBytes caps the size of one article's text; zero means DefaultMaxBytes.
	MaxBytes int
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader
}

// Item is one article read from an input, or the error of an input that
// could not be read. Origin names where it came from: a path, "path:line"
// for a JSON Lines file, or "-" for standard input.
type Item struct {
	Article extract.Article
	Origin  string
	Err     error
	// Warning, if not empty, notes something odd about an input that was
	// read all the same (for example, JSONL fields newsgraph does not know).
	Warning string
}

// InputError is the error of one input that could not be read.
type InputError struct {
	Origin string // path, path:line or "-"
	Err    error
}

func (e *InputError) Error() string { return e.Origin + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// Errors reported for bad inputs, to be matched with errors.Is.
var (
	ErrEmpty       = errors.New("article: empty")
	ErrBinary      = errors.New("article: binary data, not text")
	ErrInvalidUTF8 = errors.New("article: invalid UTF-8")
	ErrTooLarge    = errors.New("article: too large")
	ErrBadDate     = errors.New("article: date does not parse")
	ErrBadJSON     = errors.New("article: malformed JSON line")
	ErrUnsupported = errors.New("article: unsupported file type")
)

// Read reads every input in paths in order and calls fn with each article
// or input error. Folders are walked recursively in lexical order, taking
// .txt, .text, .jsonl, .ndjson, .html and .htm files. Read returns fn's
// first error, or the context's; input errors go to fn, not to the caller.
func Read(ctx context.Context, paths []string, opts Options, fn func(Item) error) error {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Published != "" {
		if _, err := NormalizeDate(opts.Published); err != nil {
			return fmt.Errorf("published date %q: %w", opts.Published, err)
		}
	}
	r := reader{opts: opts, fn: fn}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.path(ctx, p); err != nil {
			return err
		}
	}
	return nil
}

type reader struct {
	opts Options
	fn   func(Item) error
}

func (r *reader) fail(origin string, err error) error {
	return r.fn(Item{Origin: origin, Err: &InputError{Origin: origin, Err: err}})
}

func (r *reader) path(ctx context.Context, p string) error {
	if p == "-" {
		in := r.opts.Stdin
		if in == nil {
			in = os.Stdin
		}
		return r.plain(ctx, "-", "", in, "")
	}
	info, err := os.Stat(p)
	if err != nil {
		return r.fail(p, err)
	}
	if !info.IsDir() {
		return r.file(ctx, p, true)
	}
	var files []string
	walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			// An unreadable folder is one bad input; the rest of the walk goes on.
			if ferr := r.fail(path, err); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() && kindOf(path) != "" {
			files = append(files, path)
		}
		return nil
	})
	if walkErr != nil {
		return walkErr
	}
	sort.Strings(files)
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := r.file(ctx, f, false); err != nil {
			return err
		}
	}
	return nil
}

func kindOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".text":
		return "txt"
	case ".jsonl", ".ndjson":
		return "jsonl"
	case ".html", ".htm":
		return "html"
	}
	return ""
}

// file reads one file. named is true when the user named the file itself,
// so an unknown extension is read as plain text rather than skipped.
func (r *reader) file(ctx context.Context, path string, named bool) error {
	k := kindOf(path)
	if k == "" {
		if !named {
			return nil
		}
		k = "txt"
	}
	f, err := os.Open(path)
	if err != nil {
		return r.fail(path, err)
	}
	defer f.Close()
	id := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	switch k {
	case "jsonl":
		return r.jsonl(ctx, path, id, f)
	case "html":
		return r.plain(ctx, path, id, f, "html")
	default:
		return r.plain(ctx, path, id, f, "")
	}
}

// plain reads a whole text or HTML document.
func (r *reader) plain(ctx context.Context, origin, id string, in io.Reader, format string) error {
	data, err := io.ReadAll(io.LimitReader(in, int64(r.opts.MaxBytes)+1))
	if err != nil {
		return r.fail(origin, err)
	}
	if len(data) > r.opts.MaxBytes {
		return r.fail(origin, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, r.opts.MaxBytes))
	}
	if err := checkText(data); err != nil {
		return r.fail(origin, err)
	}
	text, title := string(data), ""
	if format == "html" {
		text, title = FromHTML(text)
	}
	text = normalizeNewlines(text)
	if strings.TrimSpace(text) == "" {
		return r.fail(origin, ErrEmpty)
	}
	if id == "" {
		id = "stdin-" + contentID(text)
	}
	a := extract.Article{ID: id, Text: text, Published: r.opts.Published, Source: r.opts.Source, Title: r.opts.Title}
	if a.Title == "" {
		a.Title = title
	}
	if a.Title == "" {
		a.Title = headline(text)
	}
	return r.fn(Item{Article: a, Origin: origin})
}

// jsonLine is one line of a JSON Lines input.
type jsonLine struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Source    string `json:"source"`
	URL       string `json:"url"`
}

var knownFields = map[string]bool{"id": true, "title": true, "text": true, "published": true, "source": true, "url": true}

func (r *reader) jsonl(ctx context.Context, path, fileID string, in io.Reader) error {
	br := bufio.NewReaderSize(in, 1<<16)
	unknownSeen := map[string]bool{}
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, r.opts.MaxBytes*2)
		if err != nil && !errors.Is(err, io.EOF) {
			return r.fail(fmt.Sprintf("%s:%d", path, n), err)
		}
		origin := fmt.Sprintf("%s:%d", path, n)
		if tooLong {
			if ferr := r.fail(origin, fmt.Errorf("%w: line longer than %d bytes", ErrTooLarge, r.opts.MaxBytes*2)); ferr != nil {
				return ferr
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			item := r.jsonItem(origin, fileID, n, line, unknownSeen)
			if ferr := r.fn(item); ferr != nil {
				return ferr
			}
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
	}
}

func (r *reader) jsonItem(origin, fileID string, n int, line []byte, unknownSeen map[string]bool) Item {
	bad := func(err error) Item { return Item{Origin: origin, Err: &InputError{Origin: origin, Err: err}} }
	if !utf8.Valid(line) {
		return bad(invalidUTF8(line))
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(line, &raw); err != nil {
		return bad(fmt.Errorf("%w: %v", ErrBadJSON, err))
	}
	var l jsonLine
	if err := json.Unmarshal(line, &l); err != nil {
		return bad(fmt.Errorf("%w: %v", ErrBadJSON, err))
	}
	var unknown []string
	for k := range raw {
		if !knownFields[k] && !unknownSeen[k] {
			unknownSeen[k] = true
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	if strings.TrimSpace(l.Text) == "" {
		return bad(fmt.Errorf("%w: no \"text\"", ErrEmpty))
	}
	if len(l.Text) > r.opts.MaxBytes {
		return bad(fmt.Errorf("%w: text of %d bytes, more than %d", ErrTooLarge, len(l.Text), r.opts.MaxBytes))
	}
	if err := checkText([]byte(l.Text)); err != nil {
		return bad(err)
	}
	a := extract.Article{ID: l.ID, Title: l.Title, Text: normalizeNewlines(l.Text), Published: l.Published, Source: l.Source, URL: l.URL}
	if a.Published != "" {
		d, err := NormalizeDate(a.Published)
		if err != nil {
			return bad(fmt.Errorf("published %q: %w", a.Published, err))
		}
		a.Published = d
	} else {
		a.Published = r.opts.Published
	}
	if a.ID == "" {
		a.ID = fmt.Sprintf("%s-%d", fileID, n)
	}
	if a.Source == "" {
		a.Source = r.opts.Source
	}
	if a.Title == "" {
		a.Title = headline(a.Text)
	}
	it := Item{Article: a, Origin: origin}
	if len(unknown) > 0 {
		it.Warning = fmt.Sprintf("%s: unknown fields %s ignored (known: id, title, text, published, source, url)", origin, strings.Join(unknown, ", "))
	}
	return it
}

// readLine reads one line of at most max bytes. A longer line is consumed
// and reported with tooLong, so one bad line cannot exhaust memory.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, err := br.ReadLine()
		if len(line)+len(chunk) > max {
			tooLong = true
		} else {
			line = append(line, chunk...)
		}
		if err != nil {
			return line, tooLong, err
		}
		if !isPrefix {
			return line, tooLong, nil
		}
	}
}

// checkText rejects data that is not UTF-8 text.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return ErrBinary
	}
	if !utf8.Valid(data) {
		return invalidUTF8(data)
	}
	control := 0
	for _, c := range data {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			control++
		}
	}
	if control > len(data)/100+8 {
		return ErrBinary
	}
	return nil
}

func invalidUTF8(data []byte) error {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return fmt.Errorf("%w at byte %d", ErrInvalidUTF8, i)
		}
		i += size
	}
	return ErrInvalidUTF8
}

func normalizeNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// headline returns the first line of text when it looks like a headline:
// short, and followed by more text.
func headline(text string) string {
	text = strings.TrimLeft(text, " \t\n")
	i := strings.IndexByte(text, '\n')
	if i <= 0 || i > 200 || strings.TrimSpace(text[i:]) == "" {
		return ""
	}
	return strings.TrimSpace(text[:i])
}

func contentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:6])
}

// ReadJSONL reads JSON Lines articles from in, as from a .jsonl file named
// origin (used in errors, and for the ids of lines without one).
func ReadJSONL(ctx context.Context, origin string, in io.Reader, opts Options, fn func(Item) error) error {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	r := reader{opts: opts, fn: fn}
	return r.jsonl(ctx, origin, strings.TrimSuffix(filepath.Base(origin), filepath.Ext(origin)), in)
}
