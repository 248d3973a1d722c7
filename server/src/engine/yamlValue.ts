/**
 * A small, position-carrying view of parsed YAML. Front matter, densho.yaml
 * and people.yaml are all read through it, so every rule can point at the
 * exact key or value it complains about.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Node } from 'yaml';
import { message, type Message } from './messages';
import { LineIndex, type Range } from './text';
import { yamlErrorMessage } from './yamlErrors';
import { readSimpleMapping, type SimpleScalar } from './yamlSimple';

export type YamlValue = YamlScalar | YamlList | YamlMap | YamlOther;

interface YamlNodeBase {
  /** Range of the value in the containing text. */
  readonly range: Range;
  readonly startOffset: number;
  readonly endOffset: number;
}

export interface YamlScalar extends YamlNodeBase {
  readonly kind: 'scalar';
  /** The value as YAML typed it (string, number, boolean, null). */
  readonly value: unknown;
  /**
   * The value as written: for a plain scalar its source text, so `7.10`
   * stays `7.10` instead of becoming the number 7.1; for a quoted one its
   * unquoted contents.
   */
  readonly text: string;
  readonly quoted: boolean;
}

export interface YamlList extends YamlNodeBase {
  readonly kind: 'list';
  readonly items: readonly YamlValue[];
  /** Written as `[a, b]` rather than as a block of `- a` lines. */
  readonly flow: boolean;
}

export interface YamlMap extends YamlNodeBase {
  readonly kind: 'map';
  readonly entries: readonly YamlEntry[];
}

/** Aliases and anything else a document has no business containing. */
export interface YamlOther extends YamlNodeBase {
  readonly kind: 'alias' | 'empty';
}

export interface YamlEntry {
  readonly key: string;
  readonly keyRange: Range;
  readonly keyStartOffset: number;
  readonly value: YamlValue;
}

export interface YamlProblem {
  readonly message: Message;
  readonly range: Range;
}

export interface ParsedYaml {
  /** Undefined when the text is empty or not valid YAML. */
  readonly root: YamlValue | undefined;
  readonly errors: readonly YamlProblem[];
}

/**
 * Parses `source`, which starts at `baseOffset` of the text that `lines`
 * indexes (`toOriginal` maps its offsets back when it is a normalised copy
 * of that text, see parsing/fullWidth.ts) * indexes. The view never expands aliases (it shows them as `alias`), so a
 * "billion laughs" block cannot exhaust memory.
 */
export function parseYaml(source: string, lines: LineIndex, baseOffset = 0, toOriginal: (offset: number) => number = (offset) => offset): ParsedYaml {
  const simple = readSimpleMapping(source);
  if (!simple) return parseYamlWithLibrary(source, lines, baseOffset, toOriginal);
  const absolute = (offset: number): number => baseOffset + toOriginal(offset);
  const node = (start: number, end: number): YamlNodeBase => ({ range: lines.rangeOf(absolute(start), absolute(end)), startOffset: absolute(start), endOffset: absolute(end) });
  const scalar = (value: SimpleScalar): YamlScalar => ({ kind: 'scalar', value: value.value, text: value.text, quoted: false, ...node(value.start, value.end) });
  const entries = simple.entries.map(({ key, keyStart, keyEnd, value }): YamlEntry => ({
    key,
    keyRange: lines.rangeOf(absolute(keyStart), absolute(keyEnd)),
    keyStartOffset: absolute(keyStart),
    value:
      value.kind === 'scalar'
        ? scalar(value)
        : value.kind === 'list'
          ? { kind: 'list', items: value.items.map(scalar), flow: true, ...node(value.start, value.end) }
          : { kind: 'empty', ...node(value.start, value.end) },
  }));
  return { root: { kind: 'map', entries, ...node(simple.start, simple.end) }, errors: [] };
}

