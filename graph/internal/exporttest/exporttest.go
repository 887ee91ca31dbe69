// Package exporttest holds what the exporters' tests share: small fixed
// graphs held in slices (a test fixture standing in for the store), a
// generated graph of any size for benchmarks, golden files and the external
// checker (shared/schemas/check_export.sh) run as a consumer would.
package exporttest

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/kind"
)

// Graph is a graph.Walker over slices. It is safe for concurrent use as
// long as nobody modifies the slices.
type Graph struct {
	Nodes []graph.Node
	Edges []graph.Edge
}

// Walker returns g as a graph.Walker.
func (g *Graph) Walker() graph.Walker { return walker{g} }

type walker struct{ g *Graph }

func (w walker) Nodes(ctx context.Context, fn func(graph.Node) error) error {
	for _, n := range w.g.Nodes {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(n); err != nil {
			return err
		}
	}
	return nil
}

func (w walker) Edges(ctx context.Context, fn func(graph.Edge) error) error {
	for _, e := range w.g.Edges {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := fn(e); err != nil {
			return err
		}
	}
	return nil
}

// Small is a fixed graph of every node type and several edge types, with
// full, partial and missing dates, sorted by ID.
func Small() *Graph {
	return &Graph{
		Nodes: []graph.Node{
			{ID: "event:talks-2017", Label: "nuclear talks", Type: "EVENT", Mentions: 2, Sources: 1, FirstSeen: "2017-10", LastSeen: "2017-10", Dates: []string{"2017-10"}},
			{ID: "org:state-department", Label: "State Department", Type: "ORG", Aliases: []string{"the department"}, Mentions: 4, Sources: 2, FirstSeen: "2017-10-17", LastSeen: "2017-11-01", Dates: []string{"2017-10-17", "2017-11-01"}},
			{ID: "person:joseph-yun", Label: "Joseph Yun", Type: "PERSON", Aliases: []string{"Mr Yun", "Yun"}, Roles: []string{"negotiator, United States"}, Mentions: 7, Sources: 2, FirstSeen: "2017-10-17", LastSeen: "2017-11-01", Dates: []string{"2017-10-17", "2017-11-01"}},
			{ID: "person:rex-tillerson", Label: "Rex Tillerson", Type: "PERSON", Aliases: []string{"Tillerson"}, Roles: []string{"Secretary of State, United States"}, Mentions: 3, Sources: 1, FirstSeen: "2017-10-17", LastSeen: "2017-10-17", Dates: []string{"2017-10-17"}},
			{ID: "place:north-korea", Label: "North Korea", Type: "PLACE", Aliases: []string{"Pyongyang", "DPRK"}, Mentions: 9, Sources: 2},
			{ID: "quote:0001", Label: "diplomatic efforts will continue until the first bomb drops", Type: "QUOTE", Mentions: 1, Sources: 1, FirstSeen: "2017-10-17", LastSeen: "2017-10-17", Dates: []string{"2017-10-17"}},
		},
		Edges: []graph.Edge{
			{ID: "e1", Source: "person:rex-tillerson", Target: "quote:0001", Type: kind.Said, Weight: 1, FirstSeen: "2017-10-17", LastSeen: "2017-10-17", Dates: []string{"2017-10-17"}},
			{ID: "e2", Source: "quote:0001", Target: "place:north-korea", Type: kind.SaidAbout, Weight: 1, FirstSeen: "2017-10-17", LastSeen: "2017-10-17", Dates: []string{"2017-10-17"}},
			{ID: "e3", Source: "person:joseph-yun", Target: "org:state-department", Type: kind.WorksFor, Weight: 2, FirstSeen: "2017-10-17", LastSeen: "2017-11-01", Dates: []string{"2017-10-17", "2017-11-01"}},
			{ID: "e4", Source: "person:joseph-yun", Target: "event:talks-2017", Type: kind.ParticipatedIn, Weight: 1, FirstSeen: "2017-10", LastSeen: "2017-10", Dates: []string{"2017-10"}},
			{ID: "e5", Source: "person:joseph-yun", Target: "person:rex-tillerson", Type: kind.MentionedWith, Weight: 3.5},
			{ID: "e6", Source: "person:rex-tillerson", Target: "person:joseph-yun", Type: kind.MentionedWith, Weight: 1, FirstSeen: "2017", LastSeen: "2017", Dates: []string{"2017"}},
			{ID: "e7", Source: "event:talks-2017", Target: "place:north-korea", Type: kind.LocatedIn, Weight: 1},
		},
	}
}

