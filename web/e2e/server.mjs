// Starts the real newsgraph server for the browser tests: builds the binary
// from the working tree, ingests the seed articles into a fresh data
// directory and serves it on a free port. Nothing here is mocked.
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, rm, access } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const webDir = resolve(import.meta.dirname, '..');
export const repoDir = resolve(webDir, '..');

async function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

// ensureBuilt builds the dashboard if dist/ holds only the placeholder, so
// that `npm test` works straight after `npm ci`.
async function ensureBuilt() {
  try {
    await access(join(webDir, 'dist', 'app.html'));
  } catch {
    await run('npm', ['run', 'build'], { cwd: webDir, maxBuffer: 64 << 20 });
  }
}

export async function startServer({ log = () => {} } = {}) {
  await ensureBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'newsgraph-e2e-'));
  const bin = join(dir, 'newsgraph');
  const data = join(dir, 'data');
  await run('go', ['build', '-o', bin, './cmd/newsgraph'], { cwd: repoDir, maxBuffer: 64 << 20 });
  await run(bin, ['ingest', '--data', data, '--published', '2017-11-01', 'testdata/seeds'], { cwd: repoDir, maxBuffer: 64 << 20 });
  const port = await freePort();
  const addr = `127.0.0.1:${port}`;
  const proc = spawn(bin, ['serve', '--data', data, '--addr', addr], { cwd: repoDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (b) => { output += b; log(String(b)); });
  proc.stderr.on('data', (b) => { output += b; log(String(b)); });
  const base = `http://${addr}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.exitCode != null) throw new Error(`newsgraph serve exited with ${proc.exitCode}:\n${output}`);
    try {
      const res = await fetch(`${base}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill();
      throw new Error(`newsgraph serve: /healthz not ready after 30s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    base,
    async stop() {
      if (proc.exitCode == null) {
        proc.kill('SIGTERM');
        await new Promise((r) => {
          const t = setTimeout(() => { proc.kill('SIGKILL'); r(); }, 5000);
          proc.on('exit', () => { clearTimeout(t); r(); });
        });
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
