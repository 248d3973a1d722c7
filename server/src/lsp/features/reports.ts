/** densho/coverage, densho/reviewSchedule, densho/knowledgeRisk, densho/skills: the CLI's JSON, from the live workspace. */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { parseDuration } from '../../engine';
import type { CoverageParams, CoverageReport, FolderParams, KnowledgeRisk, ReviewSchedule, ReviewScheduleParams, SkillsMatrix } from '../../protocol';
import type { ServerContext } from '../context';
import type { DenshoFolder } from '../folder';

async function settledFolder(context: ServerContext, params: FolderParams | undefined): Promise<DenshoFolder> {
  const folder = await context.folderFor(params?.folder);
  if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, params?.folder ? `${params.folder} is not a workspace folder.` : 'No workspace folder is open.');
  await folder.settled();
  return folder;
}

export async function coverage(context: ServerContext, params: CoverageParams | undefined): Promise<CoverageReport | null> {
  const folder = await settledFolder(context, params);
  return folder.workspace.coverage(params?.standard) ?? null;
}

export async function reviewSchedule(context: ServerContext, params: ReviewScheduleParams | undefined): Promise<ReviewSchedule> {
  const folder = await settledFolder(context, params);
  const within = params?.within === undefined ? undefined : parseDuration(params.within);
  if (params?.within !== undefined && !within) throw new ResponseError(ErrorCodes.InvalidParams, `within must be a duration such as 30d, 6w, 3m or 1y, not "${params.within}".`);
  return folder.workspace.reviewSchedule(within);
}

export async function knowledgeRisk(context: ServerContext, params: FolderParams | undefined): Promise<KnowledgeRisk> {
  const folder = await settledFolder(context, params);
  return folder.workspace.knowledgeRisk();
}

export async function skills(context: ServerContext, params: FolderParams | undefined): Promise<SkillsMatrix> {
  const folder = await settledFolder(context, params);
  return folder.workspace.skills();
}
