/**
 * training/*: the records in training.yaml name real people and documents,
 * are still current after the documents changed, and were taught by someone
 * who can teach. Reported in training.yaml, at the record.
 */
import { recordState } from '../competence';
import { formatDay } from '../dates';
import { documentsById } from '../reports/documents';
import { closestMatch } from '../suggest';
import type { IndexedDocument } from '../workspaceIndex';
import type { RuleFamily } from './types';

export const trainingRules: RuleFamily = {
  name: 'training',
  checkWorkspace(context) {
    const training = context.training;
    if (!training) return;
    const file = training.file;
    // Looked up by id in the index: an edit to training.yaml re-runs this rule, and must not walk every document.
    const documentWithId = (id: string): IndexedDocument | undefined => {
      const twins = context.index.withId(id);
      return twins.length < 2 ? twins[0] : documentsById(twins)[0];
    };
    let knownIds: string[] | undefined;
    const allIds = () => (knownIds ??= documentsById(context.index.documents).flatMap((document) => (document.meta.id ? [document.meta.id.value] : [])));
    const people = context.people?.people;
    const didYouMean = (word: string, candidates: Iterable<string>) => {
      const suggestion = closestMatch(word, candidates);
      return suggestion ? ` Did you mean \`${suggestion}\`?` : '';
    };
    const unknownPeople = new Set<string>();
    for (const record of training.training.records) {
      const person = record.person;
      if (people && !people.has(person.value) && !unknownPeople.has(person.value)) {
        unknownPeople.add(person.value);
        context.report({ file, rule: 'training/invalid', range: person.range, message: `\`${person.value}\` is not in ${context.people!.file}.${didYouMean(person.value, people.keys())}` });
      }
      const document = documentWithId(record.id.value);
      if (!document) {
        context.report({ file, rule: 'training/invalid', range: record.id.range, message: `No document has the id \`${record.id.value}\`.${didYouMean(record.id.value, allIds())}` });
        continue;
      }
      if (record.trainer && people && !people.has(record.trainer.value)) {
        context.report({ file, rule: 'training/invalid', range: record.trainer.range, message: `Trainer \`${record.trainer.value}\` is not in ${context.people!.file}.${didYouMean(record.trainer.value, people.keys())}` });
      }
      if (record.date && record.date.value > context.today) {
        context.report({ file, rule: 'training/invalid', range: record.date.range, message: `The training date ${formatDay(record.date.value)} lies in the future.` });
      }
      const state = recordState(record, document, context.changeKindOf);
      if (state.currentVersion !== undefined && record.version.value > state.currentVersion) {
        context.report({ file, rule: 'training/invalid', range: record.version.range, message: `${record.id.value} is at version ${state.currentVersion}; there is no version ${record.version.value} to have been trained on.` });
        continue;
      }
      if (state.outdatedBy !== undefined) {
        context.report({
          file,
          rule: 'training/outdated',
          range: record.version.range,
          message: `${person.value} was trained on version ${record.version.value} of ${record.id.value}; version ${state.outdatedBy} changed how the work is done (a major change): retrain on version ${state.currentVersion} and update this record.`,
        });
      }
      if (record.trainer) {
        const trainer = record.trainer.value;
        const taught = training.recordsFor(record.id.value).some((candidate) => candidate.person.value === trainer && candidate.level.value === 'trainer');
        if (!taught && trainer !== person.value) {
          context.report({ file, rule: 'training/trainer', range: record.trainer.range, message: `${trainer} is not recorded at level \`trainer\` on ${record.id.value}, so cannot have taught it.` });
        }
      }
    }
  },
};