// Fuzzed is the two-node, one-edge graph the exporters' fuzz targets
// build from arbitrary strings: every field a writer escapes or checks
// (IDs, labels, types, aliases, roles, predicates, dates) holds one.
func Fuzzed(id1, id2, label, pred, date string) *Graph {
	return &Graph{
		Nodes: []graph.Node{
			{ID: id1, Label: label, Type: label, Aliases: []string{label, id2}, Dates: []string{date}, FirstSeen: date},
			{ID: id2, Label: id1, Roles: []string{pred}},
		},
		Edges: []graph.Edge{{ID: label, Source: id1, Target: id2, Type: kind.Predicate(pred), Weight: 1, Dates: []string{date}}},
	}
}

// Hostile is a graph whose IDs, labels, aliases and roles hold everything
// that breaks naive writers: markup characters, quotes, separators, spaces,
// control characters, invalid UTF-8 and non-Latin scripts. Two IDs differ
// only in characters a careless mapping would drop or merge.
func Hostile() *Graph {
	names := []string{
		`AT&T <Labs> "quoted" 'single'`,
		"tab\there new\nline cr\rhere",
		"nul\x00 bell\x07 esc\x1b del\x7f c1\u0085 nonchar\uFFFE",
		"bad utf8 \xff\xfe end",
		"Ким Чен Ын / 金正恩 / كيم جونغ أون / קים / किम / 👍🏽",
		`back\slash {braces} |pipe| ^caret^ ` + "`tick`" + ` %25 percent`,
		"comma, semi; colon: \"csv\"\nrow",
		"  leading and trailing spaces  ",
		"=HYPERLINK(\"x\")",
		"_underscore_5F_ and %41",
	}
	ids := []string{
		"id with spaces",
		"id_with_spaces",
		"id\x00nul",
		"id\x01nul",
		"金正恩",
		"<id>&\"'",
		"id/slash#hash?q=1",
		"id%20pct",
		"id_20pct",
		"",
	}
	g := &Graph{}
	types := []string{"PERSON", "ORG", "PLACE", "EVENT", "QUOTE"}
	for i, id := range ids {
		g.Nodes = append(g.Nodes, graph.Node{
			ID: id, Label: names[i], Type: types[i%len(types)],
			Aliases:  []string{names[(i+1)%len(names)], "a|b"},
			Roles:    []string{names[(i+2)%len(names)] + ", " + names[(i+3)%len(names)]},
			Mentions: i + 1, Sources: 1,
			FirstSeen: "2005-01", LastSeen: "2005-03-02", Dates: []string{"2005-01", "2005-01-15", "2005-03-02"},
		})
	}
	for i := range ids {
		e := graph.Edge{
			ID: ids[(i+5)%len(ids)] + " edge", Source: ids[i], Target: ids[(i+1)%len(ids)],
			Type: kind.Predicate(names[i%3]), Weight: float64(i) + 0.5,
		}
		if i%2 == 0 {
			e.Type = kind.MentionedWith
			e.FirstSeen, e.LastSeen, e.Dates = "2005", "2005", []string{"2005"}
		}
		g.Edges = append(g.Edges, e)
	}
	return g
}

// Generated is a graph.Walker over n synthetic nodes and about 2n edges,
// produced on the fly so that only the exporter's own memory shows in a
// benchmark.
type Generated struct{ N int }

var genTypes = [...]string{"PERSON", "ORG", "PLACE", "EVENT", "QUOTE"}
var genPreds = [...]kind.Predicate{kind.MentionedWith, kind.Said, kind.LocatedIn, kind.MemberOf}

