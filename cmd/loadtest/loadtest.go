package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/bench/querymix"
)

// Config is one load test. Zero values mean the defaults of the flags.
type Config struct {
	URL         string
	Rate        float64       // requests per second, open loop; 0 for a closed loop at saturation
	Concurrency int           // workers
	Duration    time.Duration // measured time, after Warmup
	Warmup      time.Duration // time run but not recorded
	MaxRequests int           // a bound on requests sent, warm-up included
	Timeout     time.Duration // per request
}

// ErrNotLoopback is returned for a URL whose host is not a loopback address.
var ErrNotLoopback = errors.New("loadtest: only loopback addresses may be load-tested")

// CheckLoopback reports whether u may be load-tested: http(s) to
// localhost or a loopback IP. The client's dialer checks the address it
// connects to as well, so a name that resolves elsewhere is refused too.
func CheckLoopback(u string) error {
	p, err := url.Parse(u)
	if err != nil {
		return fmt.Errorf("loadtest: reading -url: %w", err)
	}
	if p.Scheme != "http" && p.Scheme != "https" {
		return fmt.Errorf("loadtest: -url %q: scheme must be http or https", u)
	}
	h := p.Hostname()
	if h == "localhost" {
		return nil
	}
	if ip := net.ParseIP(h); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("%w: %q", ErrNotLoopback, h)
}

// NewClient returns an HTTP client for conc workers that only connects to
// loopback addresses and ignores proxy settings.
func NewClient(conc int, timeout time.Duration) *http.Client {
	d := &net.Dialer{
		Timeout: timeout,
		Control: func(network, address string, _ syscall.RawConn) error {
			host, _, err := net.SplitHostPort(address)
			if err != nil {
				return err
			}
			if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
				return fmt.Errorf("%w: %s", ErrNotLoopback, address)
			}
			return nil
		},
	}
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			Proxy:               nil,
			DialContext:         d.DialContext,
			MaxIdleConns:        conc * 2,
			MaxIdleConnsPerHost: conc * 2,
			IdleConnTimeout:     time.Minute,
		},
	}
}

// Latencies summarises the latencies of one kind of request, or all.
type Latencies struct {
	Count, Errors            int
	P50, P90, P99, P999, Max time.Duration
	FirstError               string
	samples                  []time.Duration
}

// add counts one request, and its latency d unless it failed with err.
func (l *Latencies) add(d time.Duration, err error) {
	l.Count++
	if err != nil {
		l.Errors++
		if l.FirstError == "" {
			l.FirstError = err.Error()
		}
		return
	}
	l.samples = append(l.samples, d)
}

func (l *Latencies) finish() {
	slices.Sort(l.samples)
	l.P50, l.P90, l.P99, l.P999 = Percentile(l.samples, 50), Percentile(l.samples, 90), Percentile(l.samples, 99), Percentile(l.samples, 99.9)
	if n := len(l.samples); n > 0 {
		l.Max = l.samples[n-1]
	}
}

// Percentile returns the p-th percentile of sorted by the nearest-rank
// method, or zero for no samples.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(p/100*float64(len(sorted)) + 0.999999)
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}

// Report is the outcome of a run. Latencies count successful requests
// only; errors are counted apart.
type Report struct {
	Config   Config
	Elapsed  time.Duration // measured time, from the end of warm-up to the last answer
	Sent     int           // measured requests sent
	Warm     int           // requests sent during the warm-up
	Dropped  int           // requests due in the measured time but never sent: the server fell a timeout behind
	Achieved float64       // successful requests per second
	All      Latencies
	ByKind   map[querymix.Kind]*Latencies
	// In an open loop only: the successful requests timed from when they
	// were sent (Service), and how late the generator sent them (Lag).
	// Latencies = Lag + Service. The lag is the generator waking late
	// (see pacer; tens of microseconds at the median on this kind of VM)
	// or its workers all waiting on answers, the queueing an open loop
	// must count; the split shows which.
	Service, Lag Latencies
}

type job struct {
	req       querymix.Request
	scheduled time.Time // zero in a closed loop: latency runs from the send
	measured  bool
}

// sample is one measured request: its latency is lateBy + service.
type sample struct {
	kind            querymix.Kind
	lateBy, service time.Duration // from due to sent (0 in a closed loop), from sent to answered
	err             error
}

