/**
 * The persistent cache of `densho check --cache` and of the language
 * server. It keeps three things, each only as long as it stays true:
 *
 * - a document's parse, keyed by the SHA-256 of its text, under the engine
 *   version that produced it: parsing depends on nothing else;
 * - a document's diagnostics, keyed by its text's hash and by a digest of
 *   everything the rules read besides that text: the settings, densho.yaml,
 *   the people registry, custom standards, today, the list of files, and of
 *   every document the part other documents can see (front matter,
 *   headings, anchors, numbered steps). Change a paragraph and only that
 *   document is checked again; change a title or a heading and every
 *   document is, from cached parses;
 * - a document's keys in the workspace index (its id, the ids it names, the
 *   paths and names its links lead to), under the settings they were
 *   derived under: a warm run indexes a document whose file did not change
 *   by them, and reads its parse only if something reads the document.
 *
 * The engine stays pure: the cache turns itself into bytes and back, and
 * the caller decides where they live. Bytes that are damaged, foreign or
 * from another engine version are ignored and the cache starts empty.
 */
import { compareDiagnostics, type Diagnostic } from '../diagnostics';
import { message, type Message } from '../messages';
import { frontMatterText, parseDocumentText, parseFacts, reviveParse, withoutBom, type ParsedDocument, type ParseFacts } from '../parse';
import { LineIndex } from '../text';
import { packRanges, unpackRangesInPlace, unpackRangesOverInPlace, type PackedFacts } from '../packedRanges';
import type { DocumentParser } from '../parsing/documentParser';
import type { FileStamp } from '../fileSystem';
import { DocumentHistory, RepositoryHistory, type FileCommit } from '../history/model';
import type { StoredIndexKeys, Workspace } from '../workspace';
import type { IndexKeys } from '../workspaceIndex';

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
  /**
   * The parse as stored: its PackedFacts (ranges packed as numbers, see
   * `packRanges`), serialised on their own. Kept in the shard's parse file,
   * apart from the entries, and read from there only for a document
   * something reads (`parseBytes`); absent for a parse made in this run.
   */
  parse?: Uint8Array;
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
  /** Its look-up keys in the workspace index. */
  keys?: IndexKeys;
  /**
   * What `keys` were derived under (`Workspace.derivationKey`). One object
   * shared by every entry of a run: the serialiser writes a shared object
   * once a file, where the string (densho.yaml's text) would be repeated
   * in every entry.
   */
  keysUnder?: DerivedUnder;
  /** Its diagnostics, valid while the repository digest they were computed under holds. */
  diagnostics?: readonly Diagnostic[];
  /**
   * The repository digest `diagnostics` were computed under. Kept per entry,
   * not only in the header: a run stopped between writing the header and a
   * shard must not pair a new header with old results.
   */
  checkedUnder?: string;
}

interface DerivedUnder {
  readonly derivation: string;
}

interface Header {
  readonly repositoryDigest: string | undefined;
  readonly repositoryDiagnostics: readonly Diagnostic[];
}

/**
 * The cache is stored as one small header and SHARDS shards, each a fixed
 * share of the paths and two files: its entries (`shardFile`), read by
 * every run, and its parses (`parsesFile`), read only when a document of
 * the shard is read. After one document changes only its shard is written
 * again, not the whole repository's parses.
 */
export const SHARDS = 32;
/** How recent a file's last change may be for its stamp to be trusted next time (see `noteStamp`). */
const RACY_MILLISECONDS = 2000;
export const HEADER_FILE = 'header.bin';
/** The document history of the last run, under the commit (and document globs) it was read at. */
export const HISTORY_FILE = 'history.bin';
export const shardFile = (shard: number): string => `shard-${String(shard).padStart(2, '0')}.bin`;
/** A shard's parses, by text hash: read only when a document of the shard is read. */
export const parsesFile = (shard: number): string => `parses-${String(shard).padStart(2, '0')}.bin`;

/**
 * Each file starts with this, then the HMAC of the rest (see
 * `CachePlatform.authenticate`), then the V8-serialised content. Bytes
 * are deserialised only once their tag is right, so hostile bytes never
 * reach the deserialiser.
 */
