/**
 * The skills matrix (力量表, ISO 9001 7.2 and 7.1.6): people × procedures
 * with the level of each, how many people can do each procedure alone
 * against `min-qualified`, who must be retrained because a procedure changed,
 * and the procedures whose qualified people all leave soon (succession).
 */
import { documentCompetence, needsQualifiedPeople, type CompetenceEnvironment, type TrainingIndex } from '../competence';
import { formatDay } from '../dates';
import type { PeopleRegistry } from '../people';
import type { TrainingLevel } from '../training';
import type { IndexedDocument } from '../workspaceIndex';
import { documentsById } from './documents';

export interface SkillsRecord {
  readonly person: string;
  readonly level: TrainingLevel;
  readonly version: number;
  readonly date: string | null;
  readonly trainer: string | null;
  /** No major version of the document came after `version`. */
  readonly current: boolean;
}

export interface LeavingPerson {
  readonly person: string;
  readonly leaves: string;
}

export interface SkillsDocument {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly version: number | null;
  /** `min-qualified` when the document needs qualified people (approved sop, work-instruction, master), else 0. */
  readonly required: number;
  /** People who can do it alone and stay beyond `people-warn-before`. */
  readonly qualified: readonly string[];
  /** Qualified, but leaving within `people-warn-before`: not counted. */
  readonly leaving: readonly LeavingPerson[];
  readonly records: readonly SkillsRecord[];
}

export interface SkillsPerson {
  readonly person: string;
  readonly name: string | null;
  readonly active: boolean;
  readonly leaves: string | null;
}

export interface Retraining {
  readonly person: string;
  readonly id: string;
  readonly trainedOn: number;
  readonly currentVersion: number;
}

export interface SkillsMatrix {
  readonly version: 1;
  readonly today: string;
  readonly minQualified: number;
  /** Everyone with a record, in the order of training.yaml: the matrix's columns. */
  readonly people: readonly SkillsPerson[];
  /** Everyone in people.yaml, records or not: who can be picked when recording a training. */
  readonly roster: readonly SkillsPerson[];
  readonly documents: readonly SkillsDocument[];
  readonly retraining: readonly Retraining[];
  /** Documents whose qualified people all leave within `people-warn-before`. */
  readonly succession: readonly { readonly id: string; readonly title: string; readonly leaving: readonly LeavingPerson[] }[];
  readonly summary: { readonly documents: number; readonly belowMinimum: number; readonly retraining: number; readonly succession: number };
}

export function skillsMatrix(
  documents: Iterable<IndexedDocument>,
  training: TrainingIndex | undefined,
  people: PeopleRegistry | undefined,
  environment: CompetenceEnvironment,
  /** List everyone in people.yaml as the roster; otherwise only the people of the matrix. */
  fullRoster = true,
): SkillsMatrix {
  const rows: SkillsDocument[] = [];
  const retraining: Retraining[] = [];
  const succession: SkillsMatrix['succession'][number][] = [];
  const recorded = new Set<string>();
  for (const document of documentsById(documents)) {
    const id = document.meta.id?.value;
    if (id === undefined || document.meta.status === 'obsolete') continue;
    const hasRecords = training !== undefined && training.recordsFor(id).length > 0;
    if (!hasRecords && !needsQualifiedPeople(document)) continue;
    const competence = training ? documentCompetence(document, training, environment) : undefined;
    const records = (competence?.records ?? []).map((state): SkillsRecord => {
      const { record } = state;
      recorded.add(record.person.value);
      if (state.outdatedBy !== undefined && state.currentVersion !== undefined) {
        retraining.push({ person: record.person.value, id, trainedOn: record.version.value, currentVersion: state.currentVersion });
      }
      return {
        person: record.person.value,
        level: record.level.value,
        version: record.version.value,
        date: record.date ? formatDay(record.date.value) : null,
        trainer: record.trainer?.value ?? null,
        current: state.outdatedBy === undefined,
      };
    });
    const leaving = (competence?.leaving ?? []).map(({ person, leaves }) => ({ person, leaves: formatDay(leaves!) }));
    const title = document.meta.title ?? '';
    rows.push({
      id,
      title,
      file: document.path,
      version: document.meta.version ?? null,
      required: needsQualifiedPeople(document) ? environment.config.minQualified : 0,
      qualified: (competence?.qualified ?? []).map(({ person }) => person),
      leaving,
      records,
    });
    if ((competence?.qualified.length ?? 0) === 0 && leaving.length > 0) succession.push({ id, title, leaving });
  }
  rows.sort((a, b) => a.id.localeCompare(b.id));
  const order = [...new Set(training?.training.records.map((record) => record.person.value) ?? [])].filter((person) => recorded.has(person));
  const row = (key: string): SkillsPerson => {
    const person = people?.people.get(key);
    return { person: key, name: person?.name ?? null, active: person?.active ?? true, leaves: person?.leaves === undefined ? null : formatDay(person.leaves) };
  };
  const peopleRows = order.map(row);
  return {
    version: 1,
    today: formatDay(environment.today),
    minQualified: environment.config.minQualified,
    people: peopleRows,
    roster: fullRoster ? [...(people?.people.keys() ?? [])].map(row) : peopleRows,
    documents: rows,
    retraining,
    succession,
    summary: {
      documents: rows.length,
      belowMinimum: rows.filter((row) => row.qualified.length < row.required).length,
      retraining: retraining.length,
      succession: succession.length,
    },
  };
}
