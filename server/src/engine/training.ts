/**
 * training.yaml: who was trained on which procedure, at which level, on which
 * version (ISO 9001 7.2, evidence of competence). This file reads its form
 * only; whether the people and document ids exist, and whether a record is
 * still current, needs the workspace and is decided in competence.ts.
 */
import { parseDay, type Day } from './dates';
import { PEOPLE_CEILING, TRAINING_RECORD_CEILING } from './limits';
import { message, type Message } from './messages';
import type { Finding } from './diagnostics';
import { closestMatch } from './suggest';
import { LineIndex, type Range } from './text';
import { describeKind, parseYaml, scalarText, type YamlValue } from './yamlValue';

/** The four steps of a skills map (力量表), lowest first. */
export const TRAINING_LEVELS = ['learning', 'supervised', 'independent', 'trainer'] as const;
export type TrainingLevel = (typeof TRAINING_LEVELS)[number];

/** Levels at which a person does the work alone: only these count as qualified. */
export const QUALIFIED_LEVELS: ReadonlySet<TrainingLevel> = new Set(['independent', 'trainer']);

export const TRAINING_RECORD_KEYS = ['level', 'version', 'date', 'trainer', 'note'] as const;

/** A located value: what a diagnostic points at. */
interface Located<T> {
  readonly value: T;
  readonly range: Range;
}

export interface TrainingRecord {
  readonly person: Located<string>;
  /** The document id the record is about. */
  readonly id: Located<string>;
  readonly level: Located<TrainingLevel>;
  /** The document version the person was trained on. */
  readonly version: Located<number>;
  readonly date?: Located<Day>;
  readonly trainer?: Located<string>;
  /** The record's whole value: where an outdated record is reported. */
  readonly range: Range;
}

export interface TrainingRecords {
  readonly file: string;
  readonly records: readonly TrainingRecord[];
}

export function parseTraining(file: string, text: string): { training: TrainingRecords; findings: Finding[] } {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const records: TrainingRecord[] = [];
  const problem = (range: Range, message: Message): void => {
    findings.push({ file, rule: 'training/invalid', range, message });
  };
  const parsed = parseYaml(text, lines);
  for (const error of parsed.errors) problem(error.range, message('config.yaml', { file, error: error.message }));
  const root = parsed.root;
  if (root && root.kind !== 'map') problem(root.range, message('training.not-a-map', { file, kind: describeKind(root) }));
  if (root?.kind !== 'map') return { training: { file, records }, findings };

  const overflowingPerson = root.entries[PEOPLE_CEILING];
  if (overflowingPerson) problem(overflowingPerson.keyRange, message('people.too-many', { file, count: root.entries.length, limit: PEOPLE_CEILING }));
  let read = 0;
  for (const personEntry of root.entries.slice(0, PEOPLE_CEILING)) {
    const person = { value: personEntry.key, range: personEntry.keyRange };
    const documents = personEntry.value;
    if (documents.kind === 'empty') continue;
    if (documents.kind !== 'map') {
      problem(documents.range, message('training.person-map', { person: person.value }));
      continue;
    }
    for (const documentEntry of documents.entries) {
      if (read++ === TRAINING_RECORD_CEILING) {
        problem(documentEntry.keyRange, message('training.too-many-records', { file, limit: TRAINING_RECORD_CEILING }));
        return { training: { file, records }, findings };
      }
      const record = readRecord(person, { value: documentEntry.key, range: documentEntry.keyRange }, documentEntry.value, problem);
      if (record) records.push(record);
    }
  }
  return { training: { file, records }, findings };
}

function readRecord(
  person: Located<string>,
  id: Located<string>,
  value: YamlValue,
  problem: (range: Range, message: Message) => void,
): TrainingRecord | undefined {
  const record = message('training.record', { person: person.value, id: id.value });
  if (value.kind !== 'map') {
    problem(value.range, message('training.record-map', { record }));
    return undefined;
  }
  let level: Located<TrainingLevel> | undefined;
  let version: Located<number> | undefined;
  let date: Located<Day> | undefined;
  let trainer: Located<string> | undefined;
  let valid = true;
  for (const field of value.entries) {
    const text = scalarText(field.value);
    const at = field.value.range;
    switch (field.key) {
      case 'level': {
        const known = TRAINING_LEVELS.find((candidate) => candidate === text);
        if (known) level = { value: known, range: at };
        else {
          const suggestion = text ? closestMatch(text, TRAINING_LEVELS) : undefined;
          problem(at, message('training.level', { record, levels: TRAINING_LEVELS, suggestion }));
          valid = false;
        }
        break;
      }
      case 'version': {
        const number = text !== undefined && /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : undefined;
        if (number === undefined) {
          problem(at, message('training.version', { record }));
          valid = false;
        } else version = { value: number, range: at };
        break;
      }
      case 'date': {
        const day = text === undefined ? undefined : parseDay(text);
        if (day === undefined) {
          problem(at, message('training.date', { record }));
          valid = false;
        } else date = { value: day, range: at };
        break;
      }
      case 'trainer':
        if (!text) {
          problem(at, message('training.trainer-key', { record }));
          valid = false;
        } else trainer = { value: text, range: at };
        break;
      case 'note':
        break;
      default: {
        const suggestion = closestMatch(field.key, TRAINING_RECORD_KEYS);
        problem(field.keyRange, message('training.unknown-field', { record, field: field.key, suggestion }));
      }
    }
  }
  if (!level) {
    if (valid) problem(value.range, message('training.needs-level', { record, levels: TRAINING_LEVELS }));
    return undefined;
  }
  if (!version) {
    if (valid) problem(value.range, message('training.needs-version', { record }));
    return undefined;
  }
  return { person, id, level, version, date, trainer, range: value.range };
}
