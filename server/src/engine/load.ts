/**
 * Loads a repository into a Workspace through the file system port:
 * densho.yaml, custom standards, people.yaml, then every file (honouring
 * .gitignore) with the documents read and parsed.
 */
import ignore, { type Ignore } from 'ignore';
import { CONFIG_FILE } from './config';
import { FileTooLargeError, UnreadableFileError, type FileSystem } from './fileSystem';
import { SETTINGS_SIZE_CEILING } from './limits';
import { message, type Message } from './messages';
import { unreadableDocument } from './parse';
import type { CheckCache } from './cache/checkCache';
import type { ParsedDocument } from './parse';
import { inlineParser, type DocumentParser } from './parsing/documentParser';
import { resolveRelative } from './paths';
import { Workspace, type SettingsRefusal, type StoredIndexKeys, type WorkspaceOptions } from './workspace';
import { readHistory, type RepositoryHistory } from './history/model';
import { isUnavailable, type HistorySource, type HistoryUnavailable } from './history/source';

/** Folders never worth walking into. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
/** How many files are read at once: enough to keep the disk busy, few enough to stay clear of EMFILE. */
const READ_CONCURRENCY = 64;

/** Below this many documents, starting worker threads costs more than they save. */
const PARALLEL_FROM = 300;

const decoder = new TextDecoder('utf-8');

export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/** A settings file's text; undefined when it is absent, cannot be read, or is over the ceiling (see limits.ts). */
export async function readText(fs: FileSystem, path: string): Promise<string | undefined> {
  return (await readSettingsText(fs, path)).text;
}

/**
 * A settings file (densho.yaml, people.yaml, a standard) as text, or why it
 * could not be read: a file that is there but unreadable, or over the size
 * ceiling, is reported rather than taken for absent.
 */
export async function readSettingsText(fs: FileSystem, path: string): Promise<{ readonly text?: string; readonly problem?: Message }> {
  try {
    const bytes = await fs.readFile(path, SETTINGS_SIZE_CEILING);
    return { text: bytes === undefined ? undefined : decodeText(bytes) };
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      return { problem: message('config.settings-too-large', { file: path, size: `${(error.size / 1024 / 1024).toFixed(1)} MB`, limit: `${SETTINGS_SIZE_CEILING / 1024 / 1024} MB` }) };
    }
    if (error instanceof UnreadableFileError) return { problem: message('config.settings-unreadable', { file: path, code: error.code }) };
    throw error;
  }
}

export interface LoadOptions extends WorkspaceOptions {
  /**
   * Who parses the documents. By default this thread for a small repository
   * and a pool of worker threads for a large one (when the worker script is
   * bundled beside the running code).
   */
  readonly parser?: DocumentParser;
  /**
   * Starts a pool of parser threads for a large repository: the CLI and the
   * server pass the Node one (server/src/node/parserPool.ts), which the
   * engine cannot start itself. Without it, or when it gives none (no worker
   * script), documents are parsed on this thread.
   */
  readonly startParserPool?: (threads: number | undefined) => DocumentParser | undefined;
  /** Worker threads for a large repository; 0 parses on this thread. Defaults to one per core. */
  readonly threads?: number;
  /** Parses (and results) from an earlier run; documents whose text it knows are not parsed again. */
  readonly cache?: CheckCache;
  /** Called as each document is read and parsed, for a progress line. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Where document history comes from; without one the history rules stay silent. */
  readonly history?: HistorySource;
}

export async function loadWorkspace(fs: FileSystem, options: LoadOptions = {}): Promise<Workspace> {
  const workspace = new Workspace(options);
  const invalidNames: string[] = [];
  const files = await listRepositoryFiles(fs, (path) => invalidNames.push(path));
  await loadSettings(fs, workspace, new Set(files));
  // Git reads the log while the documents are read and parsed.
  const history = options.history && workspace.config.history ? loadHistory(options.history, workspace, options.cache) : undefined;
  if (!workspace.config.history) workspace.setHistory({ unavailable: message('history.off') });
  else if (!options.history) workspace.setHistory({ unavailable: message('history.not-asked') });
  for (const path of invalidNames) {
    // Nothing can open such a file; said once for a document, or for a folder that may hold documents.
    if (workspace.isDocumentPath(path) || workspace.isDocumentPath(`${path}/x.md`)) {
      workspace.setParsedDocument(unreadableDocument(path, { rule: 'file/unreadable', message: message('file.invalid-name') }));
    }
  }
  const documents: string[] = [];
  for (const file of files) {
    if (workspace.isDocumentPath(file)) documents.push(file);
    else workspace.addFile(file);
  }
  const pool = options.parser || options.threads === 0 || documents.length < PARALLEL_FROM ? undefined : options.startParserPool?.(options.threads);
  const parser = options.parser ?? pool ?? inlineParser;
  try {
    const parsed = await readDocuments(fs, workspace, documents, options.cache ? options.cache.parser(parser) : parser, options.onProgress, options.cache);
    for (const document of parsed) if (document) workspace.setParsedDocument(document.parsed, document.stored);
  } finally {
    await pool?.dispose();
  }
  if (history) workspace.setHistory(await history);
  return workspace;
}

