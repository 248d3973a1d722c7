/** iso/*: clause numbers exist in their standard, and every clause that needs documented information is covered. */
import { CONFIG_FILE } from '../config';
import { message } from '../messages';
import { coveredClauses } from '../reports/coverage';
import { localizedClauseTitle } from '../standards/registry';
import type { RuleFamily } from './types';

export const isoRules: RuleFamily = {
  name: 'iso',
  checkDocument(context) {
    const { meta } = context.document;
    for (const standard of context.standards) {
      for (const ref of meta.clauses.get(standard.id) ?? []) {
        if (!standard.clause(ref.value)) {
          context.report({ rule: 'iso/unknown-clause', range: ref.range, message: message('iso.unknown-clause', { standard: standard.title, clause: ref.value }) });
        }
      }
    }
  },
  checkWorkspace(context) {
    const file = context.hasConfigFile ? CONFIG_FILE : '.';
    // At `standards:`, which names the standard: where a reader (or an editor's click) can see why the clause is asked for.
    const range = context.configKeyRanges.get('standards') ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (const standard of context.standards) {
      const covered = coveredClauses(standard, context.index.documents);
      for (const clause of standard.clauses) {
        if (!clause.documented || covered.has(clause.number)) continue;
        context.report({
          file,
          rule: 'iso/gap',
          range,
          message: message('iso.gap', { standard: standard.title, clause: clause.number, title: localizedClauseTitle(clause) }),
        });
      }
    }
  },
};
