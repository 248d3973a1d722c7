/**
 * Parses one Markdown document, once, into everything the rules and the
 * language features need: front matter with positions, headings with their
 * GitHub slugs, links and `[[ID]]` references with ranges, and numbered
 * steps. The result is immutable; an edit produces a new one.
 */
import GithubSlugger from 'github-slugger';
import type { Definition, Heading as MdHeading, Image, Link as MdLink, Nodes, Root } from 'mdast';
import { toString as nodeText } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineIndex, type Range } from './text';
import { parseYaml, type YamlMap, type YamlProblem } from './yamlValue';

export interface FrontMatter {
  /** The whole block, fences included. */
  readonly range: Range;
  /** Offset where the YAML text starts (after the opening fence's line break). */
  readonly contentStart: number;
  /** Offset of the closing fence: where new fields are inserted. */
  readonly contentEnd: number;
  /** Undefined when the YAML is broken or not a mapping. */
  readonly fields: YamlMap | undefined;
  readonly errors: readonly YamlProblem[];
  /** Set when the YAML parsed but is a list or a scalar. */
  readonly notAMap?: Range;
}

export interface Heading {
  readonly text: string;
  readonly depth: number;
  /** GitHub's anchor for this heading, with `-1`, `-2` for repeats. */
  readonly slug: string;
  readonly range: Range;
}

/** An item of an ordered list: a numbered step of a procedure. */
export interface Step {
  /** The number as the list counts it (`start` + position). */
  readonly number: number;
  /** The item's first line of text. */
  readonly text: string;
  readonly range: Range;
}

export type LinkKind = 'link' | 'image' | 'definition' | 'wiki';

export interface DocumentLink {
  readonly kind: LinkKind;
  /** The destination as written (`../a.md#steps`, or `SOP-A#steps` inside `[[…]]`). */
  readonly raw: string;
  /** Range of `raw` in the document: what a rename or a quick fix replaces. */
  readonly range: Range;
  /** Decoded path part; empty for a same-document fragment; undefined for a wiki reference. */
  readonly path?: string;
  /** The id of a wiki reference. */
  readonly id?: string;
  /** Decoded fragment without `#`, when there is one. */
  readonly fragment?: string;
  /** Range of the fragment (without `#`) inside `range`. */
  readonly fragmentRange?: Range;
  /** http:, https:, mailto: and other schemes: not checked. */
  readonly external: boolean;
  /** Offsets of the whole construct in the text: `[text](dest)`, `![alt](src)`, `[label]: dest`, `[[ID|alias]]`. */
  readonly nodeOffsets?: readonly [number, number];
  /** Offsets of the link text (`text`, `alt`, or the alias of `[[ID|alias]]`), when there is one. */
  readonly textOffsets?: readonly [number, number];
}

export interface ParsedDocument {
  readonly path: string;
  /** Text without a byte-order mark; positions count from here, as editors do. */
  readonly text: string;
  /** The file starts with a UTF-8 byte-order mark: files made from it (a translation) keep one. */
  readonly bom?: boolean;
  readonly lines: LineIndex;
  readonly frontMatter: FrontMatter | undefined;
  /** The document opens with `---` but the block is never closed. */
  readonly unclosedFrontMatter: boolean;
  readonly headings: readonly Heading[];
  /** Explicit HTML anchors (`<a id="x">`, `<a name="x">`), also valid link fragments. */
  readonly anchors: readonly string[];
  readonly links: readonly DocumentLink[];
  /** Items of ordered lists, in document order: the "numbered steps" translations must keep. */
  readonly steps: readonly Step[];
  /** Set when the file was not parsed at all; everything above is then empty. */
  readonly unreadable?: UnreadableReason;
}

/**
 * A parse as plain data: everything but the text and its line index, which
 * the receiver already has. Worker threads send it back and the persistent
 * cache stores it; `reviveParse` turns it into a ParsedDocument again.
 */
