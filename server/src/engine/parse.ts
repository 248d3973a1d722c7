/**
 * Parses one Markdown document, once, into everything the rules and the
 * language features need: front matter with positions, headings with their
 * GitHub slugs, links and `[[ID]]` references with ranges, and numbered
 * steps. The result is immutable; an edit produces a new one.
 */
import { decodeHTMLStrict } from 'entities';
import GithubSlugger from 'github-slugger';
import { unescapeAll } from 'markdown-it/lib/common/utils.mjs';
import { frontMatterSlips, headingSlip, type KeyboardSlip } from './parsing/fullWidth';
import { tokenize, WIKI_REFERENCE_PATTERN, type DefinitionPosition, type Token, type TokenPosition } from './parsing/markdownTokens';
import { message, type Message } from './messages';
import { detached, lastAtOrBefore, LineIndex, type Range } from './text';
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

/** `html`: an `href` or `src` attribute of raw HTML, whose range is the attribute value. */
export type LinkKind = 'link' | 'image' | 'definition' | 'wiki' | 'html';

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
  /** Full-width `：`, `　` and `＃` where YAML or Markdown needs ASCII, in document order; the rest of the parse reads them as meant. */
  readonly keyboardSlips: readonly KeyboardSlip[];
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
  readonly message: Message;
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
  return { path, text: '', lines: new LineIndex(''), frontMatter: undefined, unclosedFrontMatter: false, headings: [], anchors: [], links: [], steps: [], keyboardSlips: [], unreadable: reason };
}

/** Parses a document unless it is binary or nested too deeply to parse safely. */
export function parseDocumentText(path: string, text: string): ParsedDocument {
  if (text.includes('\u0000')) {
    return unreadableDocument(path, { rule: 'file/binary', message: message('file.binary') });
  }
  for (const match of text.matchAll(BLOCK_PREFIX)) {
    if (match[0].length > MAX_BLOCK_PREFIX) {
      return unreadableDocument(path, { rule: 'file/too-deep', message: message('file.too-deep', { limit: MAX_BLOCK_PREFIX }) });
    }
  }
  try {
    return parseMarkdown(path, text);
  } catch (error) {
    // A backstop: whatever the parser chokes on is reported, never thrown at the user.
    return unreadableDocument(path, { rule: 'file/too-deep', message: message('file.parser-failed', { error: error instanceof Error ? error.message : String(error) }) });
  }
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function parseMarkdown(path: string, rawText: string): ParsedDocument {
  const text = withoutBom(rawText);
  const lines = new LineIndex(text);
  const source = new SourceText(text);
  const { tokens, definitions } = tokenize(source.normalized);

  let frontMatter: FrontMatter | undefined;
  const headings: Heading[] = [];
  const anchors: string[] = [];
  const links: DocumentLink[] = [];
  const slugger = new GithubSlugger();
  const steps: Step[] = [];
  const range = (start: number, end: number) => lines.rangeOf(source.original(start), source.original(end));
  const keyboardSlips: KeyboardSlip[] = [];
  const read = new LinkReader(text, lines, source, links, anchors, keyboardSlips);

  /** Open lists, innermost last: the number the next item of an ordered one gets, undefined for a bullet list. */
  const lists: (number | undefined)[] = [];
  let rowLine = 0;
  let cellCursor = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'front_matter':
        frontMatter = readFrontMatter(text, lines, 0, source.original(positionOf(token).end), keyboardSlips);
        break;
      case 'heading_open': {
        const inline = tokens[i + 1]!;
        const [first, after] = token.map!;
        const headingText = renderedText(inline.children ?? []);
        // An ATX heading's text follows its `#` run on the same line; a setext heading's lines end above its underline.
        const atx = token.markup.startsWith('#');
        const contentMap = source.mapLines(inline.content, first, atx ? positionOf(token).start + token.markup.length : undefined);
        read.inline(inline, contentMap);
        headings.push({ text: headingText, depth: Number(token.tag.slice(1)), slug: slugger.slug(headingText), range: range(positionOf(token).start, source.lineEnd(after - 1)) });
        i++;
        break;
      }
      case 'ordered_list_open':
        lists.push(Number(token.attrGet('start') ?? 1));
        break;
      case 'bullet_list_open':
        lists.push(undefined);
        break;
      case 'ordered_list_close':
      case 'bullet_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const number = lists[lists.length - 1];
        if (number === undefined) break;
        lists[lists.length - 1] = number + 1;
        const [first, after] = token.map!;
        steps.push({ number, text: firstLineOfItem(tokens, i), range: range(positionOf(token).start, source.trimmedLineEnd(source.lastFilledLine(first, after))) });
        break;
      }
      case 'tr_open':
        // Cells carry no line map of their own: they sit on their row's line, in order.
        rowLine = token.map![0];
        cellCursor = source.lineStart(rowLine);
        break;
      case 'inline':
        if (token.map) {
          const map = source.mapLines(token.content, token.map[0]);
          findHeadingSlips(token.content, (offset) => source.original(map.toSource(offset)), lines, keyboardSlips);
          read.inline(token, map);
        } else {
          const cell = source.mapCell(token.content, rowLine, cellCursor);
          cellCursor = cell.end;
          read.inline(token, cell.map);
        }
        break;
      case 'html_block':
        read.html(token.content, source.mapLines(token.content, token.map![0]), 0);
        break;
    }
  }
  for (const definition of definitions) read.definition(definition);
  links.sort((a, b) => a.nodeOffsets![0] - b.nodeOffsets![0]);

  const unclosedFrontMatter = !frontMatter && /^---[ \t]*(\r\n|\n|\r)/.test(text) && !/^---[ \t]*(\r\n|\n|\r)[\s\S]*?(\r\n|\n|\r)(---|\.\.\.)[ \t]*($|\r|\n)/.test(text);
  keyboardSlips.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { path, text, bom: text.length !== rawText.length, lines, frontMatter, unclosedFrontMatter, headings, anchors, links, steps, keyboardSlips };
}

