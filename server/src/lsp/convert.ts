/**
 * Engine ↔ LSP. Engine positions are already LSP's (0-based, UTF-16), so
 * ranges pass through; this file maps severities, kinds, edits and URIs.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import * as lsp from 'vscode-languageserver';
import { renderMessage, ruleDocumentationPath, type CompletionKind, type Diagnostic, type FileEdit, type Locale, type Message, type Range } from '../engine';

/** The package root: dist/server.js runs from dist/, and docs/ ships beside it. */
const PACKAGE_ROOT = join(__dirname, '..');

/** A request refused with its reason in the server's language (plain: the client shows it in a notification). */
export function refusal(code: number, reason: Message, locale: Locale): lsp.ResponseError<void> {
  return new lsp.ResponseError(code, renderMessage(reason, locale));
}

export function toRange(range: Range): lsp.Range {
  return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

/** A file URI for an absolute path; `relative` '' or '.' is the folder itself. */
export function fileUri(root: string, relative: string): string {
  return pathToFileURL(relative === '' || relative === '.' ? root : join(root, relative)).href;
}

/** The absolute path of a file URI, or undefined for other schemes (untitled:, git:, ...). */
export function uriToFsPath(uri: string): string | undefined {
  // Not trusted to be a string: it comes from the client.
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const SEVERITIES: Record<Diagnostic['severity'], lsp.DiagnosticSeverity> = {
  error: lsp.DiagnosticSeverity.Error,
  warning: lsp.DiagnosticSeverity.Warning,
  info: lsp.DiagnosticSeverity.Information,
};

/** A `file:` URI of the rule's section in the docs/rules.md (rules.ja.md in Japanese) installed with the server. */
function ruleDocumentationHref(rule: Diagnostic['rule'], locale: Locale): string {
  const [file, anchor] = ruleDocumentationPath(rule, locale).split('#');
  return `${pathToFileURL(join(PACKAGE_ROOT, file!)).href}#${anchor}`;
}

/** The Problems panel does not render Markdown: messages are plain text, quoted as the locale quotes. */
export function toDiagnostic(diagnostic: Diagnostic, uriOf: (file: string) => string, locale: Locale): lsp.Diagnostic {
  const result: lsp.Diagnostic = {
    range: toRange(diagnostic.range),
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.rule,
    codeDescription: { href: ruleDocumentationHref(diagnostic.rule, locale) },
    source: 'densho',
    message: renderMessage(diagnostic.message, locale),
  };
  if (diagnostic.related && diagnostic.related.length > 0) {
    result.relatedInformation = diagnostic.related.map((related) => ({
      location: { uri: uriOf(related.file), range: toRange(related.range) },
      message: renderMessage(related.message, locale),
    }));
  }
  return result;
}

export interface EditTarget {
  uriOf(file: string): string;
  /** The version of an open document, null for a file on disk. */
  versionOf(uri: string): number | null;
  readonly documentChanges: boolean;
  readonly createFiles: boolean;
}

/**
 * The engine's edits as one WorkspaceEdit: TextDocumentEdits (and CreateFile
 * followed by an insert) when the client supports them, else plain changes.
 * Undefined when the client cannot apply them (a create without resource operations).
 */
export function toWorkspaceEdit(edits: readonly FileEdit[], target: EditTarget): lsp.WorkspaceEdit | undefined {
  if (edits.some((edit) => edit.kind === 'create') && !(target.documentChanges && target.createFiles)) return undefined;
  if (!target.documentChanges) {
    const changes: Record<string, lsp.TextEdit[]> = {};
    for (const edit of edits) {
      if (edit.kind !== 'text') continue;
      (changes[target.uriOf(edit.file)] ??= []).push({ range: toRange(edit.range), newText: edit.newText });
    }
    return { changes };
  }
  const documentChanges: (lsp.TextDocumentEdit | lsp.CreateFile)[] = [];
  const byFile = new Map<string, lsp.TextEdit[]>();
  for (const edit of edits) {
    const uri = target.uriOf(edit.file);
    if (edit.kind === 'create') {
      documentChanges.push(lsp.CreateFile.create(uri));
      documentChanges.push(lsp.TextDocumentEdit.create({ uri, version: null }, [lsp.TextEdit.insert({ line: 0, character: 0 }, edit.content)]));
      continue;
    }
    let list = byFile.get(uri);
    if (!list) {
      list = [];
      byFile.set(uri, list);
    }
    list.push({ range: toRange(edit.range), newText: edit.newText });
  }
  for (const [uri, textEdits] of byFile) documentChanges.push(lsp.TextDocumentEdit.create({ uri, version: target.versionOf(uri) }, textEdits));
  return { documentChanges };
}

export const COMPLETION_KINDS: Record<CompletionKind, lsp.CompletionItemKind> = {
  field: lsp.CompletionItemKind.Property,
  enum: lsp.CompletionItemKind.EnumMember,
  person: lsp.CompletionItemKind.Constant,
  clause: lsp.CompletionItemKind.EnumMember,
  date: lsp.CompletionItemKind.Value,
  document: lsp.CompletionItemKind.Reference,
  file: lsp.CompletionItemKind.File,
  heading: lsp.CompletionItemKind.Reference,
  value: lsp.CompletionItemKind.Value,
};
