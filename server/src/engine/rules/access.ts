/** access/*: lower layers never lead into higher ones, and master documents say who holds them. */
import type { DocumentLink } from '../parse';
import type { Range } from '../text';
import type { IndexedDocument } from '../workspaceIndex';
import type { DocumentContext, RuleFamily } from './types';

export const accessRules: RuleFamily = {
  name: 'access',
  checkDocument(context) {
    const { document, config } = context;
    const { meta } = document;
    const highest = config.layers.length - 1;
    if (meta.layer === highest && meta.access && (!meta.accessList || meta.accessList.length === 0)) {
      context.report({
        rule: 'access/list-missing',
        range: meta.access.range,
        message: `A ${meta.access.value} document must list who holds it in \`access-list\`.`,
      });
    }
    if (meta.layer === undefined) return;
    for (const link of document.parsed.links) {
      const target = context.index.resolve(document, link);
      const targetDocument = target.kind === 'file' || target.kind === 'id' ? target.document : undefined;
      if (targetDocument) reportLeak(context, link.range, targetDocument, describeLink(link));
    }
    for (const ref of meta.related) {
      const target = context.index.resolveId(ref.value, meta.lang);
      if (target) reportLeak(context, ref.range, target, `\`related\` ${ref.value}`);
    }
  },
};

function describeLink(link: DocumentLink): string {
  return link.kind === 'wiki' ? `[[${link.raw}]]` : `\`${link.raw}\``;
}

function reportLeak(context: DocumentContext, range: Range, target: IndexedDocument, what: string): void {
  const { meta } = context.document;
  if (target.meta.layer === undefined || meta.layer === undefined || target.meta.layer <= meta.layer) return;
  context.report({
    rule: 'access/leak',
    range,
    message: `This ${meta.access!.value} document links to ${target.meta.id?.value ?? target.path}, which is ${target.meta.access!.value}: ${what} exposes it to readers who may not see it.`,
    related: [{ file: target.path, range: target.meta.access!.range, message: `Layer ${target.meta.access!.value}` }],
  });
}
