package cli

import "context"

func runExport(ctx context.Context, env Env, args []string) int  { return errorf(env, "export: not yet") }
func runBackup(ctx context.Context, env Env, args []string) int  { return errorf(env, "backup: not yet") }
func runRestore(ctx context.Context, env Env, args []string) int { return errorf(env, "restore: not yet") }
func runVerify(ctx context.Context, env Env, args []string) int  { return errorf(env, "verify: not yet") }
