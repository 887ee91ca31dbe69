package eval

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
)

// Metric is one named score between 0 and 1.
type Metric struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Of    string  `json:"of,omitempty"` // the counts behind it, for people
}

// Metrics lists every score of the report in a fixed order. These names
// are the keys of the floors file.
func (r *Report) Metrics() []Metric {
	prf := func(name string, s PRF) []Metric {
		of := fmt.Sprintf("tp %d fp %d fn %d", s.TP, s.FP, s.FN)
		return []Metric{
			{name + ".precision", s.Precision(), of},
			{name + ".recall", s.Recall(), of},
			{name + ".f1", s.F1(), of},
		}
	}
	rat := func(name string, x Ratio) Metric {
		return Metric{name, x.Value(), fmt.Sprintf("%g/%g", x.Right, x.Total)}
	}
	var m []Metric
	m = append(m, prf("quote", r.Quotes)...)
	m = append(m, prf("quote.direct", r.DirectQuotes)...)
	m = append(m, rat("speaker.accuracy", r.Speaker))
	m = append(m, rat("speaker.attributed_precision", r.Attributed))
	m = append(m, prf("who_said_what", r.WhoSaidWhat)...)
	m = append(m, prf("who_said_what.direct", r.DirectWho)...)
	m = append(m, rat("direct.accuracy", r.Direct))
	var all PRF
	for _, t := range sortedKeys(r.Entities) {
		all.add(r.Entities[t])
		m = append(m, prf("entity."+t, r.Entities[t])...)
	}
	m = append(m, prf("entity.all", all)...)
	m = append(m, rat("alias.accuracy", r.Alias))
	m = append(m, rat("merge.accuracy", r.Merge))
	m = append(m, rat("merge.extraction.accuracy", r.MergeExtract))
	m = append(m, rat("date.accuracy", r.Date))
	if h := r.Heldout; h != nil {
		m = append(m, prf("heldout.quote", h.Quotes)[2], rat("heldout.speaker.accuracy", h.Speaker), prf("heldout.who_said_what", h.WhoSaidWhat)[2])
	}
	for _, s := range r.Seeds {
		m = append(m, rat("seeds."+s.Category, s.Ratio))
	}
	return m
}

// WriteTable prints the scores as an aligned table, with the floor of each
// metric when floors is not nil.
func (r *Report) WriteTable(w io.Writer, floors Floors) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	held := 0
	if r.Heldout != nil {
		held = r.Heldout.Articles
	}
	fmt.Fprintf(tw, "newsgraph extractor: %d devset articles, %d held out, seeds\n", r.Articles, held)
	if floors != nil {
		fmt.Fprintln(tw, "metric\tscore\tfloor\tcounts\t")
	} else {
		fmt.Fprintln(tw, "metric\tscore\tcounts\t")
	}
	for _, m := range r.Metrics() {
		if floors != nil {
			f, ok := floors[m.Name]
			fs := "-"
			if ok {
				fs = fmt.Sprintf("%.2f", f)
			}
			mark := ""
			if ok && m.Value < f-1e-9 {
				mark = "  BELOW FLOOR"
			}
			fmt.Fprintf(tw, "%s\t%.3f\t%s\t%s%s\t\n", m.Name, m.Value, fs, m.Of, mark)
		} else {
			fmt.Fprintf(tw, "%s\t%.3f\t%s\t\n", m.Name, m.Value, m.Of)
		}
	}
	return tw.Flush()
}

// WriteMisses prints every miss, grouped by kind, one per line with its
// article and sentence. kinds, when not empty, selects kinds by prefix.
func (r *Report) WriteMisses(w io.Writer, kinds ...string) error {
	ms := append([]Miss(nil), r.Misses...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Kind < ms[j].Kind })
	last := ""
	for _, m := range ms {
		if len(kinds) > 0 && !hasPrefix(m.Kind, kinds) {
			continue
		}
		if m.Kind != last {
			if _, err := fmt.Fprintf(w, "\n== %s\n", m.Kind); err != nil {
				return err
			}
			last = m.Kind
		}
		var b strings.Builder
		fmt.Fprintf(&b, "%s", m.Doc)
		if m.Hard {
			b.WriteString(" [hard]")
		}
		if m.Gold != "" {
			fmt.Fprintf(&b, "\n    want %s", m.Gold)
		}
		if m.Got != "" {
			fmt.Fprintf(&b, "\n    got  %s", m.Got)
		}
		if m.Sentence != "" {
			fmt.Fprintf(&b, "\n    in   %s", m.Sentence)
		}
		if _, err := fmt.Fprintln(w, b.String()); err != nil {
			return err
		}
	}
	return nil
}

func hasPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// Floors maps a metric name to the lowest score it may have.
type Floors map[string]float64

// ReadFloors reads a floors file written by WriteFloors.
func ReadFloors(path string) (Floors, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: reading floors: %w", err)
	}
	f := Floors{}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("eval: decoding floors %s: %w", path, err)
	}
	return f, nil
}

// FloorsOf returns the report's scores rounded down to 0.01, the floors
// that the report just reaches.
func FloorsOf(r *Report) Floors {
	f := Floors{}
	for _, m := range r.Metrics() {
		f[m.Name] = math.Floor(m.Value*100+1e-9) / 100
	}
	return f
}

// WriteFloors writes f as indented JSON with sorted keys.
func WriteFloors(path string, f Floors) error {
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("eval: encoding floors: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("eval: writing floors: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("eval: writing floors: %w", err)
	}
	return nil
}

// ErrBelowFloor is returned by Check when a score dropped below its floor.
var ErrBelowFloor = errors.New("eval: score below floor")

// Check compares the report with floors and returns an error naming every
// score that dropped below its floor, wrapping ErrBelowFloor; a metric
// missing from the report counts as 0.
func (f Floors) Check(r *Report) error {
	got := map[string]float64{}
	for _, m := range r.Metrics() {
		got[m.Name] = m.Value
	}
	var errs []error
	for _, name := range sortedKeys(f) {
		if v := got[name]; v < f[name]-1e-9 {
			errs = append(errs, fmt.Errorf("%w: %s = %.3f, floor %.2f", ErrBelowFloor, name, v, f[name]))
		}
	}
	return errors.Join(errs...)
}
