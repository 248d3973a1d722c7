/**
 * Which folder of a multi-root workspace the views, the status bar and the
 * commands that are not about one document show. No `vscode` import: the
 * choice is tested under plain Node.
 */

export interface FolderLike {
  readonly uri: { toString(): string };
}

/**
 * The folder followed (the active editor's last folder, or the one picked),
 * while it is still in the workspace; else the first folder holding a
 * densho.yaml, else the first folder.
 */
export function viewsFolder<F extends FolderLike>(folders: readonly F[], followed: FolderLike | undefined, hasConfiguration: (folder: F) => boolean): F | undefined {
  const kept = followed && folders.find((folder) => folder.uri.toString() === followed.uri.toString());
  return kept ?? folders.find(hasConfiguration) ?? folders[0];
}
