// Bundles every entry point into dist/ as a self-contained CommonJS file, so
// that neither the CLI, the language server nor the VS Code extension needs a
// node_modules folder at run time.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');

/**
 * A digest of the engine's sources, compiled into every bundle: the check
 * cache is keyed by it as well as by the version number, so results cached
 * by one build are never served by another, even between releases.
 */
function engineBuild() {
  const digest = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith('.ts')) digest.update(path).update(readFileSync(path));
    }
  };
  walk('server/src/engine');
  // The Node adapters too: the cache's hashing and encoding live there (NODE_CACHE_PLATFORM).
  walk('server/src/node');
  digest.update(readFileSync('package-lock.json'));
  return digest.digest('hex').slice(0, 16);
}
const production = process.argv.includes('--production');

/** Entry points land as their issues do; a missing one is skipped, not an error. */
const entries = [
  { in: 'server/src/cli/main.ts', out: 'cli', banner: '#!/usr/bin/env node' },
  { in: 'server/src/lsp/main.ts', out: 'server' },
  // Loaded by the CLI and the server as a worker thread for parallel parsing; it must sit beside them.
  { in: 'server/src/node/parseWorker.ts', out: 'parseWorker' },
  { in: 'client/src/extension.ts', out: 'extension', external: ['vscode'] },
].filter((entry) => existsSync(entry.in));

const contexts = await Promise.all(
  entries.map((entry) =>
    esbuild.context({
      entryPoints: { [entry.out]: entry.in },
      outdir: 'dist',
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: !production,
      minify: production,
      external: entry.external ?? [],
      banner: entry.banner ? { js: entry.banner } : undefined,
      define: { DENSHO_ENGINE_BUILD: JSON.stringify(engineBuild()) },
      logLevel: 'warning',
    }),
  ),
);

if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}