const MAGIC = new TextEncoder().encode('DENSHO-CACHE-4\n');
const DIGEST_BYTES = 32;

export class CheckCache {
  private readonly entries = new Map<string, CacheEntry>();
  /** The same entries by content hash: a renamed or copied file is not parsed again. */
  private readonly byHash = new Map<string, CacheEntry>();
  /** Stored parses decoded in this run, by their bytes (two files with one text share them). */
  private readonly revived = new WeakMap<Uint8Array, ParseFacts>();
  /** Each document's file as it was just before it was read in this run. */
  private readonly currentStamps = new Map<string, FileStamp>();
  private header: Header = { repositoryDigest: undefined, repositoryDiagnostics: [] };
  /** The hash of each document's text as parsed in this run. */
  private readonly currentHashes = new Map<string, string>();
  private readonly dirtyShards = new Set<number>();
  /** Shards whose parse file must be written again: a parse was added or dropped. */
  private readonly dirtyParses = new Set<number>();
  /** The shard each entry read from the files was stored in: where its parse is. */
  private readonly storedIn = new WeakMap<CacheEntry, number>();
  /** Each shard's parse file once read (undefined: missing, or not used), by text hash. */
  private readonly storedParses = new Map<number, ReadonlyMap<string, Uint8Array> | undefined>();
  private readStored: (name: string) => Uint8Array | undefined = () => undefined;
  private derivedUnder: DerivedUnder | undefined;
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
    cache.readStored = read;
    const problems: Message[] = [];
    const header = decode(platform, read(HEADER_FILE), engineVersion, isHeader);
    if (header instanceof Refusal) problems.push(message('cache.file-not-used', { file: HEADER_FILE, reason: header.reason }));
    else if (header) cache.header = header;
    for (let shard = 0; shard < SHARDS; shard++) {
      const entries = decode(platform, read(shardFile(shard)), engineVersion, isShard);
      if (entries instanceof Refusal) {
        problems.push(message('cache.file-not-used', { file: shardFile(shard), reason: entries.reason }));
        cache.dirtyShards.add(shard);
        cache.dirtyParses.add(shard);
        continue;
      }
      for (const [path, entry] of entries ?? []) {
        cache.entries.set(path, entry);
        cache.byHash.set(entry.hash, entry);
        cache.storedIn.set(entry, shard);
      }
    }
    const history = decode(platform, read(HISTORY_FILE), engineVersion, isStoredHistory);
    if (history instanceof Refusal) problems.push(message('cache.file-not-used', { file: HISTORY_FILE, reason: history.reason }));
    else cache.storedHistory = history;
    if (problems.length > 0) cache.statistics.discarded = problems;
    return cache;
  }

  /** The stored parse of an entry, read from its shard's parse file the first time one of that shard is asked for. */
  private parseBytes(entry: CacheEntry): Uint8Array | undefined {
    if (entry.parse) return entry.parse;
    const shard = this.storedIn.get(entry);
    if (shard === undefined) return undefined;
    if (!this.storedParses.has(shard)) {
      const parses = decode(this.platform, this.readStored(parsesFile(shard)), this.engineVersion, isParses);
      if (parses instanceof Refusal) {
        this.statistics.discarded = [...(this.statistics.discarded ?? []), message('cache.file-not-used', { file: parsesFile(shard), reason: parses.reason })];
        this.dirtyParses.add(shard);
      }
      this.storedParses.set(shard, parses instanceof Refusal || parses === undefined ? undefined : new Map(parses));
    }
    return (entry.parse = this.storedParses.get(shard)?.get(entry.hash));
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
        this.dirtyParses.add(shardOf(path));
      }
    }
    const files = new Map<string, () => Uint8Array>();
    const encoded = (content: () => unknown) => () => encode(this.platform, this.engineVersion, content());
    const header = this.header;
    if (this.headerDirty) files.set(HEADER_FILE, encoded(() => header));
    const shards = new Map<number, [string, CacheEntry][]>([...this.dirtyShards].map((shard) => [shard, []]));
    for (const [path, entry] of this.entries) shards.get(shardOf(path))?.push([path, entry]);
    for (const [shard, entries] of shards) {
      // The parses first: a shard's entries are never on disk without the parses they name.
      if (this.dirtyParses.has(shard)) files.set(parsesFile(shard), encoded(() => this.storableParses(entries)));
      files.set(shardFile(shard), encoded(() => entries.map(([path, entry]) => [path, storable(entry)])));
    }
    const history = this.storedHistory;
    if (this.historyDirty && history) files.set(HISTORY_FILE, encoded(() => history));
    this.dirtyShards.clear();
    this.dirtyParses.clear();
    this.headerDirty = false;
    this.historyDirty = false;
    return files;
  }

  /** A shard's parses as stored, by text hash: one made in this run packed and serialised, a stored one as its bytes. */
  private storableParses(entries: readonly (readonly [string, CacheEntry])[]): [string, Uint8Array][] {
    const parses = new Map<string, Uint8Array>();
    for (const [, entry] of entries) {
      const bytes = entry.fresh ? this.platform.serialize(packRanges(entry.fresh)) : this.parseBytes(entry);
      if (bytes) parses.set(entry.hash, bytes);
    }
    return [...parses];
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
  unchangedDocument(path: string, stamp: FileStamp, readText: () => string): { readonly parsed: ParsedDocument; readonly stored?: StoredIndexKeys } | undefined {
    const entry = this.entries.get(path);
    if (!entry?.stamp || entry.fresh || !sameStamp(entry.stamp, stamp)) return undefined;
    this.currentHashes.set(path, entry.hash);
    this.currentStamps.set(path, stamp);
    this.statistics.parsesReused++;
    this.statistics.unread++;
    // A parse that cannot be read back (its file damaged or gone) is made again from the text.
    const facts = () => {
      const bytes = this.parseBytes(entry);
      return bytes ? this.revive(bytes) : parseFacts(parseDocumentText(path, readText()));
    };
    const stored = entry.keys && entry.keysUnder && { keys: entry.keys, under: entry.keysUnder.derivation };
    return { parsed: heldDocument(path, facts, entry.bom === true, readText), stored };
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
        const candidate = this.entries.get(path) ?? this.byHash.get(hash);
        const cached = candidate?.hash === hash && (candidate.fresh || this.parseBytes(candidate)) ? candidate : undefined;
        const stamp = this.currentStamps.get(path);
        const bom = text.length !== withoutBom(text).length;
        if (cached) {
          this.statistics.parsesReused++;
          const own = this.entries.get(path);
          if (own !== cached) this.remember(path, { hash, parse: cached.parse, fresh: cached.fresh, visible: cached.visible, stamp, bom });
          else if (!sameStamp(own.stamp, stamp) || own.bom !== bom) {
            own.stamp = stamp;
            own.bom = bom;
            this.dirtyShards.add(shardOf(path));
          }
          if (cached.fresh) return reviveParse(path, text, cached.fresh);
          const lines = new LineIndex(withoutBom(text));
          const facts = this.revive(cached.parse!, lines);
          return reviveParse(path, text, facts, facts.unreadable ? new LineIndex('') : lines);
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
   * The facts of a stored parse, decoded the first time they are asked for:
   * ranges as offsets over `lines` when its text is at hand, else as
   * positions (a document held without reading its file).
   */
  private revive(bytes: Uint8Array, lines?: LineIndex): ParseFacts {
    let facts = this.revived.get(bytes);
    if (!facts) {
      // The file's tag was checked before anything was decoded; the shape is checked all the same.
      const packed = this.platform.deserialize(bytes);
      if (!isPackedFacts(packed)) throw new Error('a stored parse in the cache has an unknown layout');
      facts = lines ? unpackRangesOverInPlace(packed, lines) : unpackRangesInPlace(packed);
      this.revived.set(bytes, facts);
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
    this.dirtyParses.add(shardOf(path));
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

  /**
   * A digest of everything the rules read besides a document's own text.
   * A document's part comes from its entry when its text is as stored, so
   * an unchanged document's parse is not read; its index keys are stored
   * on the way, for the next run to index it unread.
   */
  private digestOf(workspace: Workspace, paths: readonly string[]): string {
    const digest = this.platform.sha256();
    digest.update(this.engineVersion).update('\0').update(workspace.environmentKey()).update('\0');
    const index = workspace.index;
    // One update of one string: 30,000 small updates cost more than the hashing.
    const parts = [...index.allFiles()].sort().map((file) => `${file}\n`);
    const derivation = workspace.derivationKey();
    const under = (this.derivedUnder = this.derivedUnder?.derivation === derivation ? this.derivedUnder : { derivation });
    for (const path of paths) {
      const document = index.document(path);
      if (!document) continue;
      const entry = this.entries.get(path);
      const current = entry !== undefined && entry.hash === this.currentHashes.get(path) ? entry : undefined;
      if (current && current.keysUnder?.derivation !== under.derivation) {
        current.keys = index.keysOf(path)!;
        current.keysUnder = under;
        this.dirtyShards.add(shardOf(path));
      }
      parts.push(`\0${path}\0${this.visibleOf(current, path, document.parsed)}`);
    }
    return digest.update(parts.join('')).digest('hex');
  }

  private visibleOf(current: CacheEntry | undefined, path: string, parsed: ParsedDocument): string {
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
export function shardOf(path: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % SHARDS;
}

function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/**
 * A document held as its stored facts: the facts are decoded the first time
 * anything reads one, and the text (and its line index) is read the first
 * time a rule asks for it. For a document that is not checked again that is
 * usually never: the index takes it by its stored keys. Own enumerable
 * getters (an object literal, which V8 builds fast), so a spread copies
 * every field.
 */
function heldDocument(path: string, facts: () => ParseFacts, bom: boolean, readText: () => string): ParsedDocument {
  let text: string | undefined;
  let lines: LineIndex | undefined;
  const textNow = (): string => (text ??= facts().unreadable ? '' : withoutBom(readText()));
  return {
    path,
    bom,
    get text() {
      return textNow();
    },
    get lines() {
      return (lines ??= new LineIndex(textNow()));
    },
    get frontMatter() {
      return facts().frontMatter;
    },
    get unclosedFrontMatter() {
      return facts().unclosedFrontMatter;
    },
    get headings() {
      return facts().headings;
    },
    get anchors() {
      return facts().anchors;
    },
    get links() {
      return facts().links;
    },
    get steps() {
      return facts().steps;
    },
    get keyboardSlips() {
      return facts().keyboardSlips;
    },
    get unreadable() {
      return facts().unreadable;
    },
  };
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
        item[1].parse === undefined &&
        (item[1].keys === undefined || isIndexKeys(item[1].keys)) &&
        (item[1].keysUnder === undefined || typeof item[1].keysUnder?.derivation === 'string') &&
        (item[1].diagnostics === undefined || Array.isArray(item[1].diagnostics)) &&
        (item[1].checkedUnder === undefined || typeof item[1].checkedUnder === 'string'),
    )
  );
}

/** The entry as it is stored: its parse lives in the shard's parse file. */
function storable(entry: CacheEntry): CacheEntry {
  const { fresh: _fresh, parse: _parse, ...stored } = entry;
  return stored;
}

function isParses(content: unknown): content is [string, Uint8Array][] {
  return Array.isArray(content) && content.every((item) => Array.isArray(item) && typeof item[0] === 'string' && item[1] instanceof Uint8Array);
}

function isIndexKeys(value: unknown): value is IndexKeys {
  if (typeof value !== 'object' || value === null) return false;
  const keys = value as Partial<Record<keyof IndexKeys, unknown>>;
  const strings = (list: unknown) => Array.isArray(list) && list.every((item) => typeof item === 'string');
  return (keys.id === undefined || typeof keys.id === 'string') && strings(keys.naming) && strings(keys.superseding) && strings(keys.fileTargets) && strings(keys.linkNames);
}

function isPackedFacts(value: unknown): value is PackedFacts {
  return typeof value === 'object' && value !== null && typeof (value as PackedFacts).facts === 'object' && (value as PackedFacts).positions instanceof Int32Array;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
