package cli

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/graph"
)

func runBackup(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "backup", "--out FILE", "Writes a full backup of the store (Badger's backup stream) to FILE, or to standard\noutput with --out -. The backup is written to FILE.tmp and renamed, so a failed backup\nnever leaves a truncated FILE.")
	data := dataFlag(fs, env)
	out := fs.String("out", "", "backup `file`, or - for standard output")
	if _, code, ok := parse(fs, args); !ok {
		return code
	}
	if *out == "" {
		fs.Usage()
		return exitUsage
	}
	store, err := openStore(ctx, graph.Options{Dir: *data, ReadOnly: true})
	if err != nil {
		return errorf(env, "backup: %v", err)
	}
	defer store.Close()
	if *out == "-" {
		w := bufio.NewWriterSize(env.Stdout, 1<<20)
		if err := store.Backup(ctx, w); err != nil {
			return errorf(env, "backup: %v", err)
		}
		if err := w.Flush(); err != nil {
			return errorf(env, "backup: %v", err)
		}
		return exitOK
	}
	if err := writeFileAtomic(*out, func(w *bufio.Writer) error { return store.Backup(ctx, w) }); err != nil {
		return errorf(env, "backup: %v", err)
	}
	fmt.Fprintf(env.Stderr, "newsgraph backup: %s written from %s\n", *out, *data)
	return exitOK
}

func runRestore(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "restore", "FILE", "Loads a backup written by 'newsgraph backup' into the store, which must be new or empty.\nFILE - reads standard input.")
	data := dataFlag(fs, env)
	pos, code, ok := parse(fs, args)
	if !ok {
		return code
	}
	if len(pos) != 1 {
		fs.Usage()
		return exitUsage
	}
	in := env.Stdin
	if pos[0] != "-" {
		f, err := os.Open(pos[0])
		if err != nil {
			return errorf(env, "restore: %v", err)
		}
		defer f.Close()
		in = f
	}
	store, err := openStore(ctx, graph.Options{Dir: *data})
	if err != nil {
		return errorf(env, "restore: %v", err)
	}
	defer store.Close()
	st, err := store.Stats(ctx)
	if err != nil {
		return errorf(env, "restore: %v", err)
	}
	if st.Documents > 0 {
		return errorf(env, "restore: the store %s already holds %d documents; restore into a new --data folder", *data, st.Documents)
	}
	if err := store.Restore(ctx, bufio.NewReaderSize(in, 1<<20)); err != nil {
		return errorf(env, "restore: %s: %v", pos[0], err)
	}
	if err := store.Verify(ctx); err != nil {
		return errorf(env, "restore: the restored store does not verify: %v", err)
	}
	st, _ = store.Stats(ctx)
	fmt.Fprintf(env.Stderr, "newsgraph restore: %d documents, %d entities, %d quotes restored into %s\n", st.Documents, st.Entities, st.Quotes, *data)
	return exitOK
}

func runVerify(ctx context.Context, env Env, args []string) int {
	fs := newFlags(env, "verify", "", "Checks every index of the store against the records it points to.")
	data := dataFlag(fs, env)
	gc := fs.Bool("gc", false, "also reclaim the disk space of deleted records (LSM compaction, then value-log GC)")
	if _, code, ok := parse(fs, args); !ok {
		return code
	}
	store, err := openStore(ctx, graph.Options{Dir: *data, ReadOnly: !*gc})
	if err != nil {
		return errorf(env, "verify: %v", err)
	}
	defer store.Close()
	if err := store.Verify(ctx); err != nil {
		return errorf(env, "verify: %s: %v", *data, err)
	}
	if *gc {
		if err := store.Compact(ctx); err != nil {
			return errorf(env, "verify: %v", err)
		}
	}
	st, err := store.Stats(ctx)
	if err != nil {
		return errorf(env, "verify: %v", err)
	}
	fmt.Fprintf(env.Stdout, "newsgraph verify: %s is consistent: %d documents, %d entities, %d quotes, %d events, %d relations\n",
		*data, st.Documents, st.Entities, st.Quotes, st.Events, st.Relations)
	return exitOK
}

// writeFileAtomic writes path through a temporary file in the same folder,
// synced and renamed into place, so readers never see a partial file.
func writeFileAtomic(path string, write func(*bufio.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	w := bufio.NewWriterSize(tmp, 1<<20)
	if err = write(w); err != nil {
		return err
	}
	if err = w.Flush(); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
