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
  // What posix.normalize(posix.join(…)) gives, by segments: every re-check of a document resolves each of its links, and
  // path-browserify builds the normalised path a character at a time (a third of what re-checking an edited hub's backlinks allocated).
  const directory = dirname(fromFile);
  const joined = target.startsWith('/') ? target.replace(/^\/+/, '') : directory === '' || target === '' ? directory + target : `${directory}/${target}`;
  if (joined.startsWith('/')) return undefined;
  const kept: string[] = [];
  for (const segment of joined.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') kept.push(segment);
    else if (kept.length === 0) return undefined;
    else kept.pop();
  }
  // The root written with a trailing slash (`a/../`) stays `.`, as posix.normalize leaves it (`./`, its slash then dropped).
  if (kept.length === 0) return joined.endsWith('/') ? '.' : '';
  return kept.join('/');
}

/** The relative link text that leads from `fromFile` to `toFile`. */
export function relativeLink(fromFile: string, toFile: string): string {
  return posix.relative(dirname(fromFile) || '.', toFile);
}
