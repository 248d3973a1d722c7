/**
 * The engine's only door to version control, like the FileSystem port is
 * its door to files. A source answers two questions for the whole
 * repository at once: the first-parent log with the files each commit
 * touched (renames paired), and the bytes of any blob it named. The real
 * one runs `git` with a fixed number of processes (server/src/node/); tests
 * use `MemoryHistorySource`.
 */
import { message, type Message } from '../messages';

/** What one commit did to one file; paths are repository-relative with `/`. */
export interface FileChange {
  /** A added, M modified, D deleted, R renamed (from `previousPath`), T type changed. */
  readonly status: 'A' | 'M' | 'D' | 'R' | 'T';
  readonly path: string;
  readonly previousPath?: string;
  /** The file's blob after the commit (unused for D). */
  readonly blob: string;
}

export interface LogCommit {
  /** 40 hex digits. */
  readonly id: string;
  /** The committer's date in the committer's own time zone, YYYY-MM-DD. */
  readonly date: string;
  readonly author: string;
  /** The first line of the message. */
  readonly subject: string;
  readonly changes: readonly FileChange[];
}

export interface HistoryLog {
  /** The commit HEAD points at: histories are cached by it. */
  readonly head: string;
  /** Oldest first, along the first parent: the history of the checked-out branch. */
  readonly commits: readonly LogCommit[];
}

/** Why there is no history: said once to the user, and every history rule stays silent. */
export interface HistoryUnavailable {
  readonly unavailable: Message;
}

export interface HistorySource {
  /** HEAD's commit id without reading the log, or why there is no history. */
  readHead(): Promise<string | HistoryUnavailable>;
  readLog(): Promise<HistoryLog | HistoryUnavailable>;
  /** Blob contents by id; an id the source cannot read is absent from the answer. */
  readBlobs(ids: readonly string[]): Promise<Map<string, Uint8Array>>;
}

export function isUnavailable(value: unknown): value is HistoryUnavailable {
  return typeof value === 'object' && value !== null && 'unavailable' in value;
}

/** A commit as a test describes it: the files it writes (text) or deletes (null), and the files it renames. */
export interface MemoryCommit {
  readonly subject: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly author?: string;
  readonly files?: Readonly<Record<string, string | null>>;
  /** Old path → new path; the file keeps its content unless `files` writes the new path too. */
  readonly renames?: Readonly<Record<string, string>>;
}

/** A linear history held in memory, for tests: blob and commit ids are made up but 40 hex digits like Git's. */
export class MemoryHistorySource implements HistorySource {
  private readonly blobs = new Map<string, Uint8Array>();
  private readonly log: HistoryLog;

  constructor(commits: readonly MemoryCommit[]) {
    const tree = new Map<string, string>();
    const built: LogCommit[] = [];
    commits.forEach((commit, position) => {
      const changes: FileChange[] = [];
      for (const [from, to] of Object.entries(commit.renames ?? {})) {
        const blob = tree.get(from);
        if (blob === undefined) throw new Error(`renames ${from}, which does not exist`);
        tree.delete(from);
        const written = commit.files?.[to];
        const newBlob = typeof written === 'string' ? this.store(written) : blob;
        tree.set(to, newBlob);
        changes.push({ status: 'R', path: to, previousPath: from, blob: newBlob });
      }
      for (const [path, content] of Object.entries(commit.files ?? {})) {
        if (Object.values(commit.renames ?? {}).includes(path)) continue;
        if (content === null) {
          tree.delete(path);
          changes.push({ status: 'D', path, blob: ZERO_ID });
          continue;
        }
        const blob = this.store(content);
        changes.push({ status: tree.has(path) ? 'M' : 'A', path, blob });
        tree.set(path, blob);
      }
      built.push({ id: fakeId('c', position), date: commit.date, author: commit.author ?? 'Test Author', subject: commit.subject, changes });
    });
    this.log = { head: built.at(-1)?.id ?? ZERO_ID, commits: built };
  }

  private store(content: string): string {
    const id = fakeId('b', this.blobs.size);
    this.blobs.set(id, new TextEncoder().encode(content));
    return id;
  }

  async readHead(): Promise<string | HistoryUnavailable> {
    return this.log.commits.length > 0 ? this.log.head : { unavailable: message('history.no-commits') };
  }

  async readLog(): Promise<HistoryLog | HistoryUnavailable> {
    return this.log.commits.length > 0 ? this.log : { unavailable: message('history.no-commits') };
  }

  async readBlobs(ids: readonly string[]): Promise<Map<string, Uint8Array>> {
    const found = new Map<string, Uint8Array>();
    for (const id of ids) {
      const bytes = this.blobs.get(id);
      if (bytes) found.set(id, bytes);
    }
    return found;
  }
}

export const ZERO_ID = '0'.repeat(40);

function fakeId(kind: 'b' | 'c', position: number): string {
  return `${kind === 'c' ? 'c0' : 'b0'}${position.toString(16).padStart(38, '0')}`;
}
