/**
 * The peers of the benchmark are not project dependencies: bench/run.ts
 * installs them into .cache/bench-peers. The drivers load them from there
 * (never from the project's node_modules, which may hold other versions).
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PEERS_DIR = resolve(process.env.DENSHO_BENCH_PEERS ?? join(dirname(fileURLToPath(import.meta.url)), '../../.cache/bench-peers'));

/** `require` as seen from the peers' folder. */
export const requirePeer = createRequire(join(PEERS_DIR, 'peers.cjs'));

/** `import()` of a peer package (ES modules such as unified and remark-parse). */
export async function importPeer(name) {
  return import(pathToFileURL(requirePeer.resolve(name)).href);
}