/**
 * The documents' history: from the cache when HEAD has not moved since it
 * was stored (one `rev-parse`, no log), otherwise read and stored.
 */
async function loadHistory(source: HistorySource, workspace: Workspace, cache: CheckCache | undefined): Promise<RepositoryHistory | HistoryUnavailable> {
  const isDocument = (path: string) => workspace.isDocumentPath(path);
  if (!cache) return readHistory(source, isDocument);
  const head = await source.readHead();
  if (isUnavailable(head)) return head;
  const key = JSON.stringify([head, workspace.config.docs, workspace.config.ignore]);
  const cached = cache.history(key);
  if (cached) return cached;
  const history = await readHistory(source, isDocument);
  if (!isUnavailable(history) && history.head === head) cache.rememberHistory(key, history);
  return history;
}

/** A document as read: parsed, or held from the cache with the index keys it stored. */
export interface ReadDocument {
  readonly parsed: ParsedDocument;
  readonly stored?: StoredIndexKeys;
}

/**
 * Reads and parses documents, in parallel when the parser allows, and
 * answers in the order asked: the workspace then holds them in the same order
 * whichever thread finished first, so results never depend on timing.
 * A file deleted since the directory was listed is simply absent. With a
 * cache (and a file system that can stat), a file whose size, times and
 * inode are as the cache recorded is not read: the document is held as its
 * cached facts, its text read only if a rule asks for it.
 */
export async function readDocuments(
  fs: FileSystem,
  workspace: Workspace,
  paths: readonly string[],
  parser: DocumentParser,
  onProgress?: (done: number, total: number) => void,
  cache?: CheckCache,
): Promise<(ReadDocument | undefined)[]> {
  const results: (ReadDocument | undefined)[] = new Array(paths.length).fill(undefined);
  const pending: Promise<void>[] = [];
  let done = 0;
  const finish = (position: number, document: ReadDocument | ParsedDocument | undefined): void => {
    results[position] = document && ('parsed' in document ? document : { parsed: document });
    onProgress?.(++done, paths.length);
  };
  let toRead = paths.map((path, position) => ({ path, position }));
  if (cache && fs.stampsNow && fs.readFileNow) {
    const stamps = fs.stampsNow(paths);
    toRead = toRead.filter(({ path, position }) => {
      const stamp = stamps[position];
      // A file now over the size limit (the limit may have changed) is read, to be refused as too large.
      if (!stamp || stamp.size > workspace.config.maxDocumentSize) return true;
      const held = cache.unchangedDocument(path, stamp, () => readDocumentNow(fs, workspace, path));
      if (held) finish(position, held);
      else cache.noteStamp(path, stamp);
      return !held;
    });
  }
  await forEachConcurrently(
    toRead,
    READ_CONCURRENCY,
    async ({ path, position }) => {
      const screened = await readDocument(fs, workspace, path);
      if (typeof screened !== 'string') return finish(position, screened);
      // Not awaited here: reading goes on while the workers parse.
      pending.push(parser.parse(path, screened).then((parsed) => finish(position, parsed)));
    },
  );
  await Promise.all(pending);
  return results;
}

/**
 * A document's text, ready to parse; or the placeholder that reports why it
 * has none (too large, unreadable, not UTF-8), without reading more than the
 * size limit; undefined when the file does not exist.
 */
export async function readDocument(fs: FileSystem, workspace: Workspace, path: string): Promise<string | ParsedDocument | undefined> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await fs.readFile(path, workspace.config.maxDocumentSize);
  } catch (error) {
    if (error instanceof UnreadableFileError || error instanceof FileTooLargeError) return workspace.unreadableFile(error);
    throw error;
  }
  return bytes === undefined ? undefined : workspace.screenDocumentBytes(path, bytes);
}

/**
 * The text of a document held from the cache, read when a rule first asks
 * for it. Its bytes were screened when the cache recorded it; a file that
 * vanished or changed into something unreadable since the look-up reads as empty.
 */
