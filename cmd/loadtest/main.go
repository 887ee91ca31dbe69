// Command loadtest measures a newsgraph server's GraphQL latency and
// throughput on loopback.
//
// Usage:
//
//	loadtest [-url http://127.0.0.1:8080/graphql] [-rate 1000] [-duration 20s] [-queries mix]
//	loadtest -rate 0 -concurrency 16 -duration 20s
//	loadtest -rate 300 -feed more.jsonl -feed-rate 1 -token TOKEN
//
// It first asks the server for its most mentioned people and a sample of
// its quotes, so that every query hits real data, then sends the query mix
// (quotes by speaker, quotes containing words between dates, an entity by
// name with its roles and 20 quotes, a person's 2-hop neighbourhood) in
// turn. With -rate > 0 it is an open loop: requests are due at a fixed
// rate whatever the server does, and latency runs from when a request was
// due, so queueing shows. With -rate 0 it is a closed loop: -concurrency
// workers send back to back, which measures saturation throughput.
//
// With -feed, it also posts the articles of a JSON Lines file to the
// server's /ingest, one request per article at -feed-rate a second, for
// the whole run: queries measured while a live feed writes (the server
// needs its write token).
//
// It prints p50/p90/p99/p99.9/max per query and overall, the achieved
// rate and the errors. It refuses any host that is not a loopback address,
// and every run is bounded by -duration (at most 10 minutes) and
// -max-requests.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/bench/querymix"
)

func main() {
	// A load generator's heap is small and its garbage (answers read and
	// dropped) fast: at the default GOGC it collects several times a
	// second, and its pauses show in the latencies it measures. Unless
	// GOGC says otherwise, collect at eight times the live heap.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(800)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

const maxDuration = 10 * time.Minute

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loadtest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		u        = fs.String("url", "http://127.0.0.1:8080/graphql", "GraphQL endpoint `URL` (loopback only)")
		rate     = fs.Float64("rate", 1000, "requests per `second`, open loop; 0 for a closed loop at saturation")
		conc     = fs.Int("concurrency", 0, "`workers` (default 128 in an open loop, 16 in a closed one)")
		dur      = fs.Duration("duration", 20*time.Second, "measured `time` (at most 10m)")
		warmup   = fs.Duration("warmup", 2*time.Second, "`time` run first and not recorded")
		maxReq   = fs.Int("max-requests", 5_000_000, "stop after this many `requests`")
		timeout  = fs.Duration("timeout", 5*time.Second, "per-request `timeout`")
		queries  = fs.String("queries", "mix", "`kinds` of query: mix, or a comma-separated list of speaker, contains, entity, neighbourhood")
		seed     = fs.Uint64("seed", 1, "random `seed` for the choice of people and phrases")
		asJSON   = fs.Bool("json", false, "print the report as JSON")
		discover = fs.Bool("discover", false, "print the targets found in the store and exit")
		feedPath = fs.String("feed", "", "JSON Lines `file` of articles to post to /ingest while the queries run")
		feedRate = fs.Float64("feed-rate", 1, "articles per `second` of -feed, one request each")
		token    = fs.String("token", "", "the server's write `token`, for -feed (default $NEWSGRAPH_TOKEN)")
	)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: loadtest [flags]\n\nLoad-tests a newsgraph GraphQL server on loopback.\n\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	kinds, err := querymix.ParseMix(*queries)
	if err != nil || fs.NArg() > 0 || *rate < 0 || *dur <= 0 || *dur > maxDuration || *maxReq <= 0 || *feedRate <= 0 {
		if err != nil {
			fmt.Fprintf(stderr, "loadtest: %v\n", err)
		}
		fs.Usage()
		return 2
	}
	if err := CheckLoopback(*u); err != nil {
		fmt.Fprintln(stderr, err)
		return 2
	}
	if *conc <= 0 {
		*conc = 128
		if *rate == 0 {
			*conc = 16
		}
	}
	c := NewClient(*conc, *timeout)
	dctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	t, err := querymix.Discover(dctx, querymix.HTTP(c, *u))
	cancel()
	if err != nil {
		fmt.Fprintf(stderr, "loadtest: %v\n", err)
		return 1
	}
	if *discover {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(t); err != nil {
			fmt.Fprintf(stderr, "loadtest: %v\n", err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(stderr, "loadtest: %d people (top: %s), %d phrases\n", len(t.People), t.People[0].Name, len(t.Phrases))

	var feed *Feed
	if *feedPath != "" {
		f, err := os.Open(*feedPath)
		if err != nil {
			fmt.Fprintf(stderr, "loadtest: -feed: %v\n", err)
			return 1
		}
		defer f.Close()
		if *token == "" {
			*token = os.Getenv("NEWSGRAPH_TOKEN")
		}
		ingestURL, err := Beside(*u, "/ingest")
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		feed = &Feed{URL: ingestURL, Token: *token, Rate: *feedRate, Lines: f}
	}

	before, hasCache := cacheStats(ctx, c, *u)
	cfg := Config{URL: *u, Rate: *rate, Concurrency: *conc, Duration: *dur, Warmup: *warmup, MaxRequests: *maxReq, Timeout: *timeout}
	var fr *FeedReport
	var feedErr error
	var feeding sync.WaitGroup
	fctx, stopFeed := context.WithCancel(ctx)
	if feed != nil {
		feeding.Go(func() {
			// Its own client: the feed's requests must not wait for a
			// connection behind the queries.
			r, err := feed.Run(fctx, NewClient(1, *timeout))
			fr, feedErr = &r, err
		})
	}
	r, err := Run(ctx, c, cfg, querymix.NewPicker(kinds, t, *seed))
	stopFeed()
	feeding.Wait()
	if err == nil {
		err = feedErr
	}
	if err != nil {
		fmt.Fprintf(stderr, "loadtest: %v\n", err)
		return 1
	}
	if *asJSON {
		var out any = r
		if fr != nil {
			out = struct {
				Report
				Feed *FeedReport
			}{r, fr}
		}
		if err := json.NewEncoder(stdout).Encode(out); err != nil {
			fmt.Fprintf(stderr, "loadtest: %v\n", err)
			return 1
		}
	} else {
		r.Print(stdout)
		if fr != nil {
			fr.Print(stdout)
		}
		if after, ok := cacheStats(ctx, c, *u); ok && hasCache {
			hits, misses := after.Hits-before.Hits, after.Misses-before.Misses
			fmt.Fprintf(stdout, "server answer cache: %d hits, %d misses (%.0f%% hits, warm-up included)\n",
				hits, misses, 100*float64(hits)/float64(max(1, hits+misses)))
		}
	}
	if r.All.Count > 0 && r.All.Errors == r.All.Count {
		return 1
	}
	return 0
}

// serverCache is the part of a newsgraph server's /healthz this tool reads.
type serverCache struct{ Hits, Misses uint64 }

// cacheStats reads the answer cache's counters from the /healthz beside
// the GraphQL endpoint; ok is false for a server without them.
func cacheStats(ctx context.Context, c *http.Client, graphqlURL string) (serverCache, bool) {
	u, err := Beside(graphqlURL, "/healthz")
	if err != nil {
		return serverCache{}, false
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return serverCache{}, false
	}
	resp, err := c.Do(req)
	if err != nil {
		return serverCache{}, false
	}
	defer resp.Body.Close()
	var h struct{ Cache *serverCache }
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil || h.Cache == nil {
		return serverCache{}, false
	}
	return *h.Cache, true
}
