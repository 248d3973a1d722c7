/** densho/history, densho/changes and densho/revisionText: the CLI's JSON, from the live workspace (the editor's buffers included). */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { changesReport, historyReport, parseDay, renderMessage, type RepositoryHistory } from '../../engine';
import type { ChangesParams, ChangesReport, HistoryParams, HistoryReport, RevisionTextParams } from '../../protocol';
import type { ServerContext } from '../context';
import type { DenshoFolder } from '../folder';

function historyOf(folder: DenshoFolder): RepositoryHistory {
  const history = folder.workspace.history;
  if (!history) throw new ResponseError(ErrorCodes.InvalidRequest, `No document history: ${folder.workspace.historyUnavailable}.`);
  return history;
}

export async function history(context: ServerContext, params: HistoryParams | undefined): Promise<HistoryReport> {
  const at = params?.at === undefined ? undefined : parseDay(params.at);
  if (params?.at !== undefined && at === undefined) throw new ResponseError(ErrorCodes.InvalidParams, `at must be a date YYYY-MM-DD, not "${params.at}".`);
  const selector = params?.document;
  const located = typeof selector === 'string' && selector.includes(':') ? await context.locate(selector) : undefined;
  const folder = located?.folder ?? (await context.folderFor(params?.folder));
  if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, 'No workspace folder is open.');
  await folder.settled();
  const workspace = folder.workspace;
  const documents = located ? [workspace.document(located.path)].filter((document) => document !== undefined) : selector ? [...workspace.index.withId(selector)] : [...workspace.index.documents];
  if (selector !== undefined && documents.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, `No document with the id or URI "${selector}".`);
  return historyReport(folder.root, historyOf(folder), documents, at);
}

export async function changes(context: ServerContext, params: ChangesParams): Promise<ChangesReport> {
  const located = typeof params?.uri === 'string' ? await context.locate(params.uri) : undefined;
  if (!located) throw new ResponseError(ErrorCodes.InvalidParams, 'uri must name a document of a workspace folder.');
  await located.folder.settled();
  const document = located.folder.workspace.document(located.path);
  if (!document) throw new ResponseError(ErrorCodes.InvalidParams, `${located.path} is not a document.`);
  const since = params.sinceVersion;
  if (since !== undefined && !(Number.isSafeInteger(since) && since > 0)) throw new ResponseError(ErrorCodes.InvalidParams, 'sinceVersion must be a positive whole number.');
  const report = changesReport(located.folder.workspace, historyOf(located.folder), document, since);
  if ('problem' in report) throw new ResponseError(ErrorCodes.InvalidRequest, `${renderMessage(report.problem, context.locale)}.`);
  return report;
}

/** densho/revisionText: what the editor's read-only view of an old revision shows, from the history already read (no git run here). */
export async function revisionText(context: ServerContext, params: RevisionTextParams): Promise<string> {
  const located = typeof params?.uri === 'string' ? await context.locate(params.uri) : undefined;
  if (!located) throw new ResponseError(ErrorCodes.InvalidParams, 'uri must name a document of a workspace folder.');
  if (typeof params.commit !== 'string' || !/^[0-9a-f]{40,64}$/.test(params.commit)) throw new ResponseError(ErrorCodes.InvalidParams, 'commit must be a full commit id (40 hex digits).');
  await located.folder.settled();
  const documentHistory = historyOf(located.folder).of(located.path);
  const text = documentHistory?.textAtCommit(params.commit);
  if (text === undefined) throw new ResponseError(ErrorCodes.InvalidRequest, `${located.path} has no revision at commit ${params.commit.slice(0, 12)}.`);
  return text;
}
