/** What the document commands' requests share: the folder a request names, and the indexed document a URI is. */
import { ErrorCodes } from 'vscode-languageserver';
import { message, type IndexedDocument } from '../../engine';
import type { FolderParams } from '../../protocol';
import type { LocatedDocument, ServerContext } from '../context';
import { refusal } from '../convert';
import type { DenshoFolder } from '../folder';

/** The folder a request names (the first when it names none), loaded; an InvalidParams error when there is none. */
export async function readyFolder(context: ServerContext, params: FolderParams | undefined): Promise<DenshoFolder> {
  const folder = await context.folderFor(typeof params?.folder === 'string' ? params.folder : undefined);
  if (!folder) throw refusal(ErrorCodes.InvalidParams, params?.folder ? message('request.not-a-folder', { folder: params.folder }) : message('request.no-folder'), context.locale);
  return folder;
}

/** The Densho document at `uri`, with the editor's latest text; an InvalidRequest error when it is not one. */
export async function indexedDocument(context: ServerContext, uri: unknown): Promise<{ located: LocatedDocument; document: IndexedDocument }> {
  const located = typeof uri === 'string' ? await context.locate(uri) : undefined;
  if (!located) throw refusal(ErrorCodes.InvalidRequest, message('request.outside-folder'), context.locale);
  const document = located.folder.workspace.document(located.path);
  if (!document) throw refusal(ErrorCodes.InvalidRequest, message('request.not-densho-document', { file: located.path }), context.locale);
  return { located, document };
}
