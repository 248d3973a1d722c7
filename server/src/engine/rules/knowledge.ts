/**
 * knowledge/single-holder: an approved procedure that fewer than
 * `min-qualified` people can do on their own (ISO 9001 7.1.6). People who
 * leave within `people-warn-before` no longer count, so the warning comes
 * while there is still time to train a successor. Only once training.yaml
 * holds a record: an empty skeleton is not yet a skills map.
 */
import { documentCompetence, needsQualifiedPeople, type QualifiedPerson } from '../competence';
import { formatDay } from '../dates';
import { message } from '../messages';
import type { RuleFamily } from './types';

export const knowledgeRules: RuleFamily = {
  name: 'knowledge',
  checkDocument(context) {
    const { document, training } = context;
    const id = document.meta.id;
    // A training.yaml without records (the skeleton `densho init` writes) is not in use yet: no warning per procedure.
    if (!training || training.training.records.length === 0 || !id || !needsQualifiedPeople(document)) return;
    const competence = documentCompetence(document, training, context);
    if (competence.qualified.length >= competence.required) return;
    const names = (list: readonly QualifiedPerson[]) =>
      list.map(({ person, leaves }) =>
        leaves === undefined
          ? message('knowledge.person', { person })
          : message(leaves < context.today ? 'knowledge.person-left' : 'knowledge.person-leaves', { person, day: formatDay(leaves) }),
      );
    const count = competence.qualified.length;
    const holders = count === 0 ? message('knowledge.nobody') : message('knowledge.only', { people: names(competence.qualified) });
    const within = `${context.config.peopleWarnBefore.amount}${context.config.peopleWarnBefore.unit}`;
    const leaving = competence.leaving.length > 0 ? message('knowledge.leaving', { within, people: names(competence.leaving) }) : undefined;
    context.report({
      rule: 'knowledge/single-holder',
      range: id.range,
      message: message('knowledge.single-holder', { id: id.value, required: competence.required, count, holders, leaving, file: training.file }),
    });
  },
};
