package quote

import (
	"fmt"
	"os"
	"testing"
)

func dump(text string) {
	for _, q := range Find(text) {
		fmt.Printf("%v %-8s cont=%v %.2f cue=%q spk=%q [%s]\n    %q\n", q.Direct, q.Form, q.Continues, q.Confidence, q.Cue, q.Speaker.Text, "", q.Text)
	}
}

func TestScratch(t *testing.T) {
	f := os.Getenv("Q_FILE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	dump(string(b))
}

func TestScratchCorpus(t *testing.T) {
	if os.Getenv("Q_CORPUS") == "" {
		t.Skip()
	}
	for _, a := range loadCorpus(t, 0) {
		for _, q := range Find(a.Text) {
			fmt.Printf("%s\t%v\t%s\t%.2f\t%v\t%q\t%q\t%q\n", a.ID, q.Direct, q.Form, q.Confidence, q.Continues, q.Cue, q.Speaker.Text, q.Text)
		}
	}
}
