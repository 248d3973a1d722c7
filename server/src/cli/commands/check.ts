import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyUnattendedFixes, message, renderMessage, terminalText, unmatchedDocumentGlobs, type CacheStatistics, type Diagnostic, type Locale, type Message, type Workspace } from '../../engine';
import { CACHE_ENGINE_KEY, cacheDirectory, readCacheFile, writeCacheFile } from '../../node';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors';
import { applyBaseline, fingerprint, readBaseline, writeBaseline } from '../baseline';
import { summarize, toCodeQuality, toGithub, toJson, toSarif, toText } from '../format/diagnostics';
import { colorsFor, localeOf, type CliIo } from '../io';
import { ProgressLine } from '../progress';
import { replaceFile } from '../../node/safeWrite';
import { checkTarget, inScope, loadRepository, pathFromGitTop, parseChoice, parseCount } from '../repository';

export interface CheckOptions {
  readonly format: string;
  readonly today?: string;
  readonly maxWarnings?: string;
  readonly cache?: boolean;
  readonly cacheLocation?: string;
  readonly threads?: string;
  readonly verbose?: boolean;
  readonly fix?: boolean;
  readonly baseline?: string;
  readonly updateBaseline?: boolean;
}

const FORMATS = ['text', 'json', 'sarif', 'github', 'codequality'] as const;

export async function checkCommand(io: CliIo, dir: string | undefined, options: CheckOptions): Promise<number> {
  const format = parseChoice('--format', options.format, FORMATS);
  if (options.updateBaseline && options.baseline === undefined) throw new UsageError(message('usage.update-baseline'));
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(message('usage.whole-number', { option: '--max-warnings', value: options.maxWarnings! }));
  }
  const threads = parseCount('--threads', options.threads);
  const locale = localeOf(io);
  const useCache = options.cache === true || options.cacheLocation !== undefined;
  const { root, scope } = checkTarget(io, dir);
  const cacheFolder = useCache ? cacheDirectory(root, options.cacheLocation) : undefined;
  const cache = cacheFolder === undefined ? undefined : readCacheFile(cacheFolder, CACHE_ENGINE_KEY, root);
  const progress = ProgressLine.for(io);
  const { workspace } = await loadRepository(root, options.today, { threads, cache, history: true, onProgress: (done, total) => progress?.update('reading', done, total) });
  const documents = workspace.documentPaths().filter((path) => inScope(path, scope));
  refuseEmptyRun(workspace, documents, scope);
  if (options.fix) {
    // With json or sarif, stdout is for machines: what changed goes to stderr.
    const report = format === 'text' ? io.stdout : io.stderr;
    report(fixDocuments(root, workspace, documents, locale));
  }
  const onChecked = (done: number, total: number) => progress?.update('checking', done, total);
  const found = inScopeOnly(cache ? cache.checkAll(workspace, onChecked) : workspace.checkAll(onChecked), scope);
  progress?.finish();
  const baselinePath = options.baseline === undefined ? undefined : resolve(io.cwd, options.baseline);
  let diagnostics = found;
  if (baselinePath !== undefined) {
    const previous = existsSync(baselinePath) || !options.updateBaseline ? readBaseline(baselinePath, options.baseline!) : undefined;
    if (options.updateBaseline) {
      const count = writeBaseline(baselinePath, workspace, found, previous, (file) => inScope(file, scope) || found.some((diagnostic) => diagnostic.file === file), locale);
      io.stderr(`${renderMessage(message('check.baseline-written', { count, file: options.baseline! }), locale)}\n`);
      diagnostics = [];
    } else {
      const { fresh, known } = applyBaseline(workspace, found, previous!);
      diagnostics = fresh;
      if (known.length > 0 && format === 'text') io.stderr(`${renderMessage(message('check.baseline-hidden', { count: known.length, file: options.baseline! }), locale)}\n`);
    }
  }
  if (cache && cacheFolder !== undefined) {
    try {
      writeCacheFile(cacheFolder, cache, root);
    } catch (error) {
      // A read-only checkout still gets its results; only the next run is slower.
      io.stderr(`${terminalText(renderMessage(message('check.cache-write-failed', { folder: cacheFolder, error: error instanceof Error ? error.message : String(error) }), locale))}\n`);
    }
  }
  if (options.verbose) io.stderr([...describeRun(documents.length, cache?.statistics), describeHistory(workspace)].map((line) => `${terminalText(renderMessage(line, localeOf(io)))}\n`).join(''));
  const summary = summarize(diagnostics, documents.length);
  if (format === 'json') io.stdout(toJson(root, diagnostics, summary, locale));
  else if (format === 'sarif') io.stdout(toSarif(root, diagnostics, locale, baselinePath !== undefined));
  else if (format === 'github') io.stdout(toGithub(diagnostics, locale, pathFromGitTop(root)));
  else if (format === 'codequality') io.stdout(toCodeQuality(diagnostics, (diagnostic) => fingerprint(workspace, diagnostic), locale, pathFromGitTop(root)));
  else io.stdout(toText(diagnostics, summary, colorsFor(io), locale));
  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  if (tooManyWarnings && format === 'text') io.stderr(`${renderMessage(message('check.too-many-warnings', { count: summary.warnings, limit: maxWarnings }), locale)}\n`);
  return summary.errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_CLEAN;
}

