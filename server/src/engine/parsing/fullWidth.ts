/**
 * The mistakes a Japanese input method makes in the ASCII syntax of YAML and
 * Markdown: a full-width colon `：` or space `　` in a front matter key, a
 * full-width `＃` for a heading or a link's fragment. Each is recorded where
 * it was written, with the half-width text it stands for, and the parse goes
 * on as if it had been typed right: a key typed `access：internal` is still a
 * field, so the document's id does not vanish for the other documents.
 */
import { FRONT_MATTER_KEY_CEILING } from '../limits';
import { lastAtOrBefore, type LineIndex, type Range } from '../text';

export type KeyboardSlipRule = 'frontmatter/full-width' | 'heading/full-width' | 'link/full-width';

export interface KeyboardSlip {
  readonly rule: KeyboardSlipRule;
  /** The characters to replace, as written. */
  readonly range: Range;
  readonly written: string;
  /** Their half-width form: what the quick fix writes. */
  readonly newText: string;
  /** What the slip is in: the key, the heading line or the link destination, as written. */
  readonly subject: string;
}

const FULL_WIDTH_SPACE = /\u3000/g;

/**
 * A front matter key line, each piece of its syntax possibly typed full-width:
 * indentation, an ASCII key, blanks, the colon, blanks.
 */
const KEY_LINE = /^([ \t\u3000]*)([A-Za-z0-9_][A-Za-z0-9_.-]*)([ \t\u3000]*)([:\uff1a])([ \t\u3000]*)(.?)/gm;

/** Offsets in a normalised copy of a text to offsets in the text, piecewise. */
export class NormalisedText {
  private readonly normalStarts: number[] = [0];
  private readonly originalStarts: number[] = [0];
  private normalised = '';
  private consumed = 0;

  constructor(private readonly original: string) {}

  /** Copies the original up to `end`, then puts `replacement` for `[end, replacedEnd)`. */
  replace(end: number, replacedEnd: number, replacement: string): void {
    this.normalised += this.original.slice(this.consumed, end);
    this.mark(end);
    this.normalised += replacement;
    this.consumed = replacedEnd;
    this.mark(replacedEnd);
  }

  private mark(originalOffset: number): void {
    this.normalStarts.push(this.normalised.length);
    this.originalStarts.push(originalOffset);
  }

  text(): string {
    return this.normalised + this.original.slice(this.consumed);
  }

  /** The original offset of `offset` in the normalised text; inside a replacement, its start (or its end at the end). */
  toOriginal = (offset: number): number => {
    const piece = lastAtOrBefore(this.normalStarts, offset);
    const next = this.originalStarts[piece + 1];
    const mapped = this.originalStarts[piece]! + offset - this.normalStarts[piece]!;
    return next === undefined ? mapped : Math.min(mapped, next);
  };
}

/**
 * The YAML of a front matter block with its keyboard slips put right, and the
 * slips. `yaml` starts at `base` in the text `lines` indexes.
 */
export function frontMatterSlips(yaml: string, base: number, lines: LineIndex): { normalised: NormalisedText; slips: KeyboardSlip[] } {
  const normalised = new NormalisedText(yaml);
  const slips: KeyboardSlip[] = [];
  if (!/[\u3000\uff1a]/.test(yaml)) return { normalised, slips };
  for (const match of yaml.matchAll(KEY_LINE)) {
    const [whole, indent, key, before, colon, after, next] = match as unknown as string[];
    // A full-width space after a half-width colon and its blank is text of the value, not a slip.
    const slipped = colon === '\uff1a' || indent!.includes('\u3000') || before!.includes('\u3000') || after!.startsWith('\u3000');
    if (!slipped) continue;
    const start = match.index!;
    const prefixEnd = start + whole!.length - next!.length;
    const fixedAfter = next === '' || next === '\r' || next === '\n' ? after!.replace(FULL_WIDTH_SPACE, '') : after!.replace(FULL_WIDTH_SPACE, ' ') || ' ';
    const fixed = indent!.replace(FULL_WIDTH_SPACE, '') + key + before!.replace(FULL_WIDTH_SPACE, '') + ':' + fixedAfter;
    const written = yaml.slice(start, prefixEnd);
    const { head, tail } = smallestChange(written, fixed);
    const from = start + head;
    const to = prefixEnd - tail;
    // Past the key ceiling a slip is still put right for the parse, but not reported: a hostile block gets no diagnostic per line.
    if (slips.length < FRONT_MATTER_KEY_CEILING) slips.push({
      rule: 'frontmatter/full-width',
      range: lines.rangeOf(base + from, base + to),
      written: yaml.slice(from, to),
      newText: fixed.slice(head, fixed.length - tail),
      subject: key!,
    });
    normalised.replace(from, to, fixed.slice(head, fixed.length - tail));
  }
  return { normalised, slips };
}

/**
 * A heading marker run typed with a full-width `＃`, or followed by a
 * full-width space: Markdown reads the line as text.
 */
const SLIPPED_HEADING = /^([#\uff03]{1,6})([ \t\u3000])(?=[^ \t\u3000\r\n])/;

/** The slip of a paragraph line that was meant as a heading, if it is one; `at` gives the original offset of a character of `line`. */
export function headingSlip(line: string, at: (offset: number) => number, lines: LineIndex): KeyboardSlip | undefined {
  const match = SLIPPED_HEADING.exec(line);
  if (!match || !(match[1]!.includes('\uff03') || match[2] === '\u3000')) return undefined;
  const fixed = '#'.repeat(match[1]!.length) + (match[2] === '\u3000' ? ' ' : match[2]);
  const { head, tail } = smallestChange(match[0], fixed);
  const end = match[0].length - tail;
  return { rule: 'heading/full-width', range: lines.rangeOf(at(head), at(end)), written: match[0].slice(head, end), newText: fixed.slice(head, fixed.length - tail), subject: line.trim() };
}

/** How many characters `written` and `fixed` share at the start and at the end: the fix replaces only what lies between. */
function smallestChange(written: string, fixed: string): { head: number; tail: number } {
  let head = 0;
  while (head < written.length && head < fixed.length && written[head] === fixed[head]) head++;
  let tail = 0;
  while (tail < written.length - head && tail < fixed.length - head && written[written.length - 1 - tail] === fixed[fixed.length - 1 - tail]) tail++;
  return { head, tail };
}
