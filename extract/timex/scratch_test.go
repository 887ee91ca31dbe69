package timex

import (
	"fmt"
	"os"
	"testing"
)

func TestScratch(t *testing.T) {
	f := os.Getenv("TX_FILE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	for _, e := range Find(string(b), os.Getenv("TX_PUB")) {
		fmt.Printf("%-30q %-12s %v rel=%v\n", e.Text, e.Value, e.Precision, e.Relative)
	}
}

func TestScratchCorpus(t *testing.T) {
	if os.Getenv("TX_CORPUS") == "" {
		t.Skip()
	}
	for _, a := range loadCorpus(t, 0) {
		for _, e := range Find(a.Text, "2005-03-01") {
			lo, hi := max(0, e.Start-30), min(len(a.Text), e.End+30)
			fmt.Printf("%q\t%s\t%q\n", e.Text, e.Value, a.Text[lo:hi])
		}
	}
}
