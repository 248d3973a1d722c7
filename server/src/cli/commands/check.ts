import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors';
import { summarize, toJson, toSarif, toText } from '../format/diagnostics';
import { colorsFor, type CliIo } from '../io';
import { openRepository, parseChoice } from '../repository';

export interface CheckOptions {
  readonly format: string;
  readonly today?: string;
  readonly maxWarnings?: string;
}

export async function checkCommand(io: CliIo, dir: string | undefined, options: CheckOptions): Promise<number> {
  const format = parseChoice('--format', options.format, ['text', 'json', 'sarif'] as const);
  const maxWarnings = options.maxWarnings === undefined ? undefined : Number(options.maxWarnings);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) {
    throw new UsageError(`--max-warnings must be a whole number, not "${options.maxWarnings}"`);
  }
  const { root, workspace } = await openRepository(io, dir, options.today);
  const diagnostics = workspace.checkAll();
  const summary = summarize(diagnostics, workspace.documentPaths().length);
  if (format === 'json') io.stdout(toJson(root, diagnostics, summary));
  else if (format === 'sarif') io.stdout(toSarif(root, diagnostics));
  else io.stdout(toText(diagnostics, summary, colorsFor(io)));
  const tooManyWarnings = maxWarnings !== undefined && summary.warnings > maxWarnings;
  if (tooManyWarnings && format === 'text') io.stderr(`densho: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
  return summary.errors > 0 || tooManyWarnings ? EXIT_FINDINGS : EXIT_CLEAN;
}
