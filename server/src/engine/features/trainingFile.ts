/**
 * Completion and hover in training.yaml, on the text as typed (a record being
 * written does not parse yet): people at the top level, document ids with
 * their titles under a person, and inside a record its keys, the levels,
 * today's date, the document's current version and the people who can train.
 */
import { formatDay } from '../dates';
import { markdownCode, markdownText } from '../escaping/markdown';
import { message, renderMessage, type Locale, type Message, type MessageId } from '../messages';
import { documentsById } from '../reports/documents';
import type { LineIndex, Position, Range } from '../text';
import { TRAINING_LEVELS, TRAINING_RECORD_KEYS, type TrainingLevel } from '../training';
import type { Workspace } from '../workspace';
import type { IndexedDocument } from '../workspaceIndex';
import type { CompletionEntry } from './completion';
import type { HoverResult } from './hover';
import { describePersonMarkdown, personCompletions, qualifiedSummary } from './people';

const LEVEL_MEANINGS: Readonly<Record<TrainingLevel, MessageId>> = {
  learning: 'training-help.level-learning',
  supervised: 'training-help.level-supervised',
  independent: 'training-help.level-independent',
  trainer: 'training-help.level-trainer',
};

function levelMeaning(level: TrainingLevel): Message {
  return { id: LEVEL_MEANINGS[level], args: {} } as Message;
}

interface Cursor {
  readonly before: string;
  readonly after: string;
  readonly position: Position;
  /** The document id of the record on this line or, for an indented key, the line itself. */
  readonly id: string | undefined;
}

function cursorAt(text: string, lines: LineIndex, position: Position): Cursor {
  const lineStart = lines.offsetAt({ line: position.line, character: 0 });
  const offset = lines.offsetAt(position);
  const lineText = text.slice(lineStart, lines.lineEnd(position.line));
  const before = text.slice(lineStart, offset);
  return { before, after: lineText.slice(before.length), position, id: /^\s+([^\s:{]+)\s*:/.exec(lineText)?.[1] };
}

function rangeBack(cursor: Cursor, length: number, chars: RegExp): Range {
  let end = 0;
  while (end < cursor.after.length && chars.test(cursor.after[end]!)) end++;
  const { line, character } = cursor.position;
  return { start: { line, character: character - length }, end: { line, character: character + end } };
}

const WORD = /[A-Za-z0-9._-]/;

export function trainingCompletions(workspace: Workspace, text: string, lines: LineIndex, position: Position, locale: Locale): CompletionEntry[] {
  const plain = (value: Message) => renderMessage(value, locale, 'plain');
  const cursor = cursorAt(text, lines, position);
  const documents = documentsById(workspace.index.documents).filter((document) => document.meta.id);
  const document = cursor.id === undefined ? undefined : documents.find((candidate) => candidate.meta.id!.value === cursor.id);
  let match: RegExpExecArray | null;
  if ((match = /^([A-Za-z0-9._-]*)$/.exec(cursor.before))) return personCompletions(workspace, rangeBack(cursor, match[1]!.length, WORD), locale);
  if ((match = /^\s+([A-Za-z0-9._-]*)$/.exec(cursor.before))) {
    const range = rangeBack(cursor, match[1]!.length, WORD);
    return documents.map((candidate) => ({
      label: candidate.meta.id!.value,
      kind: 'document' as const,
      detail: candidate.meta.title,
      documentation: `${markdownText(candidate.meta.title ?? '')}\n\n${renderMessage(candidate.meta.version === undefined ? message('training-help.no-version-short') : message('training-help.version-short', { version: candidate.meta.version }), locale, 'markdown')} · ${markdownCode(candidate.path)}`,
      insertText: `${candidate.meta.id!.value}: { level: learning, version: ${candidate.meta.version ?? 1}, date: ${formatDay(workspace.today)} }`,
      range,
      filterText: `${candidate.meta.id!.value} ${candidate.meta.title ?? ''}`,
    }));
  }
  if ((match = /level:\s*([a-z]*)$/.exec(cursor.before))) {
    const range = rangeBack(cursor, match[1]!.length, WORD);
    return TRAINING_LEVELS.map((level, index) => ({ label: level, kind: 'enum' as const, detail: plain(levelMeaning(level)), range, sortText: String(index) }));
  }
  if ((match = /version:\s*(\d*)$/.exec(cursor.before))) {
    const version = document?.meta.version;
    return version === undefined ? [] : [{ label: String(version), kind: 'value', detail: plain(message('training-help.current-version', { id: document!.meta.id!.value })), range: rangeBack(cursor, match[1]!.length, /\d/) }];
  }
  if ((match = /date:\s*([\d-]*)$/.exec(cursor.before))) {
    return [{ label: formatDay(workspace.today), kind: 'date', detail: plain(message('completion.today')), range: rangeBack(cursor, match[1]!.length, /[\d-]/) }];
  }
  if ((match = /trainer:\s*([A-Za-z0-9._-]*)$/.exec(cursor.before))) {
    const trainers = new Set(cursor.id === undefined ? [] : workspace.training?.recordsFor(cursor.id).filter((record) => record.level.value === 'trainer').map((record) => record.person.value));
    return personCompletions(workspace, rangeBack(cursor, match[1]!.length, WORD), locale).map((entry) => ({
      ...entry,
      // Trainers of this document first: only they can sign off a training.
      sortText: `${trainers.has(entry.label) ? 0 : 1}${entry.sortText ?? entry.label}`,
      detail: trainers.has(entry.label) ? plain(message('training-help.trainer-on', { id: cursor.id!, detail: entry.detail })) : entry.detail,
    }));
  }
  if ((match = /[{,]\s*([a-z]*)$/.exec(cursor.before))) {
    const range = rangeBack(cursor, match[1]!.length, WORD);
    return TRAINING_RECORD_KEYS.map((key) => ({ label: key, kind: 'field' as const, insertText: `${key}: `, range }));
  }
  return [];
}

export function trainingHover(workspace: Workspace, text: string, lines: LineIndex, position: Position, locale: Locale): HoverResult | undefined {
  const cursor = cursorAt(text, lines, position);
  const head = /[A-Za-z0-9._-]*$/.exec(cursor.before)![0];
  const tail = /^[A-Za-z0-9._-]*/.exec(cursor.after)![0];
  const word = head + tail;
  if (word === '') return undefined;
  const range: Range = { start: { line: position.line, character: position.character - head.length }, end: { line: position.line, character: position.character + tail.length } };
  const level = TRAINING_LEVELS.find((candidate) => candidate === word);
  if (level && /level:\s*[a-z]*$/.test(cursor.before)) return { contents: `**${level}**: ${renderMessage(levelMeaning(level), locale, 'markdown')}`, range };
  const person = workspace.people?.people.get(word);
  if (person) return { contents: describePersonMarkdown(workspace, person, locale), range };
  // A record names a procedure by id, whatever its languages: the source-language file speaks for it.
  const document = workspace.index.resolveId(word, workspace.index.sourceLanguage);
  if (document) return { contents: describeTrained(workspace, document, locale), range };
  return undefined;
}

function describeTrained(workspace: Workspace, document: IndexedDocument, locale: Locale): string {
  const lines = [`**${markdownCode(document.meta.id!.value)}** ${markdownText(document.meta.title ?? '')}`];
  const version = document.meta.version === undefined ? message('training-help.no-version') : message('training-help.version', { version: document.meta.version, change: document.meta.change });
  lines.push(renderMessage(version, locale, 'markdown'));
  const competence = workspace.competence(document);
  if (competence) lines.push(qualifiedSummary(competence, locale));
  return lines.join('\n\n');
}
