/** Document links: `[[ID]]` references and relative links become clickable, landing on the heading they name. */
import type { DocumentLink, DocumentLinkParams } from 'vscode-languageserver';
import { headingForFragment, wikiIdRange } from '../../engine';
import type { ServerContext } from '../context';
import { toRange } from '../convert';

export async function documentLinks(context: ServerContext, params: DocumentLinkParams): Promise<DocumentLink[]> {
  const located = await context.locate(params.textDocument.uri);
  if (!located) return [];
  const workspace = located.folder.workspace;
  const document = workspace.document(located.path);
  if (!document) return [];
  const links: DocumentLink[] = [];
  for (const link of document.parsed.links) {
    const target = workspace.index.resolve(document, link);
    if (target.kind === 'id' && target.document) {
      const heading = headingForFragment(target.document, link.fragment);
      const uri = context.uriOf(located.folder, target.document.path);
      links.push({ range: toRange(wikiIdRange(link)), target: heading ? `${uri}#L${heading.range.start.line + 1}` : uri, tooltip: target.document.meta.title });
    } else if (target.kind === 'file' && target.exists && target.path !== located.path) {
      const heading = target.document && headingForFragment(target.document, link.fragment);
      const uri = context.uriOf(located.folder, target.path);
      links.push({ range: toRange(link.range), target: heading ? `${uri}#L${heading.range.start.line + 1}` : uri });
    }
  }
  return links;
}
