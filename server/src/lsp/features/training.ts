/** densho/recordTraining: the engine's training.yaml edit as a WorkspaceEdit for the client to apply. */
import { ErrorCodes, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import { recordTrainingEdits } from '../../engine';
import type { RecordTrainingParams } from '../../protocol';
import type { ServerContext } from '../context';
import { toWorkspaceEdit } from '../convert';

export async function recordTraining(context: ServerContext, params: RecordTrainingParams): Promise<WorkspaceEdit> {
  const folder = await context.folderFor(params?.folder);
  if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, 'No workspace folder is open.');
  if (typeof params?.person !== 'string' || typeof params.id !== 'string' || typeof params.level !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, 'person, id and level are required strings.');
  }
  await folder.settled();
  const result = recordTrainingEdits(folder.workspace, params);
  if ('error' in result) throw new ResponseError(ErrorCodes.InvalidParams, `Cannot record the training: ${result.error}`);
  const edit = toWorkspaceEdit(result.edits, context.editTarget(folder));
  if (!edit) throw new ResponseError(ErrorCodes.InvalidRequest, `The editor cannot create ${folder.workspace.config.training}; create it first.`);
  return edit;
}
