/**
 * Loads a repository into a Workspace through the file system port:
 * densho.yaml, custom standards, people.yaml, then every file (honouring
 * .gitignore) with the documents read and parsed.
 */
import ignore, { type Ignore } from 'ignore';
import { CONFIG_FILE } from './config';
import { FileTooLargeError, UnreadableFileError, type FileSystem } from './fileSystem';
import { SETTINGS_SIZE_CEILING } from './limits';
import { unreadableDocument } from './parse';
import type { CheckCache } from './cache/checkCache';
import type { ParsedDocument } from './parse';
import { inlineParser, type DocumentParser } from './parsing/documentParser';
import { ParserPool } from './parsing/parserPool';
import { Workspace, type WorkspaceOptions } from './workspace';

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
export async function readSettingsText(fs: FileSystem, path: string): Promise<{ readonly text?: string; readonly problem?: string }> {
  try {
    const bytes = await fs.readFile(path, SETTINGS_SIZE_CEILING);
    return { text: bytes === undefined ? undefined : decodeText(bytes) };
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      return { problem: `${path} is ${(error.size / 1024 / 1024).toFixed(1)} MB, over the ${SETTINGS_SIZE_CEILING / 1024 / 1024} MB a settings file may have; it was not read.` };
    }
    if (error instanceof UnreadableFileError) return { problem: `${path} cannot be read (${error.code}); what it sets was not applied.` };
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
  /** Worker threads for a large repository; 0 parses on this thread. Defaults to one per core. */
  readonly threads?: number;
  /** Parses (and results) from an earlier run; documents whose text it knows are not parsed again. */
  readonly cache?: CheckCache;
}

export async function loadWorkspace(fs: FileSystem, options: LoadOptions = {}): Promise<Workspace> {
  const workspace = new Workspace(options);
  await loadSettings(fs, workspace);
  const invalidNames: string[] = [];
  const files = await listRepositoryFiles(fs, (path) => invalidNames.push(path));
  for (const path of invalidNames) {
    // Nothing can open such a file; said once for a document, or for a folder that may hold documents.
    if (workspace.isDocumentPath(path) || workspace.isDocumentPath(`${path}/x.md`)) {
      workspace.setParsedDocument(unreadableDocument(path, { rule: 'file/unreadable', message: INVALID_NAME_MESSAGE }));
    }
  }
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
  return workspace;
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

/** (Re)reads densho.yaml, the custom standards it names and the people registry. */
export async function loadSettings(fs: FileSystem, workspace: Workspace): Promise<void> {
  workspace.clearUnreadableSettings();
  const read = async (path: string): Promise<string | undefined> => {
    const { text, problem } = await readSettingsText(fs, path);
    if (problem !== undefined) workspace.setUnreadableSettings(path, problem);
    return text;
  };
  workspace.setConfigText(await read(CONFIG_FILE));
  for (const path of workspace.customStandardPaths()) {
    workspace.setStandardText(path, await read(path));
  }
  workspace.setPeopleText(workspace.config.people, await read(workspace.config.people));
}

const INVALID_NAME_MESSAGE = 'This name is not valid UTF-8 (each ? stands for a byte that is not), so no tool can open it by name; it was not checked. Rename it.';

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