/** Lines of a paragraph that were meant as headings: `＃ 手順` (see parsing/fullWidth.ts). */
function findHeadingSlips(content: string, at: (offset: number) => number, lines: LineIndex, slips: KeyboardSlip[]): void {
  if (!/[\u3000\uff03]/.test(content)) return;
  for (let from = 0; from <= content.length; ) {
    const newline = content.indexOf('\n', from);
    const to = newline < 0 ? content.length : newline;
    const slip = headingSlip(content.slice(from, to), (offset) => at(from + offset), lines);
    if (slip) slips.push(slip);
    if (newline < 0) break;
    from = newline + 1;
  }
}

function positionOf(token: Token): TokenPosition {
  return token.meta.position as TokenPosition;
}

/**
 * The text GitHub renders for inline content, as its anchors are made from:
 * text and code, without HTML tags or image descriptions.
 */
function renderedText(children: readonly Token[]): string {
  let result = '';
  for (const child of children) {
    if (child.type === 'text' || child.type === 'code_inline' || child.type === 'text_special') result += child.content;
    // A `[[…]]` reference renders as the text it is, its escapes and character references resolved.
    else if (child.type === 'wiki_reference') result += unescapeAll(child.content);
    else if (child.type === 'softbreak' || child.type === 'hardbreak') result += '\n';
    else if (child.type === 'image') continue;
  }
  return detached(result.trim());
}

/** The first line of a list item's own text: what an outline shows for the step. */
function firstLineOfItem(tokens: readonly Token[], itemOpen: number): string {
  let depth = 0;
  for (let i = itemOpen + 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'list_item_close' && depth === 0) return '';
    if (token.type === 'list_item_open') depth++;
    if (token.type === 'list_item_close') depth--;
    if (token.type === 'inline') return detached(renderedText(token.children ?? []).split('\n')[0]!.trim());
    // Raw HTML renders as markup, not as text, as in headings.
    if (token.type === 'fence' || token.type === 'code_block') return detached(token.content.split('\n')[0]!.trim());
  }
  return '';
}

