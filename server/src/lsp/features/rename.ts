/** Rename an id (every file with it, every reference) or a heading (and every link fragment to it). */
import { LSPErrorCodes, ResponseError, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { prepareRename as enginePrepare, rename as engineRename } from '../../engine';
import type { ServerContext } from '../context';
import { toRange, toWorkspaceEdit } from '../convert';

export async function prepareRename(context: ServerContext, params: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | null> {
  const located = await context.locate(params.textDocument.uri);
  if (!located) return null;
  const prepared = enginePrepare(located.folder.workspace, located.path, params.position);
  if (!prepared) throw new ResponseError(LSPErrorCodes.RequestFailed, 'Only an id, a heading or a link fragment can be renamed here.');
  return { range: toRange(prepared.range), placeholder: prepared.placeholder };
}

export async function rename(context: ServerContext, params: RenameParams): Promise<WorkspaceEdit | null> {
  const located = await context.locate(params.textDocument.uri);
  if (!located) return null;
  await located.folder.settled();
  const result = engineRename(located.folder.workspace, located.path, params.position, params.newName);
  if (!result) return null;
  if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
  return toWorkspaceEdit(result.edits, context.editTarget(located.folder)) ?? null;
}
