/**
 * The persistent cache of `densho check --cache` and of the language
 * server. It keeps two things, each only as long as it stays true:
 *
 * - a document's parse, keyed by the SHA-256 of its text, under the engine
 *   version that produced it: parsing depends on nothing else;
 * - a document's diagnostics, keyed by its text's hash and by a digest of
 *   everything the rules read besides that text: the settings, densho.yaml,
 *   the people registry, custom standards, today, the list of files, and of
 *   every document the part other documents can see (front matter,
 *   headings, anchors, numbered steps). Change a paragraph and only that
 *   document is checked again; change a title or a heading and every
 *   document is, from cached parses.
 *
 * The engine stays pure: the cache turns itself into bytes and back, and
 * the caller decides where they live. Bytes that are damaged, foreign or
 * from another engine version are ignored and the cache starts empty.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { message, type Message } from '../messages';
import { frontMatterText, parseFacts, reviveParse, withoutBom, type ParsedDocument, type ParseFacts } from '../parse';
import { LineIndex } from '../text';
import { packRanges, unpackRangesInPlace, unpackRangesOverInPlace, type PackedFacts } from '../packedRanges';
import type { DocumentParser } from '../parsing/documentParser';
import type { FileStamp } from '../fileSystem';
import { DocumentHistory, RepositoryHistory, type FileCommit } from '../history/model';
import type { Workspace } from '../workspace';

/** A running SHA-256, as Node's `createHash('sha256')` gives it. */
export interface Sha256 {
  update(data: string | Uint8Array): Sha256;
  digest(encoding: 'hex' | 'base64'): string;
  digest(): Uint8Array;
}

/**
 * What the cache needs from the platform and cannot do in pure code at
 * speed: hashing every document's text, and a compact encoding of its
 * contents (typed arrays included). server/src/node/cacheFile.ts gives
 * Node's (`node:crypto`, `node:v8`).
 */
export interface CachePlatform {
  sha256(): Sha256;
  /**
   * The HMAC-SHA256 of a cache file's content under a key kept outside the
   * repository (see server/src/node/cacheFile.ts): a pull request can commit
   * a cache file, but not one this tag accepts. Throws when there is no key.
   */
  authenticate(bytes: Uint8Array): Uint8Array;
  serialize(value: unknown): Uint8Array;
  /** Throws when the bytes are not a serialised value. */
  deserialize(bytes: Uint8Array): unknown;
}

/*
 * A FileStamp identifies one version of a file without reading it: a file
 * whose size, modification and change times and inode are all as recorded
 * is taken to hold the text recorded with them. The change time cannot be
 * set back by a tool that copies times (`touch -r`, `rsync -t`), so an edit
 * that keeps the size and the modification time is still seen.
 */

/** What happened in one run, for `--verbose` output and for the tests. */
export interface CacheStatistics {
  /** Parses taken from the cache. */
  parsesReused: number;
  /** Documents parsed because their text was new. */
  parsed: number;
  /** Documents taken from the cache without reading their files (size, times and inode unchanged). */
  unread: number;
  /** Documents whose diagnostics came from the cache. */
  checksReused: number;
  /** Documents checked by the rules. */
  checked: number;
  /** Why the cache file was not used, when it was not. */
  discarded?: readonly Message[];
  /** Whether the document history came from the cache (HEAD had not moved), so Git read no log. */
  historyReused?: boolean;
}

export interface CheckSession {
  /** Diagnostics about the repository as a whole (`workspace.checkRepository()`). */
  repository(): readonly Diagnostic[];
  /** One document's diagnostics (`workspace.checkDocument(path)`). */
  document(path: string): readonly Diagnostic[];
}

