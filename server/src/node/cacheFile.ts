/**
 * Where the check cache lives on disk: by default
 * `<repository>/node_modules/.cache/densho/`, the place build tools share
 * for caches that are safe to delete. Reading never fails (a missing or
 * unreadable file is an empty cache); writing replaces the file atomically,
 * so a run killed half-way leaves the old cache or the new one, never half.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { ENGINE_VERSION } from '../engine/version';
import { CheckCache, type CachePlatform, type Sha256 } from '../engine/cache/checkCache';

/** The user's own cache folder, outside every repository: `$XDG_CACHE_HOME/densho`, else `~/.cache/densho`. */
export function userCacheDirectory(environment: NodeJS.ProcessEnv = process.env): string {
  const base = environment.XDG_CACHE_HOME;
  return join(base !== undefined && isAbsolute(base) ? base : join(homedir(), '.cache'), 'densho');
}

export const CACHE_KEY_FILE = 'cache-key';
const KEY_BYTES = 32;

/**
 * The secret that authenticates this user's cache files, made on first use:
 * 32 random bytes in `cache-key` of the user's cache folder, readable by the
 * user alone. It never lies in a repository, so a cache file a pull request
 * commits cannot carry a valid tag. Throws when it can be neither read nor made.
 */
export function cacheKey(directory = userCacheDirectory()): Buffer {
  const file = join(directory, CACHE_KEY_FILE);
  const existing = readKey(file);
  if (existing) return existing;
  makeFolders(directory);
  try {
    // 'wx': two runs starting at once make one key; the other reads it.
    writeFileSync(file, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const made = readKey(file);
  if (!made) throw new Error(`${file} is not a cache key`);
  return made;
}

/**
 * `mkdir -p`, one level at a time: Node's recursive mkdir never returns for
 * some paths (under /proc, where a folder cannot be made yet lstat fails),
 * and both the key's folder (the environment) and `--cache-location` (a
 * command line CI may take from a pull request) can be such a path.
 */
function makeFolders(directory: string, mode = 0o700): void {
  const parent = dirname(directory);
  if (parent !== directory) {
    try {
      lstatSync(parent);
    } catch {
      makeFolders(parent, mode);
    }
  }
  try {
    mkdirSync(directory, { mode });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function readKey(file: string): Buffer | undefined {
  let stats;
  try {
    stats = lstatSync(file);
  } catch {
    return undefined;
  }
  if (!stats.isFile() || stats.size !== KEY_BYTES) throw new Error(`${file} is not a cache key (delete it to make a new one)`);
  return readFileSync(file);
}

/** Node's hashing, an HMAC under the user's cache key, and V8's serialiser (typed arrays and all, and fast). */
export function nodeCachePlatform(keyOf: () => Buffer = cacheKey): CachePlatform {
  let key: Buffer | undefined;
  return {
    sha256: () => createHash('sha256') as unknown as Sha256,
    authenticate: (bytes) => createHmac('sha256', (key ??= keyOf())).update(bytes).digest(),
    serialize: (value) => serialize(value),
    deserialize: (bytes) => deserialize(bytes),
  };
}

export const NODE_CACHE_PLATFORM: CachePlatform = nodeCachePlatform();

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
  makeFolders(directory, 0o777);
  for (const [name, encode] of files) {
    const file = join(directory, name);
    const temporary = `${file}.${process.pid}.tmp`;
    // 'wx': a link planted under the temporary name is not followed; rename then replaces a link at `file` itself.
    rmSync(temporary, { force: true });
    writeFileSync(temporary, encode(), { flag: 'wx' });
    renameSync(temporary, file);
  }
}