/**
 * `--fix`: applies the unattended fixes, writes each changed document back
 * (never through a link, never over a file changed meanwhile) and says what
 * changed per file. A document that cannot be written goes back to its text
 * on disk, so what is reported next is what the files say.
 */
function fixDocuments(root: string, workspace: Workspace, documents: readonly string[], locale: Locale): string {
  const originals = new Map(documents.map((path) => [path, rawText(workspace, path)]));
  const { texts, applied } = applyUnattendedFixes(workspace, documents);
  const lines: string[] = [];
  for (const [path, text] of texts) {
    const original = originals.get(path)!;
    try {
      replaceFile(root, path, text, original);
    } catch (error) {
      workspace.setDocument(path, original);
      lines.push(renderMessage(message('check.not-fixed', { file: terminalText(path), error: error instanceof Error ? terminalText(error.message) : String(error) }), locale));
      continue;
    }
    const fixes = applied.filter((fix) => fix.file === path);
    lines.push(renderMessage(message('check.fixes-in-file', { file: terminalText(path), count: fixes.length }), locale));
    for (const fix of fixes) lines.push(`  ${terminalText(renderMessage(fix.title, locale))}  (${fix.rule})`);
  }
  lines.push(renderMessage(texts.size === 0 ? message('check.nothing-to-fix') : message('check.files-fixed', { count: texts.size }), locale));
  return `${lines.join('\n')}\n\n`;
}

function rawText(workspace: Workspace, path: string): string {
  const parsed = workspace.document(path)?.parsed;
  return parsed ? (parsed.bom ? '\ufeff' : '') + parsed.text : '';
}

/**
 * A run that checks nothing must not pass: a mistyped `docs` glob, or a
 * folder without documents, is a usage error that names what matched nothing.
 */
function refuseEmptyRun(workspace: Workspace, documents: readonly string[], scope: string): void {
  const unmatched = unmatchedDocumentGlobs(workspace.config, workspace.documentPaths());
  if (unmatched.length > 0) {
    throw new UsageError(message(unmatched.length === 1 ? 'usage.unmatched-glob' : 'usage.unmatched-globs', { globs: unmatched }));
  }
  if (documents.length === 0) throw new UsageError(message('usage.no-documents-under', { scope }));
}

/**
 * Checking a subfolder reports the findings of its files; the repository's
 * own (densho.yaml, people.yaml, coverage gaps) belong to a check of the root,
 * except an invalid configuration, which decides what every check means.
 */
function inScopeOnly(diagnostics: readonly Diagnostic[], scope: string): Diagnostic[] {
  if (scope === '') return [...diagnostics];
  return diagnostics.filter((diagnostic) => inScope(diagnostic.file, scope) || diagnostic.rule === 'config/invalid');
}

/** Said once: why the history rules were silent, for the whole repository or for documents never committed. */
function describeHistory(workspace: Workspace): Message {
  const history = workspace.history;
  if (!history) return message('check.verbose-no-history', { reason: workspace.historyUnavailable ?? message('history.not-read') });
  const commit = history.head.slice(0, 12);
  const uncommitted = workspace.documentPaths().filter((path) => !history.of(path)).length;
  return uncommitted > 0 ? message('check.verbose-history-uncommitted', { commit, count: uncommitted }) : message('check.verbose-history', { commit });
}

function describeRun(documents: number, statistics: CacheStatistics | undefined): Message[] {
  if (!statistics) return [message('check.verbose-parsed', { count: documents })];
  const lines: Message[] = [message('check.verbose-cache', { parsesReused: statistics.parsesReused, unread: statistics.unread, parsed: statistics.parsed, checksReused: statistics.checksReused, checked: statistics.checked })];
  if (statistics.discarded) lines.push(message('check.verbose-cache-discarded', { detail: statistics.discarded }));
  if (statistics.historyReused) lines.push(message('check.verbose-history-reused'));
  return lines;
}
