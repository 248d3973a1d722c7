/**
 * The standards a repository maps documents to: built-ins by id, custom ones
 * from YAML files of the same shape as the built-in data.
 */
import type { Finding } from '../diagnostics';
import { CLAUSE_CEILING } from '../limits';
import { LOCALES, message, type Locale, type LocalizedText, type Message } from '../messages';
import { LineIndex, type Range } from '../text';
import { closestMatch } from '../suggest';
import { parseYaml, scalarText, findEntry, type YamlEntry, type YamlValue } from '../yamlValue';
import { iso9001 } from './iso9001';
import type { ClauseDefinition, StandardDefinition } from './types';

export const BUILT_IN_STANDARDS: ReadonlyMap<string, StandardDefinition> = new Map([[iso9001.id, iso9001]]);

/** A standard with its clauses indexed for look-up and roll-up. */
export class Standard {
  private readonly byNumber = new Map<string, ClauseDefinition>();

  constructor(readonly definition: StandardDefinition) {
    for (const clause of definition.clauses) this.byNumber.set(clause.number, clause);
  }

  get id(): string {
    return this.definition.id;
  }

  get title(): string {
    return this.definition.title;
  }

  get clauses(): readonly ClauseDefinition[] {
    return this.definition.clauses;
  }

  clause(number: string): ClauseDefinition | undefined {
    return this.byNumber.get(number);
  }

  /** `8.5.1` → [`8.5.1`, `8.5`, `8`]: a document mapped to a subclause counts for its parents. */
  selfAndAncestors(number: string): string[] {
    const result: string[] = [];
    const parts = number.split('.');
    for (let length = parts.length; length > 0; length--) {
      const candidate = parts.slice(0, length).join('.');
      if (this.byNumber.has(candidate)) result.push(candidate);
    }
    return result;
  }
}

/** A clause's title in `language` (`ja`, or a locale such as `ja-JP`), or its English title when it has none in that language. */
export function clauseTitle(clause: ClauseDefinition, language: string | null | undefined): string {
  const primary = language?.toLowerCase().split(/[-_]/)[0];
  return (primary && Object.prototype.hasOwnProperty.call(clause.translatedTitles ?? {}, primary) ? clause.translatedTitles![primary] : undefined) ?? clause.title;
}

/** A clause's title in every language of the interface, for a message: the reader's is chosen when it is rendered. */
export function localizedClauseTitle(clause: ClauseDefinition): LocalizedText {
  return Object.fromEntries(LOCALES.map((locale) => [locale, clauseTitle(clause, locale)])) as Record<Locale, string>;
}

const STANDARD_KEYS = ['id', 'title', 'clauses'];
const CLAUSE_KEYS = ['number', 'title', 'documented'];

/**
 * Reads a custom standard file (its format: docs/standards.md); problems are
 * reported on that file as `config/invalid`, each at the key or value it is
 * about: an unknown key (with the closest known one), a title YAML cut short
 * at a ` #` comment or read as a number or boolean, a clause listed twice, a
 * clause whose parent is missing (8.5.1 without 8.5 could never roll up).
 */
