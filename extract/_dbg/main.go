// Command _dbg prints quote.Find output and extracted speakers for a devset article (scratch, not built by ./...).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/quote"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	var a struct{ ID, Text string }
	json.Unmarshal(b, &a)
	for _, q := range quote.Find(a.Text) {
		fmt.Printf("Q %-8v cont=%v cue=%q spk=%q  | %.60q\n", q.Form, q.Continues, q.Cue, q.Speaker.Text, q.Text)
	}
	doc, _ := extract.New().Extract(context.Background(), extract.Article{ID: a.ID, Text: a.Text})
	for _, q := range doc.Quotes {
		if q.Speaker != nil { fmt.Printf("S %-25s | %.60q\n", *q.Speaker, q.Text) }
	}
	for _, e := range doc.Entities {
		fmt.Printf("E %s %s %v\n", e.Type, e.Name, e.Aliases)
	}
}
