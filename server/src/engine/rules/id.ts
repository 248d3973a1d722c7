/** id/*: ids are unique per language and follow the configured pattern. */
import type { RuleFamily } from './types';

export const idRules: RuleFamily = {
  name: 'id',
  checkDocument(context) {
    const { meta, path } = context.document;
    const id = meta.id;
    if (!id) return;
    if (!context.config.idPattern.test(id.value)) {
      context.report({
        rule: 'id/pattern',
        range: id.range,
        message: `Id \`${id.value}\` does not match the id pattern ${context.config.idPattern.source}.`,
      });
    }
    const twins = context.index.withIdAndLang(id.value, meta.lang).filter((other) => other.path !== path);
    if (twins.length > 0) {
      context.report({
        rule: 'id/duplicate',
        range: id.range,
        message: `Id \`${id.value}\` (${meta.lang}) is also used by ${twins.map((twin) => twin.path).join(', ')}.`,
        related: twins.map((twin) => ({ file: twin.path, range: twin.meta.id!.range, message: `Also \`${id.value}\` (${meta.lang})` })),
      });
    }
  },
};
