package main

import (
	"bufio"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeShutsDownOnSIGTERM starts the real server, checks it answers,
// sends SIGTERM and expects a clean exit that releases the store, so the
// next command can open it.
func TestServeShutsDownOnSIGTERM(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	if _, stderr, code := newsgraph(t, "ingest", "--data", data, "--published", "2017-11-01", "../../testdata/seeds"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	cmd := exec.Command(binary, "serve", "--data", data, "--addr", "127.0.0.1:0", "--log", "json")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	// The server logs the URL it listens on; read it, then keep draining.
	urls := make(chan string, 1)
	var logs strings.Builder
	go func() {
		sc := bufio.NewScanner(stderr)
		re := regexp.MustCompile(`"url":"(http://[^"]+)/"`)
		for sc.Scan() {
			logs.WriteString(sc.Text() + "\n")
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				urls <- m[1]
			}
		}
		close(urls)
	}()
	var url string
	select {
	case url = <-urls:
	case <-time.After(30 * time.Second):
		t.Fatal("server did not log its address within 30s")
	}
	resp, err := http.Get(url + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"documents":2`) {
		t.Fatalf("GET /healthz = %d %s, want 200 with 2 documents", resp.StatusCode, body)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve after SIGTERM: %v\n%s", err, logs.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop within 30s of SIGTERM")
	}
	if out, stderr, code := newsgraph(t, "verify", "--data", data); code != 0 {
		t.Fatalf("verify after shutdown: exit %d: %s %s", code, out, stderr)
	}
}

// TestBackupRestore backs up a store, restores it into a new one and
// compares the two fact for fact.
func TestBackupRestore(t *testing.T) {
	dir := t.TempDir()
	data, restored, bak := filepath.Join(dir, "data"), filepath.Join(dir, "restored"), filepath.Join(dir, "store.bak")
	if _, stderr, code := newsgraph(t, "ingest", "--data", data, "--published", "2017-11-01", "../../testdata/seeds"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	if _, stderr, code := newsgraph(t, "backup", "--data", data, "--out", bak); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, stderr)
	}
	if _, stderr, code := newsgraph(t, "restore", "--data", restored, bak); code != 0 {
		t.Fatalf("restore: exit %d: %s", code, stderr)
	}
	want, wantDocs := snapshot(t, data)
	got, gotDocs := snapshot(t, restored)
	if gotDocs != wantDocs || wantDocs != 2 {
		t.Fatalf("restored store holds %d documents, original %d, want 2", gotDocs, wantDocs)
	}
	if diff := diffLines(got, want); diff != "" {
		t.Fatalf("restored store differs from the original:\n%s", diff)
	}
	if _, stderr, code := newsgraph(t, "restore", "--data", restored, bak); code == 0 || !strings.Contains(stderr, "already holds") {
		t.Errorf("restore into a non-empty store: exit %d, %q; want a refusal", code, stderr)
	}
}
