/**
 * What a document says at a revision, read without the full Markdown parse
 * (a history holds thousands of old texts): the front matter fields the
 * history needs, and the "substantive" content `version/not-bumped`
 * compares — the body and every field but those that record the document's
 * control (version, status, review and approval), ignoring line endings and
 * trailing blanks.
 */
import { parse as parseYamlValue } from 'yaml';
import { withoutBom } from '../parse';
import { readSimpleMapping, type SimpleMapping } from '../yamlSimple';

/** Fields whose change is not a change of the procedure: SPEC.md's list. */
export const CONTROL_FIELDS: ReadonlySet<string> = new Set(['version', 'change', 'status', 'reviewed', 'review-interval', 'approved', 'approved-by']);

export type ChangeKind = 'major' | 'minor';

/** The front matter fields of a revision, as written in that commit. */
export interface RevisionFields {
  readonly version?: number;
  readonly change: ChangeKind;
  readonly status: string;
  readonly approvedBy?: string;
  /** YYYY-MM-DD. */
  readonly approved?: string;
  readonly id?: string;
  readonly lang?: string;
}

interface SplitDocument {
  /** The YAML between the fences, or undefined when there is no front matter. */
  readonly yaml: string | undefined;
  readonly body: string;
}

const FENCE = /^---[ \t]*$/;
const CLOSING_FENCE = /^(---|\.\.\.)[ \t]*$/;

export function splitFrontMatter(rawText: string): SplitDocument {
  const lines = withoutBom(rawText).split(/\r\n|\n|\r/);
  if (!FENCE.test(lines[0] ?? '')) return { yaml: undefined, body: lines.join('\n') };
  const end = lines.findIndex((line, index) => index > 0 && CLOSING_FENCE.test(line));
  if (end < 0) return { yaml: undefined, body: lines.join('\n') };
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n') };
}

/** The top-level mapping of the front matter as plain values; an empty map when it is missing or broken. */
export function frontMatterValues(yaml: string | undefined): Map<string, unknown> {
  if (yaml === undefined) return new Map();
  const simple = readSimpleMapping(yaml);
  if (simple) return new Map(simple.entries.map(({ key, value }) => [key, plainValue(value)]));
  return frontMatterValuesWithLibrary(yaml);
}

/** What yaml's `toJS` gives for a value of a simple mapping. */
function plainValue(value: SimpleMapping['entries'][number]['value']): unknown {
  return value.kind === 'scalar' ? value.value : value.kind === 'list' ? value.items.map((item) => item.value) : null;
}

/** frontMatterValues through the yaml library, whatever the text: what the simple reader is held to. */
export function frontMatterValuesWithLibrary(yaml: string): Map<string, unknown> {
  try {
    // Aliases are not expanded beyond yaml's own limit, and a broken or hostile block is simply "no fields".
    const value: unknown = parseYamlValue(yaml, { maxAliasCount: 50, prettyErrors: false, uniqueKeys: false });
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return new Map();
    return new Map(Object.entries(value as Record<string, unknown>));
  } catch {
    return new Map();
  }
}

export function readRevisionFields(text: string): RevisionFields {
  const values = frontMatterValues(splitFrontMatter(text).yaml);
  const text_ = (key: string): string | undefined => {
    const value = values.get(key);
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number') return String(value);
    // yaml reads an unquoted 2026-03-01 as a string under the core schema; a Date only under yaml-1.1.
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
    return undefined;
  };
  const version = values.get('version');
  const change = text_('change');
  return {
    version: typeof version === 'number' && Number.isSafeInteger(version) && version > 0 ? version : undefined,
    change: change === 'minor' ? 'minor' : 'major',
    status: text_('status') ?? 'approved',
    approvedBy: text_('approved-by'),
    approved: text_('approved'),
    id: text_('id'),
    lang: text_('lang'),
  };
}

/**
 * One string that two texts share exactly when they differ in nothing
 * `version/not-bumped` counts: control fields, key order, quoting, line
 * endings and trailing blanks are left out.
 */
export function substantiveContent(text: string): string {
  const { yaml, body } = splitFrontMatter(text);
  const fields = [...frontMatterValues(yaml)].filter(([key]) => !CONTROL_FIELDS.has(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([fields, normaliseLines(body)]);
}

/** Line endings unified, trailing blanks and trailing empty lines dropped. */
export function normaliseLines(text: string): string {
  return text
    .split(/\r\n|\n|\r/)
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}
