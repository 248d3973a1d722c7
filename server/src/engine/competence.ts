/**
 * Competence: the training records read against the documents as they are
 * now. A record is current when no `major` version of its document came after
 * the version it was trained on; a person is qualified on a document when a
 * current record says they do the work alone, they are active, and they do
 * not leave within `people-warn-before` (so the warning comes while there is
 * still time to train someone).
 */
import type { DenshoConfig } from './config';
import { addDuration, type Day } from './dates';
import { EXPERT_TYPES } from './frontmatter';
import type { ChangeKind } from './history/content';
import type { RepositoryHistory } from './history/model';
import type { PeopleRegistry } from './people';
import { QUALIFIED_LEVELS, type TrainingRecord, type TrainingRecords } from './training';
import type { IndexedDocument } from './workspaceIndex';

/**
 * What kind of change made `version` of a document: from its revision
 * history when there is one, and for the current version from its own
 * `change` field. Undefined when nobody can know: such a version counts as
 * major, so a record is never kept current on a guess.
 */
export type ChangeKindOf = (document: IndexedDocument, version: number) => ChangeKind | undefined;

/**
 * The current version's kind from the document as it is now (its `change`
 * field, which the working tree or the editor's buffer may just have set);
 * every earlier version's from the revision that introduced it in Git.
 * Without history only the current version is known.
 */
export function changeKindsFrom(history: RepositoryHistory | undefined): ChangeKindOf {
  return (document, version) => (version === document.meta.version ? document.meta.change : history?.of(document.path)?.revisionWithVersion(version)?.change);
}

export interface RecordState {
  readonly record: TrainingRecord;
  /** The document's current version; undefined when it has none. */
  readonly currentVersion: number | undefined;
  /** The newest major version after the trained one, when there is one: the record is outdated. */
  readonly outdatedBy: number | undefined;
}

export interface QualifiedPerson {
  readonly person: string;
  readonly leaves: Day | undefined;
}

export interface DocumentCompetence {
  readonly records: readonly RecordState[];
  /** Qualified now and still here after `people-warn-before`: the ones who count. */
  readonly qualified: readonly QualifiedPerson[];
  /** Qualified, but leaving (or gone) within `people-warn-before`: they no longer count. */
  readonly leaving: readonly QualifiedPerson[];
  /** How many qualified people the document needs (`min-qualified`), or 0 when it needs none. */
  readonly required: number;
}

/** Training records by document id, built once per training.yaml text. */
export class TrainingIndex {
  private readonly byId = new Map<string, TrainingRecord[]>();

  constructor(readonly training: TrainingRecords) {
    for (const record of training.records) {
      const list = this.byId.get(record.id.value) ?? [];
      list.push(record);
      this.byId.set(record.id.value, list);
    }
  }

  get file(): string {
    return this.training.file;
  }

  recordsFor(id: string): readonly TrainingRecord[] {
    return this.byId.get(id) ?? [];
  }

  ids(): IterableIterator<string> {
    return this.byId.keys();
  }
}

export interface CompetenceEnvironment {
  readonly config: DenshoConfig;
  readonly people: PeopleRegistry | undefined;
  readonly today: Day;
  readonly changeKindOf: ChangeKindOf;
}

/** Whether an approved document of this type needs `min-qualified` people. */
export function needsQualifiedPeople(document: IndexedDocument): boolean {
  const { meta } = document;
  return meta.status === 'approved' && EXPERT_TYPES.includes(meta.type) && !meta.isTranslation;
}

export function recordState(record: TrainingRecord, document: IndexedDocument | undefined, changeKindOf: ChangeKindOf): RecordState {
  const currentVersion = document?.meta.version;
  let outdatedBy: number | undefined;
  if (document && currentVersion !== undefined) {
    for (let version = currentVersion; version > record.version.value; version--) {
      if (changeKindOf(document, version) !== 'minor') {
        outdatedBy = version;
        break;
      }
    }
  }
  return { record, currentVersion, outdatedBy };
}

/** The competence on one document (its source-language file), from the records of its id. */
export function documentCompetence(document: IndexedDocument, training: TrainingIndex, environment: CompetenceEnvironment): DocumentCompetence {
  const id = document.meta.id?.value;
  const records = id === undefined ? [] : training.recordsFor(id).map((record) => recordState(record, document, environment.changeKindOf));
  const horizon = addDuration(environment.today, environment.config.peopleWarnBefore);
  const qualified: QualifiedPerson[] = [];
  const leaving: QualifiedPerson[] = [];
  const seen = new Set<string>();
  for (const state of records) {
    const key = state.record.person.value;
    if (seen.has(key) || state.outdatedBy !== undefined || !QUALIFIED_LEVELS.has(state.record.level.value)) continue;
    const person = environment.people?.people.get(key);
    if (person && !person.active) continue;
    seen.add(key);
    const entry = { person: key, leaves: person?.leaves };
    (person?.leaves !== undefined && person.leaves <= horizon ? leaving : qualified).push(entry);
  }
  return { records, qualified, leaving, required: needsQualifiedPeople(document) ? environment.config.minQualified : 0 };
}