/** One document as the cache remembers it. */
interface CacheEntry {
  /** SHA-256 of the text. */
  readonly hash: string;
  /** The parse as stored, with ranges packed as numbers (see `packRanges`); absent for a parse made in this run. */
  readonly packed?: PackedFacts;
  /**
   * A parse made in this run, held as the workspace holds it and packed only
   * when its shard is written: packing it at once kept a second copy of every
   * parse for as long as the cache lived (the language server's whole first
   * check, a third of its heap). Never stored.
   */
  readonly fresh?: ParseFacts;
  /** The file as it was when `hash` was read from it: a file still like this is not read again. */
  stamp?: FileStamp;
  /** The file starts with a byte-order mark (part of the text, so of `hash`). */
  bom?: boolean;
  /** What other documents can see of this one (see `visibleDigest`). */
  visible?: string;
  /** Its diagnostics, valid while the repository digest they were computed under holds. */
  diagnostics?: readonly Diagnostic[];
  /**
   * The repository digest `diagnostics` were computed under. Kept per entry,
   * not only in the header: a run stopped between writing the header and a
   * shard must not pair a new header with old results.
   */
  checkedUnder?: string;
}

interface Header {
  readonly repositoryDigest: string | undefined;
  readonly repositoryDiagnostics: readonly Diagnostic[];
}

/**
 * The cache is stored as one small header and SHARDS files of documents,
 * each shard a fixed share of the paths: after one document changes only its
 * shard is written again, not the whole repository's parses.
 */
export const SHARDS = 32;
/** How recent a file's last change may be for its stamp to be trusted next time (see `noteStamp`). */
const RACY_MILLISECONDS = 2000;
export const HEADER_FILE = 'header.bin';
/** The document history of the last run, under the commit (and document globs) it was read at. */
export const HISTORY_FILE = 'history.bin';
export const shardFile = (shard: number): string => `shard-${String(shard).padStart(2, '0')}.bin`;

/**
 * Each file starts with this, then the HMAC of the rest (see
 * `CachePlatform.authenticate`), then the V8-serialised content. Bytes
 * are deserialised only once their tag is right, so hostile bytes never
 * reach the deserialiser.
 */
const MAGIC = new TextEncoder().encode('DENSHO-CACHE-3\n');
const DIGEST_BYTES = 32;