export type ParseFacts = Omit<ParsedDocument, 'text' | 'lines' | 'bom'>;

export function parseFacts(parsed: ParsedDocument): ParseFacts {
  const { text: _text, lines: _lines, bom: _bom, ...facts } = parsed;
  return facts;
}

/**
 * The ParsedDocument of `rawText` (as read, BOM included) from facts computed
 * earlier for the same text, possibly under another path: a cache keyed by
 * content serves two identical files.
 */
export function reviveParse(path: string, rawText: string, facts: ParseFacts, lines?: LineIndex): ParsedDocument {
  const text = facts.unreadable ? '' : withoutBom(rawText);
  return { ...facts, path, text, lines: lines ?? new LineIndex(text), bom: text.length !== rawText.length };
}

/** The front matter block as written, fences included: the part of a document other documents' rules read. */
export function frontMatterText(parsed: ParsedDocument): string | undefined {
  return parsed.frontMatter && parsed.text.slice(0, parsed.lines.offsetAt(parsed.frontMatter.range.end));
}

/** The text positions count in: without a byte-order mark, as editors do. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Why a document was refused before parsing. */
export interface UnreadableReason {
  readonly rule: 'file/too-large' | 'file/binary' | 'file/too-deep' | 'file/unreadable';
  readonly message: string;
}

/**
 * How long a line's run of block markers (indentation, `>`, list bullets)
 * may be. Real procedures nest a few levels; thousands of levels make the
 * Markdown parser take minutes or overflow its stack.
 */
export const MAX_BLOCK_PREFIX = 256;
const BLOCK_PREFIX = /^(?:[ \t>]|[*+-][ \t]|\d{1,9}[.)][ \t])+/gm;

/** A placeholder for a file that is reported but never parsed. */
export function unreadableDocument(path: string, reason: UnreadableReason): ParsedDocument {
  return { path, text: '', lines: new LineIndex(''), frontMatter: undefined, unclosedFrontMatter: false, headings: [], anchors: [], links: [], steps: [], unreadable: reason };
}

