/**
 * Keeping links right when files or folders are renamed or moved: links to a
 * moved file are pointed at its new place, and relative links inside a moved
 * document are recomputed from where it now stands. The edits address the
 * files as they are before the move (LSP applies them first).
 */
import type { TextFileEdit } from '../diagnostics';
import { relativeLink, resolveRelative } from '../paths';
import type { Workspace } from '../workspace';

export interface FileRename {
  readonly oldPath: string;
  readonly newPath: string;
}

export function linkEditsForRenames(workspace: Workspace, renames: readonly FileRename[]): TextFileEdit[] {
  const index = workspace.index;
  const files = index.allFiles();
  const moved = new Map<string, string>();
  const folders: FileRename[] = [];
  for (const rename of renames) {
    if (files.has(rename.oldPath)) moved.set(rename.oldPath, rename.newPath);
    else folders.push(rename);
  }
  const newPathOf = (path: string): string => {
    const direct = moved.get(path);
    if (direct !== undefined) return direct;
    for (const folder of folders) {
      if (path === folder.oldPath) return folder.newPath;
      if (path.startsWith(`${folder.oldPath}/`)) return folder.newPath + path.slice(folder.oldPath.length);
    }
    return path;
  };
  if (moved.size === 0 && folders.length === 0) return [];

  const edits: TextFileEdit[] = [];
  for (const document of index.documents) {
    const from = newPathOf(document.path);
    for (const link of document.parsed.links) {
      if (link.kind === 'wiki' || link.external || link.path === undefined || link.path === '') continue;
      const target = resolveRelative(document.path, link.path);
      if (target === undefined || !index.fileExists(target)) continue;
      const to = newPathOf(target);
      if (to === target && from === document.path) continue;
      const pathEnd = firstIndexOf(link.raw, ['#', '?']);
      const writtenPath = link.raw.slice(0, pathEnd);
      const inAngleBrackets = document.parsed.text[document.parsed.lines.offsetAt(link.range.start) - 1] === '<';
      const newPath = linkText(writtenPath, from, to, inAngleBrackets);
      if (newPath === writtenPath) continue;
      const range = { start: link.range.start, end: { line: link.range.start.line, character: link.range.start.character + writtenPath.length } };
      edits.push({ kind: 'text', file: document.path, range: link.range.start.line === link.range.end.line ? range : link.range, newText: link.range.start.line === link.range.end.line ? newPath : newPath + link.raw.slice(pathEnd) });
    }
  }
  return edits;
}

/** The link from `from` to `to`, in the style of the link it replaces (root-absolute, `./`, encoded). */
function linkText(written: string, from: string, to: string, inAngleBrackets: boolean): string {
  let text = written.startsWith('/') ? `/${to}` : relativeLink(from, to);
  if (written.startsWith('./') && !text.startsWith('.')) text = `./${text}`;
  if (text === '') text = './';
  return inAngleBrackets ? text : text.replace(/[ ()<>%]/g, (char) => encodeURIComponent(char));
}

function firstIndexOf(text: string, needles: readonly string[]): number {
  let first = text.length;
  for (const needle of needles) {
    const at = text.indexOf(needle);
    if (at >= 0 && at < first) first = at;
  }
  return first;
}