export class CheckCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** The same entries by content hash: a renamed or copied file is not parsed again. */
  private readonly byHash = new Map<string, CacheEntry>();
  /**
   * Stored parses revived in this run. Reviving unpacks a parse where it lies,
   * instead of copying it (a warm check revives every document, and the copies
   * were much of its garbage), so its packed form is gone: a shard written
   * again packs these afresh.
   */
  private readonly revived = new WeakMap<PackedFacts, ParseFacts>();
  /** Each document's file as it was just before it was read in this run. */
  private readonly currentStamps = new Map<string, FileStamp>();
  private header: Header = { repositoryDigest: undefined, repositoryDiagnostics: [] };
  /** The hash of each document's text as parsed in this run. */
  private readonly currentHashes = new Map<string, string>();
  private readonly dirtyShards = new Set<number>();
  private headerDirty = false;
  private storedHistory: StoredHistory | undefined;
  private historyDirty = false;
  readonly statistics: CacheStatistics = { parsesReused: 0, parsed: 0, unread: 0, checksReused: 0, checked: 0 };

  constructor(
    readonly engineVersion: string,
    private readonly platform: CachePlatform,
  ) {}

  /**
   * A cache from stored files (`read` answers a file's bytes by name, or
   * undefined). A file that is missing, damaged, foreign or from another
   * engine version is ignored, and the cache holds what the others give.
   */
  static fromFiles(read: (name: string) => Uint8Array | undefined, engineVersion: string, platform: CachePlatform): CheckCache {
    const cache = new CheckCache(engineVersion, platform);
    const problems: Message[] = [];
    const header = decode(platform, read(HEADER_FILE), engineVersion, isHeader);
    if (header instanceof Refusal) problems.push(message('cache.file-not-used', { file: HEADER_FILE, reason: header.reason }));
    else if (header) cache.header = header;
    for (let shard = 0; shard < SHARDS; shard++) {
      const entries = decode(platform, read(shardFile(shard)), engineVersion, isShard);
      if (entries instanceof Refusal) {
        problems.push(message('cache.file-not-used', { file: shardFile(shard), reason: entries.reason }));
        cache.dirtyShards.add(shard);
        continue;
      }
      for (const [path, entry] of entries ?? []) {
        cache.entries.set(path, entry);
        cache.byHash.set(entry.hash, entry);
      }
    }
    const history = decode(platform, read(HISTORY_FILE), engineVersion, isStoredHistory);
    if (history instanceof Refusal) problems.push(message('cache.file-not-used', { file: HISTORY_FILE, reason: history.reason }));
    else cache.storedHistory = history;
    if (problems.length > 0) cache.statistics.discarded = problems;
    return cache;
  }

  /**
   * The files to write: the header and the shards that changed, each encoded
   * when its function is called, so that one shard's parses are packed and
   * serialised at a time rather than the whole repository's at once (which
   * was the peak of a run filling the cache). Call them before anything
   * changes the cache. Documents that no longer exist or whose text changed
   * drop out.
   */
  toFiles(): Map<string, () => Uint8Array> {
    for (const [path, entry] of this.entries) {
      if (this.currentHashes.get(path) !== entry.hash) {
        this.entries.delete(path);
        this.dirtyShards.add(shardOf(path));
      }
    }
    const files = new Map<string, () => Uint8Array>();
    const encoded = (content: unknown) => () => encode(this.platform, this.engineVersion, content);
    if (this.headerDirty) files.set(HEADER_FILE, encoded(this.header));
    const shards = new Map<number, [string, CacheEntry][]>([...this.dirtyShards].map((shard) => [shard, []]));
    for (const [path, entry] of this.entries) shards.get(shardOf(path))?.push([path, entry]);
    for (const [shard, entries] of shards) {
      files.set(shardFile(shard), () => encode(this.platform, this.engineVersion, entries.map(([path, entry]) => [path, this.storable(entry)])));
    }
    if (this.historyDirty && this.storedHistory) files.set(HISTORY_FILE, encoded(this.storedHistory));
    this.dirtyShards.clear();
    this.headerDirty = false;
    this.historyDirty = false;
    return files;
  }

  /** The entry as it is stored: a parse made or revived in this run is packed (again). */
  private storable(entry: CacheEntry): CacheEntry {
    const { fresh, ...stored } = entry;
    const live = fresh ?? (entry.packed && this.revived.get(entry.packed));
    return live ? { ...stored, packed: packRanges(live) } : stored;
  }

  /** The history stored under `key` (HEAD's commit and what counts as a document), if it is that one. */
  history(key: string): RepositoryHistory | undefined {
    const stored = this.storedHistory;
    if (stored?.key !== key) return undefined;
    this.statistics.historyReused = true;
    return new RepositoryHistory(stored.head, new StoredDocumentHistories(stored.documents, this.platform));
  }

  rememberHistory(key: string, history: RepositoryHistory): void {
    const documents = history.entries().map(([path, commits]): [string, Uint8Array] => [path, this.platform.serialize(commits)]);
    this.storedHistory = { key, head: history.head, documents };
    this.historyDirty = true;
  }

  /**
   * The document at `path` from the cache alone, when its file is as it was
   * recorded (`stamp`) and its text was parsed before: its text is not read
   * until something asks for it (`readText`, as read now, BOM included).
   * Undefined when the file must be read.
   */
  unchangedDocument(path: string, stamp: FileStamp, readText: () => string): ParsedDocument | undefined {
    const entry = this.entries.get(path);
    if (!entry?.packed || !entry.stamp || !sameStamp(entry.stamp, stamp)) return undefined;
    this.currentHashes.set(path, entry.hash);
    this.currentStamps.set(path, stamp);
    this.statistics.parsesReused++;
    this.statistics.unread++;
    return lazyTextDocument(path, this.revive(entry.packed), entry.bom === true, readText);
  }

  /**
   * Records how a document's file looked just before it was read, so the
   * next run can skip reading it. A file changed in the last moments is not
   * recorded: file times tick in steps of milliseconds, and a write in the
   * same tick as this look would leave the stamp as it is with new text
   * (Git's "racily clean" entries), so such a file is read again next time.
   */
  noteStamp(path: string, stamp: FileStamp, now = Date.now()): void {
    if (now - Math.max(stamp.mtimeMs, stamp.ctimeMs) < RACY_MILLISECONDS) this.currentStamps.delete(path);
    else this.currentStamps.set(path, stamp);
  }

  /** A parser that answers from the cache and asks `inner` only for texts it has not seen. */
  parser(inner: DocumentParser): DocumentParser {
    return {
      parse: async (path, text) => {
        const hash = this.platform.sha256().update(text).digest('base64');
        this.currentHashes.set(path, hash);
        const cached = this.entries.get(path) ?? this.byHash.get(hash);
        const stamp = this.currentStamps.get(path);
        const bom = text.length !== withoutBom(text).length;
        if (cached?.hash === hash) {
          this.statistics.parsesReused++;
          const own = this.entries.get(path);
          if (own !== cached) this.remember(path, { hash, packed: cached.packed, fresh: cached.fresh, visible: cached.visible, stamp, bom });
          else if (!sameStamp(own.stamp, stamp) || own.bom !== bom) {
            own.stamp = stamp;
            own.bom = bom;
            this.dirtyShards.add(shardOf(path));
          }
          if (cached.fresh) return reviveParse(path, text, cached.fresh);
          const lines = new LineIndex((cached.packed!.facts as ParseFacts).unreadable ? '' : withoutBom(text));
          return reviveParse(path, text, this.revive(cached.packed!, lines), lines);
        }
        const parsed = await inner.parse(path, text);
        this.statistics.parsed++;
        this.remember(path, { hash, fresh: parseFacts(parsed), stamp, bom });
        return parsed;
      },
      dispose: () => inner.dispose(),
    };
  }

  /**
   * The facts of a stored parse, unpacked where they lie the first time they
   * are asked for: as offsets over `lines` when its text is at hand, else as
   * positions (a document revived without reading its file).
   */
  private revive(packed: PackedFacts, lines?: LineIndex): ParseFacts {
    let facts = this.revived.get(packed);
    if (!facts) {
      facts = lines ? unpackRangesOverInPlace(packed, lines) : unpackRangesInPlace(packed);
      this.revived.set(packed, facts);
    }
    return facts;
  }

  /**
   * The workspace no longer holds the text parsed for `path` (an editor's
   * unsaved buffer replaced it): nothing cached for the file may be used in
   * this run.
   */
  forget(path: string): void {
    this.currentHashes.delete(path);
    this.currentStamps.delete(path);
  }

  private remember(path: string, entry: CacheEntry): void {
    this.entries.set(path, entry);
    this.byHash.set(entry.hash, entry);
    this.dirtyShards.add(shardOf(path));
  }

  /**
   * Every diagnostic of the workspace, like `workspace.checkAll()`, reusing
   * a document's cached diagnostics when neither its text nor anything the
   * rules read elsewhere has changed.
   */
  checkAll(workspace: Workspace, onProgress?: (done: number, total: number) => void): Diagnostic[] {
    const session = this.session(workspace);
    const all = [...session.repository()];
    const paths = workspace.documentPaths();
    paths.forEach((path, index) => {
      all.push(...session.document(path));
      onProgress?.(index + 1, paths.length);
    });
    return all.sort(compareDiagnostics);
  }

  /**
   * Checks of one workspace state, document by document, so the language
   * server can publish them in chunks, open documents first. A session is
   * valid until the workspace changes.
   */
  session(workspace: Workspace): CheckSession {
    const digest = this.digestOf(workspace, workspace.documentPaths());
    const unchangedElsewhere = digest === this.header.repositoryDigest;
    if (!unchangedElsewhere) {
      this.header = { repositoryDigest: digest, repositoryDiagnostics: workspace.checkRepository() };
      this.headerDirty = true;
    }
    return {
      repository: () => this.header.repositoryDiagnostics,
      document: (path) => {
        const hash = this.currentHashes.get(path);
        const entry = this.entries.get(path);
        if (unchangedElsewhere && entry?.diagnostics && entry.checkedUnder === digest && entry.hash === hash) {
          this.statistics.checksReused++;
          return entry.diagnostics;
        }
        const diagnostics = workspace.checkDocument(path);
        this.statistics.checked++;
        if (entry && entry.hash === hash) {
          entry.diagnostics = diagnostics;
          entry.checkedUnder = digest;
          this.dirtyShards.add(shardOf(path));
        }
        return diagnostics;
      },
    };
  }

  /** A digest of everything the rules read besides a document's own text. */
  private digestOf(workspace: Workspace, paths: readonly string[]): string {
    const digest = this.platform.sha256();
    digest.update(this.engineVersion).update('\0').update(workspace.environmentKey()).update('\0');
    for (const file of [...workspace.index.allFiles()].sort()) digest.update(file).update('\n');
    for (const path of paths) {
      const parsed = workspace.index.document(path)?.parsed;
      if (!parsed) continue;
      digest.update('\0').update(path).update('\0').update(this.visibleOf(path, parsed));
    }
    return digest.digest('hex');
  }

  private visibleOf(path: string, parsed: ParsedDocument): string {
    const entry = this.entries.get(path);
    const current = entry !== undefined && entry.hash === this.currentHashes.get(path) ? entry : undefined;
    if (current?.visible !== undefined) return current.visible;
    const visible = visibleDigest(this.platform, parsed);
    if (current) {
      current.visible = visible;
      this.dirtyShards.add(shardOf(path));
    }
    return visible;
  }
}