/**
 * The document as markdown-it reads it: line breaks as `\n`. Offsets in it
 * map back to the text as written, and token contents map back to it line
 * by line.
 */
class SourceText {
  readonly normalized: string;
  /** Offsets in `normalized` of the `\n` of each `\r\n`, whose `\r` is gone. */
  private readonly joined: number[] = [];
  private readonly lineStarts: number[] = [0];

  constructor(text: string) {
    let normalized = text;
    if (text.includes('\r')) {
      let out = '';
      let from = 0;
      for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
        out += text.slice(from, i) + '\n';
        if (text.charCodeAt(i + 1) === 10) {
          this.joined.push(out.length - 1);
          i++;
        }
        from = i + 1;
      }
      normalized = out + text.slice(from);
    }
    this.normalized = normalized;
    for (let i = normalized.indexOf('\n'); i >= 0; i = normalized.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
  }

  /** The offset in the text as written. */
  original(offset: number): number {
    const joined = this.joined;
    if (joined.length === 0) return offset;
    let low = 0;
    let high = joined.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (joined[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return offset + low;
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.min(line, this.lineStarts.length - 1)]!;
  }

  lineEnd(line: number): number {
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! - 1 : this.normalized.length;
  }

  trimmedLineEnd(line: number): number {
    const start = this.lineStart(line);
    let end = this.lineEnd(line);
    while (end > start && isBlank(this.normalized.charCodeAt(end - 1))) end--;
    return end;
  }

  /** The last line of `[first, after)` with something on it. */
  lastFilledLine(first: number, after: number): number {
    let line = Math.max(first, after - 1);
    while (line > first && this.trimmedLineEnd(line) === this.lineStart(line)) line--;
    return line;
  }

  /**
   * Maps a block's content (lines joined by `\n`, as markdown-it hands them
   * to a token) to the source from line `first` on. Containers and
   * indentation only take characters off the front of a line and trimming
   * off its end, so each content line is the tail of its source line, or of
   * that line without trailing blanks; an ATX heading's text sits after
   * `searchFrom`.
   */
  mapLines(content: string, first: number, searchFrom?: number): ContentMap {
    const map = new ContentMap();
    const source = this.normalized;
    let from = 0;
    for (let line = first; from <= content.length; line++) {
      const newline = content.indexOf('\n', from);
      const to = newline < 0 ? content.length : newline;
      const length = to - from;
      const lineStart = this.lineStart(line);
      const end = this.lineEnd(line);
      let at = end - length;
      if (searchFrom !== undefined && line === first) {
        at = source.indexOf(content.slice(from, to), searchFrom);
      } else if (!(at >= lineStart && source.startsWith(content.slice(from, to), at))) {
        at = this.trimmedLineEnd(line) - length;
        // A tab expanded to spaces makes the content longer than its source: keep the line's start.
        if (at < lineStart) at = lineStart;
      }
      map.add(from, at < 0 ? lineStart : at);
      if (newline < 0) break;
      from = newline + 1;
    }
    return map;
  }

  /** Maps a table cell's trimmed content, found from `cursor` on its row's line; `\|` in the source is `|` in the content. */
  mapCell(content: string, line: number, cursor: number): { map: ContentMap; end: number } {
    const map = new ContentMap();
    const source = this.normalized;
    const lineEnd = this.lineEnd(line);
    let at = cursor;
    // Past the separating `|` and blanks to the cell's first character.
    while (at < lineEnd && (source[at] === '|' || isBlank(source.charCodeAt(at)))) at++;
    let from = 0;
    while (from < content.length) {
      const pipe = content.indexOf('|', from);
      const to = pipe < 0 ? content.length : pipe;
      map.add(from, at);
      at += to - from;
      if (pipe < 0) break;
      // The escaped pipe: `\|` in the source, `|` in the content.
      map.add(pipe, at + 1);
      at += 2;
      from = pipe + 1;
    }
    return { map, end: Math.min(at, lineEnd) };
  }
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9;
}

/** Content offsets to normalized-source offsets, piecewise: each piece is copied from the source unchanged. */
class ContentMap {
  private readonly contentStarts: number[] = [];
  private readonly sourceStarts: number[] = [];

