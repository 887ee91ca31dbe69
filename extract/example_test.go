package extract_test

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/extract"
)

func ExampleExtractor_Extract() {
	x := extract.New() // build once, share between goroutines
	d, err := x.Extract(context.Background(), extract.Article{
		ID:        "example",
		Text:      "NATO chief Jens Stoltenberg visited London on Monday. Mr Stoltenberg met officials there.",
		Published: "2017-11-01",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range d.Entities {
		fmt.Println(e.Type, e.Name, e.Aliases, e.Roles[:min(len(e.Roles), 1)])
	}
	// Output:
	// ORG NATO [] []
	// PERSON Jens Stoltenberg [Mr Stoltenberg Stoltenberg] [{chief NATO e1   5 27}]
	// PLACE London [] []
}
