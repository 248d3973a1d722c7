/** Document symbols (headings with their numbered steps, or the front matter and steps) and workspace symbols (ids and titles). */
import {
  SymbolKind,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type SymbolInformation,
  type WorkspaceSymbolParams,
} from 'vscode-languageserver';
import { documentSymbols as engineDocumentSymbols, workspaceSymbols as engineWorkspaceSymbols, type OutlineSymbol } from '../../engine';
import type { ServerContext } from '../context';
import { toRange } from '../convert';

export async function documentSymbols(context: ServerContext, params: DocumentSymbolParams): Promise<DocumentSymbol[] | SymbolInformation[]> {
  const located = await context.locate(params.textDocument.uri);
  if (!located) return [];
  const outline = engineDocumentSymbols(located.folder.workspace, located.path, { headings: context.client.headingSymbols, locale: context.locale });
  if (context.client.hierarchicalSymbols) return outline.map(toDocumentSymbol);
  const flat: SymbolInformation[] = [];
  const walk = (symbols: readonly OutlineSymbol[], container?: string): void => {
    for (const symbol of symbols) {
      flat.push({ name: symbol.name, kind: kindOf(symbol), location: { uri: located.uri, range: toRange(symbol.range) }, containerName: container });
      walk(symbol.children, symbol.name);
    }
  };
  walk(outline);
  return flat;
}

function toDocumentSymbol(symbol: OutlineSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: kindOf(symbol),
    range: toRange(symbol.range),
    selectionRange: toRange(symbol.selectionRange),
    children: symbol.children.map(toDocumentSymbol),
  };
}

const SYMBOL_KINDS: Record<OutlineSymbol['kind'], SymbolKind> = { frontMatter: SymbolKind.Module, heading: SymbolKind.String, step: SymbolKind.EnumMember };

function kindOf(symbol: OutlineSymbol): SymbolKind {
  return SYMBOL_KINDS[symbol.kind];
}

export async function workspaceSymbols(context: ServerContext, params: WorkspaceSymbolParams): Promise<SymbolInformation[]> {
  const symbols: SymbolInformation[] = [];
  for (const folder of context.folders) {
    await folder.ready;
    for (const entry of engineWorkspaceSymbols(folder.workspace, params.query)) {
      symbols.push({
        name: entry.name,
        kind: SymbolKind.File,
        location: { uri: context.uriOf(folder, entry.location.file), range: toRange(entry.location.range) },
        containerName: entry.detail,
      });
    }
  }
  return symbols;
}
