/**
 * The file system port over Node's fs, confined to one root. Symbolic links
 * are not followed: a link could lead out of the repository or into a loop,
 * and a checked repository should not depend on either.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { DirectoryEntry, FileSystem } from './fileSystem';

export class NodeFileSystem implements FileSystem {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The absolute path of a repository path, or undefined when it would leave the root. */
  absolute(path: string): string | undefined {
    const absolute = resolve(this.root, path);
    const rel = relative(this.root, absolute);
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return absolute;
  }

  /** The repository path of an absolute path, or undefined when it lies outside the root. */
  relative(absolute: string): string | undefined {
    const rel = relative(this.root, absolute);
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return rel.split(sep).join('/');
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const absolute = this.absolute(path);
    if (!absolute) return [];
    try {
      const entries = await readdir(absolute, { withFileTypes: true });
      return entries.map((entry) => ({ name: entry.name, kind: entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other' }));
    } catch {
      return [];
    }
  }

  async readFile(path: string): Promise<Uint8Array | undefined> {
    const absolute = this.absolute(path);
    if (!absolute) return undefined;
    try {
      // lstat, not stat: a symbolic link is never read through.
      const stats = await lstat(absolute);
      if (!stats.isFile()) return undefined;
      return await readFile(absolute);
    } catch {
      return undefined;
    }
  }
}
