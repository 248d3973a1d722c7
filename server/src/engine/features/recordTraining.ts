/**
 * Record training: the one edit to training.yaml that sets a person's record
 * on a document. It replaces that record's value when there is one, adds a
 * line to the person's block when there is not, or a new block at the end of
 * the file for a new person; every other byte, the comments and the line
 * breaks stay as they were. Pure: the editor command applies it, the tests
 * check it.
 */
import { message, type Message } from '../messages';
import { sourceLanguage } from '../config';
import { formatDay, parseDay, type Day } from '../dates';
import type { FileEdit, TextFileEdit } from '../diagnostics';
import { LineIndex } from '../text';
import { TRAINING_LEVELS, type TrainingLevel } from '../training';
import type { Workspace } from '../workspace';
import { parseYaml } from '../yamlValue';

export interface NewTrainingRecord {
  readonly person: string;
  readonly id: string;
  readonly level: TrainingLevel;
  readonly version: number;
  readonly date: Day;
  readonly trainer?: string;
}

export type RecordTrainingResult = { readonly kind: 'edit'; readonly edit: TextFileEdit } | { readonly kind: 'error'; readonly message: Message };

/** A key or value as YAML reads it back: plain when that is safe, double-quoted otherwise. */
function yamlScalar(text: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && !/^[\d.]+$/.test(text) ? text : JSON.stringify(text);
}

export function recordValue(record: NewTrainingRecord): string {
  const trainer = record.trainer ? `, trainer: ${yamlScalar(record.trainer)}` : '';
  return `{ level: ${record.level}, version: ${record.version}, date: ${formatDay(record.date)}${trainer} }`;
}

/** The record as block mapping lines, each after `separator` (a line break and the indent) but the first. */
function recordBlock(record: NewTrainingRecord, separator: string): string {
  const fields = [`level: ${record.level}`, `version: ${record.version}`, `date: ${formatDay(record.date)}`];
  if (record.trainer) fields.push(`trainer: ${yamlScalar(record.trainer)}`);
  return fields.join(separator);
}

/**
 * The edit of `text` (training.yaml as it is now, in `file`; `lines` its line
 * index) that records `record`. Refused when the file is not valid YAML, so
 * a half-typed file is never made worse.
 */
