package eval_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/extract/eval"
)

func ExampleNormalize() {
	fmt.Println(eval.Normalize("\u201cdiplomatic efforts \u2026 until the first bomb drops.\u201d"))
	// Output: diplomatic efforts until the first bomb drops
}

func ExampleQuoteSimilarity() {
	gold := "It has been phenomenal - absolutely mobbed."
	fmt.Printf("%.2f\n", eval.QuoteSimilarity(gold, `"It has been phenomenal - absolutely mobbed,"`))
	fmt.Printf("%.2f\n", eval.QuoteSimilarity(gold, "absolutely mobbed"))
	fmt.Printf("%.2f\n", eval.QuoteSimilarity(gold, "phenomenal growth"))
	// Output:
	// 1.00
	// 0.67
	// 0.00
}

func ExampleFloors_Check() {
	r := &eval.Report{Quotes: eval.PRF{TP: 6, FP: 2, FN: 4}}
	fmt.Println(eval.Floors{"quote.precision": 0.75}.Check(r))
	fmt.Println(eval.Floors{"quote.recall": 0.7}.Check(r))
	// Output:
	// <nil>
	// eval: score below floor: quote.recall = 0.600, floor 0.70
}
