package cli

import "context"

func runExport(ctx context.Context, env Env, args []string) int {
	return errorf(env, "export: not yet")
}