function readDocumentNow(fs: FileSystem, workspace: Workspace, path: string): string {
  const bytes = fs.readFileNow?.(path, workspace.config.maxDocumentSize);
  const screened = bytes === undefined ? '' : workspace.screenDocumentBytes(path, bytes);
  return typeof screened === 'string' ? screened : '';
}

/**
 * (Re)reads densho.yaml, the custom standards it names, the people
 * registry and the training records; one that exists but cannot be read is reported at its file.
 * densho.yaml names the other files, and a pull request can name
 * any path: only files of the repository's listing (`listed`, by default the
 * files the workspace knows) are read. Anything else — `.git/config`, a
 * file .gitignore or `ignore` excludes such as `.env`, a path outside the
 * root — is refused as `config/invalid` at the key, unread.
 */
export async function loadSettings(fs: FileSystem, workspace: Workspace, listed?: ReadonlySet<string>): Promise<void> {
  workspace.clearUnreadableSettings();
  const reader = settingsReader(fs, workspace, listed);
  workspace.setConfigText(await reader.read(CONFIG_FILE));
  for (const path of workspace.customStandardPaths()) {
    workspace.setStandardText(path, await reader.readListed('standards', path));
  }
  workspace.setPeopleText(workspace.config.people, await reader.readListed('people', workspace.config.people));
  workspace.setTrainingText(workspace.config.training, await reader.readListed('training', workspace.config.training));
  workspace.setSettingsRefusals(reader.refusals);
}

/**
 * Re-reads only people.yaml or only training.yaml, as loadSettings would,
 * when that file alone changed: densho.yaml and the other files stay as
 * read, so nothing derived from them is computed again (an edit to a large
 * training.yaml must not cost a re-read of everything).
 */
export async function loadSettingsFile(fs: FileSystem, workspace: Workspace, key: 'people' | 'training'): Promise<void> {
  const path = workspace.config[key];
  workspace.clearUnreadableSettings(path);
  const reader = settingsReader(fs, workspace);
  const text = await reader.readListed(key, path);
  if (key === 'people') workspace.setPeopleText(path, text);
  else workspace.setTrainingText(path, text);
  workspace.setSettingsRefusals(reader.refusals, key);
}

/**
 * Reads settings files: one that exists but cannot be read is reported, not
 * taken for absent; one densho.yaml names that is not a file of the
 * repository's listing is refused, unread, into `refusals`.
 */
function settingsReader(fs: FileSystem, workspace: Workspace, listed?: ReadonlySet<string>) {
  const read = async (path: string): Promise<string | undefined> => {
    const { text, problem } = await readSettingsText(fs, path);
    if (problem !== undefined) workspace.setUnreadableSettings(path, problem);
    return text;
  };
  // Without a listing (the language server re-reading settings), each path is checked on its own, as the listing would.
  const isListed = (path: string) => (listed ? Promise.resolve(listed.has(path)) : isListedPath(fs, path));
  const refusals: SettingsRefusal[] = [];
  const readListed = async (key: SettingsRefusal['key'], path: string): Promise<string | undefined> => {
    const reason = await settingsPathProblem(fs, workspace, path, isListed);
    if (reason === undefined) return read(path);
    if (reason !== 'missing') refusals.push({ key, path, reason });
    return undefined;
  };
  return { read, readListed, refusals };
}

/** Why a settings file may not be read ('missing' when it simply is not there), or undefined when it may. */
async function settingsPathProblem(fs: FileSystem, workspace: Workspace, path: string, isListed: (path: string) => Promise<boolean>): Promise<string | undefined> {
  const normalized = resolveRelative('', path);
  if (normalized === undefined || normalized !== path) return 'it is not a plain path inside the repository';
  const segments = path.split('/');
  const skipped = segments.find((segment) => ALWAYS_SKIPPED.has(segment));
  if (skipped !== undefined) return `it lies in ${skipped}/, which is never part of the repository's files`;
  if (workspace.isIgnoredPath(path)) return 'densho.yaml\'s `ignore` excludes it';
  if (await isListed(path)) return undefined;
  // Not listed: either it does not exist, or .gitignore hides it. Only the folder is looked at, never the file.
  const folder = segments.slice(0, -1).join('/');
  const entries = await fs.readDirectory(folder);
  return entries.some((entry) => entry.kind === 'file' && entry.name === segments[segments.length - 1]) ? 'it is not one of the repository\'s files (.gitignore excludes it)' : 'missing';
}

