/** `densho history` and `densho changes`: document control from Git. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { changesReport, historyReport, message, parseDay, type Day, type IndexedDocument, type RepositoryHistory, type Workspace } from '../../engine';
import { EXIT_CLEAN, UsageError } from '../errors';
import { changesText, historyCsv, historyMarkdown, historyText } from '../format/history';
import { colorsFor, localeOf, type CliIo } from '../io';
import { loadRepository, parseChoice, repositoryRoot } from '../repository';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export interface HistoryOptions {
  readonly format: string;
  readonly at?: string;
}

export async function historyCommand(io: CliIo, dirArgument: string | undefined, selectorArgument: string | undefined, options: HistoryOptions): Promise<number> {
  // `densho history SOP-WLD-004`: one argument that is not a folder is the document.
  const alone = selectorArgument === undefined && dirArgument !== undefined && !isDirectory(resolve(io.cwd, dirArgument));
  const [dir, selector] = alone ? ['.', dirArgument] : [dirArgument, selectorArgument];
  const format = parseChoice('--format', options.format, ['text', 'json', 'md', 'csv'] as const);
  const at = parseAtOption(options.at);
  const root = repositoryRoot(io, dir);
  const { workspace } = await loadRepository(root, undefined, { history: true });
  const history = requireHistory(workspace);
  const documents = selector === undefined ? [...workspace.index.documents] : selectDocuments(io, root, workspace, selector);
  const report = historyReport(root, history, documents, at);
  const render = { text: () => historyText(report, colorsFor(io), localeOf(io)), json: () => json(report), md: () => historyMarkdown(report, localeOf(io)), csv: () => historyCsv(report, localeOf(io)) };
  io.stdout(render[format]());
  return EXIT_CLEAN;
}

export interface ChangesOptions {
  readonly format: string;
  readonly sinceVersion?: string;
}

export async function changesCommand(io: CliIo, file: string, options: ChangesOptions): Promise<number> {
  const format = parseChoice('--format', options.format, ['text', 'json'] as const);
  const sinceVersion = options.sinceVersion === undefined ? undefined : Number(options.sinceVersion);
  if (sinceVersion !== undefined && (!Number.isSafeInteger(sinceVersion) || sinceVersion < 1)) throw new UsageError(message('usage.positive-number', { option: '--since-version', value: options.sinceVersion! }));
  const absolute = resolve(io.cwd, file);
  const root = repositoryRoot(io, findRoot(absolute, io.cwd));
  const { workspace } = await loadRepository(root, undefined, { history: true });
  const history = requireHistory(workspace);
  const document = workspace.document(toRepositoryPath(root, absolute));
  if (!document) throw new UsageError(message('usage.not-a-document', { root, file }));
  const report = changesReport(workspace, history, document, sinceVersion);
  if ('problem' in report) throw new UsageError(report.problem);
  io.stdout(format === 'json' ? json(report) : changesText(report, colorsFor(io), localeOf(io)));
  return EXIT_CLEAN;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `--at DATE` of `history` and `report`: a day, or exit 2. */
export function parseAtOption(value: string | undefined): Day | undefined {
  const at = value === undefined ? undefined : parseDay(value);
  if (value !== undefined && at === undefined) throw new UsageError(message('usage.date', { option: '--at', value }));
  return at;
}

/** exit 2 with the one-line reason when there is no history. */
export function requireHistory(workspace: Workspace): RepositoryHistory {
  const history = workspace.history;
  if (!history) throw new UsageError(message('usage.no-history', { why: workspace.historyUnavailable ?? message('history.not-read') }));
  return history;
}

/** A FILE (relative to the working directory) or an ID (every language of it). */
function selectDocuments(io: CliIo, root: string, workspace: Workspace, selector: string): IndexedDocument[] {
  const byFile = workspace.document(toRepositoryPath(root, resolve(io.cwd, selector))) ?? workspace.document(selector.split(sep).join('/'));
  if (byFile) return [byFile];
  const byId = workspace.index.withId(selector);
  if (byId.length > 0) return [...byId];
  throw new UsageError(message('usage.no-document', { selector }));
}

function toRepositoryPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}

/**
 * The repository a FILE belongs to: the nearest folder above it with a
 * densho.yaml, up to the Git work tree's top; else the working directory.
 */
function findRoot(absolute: string, cwd: string): string {
  for (let dir = dirname(absolute); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'densho.yaml'))) return dir;
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}
