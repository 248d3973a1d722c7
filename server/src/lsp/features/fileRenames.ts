/** Files renamed or moved in the editor: the links to them (and the relative links inside them) follow. */
import type { RenameFilesParams, WorkspaceEdit } from 'vscode-languageserver';
import { linkEditsForRenames, type FileRename } from '../../engine';
import type { ServerContext } from '../context';
import { toWorkspaceEdit } from '../convert';
import type { DenshoFolder } from '../folder';

export async function willRenameFiles(context: ServerContext, params: RenameFilesParams): Promise<WorkspaceEdit | null> {
  const byFolder = new Map<DenshoFolder, FileRename[]>();
  for (const file of params.files) {
    const [from, to] = [await context.locate(file.oldUri), await context.locate(file.newUri)];
    if (!from || !to || from.folder !== to.folder) continue;
    const renames = byFolder.get(from.folder) ?? [];
    renames.push({ oldPath: from.path, newPath: to.path });
    byFolder.set(from.folder, renames);
  }
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  const changes: NonNullable<WorkspaceEdit['changes']> = {};
  for (const [folder, renames] of byFolder) {
    await folder.settled();
    const edit = toWorkspaceEdit(linkEditsForRenames(folder.workspace, renames), context.editTarget(folder));
    if (edit?.documentChanges) documentChanges.push(...edit.documentChanges);
    if (edit?.changes) Object.assign(changes, edit.changes);
  }
  if (documentChanges.length > 0) return { documentChanges };
  if (Object.keys(changes).length > 0) return { changes };
  return null;
}
