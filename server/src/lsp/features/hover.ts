/** Hover: clause titles, linked documents' title, owner, layer and review state, people's roles. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import { hover as engineHover } from '../../engine';
import type { ServerContext } from '../context';
import { toRange } from '../convert';

export async function hover(context: ServerContext, params: HoverParams): Promise<Hover | null> {
  const located = await context.locate(params.textDocument.uri);
  if (!located) return null;
  const result = engineHover(located.folder.workspace, located.path, params.position, context.locale);
  if (!result) return null;
  return { contents: { kind: context.client.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: result.contents }, range: toRange(result.range) };
}
