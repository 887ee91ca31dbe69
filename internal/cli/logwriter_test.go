package cli

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the flusher and the test at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestBufferedLog(t *testing.T) {
	t.Run("lines arrive within the interval", func(t *testing.T) {
		var out syncBuffer
		l := newBufferedLog(&out, 10*time.Millisecond)
		defer l.Close()
		fmt.Fprintln(l, "first line")
		deadline := time.Now().Add(5 * time.Second)
		for !strings.Contains(out.String(), "first line") {
			if time.Now().After(deadline) {
				t.Fatal("a logged line did not reach the writer in 5 s")
			}
			time.Sleep(5 * time.Millisecond)
		}
	})
	t.Run("Close writes every line, from many goroutines", func(t *testing.T) {
		var out syncBuffer
		l := newBufferedLog(&out, time.Hour)
		var wg sync.WaitGroup
		for g := range 8 {
			wg.Go(func() {
				for i := range 500 {
					fmt.Fprintf(l, "goroutine %d line %d\n", g, i)
				}
			})
		}
		wg.Wait()
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if len(lines) != 8*500 {
			t.Fatalf("got %d lines, want %d", len(lines), 8*500)
		}
		for _, line := range lines {
			if !strings.HasPrefix(line, "goroutine ") {
				t.Fatalf("line %q is torn", line)
			}
		}
	})
}
