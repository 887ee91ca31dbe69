// Command gencorpus writes a synthetic news corpus for benchmarks: it
// recombines the paragraphs of a real corpus (the BBC articles in
// bbc.jsonl) into N new articles and gives the people in them new names,
// drawn from a pool that grows with N, so that the number of entities and
// quotes grows the way it does in real news: a few very famous people and
// a long tail.
//
// Usage:
//
//	gencorpus [-n 1000] [-seed 1] [-out FILE] [-corpus bbc.jsonl]
//
// The output is JSON Lines in newsgraph's input shape (id, title, text,
// published, source), one article per line. The same flags give the same
// bytes. Memory does not grow with -n: the source corpus is held in memory
// and the articles are streamed out one at a time.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/newsgraph/newsgraph/bench"
	"github.com/newsgraph/newsgraph/bench/gencorpus"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gencorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		n      = fs.Int("n", 1000, "number of `articles` to write")
		seed   = fs.Uint64("seed", 1, "random `seed`; the same seed gives the same corpus")
		out    = fs.String("out", "-", "output `file`, - for standard output")
		corpus = fs.String("corpus", "", "source corpus `file` (JSON Lines with id, title, text, section); default: $NEWSGRAPH_CORPUS, else shared/corpus/bbc.jsonl found by walking up from the working directory")
		pool   = fs.Int("pool", 0, "number of distinct people to draw names from (default 2000 + n)")
		from   = fs.Int("from", 2010, "first `year` of the publication dates")
		years  = fs.Int("years", 15, "number of `years` the publication dates spread over")
	)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: gencorpus [flags]\n\nWrites N synthetic news articles as JSON Lines, recombined from a real corpus.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 || *n < 0 || *years < 1 {
		fs.Usage()
		return 2
	}
	path := *corpus
	if path == "" {
		p, err := bench.CorpusPath()
		if err != nil {
			fmt.Fprintf(stderr, "gencorpus: %v (use -corpus)\n", err)
			return 1
		}
		path = p
	}
	src, err := gencorpus.LoadCorpus(path)
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: %v\n", err)
		return 1
	}
	g := gencorpus.NewGenerator(src, gencorpus.Config{Seed: *seed, N: *n, Pool: *pool, FromYear: *from, Years: *years})

	w := stdout
	var f *os.File
	if *out != "-" {
		f, err = os.Create(*out)
		if err != nil {
			fmt.Fprintf(stderr, "gencorpus: %v\n", err)
			return 1
		}
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<20)
	st, err := g.Write(ctx, bw)
	if err == nil {
		err = bw.Flush()
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "gencorpus: writing %s: %v\n", *out, err)
		return 1
	}
	fmt.Fprintf(stderr, "gencorpus: %d articles, %d words, %d bytes of text, %d distinct people named, from %s\n",
		st.Articles, st.Words, st.TextBytes, st.People, path)
	return 0
}
