/**
 * `densho coverage`, `review`, `risk` and `skills`: the engine's reports,
 * rendered. With `--max-layer` each covers only the documents a reader of
 * that layer may see (the visibility model's view, as `report` and `export`
 * use it), so its output can be handed on.
 */
import { coverageReport, layerView, message, renderCoverageMatrix, renderSkillsMatrix, reviewSchedule, type IndexedDocument, type Workspace } from '../../engine';
import { EXIT_CLEAN, UsageError } from '../errors';
import { coverageCsv, coverageMarkdown, coverageText, reviewText, riskText } from '../format/reports';
import { skillsCsv, skillsMarkdown, skillsText } from '../format/skills';
import { colorsFor, localeOf, type CliIo } from '../io';
import { openRepository, parseChoice, parseWithin } from '../repository';
import { parseMaxLayer } from './report';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/** The documents a reader cleared up to `--max-layer` may see; every document without it. */
function visibleDocuments(workspace: Workspace, maxLayer: string | undefined): readonly IndexedDocument[] {
  return layerView(workspace, parseMaxLayer(workspace, maxLayer, false)).visible;
}

export async function coverageCommand(io: CliIo, dir: string | undefined, options: { format: string; standard?: string; today?: string; maxLayer?: string }): Promise<number> {
  const format = parseChoice('--format', options.format, ['text', 'json', 'md', 'csv', 'html'] as const);
  const { workspace } = await openRepository(io, dir, options.today);
  const documents = visibleDocuments(workspace, options.maxLayer);
  const standard = options.standard ? workspace.standards.find((candidate) => candidate.id === options.standard) : workspace.standards[0];
  // Clause titles in the reader's language (JIS Q 9001's in Japanese), in every format.
  const report = standard && coverageReport(standard, documents, workspace.today, localeOf(io));
  if (!report) {
    const known = workspace.standards.map((standard) => standard.id);
    throw new UsageError(message('usage.no-standard', { standard: options.standard ?? '', known: known.length > 0 ? known : undefined }));
  }
  const render = { text: () => coverageText(report, colorsFor(io), localeOf(io)), json: () => json(report), md: () => coverageMarkdown(report, localeOf(io)), csv: () => coverageCsv(report, localeOf(io)), html: () => renderCoverageMatrix(report, { locale: localeOf(io) }) };
  io.stdout(render[format]());
  return EXIT_CLEAN;
}

export async function reviewCommand(io: CliIo, dir: string | undefined, options: { format: string; within?: string; today?: string; maxLayer?: string }): Promise<number> {
  const format = parseChoice('--format', options.format, ['text', 'json'] as const);
  const within = parseWithin(options.within);
  const { workspace } = await openRepository(io, dir, options.today);
  const schedule = reviewSchedule(visibleDocuments(workspace, options.maxLayer), workspace.config, workspace.people, workspace.today, within);
  io.stdout(format === 'json' ? json(schedule) : reviewText(schedule, colorsFor(io), localeOf(io)));
  return EXIT_CLEAN;
}

export async function riskCommand(io: CliIo, dir: string | undefined, options: { format: string; today?: string; maxLayer?: string }): Promise<number> {
  const format = parseChoice('--format', options.format, ['text', 'json'] as const);
  const { workspace } = await openRepository(io, dir, options.today);
  const risk = workspace.knowledgeRisk(visibleDocuments(workspace, options.maxLayer));
  io.stdout(format === 'json' ? json(risk) : riskText(risk, colorsFor(io), localeOf(io)));
  return EXIT_CLEAN;
}

export async function skillsCommand(io: CliIo, dir: string | undefined, options: { format: string; today?: string; maxLayer?: string }): Promise<number> {
  const format = parseChoice('--format', options.format, ['text', 'json', 'md', 'csv', 'html'] as const);
  const { workspace } = await openRepository(io, dir, options.today);
  const matrix = options.maxLayer === undefined ? workspace.skills() : workspace.skills(visibleDocuments(workspace, options.maxLayer));
  const render = { text: () => skillsText(matrix, colorsFor(io), localeOf(io)), json: () => json(matrix), md: () => skillsMarkdown(matrix, localeOf(io)), csv: () => skillsCsv(matrix, localeOf(io)), html: () => renderSkillsMatrix(matrix, { locale: localeOf(io) }) };
  io.stdout(render[format]());
  return EXIT_CLEAN;
}
