/**
 * Where the check cache lives on disk: by default
 * `<repository>/node_modules/.cache/densho/`, the place build tools share
 * for caches that are safe to delete. Reading never fails (a missing or
 * unreadable file is an empty cache); writing replaces the file atomically,
 * so a run killed half-way leaves the old cache or the new one, never half.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { ENGINE_VERSION } from '../engine/version';
import { CheckCache, type CachePlatform, type Sha256 } from '../engine/cache/checkCache';

/** Node's hashing and V8's serialiser (typed arrays and all, and fast), for the engine's check cache. */
export const NODE_CACHE_PLATFORM: CachePlatform = {
  sha256: () => createHash('sha256') as unknown as Sha256,
  serialize: (value) => serialize(value),
  deserialize: (bytes) => deserialize(bytes),
};

declare const DENSHO_ENGINE_BUILD: string | undefined;

/**
 * What a cache must have been written by to be used: the version number and,
 * in a bundle, a digest of the engine's sources and locked dependencies
 * (esbuild.mjs), so a rebuilt engine never serves results of the old one.
 * Running from source (tests) there is no digest, and tests pass their own.
 */
export const CACHE_ENGINE_KEY = `${ENGINE_VERSION}+${typeof DENSHO_ENGINE_BUILD === 'string' ? DENSHO_ENGINE_BUILD : 'source'}`;

/** The cache folder for a repository root, or the one given by `--cache-location`. */
export function cacheDirectory(root: string, location?: string): string {
  return location === undefined ? join(root, 'node_modules', '.cache', 'densho') : resolve(location);
}

/**
 * The first symbolic link on the way to the cache folder: the folder itself,
 * or, when it lies inside `root`, any folder between the two. A repository
 * may commit `node_modules/.cache` as a link to anywhere; the cache is then
 * neither read from nor written to it.
 */
export function cacheFolderLink(directory: string, root?: string): string | undefined {
  const target = resolve(directory);
  const steps = [target];
  if (root !== undefined) {
    const rel = relative(resolve(root), target);
    if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) {
      let folder = resolve(root);
      steps.length = 0;
      for (const segment of rel.split(/[\\/]/)) steps.push((folder = join(folder, segment)));
    }
  }
  for (const step of steps) {
    try {
      if (lstatSync(step).isSymbolicLink()) return step;
    } catch {
      return undefined; // does not exist yet: nothing further down exists either
    }
  }
  return undefined;
}

export function readCacheFile(directory: string, engineVersion: string, root?: string): CheckCache {
  const link = cacheFolderLink(directory, root);
  return CheckCache.fromFiles((name) => {
    if (link !== undefined) return undefined;
    try {
      return readFileSync(join(directory, name));
    } catch {
      return undefined;
    }
  }, engineVersion, NODE_CACHE_PLATFORM);
}

/**
 * Writes what changed in the cache; throws with the file system's message
 * when the folder cannot be written, and refuses a folder reached through a
 * symbolic link (see `cacheFolderLink`).
 */
export function writeCacheFile(directory: string, cache: CheckCache, root?: string): void {
  const files = cache.toFiles();
  if (files.size === 0) return;
  const link = cacheFolderLink(directory, root);
  if (link !== undefined) throw new Error(`${link} is a symbolic link; the cache is never written through one (remove the link, or choose --cache-location)`);
  mkdirSync(directory, { recursive: true });
  for (const [name, bytes] of files) {
    const file = join(directory, name);
    const temporary = `${file}.${process.pid}.tmp`;
    // 'wx': a link planted under the temporary name is not followed; rename then replaces a link at `file` itself.
    rmSync(temporary, { force: true });
    writeFileSync(temporary, bytes, { flag: 'wx' });
    renameSync(temporary, file);
  }
}
