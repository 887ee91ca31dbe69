// Package timex finds expressions of time in news text ("October 17",
// "in June", "this year", "on Tuesday", "Twelve days later", "in 2016") and
// resolves them to calendar dates against the publication date and the
// dates mentioned before them.
package timex

// Precision is how much of a date is known.
type Precision int

const (
	Year Precision = iota + 1
	Month
	Day
)

// Expr is one time expression.
type Expr struct {
	Start, End int    // byte offsets of the expression in the text, End exclusive
	Text       string // the expression as written
	Value      string // resolved date: YYYY, YYYY-MM or YYYY-MM-DD; "" if it could not be resolved
	Precision  Precision
	Relative   bool // resolved from another date ("Twelve days later", "on Tuesday", "this year")
}

// Find returns the time expressions of text in text order. published is the
// article's publication date (YYYY[-MM[-DD]]), or "" when unknown, in which
// case expressions that need it stay unresolved.
func Find(text, published string) []Expr { return nil }
