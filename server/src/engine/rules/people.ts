/** people/*: owners, experts and approvers are known, active, and not about to leave with their knowledge. */
import { addDuration, formatDay } from '../dates';
import { message } from '../messages';
import { describePerson } from '../people';
import type { RuleFamily } from './types';

export const peopleRules: RuleFamily = {
  name: 'people',
  checkDocument(context) {
    const registry = context.people;
    if (!registry) return;
    const { meta } = context.document;
    const roles: [string, typeof meta.experts][] = [
      ['owner', meta.owner ? [meta.owner] : []],
      ['expert', meta.experts],
      ['approved-by', meta.approvedBy ? [meta.approvedBy] : []],
    ];
    for (const [role, refs] of roles) {
      for (const ref of refs) {
        if (!registry.people.has(ref.value)) {
          context.report({ rule: 'people/unknown', range: ref.range, message: message('people.unknown', { person: ref.value, role, file: registry.file }) });
        }
      }
    }
    const owner = meta.owner && registry.people.get(meta.owner.value);
    if (owner && !owner.active) {
      context.report({
        rule: 'people/inactive',
        range: meta.owner!.range,
        message: message('people.inactive', { owner: describePerson(owner, owner.key) }),
      });
    }
    const horizon = addDuration(context.today, context.config.peopleWarnBefore);
    for (const ref of meta.experts) {
      const expert = registry.people.get(ref.value);
      if (expert?.leaves === undefined || expert.leaves > horizon) continue;
      const who = describePerson(expert, expert.key);
      const leaving = message(expert.leaves < context.today ? 'people.left' : 'people.leaving', { expert: who, day: formatDay(expert.leaves) });
      context.report({ rule: 'people/leaving', range: ref.range, message: leaving });
    }
  },
};
