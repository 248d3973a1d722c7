/**
 * Loads a repository into a Workspace through the file system port:
 * densho.yaml, custom standards, people.yaml, then every file (honouring
 * .gitignore) with the documents read and parsed.
 */
import ignore, { type Ignore } from 'ignore';
import { CONFIG_FILE } from './config';
import type { FileSystem } from './fileSystem';
import type { CheckCache } from './cache/checkCache';
import type { ParsedDocument } from './parse';
import { inlineParser, type DocumentParser } from './parsing/documentParser';
import { ParserPool } from './parsing/parserPool';
import { Workspace, type WorkspaceOptions } from './workspace';
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

export async function readText(fs: FileSystem, path: string): Promise<string | undefined> {
  const bytes = await fs.readFile(path);
  return bytes === undefined ? undefined : decodeText(bytes);
}

export interface LoadOptions extends WorkspaceOptions {
  /**
   * Who parses the documents. By default this thread for a small repository
   * and a pool of worker threads for a large one (when the worker script is
   * bundled beside the running code).
   */
  readonly parser?: DocumentParser;
  /** Worker threads for a large repository; 0 parses on this thread. Defaults to one per core. */
  readonly threads?: number;
  /** Parses (and results) from an earlier run; documents whose text it knows are not parsed again. */
  readonly cache?: CheckCache;
  /** Where document history comes from; without one the history rules stay silent. */
  readonly history?: HistorySource;
}

export async function loadWorkspace(fs: FileSystem, options: LoadOptions = {}): Promise<Workspace> {
  const workspace = new Workspace(options);
  await loadSettings(fs, workspace);
  // Git reads the log while the documents are read and parsed.
  const history = options.history && workspace.config.history ? loadHistory(options.history, workspace, options.cache) : undefined;
  if (!workspace.config.history) workspace.setHistory({ unavailable: 'history is off (`history: false` in densho.yaml)' });
  else if (!options.history) workspace.setHistory({ unavailable: 'history was not asked for' });
  const files = await listRepositoryFiles(fs);
  const documents: string[] = [];
  for (const file of files) {
    if (workspace.isDocumentPath(file)) documents.push(file);
    else workspace.addFile(file);
  }
  const pool = options.parser || options.threads === 0 || documents.length < PARALLEL_FROM ? undefined : ParserPool.start({ threads: options.threads });
  const parser = options.parser ?? pool ?? inlineParser;
  try {
    const parsed = await readDocuments(fs, workspace, documents, options.cache ? options.cache.parser(parser) : parser);
    for (const document of parsed) if (document) workspace.setParsedDocument(document);
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

/**
 * Reads and parses documents, in parallel when the parser allows, and
 * answers in the order asked: the workspace then holds them in the same order
 * whichever thread finished first, so results never depend on timing.
 * A file deleted since the directory was listed is simply absent.
 */
export async function readDocuments(fs: FileSystem, workspace: Workspace, paths: readonly string[], parser: DocumentParser): Promise<(ParsedDocument | undefined)[]> {
  const results: (ParsedDocument | undefined)[] = new Array(paths.length).fill(undefined);
  const pending: Promise<void>[] = [];
  const finish = (position: number, parsed: ParsedDocument | undefined): void => {
    results[position] = parsed;
  };
  await forEachConcurrently(
    paths.map((path, position) => ({ path, position })),
    READ_CONCURRENCY,
    async ({ path, position }) => {
      const bytes = await fs.readFile(path);
      if (bytes === undefined) return finish(position, undefined);
      const screened = workspace.screenDocumentBytes(path, bytes);
      if (typeof screened !== 'string') return finish(position, screened);
      // Not awaited here: reading goes on while the workers parse.
      pending.push(parser.parse(path, screened).then((parsed) => finish(position, parsed)));
    },
  );
  await Promise.all(pending);
  return results;
}

/** (Re)reads densho.yaml, the custom standards it names and the people registry. */
export async function loadSettings(fs: FileSystem, workspace: Workspace): Promise<void> {
  workspace.setConfigText(await readText(fs, CONFIG_FILE));
  for (const path of workspace.customStandardPaths()) {
    workspace.setStandardText(path, await readText(fs, path));
  }
  workspace.setPeopleText(workspace.config.people, await readText(fs, workspace.config.people));
}

/** Every file of the repository that git would not ignore, sorted. */
export async function listRepositoryFiles(fs: FileSystem): Promise<string[]> {
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
      if (entry.kind === 'directory') subdirectories.push(path);
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

function isIgnored(path: string, isDirectory: boolean, rules: readonly { base: string; matcher: Ignore }[]): boolean {
  for (const { base, matcher } of rules) {
    const relative = base === '' ? path : path.slice(base.length + 1);
    if (matcher.ignores(isDirectory ? `${relative}/` : relative)) return true;
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
