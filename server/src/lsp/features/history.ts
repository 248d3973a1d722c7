/** densho/history, densho/changes and densho/revisionText: the CLI's JSON, from the live workspace (the editor's buffers included). */
import { ErrorCodes } from 'vscode-languageserver';
import { changesReport, historyReport, message, parseDay, type Locale, type RepositoryHistory } from '../../engine';
import type { ChangesParams, ChangesReport, HistoryParams, HistoryReport, RevisionTextParams } from '../../protocol';
import type { ServerContext } from '../context';
import { refusal } from '../convert';
import type { DenshoFolder } from '../folder';

function historyOf(folder: DenshoFolder, locale: Locale): RepositoryHistory {
  const history = folder.workspace.history;
  if (!history) throw refusal(ErrorCodes.InvalidRequest, message('request.no-history', { reason: folder.workspace.historyUnavailable ?? message('history.not-read') }), locale);
  return history;
}

export async function history(context: ServerContext, params: HistoryParams | undefined): Promise<HistoryReport> {
  const at = params?.at === undefined ? undefined : parseDay(params.at);
  if (params?.at !== undefined && at === undefined) throw refusal(ErrorCodes.InvalidParams, message('request.bad-date', { name: 'at', value: String(params.at) }), context.locale);
  const selector = params?.document;
  const located = typeof selector === 'string' && selector.includes(':') ? await context.locate(selector) : undefined;
  const folder = located?.folder ?? (await context.folderFor(params?.folder));
  if (!folder) throw refusal(ErrorCodes.InvalidParams, message('request.no-folder'), context.locale);
  await folder.settled();
  const workspace = folder.workspace;
  const documents = located ? [workspace.document(located.path)].filter((document) => document !== undefined) : selector ? [...workspace.index.withId(selector)] : [...workspace.index.documents];
  if (selector !== undefined && documents.length === 0) throw refusal(ErrorCodes.InvalidParams, message('request.no-such-document', { selector: String(selector) }), context.locale);
  return historyReport(folder.root, historyOf(folder, context.locale), documents, at);
}

export async function changes(context: ServerContext, params: ChangesParams): Promise<ChangesReport> {
  const located = typeof params?.uri === 'string' ? await context.locate(params.uri) : undefined;
  if (!located) throw refusal(ErrorCodes.InvalidParams, message('request.uri-not-document'), context.locale);
  await located.folder.settled();
  const document = located.folder.workspace.document(located.path);
  if (!document) throw refusal(ErrorCodes.InvalidParams, message('request.not-a-document', { file: located.path }), context.locale);
  const since = params.sinceVersion;
  if (since !== undefined && !(Number.isSafeInteger(since) && since > 0)) throw refusal(ErrorCodes.InvalidParams, message('request.positive-integer', { name: 'sinceVersion' }), context.locale);
  const report = changesReport(located.folder.workspace, historyOf(located.folder, context.locale), document, since);
  if ('problem' in report) throw refusal(ErrorCodes.InvalidRequest, report.problem, context.locale);
  return report;
}

/** densho/revisionText: what the editor's read-only view of an old revision shows, from the history already read (no git run here). */
export async function revisionText(context: ServerContext, params: RevisionTextParams): Promise<string> {
  const located = typeof params?.uri === 'string' ? await context.locate(params.uri) : undefined;
  if (!located) throw refusal(ErrorCodes.InvalidParams, message('request.uri-not-document'), context.locale);
  if (typeof params.commit !== 'string' || !/^[0-9a-f]{40,64}$/.test(params.commit)) throw refusal(ErrorCodes.InvalidParams, message('request.commit-id'), context.locale);
  await located.folder.settled();
  const documentHistory = historyOf(located.folder, context.locale).of(located.path);
  const text = documentHistory?.textAtCommit(params.commit);
  if (text === undefined) throw refusal(ErrorCodes.InvalidRequest, message('request.no-revision', { file: located.path, commit: params.commit.slice(0, 12) }), context.locale);
  return text;
}
