package quote_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/extract/quote"
)

func ExampleFind() {
	text := `Mr Yun said: “It has not been limited at all.” ` +
		`“First part,” he said. “Second part.” ` +
		`The talks were pointless, the official said.`
	for _, q := range quote.Find(text) {
		fmt.Printf("%q by %q (%v, cue %q, direct %v, continues %v)\n",
			q.Text, q.Speaker.Text, q.Form, q.Cue, q.Direct, q.Continues)
	}
	// Output:
	// "It has not been limited at all." by "Mr Yun" (named, cue "said", direct true, continues false)
	// "First part" by "he" (pronoun, cue "said", direct true, continues false)
	// "Second part." by "" (none, cue "", direct true, continues true)
	// "The talks were pointless" by "the official" (nominal, cue "said", direct false, continues false)
}
