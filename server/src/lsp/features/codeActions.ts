/**
 * Quick fixes: the engine already attaches `fixes` to its diagnostics; each
 * becomes a CodeAction whose WorkspaceEdit touches only the fix's ranges.
 */
import { CodeAction, CodeActionKind, type CodeActionParams } from 'vscode-languageserver';
import { CONFIG_FILE, renderMessage, type Diagnostic, type Range } from '../../engine';
import type { ServerContext } from '../context';
import { toDiagnostic, toWorkspaceEdit } from '../convert';

export async function codeActions(context: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const only = params.context.only;
  if (only && !only.some((kind) => CodeActionKind.QuickFix.startsWith(kind) || kind.startsWith(CodeActionKind.QuickFix))) return [];
  const located = await context.locate(params.textDocument.uri);
  if (!located) return [];
  const { folder, path } = located;
  await folder.settled();
  const workspace = folder.workspace;
  const diagnostics: readonly Diagnostic[] = workspace.hasDocument(path)
    ? workspace.checkDocument(path)
    : workspace.checkRepository().filter((diagnostic) => diagnostic.file === path || (path === CONFIG_FILE && diagnostic.file === '.'));
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (!diagnostic.fixes || !overlaps(diagnostic.range, params.range)) continue;
    const lspDiagnostic = toDiagnostic(diagnostic, (file) => context.uriOf(folder, file), context.locale);
    for (const fix of diagnostic.fixes) {
      const edit = toWorkspaceEdit(fix.edits, context.editTarget(folder));
      if (!edit) continue;
      actions.push({ title: renderMessage(fix.title, context.locale), kind: CodeActionKind.QuickFix, diagnostics: [lspDiagnostic], isPreferred: fix.preferred ?? false, edit });
    }
  }
  return actions;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
