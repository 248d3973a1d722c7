/** densho/markReviewed: the engine's one edit setting `reviewed` to today, as a WorkspaceEdit for the client to apply. */
import { ErrorCodes } from 'vscode-languageserver';
import { formatDay, markReviewedEdit } from '../../engine';
import type { DocumentParams, MarkReviewedResult } from '../../protocol';
import type { ServerContext } from '../context';
import { refusal, toWorkspaceEdit } from '../convert';
import { indexedDocument } from './documentRequests';

export async function markReviewed(context: ServerContext, params: DocumentParams | undefined): Promise<MarkReviewedResult> {
  const { located, document } = await indexedDocument(context, params?.uri);
  const today = formatDay(located.folder.workspace.today);
  const result = markReviewedEdit(document.parsed, today);
  if (result.kind === 'error') throw refusal(ErrorCodes.InvalidRequest, result.message, context.locale);
  if (result.kind === 'unchanged') return { edit: null, today };
  return { edit: toWorkspaceEdit([result.edit], context.editTarget(located.folder)) ?? null, today };
}
