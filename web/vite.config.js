// Vite builds the dashboard from src/ into dist/ (app.html + assets/), which
// the Go package embeds. dist/index.html is the committed placeholder and is
// never touched by the build.
import { defineConfig } from 'vite';
import { resolve } from 'node:path';

const backend = process.env.NEWSGRAPH_BACKEND || 'http://127.0.0.1:8080';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src'),
  base: '/',
  publicDir: false,
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: false,
    assetsDir: 'assets',
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: resolve(import.meta.dirname, 'src/app.html'),
      onwarn(warning, warn) {
        // GraphiQL's React deps carry "use client" for server components; harmless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { '/graphql': backend, '/export': backend, '/healthz': backend },
  },
});
