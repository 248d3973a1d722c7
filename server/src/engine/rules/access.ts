/** access/*: lower layers never lead into higher ones, and master documents say who holds them. */
import { message, type Message } from '../messages';
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
        message: message('access.list-missing', { layer: meta.access.value }),
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

function describeReference(reference: Reference): Message {
  if (reference.link) return reference.link.kind === 'wiki' ? message('access.reference-wiki', { raw: reference.link.raw }) : message('access.reference-link', { raw: reference.link.raw });
  return message('access.reference-field', { field: reference.kind, raw: reference.raw });
}

function reportLeak(context: DocumentContext, reference: Reference, layer: number): void {
  const { meta } = context.document;
  const layerName = context.config.layers[layer] ?? String(layer);
  const target = reference.document;
  if (target) {
    context.report({
      rule: 'access/leak',
      range: reference.range,
      message: message(target.meta.access?.value === layerName ? 'access.leak' : 'access.leak-counted', {
        layer: meta.access!.value,
        target: target.meta.id?.value ?? target.path,
        targetLayer: layerName,
        reference: describeReference(reference),
      }),
      related: target.meta.access ? [{ file: target.path, range: target.meta.access.range, message: message('access.related-layer', { layer: target.meta.access.value }) }] : undefined,
    });
    return;
  }
  context.report({
    rule: 'access/leak',
    range: reference.range,
    message: message('access.leak-file', { layer: meta.access!.value, file: reference.file ?? reference.raw, targetLayer: layerName }),
  });
}
