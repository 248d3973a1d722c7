/** Repository-relative paths: always `/`-separated, never leaving the root. */
// Node's own POSIX path code, packaged without Node: the engine imports no built-ins.
import posix from 'path-browserify';

export function dirname(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
}

export function basename(path: string): string {
  return posix.basename(path);
}

/**
 * Resolves `target` as written in a link inside `fromFile`. A leading `/`
 * means the repository root, as on GitHub. Returns undefined when the result
 * would leave the repository: such a target must never be read.
 */
export function resolveRelative(fromFile: string, target: string): string | undefined {
  const joined = target.startsWith('/') ? target.replace(/^\/+/, '') : posix.join(dirname(fromFile), target);
  const normalized = posix.normalize(joined === '' ? '.' : joined);
  if (normalized === '..' || normalized.startsWith('../') || posix.isAbsolute(normalized)) return undefined;
  return normalized === '.' ? '' : normalized.replace(/\/$/, '');
}

/** The relative link text that leads from `fromFile` to `toFile`. */
export function relativeLink(fromFile: string, toFile: string): string {
  return posix.relative(dirname(fromFile) || '.', toFile);
}
