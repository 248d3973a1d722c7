/** access/*: lower layers never lead into higher ones, and master documents say who holds them. */
import { visibilityOf, type Reference } from '../visibility';
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
    // Every reference the export would rewrite is one this rule warns about (visibility.ts decides both).
    const visibility = visibilityOf(context.index, config);
    for (const reference of visibility.references(document)) {
      const layer = visibility.targetLayer(reference);
      if (layer !== undefined && layer > meta.layer) reportLeak(context, reference, layer);
    }
  },
};

function describeReference(reference: Reference): string {
  if (reference.link) return reference.link.kind === 'wiki' ? `[[${reference.link.raw}]]` : `\`${reference.link.raw}\``;
  return `\`${reference.kind}\` ${reference.raw}`;
}

function reportLeak(context: DocumentContext, reference: Reference, layer: number): void {
  const { meta } = context.document;
  const layerName = context.config.layers[layer] ?? String(layer);
  const target = reference.document;
  if (target) {
    context.report({
      rule: 'access/leak',
      range: reference.range,
      message: `This ${meta.access!.value} document links to ${target.meta.id?.value ?? target.path}, ${target.meta.access?.value === layerName ? 'which is' : 'which counts as'} ${layerName}: ${describeReference(reference)} exposes it to readers who may not see it.`,
      related: target.meta.access ? [{ file: target.path, range: target.meta.access.range, message: `Layer ${target.meta.access.value}` }] : undefined,
    });
    return;
  }
  context.report({
    rule: 'access/leak',
    range: reference.range,
    message: `This ${meta.access!.value} document uses ${reference.file ?? reference.raw}, which a ${layerName} document uses too: a file takes the highest layer of the documents that use it, so an export at this document's layer leaves it out.`,
  });
}
