import { CACHE_ENGINE_KEY, cacheDirectory, readCacheFile, writeCacheFile, type CacheStatistics, type Workspace } from '../../engine';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors';
import { summarize, toJson, toSarif, toText } from '../format/diagnostics';
import { colorsFor, type CliIo } from '../io';
import { loadRepository, parseChoice, parseCount, repositoryRoot } from '../repository';

export interface CheckOptions {
  readonly format: string;
  readonly today?: string;
  readonly maxWarnings?: string;
  readonly cache?: boolean;
  readonly cacheLocation?: string;
  readonly threads?: string;
  readonly verbose?: boolean;
}

export async function checkCommand(io: CliIo, dir: string | undefined, options: CheckOptions): Promise<number> {
  const format = parseChoice('--format', options.format, ['text', 'json', 'sarif'] as const);
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`--max-warnings must be a whole number, not "${options.maxWarnings}"`);
  }
  const threads = parseCount('--threads', options.threads);
  const useCache = options.cache === true || options.cacheLocation !== undefined;
  const root = repositoryRoot(io, dir);
  const cacheFolder = useCache ? cacheDirectory(root, options.cacheLocation) : undefined;
  const cache = cacheFolder === undefined ? undefined : readCacheFile(cacheFolder, CACHE_ENGINE_KEY);
  const { workspace } = await loadRepository(root, options.today, { threads, cache, history: true });
  const diagnostics = cache ? cache.checkAll(workspace) : workspace.checkAll();
  if (cache && cacheFolder !== undefined) {
    try {
      writeCacheFile(cacheFolder, cache);
    } catch (error) {
      // A read-only checkout still gets its results; only the next run is slower.
      io.stderr(`densho: could not write the cache in ${cacheFolder}: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  if (options.verbose) io.stderr(describeRun(workspace.documentPaths().length, cache?.statistics) + describeHistory(workspace));
  const summary = summarize(diagnostics, workspace.documentPaths().length);
  if (format === 'json') io.stdout(toJson(root, diagnostics, summary));
  else if (format === 'sarif') io.stdout(toSarif(root, diagnostics));
  else io.stdout(toText(diagnostics, summary, colorsFor(io)));
  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  if (tooManyWarnings && format === 'text') io.stderr(`densho: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  return summary.errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_CLEAN;
}

/** Said once: why the history rules were silent, for the whole repository or for documents never committed. */
function describeHistory(workspace: Workspace): string {
  const history = workspace.history;
  if (!history) return `densho: no document history: ${workspace.historyUnavailable}; version/* and approval/outdated were not checked\n`;
  const uncommitted = workspace.documentPaths().filter((path) => !history.of(path)).length;
  const counted = uncommitted === 1 ? '1 document is' : `${uncommitted} documents are`;
  return `densho: history read at commit ${history.head.slice(0, 12)}${uncommitted > 0 ? `; ${counted} not committed yet, so history rules skipped them` : ''}\n`;
}

function describeRun(documents: number, statistics: CacheStatistics | undefined): string {
  if (!statistics) return `densho: ${documents} documents parsed and checked (no cache)\n`;
  const lines = [`densho: cache: ${statistics.parsesReused} parses reused, ${statistics.parsed} parsed; ${statistics.checksReused} results reused, ${statistics.checked} ${statistics.checked === 1 ? 'document' : 'documents'} checked`];
  if (statistics.discarded) lines.push(`densho: the cache file was not used: ${statistics.discarded}`);
  if (statistics.historyReused) lines.push('densho: cache: document history reused (HEAD has not moved)');
  return `${lines.join('\n')}\n`;
}