// Run runs a load test against cfg.URL with requests from p. In an open
// loop (Rate > 0) request i is due at start + i/Rate and its latency is
// measured from then, not from when a worker got to send it, so a slow
// server cannot hide its queueing delay (coordinated omission).
func Run(ctx context.Context, c *http.Client, cfg Config, p *querymix.Picker) (Report, error) {
	if err := CheckLoopback(cfg.URL); err != nil {
		return Report{}, err
	}
	post := querymix.HTTPInto(c, cfg.URL)
	jobs := make(chan job, cfg.Concurrency*4)
	results := make([][]sample, cfg.Concurrency)
	var wg sync.WaitGroup
	for w := range cfg.Concurrency {
		wg.Go(func() {
			var out []sample
			var buf []byte // each answer is read into the last one's buffer
			for j := range jobs {
				sent := time.Now()
				from := j.scheduled
				if from.IsZero() {
					from = sent
				}
				rctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
				answer, err := post(rctx, j.req, buf)
				cancel()
				if answer != nil {
					buf = answer
				}
				if j.measured {
					out = append(out, sample{kind: j.req.Kind, lateBy: sent.Sub(from), service: time.Since(sent), err: err})
				}
			}
			results[w] = out
		})
	}

	start := time.Now()
	measureFrom := start.Add(cfg.Warmup)
	end := measureFrom.Add(cfg.Duration)
	sent, warm, dropped := 0, 0, 0
	var interval time.Duration
	if cfg.Rate > 0 {
		interval = time.Duration(float64(time.Second) / cfg.Rate)
	}
	var pace *pacer
	if interval > 0 {
		pace = newPacer()
		defer pace.close()
	}
schedule:
	for i := 0; i < cfg.MaxRequests; i++ {
		var due time.Time
		if interval > 0 {
			due = start.Add(time.Duration(i) * interval)
			if err := pace.wait(ctx, due); err != nil {
				break schedule
			}
		} else {
			due = time.Now()
		}
		if !due.Before(end) {
			break
		}
		if interval > 0 && time.Since(end) > cfg.Timeout {
			// The server has fallen so far behind that requests due
			// before the end are still unsent a timeout after it: stop,
			// and count them as failed rather than run on unbounded.
			dropped = int(end.Sub(due)/interval) + 1
			if due.Before(measureFrom) {
				dropped = int(end.Sub(measureFrom) / interval)
			}
			break
		}
		j := job{req: p.Next(i), measured: !due.Before(measureFrom)}
		if interval > 0 {
			j.scheduled = due
		}
		select {
		case jobs <- j:
		case <-ctx.Done():
			break schedule
		}
		if j.measured {
			sent++
		} else {
			warm++
		}
	}
	close(jobs)
	wg.Wait()
	elapsed := time.Since(measureFrom)
	if err := ctx.Err(); err != nil {
		return Report{}, fmt.Errorf("loadtest: %w", err)
	}

	r := Report{Config: cfg, Elapsed: elapsed, Sent: sent, Warm: warm, Dropped: dropped, ByKind: map[querymix.Kind]*Latencies{}}
	for _, rs := range results {
		for _, s := range rs {
			k := r.ByKind[s.kind]
			if k == nil {
				k = &Latencies{}
				r.ByKind[s.kind] = k
			}
			r.All.add(s.lateBy+s.service, s.err)
			k.add(s.lateBy+s.service, s.err)
			if s.err == nil && cfg.Rate > 0 {
				r.Service.add(s.service, nil)
				r.Lag.add(s.lateBy, nil)
			}
		}
	}
	r.Service.finish()
	r.Lag.finish()
	if dropped > 0 {
		r.All.Count += dropped
		r.All.Errors += dropped
		if r.All.FirstError == "" {
			r.All.FirstError = "requests left unsent a timeout after the end"
		}
	}
	r.All.finish()
	for _, k := range r.ByKind {
		k.finish()
	}
	if elapsed > 0 {
		r.Achieved = float64(r.All.Count-r.All.Errors) / elapsed.Seconds()
	}
	return r, nil
}

// Print writes r as a table.
func (r Report) Print(w io.Writer) {
	mode := fmt.Sprintf("open loop at %.0f req/s", r.Config.Rate)
	if r.Config.Rate <= 0 {
		mode = "closed loop (saturation)"
	}
	fmt.Fprintf(w, "%s, %d workers, %v measured after %v warm-up, %s\n", mode, r.Config.Concurrency, r.Config.Duration, r.Config.Warmup, r.Config.URL)
	fmt.Fprintf(w, "%-14s %8s %7s %9s %9s %9s %9s %9s\n", "query", "count", "errors", "p50", "p90", "p99", "p99.9", "max")
	row := func(name string, l *Latencies) {
		fmt.Fprintf(w, "%-14s %8d %7d %9s %9s %9s %9s %9s\n", name, l.Count, l.Errors, ms(l.P50), ms(l.P90), ms(l.P99), ms(l.P999), ms(l.Max))
	}
	for _, k := range querymix.Kinds {
		if l := r.ByKind[k]; l != nil {
			row(string(k), l)
		}
	}
	row("all", &r.All)
	if r.Service.Count > 0 {
		row("all, from send", &r.Service)
		row("generator lag", &r.Lag)
	}
	fmt.Fprintf(w, "achieved %.0f req/s (successful), %d sent (and %d in warm-up), %d errors in %.1fs\n", r.Achieved, r.Sent, r.Warm, r.All.Errors, r.Elapsed.Seconds())
	if r.Dropped > 0 {
		fmt.Fprintf(w, "%d requests due were never sent (counted as errors in all): the server fell more than %v behind\n", r.Dropped, r.Config.Timeout)
	}
	if r.All.FirstError != "" {
		fmt.Fprintf(w, "first error: %s\n", r.All.FirstError)
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.3fms", float64(d)/float64(time.Millisecond)) }
