/** id/*: ids are unique per language and follow the configured pattern. */
import { message } from '../messages';
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
        message: message('id.pattern', { id: id.value, pattern: context.config.idPattern.source }),
      });
    }
    const twins = context.index.withIdAndLang(id.value, meta.lang).filter((other) => other.path !== path);
    if (twins.length > 0) {
      context.report({
        rule: 'id/duplicate',
        range: id.range,
        message: message('id.duplicate', { id: id.value, lang: meta.lang, files: twins.map((twin) => twin.path) }),
        related: twins.map((twin) => ({ file: twin.path, range: twin.meta.id!.range, message: message('id.related-twin', { id: id.value, lang: meta.lang }) })),
      });
    }
  },
};
