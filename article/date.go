package article

import (
	"fmt"
	"time"
)

// NormalizeDate checks a date as CONTRACT.md allows it (YYYY-MM-DD, or a
// partial YYYY-MM or YYYY) and returns it in that form. A full RFC 3339
// timestamp, as feeds often give, is cut to its date.
func NormalizeDate(s string) (string, error) {
	layouts := []struct{ layout, out string }{
		{"2006-01-02", "2006-01-02"},
		{"2006-01", "2006-01"},
		{"2006", "2006"},
		{time.RFC3339, "2006-01-02"},
		{"2006-01-02T15:04:05", "2006-01-02"},
		{"2006-01-02 15:04:05", "2006-01-02"},
	}
	for _, l := range layouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			if t.Year() < 1 {
				break
			}
			return t.Format(l.out), nil
		}
	}
	return "", fmt.Errorf("%w: %q (want YYYY-MM-DD, YYYY-MM or YYYY)", ErrBadDate, s)
}
