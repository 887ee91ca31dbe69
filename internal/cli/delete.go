package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/newsgraph/newsgraph/graph"
)

func runDelete(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "delete", "ID...", "Deletes documents by ID (as 'newsgraph query' lists them) with their share of every fact\n"+
		"merged across documents: entities, quotes, events and relations only they supported go,\n"+
		"the others lose their sources, mentions and weight. Each ID is deleted in one transaction\n"+
		"and reported on its own line; the exit status is 1 if any could not be deleted.\n"+
		"Disk space comes back through compaction: run 'newsgraph verify --gc' afterwards.")
	data := dataFlag(fs, env)
	ids, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(ids) == 0 {
		fs.Usage()
		return exitUsage
	}
	if _, err := os.Stat(*data); err != nil {
		return errorf(env, "delete: no store at %s: %v", *data, err)
	}
	store, err := openStore(ctx, graph.Options{Dir: *data})
	if err != nil {
		return errorf(env, "delete: %v", err)
	}
	defer store.Close()
	deleted, failed := 0, 0
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			errorf(env, "delete: %s: %v", id, err)
			failed++
			continue
		}
		switch err := store.Delete(ctx, id); {
		case errors.Is(err, graph.ErrNotFound):
			errorf(env, "delete: %s: no such document in %s", id, *data)
			failed++
		case err != nil:
			errorf(env, "delete: %s: %v", id, err)
			failed++
		default:
			fmt.Fprintf(env.Stdout, "deleted %s\n", id)
			deleted++
		}
	}
	if err := store.Close(); err != nil {
		return errorf(env, "delete: %v", err)
	}
	fmt.Fprintf(env.Stderr, "newsgraph delete: %d deleted, %d failed, in %s\n", deleted, failed, *data)
	if failed > 0 {
		return exitError
	}
	return exitOK
}