/**
 * What the rules checking one document may read of another: its front
 * matter (as text, so positions count too), whether it could be read at
 * all, its headings, anchors and numbered steps, and the non-Markdown files
 * its links lead to (a picture takes the highest layer of the documents that
 * use it, which access/leak reads). Its prose is read only by its own rules. A rule
 * that starts reading more of other documents must add it here.
 */
export function visibleDigest(platform: CachePlatform, parsed: ParsedDocument): string {
  const linkedFiles = parsed.links.filter((link) => !link.external && link.path && !/\.(md|markdown)$/i.test(link.path)).map((link) => link.path);
  return platform
    .sha256()
    .update(JSON.stringify([frontMatterText(parsed) ?? '', parsed.unclosedFrontMatter, parsed.unreadable ?? null, parsed.headings, parsed.anchors, parsed.steps, linkedFiles]))
    .digest('base64');
}

/** Which shard a path's entry lives in (FNV-1a of the path). */
function shardOf(path: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARDS;
}

function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/**
 * A document held as its stored facts: the text (and its line index) is
 * read the first time a rule asks for it, which for a document that is not
 * checked again is usually never.
 */
function lazyTextDocument(path: string, facts: ParseFacts, bom: boolean, readText: () => string): ParsedDocument {
  let text: string | undefined;
  let lines: LineIndex | undefined;
  const textNow = (): string => (text ??= facts.unreadable ? '' : withoutBom(readText()));
  return Object.defineProperties(
    { ...facts, path, bom },
    {
      text: { enumerable: true, get: textNow },
      lines: { enumerable: true, get: () => (lines ??= new LineIndex(textNow())) },
    },
  ) as ParsedDocument;
}


