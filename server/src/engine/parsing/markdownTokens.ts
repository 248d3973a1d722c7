/**
 * Reads a Markdown document with markdown-it (the parser of VS Code's own
 * Markdown service, an order of magnitude faster than micromark and linear
 * on hostile input) and records where everything the engine needs sits in
 * the source.
 *
 * markdown-it gives block tokens line maps but inline tokens no positions,
 * so positions are recorded while it parses, never by searching the text
 * afterwards:
 * - every block rule is wrapped to note the offset where its tokens start
 *   (`bMarks + tShift` of the first line, while container prefixes such as
 *   `>` are still stripped);
 * - every inline rule is wrapped to note the content offsets it consumed,
 *   and the link helpers to note where a destination and a title were read;
 * - an inline token's content maps back to the source line by line, each
 *   content line being the tail of its source line (container prefixes and
 *   indentation only ever come off the front).
 *
 * The reader works on markdown-it's normalized text (`\r\n` and `\r` become
 * `\n`); `SourceText` maps offsets back to the document as written.
 */
import MarkdownIt from 'markdown-it';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/** Offsets a rule noted on the tokens it made, in normalized-source (block) or content (inline) coordinates. */
export interface TokenPosition {
  start: number;
  end: number;
  /** Links and images: where the destination was read (`<`…`>` excluded), and the `]` ending the label. */
  destination?: readonly [number, number];
  labelEnd?: number;
}

/** Where a reference definition was read, in normalized-source offsets. */
export interface DefinitionPosition {
  readonly start: number;
  readonly end: number;
  readonly destination: readonly [number, number];
}

export interface MarkdownTokens {
  readonly tokens: readonly Token[];
  readonly definitions: readonly DefinitionPosition[];
  /** The normalized text the offsets count in. */
  readonly source: string;
  /** End offset of the front matter block (closing fence included), when the document has one. */
  readonly frontMatterEnd?: number;
}

/** Deeper than the `file/too-deep` pre-screen allows, so markdown-it's own nesting limit never silently drops a block. */
const MAX_BLOCK_NESTING = 1024;
/**
 * Inline nesting (links in emphasis in links…) beyond which markdown-it reads the rest as text. Measuring a link
 * label re-enters the inline rules once per level, so the time on runs of brackets grows with this bound:
 * 20 is far past real prose (`**[*a*](x)**` is 3) and keeps 1 MB of `[` under a second.
 */
const MAX_INLINE_NESTING = 20;

interface Frame {
  destination?: readonly [number, number];
  labelEnd?: number;
}

interface Recorder {
  /** Link and image rules in progress, innermost last: a helper call belongs to the top one. */
  readonly frames: Frame[];
  definitions: DefinitionPosition[];
  definitionDestination?: readonly [number, number];
}

const recorder: Recorder = { frames: [], definitions: [] };
/** The frame of a link rule measuring a label (silent): what the helpers read there is not a link of the document. */
const MEASURING: Frame = Object.freeze({});

