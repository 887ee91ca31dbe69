package timex_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/extract/timex"
)

func ExampleFind() {
	text := "Speaking at the UN on September 19, he vowed to act. Twelve days later he said on Twitter ... A bill was introduced on Tuesday."
	for _, e := range timex.Find(text, "2017-11-01") {
		fmt.Printf("%s -> %s (%v)\n", e.Text, e.Value, e.Precision)
	}
	// Output:
	// September 19 -> 2017-09-19 (day)
	// Twelve days later -> 2017-10-01 (day)
	// Tuesday -> 2017-10-31 (day)
}
