/** Completion: the engine's entries as CompletionItems that replace exactly the typed word. */
import { CompletionItemTag, MarkupKind, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { completions } from '../../engine';
import type { ServerContext } from '../context';
import { COMPLETION_KINDS, toRange } from '../convert';

export const COMPLETION_TRIGGERS = ['[', '(', '#', '/', ':', ' ', ',', '-'];

export async function completion(context: ServerContext, params: CompletionParams): Promise<CompletionList> {
  const located = await context.locate(params.textDocument.uri);
  if (!located) return { isIncomplete: false, items: [] };
  const entries = completions(located.folder.workspace, located.path, params.position, context.locale);
  const items = entries.map((entry): CompletionItem => ({
    label: entry.label,
    kind: COMPLETION_KINDS[entry.kind],
    // A poor pick (a leak, a person no longer here) is struck through and says why first; the engine sorts it last.
    detail: entry.warning === undefined ? entry.detail : [`⚠ ${entry.warning}`, entry.detail].filter(Boolean).join(' — '),
    tags: entry.warning === undefined ? undefined : [CompletionItemTag.Deprecated],
    documentation: entry.documentation === undefined ? undefined : { kind: context.client.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: entry.documentation },
    sortText: entry.sortText,
    filterText: entry.filterText,
    textEdit: { range: toRange(entry.range), newText: entry.insertText ?? entry.label },
  }));
  return { isIncomplete: false, items };
}
