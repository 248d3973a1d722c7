/** `densho coverage`, `review`, `risk` and `skills`: the engine's reports, rendered. */
import { renderCoverageMatrix, renderSkillsMatrix } from '../../engine';
import { EXIT_CLEAN, UsageError } from '../errors';
import { coverageCsv, coverageMarkdown, coverageText, reviewText, riskText } from '../format/reports';
import { skillsCsv, skillsMarkdown, skillsText } from '../format/skills';
import { colorsFor, type CliIo } from '../io';
import { openRepository, parseChoice, parseWithin } from '../repository';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export async function coverageCommand(io: CliIo, dir: string | undefined, options: { format: string; standard?: string; today?: string }): Promise<number> {
  const format = parseChoice('--format', options.format, ['text', 'json', 'md', 'csv', 'html'] as const);
  const { workspace } = await openRepository(io, dir, options.today);
  const report = workspace.coverage(options.standard);
  if (!report) {
    const known = workspace.standards.map((standard) => standard.id).join(', ') || 'none';
    throw new UsageError(`no standard "${options.standard}" in this repository (configured: ${known})`);
  }
  const render = { text: () => coverageText(report, colorsFor(io)), json: () => json(report), md: () => coverageMarkdown(report), csv: () => coverageCsv(report), html: () => renderCoverageMatrix(report) };
  io.stdout(render[format]());
  return EXIT_CLEAN;
}

export async function reviewCommand(io: CliIo, dir: string | undefined, options: { format: string; within?: string; today?: string }): Promise<number> {
  const format = parseChoice('--format', options.format, ['text', 'json'] as const);
  const within = parseWithin(options.within);
  const { workspace } = await openRepository(io, dir, options.today);
  const schedule = workspace.reviewSchedule(within);
  io.stdout(format === 'json' ? json(schedule) : reviewText(schedule, colorsFor(io)));
  return EXIT_CLEAN;
}

export async function riskCommand(io: CliIo, dir: string | undefined, options: { format: string; today?: string }): Promise<number> {
  const format = parseChoice('--format', options.format, ['text', 'json'] as const);
  const { workspace } = await openRepository(io, dir, options.today);
  const risk = workspace.knowledgeRisk();
  io.stdout(format === 'json' ? json(risk) : riskText(risk, colorsFor(io)));
  return EXIT_CLEAN;
}

export async function skillsCommand(io: CliIo, dir: string | undefined, options: { format: string; today?: string }): Promise<number> {
  const format = parseChoice('--format', options.format, ['text', 'json', 'md', 'csv', 'html'] as const);
  const { workspace } = await openRepository(io, dir, options.today);
  const matrix = workspace.skills();
  const render = { text: () => skillsText(matrix, colorsFor(io)), json: () => json(matrix), md: () => skillsMarkdown(matrix), csv: () => skillsCsv(matrix), html: () => renderSkillsMatrix(matrix) };
  io.stdout(render[format]());
  return EXIT_CLEAN;
}