/** Parses a document unless it is binary or nested too deeply to parse safely. */
export function parseDocumentText(path: string, text: string): ParsedDocument {
  if (text.includes('\u0000')) {
    return unreadableDocument(path, { rule: 'file/binary', message: 'This file contains NUL bytes: it is binary, not Markdown text, and was not checked.' });
  }
  for (const match of text.matchAll(BLOCK_PREFIX)) {
    if (match[0].length > MAX_BLOCK_PREFIX) {
      return unreadableDocument(path, { rule: 'file/too-deep', message: `Block quotes or lists are nested more than ${MAX_BLOCK_PREFIX} characters deep here; the document was not checked.` });
    }
  }
  try {
    return parseMarkdown(path, text);
  } catch (error) {
    // A backstop: whatever the parser chokes on is reported, never thrown at the user.
    return unreadableDocument(path, { rule: 'file/too-deep', message: `The Markdown parser could not read this document (${error instanceof Error ? error.message : String(error)}).` });
  }
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const WIKI_REFERENCE = /\[\[([^\[\]|#\n]+?)(?:#([^\[\]|\n]*))?(?:\|[^\[\]\n]*)?\]\]/g;
const HTML_ANCHOR = /<a\s[^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["']/gi;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function parseMarkdown(path: string, rawText: string): ParsedDocument {
  const text = withoutBom(rawText);
  const lines = new LineIndex(text);
  const tree = processor.parse(text) as Root;
  const offsets = (node: { position?: { start: { offset?: number }; end: { offset?: number } } }): [number, number] => [
    node.position?.start.offset ?? 0,
    node.position?.end.offset ?? 0,
  ];

  let frontMatter: FrontMatter | undefined;
  const headings: Heading[] = [];
  const anchors: string[] = [];
  const links: DocumentLink[] = [];
  const slugger = new GithubSlugger();
  const steps: Step[] = [];

  // Returns whether to descend into the node's children.
  const visit = (node: Nodes): boolean => {
    switch (node.type) {
      case 'yaml': {
        const [start, end] = offsets(node);
        frontMatter = readFrontMatter(text, lines, start, end);
        return false;
      }
      case 'heading': {
        const [start, end] = offsets(node);
        const headingText = nodeText(node as MdHeading);
        headings.push({ text: headingText, depth: node.depth, slug: slugger.slug(headingText), range: lines.rangeOf(start, end) });
        break;
      }
      case 'list':
        if (node.ordered) {
          node.children.forEach((item, position) => {
            const [start, end] = offsets(item);
            const itemText = nodeText(item).split(/\r\n|\n|\r/)[0]!.trim();
            steps.push({ number: (node.start ?? 1) + position, text: itemText, range: lines.rangeOf(start, end) });
          });
        }
        break;
      case 'link':
      case 'image':
      case 'definition': {
        const link = readLink(text, lines, node);
        if (link) links.push(link);
        break;
      }
      case 'text': {
        const [start, end] = offsets(node);
        readWikiReferences(text, lines, start, end, links);
        return false;
      }
      case 'html':
        for (const match of node.value.matchAll(HTML_ANCHOR)) anchors.push(match[1]!);
        return false;
      case 'code':
      case 'inlineCode':
        // Code is not prose: nothing inside it is a link.
        return false;
    }
    return true;
  };
  // An explicit stack rather than recursion: nesting depth must not be bounded by the call stack.
  const pending: Nodes[] = [tree];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (visit(node) && 'children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i] as Nodes);
    }
  }

  const unclosedFrontMatter = !frontMatter && /^---[ \t]*(\r\n|\n|\r)/.test(text) && !/^---[ \t]*(\r\n|\n|\r)[\s\S]*?(\r\n|\n|\r)(---|\.\.\.)[ \t]*($|\r|\n)/.test(text);
  return { path, text, bom: text.length !== rawText.length, lines, frontMatter, unclosedFrontMatter, headings, anchors, links, steps };
}

function readFrontMatter(text: string, lines: LineIndex, start: number, end: number): FrontMatter {
  const firstBreak = text.slice(start, end).search(/\r\n|\n|\r/);
  const contentStart = firstBreak < 0 ? end : start + firstBreak + (text.startsWith('\r\n', start + firstBreak) ? 2 : 1);
  // The closing fence is the last line of the block.
  const lastLineStart = lines.offsetAt({ line: lines.positionAt(end).line, character: 0 });
  const contentEnd = Math.max(contentStart, lastLineStart);
  const parsed = parseYaml(text.slice(contentStart, contentEnd), lines, contentStart);
  const root = parsed.root;
  return {
    range: lines.rangeOf(start, end),
    contentStart,
    contentEnd,
    // Broken YAML leaves the fields unknown (not absent): no rule may call them missing.
    fields: parsed.errors.length > 0 ? undefined : root?.kind === 'map' ? root : root ? undefined : emptyMap(lines, contentStart),
    errors: parsed.errors,
    notAMap: root && root.kind !== 'map' ? root.range : undefined,
  };
}

function emptyMap(lines: LineIndex, offset: number): YamlMap | undefined {
  return { kind: 'map', entries: [], range: lines.rangeOf(offset, offset), startOffset: offset, endOffset: offset };
}

function readLink(text: string, lines: LineIndex, node: MdLink | Image | Definition): DocumentLink | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return undefined;
  const destination = locateDestination(text, start, end, node.type === 'definition');
  if (!destination) return undefined;
  const raw = text.slice(destination[0], destination[1]);
  const kind: LinkKind = node.type;
  const range = lines.rangeOf(destination[0], destination[1]);
  const nodeOffsets = [start, end] as const;
  const textOffsets = destination[2] === undefined ? undefined : ([start + (kind === 'image' ? 2 : 1), destination[2] - 1] as const);
  if (raw === '' || SCHEME.test(raw) || raw.startsWith('//')) {
    return { kind, raw, range, external: true, nodeOffsets, textOffsets };
  }
  const hash = raw.indexOf('#');
  const rawPath = (hash < 0 ? raw : raw.slice(0, hash)).replace(/\?.*$/, '');
  const rawFragment = hash < 0 ? undefined : raw.slice(hash + 1);
  return {
    kind,
    raw,
    range,
    path: decode(unescapeMarkdown(rawPath)),
    fragment: rawFragment === undefined ? undefined : decode(unescapeMarkdown(rawFragment)),
    fragmentRange: hash < 0 ? undefined : lines.rangeOf(destination[0] + hash + 1, destination[1]),
    external: false,
    nodeOffsets,
    textOffsets,
  };
}

/**
 * Finds the destination of an inline link, image or definition in the
 * source, so that diagnostics point at it and edits replace only it. The
 * third offset, for links and images, is the `(` that opens the destination.
 */
function locateDestination(text: string, start: number, end: number, isDefinition: boolean): [number, number, number?] | undefined {
  let cursor: number;
  let open: number | undefined;
  if (isDefinition) {
    const colon = text.indexOf(']:', start);
    if (colon < 0 || colon >= end) return undefined;
    cursor = colon + 2;
  } else {
    // The destination follows the last `](` of the node; reference links have none.
    if (text.charCodeAt(end - 1) !== 41 /* ) */) return undefined;
    open = findDestinationOpen(text, start, end);
    if (open < 0) return undefined;
    cursor = open + 1;
  }
  while (cursor < end && /\s/.test(text[cursor]!)) cursor++;
  if (text[cursor] === '<') {
    const close = text.indexOf('>', cursor + 1);
    if (close < 0 || close > end) return undefined;
    return [cursor + 1, close, open];
  }
  let depth = 0;
  let stop = cursor;
  while (stop < end) {
    const char = text[stop]!;
    if (char === '\\') {
      stop += 2;
      continue;
    }
    if (/\s/.test(char)) break;
    if (char === '(') depth++;
    if (char === ')') {
      if (depth === 0) break;
      depth--;
    }
    stop++;
  }
  return [cursor, Math.min(stop, end), open];
}

/** The `(` that opens the destination: the `](` whose parentheses close at the node's end. */
function findDestinationOpen(text: string, start: number, end: number): number {
  let depth = 0;
  for (let i = end - 1; i > start; i--) {
    const char = text[i];
    if (char === ')' && text[i - 1] !== '\\') depth++;
    else if (char === '(' && text[i - 1] !== '\\') {
      depth--;
      if (depth === 0 && text[i - 1] === ']') return i;
    }
  }
  return -1;
}

function readWikiReferences(text: string, lines: LineIndex, start: number, end: number, links: DocumentLink[]): void {
  const source = text.slice(start, end);
  if (!source.includes('[[')) return;
  for (const match of source.matchAll(WIKI_REFERENCE)) {
    const innerStart = start + match.index! + 2;
    const id = match[1]!.trim();
    const fragment = match[2];
    const rawEnd = innerStart + match[1]!.length + (fragment === undefined ? 0 : fragment.length + 1);
    const fragmentStart = innerStart + match[1]!.length + 1;
    const whole = match[0];
    const bar = whole.indexOf('|');
    const nodeStart = start + match.index!;
    links.push({
      kind: 'wiki',
      raw: text.slice(innerStart, rawEnd),
      range: lines.rangeOf(innerStart, rawEnd),
      id,
      fragment: fragment === undefined ? undefined : decode(fragment.trim()),
      fragmentRange: fragment === undefined ? undefined : lines.rangeOf(fragmentStart, rawEnd),
      external: false,
      nodeOffsets: [nodeStart, nodeStart + whole.length],
      textOffsets: bar < 0 ? undefined : [nodeStart + bar + 1, nodeStart + whole.length - 2],
    });
  }
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function unescapeMarkdown(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
