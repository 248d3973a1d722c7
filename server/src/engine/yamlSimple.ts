/**
 * The front matter most documents have — one `key: value` per line, a
 * value being a plain word or phrase or a flow list `[a, b]` of them — read
 * without the yaml library's general machinery: its lexer, parser and
 * composer cost about 0.2 ms per ten-line block, which over 15,000 documents
 * was the larger part of a cold check's parse (issue 12). Anything outside
 * that form (quotes, comments, block lists, several lines to a value,
 * indicators, tabs, CR, blank lines, a repeated key) gives undefined, and
 * the caller asks yaml. Scalars are typed by yaml's own core schema tags,
 * so `7.10`, `0x1F`, `~` and `true` mean exactly what yaml says;
 * test/engine/yamlSimple.test.ts holds the reader to yaml's answer.
 */
import { Document, isScalar, type ScalarTag } from 'yaml';

export interface SimpleScalar {
  readonly kind: 'scalar';
  readonly start: number;
  readonly end: number;
  /** The value as yaml types it: string, number, boolean or null. */
  readonly value: unknown;
  readonly text: string;
}

export interface SimpleList {
  readonly kind: 'list';
  readonly start: number;
  readonly end: number;
  readonly items: readonly SimpleScalar[];
}

/** `key:` with nothing after it. */
export interface SimpleEmpty {
  readonly kind: 'empty';
  readonly start: number;
  readonly end: number;
}

export interface SimpleEntry {
  readonly key: string;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly value: SimpleScalar | SimpleList | SimpleEmpty;
}

export interface SimpleMapping {
  readonly start: number;
  readonly end: number;
  readonly entries: readonly SimpleEntry[];
}

const template = new Document(undefined, { prettyErrors: false, uniqueKeys: false });
/** The tags yaml tries, in its order, on a plain scalar without a tag (core schema: null, bool, int, float). */
const implicitTags = (template.schema.tags as ScalarTag[]).filter((tag) => tag.default === true && tag.test !== undefined);
const resolveOptions = template.options;

/** Characters that may appear in a value here: printable, no control, lone surrogate, byte order mark or line separator. */
const PLAIN_CHARACTERS = /^[\x20-\x7e\u00a1-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]*$/u;
const LINE = /^([A-Za-z][A-Za-z0-9_-]*):(?: (.*))?$/;
/** A plain scalar in block context: no indicator first, no `:` or `#` anywhere, no brackets, no space at either end. */
const BLOCK_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#[\]{}]*[^\s:#[\]{}])?$/;
/** A flow list written `[a, b]`: items as above without commas, separated by exactly `, `. */
const FLOW_ITEM = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^:#,[\]{}]*[^\s:#,[\]{}])?$/;

/** The value yaml gives a plain scalar, or undefined when yaml would complain about it. */
function typed(text: string): { value: unknown } | undefined {
  const tag = implicitTags.find((candidate) => candidate.test!.test(text));
  if (!tag) return { value: text };
  let failed = false;
  const resolved: unknown = tag.resolve(text, () => (failed = true), resolveOptions);
  if (failed) return undefined;
  return { value: isScalar(resolved) ? resolved.value : resolved };
}

function scalarAt(text: string, start: number): SimpleScalar | undefined {
  const value = typed(text);
  return value && { kind: 'scalar', start, end: start + text.length, value: value.value, text };
}

function flowList(text: string, start: number): SimpleList | undefined {
  const items: SimpleScalar[] = [];
  if (text !== '[]') {
    let offset = start + 1;
    for (const part of text.slice(1, -1).split(', ')) {
      if (!FLOW_ITEM.test(part)) return undefined;
      const item = scalarAt(part, offset);
      if (!item) return undefined;
      items.push(item);
      offset += part.length + 2;
    }
  }
  return { kind: 'list', start, end: start + text.length, items };
}

/** `source` as a simple top-level mapping, or undefined when yaml must read it. */
export function readSimpleMapping(source: string): SimpleMapping | undefined {
  if (source === '' || !PLAIN_CHARACTERS.test(source.replaceAll('\n', ' '))) return undefined;
  const lines = source.split('\n');
  // One line break at the end is the usual form; anything after it is a blank line.
  if (lines.at(-1) === '') lines.pop();
  const entries: SimpleEntry[] = [];
  const keys = new Set<string>();
  let offset = 0;
  for (const line of lines) {
    const match = LINE.exec(line);
    if (!match) return undefined;
    const key = match[1]!;
    const written = match[2];
    // A key yaml would not type as a string (`true:`, `null:`) or one seen before: yaml decides what that means.
    if (keys.has(key) || typed(key)?.value !== key) return undefined;
    keys.add(key);
    const keyEnd = offset + key.length;
    let value: SimpleEntry['value'] | undefined;
    if (written === undefined) value = { kind: 'empty', start: keyEnd + 1, end: keyEnd + 1 };
    else if (written.startsWith('[') && written.endsWith(']')) value = flowList(written, keyEnd + 2);
    else if (BLOCK_PLAIN.test(written)) value = scalarAt(written, keyEnd + 2);
    if (!value) return undefined;
    entries.push({ key, keyStart: offset, keyEnd, value });
    offset += line.length + 1;
  }
  const last = entries.at(-1);
  if (!last) return undefined;
  // yaml ends the mapping after its last line break, unless the last value is empty: then where that value is.
  return { start: 0, end: last.value.kind === 'empty' ? last.value.end : Math.min(offset, source.length), entries };
}