export function recordTrainingEdit(file: string, text: string, lines: LineIndex, record: NewTrainingRecord): RecordTrainingResult {
  const parsed = parseYaml(text, lines);
  if (parsed.errors.length > 0) return { kind: 'error', message: message('record.invalid-yaml', { file }) };
  const root = parsed.root;
  const newline = /\r\n/.test(text) ? '\r\n' : /\r/.test(text) ? '\r' : '\n';
  const value = recordValue(record);
  const at = (offset: number) => lines.positionAt(offset);
  /** Where a value's own text ends: a block collection's range takes in the line break after it. */
  const contentEnd = (value: { startOffset: number; endOffset: number }) => value.startOffset + text.slice(value.startOffset, value.endOffset).replace(/\s+$/, '').length;
  const insert = (offset: number, newText: string): RecordTrainingResult => ({ kind: 'edit', edit: { kind: 'text', file, range: { start: at(offset), end: at(offset) }, newText } });
  if (root && root.kind !== 'map') return { kind: 'error', message: message('record.not-a-map', { file }) };
  const personEntry = root?.kind === 'map' ? root.entries.find((entry) => entry.key === record.person) : undefined;
  if (!personEntry) {
    // A new block at the end, after a line break if the file does not end with one.
    const separator = text.length === 0 || /[\r\n]$/.test(text) ? '' : newline;
    return insert(text.length, `${separator}${yamlScalar(record.person)}:${newline}  ${yamlScalar(record.id)}: ${value}${newline}`);
  }
  const documents = personEntry.value;
  if (documents.kind === 'map') {
    const existing = documents.entries.find((entry) => entry.key === record.id);
    if (existing) {
      const old = existing.value;
      // A block mapping's range runs on to the next line: replace its content only, and keep its shape.
      const end = contentEnd(old);
      const range = { start: at(old.startOffset), end: at(end) };
      const newText = old.kind === 'map' && !text.slice(old.startOffset, end).startsWith('{') ? recordBlock(record, newline + ' '.repeat(range.start.character)) : value;
      return { kind: 'edit', edit: { kind: 'text', file, range, newText } };
    }
    const last = documents.entries[documents.entries.length - 1]!;
    const indent = text.slice(lines.offsetAt({ line: last.keyRange.start.line, character: 0 }), last.keyStartOffset);
    if (!/^[ ]+$/.test(indent)) return { kind: 'error', message: message('record.not-one-per-line', { person: record.person }) };
    // After the last record's line: its value may span lines (a block mapping), so go by the value's end.
    const endLine = lines.positionAt(contentEnd(last.value)).line;
    const lineEnd = lines.lineEnd(endLine);
    const afterBreak = text.slice(lineEnd).match(/^(\r\n|\r|\n)/)?.[0];
    if (afterBreak === undefined) return insert(lineEnd, `${newline}${indent}${yamlScalar(record.id)}: ${value}`);
    return insert(lineEnd + afterBreak.length, `${indent}${yamlScalar(record.id)}: ${value}${newline}`);
  }
  if (documents.kind === 'empty') {
    // `person:` with nothing after it yet: the record goes on the next line.
    const lineEnd = lines.lineEnd(personEntry.keyRange.end.line);
    return insert(lineEnd, `${newline}  ${yamlScalar(record.id)}: ${value}`);
  }
  return { kind: 'error', message: message('record.person-not-a-map', { person: record.person, file }) };
}

export interface RecordTrainingRequestFields {
  readonly person: string;
  readonly id: string;
  readonly level: string;
  /** The document's current version when absent. */
  readonly version?: number;
  /** Today when absent. */
  readonly date?: string;
  readonly trainer?: string;
}

/**
 * The edits that record a training in the workspace's training.yaml (creating
 * the file when there is none), after checking the request against the
 * repository: a known document id, a level, a version the document has had.
 */
export function recordTrainingEdits(workspace: Workspace, fields: RecordTrainingRequestFields): { readonly edits: FileEdit[] } | { readonly error: Message } {
  const level = TRAINING_LEVELS.find((candidate) => candidate === fields.level);
  if (!level) return { error: message('record.level', { levels: TRAINING_LEVELS }) };
  const document = workspace.index.resolveId(fields.id, sourceLanguage(workspace.config));
  if (!document) return { error: message('record.no-id', { id: fields.id }) };
  const version = fields.version ?? document.meta.version ?? 1;
  if (!Number.isSafeInteger(version) || version < 1 || (document.meta.version !== undefined && version > document.meta.version)) {
    return { error: message('record.no-version', { id: fields.id, version: fields.version ?? version }) };
  }
  const date = fields.date === undefined ? workspace.today : parseDay(fields.date);
  if (date === undefined) return { error: message('record.date') };
  if (!fields.person.trim() || (fields.trainer !== undefined && !fields.trainer.trim())) return { error: message('record.person-keys') };
  const record: NewTrainingRecord = { person: fields.person, id: fields.id, level, version, date, trainer: fields.trainer };
  const training = workspace.trainingFile();
  if (!training) {
    const file = workspace.config.training;
    const header = '# Training records: person → document id → { level, version, date, trainer }.\n# Levels: learning, supervised, independent, trainer. See docs/competence.md.\n';
    const created = recordTrainingEdit(file, '', new LineIndex(''), record);
    return created.kind === 'edit' ? { edits: [{ kind: 'create', file, content: header + created.edit.newText }] } : { error: created.message };
  }
  const result = recordTrainingEdit(training.file, training.text, training.lines, record);
  return result.kind === 'edit' ? { edits: [result.edit] } : { error: result.message };
}