function encode(platform: CachePlatform, engineVersion: string, content: unknown): Uint8Array {
  const payload = platform.serialize({ engineVersion, content });
  const bytes = new Uint8Array(MAGIC.length + DIGEST_BYTES + payload.length);
  bytes.set(MAGIC, 0);
  bytes.set(platform.authenticate(payload), MAGIC.length);
  bytes.set(payload, MAGIC.length + DIGEST_BYTES);
  return bytes;
}

/** Why a cache file was not used. */
class Refusal {
  constructor(readonly reason: Message) {}
}

/** The content of a cache file; undefined when there is none; a reason when it cannot be trusted. */
function decode<T>(platform: CachePlatform, bytes: Uint8Array | undefined, engineVersion: string, check: (content: unknown) => content is T): T | undefined | Refusal {
  if (bytes === undefined) return undefined;
  if (bytes.length < MAGIC.length + DIGEST_BYTES || !sameBytes(bytes.subarray(0, MAGIC.length), MAGIC)) return new Refusal(message('cache.not-a-cache-file'));
  const payload = bytes.subarray(MAGIC.length + DIGEST_BYTES);
  let tag: Uint8Array;
  try {
    tag = platform.authenticate(payload);
  } catch (error) {
    return new Refusal(message('cache.no-key', { error: error instanceof Error ? error.message : String(error) }));
  }
  // Damaged, or written by someone without this user's key (a cache committed to the repository): never deserialised.
  if (!sameBytes(tag, bytes.subarray(MAGIC.length, MAGIC.length + DIGEST_BYTES))) return new Refusal(message('cache.not-authentic'));
  let data: unknown;
  try {
    data = platform.deserialize(payload);
  } catch {
    return new Refusal(message('cache.unreadable'));
  }
  if (typeof data !== 'object' || data === null) return new Refusal(message('cache.unknown-layout'));
  const { engineVersion: writer, content } = data as { engineVersion?: unknown; content?: unknown };
  if (writer !== engineVersion) return new Refusal(message('cache.other-version', { version: String(writer) }));
  return check(content) ? content : new Refusal(message('cache.unknown-layout'));
}

