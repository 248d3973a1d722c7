/**
 * Writing into a repository the way Densho reads it: never through a
 * symbolic link (a link could lead out of the repository or onto a file
 * someone else owns), never over a file that changed since it was read, and
 * never half: the new content goes to a temporary file beside the target and
 * is renamed over it, so a crash leaves the old file or the new one.
 */
import { chmodSync, lstatSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';

export class UnsafeWriteError extends Error {
  override readonly name = 'UnsafeWriteError';
}

/** `path` (repository-relative, `/`-separated) under `root`, refusing a path that leaves it or passes through a symbolic link. */
function realPathInside(root: string, path: string): string {
  const absolute = resolve(root, path);
  const rel = relative(resolve(root), absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new UnsafeWriteError(`${path} is outside the repository`);
  let current = resolve(root);
  for (const step of rel.split(/[\\/]/).slice(0, -1)) {
    current = join(current, step);
    const stats = lstatSync(current, { throwIfNoEntry: false });
    if (!stats) break;
    if (!stats.isDirectory()) throw new UnsafeWriteError(`${path}: ${relative(root, current)} is ${stats.isSymbolicLink() ? 'a symbolic link' : 'not a folder'}; not written`);
  }
  return absolute;
}

/** Replaces an existing regular file, when it still holds `expected`. */
export function replaceFile(root: string, path: string, content: string, expected: string): void {
  const absolute = realPathInside(root, path);
  const stats = lstatSync(absolute, { throwIfNoEntry: false });
  if (!stats?.isFile()) throw new UnsafeWriteError(`${path} is ${stats?.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}; not written`);
  if (readFileSync(absolute, 'utf8') !== expected) throw new UnsafeWriteError(`${path} changed while Densho was working on it; not written`);
  const temporary = join(dirname(absolute), `.${Date.now().toString(36)}-${process.pid}.densho-tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx', mode: stats.mode & 0o777 });
    chmodSync(temporary, stats.mode & 0o7777);
    renameSync(temporary, absolute);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Never created, or already renamed.
    }
    throw error;
  }
}

/** Creates a file that must not exist yet ('wx' also refuses a dangling symbolic link in its place). */
export function createFile(root: string, path: string, content: string): 'created' | 'exists' {
  const absolute = realPathInside(root, path);
  try {
    writeFileSync(absolute, content, { flag: 'wx' });
    return 'created';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
    throw error;
  }
}
