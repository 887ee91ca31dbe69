package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	if testing.Short() {
		t.Skip("extracts the gold sets")
	}
	tests := []struct {
		name   string
		args   []string
		codes  []int // any of these; 1 means a score is below its floor
		stdout string
		stderr string
	}{
		{"json", []string{"-root", "../..", "-json"}, []int{0, 1}, `"who_said_what"`, ""},
		{"table and misses", []string{"-root", "../..", "-v", "-only", "quote"}, []int{0, 1}, "who_said_what.f1", ""},
		{"unknown flag", []string{"-bogus"}, []int{2}, "", "usage: evaluate"},
		{"argument", []string{"extra"}, []int{2}, "", `unexpected argument "extra"`},
		{"no gold", []string{"-root", t.TempDir()}, []int{1}, "", "evaluate: eval:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(context.Background(), tt.args, &out, &errb)
			ok := false
			for _, c := range tt.codes {
				ok = ok || c == code
			}
			if !ok {
				t.Errorf("run(%q) = %d, want one of %v; stderr:\n%s", tt.args, code, tt.codes, errb.String())
			}
			if !strings.Contains(out.String(), tt.stdout) {
				t.Errorf("run(%q) printed %q, want it to hold %q", tt.args, out.String(), tt.stdout)
			}
			if !strings.Contains(errb.String(), tt.stderr) {
				t.Errorf("run(%q) wrote to stderr %q, want it to hold %q", tt.args, errb.String(), tt.stderr)
			}
		})
	}
}
