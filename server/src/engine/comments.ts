/**
 * Where the comments are, so a partner copy can leave them behind while
 * keeping every other byte: `# …` in YAML (found by the YAML library's own
 * lexer, so a `#` inside a quoted value or a block scalar is never taken for
 * one) and `<!-- … -->` in a Markdown body.
 */
import { CST, Lexer } from 'yaml';

export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** The lexer's markers that stand for structure and occupy no characters of the source. */
const ZERO_WIDTH_TOKENS = new Set(['\x02', '\x18', '\x1f']);

/**
 * The ranges to delete to remove every YAML comment of `text.slice(from, to)`:
 * a comment alone on its line takes the line with it, a trailing one the
 * blanks before it. Undefined when the lexer's tokens do not add up to the
 * text (nothing is then guessed).
 */
export function yamlCommentRanges(text: string, from = 0, to = text.length): TextRange[] | undefined {
  // A lone CR ends a line for Markdown but not for the YAML lexer; as LF (same length) it keeps every offset, as parseYaml does.
  const source = text.slice(from, to).replace(/\r(?!\n)/g, '\n');
  const ranges: TextRange[] = [];
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    if (ZERO_WIDTH_TOKENS.has(token)) continue;
    if (source.slice(offset, offset + token.length) !== token) return undefined;
    if (CST.tokenType(token) === 'comment') ranges.push(lineAware(text, from + offset, from + offset + token.length, from));
    offset += token.length;
  }
  return offset === source.length ? ranges : undefined;
}

/**
 * The ranges of every HTML comment in a Markdown body (`text.slice(from)`),
 * outside fenced code blocks, whose content is shown as written. A comment
 * that is never closed hides the rest of the document from a reader, and
 * goes with it.
 */
export function htmlCommentRanges(text: string, from = 0): TextRange[] {
  const ranges: TextRange[] = [];
  let fence: { readonly char: string; readonly length: number } | undefined;
  let position = from;
  while (position < text.length) {
    const lineEnd = nextLineEnd(text, position);
    const line = text.slice(position, lineEnd);
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence.char && fenceMatch[1]!.length >= fence.length && line.slice(fenceMatch[0].length).trim() === '') fence = undefined;
      position = afterLineBreak(text, lineEnd);
      continue;
    }
    if (fenceMatch && !(fenceMatch[1]![0] === '`' && line.slice(fenceMatch[0].length).includes('`'))) {
      fence = { char: fenceMatch[1]![0]!, length: fenceMatch[1]!.length };
      position = afterLineBreak(text, lineEnd);
      continue;
    }
    const open = line.indexOf('<!--');
    if (open < 0) {
      position = afterLineBreak(text, lineEnd);
      continue;
    }
    const start = position + open;
    const bodyStart = start + 4;
    // `<!-->` and `<!--->` are complete (empty) comments.
    const close = text.startsWith('>', bodyStart) ? bodyStart - 2 : text.startsWith('->', bodyStart) ? bodyStart - 1 : text.indexOf('-->', bodyStart);
    const end = close < 0 ? text.length : close + 3;
    ranges.push(lineAware(text, start, end, from));
    position = end;
  }
  return ranges;
}

/** Widens a range that is alone on its line(s) to the whole line, line break included; else to the blanks before it. */
function lineAware(text: string, start: number, end: number, floor: number): TextRange {
  let before = start;
  while (before > floor && (text[before - 1] === ' ' || text[before - 1] === '\t')) before--;
  let after = end;
  while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
  const atLineStart = before === floor || text[before - 1] === '\n' || text[before - 1] === '\r';
  const atLineEnd = after === text.length || text[after] === '\n' || text[after] === '\r';
  if (atLineStart && atLineEnd) return { start: before, end: afterLineBreak(text, after) };
  // Between words, one run of blanks stays: `a <!-- x --> b` becomes `a b`.
  return { start: atLineEnd || (before < start && after > end) ? before : start, end };
}

function nextLineEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return end;
}

function afterLineBreak(text: string, lineEnd: number): number {
  if (text.startsWith('\r\n', lineEnd)) return lineEnd + 2;
  return lineEnd < text.length ? lineEnd + 1 : lineEnd;
}
