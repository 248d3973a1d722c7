/** Rename an id (every file with it, every reference) or a heading (and every link fragment to it). */
import { LSPErrorCodes, type PrepareRenameParams, type Range, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { message, prepareRename as enginePrepare, rename as engineRename } from '../../engine';
import type { ServerContext } from '../context';
import { refusal, toRange, toWorkspaceEdit } from '../convert';

export async function prepareRename(context: ServerContext, params: PrepareRenameParams): Promise<{ range: Range; placeholder: string } | null> {
  const located = await context.locate(params.textDocument.uri);
  if (!located) return null;
  const prepared = enginePrepare(located.folder.workspace, located.path, params.position);
  if (!prepared) throw refusal(LSPErrorCodes.RequestFailed, message('request.cannot-rename-here'), context.locale);
  return { range: toRange(prepared.range), placeholder: prepared.placeholder };
}

export async function rename(context: ServerContext, params: RenameParams): Promise<WorkspaceEdit | null> {
  const located = await context.locate(params.textDocument.uri);
  if (!located) return null;
  await located.folder.settled();
  const result = engineRename(located.folder.workspace, located.path, params.position, params.newName);
  if (!result) return null;
  if ('error' in result) throw refusal(LSPErrorCodes.RequestFailed, result.error, context.locale);
  return toWorkspaceEdit(result.edits, context.editTarget(located.folder)) ?? null;
}
