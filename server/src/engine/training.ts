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
import { parseBlock, parseBlocksAtOnce, topLevelBlocks, type YamlBlock } from './yamlBlocks';
import { describeKind, parseYaml, scalarText, type YamlEntry, type YamlValue } from './yamlValue';

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

/** One person's records and the problems found in their entry. */
interface PersonReading {
  readonly person: string;
  readonly records: readonly TrainingRecord[];
  readonly findings: readonly Finding[];
  /** Document entries read (records or not): what counts against the record ceiling. */
  readonly entries: number;
  /** The record ceiling was reached inside this person's entry: nothing after it is read. */
  readonly overflowed: boolean;
}

/**
 * What `parseTraining` keeps between reads of one file: each person's
 * reading by the text of their entry, placed at the line where the entry
 * was last found.
 */
export interface TrainingParseCache {
  file?: string;
  people: Map<string, { readonly placed: PersonReading; readonly line: number }>;
}

/**
 * Reads training.yaml. With a `cache` (the language server's, across
 * edits), only the people whose entry changed are parsed again (see
 * yamlBlocks.ts): a keystroke in a file of thousands of records costs
 * milliseconds, not the whole file's parse. The result is the same with or
 * without it.
 */
export function parseTraining(file: string, text: string, cache?: TrainingParseCache): { training: TrainingRecords; findings: Finding[] } {
  const lines = new LineIndex(text);
  if (cache) {
    const known = cache.file === file ? cache.people : new Map();
    cache.file = file;
    cache.people = new Map();
    const blocks = topLevelBlocks(text, lines);
    const read = blocks && blocks.length <= PEOPLE_CEILING ? readByBlock(file, text, lines, blocks, known, cache.people) : undefined;
    if (read) return read;
    cache.people = new Map();
  }
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
    const reading = readPerson(file, personEntry, TRAINING_RECORD_CEILING - read);
    records.push(...reading.records);
    findings.push(...reading.findings);
    read += reading.entries;
    if (reading.overflowed) break;
  }
  return { training: { file, records }, findings };
}

/**
 * parseTraining entry by entry, reusing `known` readings of unchanged
 * entries and recording every reading in `next`; undefined when an entry
 * does not read cleanly on its own (the whole text is then parsed, which
 * reports it), a person repeats, or the record ceiling is reached.
 */
function readByBlock(file: string, text: string, lines: LineIndex, blocks: readonly YamlBlock[], known: TrainingParseCache['people'], next: TrainingParseCache['people']): { training: TrainingRecords; findings: Finding[] } | undefined {
  // Nothing to reuse (the first read): one parse of the whole text is quicker than one per person.
  const inPlace = known.size === 0 ? parseBlocksAtOnce(text, lines, blocks) : undefined;
  if (known.size === 0 && !inPlace) return undefined;
  const records: TrainingRecord[] = [];
  const findings: Finding[] = [];
  const people = new Set<string>();
  let read = 0;
  for (let index = 0; index < blocks.length; index++) {
    const { source, line } = blocks[index]!;
    let reading = known.get(source) ?? next.get(source);
    if (!reading) {
      if (inPlace) {
        const placed = readPerson(file, inPlace[index]!, TRAINING_RECORD_CEILING);
        reading = { placed, line };
      } else {
        const entry = parseBlock(source);
        if (!entry) return undefined;
        // Parsed on its own, the entry starts at line 0.
        const relative = readPerson(file, entry, TRAINING_RECORD_CEILING);
        reading = { placed: line === 0 ? relative : movedReading(relative, line), line };
      }
    } else if (reading.line !== line) {
      reading = { placed: movedReading(reading.placed, line - reading.line), line };
    }
    const person = reading.placed.person;
    if (people.has(person) || read + reading.placed.entries > TRAINING_RECORD_CEILING) return undefined;
    people.add(person);
    read += reading.placed.entries;
    next.set(source, reading);
    records.push(...reading.placed.records);
    findings.push(...reading.placed.findings);
  }
  return { training: { file, records }, findings };
}

/** One person's entry: their records, and problems with the entry; at most `budget` document entries are read. */
function readPerson(file: string, personEntry: YamlEntry, budget: number): PersonReading {
  const records: TrainingRecord[] = [];
  const findings: Finding[] = [];
  const problem = (range: Range, text: Message): void => {
    findings.push({ file, rule: 'training/invalid', range, message: text });
  };
  const person = { value: personEntry.key, range: personEntry.keyRange };
  const documents = personEntry.value;
  const reading = (entries: number, overflowed: boolean): PersonReading => ({ person: person.value, records, findings, entries, overflowed });
  if (documents.kind === 'empty') return reading(0, false);
  if (documents.kind !== 'map') {
    problem(documents.range, message('training.person-map', { person: person.value }));
    return reading(0, false);
  }
  let entries = 0;
  for (const documentEntry of documents.entries) {
    if (entries === budget) {
      problem(documentEntry.keyRange, message('training.too-many-records', { file, limit: TRAINING_RECORD_CEILING }));
      return reading(entries, true);
    }
    entries++;
    const record = readRecord(person, { value: documentEntry.key, range: documentEntry.keyRange }, documentEntry.value, problem);
    if (record) records.push(record);
  }
  return reading(entries, false);
}

/** A reading moved down `lines` lines (an entry starts at column 0, so columns stay). */
function movedReading(reading: PersonReading, lines: number): PersonReading {
  const range = (at: Range): Range => ({ start: { line: at.start.line + lines, character: at.start.character }, end: { line: at.end.line + lines, character: at.end.character } });
  const located = <T>(at: Located<T>): Located<T> => ({ value: at.value, range: range(at.range) });
  return {
    ...reading,
    findings: reading.findings.map((finding) => ({ ...finding, range: range(finding.range) })),
    records: reading.records.map((record) => ({
      person: located(record.person),
      id: located(record.id),
      level: located(record.level),
      version: located(record.version),
      date: record.date && located(record.date),
      trainer: record.trainer && located(record.trainer),
      range: range(record.range),
    })),
  };
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