/** parseYaml through the yaml library, whatever the text: what the simple reader (yamlSimple.ts) is held to. */
export function parseYamlWithLibrary(source: string, lines: LineIndex, baseOffset = 0, toOriginal: (offset: number) => number = (offset) => offset): ParsedYaml {
  const absolute = (offset: number): number => baseOffset + toOriginal(offset);
  const rangeAt = (start: number, end: number): Range => lines.rangeOf(absolute(start), absolute(Math.max(start, end)));
  let document;
  try {
    // A lone CR ends a line for Markdown and for LineIndex but not for the yaml library; as LF it keeps every offset.
    // Duplicate keys are found below with one Set per mapping: the library's own check compares every key with every other (minutes for 100,000 keys).
    document = parseDocument(source.replace(/\r(?!\n)/g, '\n'), { prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    return { root: undefined, errors: [{ message: message('yaml.other', { code: error instanceof Error ? error.name : 'Error' }), range: rangeAt(0, 0) }] };
  }
  const errors: YamlProblem[] = document.errors.map((error) => ({
    message: yamlErrorMessage(error),
    range: rangeAt(error.pos[0], error.pos[1]),
  }));
  // Aliases have no place in front matter or settings, and expanding them is how a small file exhausts memory.
  visit(document, {
    Alias(_, node) {
      errors.push({ message: message('yaml.alias', { alias: `*${node.source}` }), range: rangeAt(node.range?.[0] ?? 0, node.range?.[1] ?? 0) });
      return visit.SKIP;
    },
    Map(_, node) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (!isScalar(key)) continue;
        const identity = `${typeof key.value}:${String(key.value)}`;
        if (seen.has(identity)) errors.push({ message: message('yaml.duplicate-key', { key: String(key.value) }), range: rangeAt(key.range?.[0] ?? 0, key.range?.[1] ?? 0) });
        seen.add(identity);
      }
    },
  });
  if (errors.length > 0) return { root: undefined, errors };
  const contents = document.contents as Node | null;
  if (!contents) return { root: undefined, errors };
  const root = convert(contents, source, rangeAt, absolute);
  reportDuplicateKeys(root, errors);
  return errors.length > 0 ? { root: undefined, errors } : { root, errors };
}

/** A repeated key, at each repetition, as the yaml library would report it; linear in the number of keys. */
function reportDuplicateKeys(value: YamlValue, errors: YamlProblem[]): void {
  const pending: YamlValue[] = [value];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.kind === 'list') for (const item of next.items) pending.push(item);
    if (next.kind !== 'map') continue;
    const seen = new Set<string>();
    for (const entry of next.entries) {
      if (seen.has(entry.key)) errors.push({ message: message('yaml.duplicate-key', { key: entry.key }), range: entry.keyRange });
      seen.add(entry.key);
      pending.push(entry.value);
    }
  }
}

function convert(
  node: Node | null | undefined,
  source: string,
  rangeAt: (start: number, end: number) => Range,
  absolute: (offset: number) => number,
  fallbackOffset = 0,
): YamlValue {
  const [start, end] = node?.range ? [node.range[0], node.range[1]] : [fallbackOffset, fallbackOffset];
  const base = { range: rangeAt(start, end), startOffset: absolute(start), endOffset: absolute(end) };
  if (!node) return { kind: 'empty', ...base };
  if (isScalar(node)) {
    const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
    const plainSource = node.type === Scalar.PLAIN ? source.slice(start, end).trim() : undefined;
    const text = plainSource ?? (node.value === null || node.value === undefined ? '' : String(node.value));
    if (node.value === null && plainSource === '') return { kind: 'empty', ...base };
    return { kind: 'scalar', value: node.value, text, quoted, ...base };
  }
  if (isSeq(node)) {
    const items = node.items.map((item) => convert(item as Node, source, rangeAt, absolute, end));
    return { kind: 'list', items, flow: Boolean(node.flow), ...base };
  }
  if (isMap(node)) {
    const entries: YamlEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as Node | null;
      const keyStart = keyNode?.range?.[0] ?? start;
      const keyEnd = keyNode?.range?.[1] ?? keyStart;
      const key = isScalar(keyNode) ? String(keyNode.value) : source.slice(keyStart, keyEnd);
      entries.push({
        key,
        keyRange: rangeAt(keyStart, keyEnd),
        keyStartOffset: absolute(keyStart),
        value: convert(pair.value as Node | null, source, rangeAt, absolute, keyEnd),
      });
    }
    return { kind: 'map', entries, ...base };
  }
  if (isAlias(node)) return { kind: 'alias', ...base };
  return { kind: 'empty', ...base };
}

/** The text of a scalar, or undefined for anything that is not one. */
export function scalarText(value: YamlValue | undefined): string | undefined {
  return value?.kind === 'scalar' ? value.text : undefined;
}

export function findEntry(map: YamlValue | undefined, key: string): YamlEntry | undefined {
  return map?.kind === 'map' ? map.entries.find((entry) => entry.key === key) : undefined;
}

/** What a value is, for "…, found a list". */
export function describeKind(value: YamlValue): Message {
  switch (value.kind) {
    case 'scalar':
      if (typeof value.value === 'string') return message('kind.string');
      if (typeof value.value === 'number') return message('kind.number', { value: value.text });
      if (typeof value.value === 'boolean') return message('kind.boolean', { value: value.text });
      return message('kind.null', { value: value.text });
    case 'list':
      return message('kind.list');
    case 'map':
      return message('kind.map');
    case 'alias':
      return message('kind.alias');
    case 'empty':
      return message('kind.empty');
  }
}
