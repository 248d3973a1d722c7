/**
 * The engine's only door to files. Paths are repository-relative with `/`
 * separators; an implementation must refuse anything outside its root. Tests
 * use the in-memory one; the CLI and the language server use the Node one.
 */
export interface DirectoryEntry {
  readonly name: string;
  readonly kind: 'file' | 'directory' | 'other';
  /**
   * The name on disk is not valid UTF-8: `name` shows each invalid byte as
   * U+FFFD, and no file can be opened by it. Reported, never looked up.
   */
  readonly invalidName?: boolean;
}

/**
 * Thrown by `readFile` for a file that exists but cannot be read (no
 * permission, an I/O error): unlike a missing file, it must be reported.
 */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    /** The system's error code, such as EACCES or EIO. */
    readonly code: string,
  ) {
    super(`${path} cannot be read (${code})`);
  }
}

/** Thrown by `readFile` when the file is larger than the limit asked for; its bytes were not read. */
export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
  ) {
    super(`${path} is ${size} bytes`);
  }
}

export interface FileSystem {
  /** Entries of a directory ('' is the root); empty when it cannot be read. */
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /**
   * The file's bytes, or undefined when it does not exist. Throws
   * UnreadableFileError when it exists but cannot be read, and
   * FileTooLargeError, before reading anything, when it is larger than
   * `maxBytes`.
   */
  readFile(path: string, maxBytes?: number): Promise<Uint8Array | undefined>;
  /**
   * How each file is now (size, times, inode), without reading it, in one
   * pass done at once; undefined for one that is not a file `readFile` would
   * read. With `readFileNow`, lets the check cache skip reading a file that
   * did not change. At once, not a promise a file: a warm check looks at
   * every document, and 15,000 promise round trips cost more than the
   * look-ups themselves.
   */
  stampsNow?(paths: readonly string[]): (FileStamp | undefined)[];
  /**
   * `readFile`, done at once: the text of a document held from the cache is
   * read only if a rule asks for it, in the middle of a check. Undefined
   * when the file is gone or cannot be read or is larger than `maxBytes`.
   */
  readFileNow?(path: string, maxBytes?: number): Uint8Array | undefined;
}

/** How a file is on disk, as `FileSystem.stampsNow` tells it. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/** Stamps of MemoryFileSystem writes: never the same twice in a process, as a real file's times after an edit. */
let memoryWrites = 0;

/** A repository held in memory: for tests, and for checking unsaved editor buffers. */
export class MemoryFileSystem implements FileSystem {
  private readonly contents = new Map<string, Uint8Array>();
  private readonly stamps = new Map<string, FileStamp>();

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  write(path: string, content: string | Uint8Array): void {
    this.contents.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    this.touch(path);
  }

  /** Every file's path. */
  paths(): string[] {
    return [...this.contents.keys()];
  }

  /** Gives a file new times, as `touch` does, without changing its bytes. */
  touch(path: string): void {
    const size = this.contents.get(path)?.length ?? 0;
    this.stamps.set(path, { size, mtimeMs: ++memoryWrites, ctimeMs: memoryWrites, ino: 1 });
  }

  delete(path: string): void {
    this.contents.delete(path);
    this.stamps.delete(path);
  }

  stampsNow(paths: readonly string[]): (FileStamp | undefined)[] {
    return paths.map((path) => this.stamps.get(path));
  }

  readFileNow(path: string, maxBytes = Infinity): Uint8Array | undefined {
    const bytes = this.contents.get(path);
    return bytes && bytes.length <= maxBytes ? bytes : undefined;
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const prefix = path === '' ? '' : `${path}/`;
    const entries = new Map<string, DirectoryEntry['kind']>();
    for (const file of this.contents.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      entries.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'directory');
    }
    return [...entries].map(([name, kind]) => ({ name, kind }));
  }

  async readFile(path: string, maxBytes = Infinity): Promise<Uint8Array | undefined> {
    const bytes = this.contents.get(path);
    if (bytes && bytes.length > maxBytes) throw new FileTooLargeError(path, bytes.length);
    return bytes;
  }
}