  add(contentStart: number, sourceStart: number): void {
    this.contentStarts.push(contentStart);
    this.sourceStarts.push(sourceStart);
  }

  toSource(offset: number): number {
    const piece = lastAtOrBefore(this.contentStarts, offset);
    return (this.sourceStarts[piece] ?? 0) + offset - (this.contentStarts[piece] ?? 0);
  }
}

const WIKI_REFERENCE = new RegExp(WIKI_REFERENCE_PATTERN.source, 'g');
/** An opening tag's name and attributes; `[^<>]` keeps every search from running past the next tag. */
const HTML_TAG = /<([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>/g;
const HTML_ATTRIBUTE = /(?:^|[\s"'])([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g;

/** Turns recorded token positions into the engine's links, references and anchors. */
class LinkReader {
  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly source: SourceText,
    private readonly links: DocumentLink[],
    private readonly anchors: string[],
    private readonly slips: KeyboardSlip[],
  ) {}

  private offset(map: ContentMap, contentOffset: number): number {
    return this.source.original(map.toSource(contentOffset));
  }

  inline(token: Token, map: ContentMap): void {
    for (const child of token.children ?? []) {
      const position = child.meta?.position as TokenPosition | undefined;
      if (!position) continue;
      switch (child.type) {
        case 'link_open':
        case 'image': {
          if (!position.destination) break;
          const kind: LinkKind = child.type === 'image' ? 'image' : 'link';
          const textStart = position.start + (kind === 'image' ? 2 : 1);
          this.push(
            kind,
            this.offset(map, position.destination[0]),
            this.offset(map, position.destination[1]),
            [this.offset(map, position.start), this.offset(map, position.end)],
            position.labelEnd === undefined ? undefined : [this.offset(map, textStart), this.offset(map, position.labelEnd)],
            unescapeMarkdown,
          );
          break;
        }
        case 'wiki_reference':
          this.wiki(child.content, (at) => this.offset(map, position.start + at), 0);
          break;
        case 'html_inline':
          this.html(child.content, map, position.start);
          break;
      }
    }
  }

  definition(definition: DefinitionPosition): void {
    const original = (offset: number) => this.source.original(offset);
    // The definition runs to the end of its last line, trailing blanks included: removing it leaves no stray spaces.
    this.push('definition', original(definition.destination[0]), original(definition.destination[1]), [original(definition.start), original(definition.end)], undefined, unescapeMarkdown);
  }

  /** Raw HTML: `href` and `src` attributes are links, `id` and `name` of `<a>` anchors, and `[[ID]]` references count inside it too. */
  html(content: string, map: ContentMap, base: number): void {
    const at = (offset: number) => this.offset(map, base + offset);
    for (const [from, to] of outsideComments(content)) {
      const part = content.slice(from, to);
      if (part.includes('[[')) this.wiki(part, (offset) => at(from + offset), 0);
      if (!part.includes('<')) continue;
      for (const tag of part.matchAll(HTML_TAG)) {
        const tagStart = from + tag.index!;
        const attributesStart = tagStart + 1 + tag[1]!.length;
        for (const attribute of tag[2]!.matchAll(HTML_ATTRIBUTE)) {
          const name = attribute[1]!.toLowerCase();
          const value = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
          if ((name === 'id' || name === 'name') && tag[1]!.toLowerCase() === 'a' && value !== '') this.anchors.push(value);
          if (name !== 'href' && name !== 'src') continue;
          const valueEnd = attributesStart + attribute.index! + attribute[0].length - (attribute[4] === undefined ? 1 : 0);
          const valueStart = valueEnd - value.length;
          this.push('html', at(valueStart), at(valueEnd), [at(tagStart), at(tagStart + tag[0].length)], undefined, decodeHtml);
        }
      }
    }
  }

  private wiki(content: string, at: (offset: number) => number, base: number): void {
    for (const match of content.matchAll(WIKI_REFERENCE)) {
      const start = base + match.index!;
      const id = match[1]!;
      const fragment = match[2];
      const innerStart = start + 2;
      const rawEnd = innerStart + id.length + (fragment === undefined ? 0 : fragment.length + 1);
      const end = start + match[0].length;
      this.links.push({
        kind: 'wiki',
        raw: this.text.slice(at(innerStart), at(rawEnd)),
        range: this.lines.rangeOf(at(innerStart), at(rawEnd)),
        id: id.trim(),
        fragment: fragment === undefined ? undefined : decode(fragment.trim()),
        fragmentRange: fragment === undefined ? undefined : this.lines.rangeOf(at(innerStart + id.length + 1), at(rawEnd)),
        external: false,
        nodeOffsets: [at(start), at(end)],
        textOffsets: match[3] === undefined ? undefined : [at(end - 2 - match[3].length), at(end - 2)],
      });
    }
  }

  private push(kind: LinkKind, start: number, end: number, nodeOffsets: readonly [number, number], textOffsets: readonly [number, number] | undefined, unescape: (value: string) => string): void {
    const raw = this.text.slice(start, end);
    const range = this.lines.rangeOf(start, end);
    if (raw === '' || SCHEME.test(raw) || raw.startsWith('//')) {
      this.links.push({ kind, raw, range, external: true, nodeOffsets, textOffsets });
      return;
    }
    const hash = this.fragmentStart(raw, start);
    const rawPath = (hash < 0 ? raw : raw.slice(0, hash)).replace(/\?.*$/, '');
    const rawFragment = hash < 0 ? undefined : raw.slice(hash + 1);
    this.links.push({
      kind,
      raw,
      range,
      path: decode(unescape(rawPath)),
      fragment: rawFragment === undefined ? undefined : decode(unescape(rawFragment)),
      fragmentRange: hash < 0 ? undefined : this.lines.rangeOf(start + hash + 1, end),
      external: false,
      nodeOffsets,
      textOffsets,
    });
  }

  /** Where the fragment's `#` stands; a full-width `＃` where there is no `#` is taken as meant, and recorded. */
  private fragmentStart(raw: string, start: number): number {
    const hash = raw.indexOf('#');
    if (hash >= 0) return hash;
    const fullWidth = raw.indexOf('\uff03');
    if (fullWidth >= 0) {
      this.slips.push({ rule: 'link/full-width', range: this.lines.rangeOf(start + fullWidth, start + fullWidth + 1), written: '\uff03', newText: '#', subject: raw });
    }
    return fullWidth;
  }
}

/** The parts of raw HTML outside `<!-- comments -->`, which GitHub does not render. */
function outsideComments(content: string): [number, number][] {
  const parts: [number, number][] = [];
  let from = 0;
  for (let open = content.indexOf('<!--'); open >= 0; open = content.indexOf('<!--', from)) {
    parts.push([from, open]);
    const close = content.indexOf('-->', open + 4);
    from = close < 0 ? content.length : close + 3;
  }
  parts.push([from, content.length]);
  return parts;
}

function readFrontMatter(text: string, lines: LineIndex, start: number, end: number, slips: KeyboardSlip[]): FrontMatter {
  const firstBreak = text.slice(start, end).search(/\r\n|\n|\r/);
  const contentStart = firstBreak < 0 ? end : start + firstBreak + (text.startsWith('\r\n', start + firstBreak) ? 2 : 1);
  // The closing fence is the last line of the block.
  const lastLineStart = lines.offsetAt({ line: lines.positionAt(end).line, character: 0 });
  const contentEnd = Math.max(contentStart, lastLineStart);
  const keyboard = frontMatterSlips(text.slice(contentStart, contentEnd), contentStart, lines);
  slips.push(...keyboard.slips);
  const parsed = parseYaml(keyboard.normalised.text(), lines, contentStart, keyboard.normalised.toOriginal);
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

/** Character references in an HTML attribute value (`&amp;`, `&#35;`). */
function decodeHtml(value: string): string {
  return value.includes('&') ? decodeHTMLStrict(value) : value;
}