/**
 * Whether `listRepositoryFiles` would list `path`, found without walking the
 * repository: the folders on its way must be real folders the .gitignore
 * files along the way do not exclude, and the file a real file.
 */
export async function isListedPath(fs: FileSystem, path: string): Promise<boolean> {
  const segments = path.split('/');
  let rules: { base: string; matcher: Ignore }[] = [];
  let dir = '';
  for (let depth = 0; depth < segments.length; depth++) {
    const entries = await fs.readDirectory(dir);
    if (entries.some((entry) => entry.name === '.gitignore' && entry.kind === 'file')) {
      const text = await readText(fs, join(dir, '.gitignore'));
      if (text !== undefined) rules = [...rules, { base: dir, matcher: ignore().add(text) }];
    }
    const name = segments[depth]!;
    const last = depth === segments.length - 1;
    const entry = entries.find((candidate) => candidate.name === name);
    if (!entry || entry.kind !== (last ? 'file' : 'directory') || ALWAYS_SKIPPED.has(name)) return false;
    const child = join(dir, name);
    if (isIgnored(child, !last, rules)) return false;
    dir = child;
  }
  return true;
}

/**
 * What a path is to Densho: the one decision that the CLI's load (while it
 * walks) and the language server's created, changed, opened and
 * reclassified files share. `excluded` when the repository's listing would
 * leave it out (the stack of .gitignore files along the path, `.git/`,
 * `node_modules/`); else `document` when the `docs` globs take it and
 * `ignore` does not; else `file`. It reads only the .gitignore files on the
 * way, never a directory's listing, so a burst of created files stays cheap.
 * A document's bytes are screened when it is read (readDocument: size,
 * binary, encoding).
 */
export async function classifyPath(fs: FileSystem, workspace: Workspace, path: string, isDirectory = false): Promise<'document' | 'file' | 'excluded'> {
  const segments = path.split('/');
  let rules: { base: string; matcher: Ignore }[] = [];
  for (let depth = 0; depth < segments.length; depth++) {
    const dir = segments.slice(0, depth).join('/');
    const text = await readText(fs, join(dir, '.gitignore'));
    if (text !== undefined) rules = [...rules, { base: dir, matcher: ignore().add(text) }];
    const name = segments[depth]!;
    const childIsDirectory = depth < segments.length - 1 || isDirectory;
    if ((childIsDirectory && ALWAYS_SKIPPED.has(name)) || isIgnored(join(dir, name), childIsDirectory, rules)) return 'excluded';
  }
  return isDirectory || !workspace.isDocumentPath(path) ? 'file' : 'document';
}

/**
 * Every file of the repository that git would not ignore, sorted. Files and
 * folders whose names are not valid UTF-8 cannot be opened by name: they go
 * to `onInvalidName` instead (with each invalid byte shown as U+FFFD).
 */
export async function listRepositoryFiles(fs: FileSystem, onInvalidName: (path: string) => void = () => undefined): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string, rules: readonly { base: string; matcher: Ignore }[]): Promise<void> => {
    const entries = await fs.readDirectory(dir);
    let scoped = rules;
    if (entries.some((entry) => entry.name === '.gitignore' && entry.kind === 'file')) {
      const text = await readText(fs, join(dir, '.gitignore'));
      if (text !== undefined) scoped = [...rules, { base: dir, matcher: ignore().add(text) }];
    }
    const subdirectories: string[] = [];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.kind === 'other' || (entry.kind === 'directory' && ALWAYS_SKIPPED.has(entry.name))) continue;
      if (isIgnored(path, entry.kind === 'directory', scoped)) continue;
      if (entry.invalidName) onInvalidName(path);
      else if (entry.kind === 'directory') subdirectories.push(path);
      else files.push(path);
    }
    await Promise.all(subdirectories.map((subdirectory) => walk(subdirectory, scoped)));
  };
  await walk('', []);
  return files.sort();
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/**
 * As Git decides: the deepest .gitignore with a rule about the path wins, so
 * `!b.md` in a subfolder brings back a file a parent's `*.md` ignores (a
 * folder that is ignored is never walked into, which Git does not undo either).
 */
function isIgnored(path: string, isDirectory: boolean, rules: readonly { base: string; matcher: Ignore }[]): boolean {
  for (let index = rules.length - 1; index >= 0; index--) {
    const { base, matcher } = rules[index]!;
    const relative = base === '' ? path : path.slice(base.length + 1);
    const verdict = matcher.test(isDirectory ? `${relative}/` : relative);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, action: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await action(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
