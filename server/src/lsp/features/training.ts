/** densho/recordTraining: the engine's training.yaml edit as a WorkspaceEdit for the client to apply. */
import { ErrorCodes, type WorkspaceEdit } from 'vscode-languageserver';
import { message, recordTrainingEdits } from '../../engine';
import type { RecordTrainingParams } from '../../protocol';
import type { ServerContext } from '../context';
import { refusal, toWorkspaceEdit } from '../convert';

export async function recordTraining(context: ServerContext, params: RecordTrainingParams): Promise<WorkspaceEdit> {
  const folder = await context.folderFor(params?.folder);
  if (!folder) throw refusal(ErrorCodes.InvalidParams, message('request.no-folder'), context.locale);
  if (typeof params?.person !== 'string' || typeof params.id !== 'string' || typeof params.level !== 'string') {
    throw refusal(ErrorCodes.InvalidParams, message('request.required-strings', { names: ['person', 'id', 'level'] }), context.locale);
  }
  await folder.settled();
  const result = recordTrainingEdits(folder.workspace, params);
  if ('error' in result) throw refusal(ErrorCodes.InvalidParams, message('request.cannot-record-training', { reason: result.error }), context.locale);
  const edit = toWorkspaceEdit(result.edits, context.editTarget(folder));
  if (!edit) throw refusal(ErrorCodes.InvalidRequest, message('request.cannot-create', { file: folder.workspace.config.training }), context.locale);
  return edit;
}
