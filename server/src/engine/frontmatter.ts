/**
 * The front matter schema: which fields exist, what form each takes, and the
 * typed metadata the rules and reports read. Validation and extraction share
 * one set of field readers, so a value is judged in exactly one place.
 */
import { sourceLanguage, type DenshoConfig } from './config';
import { formatDay, guessDay, parseDay, parseDuration, type Day, type Duration } from './dates';
import { FRONT_MATTER_KEY_CEILING } from './limits';
import { message, type Message, type MessageId } from './messages';
import type { ParsedDocument } from './parse';
import { closestMatch } from './suggest';
import type { Range } from './text';
import { describeKind, type YamlEntry, type YamlScalar, type YamlValue } from './yamlValue';

export const DOCUMENT_TYPES = ['sop', 'work-instruction', 'master', 'form', 'policy', 'record'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const STATUSES = ['draft', 'approved', 'obsolete'] as const;
export type DocumentStatus = (typeof STATUSES)[number];
export const CHANGE_KINDS = ['major', 'minor'] as const;
/** Types that capture somebody's tacit knowledge, and so must name the expert source. */
export const EXPERT_TYPES: readonly DocumentType[] = ['sop', 'work-instruction', 'master'];

export interface FieldSpec {
  readonly name: string;
  /** What the field is for, as hover and completion show it. */
  readonly description: Message;
  /** Placeholder inserted by the "add the field" quick fix; empty for a person, whom only a person can name. */
  readonly placeholder: string;
}

/** Every known field, in the order a template lists them. Standards add one field each (e.g. `iso9001`). */
export const FIELDS: readonly FieldSpec[] = [
  { name: 'id', description: message('field-help.id'), placeholder: 'SOP-XXX-001' },
  { name: 'title', description: message('field-help.title'), placeholder: 'Title' },
  { name: 'type', description: message('field-help.type'), placeholder: 'sop' },
  { name: 'access', description: message('field-help.access'), placeholder: 'internal' },
  { name: 'access-list', description: message('field-help.access-list'), placeholder: '[]' },
  { name: 'owner', description: message('field-help.owner'), placeholder: '' },
  { name: 'expert', description: message('field-help.expert'), placeholder: '' },
  { name: 'reviewed', description: message('field-help.reviewed'), placeholder: '{today}' },
  { name: 'review-interval', description: message('field-help.review-interval'), placeholder: '12m' },
  { name: 'status', description: message('field-help.status'), placeholder: 'draft' },
  { name: 'version', description: message('field-help.version'), placeholder: '1' },
  { name: 'approved-by', description: message('field-help.approved-by'), placeholder: '' },
  { name: 'approved', description: message('field-help.approved'), placeholder: '{today}' },
  { name: 'lang', description: message('field-help.lang'), placeholder: 'en' },
  { name: 'translated-from-version', description: message('field-help.translated-from-version'), placeholder: '1' },
  { name: 'related', description: message('field-help.related'), placeholder: '[]' },
  { name: 'supersedes', description: message('field-help.supersedes'), placeholder: '[]' },
  { name: 'media', description: message('field-help.media'), placeholder: '[]' },
  { name: 'change', description: message('field-help.change'), placeholder: 'major' },
];

export const FIELD_NAMES: ReadonlySet<string> = new Set(FIELDS.map((field) => field.name));

/** A value in a list field, with where it stands. */
export interface ValueRef {
  readonly value: string;
  readonly range: Range;
}

/** Typed metadata of a document; a field whose value is invalid is left undefined here. */
export interface DocumentMeta {
  readonly id?: ValueRef;
  readonly title?: string;
  readonly type: DocumentType;
  readonly access?: ValueRef;
  /** Index of `access` in `layers`; higher is more restricted. */
  readonly layer?: number;
  readonly accessList?: readonly string[];
  readonly owner?: ValueRef;
  readonly experts: readonly ValueRef[];
  readonly reviewed?: Day;
  readonly reviewInterval?: Duration;
  readonly status: DocumentStatus;
  readonly version?: number;
  readonly approvedBy?: ValueRef;
  /** When `approved-by` approved the current version. */
  readonly approved?: Day;
  /** What kind of change the current version made (`change`, default major). */
  readonly change: (typeof CHANGE_KINDS)[number];
  readonly lang: string;
  /** True when `lang` is not the source language. */
  readonly isTranslation: boolean;
  readonly translatedFromVersion?: number;
  /** Clause numbers per standard id. */
  readonly clauses: ReadonlyMap<string, readonly ValueRef[]>;
  readonly related: readonly ValueRef[];
  readonly supersedes: readonly ValueRef[];
  readonly media: readonly ValueRef[];
  /** Entries of the front matter by key, for ranges. */
  readonly fields: FieldEntries;
  /** Known fields written with no value (`owner:`): they count as missing. */
  readonly emptyFields: ReadonlyMap<string, YamlEntry>;
}

export interface FieldProblem {
  /** frontmatter/invalid unless said otherwise. */
  readonly rule?: 'frontmatter/full-width';
  readonly range: Range;
  readonly message: Message;
  /** An obviously right replacement for the value at `range`. */
  readonly replacement?: { readonly title: Message; readonly newText: string };
}

type Reader<T> = (value: YamlValue, context: ReadContext) => T | FieldProblem[];

interface ReadContext {
  readonly config: DenshoConfig;
  readonly key: string;
}

const isProblems = (value: unknown): value is FieldProblem[] => Array.isArray(value) && value.every((item) => 'message' in item);

type WrongFormId = Extract<MessageId, `field.expected-${string}`>;

/** "Expected `key` to be …, found …": `expected` names what the field should have been. */
function wrongForm(value: YamlValue, expected: WrongFormId, key: string): FieldProblem[] {
  return [{ range: value.range, message: message(expected, { key, found: describeKind(value) }) }];
}

const readText: Reader<ValueRef> = (value, context) => {
  if (value.kind !== 'scalar' || value.text === '') return wrongForm(value, 'field.expected-text', context.key);
  return { value: value.text, range: value.range };
};

function readEnum(allowed: readonly string[]): Reader<ValueRef> {
  return (value, context) => {
    const text = value.kind === 'scalar' ? value.text : undefined;
    if (text !== undefined && allowed.includes(text)) return { value: text, range: value.range };
    const suggestion = text === undefined ? undefined : closestMatch(text, allowed);
    return [
      {
        range: value.range,
        message: message('field.enum', { key: context.key, allowed, value: text }),
        replacement: suggestion ? { title: message('fix.change-to', { value: suggestion }), newText: suggestion } : undefined,
      },
    ];
  };
}

const readDate: Reader<Day> = (value, context) => {
  const text = value.kind === 'scalar' ? value.text : '';
  const day = parseDay(text);
  if (day !== undefined && value.kind === 'scalar') return day;
  const typed = japaneseDay(text);
  if (typed !== undefined) {
    const iso = formatDay(typed);
    const id = /[年月日]/.test(text) ? 'fullwidth.japanese-date' : 'fullwidth.date-digits';
    return [{ rule: 'frontmatter/full-width', range: value.range, message: message(id, { key: context.key, text, iso }), replacement: { title: message('fix.write-date', { day: iso }), newText: iso } }];
  }
  const guessed = guessDay(text);
  return [
    {
      range: value.range,
      message: message('field.date', { key: context.key, value: text || undefined }),
      replacement: guessed === undefined ? undefined : { title: message('fix.write-date', { day: formatDay(guessed) }), newText: formatDay(guessed) },
    },
  ];
};

const readDuration: Reader<Duration> = (value, context) => {
  const duration = value.kind === 'scalar' ? parseDuration(value.text) : undefined;
  return duration ?? wrongForm(value, 'field.expected-duration', context.key);
};

const readPositiveInteger: Reader<number> = (value, context) => {
  if (value.kind === 'scalar' && typeof value.value === 'number' && Number.isSafeInteger(value.value) && value.value > 0) {
    return value.value;
  }
  const halfWidth = value.kind === 'scalar' ? halfWidthDigits(value.text) : '';
  if (value.kind === 'scalar' && halfWidth !== value.text && /^\d+$/.test(halfWidth) && Number(halfWidth) > 0) {
    return [{ rule: 'frontmatter/full-width', range: value.range, message: message('fullwidth.digits', { key: context.key, text: value.text, value: halfWidth }), replacement: { title: message('fix.write-value', { value: halfWidth }), newText: halfWidth } }];
  }
  if (value.kind === 'scalar' && /^\d+$/.test(value.text) && Number(value.text) > 0) {
    return [{ range: value.range, message: message('field.quoted-number', { key: context.key }), replacement: { title: message('fix.unquote', { value: value.text }), newText: value.text } }];
  }
  return wrongForm(value, 'field.expected-positive-integer', context.key);
};

/** Full-width digits `０`–`９` as ASCII digits, everything else as it is. */
function halfWidthDigits(text: string): string {
  return text.replace(/[\uff10-\uff19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/**
 * A date as a Japanese keyboard types it: with full-width digits or dashes
 * (`２０２６－０３－０１`), or in the `2026年3月1日` form.
 */
function japaneseDay(text: string): Day | undefined {
  const halfWidth = halfWidthDigits(text.trim()).replace(/[\uff0d\u2212\u30fc]/g, '-').replace(/\uff0f/g, '/');
  const written = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(halfWidth);
  if (written) return parseDay(`${written[1]}-${written[2]!.padStart(2, '0')}-${written[3]!.padStart(2, '0')}`);
  return halfWidth === text.trim() ? undefined : parseDay(halfWidth) ?? guessDay(halfWidth);
}

/** A list of text values; a lone scalar is accepted where `allowScalar` says so. */
function readTextList(allowScalar: boolean): Reader<ValueRef[]> {
  return (value, context) => {
    if (value.kind === 'scalar' && allowScalar) return [{ value: value.text, range: value.range }];
    if (value.kind === 'scalar') {
      const title = message('fix.make-list', { list: `[${value.text}]` });
      return [{ range: value.range, message: message('field.not-a-list', { key: context.key }), replacement: { title, newText: `[${quoteIfNeeded(value)}]` } }];
    }
    if (value.kind === 'empty') return [];
    if (value.kind !== 'list') return wrongForm(value, 'field.expected-list', context.key);
    const refs: ValueRef[] = [];
    const problems: FieldProblem[] = [];
    for (const item of value.items) {
      if (item.kind === 'scalar' && item.text !== '') refs.push({ value: item.text, range: item.range });
      else problems.push(...wrongForm(item, 'field.expected-list-of-text', context.key));
    }
    return problems.length > 0 ? problems : refs;
  };
}

function quoteIfNeeded(value: YamlScalar): string {
  return value.quoted ? JSON.stringify(value.text) : value.text;
}

const readClauses: Reader<ValueRef[]> = (value, context) => {
  const list = readTextList(false)(value, context);
  if (isProblems(list)) return list;
  const problems = list
    .filter((ref) => !/^\d+(\.\d+)*$/.test(ref.value))
    .map((ref) => ({ range: ref.range, message: message('field.clause', { value: ref.value }) }));
  return problems.length > 0 ? problems : list;
};

/**
 * Values that stand for a person not yet named: the field names an older
 * skeleton wrote (`owner: owner`) and the usual to-do words. Taken as a
 * person they would show up as someone called "expert" in every report.
 */
const PLACEHOLDER_PEOPLE = new Set(['owner', 'expert', 'approver', 'approved-by', 'person', 'tbd', 'todo', 'tba', 'xxx', '?', '-']);

/** A person field: each value must be a person, not a placeholder for one. */
function readPeople<T extends ValueRef | ValueRef[]>(reader: Reader<T>): Reader<T> {
  return (value, context) => {
    const result = reader(value, context);
    if (isProblems(result)) return result;
    const refs: ValueRef[] = Array.isArray(result) ? result : [result as ValueRef];
    const placeholders = refs.filter((ref) => PLACEHOLDER_PEOPLE.has(ref.value.trim().toLowerCase()));
    if (placeholders.length === 0) return result;
    return placeholders.map((ref) => ({ range: ref.range, message: message('field.placeholder-person', { value: ref.value, key: context.key }) }));
  };
}

/**
 * Readers by field; standards' fields use `readClauses`. A Map, not an
 * object literal: a key such as `__proto__` or `constructor` must find
 * nothing here, not a member of Object.prototype.
 */
const READERS: ReadonlyMap<string, Reader<unknown>> = new Map(Object.entries({
  id: readText,
  title: readText,
  type: readEnum(DOCUMENT_TYPES),
  access: (value, context) => readEnum(context.config.layers)(value, context),
  'access-list': readTextList(false),
  owner: readPeople(readText),
  expert: readPeople(readTextList(true)),
  reviewed: readDate,
  'review-interval': readDuration,
  status: readEnum(STATUSES),
  version: readPositiveInteger,
  'approved-by': readPeople(readText),
  approved: readDate,
  lang: (value, context) => readEnum(context.config.languages)(value, context),
  'translated-from-version': readPositiveInteger,
  related: readTextList(false),
  supersedes: readTextList(false),
  media: readTextList(false),
  change: readEnum(CHANGE_KINDS),
} satisfies Record<string, Reader<unknown>>));

export interface FieldCheck {
  readonly entry: YamlEntry;
  /** Undefined for an unknown field. */
  readonly problems?: readonly FieldProblem[];
}

/** Entries by key: the last of a key wins, as YAML readers take it. */
export interface FieldEntries {
  get(key: string): YamlEntry | undefined;
  has(key: string): boolean;
}

/** Front matter longer than this is looked up through a Map; shorter, by a scan of its entries. */
const SCANNED_FIELDS = 24;

/**
 * A short front matter's entries, found by a scan. Every document's
 * metadata lives as long as the workspace, and a Map of a dozen entries
 * took 500 bytes; the list takes a hundred, and a dozen comparisons find
 * one. A long front matter (up to FRONT_MATTER_KEY_CEILING keys) gets a
 * Map instead, so that a rule looking up each of its fields stays linear.
 */
class ScannedEntries implements FieldEntries {
  constructor(private readonly entries: readonly YamlEntry[]) {}

  get(key: string): YamlEntry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) if (this.entries[i]!.key === key) return this.entries[i];
    return undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

/** `slice`: the list was grown by push, with room to spare. */
function fieldEntries(entries: readonly YamlEntry[]): FieldEntries {
  return entries.length > SCANNED_FIELDS ? new Map(entries.map((entry) => [entry.key, entry])) : new ScannedEntries(entries.slice());
}

/** What most documents have no entry in: shared, since every document's metadata lives as long as the workspace. */
const NO_EMPTY_FIELDS: ReadonlyMap<string, YamlEntry> = new Map();

/**
 * Reads every field of the front matter: the metadata, plus the checks the
 * rules report, one for each unknown field or field with problems (a field
 * read cleanly needs none: the rules would find nothing to say, and a
 * repository's thousands of such checks were kept for as long as it is).
 */
export function readFrontMatter(
  document: ParsedDocument,
  config: DenshoConfig,
  standardIds: readonly string[],
): { meta: DocumentMeta; checks: FieldCheck[] } {
  const fields: YamlEntry[] = [];
  let emptyFields: Map<string, YamlEntry> | undefined;
  const values = new Map<string, unknown>();
  const checks: FieldCheck[] = [];
  // Keys past the ceiling are not read (rules/frontmatter.ts reports where they start).
  for (const entry of (document.frontMatter?.fields?.entries ?? []).slice(0, FRONT_MATTER_KEY_CEILING)) {
    const reader = READERS.get(entry.key) ?? (standardIds.includes(entry.key) ? readClauses : undefined);
    if (!reader) {
      fields.push(entry);
      checks.push({ entry });
      continue;
    }
    if (entry.value.kind === 'empty') {
      (emptyFields ??= new Map()).set(entry.key, entry);
      continue;
    }
    fields.push(entry);
    const result = reader(entry.value, { config, key: entry.key });
    if (isProblems(result)) checks.push({ entry, problems: result });
    else values.set(entry.key, result);
  }
  const get = <T>(key: string): T | undefined => values.get(key) as T | undefined;
  const access = get<ValueRef>('access');
  const lang = get<ValueRef>('lang')?.value ?? sourceLanguage(config);
  const clauses = new Map<string, readonly ValueRef[]>();
  for (const standard of standardIds) clauses.set(standard, get<ValueRef[]>(standard) ?? []);
  const meta: DocumentMeta = {
    id: get('id'),
    title: get<ValueRef>('title')?.value,
    type: (get<ValueRef>('type')?.value as DocumentType | undefined) ?? 'sop',
    access,
    layer: access ? config.layers.indexOf(access.value) : undefined,
    accessList: get<ValueRef[]>('access-list')?.map((ref) => ref.value),
    owner: get('owner'),
    experts: get<ValueRef[]>('expert') ?? [],
    reviewed: get('reviewed'),
    reviewInterval: get('review-interval'),
    status: (get<ValueRef>('status')?.value as DocumentStatus | undefined) ?? 'approved',
    version: get('version'),
    approvedBy: get('approved-by'),
    approved: get('approved'),
    change: (get<ValueRef>('change')?.value as DocumentMeta['change'] | undefined) ?? 'major',
    lang,
    isTranslation: lang !== sourceLanguage(config),
    translatedFromVersion: get('translated-from-version'),
    clauses,
    related: get<ValueRef[]>('related') ?? [],
    supersedes: get<ValueRef[]>('supersedes') ?? [],
    media: get<ValueRef[]>('media') ?? [],
    fields: fieldEntries(fields),
    emptyFields: emptyFields ?? NO_EMPTY_FIELDS,
  };
  return { meta, checks };
}

/** Fields a document must have, given its type, layer and language. */
export function requiredFields(meta: DocumentMeta): string[] {
  const required = ['id', 'title', 'access', 'owner', 'reviewed'];
  if (EXPERT_TYPES.includes(meta.type)) required.push('expert');
  if (meta.isTranslation) required.push('translated-from-version');
  return required;
}
