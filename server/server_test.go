package server

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

func newServer(t *testing.T, opts Options) (*httptest.Server, *graph.Store) {
	t.Helper()
	store, err := graph.Open(context.Background(), graph.Options{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ts := httptest.NewServer(New(store, extract.New(), opts))
	t.Cleanup(ts.Close)
	return ts, store
}

func seedLines(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	for i, name := range []string{"000_1270e236db0969ab", "001_15503b22387b7b2e"} {
		text, err := os.ReadFile("../testdata/seeds/" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		line, _ := json.Marshal(map[string]string{"id": name, "text": string(text), "published": "2017-11-01", "source": fmt.Sprintf("outlet-%c", 'a'+i)})
		b.Write(line)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func post(t *testing.T, url, token string, body []byte) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	b, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("POST %s: not JSON: %q", url, b)
	}
	return resp.StatusCode, out
}

func TestIngestNeedsToken(t *testing.T) {
	tests := []struct {
		name, serverToken, sent string
		want                    int
	}{
		{"read-only server", "", "anything", http.StatusUnauthorized},
		{"no token sent", "s3cret", "", http.StatusUnauthorized},
		{"wrong token", "s3cret", "s3cres", http.StatusUnauthorized},
		{"right token", "s3cret", "s3cret", http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts, store := newServer(t, Options{Token: tt.serverToken})
			code, body := post(t, ts.URL+"/ingest", tt.sent, seedLines(t))
			if code != tt.want {
				t.Fatalf("POST /ingest = %d %v, want %d", code, body, tt.want)
			}
			st, err := store.Stats(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			wantDocs := 0
			if tt.want == http.StatusOK {
				wantDocs = 2
			}
			if st.Documents != wantDocs {
				t.Errorf("store holds %d documents after POST, want %d", st.Documents, wantDocs)
			}
		})
	}
}

func TestIngestReportsBadLines(t *testing.T) {
	ts, _ := newServer(t, Options{Token: "t"})
	body := append(seedLines(t), []byte("{\"text\": \n{\"text\":\"ok\",\"published\":\"someday\"}\n")...)
	code, out := post(t, ts.URL+"/ingest", "t", body)
	if code != http.StatusOK || out["stored"] != float64(2) || out["failed"] != float64(2) {
		t.Fatalf("POST /ingest = %d %v, want 200 with 2 stored and 2 failed", code, out)
	}
	errs := fmt.Sprint(out["errors"])
	if !strings.Contains(errs, "body:3") || !strings.Contains(errs, "body:4") {
		t.Errorf("errors %s do not name lines 3 and 4", errs)
	}
}

func TestHealthAndLimits(t *testing.T) {
	ts, _ := newServer(t, Options{MaxBodyBytes: 1024})
	resp, err := http.Get(ts.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), `"status":"ok"`) {
		t.Errorf("GET /healthz = %d %s, want 200 ok", resp.StatusCode, b)
	}
	big := `{"query":"{ stats { documents } }","pad":"` + strings.Repeat("x", 2000) + `"}`
	resp, err = http.Post(ts.URL+"/graphql", "application/json", strings.NewReader(big))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("POST /graphql with a 2 kB body over a 1 kB limit = %d, want 413", resp.StatusCode)
	}
}

// TestQueriesDuringIngest runs queries while documents are ingested through
// the API; run with -race. Every answer must be whole: a quote's sources
// always name stored documents, and counts never go down.
func TestQueriesDuringIngest(t *testing.T) {
	ts, _ := newServer(t, Options{Token: "t"})
	var lines [][]byte
	for i := range 20 {
		for _, l := range bytes.Split(bytes.TrimSpace(seedLines(t)), []byte("\n")) {
			var m map[string]string
			_ = json.Unmarshal(l, &m)
			m["id"] = fmt.Sprintf("%s-%d", m["id"], i)
			m["text"] += fmt.Sprintf("\n\nCopy %d of the story.", i)
			b, _ := json.Marshal(m)
			lines = append(lines, b)
		}
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, l := range lines {
			if code, out := post(t, ts.URL+"/ingest", "t", append(l, '\n')); code != 200 {
				t.Errorf("POST /ingest = %d %v", code, out)
				return
			}
		}
	}()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	last := -1
	for queries := 0; ; queries++ {
		select {
		case <-done:
			if queries == 0 {
				t.Log("ingest finished before any query ran")
			}
			return
		default:
		}
		q := `{"query":"{ documents(first: 1) { totalCount } quotes(contains: \"first bomb\") { edges { node { sources { document { id } } } } } }"}`
		resp, err := http.Post(ts.URL+"/graphql", "application/json", strings.NewReader(q))
		if err != nil {
			t.Fatal(err)
		}
		var out struct {
			Data struct {
				Documents struct{ TotalCount int }
				Quotes    struct {
					Edges []struct {
						Node struct {
							Sources []struct{ Document *struct{ ID string } }
						}
					}
				}
			}
			Errors []any
		}
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil || len(out.Errors) > 0 {
			t.Fatalf("query during ingest: %v %v", err, out.Errors)
		}
		n := out.Data.Documents.TotalCount
		if n < last {
			t.Fatalf("document count went down from %d to %d", last, n)
		}
		last = n
		for _, e := range out.Data.Quotes.Edges {
			for _, s := range e.Node.Sources {
				if s.Document == nil || s.Document.ID == "" {
					t.Fatalf("a quote's source names no stored document: torn read")
				}
			}
		}
	}
}

func TestExport(t *testing.T) {
	ts, _ := newServer(t, Options{Token: "t"})
	if code, out := post(t, ts.URL+"/ingest", "t", seedLines(t)); code != 200 {
		t.Fatalf("POST /ingest = %d %v", code, out)
	}
	tests := []struct {
		query      string
		wantStatus int
		wantType   string
		wantBody   string
	}{
		{"format=gexf&ego=Mr%20Yun&depth=1", 200, "application/xml; charset=utf-8", `xmlns="http://gexf.net/1.3"`},
		{"format=graphml&types=PERSON", 200, "application/xml; charset=utf-8", "<graphml"},
		{"format=json&from=2017-10-01&to=2017-10-31", 200, "application/json", `"links"`},
		{"format=rdf", 200, "application/n-quads; charset=utf-8", "http://schema.org/"},
		{"format=csv", 200, "application/zip", "nodes.csv"},
		{"format=pdf", 400, "application/json", "unknown format"},
		{"format=gexf&ego=Nobody%20Known", 400, "application/json", "not found"},
		{"format=json&from=yesterday", 400, "application/json", "date"},
		{"format=json&depth=9", 400, "application/json", "depth"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			resp, err := http.Get(ts.URL + "/export?" + tt.query)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != tt.wantStatus || resp.Header.Get("Content-Type") != tt.wantType || !bytes.Contains(b, []byte(tt.wantBody)) {
				t.Errorf("GET /export?%s = %d %s %.200q, want %d %s containing %q", tt.query, resp.StatusCode,
					resp.Header.Get("Content-Type"), b, tt.wantStatus, tt.wantType, tt.wantBody)
			}
		})
	}
}
