// Package cli implements the newsgraph command line: one flag.FlagSet per
// verb, each verb a function that returns an exit code. main only wires the
// process to Run.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the command ran and failed
	exitUsage = 2 // the command line was wrong
)

// Env is the process environment a command runs in, so tests can run
// commands in-process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

type command struct {
	summary string
	run     func(ctx context.Context, env Env, args []string) int
}

func commands() map[string]command {
	return map[string]command{
		"ingest":  {"extract articles and store them in the graph", runIngest},
		"extract": {"extract articles and print JSON Lines, storing nothing", runExtract},
		"serve":   {"serve the GraphQL API and the dashboard over HTTP", runServe},
		"query":   {"run one GraphQL query against the store", runQuery},
		"export":  {"write the graph for Gephi and other tools", runExport},
		"backup":  {"write a backup of the store", runBackup},
		"restore": {"load a backup into an empty store", runRestore},
		"verify":  {"check the store's indexes against its data", runVerify},
		"upgrade": {"upgrade a store of an older format in place", runUpgrade},
		"delete":  {"delete documents and their share of the graph", runDelete},
		"health":  {"ask a running server whether it is healthy", runHealth},
	}
}

// Run runs the newsgraph command line args (without the program name) and
// returns the process exit code.
func Run(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = func(string) string { return "" }
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" || args[0] == "-help" {
		usage(env.Stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "newsgraph: unknown command %q\n", args[0])
		usage(env.Stderr)
		return exitUsage
	}
	if path := env.Getenv("NEWSGRAPH_CPUPROFILE"); path != "" {
		stop, err := startCPUProfile(path)
		if err != nil {
			fmt.Fprintf(env.Stderr, "newsgraph: %v\n", err)
			return exitError
		}
		defer stop()
	}
	return cmd.run(ctx, env, args[1:])
}

// startCPUProfile writes a CPU profile of the command to path, for the
// benchmarks (BENCHMARKS.md): a store's growth shows only in a real
// ingest into a large store, which no go test benchmark can hold.
func startCPUProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("NEWSGRAPH_CPUPROFILE: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("NEWSGRAPH_CPUPROFILE: %w", err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: newsgraph COMMAND [flags] [args]\n\nCommands:")
	cmds := commands()
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'newsgraph COMMAND -h' for a command's flags.")
	fmt.Fprintln(w, "The store is --data, else $NEWSGRAPH_DATA, else ./newsgraph-data.")
}

// newFlags returns a FlagSet for verb that reports errors to env.Stderr.
func newFlags(env Env, verb, args, about string) *flag.FlagSet {
	fs := flag.NewFlagSet(verb, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Usage: newsgraph %s [flags] %s\n\n%s\n\nFlags:\n", verb, args, about)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags, which may come before, between or after the
// positional arguments (everything after "--" is positional). ok is false
// when the command must stop with code.
func parse(fs *flag.FlagSet, args []string) (positional []string, code int, ok bool) {
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, exitOK, true
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), exitOK, true
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// dataFlag adds --data with the default CONTRACT.md gives it.
func dataFlag(fs *flag.FlagSet, env Env) *string {
	def := env.Getenv("NEWSGRAPH_DATA")
	if def == "" {
		def = "./newsgraph-data"
	}
	return fs.String("data", def, "store `directory` (default $NEWSGRAPH_DATA, else ./newsgraph-data)")
}

// isTerminal reports whether w is a character device, to decide whether to
// draw a progress bar.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func errorf(env Env, format string, args ...any) int {
	msg := fmt.Sprintf(format, args...)
	fmt.Fprintln(env.Stderr, "newsgraph: "+strings.TrimSuffix(msg, "\n"))
	return exitError
}

// openStore opens the store at dir, explaining the one error users meet
// most: another process (usually a running server) owns the store.
func openStore(ctx context.Context, opts graph.Options) (*graph.Store, error) {
	s, err := graph.Open(ctx, opts)
	if err != nil && strings.Contains(err.Error(), "Cannot acquire directory lock") {
		return nil, fmt.Errorf("the store %s is in use by another newsgraph process (a running 'newsgraph serve'?): one process owns a store; stop it, or send articles to the server's POST /ingest", opts.Dir)
	}
	return s, err
}
