package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"
)

// Feed posts articles to a server's /ingest while the queries run, one
// request per article at a fixed rate, as a live news feed would: each
// write moves the server's store to a new generation, which a cache of
// answers or of records must survive.
type Feed struct {
	URL   string    // the /ingest endpoint
	Token string    // the server's write token
	Rate  float64   // articles per second
	Lines io.Reader // JSON Lines, one article a line
}

// FeedReport is what a Feed posted. Latencies time the articles stored,
// and count the refused ones as errors.
type FeedReport struct {
	Posted, Stored int
	New            int // stored and not in the store before: writes
	Latencies      Latencies
	Exhausted      bool // the input ended before the run did
}

// Beside returns the endpoint at path on the server of a GraphQL
// endpoint: its /ingest, its /healthz.
func Beside(graphqlURL, path string) (string, error) {
	u, err := url.Parse(graphqlURL)
	if err != nil {
		return "", fmt.Errorf("loadtest: reading -url: %w", err)
	}
	u.Path, u.RawQuery = path, ""
	return u.String(), nil
}

// Run posts articles until ctx ends or the input does.
func (f Feed) Run(ctx context.Context, c *http.Client) (FeedReport, error) {
	var r FeedReport
	sc := bufio.NewScanner(f.Lines)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	tick := time.NewTicker(time.Duration(float64(time.Second) / f.Rate))
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			r.Latencies.finish()
			return r, nil
		case <-tick.C:
		}
		line, ok := nextLine(sc)
		if !ok {
			if err := sc.Err(); err != nil {
				return r, fmt.Errorf("loadtest: reading the feed: %w", err)
			}
			r.Exhausted = true
			r.Latencies.finish()
			return r, nil
		}
		r.Posted++
		t := time.Now()
		isNew, err := f.post(ctx, c, line)
		if ctx.Err() != nil {
			r.Posted-- // cut off by the end of the run, not refused
			continue
		}
		r.Latencies.add(time.Since(t), err)
		if err != nil {
			continue
		}
		r.Stored++
		if isNew {
			r.New++
		}
	}
}

// nextLine returns the next line that is not blank.
func nextLine(sc *bufio.Scanner) ([]byte, bool) {
	for sc.Scan() {
		if b := bytes.TrimSpace(sc.Bytes()); len(b) > 0 {
			return append([]byte(nil), b...), true
		}
	}
	return nil, false
}

// post sends one article; an error for a refused one, with the server's
// reason.
func (f Feed) post(ctx context.Context, c *http.Client, line []byte) (isNew bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, f.URL, bytes.NewReader(line))
	if err != nil {
		return false, err
	}
	req.Header.Set("Content-Type", "application/x-ndjson")
	req.Header.Set("Authorization", "Bearer "+f.Token)
	resp, err := c.Do(req)
	if err != nil {
		return false, err
	}
	defer resp.Body.Close()
	var answer struct {
		Stored, New int
		Errors      []string
		Error       string
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return false, err
	}
	if err := json.Unmarshal(body, &answer); err != nil {
		return false, fmt.Errorf("ingest: status %d: %.200s", resp.StatusCode, body)
	}
	switch {
	case answer.Error != "":
		return false, fmt.Errorf("ingest: status %d: %s", resp.StatusCode, answer.Error)
	case len(answer.Errors) > 0:
		return false, fmt.Errorf("ingest: %s", answer.Errors[0])
	case resp.StatusCode != http.StatusOK || answer.Stored != 1:
		return false, fmt.Errorf("ingest: status %d, %d stored", resp.StatusCode, answer.Stored)
	}
	return answer.New == 1, nil
}

// Print writes the feed's line of the report.
func (r FeedReport) Print(w io.Writer) {
	l := r.Latencies
	fmt.Fprintf(w, "feed: %d articles posted, %d stored (%d new), %d refused; ingest p50 %s p99 %s max %s\n",
		r.Posted, r.Stored, r.New, l.Errors, ms(l.P50), ms(l.P99), ms(l.Max))
	if l.FirstError != "" {
		fmt.Fprintf(w, "feed: first refusal: %s\n", l.FirstError)
	}
	if r.Exhausted {
		fmt.Fprintln(w, "feed: the input ran out before the run ended")
	}
}
