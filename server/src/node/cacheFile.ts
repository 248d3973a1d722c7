/**
 * Where the check cache lives on disk: by default
 * `<repository>/node_modules/.cache/densho/`, the place build tools share
 * for caches that are safe to delete. Reading never fails (a missing or
 * unreadable file is an empty cache); writing replaces the file atomically,
 * so a run killed half-way leaves the old cache or the new one, never half.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

export function readCacheFile(directory: string, engineVersion: string): CheckCache {
  return CheckCache.fromFiles((name) => {
    try {
      return readFileSync(join(directory, name));
    } catch {
      return undefined;
    }
  }, engineVersion, NODE_CACHE_PLATFORM);
}

/** Writes what changed in the cache; throws with the file system's message when the folder cannot be written. */
export function writeCacheFile(directory: string, cache: CheckCache): void {
  const files = cache.toFiles();
  if (files.size === 0) return;
  mkdirSync(directory, { recursive: true });
  for (const [name, bytes] of files) {
    const file = join(directory, name);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
  }
}
