package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/graph"
)

// runUpgrade opens a store read-write, which upgrades a store of an older
// format in place (graph.Open does it, and logs it), then checks it.
// Read-only commands (serve, query, export, backup, verify) refuse an old
// store and name this command.
func runUpgrade(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "upgrade", "", fmt.Sprintf("Upgrades a store written by an older newsgraph to format %d in place, rebuilding the\n"+
		"indexes the older format lacked from its data, then checks it as 'newsgraph verify' does.\n"+
		"An interrupted upgrade leaves the store in its old format; run the command again.\n"+
		"A store already at format %d is only checked.", graph.FormatVersion, graph.FormatVersion))
	data := dataFlag(fs, env)
	if pos, code, ok := parse(fs, args); !ok {
		return code
	} else if len(pos) != 0 {
		fs.Usage()
		return exitUsage
	}
	if _, err := os.Stat(*data); err != nil {
		return errorf(env, "upgrade: no store at %s: %v", *data, err)
	}
	store, err := openStore(ctx, graph.Options{Dir: *data})
	if err != nil {
		return errorf(env, "upgrade: %v", err)
	}
	defer store.Close()
	if err := store.Verify(ctx); err != nil {
		return errorf(env, "upgrade: %s: %v", *data, err)
	}
	st, err := store.Stats(ctx)
	if err != nil {
		return errorf(env, "upgrade: %v", err)
	}
	if err := store.Close(); err != nil {
		return errorf(env, "upgrade: %v", err)
	}
	fmt.Fprintf(env.Stdout, "newsgraph upgrade: %s is at format %d and consistent: %d documents, %d entities, %d quotes\n",
		*data, graph.FormatVersion, st.Documents, st.Entities, st.Quotes)
	return exitOK
}
