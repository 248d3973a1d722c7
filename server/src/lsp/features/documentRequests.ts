/** What the document commands' requests share: the folder a request names, and the indexed document a URI is. */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { IndexedDocument } from '../../engine';
import type { FolderParams } from '../../protocol';
import type { LocatedDocument, ServerContext } from '../context';
import type { DenshoFolder } from '../folder';

/** The folder a request names (the first when it names none), loaded; an InvalidParams error when there is none. */
export async function readyFolder(context: ServerContext, params: FolderParams | undefined): Promise<DenshoFolder> {
  const folder = await context.folderFor(typeof params?.folder === 'string' ? params.folder : undefined);
  if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, params?.folder ? `${params.folder} is not a workspace folder.` : 'No workspace folder is open.');
  return folder;
}

/** The Densho document at `uri`, with the editor's latest text; an InvalidRequest error when it is not one. */
export async function indexedDocument(context: ServerContext, uri: unknown): Promise<{ located: LocatedDocument; document: IndexedDocument }> {
  const located = typeof uri === 'string' ? await context.locate(uri) : undefined;
  if (!located) throw new ResponseError(ErrorCodes.InvalidRequest, 'the document is not inside a workspace folder.');
  const document = located.folder.workspace.document(located.path);
  if (!document) throw new ResponseError(ErrorCodes.InvalidRequest, `${located.path} is not a Densho document (see \`docs\` and \`ignore\` in densho.yaml).`);
  return { located, document };
}
