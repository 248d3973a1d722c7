/**
 * fast-check generators for documents written the many ways real ones are:
 * LF, CRLF or both, with or without a BOM and a final newline, trailing
 * blanks and tabs, and Japanese text with characters outside the BMP
 * (two UTF-16 code units each) placed before the things edits touch.
 */
import fc from 'fast-check';

export interface Style {
  /** `cr` is the old Mac convention: rare, but Markdown and Densho's line index count it as a line break. */
  readonly eol: 'lf' | 'crlf' | 'mixed' | 'cr';
  /** For `mixed`: which lines end in CRLF, cycled. */
  readonly mix: readonly boolean[];
  readonly bom: boolean;
  readonly finalNewline: boolean;
  /** Trailing blanks, cycled over the lines that accept them. */
  readonly pads: readonly string[];
}

export const styles: fc.Arbitrary<Style> = fc.record({
  eol: fc.constantFrom('lf' as const, 'crlf' as const, 'mixed' as const, 'lf' as const, 'crlf' as const, 'mixed' as const, 'cr' as const),
  mix: fc.tuple(fc.boolean(), fc.array(fc.boolean(), { maxLength: 6 })).map(([crlfFirst, rest]) => [crlfFirst, !crlfFirst, ...rest]),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  pads: fc.array(fc.constantFrom('', '', ' ', '  ', '\t', ' \t '), { minLength: 1, maxLength: 5 }),
});

/** A line of a document; `exact` lines get no trailing blanks (where blanks would change their meaning). */
export type Line = string | { readonly text: string; readonly exact: true };

export const exact = (text: string): Line => ({ text, exact: true });

export function render(lines: readonly Line[], style: Style): string {
  let out = style.bom ? '\ufeff' : '';
  let padIndex = 0;
  lines.forEach((line, index) => {
    const text = typeof line === 'string' ? line + style.pads[padIndex++ % style.pads.length]! : line.text;
    const crlf = style.eol === 'crlf' || (style.eol === 'mixed' && style.mix[index % style.mix.length]!);
    const last = index === lines.length - 1;
    out += text + (last && !style.finalNewline ? '' : style.eol === 'cr' ? '\r' : crlf ? '\r\n' : '\n');
  });
  return out;
}

/** Words with multi-byte characters, astral ones (𠮷, emoji: two UTF-16 code units) and a ZWJ sequence. */
export const WORDS = ['溶接', '手順', '𠮷野', '🔧', '安全確認', 'ステンレス', '👩‍🔧', '検査', 'ｶﾅ', 'café', 'TIG', 'Steps', 'root'] as const;

/** A phrase of words separated by spaces or tabs, safe as a YAML plain scalar and as Markdown text. */
export const phrases: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', '\t', '')), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.map(([word, gap], index) => (index === parts.length - 1 ? word : word + gap)).join(''));

/** Body lines that contain no links, headings or front matter fences of their own. */
export const proseLines: fc.Arbitrary<Line[]> = fc.array(
  fc.oneof(
    phrases,
    phrases.map((p) => `1.\t${p}`),
    phrases.map((p) => `- ${p}`),
    phrases.map((p) => `> ${p}`),
    phrases.map((p) => `\`code\` ${p} 🔧`),
    fc.constant(''),
  ),
  { maxLength: 5 },
);

/** How a `key: value` line is written: the gap after the colon and an optional comment. */
export interface FieldStyle {
  readonly gap: string;
  readonly comment: string;
}

export const fieldStyles: fc.Arbitrary<FieldStyle> = fc.record({
  gap: fc.constantFrom(' ', ' ', '  ', '\t', ' \t'),
  comment: fc.constantFrom('', '', ' # メモ 🔧', '\t# 𠮷 note', '  #'),
});

export function field(key: string, value: string, style: FieldStyle): string {
  return `${key}:${style.gap}${value}${style.comment}`;
}

/** `value` plain, double-quoted or single-quoted. */
export function quoted(value: string, how: 'plain' | 'double' | 'single'): string {
  return how === 'double' ? JSON.stringify(value) : how === 'single' ? `'${value.replace(/'/g, "''")}'` : value;
}

export const quoting = fc.constantFrom('plain' as const, 'plain' as const, 'double' as const, 'single' as const);