interface StoredHistory {
  readonly key: string;
  readonly head: string;
  /**
   * Each document's commits, serialised on their own: a warm check decodes
   * only the histories of the documents it checks, not the whole
   * repository's (they hold the texts `version/not-bumped` compares).
   */
  readonly documents: readonly (readonly [string, Uint8Array])[];
}

function isStoredHistory(content: unknown): content is StoredHistory {
  if (typeof content !== 'object' || content === null) return false;
  const stored = content as Partial<StoredHistory>;
  return (
    typeof stored.key === 'string' &&
    typeof stored.head === 'string' &&
    Array.isArray(stored.documents) &&
    stored.documents.every((item) => Array.isArray(item) && typeof item[0] === 'string' && item[1] instanceof Uint8Array)
  );
}

function isFileCommits(content: unknown): content is FileCommit[] {
  return Array.isArray(content) && content.length > 0 && content.every((commit) => typeof commit?.commit === 'string' && typeof commit.fields === 'object');
}

/** The documents' histories of a stored history, each decoded the first time it is asked for. */
class StoredDocumentHistories implements ReadonlyMap<string, DocumentHistory> {
  private readonly stored: Map<string, Uint8Array>;
  private readonly decoded = new Map<string, DocumentHistory | undefined>();

  constructor(
    documents: readonly (readonly [string, Uint8Array])[],
    private readonly platform: CachePlatform,
  ) {
    this.stored = new Map(documents);
  }

  get size(): number {
    return this.stored.size;
  }

  has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  get(path: string): DocumentHistory | undefined {
    if (this.decoded.has(path)) return this.decoded.get(path);
    const bytes = this.stored.get(path);
    let history: DocumentHistory | undefined;
    if (bytes !== undefined) {
      // The file's tag was checked before anything was decoded; the shape is checked all the same.
      const commits = this.platform.deserialize(bytes);
      if (isFileCommits(commits)) history = new DocumentHistory(path, commits);
    }
    this.decoded.set(path, history);
    return history;
  }

  *entries(): MapIterator<[string, DocumentHistory]> {
    for (const path of this.stored.keys()) {
      const history = this.get(path);
      if (history) yield [path, history];
    }
  }

  *keys(): MapIterator<string> {
    for (const [path] of this.entries()) yield path;
  }

  *values(): MapIterator<DocumentHistory> {
    for (const [, history] of this.entries()) yield history;
  }

  [Symbol.iterator](): MapIterator<[string, DocumentHistory]> {
    return this.entries();
  }

  forEach(action: (history: DocumentHistory, path: string, map: ReadonlyMap<string, DocumentHistory>) => void): void {
    for (const [path, history] of this.entries()) action(history, path, this);
  }
}

function isHeader(content: unknown): content is Header {
  if (typeof content !== 'object' || content === null) return false;
  const header = content as Partial<Header>;
  return (header.repositoryDigest === undefined || typeof header.repositoryDigest === 'string') && Array.isArray(header.repositoryDiagnostics);
}

function isShard(content: unknown): content is [string, CacheEntry][] {
  return (
    Array.isArray(content) &&
    content.every(
      (item) =>
        Array.isArray(item) &&
        typeof item[0] === 'string' &&
        typeof item[1]?.hash === 'string' &&
        item[1].packed?.positions instanceof Int32Array &&
        (item[1].diagnostics === undefined || Array.isArray(item[1].diagnostics)) &&
        (item[1].checkedUnder === undefined || typeof item[1].checkedUnder === 'string'),
    )
  );
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
