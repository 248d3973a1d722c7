/**
 * Document history from Git (ISO 9001 7.5.3.2): for every document, the
 * commits that touched it, following renames, and its revisions — the
 * commits in which `version` took a new value, the first commit being the
 * first revision. Built from one read of the log and one batch of blobs,
 * then answered from memory: rules are synchronous and run per keystroke.
 */
import { parseDay, type Day } from '../dates';
import { readRevisionFields, substantiveContent, type ChangeKind, type RevisionFields } from './content';
import { isUnavailable, type HistorySource, type HistoryUnavailable, type LogCommit } from './source';

/** A commit subject starting with this marks a wording-only change (SPEC.md). */
const EDITORIAL = /^\s*editorial\s*:/i;

export function isEditorialSubject(subject: string): boolean {
  return EDITORIAL.test(subject);
}

/** One commit of one document. */
export interface FileCommit {
  readonly commit: string;
  readonly date: string;
  readonly day: Day;
  readonly author: string;
  readonly subject: string;
  readonly editorial: boolean;
  /** The document's path in that commit (it may have been renamed since). */
  readonly path: string;
  readonly fields: RevisionFields;
  /** The text at this commit; kept for revisions and for the commits after the current one, which the rules compare. */
  readonly text: string | undefined;
}

/** A revision, shaped as `densho history --format json` prints it. */
export interface Revision {
  readonly version: number | undefined;
  readonly change: ChangeKind;
  readonly commit: string;
  readonly date: string;
  readonly author: string;
  /** Who approved this version and when: the last values the version's commits recorded. */
  readonly approvedBy?: string;
  readonly approved?: string;
  readonly summary: string;
  readonly path: string;
  /** Where the revision starts in `DocumentHistory.commits`. */
  readonly position: number;
}

export class DocumentHistory {
  readonly revisions: readonly Revision[];

  /** `commits` oldest first; never empty. */
  constructor(
    readonly path: string,
    readonly commits: readonly FileCommit[],
  ) {
    this.revisions = revisionsOf(commits);
  }

  /** The newest revision. */
  get current(): Revision {
    return this.revisions.at(-1)!;
  }

  /** The commits after the current revision's, oldest first. */
  get sinceCurrent(): readonly FileCommit[] {
    return this.commits.slice(this.current.position + 1);
  }

  /** The highest `version` any commit gave the document, with the first commit that had it. */
  get highestVersion(): { version: number; commit: FileCommit } | undefined {
    let highest: { version: number; commit: FileCommit } | undefined;
    for (const commit of this.commits) {
      const version = commit.fields.version;
      if (version !== undefined && (!highest || version > highest.version)) highest = { version, commit };
    }
    return highest;
  }

  /** The newest revision that had `version`. */
  revisionWithVersion(version: number): Revision | undefined {
    return findLast(this.revisions, (revision) => revision.version === version);
  }

  /** The text a revision was committed with. */
  textOf(revision: Revision): string | undefined {
    return this.commits[revision.position]?.text;
  }

  /** The text committed at `commit`, when it is one of the commits whose text is kept (every revision's, and those since the current one). */
  textAtCommit(commit: string): string | undefined {
    return this.commits.find((candidate) => candidate.commit === commit)?.text;
  }

  /**
   * The revision in force on a day: of the commits made on or before it,
   * the newest one in which the document was approved, unless the document
   * had been made obsolete by then. A draft written after that commit does
   * not replace it: a draft is not in force.
   */
  inForce(day: Day): Revision | undefined {
    let last = -1;
    for (let position = 0; position < this.commits.length && this.commits[position]!.day <= day; position++) last = position;
    if (last < 0 || this.commits[last]!.fields.status === 'obsolete') return undefined;
    for (let position = last; position >= 0; position--) {
      if (this.commits[position]!.fields.status === 'approved') return findLast(this.revisions, (revision) => revision.position <= position);
    }
    return undefined;
  }
}

function findLast<T>(items: readonly T[], test: (item: T) => boolean): T | undefined {
  for (let index = items.length - 1; index >= 0; index--) if (test(items[index]!)) return items[index];
  return undefined;
}

function revisionsOf(commits: readonly FileCommit[]): Revision[] {
  const starts: number[] = [];
  let version: number | undefined;
  commits.forEach((commit, position) => {
    const next = commit.fields.version;
    if (position === 0 || (next !== undefined && next !== version)) starts.push(position);
    if (next !== undefined) version = next;
  });
  return starts.map((start, index) => {
    const end = (starts[index + 1] ?? commits.length) - 1;
    const first = commits[start]!;
    const last = commits[end]!;
    return {
      version: first.fields.version,
      change: first.fields.change,
      commit: first.commit,
      date: first.date,
      author: first.author,
      approvedBy: last.fields.approvedBy,
      approved: last.fields.approved,
      summary: first.subject,
      path: first.path,
      position: start,
    };
  });
}

export class RepositoryHistory {
  constructor(
    /** HEAD's commit id. */
    readonly head: string,
    private readonly documents: ReadonlyMap<string, DocumentHistory>,
  ) {}

  /** The history of the document now at `path`; undefined when it was never committed there. */
  of(path: string): DocumentHistory | undefined {
    return this.documents.get(path);
  }

  paths(): string[] {
    return [...this.documents.keys()].sort();
  }

  /** Every document's commits, by path: what the check cache stores. */
  entries(): [string, readonly FileCommit[]][] {
    return [...this.documents].map(([path, history]) => [path, history.commits]);
  }

