/**
 * Quick fixes: the engine already attaches `fixes` to its diagnostics; each
 * becomes a CodeAction whose WorkspaceEdit touches only the fix's ranges.
 * `source.fixAll.densho` (asked for by `editor.codeActionsOnSave`, or the
 * Source Action menu) is `densho check --fix` for the one document: the
 * same fixes, in one edit; densho/fixAll the same for every document.
 */
import { CodeAction, CodeActionKind, type CodeActionParams, type WorkspaceEdit } from 'vscode-languageserver';
import { applyUnattendedFixes, CONFIG_FILE, message, renderMessage, type Diagnostic, type Range, type TextFileEdit } from '../../engine';
import type { FolderParams } from '../../protocol';
import type { ServerContext } from '../context';
import { toDiagnostic, toWorkspaceEdit } from '../convert';
import type { DenshoFolder } from '../folder';
import { settledFolder } from './reports';

/** The kind `editor.codeActionsOnSave: { "source.fixAll.densho": "explicit" }` names. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.densho`;

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** Whether the client's `only` asks for `kind` (`source` asks for every source action). */
function asked(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

export async function codeActions(context: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const only = params.context.only;
  const quickFixes = asked(only, CodeActionKind.QuickFix);
  // Only when asked by name: offered with every lightbulb, it would crowd out the fix at the cursor.
  const fixAll = only !== undefined && asked(only, FIX_ALL_KIND);
  if (!quickFixes && !fixAll) return [];
  const located = await context.locate(params.textDocument.uri);
  if (!located) return [];
  const { folder, path } = located;
  await folder.settled();
  const actions: CodeAction[] = [];
  if (quickFixes) actions.push(...quickFixActions(context, folder, path, params.range));
  if (fixAll) {
    const action = fixAllAction(context, folder, path);
    if (action) actions.push(action);
  }
  return actions;
}

function quickFixActions(context: ServerContext, folder: DenshoFolder, path: string, range: Range): CodeAction[] {
  const diagnostics: readonly Diagnostic[] = folder.workspace.hasDocument(path)
    ? folder.checkDocument(path)
    : folder.checkRepository().filter((diagnostic) => diagnostic.file === path || (path === CONFIG_FILE && diagnostic.file === '.'));
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (!diagnostic.fixes || !overlaps(diagnostic.range, range)) continue;
    const lspDiagnostic = toDiagnostic(diagnostic, (file) => context.uriOf(folder, file), context.locale);
    for (const fix of diagnostic.fixes) {
      const edit = toWorkspaceEdit(fix.edits, context.editTarget(folder));
      if (!edit) continue;
      actions.push({ title: renderMessage(fix.title, context.locale), kind: CodeActionKind.QuickFix, diagnostics: [lspDiagnostic], isPreferred: fix.preferred ?? false, edit });
    }
  }
  return actions;
}

/** `source.fixAll.densho`: the fixes `--fix` applies to this document, in one edit; undefined when there is nothing to fix. */
function fixAllAction(context: ServerContext, folder: DenshoFolder, path: string): CodeAction | undefined {
  const edits = unattendedEdits(folder, [path]);
  const edit = edits.length === 0 ? undefined : toWorkspaceEdit(edits, context.editTarget(folder));
  return edit && { title: renderMessage(message('action.fix-all'), context.locale), kind: FIX_ALL_KIND, edit };
}

/** densho/fixAll: `densho check --fix` for every document of the folder, as one WorkspaceEdit the client applies. */
export async function fixAllInFolder(context: ServerContext, params: FolderParams | undefined): Promise<WorkspaceEdit> {
  const folder = await settledFolder(context, params);
  return toWorkspaceEdit(unattendedEdits(folder, folder.workspace.documentPaths()), context.editTarget(folder)) ?? {};
}

/**
 * The edits that take each document from its current text to what `--fix`
 * would write: one per changed document, from its first changed line to its
 * last. The fixes are found by applying them pass after pass, as `--fix`
 * does; the documents are then put back as they were, since the edits are
 * only offered.
 */
function unattendedEdits(folder: DenshoFolder, paths: readonly string[]): TextFileEdit[] {
  const workspace = folder.workspace;
  const originals = new Map(paths.flatMap((path) => {
    const parsed = workspace.document(path)?.parsed;
    return parsed ? [[path, parsed] as const] : [];
  }));
  let texts: ReadonlyMap<string, string> = new Map();
  try {
    texts = applyUnattendedFixes(workspace, [...originals.keys()], (diagnostics) => folder.shown(diagnostics)).texts;
  } finally {
    for (const [path, parsed] of originals) if (workspace.document(path)?.parsed !== parsed) workspace.setParsedDocument(parsed);
  }
  return [...texts].map(([path, fixed]) => {
    const original = originals.get(path)!;
    const change = changedLines(original.text, original.bom ? fixed.slice(1) : fixed);
    return { kind: 'text', file: path, range: original.lines.rangeOf(change.start, change.end), newText: change.newText };
  });
}

/**
 * The lines that differ between two texts, as one replacement. Whole lines
 * (starting after a `\n`), so the edit never starts inside a line break or
 * a surrogate pair, and the lines around the fixes keep their place for the
 * cursor and undo.
 */
function changedLines(before: string, after: string): { start: number; end: number; newText: string } {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  prefix = before.lastIndexOf('\n', prefix - 1) + 1;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  while (suffix > 0 && !(before[before.length - 1 - suffix] === '\n' && after[after.length - 1 - suffix] === '\n')) suffix--;
  return { start: prefix, end: before.length - suffix, newText: after.slice(prefix, after.length - suffix) };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