function createParser(): MarkdownIt {
  const md = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
  // One option bounds block and inline nesting alike; the block and inline passes each set their own.
  const setNesting = (depth: number) => () => {
    (md.options as { maxNesting?: number }).maxNesting = depth;
  };
  md.core.ruler.before('block', 'block_nesting', setNesting(MAX_BLOCK_NESTING));
  md.core.ruler.before('inline', 'inline_nesting', setNesting(MAX_INLINE_NESTING));
  // Nothing is rendered: every destination is kept as written, `javascript:` included, so a rule can judge it.
  md.validateLink = () => true;
  md.normalizeLink = (url) => url;

  const helpers = md.helpers;
  const parseDestination = helpers.parseLinkDestination;
  helpers.parseLinkDestination = (text, start, max) => {
    const result = parseDestination(text, start, max);
    if (result.ok) {
      const angle = text.charCodeAt(start) === 0x3c; /* < */
      const offsets = angle ? ([start + 1, result.pos - 1] as const) : ([start, result.pos] as const);
      const frame = recorder.frames[recorder.frames.length - 1];
      if (!frame) recorder.definitionDestination = offsets;
      else if (frame !== MEASURING) frame.destination = offsets;
    }
    return result;
  };
  const parseLabel = helpers.parseLinkLabel;
  helpers.parseLinkLabel = (state, start, disableNested) => {
    const end = parseLabel(state, start, disableNested);
    // The first label a link or image reads is its own text; a second one is the `[label]` of a reference link.
    const frame = recorder.frames[recorder.frames.length - 1];
    if (frame && frame !== MEASURING && frame.labelEnd === undefined && end >= 0) frame.labelEnd = end;
    return end;
  };

  md.block.ruler.before('table', 'front_matter', frontMatterRule, { alt: [] });
  // Only the rules whose tokens need a position are wrapped: the others run at full speed. `at` replaces a
  // rule's alternatives too, so each keeps its own (which rules it may interrupt).
  for (const rule of rules(md.block.ruler).filter((candidate) => POSITIONED_BLOCKS.has(candidate.name))) {
    md.block.ruler.at(rule.name, recordBlock(rule.name, rule.fn as BlockRule), { alt: [...rule.alt] });
  }
  md.inline.ruler.after('link', 'wiki_reference', wikiReferenceRule);
  for (const rule of rules(md.inline.ruler).filter((candidate) => POSITIONED_INLINES.has(candidate.name))) {
    md.inline.ruler.at(rule.name, recordInline(rule.name, rule.fn as InlineRule), { alt: [...rule.alt] });
  }
  return md;
}

/** Headings, list items and definitions, whose start offsets parse.ts reads. */
const POSITIONED_BLOCKS = new Set(['heading', 'lheading', 'list', 'reference']);
/** Links, images and raw HTML, whose offsets parse.ts reads; `[[ID]]` records its own. */
const POSITIONED_INLINES = new Set(['link', 'image', 'html_inline']);

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
type InlineRule = (state: StateInline, silent: boolean) => boolean;

interface RulerLike {
  readonly __rules__: readonly { name: string; fn: unknown; alt: readonly string[] }[];
}

/** A ruler's rules as they stand: the typings keep the list private. */
function rules(ruler: unknown): RulerLike['__rules__'] {
  return [...(ruler as RulerLike).__rules__];
}

/** Notes the offset of the first line on every token the rule made that no nested rule noted already. */
function recordBlock(name: string, rule: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const start = state.bMarks[startLine]! + state.tShift[startLine]!;
    const before = state.tokens.length;
    const isDefinition = name === 'reference';
    if (isDefinition) recorder.definitionDestination = undefined;
    const matched = rule(state, startLine, endLine, silent);
    if (!matched || silent) return matched;
    if (isDefinition && recorder.definitionDestination) {
      recorder.definitions.push({ start, end: state.eMarks[state.line - 1]!, destination: recorder.definitionDestination });
    }
    for (let i = before; i < state.tokens.length; i++) {
      const token = state.tokens[i]!;
      if (token.meta?.position || !token.map) continue;
      const first = token.map[0];
      // Tokens of a container (list items) start on their own line, at its first non-blank character.
      const at = first === startLine ? start : state.bMarks[first]! + state.tShift[first]!;
      token.meta = { ...(token.meta ?? {}), position: { start: at, end: at } satisfies TokenPosition };
    }
    return matched;
  };
}

