/**
 * The engine's only door to files. Paths are repository-relative with `/`
 * separators; an implementation must refuse anything outside its root. Tests
 * use the in-memory one; the CLI and the language server use the Node one.
 */
export interface DirectoryEntry {
  readonly name: string;
  readonly kind: 'file' | 'directory' | 'other';
}

export interface FileSystem {
  /** Entries of a directory ('' is the root); empty when it cannot be read. */
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /** The file's bytes, or undefined when it does not exist or cannot be read. */
  readFile(path: string): Promise<Uint8Array | undefined>;
}

/** A repository held in memory: for tests, and for checking unsaved editor buffers. */
export class MemoryFileSystem implements FileSystem {
  private readonly contents = new Map<string, Uint8Array>();

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [path, content] of Object.entries(files)) this.write(path, content);
  }

  write(path: string, content: string | Uint8Array): void {
    this.contents.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  delete(path: string): void {
    this.contents.delete(path);
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

  async readFile(path: string): Promise<Uint8Array | undefined> {
    return this.contents.get(path);
  }
}
