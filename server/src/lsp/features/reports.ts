/**
 * densho/coverage, densho/reviewSchedule, densho/knowledgeRisk, densho/skills:
 * the CLI's JSON, from the live workspace. densho/writeAuditReport and
 * densho/createPartnerCopy run `densho report` and `densho export` on the
 * folder's saved files, so the editor's exports are the CLI's, with the
 * same visibility model, refusals and exit codes.
 */
import { isAbsolute } from 'node:path';
import { ErrorCodes } from 'vscode-languageserver';
import { exportCommand } from '../../cli/commands/export';
import { reportCommand } from '../../cli/commands/report';
import { EXIT_USAGE, UsageError } from '../../cli/errors';
import type { CliIo } from '../../cli/io';
import { coverageReport, layerIndex, layerView, message, parseDuration, renderMessage, type Locale } from '../../engine';
import type { AuditReportParams, CommandResult, FolderReports, CoverageParams, CoverageReport, FolderParams, KnowledgeRisk, PartnerCopyParams, ReviewSchedule, ReviewScheduleParams, SkillsMatrix } from '../../protocol';
import type { ServerContext } from '../context';
import { refusal } from '../convert';
import type { DenshoFolder } from '../folder';
import { readyFolder } from './documentRequests';

export async function settledFolder(context: ServerContext, params: FolderParams | undefined): Promise<DenshoFolder> {
  const folder = await readyFolder(context, params);
  await folder.settled();
  return folder;
}

export async function coverage(context: ServerContext, params: CoverageParams | undefined): Promise<CoverageReport | null> {
  const folder = await settledFolder(context, params);
  const workspace = folder.workspace;
  if (params?.maxLayer === undefined) return params?.standard === undefined ? folder.reports().coverage : (workspace.coverage(params.standard, context.locale) ?? null);
  const maxLayer = layerIndex(workspace.config, params.maxLayer);
  if (maxLayer === undefined) throw refusal(ErrorCodes.InvalidParams, message('request.one-of', { name: 'maxLayer', allowed: workspace.config.layers, value: String(params.maxLayer) }), context.locale);
  const standard = params.standard ? workspace.standards.find((candidate) => candidate.id === params.standard) : workspace.standards[0];
  return standard ? coverageReport(standard, layerView(workspace, maxLayer).visible, workspace.today, context.locale) : null;
}

export async function writeAuditReport(context: ServerContext, params: AuditReportParams): Promise<CommandResult> {
  const folder = await settledFolder(context, params);
  const out = absolutePath(params.out, context.locale);
  const format = params.format === 'pdf' ? 'pdf' : 'html';
  return runCommand(folder.root, context.locale, (io) => reportCommand(io, folder.root, { format, out, maxLayer: params.maxLayer }));
}

export async function createPartnerCopy(context: ServerContext, params: PartnerCopyParams): Promise<CommandResult> {
  const folder = await settledFolder(context, params);
  const out = absolutePath(params.out, context.locale);
  return runCommand(folder.root, context.locale, (io) => exportCommand(io, folder.root, { maxLayer: String(params.maxLayer), out }));
}

function absolutePath(path: unknown, locale: Locale): string {
  if (typeof path !== 'string' || !isAbsolute(path)) throw refusal(ErrorCodes.InvalidParams, message('request.absolute-path', { name: 'out' }), locale);
  return path;
}

/**
 * Runs a CLI command in-process, as `densho --locale L` would (the report's labels and every line in the
 * client's language): a usage error is exit 2 with its message, never an exception to the client.
 */
export async function runCommand(cwd: string, locale: Locale, command: (io: CliIo) => Promise<number>): Promise<CommandResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false, locale };
  try {
    return { exitCode: await command(io), stdout, stderr };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { exitCode: EXIT_USAGE, stdout, stderr: `${stderr}densho: ${renderMessage(error.text, locale)}\n` };
  }
}

export async function reviewSchedule(context: ServerContext, params: ReviewScheduleParams | undefined): Promise<ReviewSchedule> {
  const folder = await settledFolder(context, params);
  const within = params?.within === undefined ? undefined : parseDuration(params.within);
  if (params?.within !== undefined && !within) throw refusal(ErrorCodes.InvalidParams, message('request.duration', { name: 'within', value: String(params.within) }), context.locale);
  return within ? folder.workspace.reviewSchedule(within) : folder.reports().reviewSchedule;
}

export async function knowledgeRisk(context: ServerContext, params: FolderParams | undefined): Promise<KnowledgeRisk> {
  const folder = await settledFolder(context, params);
  return folder.reports().knowledgeRisk;
}

export async function skills(context: ServerContext, params: FolderParams | undefined): Promise<SkillsMatrix> {
  const folder = await settledFolder(context, params);
  return folder.reports().skills;
}

/** The four reports of the views at once, as the last check left them (one computation per change, shared with the change notification). */
export async function reports(context: ServerContext, params: FolderParams | undefined): Promise<FolderReports> {
  const folder = await settledFolder(context, params);
  return folder.reports();
}
