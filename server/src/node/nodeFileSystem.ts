/**
 * The file system port over Node's fs, confined to one root. Symbolic links
 * are not followed: a link could lead out of the repository or into a loop,
 * and a checked repository should not depend on either. That holds for
 * every step of a path, not only its last: `ext/people.yaml`, where `ext`
 * links to a folder elsewhere, is refused like a link to the file itself.
 */
import { lstatSync, readFile, readFileSync } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { FileTooLargeError, UnreadableFileError, type DirectoryEntry, type FileStamp, type FileSystem } from '../engine/fileSystem';

/** A file gone between listing and reading is absent; any other failure is the file's problem, and reported. */
const ABSENT_CODES = new Set(['ENOENT', 'ENOTDIR', 'ELOOP']);
/** Steps joined by `/`, none empty, `.` or `..`: a path `resolve` would leave as it is under the root. */
const PLAIN_PATH = /^(?:(?!\.\.?\/)[^/]+\/)*(?!\.\.?$)[^/]+$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

export class NodeFileSystem implements FileSystem {
  readonly root: string;
  /**
   * Directories already found real, by absolute path. Loading a repository
   * reads thousands of files in a few folders; checking each folder once per
   * burst, not once per file, keeps that as fast as before the check. The
   * memory is dropped as soon as no look-up is running, so a folder replaced
   * by a link later is seen afresh.
   */
  private readonly directories = new Map<string, Promise<boolean>>();
  private inFlight = 0;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The absolute path of a repository path, or undefined when it would leave the root. */
  absolute(path: string): string | undefined {
    // A plain repository path (what the listing gives: no `.` or `..` step, no empty one) needs no resolving, and a warm check asks for 15,000.
    if (sep === '/' && this.root !== '/' && PLAIN_PATH.test(path)) return `${this.root}/${path}`;
    const absolute = resolve(this.root, path);
    return isOutside(relative(this.root, absolute)) ? undefined : absolute;
  }

  /** The repository path of an absolute path, or undefined when it lies outside the root. */
  relative(absolute: string): string | undefined {
    const rel = relative(this.root, absolute);
    return isOutside(rel) ? undefined : rel.split(sep).join('/');
  }

  readDirectory(path: string): Promise<DirectoryEntry[]> {
    return this.burst(async () => {
      const absolute = (await this.confined(path, 'directory'))?.absolute;
      if (!absolute) return [];
      try {
        // As bytes: Node would silently turn a name that is not UTF-8 into one that names no file.
        const entries = await readdir(absolute, { withFileTypes: true, encoding: 'buffer' });
        return entries.map((entry): DirectoryEntry => {
          const kind = entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other';
          const bytes = entry.name as unknown as Buffer;
          try {
            return { name: strictUtf8.decode(bytes), kind };
          } catch {
            return { name: lossyUtf8.decode(bytes), kind, invalidName: true };
          }
        });
      } catch {
        return [];
      }
    });
  }

  readFile(path: string, maxBytes = Infinity): Promise<Uint8Array | undefined> {
    return this.burst(async () => {
      const confined = await this.confined(path, 'file');
      // A file is never the root, so it always comes with its lstat.
      if (!confined?.stats) return undefined;
      const { absolute, stats } = confined;
      try {
        // The size from lstat decides before a byte is read: a 600 MB file is not loaded to be refused.
        if (stats.size > maxBytes) throw new FileTooLargeError(path, stats.size);
        return await readWhole(absolute);
      } catch (error) {
        if (error instanceof FileTooLargeError) throw error;
        const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
        // Deleted (or replaced) since it was looked at: simply absent.
        if (ABSENT_CODES.has(code)) return undefined;
        throw new UnreadableFileError(path, code);
      }
    });
  }

  /** With the same confinement as `readFile`; each folder on the way is lstat'ed once for the whole pass. */
  stampsNow(paths: readonly string[]): (FileStamp | undefined)[] {
    const folders = new Map<string, boolean>();
    return paths.map((path) => {
      const stats = this.confinedFileNow(path, folders)?.stats;
      return stats && { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
    });
  }

  /** `readFile` at once, with the same confinement (every step from the root lstat'ed, no link followed). */
  readFileNow(path: string, maxBytes = Infinity): Uint8Array | undefined {
    const confined = this.confinedFileNow(path, new Map());
    if (!confined || confined.stats.size > maxBytes) return undefined;
    try {
      return readFileSync(confined.absolute);
    } catch {
      return undefined;
    }
  }

  /** `confined` done at once, for a file: its absolute path and lstat when it and every folder on its way are real (`folders` remembers the folders looked at). */
  private confinedFileNow(path: string, folders: Map<string, boolean>): { absolute: string; stats: Stats } | undefined {
    const absolute = this.absolute(path);
    if (!absolute || absolute === this.root) return undefined;
    const realFolder = (folder: string): boolean => {
      if (folder === this.root) return true;
      let real = folders.get(folder);
      if (real === undefined) {
        const parent = dirname(folder);
        real = parent !== folder && realFolder(parent) && (lstatSync(folder, { throwIfNoEntry: false })?.isDirectory() ?? false);
        folders.set(folder, real);
      }
      return real;
    };
    try {
      if (!realFolder(dirname(absolute))) return undefined;
      const stats = lstatSync(absolute, { throwIfNoEntry: false });
      return stats?.isFile() ? { absolute, stats } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Runs one look-up; the directories found real are remembered until no look-up is running. */
  private async burst<T>(lookUp: () => Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await lookUp();
    } finally {
      if (--this.inFlight === 0) this.directories.clear();
    }
  }

  /**
   * The absolute path of `path` when every step below the root is a real
   * directory and the last one is a real `kind`, else undefined. Each step is
   * lstat'ed from the root down, so a symbolic link is seen before anything
   * is looked up through it: no target of a link is ever stat'ed or opened,
   * and a link loop stops at its first link. The root itself may be a link
   * (a repository opened through one is still that repository).
   */
  private async confined(path: string, kind: 'file' | 'directory'): Promise<{ absolute: string; stats?: Stats } | undefined> {
    const absolute = this.absolute(path);
    if (!absolute) return undefined;
    if (absolute === this.root) return kind === 'directory' ? { absolute } : undefined;
    try {
      if (!(await this.realDirectory(dirname(absolute)))) return undefined;
      const stats = await lstat(absolute);
      return (kind === 'file' ? stats.isFile() : stats.isDirectory()) ? { absolute, stats } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Whether `absolute` and every directory between it and the root are real directories, not links. */
  private realDirectory(absolute: string): Promise<boolean> {
    if (absolute === this.root) return Promise.resolve(true);
    let known = this.directories.get(absolute);
    if (!known) {
      const parent = dirname(absolute);
      known =
        parent === absolute
          ? Promise.resolve(false)
          : this.realDirectory(parent).then((real) => real && lstat(absolute).then((stats) => stats.isDirectory(), () => false));
      this.directories.set(absolute, known);
    }
    return known;
  }
}

/** Whether a path relative to the root leaves it: `..` as its first step (a file named `..b` is inside), or another root. */
function isOutside(relativePath: string): boolean {
  return relativePath === '..' || relativePath.startsWith(`..${sep}`) || isAbsolute(relativePath);
}

/**
 * A whole file. The callback form, not fs/promises' readFile: that one reads
 * in chunks through several promise hops and, over the thousands of small
 * files a check reads, cost twice the time (measured on the bench repository).
 */
function readWhole(absolute: string): Promise<Buffer> {
  return new Promise((resolve, reject) => readFile(absolute, (error, bytes) => (error ? reject(error) : resolve(bytes))));
}