/** Notes the content offsets each inline rule consumed on the tokens it pushed. */
function recordInline(name: string, rule: InlineRule): InlineRule {
  const isLink = name === 'link' || name === 'image';
  return (state, silent) => {
    const start = state.pos;
    if (silent) {
      if (!isLink) return rule(state, silent);
      recorder.frames.push(MEASURING);
      try {
        return rule(state, silent);
      } finally {
        recorder.frames.pop();
      }
    }
    const before = state.tokens.length;
    const frame: Frame = {};
    if (isLink) recorder.frames.push(frame);
    let matched: boolean;
    try {
      matched = rule(state, silent);
    } finally {
      if (isLink) recorder.frames.pop();
    }
    if (!matched) return matched;
    const end = state.pos;
    const position: TokenPosition = { start, end };
    // A destination read past the end belongs to an inline form that failed and fell back to a reference link.
    if (isLink && frame.destination && frame.destination[1] < end) {
      position.destination = frame.destination;
      position.labelEnd = frame.labelEnd;
    } else if (isLink && frame.labelEnd !== undefined && state.src.charCodeAt(frame.labelEnd + 1) === 0x28 && state.src.charCodeAt(end - 1) === 0x29) {
      // `[text]()`: an inline link whose destination is empty, which the helper does not report as read.
      position.destination = [end - 1, end - 1];
      position.labelEnd = frame.labelEnd;
    }
    // The rule's own token is the first one it pushed: text before it is pending text the push flushed, and
    // tokens after it (a link's text) were noted by their own rules.
    for (let i = before; i < state.tokens.length; i++) {
      const token = state.tokens[i]!;
      if (token.type === 'text' && !token.meta?.position) continue;
      if (!token.meta?.position) token.meta = { ...(token.meta ?? {}), position };
      break;
    }
    return matched;
  };
}

/**
 * `[[ID]]`, `[[ID#fragment]]`, `[[ID#fragment|alias]]`: an id without brackets, `|`, `#` or backticks (a code span
 * would bind tighter), and a closing `]]` that is not escaped. Shared with raw HTML, where references count too.
 */
export const WIKI_REFERENCE_PATTERN = /\[\[([^\[\]|#\n`]+?)(?:#([^\[\]|\n`]*))?(?:\|([^\[\]\n`]*))?(?<!\\)\]\]/;
const WIKI_REFERENCE = new RegExp(WIKI_REFERENCE_PATTERN.source, 'y');

/** `[[ID]]`, `[[ID#heading]]` and `[[ID#heading|alias]]`: one token, with nothing inside parsed as Markdown. */
function wikiReferenceRule(state: StateInline, silent: boolean): boolean {
  // Silent runs only measure a link's label, where a token starting with `[` would count as a nested link and
  // void the link around it: there, `[[ID]]` is a pair of brackets, as CommonMark reads it.
  if (silent) return false;
  if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5b) return false;
  WIKI_REFERENCE.lastIndex = state.pos;
  const match = WIKI_REFERENCE.exec(state.src);
  if (!match || state.pos + match[0].length > state.posMax) return false;
  const token = state.push('wiki_reference', '', 0);
  token.content = match[0];
  token.meta = { position: { start: state.pos, end: state.pos + match[0].length } satisfies TokenPosition };
  state.pos += match[0].length;
  return true;
}

const FENCE = /^---[ \t]*$/;

/** YAML front matter: a `---` fence on the first line, up to the next `---` line (as remark-frontmatter reads it). */
function frontMatterRule(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine !== 0 || state.bMarks[0] !== 0 || state.tShift[0] !== 0) return false;
  const lineText = (line: number) => state.src.slice(state.bMarks[line]!, state.eMarks[line]!);
  if (!FENCE.test(lineText(0))) return false;
  let closing = 1;
  while (closing < endLine && !FENCE.test(lineText(closing))) closing++;
  if (closing >= endLine) return false;
  if (silent) return true;
  const token = state.push('front_matter', '', 0);
  token.map = [0, closing + 1];
  token.block = true;
  token.meta = { position: { start: 0, end: state.eMarks[closing]! } satisfies TokenPosition };
  state.line = closing + 1;
  return true;
}

let parser: MarkdownIt | undefined;

/** Parses normalized text (line breaks already `\n`). */
export function tokenize(source: string): MarkdownTokens {
  parser ??= createParser();
  recorder.definitions = [];
  recorder.frames.length = 0;
  const env: Record<string, unknown> = {};
  const tokens = parser.parse(source, env);
  const definitions = recorder.definitions;
  recorder.definitions = [];
  const frontMatter = tokens[0]?.type === 'front_matter' ? (tokens[0].meta.position as TokenPosition) : undefined;
  return { tokens, definitions, source, frontMatterEnd: frontMatter?.end };
}

export type { Token };