func (g Generated) Nodes(ctx context.Context, fn func(graph.Node) error) error {
	aliases := []string{"Alias One", "Alias & Two"}
	roles := []string{"minister, Government"}
	dates := []string{"2005-01-02", "2005-02", "2005-03-04"}
	for i := 0; i < g.N; i++ {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		id := "node:" + strconv.Itoa(i)
		if err := fn(graph.Node{
			ID: id, Label: "Name <" + id + ">", Type: genTypes[i%len(genTypes)],
			Aliases: aliases, Roles: roles, Mentions: i%50 + 1, Sources: i%7 + 1,
			FirstSeen: dates[0], LastSeen: dates[2], Dates: dates,
		}); err != nil {
			return err
		}
	}
	return nil
}

func (g Generated) Edges(ctx context.Context, fn func(graph.Edge) error) error {
	dates := []string{"2005-01-02"}
	for i := 0; i < 2*g.N && g.N > 1; i++ {
		if i%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		s, t := i%g.N, (i*7+1)%g.N
		if err := fn(graph.Edge{
			ID: "edge:" + strconv.Itoa(i), Source: "node:" + strconv.Itoa(s), Target: "node:" + strconv.Itoa(t),
			Type: genPreds[i%len(genPreds)], Weight: float64(i%5 + 1),
			FirstSeen: dates[0], LastSeen: dates[0], Dates: dates,
		}); err != nil {
			return err
		}
	}
	return nil
}

// Golden compares got with testdata/NAME, or rewrites the file when the
// test runs with -update. The test package defines that flag itself (a
// flag defined here would clash with any other package's -update).
func Golden(t testing.TB, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\n%s", path, firstDiff(got, want))
	}
}

func firstDiff(got, want []byte) string {
	gl, wl := bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w []byte
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if !bytes.Equal(g, w) {
			return fmt.Sprintf("line %d:\n got  %q\n want %q", i+1, g, w)
		}
	}
	return "(no line differs)"
}

// ErrNoChecker reports that check_export.sh was not found above the
// working directory.
var ErrNoChecker = errors.New("exporttest: shared/schemas/check_export.sh not found")

// CheckerPath finds shared/schemas/check_export.sh in the working directory
// or any directory above it (the repository is checked out next to shared/).
func CheckerPath() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("exporttest: find checker: %w", err)
	}
	for {
		p := filepath.Join(dir, "shared", "schemas", "check_export.sh")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", ErrNoChecker
		}
		dir = up
	}
}

// Check runs the checker on path and fails the test if it rejects the
// file. When the checker or a tool it needs (xmllint, python3-networkx) is
// missing the test is skipped, unless CI=true, where that is a failure.
// It returns the checker's output.
func Check(t testing.TB, path string) string {
	t.Helper()
	ci := os.Getenv("CI") == "true"
	missing := func(msg string) {
		t.Helper()
		if ci {
			t.Fatalf("%s (CI=true: the checker must run)", msg)
		}
		t.Skipf("%s; install libxml2-utils and python3-networkx, and keep shared/ next to the repository", msg)
	}
	checker, err := CheckerPath()
	if err != nil {
		missing(err.Error())
	}
	cmd := exec.Command(checker, path)
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit) && exit.ExitCode() == 3:
		missing("check_export.sh: a tool is missing:\n" + string(out))
	default:
		t.Fatalf("check_export.sh %s: %v\n%s", path, err, out)
	}
	return string(out)
}

// Networkx runs a Python script with networkx importable, as a user of the
// export would, and returns its output; args follow the script. Like Check
// it skips when no such Python is found, unless CI=true.
func Networkx(t testing.TB, script string, args ...string) string {
	t.Helper()
	var py string
	for _, c := range []string{os.Getenv("PYTHON"), "python3", "/usr/bin/python3"} {
		if c == "" {
			continue
		}
		if err := exec.Command(c, "-c", "import networkx").Run(); err == nil {
			py = c
			break
		}
	}
	if py == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("no python3 that can import networkx (CI=true: it must run); install python3-networkx")
		}
		t.Skip("no python3 that can import networkx; install python3-networkx")
	}
	out, err := exec.Command(py, append([]string{"-c", script}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", py, err, out)
	}
	return string(out)
}