  static fromEntries(head: string, entries: Iterable<readonly [string, readonly FileCommit[]]>): RepositoryHistory {
    return new RepositoryHistory(head, new Map([...entries].map(([path, commits]) => [path, new DocumentHistory(path, commits)])));
  }
}

/** Where a lineage of one file stands while the log is replayed. */
interface Lineage {
  readonly entries: { readonly commit: LogCommit; readonly path: string; readonly blob: string }[];
}

const decoder = new TextDecoder('utf-8');

/**
 * Reads the history of every document `isDocument` accepts at its current
 * path: one log, one batch of blobs. Renames carry a document's lineage to
 * its new path; a deletion ends it (a file added again later starts anew).
 * With `previous` (the history read before a commit), a document whose
 * commits are the same keeps its history as it was: only the blobs of the
 * documents a commit touched are read again, which is what lets the
 * language server follow a commit in a large repository quickly.
 */
export async function readHistory(source: HistorySource, isDocument: (path: string) => boolean, previous?: RepositoryHistory): Promise<RepositoryHistory | HistoryUnavailable> {
  const log = await source.readLog();
  if (isUnavailable(log)) return log;
  const live = new Map<string, Lineage>();
  for (const commit of log.commits) {
    for (const change of commit.changes) {
      if (change.status === 'D') {
        live.delete(change.path);
        continue;
      }
      let lineage = change.status === 'R' && change.previousPath !== undefined ? live.get(change.previousPath) : live.get(change.path);
      if (change.status === 'R' && change.previousPath !== undefined) live.delete(change.previousPath);
      if (!lineage || change.status === 'A') lineage = { entries: [] };
      lineage.entries.push({ commit, path: change.path, blob: change.blob });
      live.set(change.path, lineage);
    }
  }
  const documents = new Map<string, DocumentHistory>();
  const wanted = [...live].filter(([path, lineage]) => {
    if (!isDocument(path)) return false;
    const known = previous?.of(path);
    if (known && sameCommits(known, lineage)) {
      documents.set(path, known);
      return false;
    }
    return true;
  });
  const blobIds = [...new Set(wanted.flatMap(([, lineage]) => lineage.entries.map((entry) => entry.blob)))];
  const blobs = await source.readBlobs(blobIds);
  // A blob carried by several commits (a rename there and back, a revert) is read for its fields once: YAML is the cost here.
  const fieldsByBlob = new Map<string, RevisionFields>();
  const fieldsOf = (blob: string, text: string): RevisionFields => {
    let fields = fieldsByBlob.get(blob);
    if (!fields) fieldsByBlob.set(blob, (fields = readRevisionFields(text)));
    return fields;
  };
  for (const [path, lineage] of wanted) {
    const texts = lineage.entries.map((entry) => {
      const bytes = blobs.get(entry.blob);
      return bytes === undefined ? undefined : decoder.decode(bytes);
    });
    // A blob the source could not read (a partial clone, say) leaves the document without history rather than with a wrong one.
    if (texts.some((text) => text === undefined)) continue;
    const full: FileCommit[] = lineage.entries.map((entry, position) => ({
      commit: entry.commit.id,
      date: entry.commit.date,
      day: parseDay(entry.commit.date) ?? 0,
      author: entry.commit.author,
      subject: entry.commit.subject,
      editorial: isEditorialSubject(entry.commit.subject),
      path: entry.path,
      fields: fieldsOf(entry.blob, texts[position]!),
      text: texts[position],
    }));
    const history = new DocumentHistory(path, full);
    const keep = new Set(history.revisions.map((revision) => revision.position));
    const currentAt = history.current.position;
    const trimmed = full.map((commit, position) => (keep.has(position) || position >= currentAt ? commit : { ...commit, text: undefined }));
    documents.set(path, new DocumentHistory(path, trimmed));
  }
  return new RepositoryHistory(log.head, documents);
}

/** Whether a history read before holds exactly this lineage's commits, at the same paths. */
function sameCommits(known: DocumentHistory, lineage: Lineage): boolean {
  const commits = known.commits;
  return commits.length === lineage.entries.length && lineage.entries.every((entry, position) => commits[position]!.commit === entry.commit.id && commits[position]!.path === entry.path);
}

/**
 * Whether the text now differs, in substance, from the current revision,
 * counting neither control fields nor changes made in `editorial:` commits.
 * `committed` names the first commit after the revision that made such a
 * change without a new version; otherwise `uncommitted` says the working
 * text (or the editor's buffer) does.
 */
export function unbumpedChange(history: DocumentHistory, textNow: string): { committed?: FileCommit; uncommitted?: boolean } | undefined {
  const revisionText = history.textOf(history.current);
  if (revisionText === undefined) return undefined;
  // Texts are compared as written first: most documents are exactly as committed, and then no YAML is parsed at all.
  const contents = new Map<string, string>();
  const contentOf = (text: string): string => {
    let content = contents.get(text);
    if (content === undefined) contents.set(text, (content = substantiveContent(text)));
    return content;
  };
  const sameSubstance = (a: string, b: string): boolean => a === b || contentOf(a) === contentOf(b);
  let baseline = revisionText;
  for (const commit of history.sinceCurrent) {
    if (commit.text === undefined) return undefined;
    if (commit.editorial) baseline = commit.text;
    else if (!sameSubstance(commit.text, baseline)) return { committed: commit };
  }
  return sameSubstance(textNow, baseline) ? undefined : { uncommitted: true };
}