export function parseStandardFile(file: string, text: string): { standard?: StandardDefinition; findings: Finding[] } {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const problem = (range: Range, message: Message): void => {
    findings.push({ file, rule: 'config/invalid', range, message });
  };
  const parsed = parseYaml(text, lines);
  for (const error of parsed.errors) problem(error.range, message('config.yaml', { file, error: error.message }));
  const root = parsed.root;
  if (!root) return { findings };
  if (root.kind !== 'map') {
    problem(root.range, message('standard.not-a-map'));
    return { findings };
  }
  reportUnknownKeys(root, STANDARD_KEYS, message('standard.what-standard'), problem);
  const id = scalarText(findEntry(root, 'id')?.value);
  const titleEntry = findEntry(root, 'title');
  const title = titleEntry && checkedTitle(titleEntry, text, lines, problem);
  const clausesEntry = findEntry(root, 'clauses');
  if (!id || !/^[a-z][a-z0-9-]*$/.test(id)) {
    problem(findEntry(root, 'id')?.value.range ?? root.range, message('standard.id'));
    return { findings };
  }
  if (clausesEntry?.value.kind !== 'list') {
    problem(clausesEntry?.value.range ?? root.range, message('standard.clauses'));
    return { findings };
  }
  const clauses: ClauseDefinition[] = [];
  const numberRanges = new Map<string, Range>();
  const overflow = clausesEntry.value.items[CLAUSE_CEILING];
  if (overflow) problem(overflow.range, message('standard.too-many-clauses', { file, count: clausesEntry.value.items.length, limit: CLAUSE_CEILING }));
  for (const item of clausesEntry.value.items.slice(0, CLAUSE_CEILING)) {
    if (item.kind !== 'map') {
      problem(item.range, message('standard.clause-map'));
      continue;
    }
    reportUnknownKeys(item, CLAUSE_KEYS, message('standard.what-clause'), problem);
    const numberValue = findEntry(item, 'number')?.value;
    const number = scalarText(numberValue);
    const titleOfClause = findEntry(item, 'title');
    const clauseTitle = titleOfClause && checkedTitle(titleOfClause, text, lines, problem);
    const documented = findEntry(item, 'documented')?.value;
    if (!number || !/^\d+(\.\d+)*$/.test(number)) {
      problem(numberValue?.range ?? item.range, message('standard.clause-number'));
      continue;
    }
    if (!clauseTitle) {
      if (!titleOfClause) problem(item.range, message('standard.clause-title', { number }));
      continue;
    }
    if (numberRanges.has(number)) {
      problem(numberValue!.range, message('standard.clause-twice', { number }));
      continue;
    }
    if (documented && !(documented.kind === 'scalar' && typeof documented.value === 'boolean')) {
      problem(documented.range, message('standard.documented'));
    }
    numberRanges.set(number, numberValue!.range);
    clauses.push({ number, title: clauseTitle, documented: documented?.kind === 'scalar' && documented.value === true });
  }
  for (const [number, range] of numberRanges) {
    const parent = number.includes('.') ? number.slice(0, number.lastIndexOf('.')) : undefined;
    if (parent !== undefined && !numberRanges.has(parent)) problem(range, message('standard.no-parent', { number, parent }));
  }
  return { standard: { id, title: title ?? id, clauses }, findings };
}

function reportUnknownKeys(map: YamlValue & { kind: 'map' }, known: readonly string[], what: Message, problem: (range: Range, message: Message) => void): void {
  for (const entry of map.entries) {
    if (known.includes(entry.key)) continue;
    const suggestion = closestMatch(entry.key, known.filter((key) => !findEntry(map, key)));
    problem(entry.keyRange, message('standard.unknown-key', { key: entry.key, what, known, suggestion }));
  }
}

/**
 * A title as written, or undefined (reported) when YAML would not keep it
 * as written: a plain title is cut at ` #` (the rest is a comment), and
 * `2015` or `yes` are read as a number and a boolean.
 */
function checkedTitle(entry: YamlEntry, text: string, lines: LineIndex, problem: (range: Range, message: Message) => void): string | undefined {
  const value = entry.value;
  if (value.kind !== 'scalar' || value.text.trim() === '') {
    problem(value.range, message('standard.title-text'));
    return undefined;
  }
  if (!value.quoted) {
    const end = lines.offsetAt(value.range.end);
    const rest = text.slice(end, lines.lineEnd(value.range.end.line));
    if (/^\s+#/.test(rest)) {
      problem(value.range, message('standard.title-cut', { comment: rest.trim() }));
      return undefined;
    }
    if (typeof value.value !== 'string') {
      const readAs = typeof value.value === 'number' ? 'standard.title-number' : typeof value.value === 'boolean' ? 'standard.title-boolean' : 'standard.title-nothing';
      problem(value.range, message(readAs, { value: value.text }));
      return undefined;
    }
  }
  return value.text;
}
