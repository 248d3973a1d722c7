/**
 * densho/documentIndex: every document's id, language, file and card fields,
 * for VS Code's Markdown preview, which renders `[[ID]]` as links and the
 * front matter as a card without an engine of its own.
 */
import { formatDay, reviewState, type Workspace } from '../../engine';
import type { DocumentIndexEntry, FolderParams } from '../../protocol';
import type { ServerContext } from '../context';

export async function documentIndex(context: ServerContext, params: FolderParams | undefined): Promise<DocumentIndexEntry[]> {
  const named = params?.folder === undefined ? undefined : await context.folderFor(params.folder);
  const folders = params?.folder === undefined ? context.folders : named ? [named] : [];
  const entries: DocumentIndexEntry[] = [];
  for (const folder of folders) {
    await folder.settled();
    entries.push(...documentIndexEntries(folder.workspace, (path) => context.uriOf(folder, path)));
  }
  return entries;
}

/** The entries of one workspace, each document addressed by `uriOf` (the folder compares them by path to notice a change). */
export function documentIndexEntries(workspace: Workspace, uriOf: (path: string) => string): DocumentIndexEntry[] {
  return [...workspace.index.documents].map((document) => {
    const { meta } = document;
    const due = meta.status === 'approved' ? reviewState(meta, workspace.config)?.due : undefined;
    return {
      uri: uriOf(document.path),
      id: meta.id?.value,
      lang: meta.lang,
      translation: meta.isTranslation,
      title: meta.title,
      version: meta.version,
      status: meta.status,
      owner: meta.owner?.value,
      experts: meta.experts.map((expert) => expert.value),
      access: meta.access?.value,
      nextReview: due === undefined ? undefined : formatDay(due),
      sourceLanguage: workspace.index.sourceLanguage,
    };
  });
}
