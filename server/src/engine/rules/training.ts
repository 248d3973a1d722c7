/**
 * training/*: the records in training.yaml name real people and documents,
 * are still current after the documents changed, and were taught by someone
 * who can teach. Reported in training.yaml, at the record.
 */
import { recordState } from '../competence';
import { formatDay } from '../dates';
import { message } from '../messages';
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
    const didYouMean = (word: string, candidates: Iterable<string>) => closestMatch(word, candidates);
    const unknownPeople = new Set<string>();
    for (const record of training.training.records) {
      const person = record.person;
      if (people && !people.has(person.value) && !unknownPeople.has(person.value)) {
        unknownPeople.add(person.value);
        context.report({ file, rule: 'training/invalid', range: person.range, message: message('training.unknown-person', { person: person.value, file: context.people!.file, suggestion: didYouMean(person.value, people.keys()) }) });
      }
      const document = documentWithId(record.id.value);
      if (!document) {
        context.report({ file, rule: 'training/invalid', range: record.id.range, message: message('document.no-id', { id: record.id.value, suggestion: didYouMean(record.id.value, allIds()) }) });
        continue;
      }
      if (record.trainer && people && !people.has(record.trainer.value)) {
        context.report({ file, rule: 'training/invalid', range: record.trainer.range, message: message('training.unknown-trainer', { trainer: record.trainer.value, file: context.people!.file, suggestion: didYouMean(record.trainer.value, people.keys()) }) });
      }
      if (record.date && record.date.value > context.today) {
        context.report({ file, rule: 'training/invalid', range: record.date.range, message: message('training.future-date', { day: formatDay(record.date.value) }) });
      }
      const state = recordState(record, document, context.changeKindOf);
      if (state.currentVersion !== undefined && record.version.value > state.currentVersion) {
        context.report({ file, rule: 'training/invalid', range: record.version.range, message: message('training.no-such-version', { id: record.id.value, current: state.currentVersion, version: record.version.value }) });
        continue;
      }
      if (state.outdatedBy !== undefined) {
        context.report({
          file,
          rule: 'training/outdated',
          range: record.version.range,
          message: message('training.outdated', { person: person.value, version: record.version.value, id: record.id.value, changedIn: state.outdatedBy, current: state.currentVersion! }),
        });
      }
      if (record.trainer) {
        const trainer = record.trainer.value;
        const taught = training.recordsFor(record.id.value).some((candidate) => candidate.person.value === trainer && candidate.level.value === 'trainer');
        if (!taught && trainer !== person.value) {
          context.report({ file, rule: 'training/trainer', range: record.trainer.range, message: message('training.trainer-level', { trainer, id: record.id.value }) });
        }
      }
    }
  },
};
