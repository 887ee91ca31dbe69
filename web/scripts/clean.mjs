// Removes the previous build's output from dist/ but keeps the committed
// placeholder index.html, which the build must never overwrite.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

const dist = resolve(import.meta.dirname, '..', 'dist');
rmSync(resolve(dist, 'assets'), { recursive: true, force: true });
rmSync(resolve(dist, 'app.html'), { force: true });
