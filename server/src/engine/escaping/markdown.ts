/**
 * Text from a repository inside Markdown that Densho writes: the coverage
 * table (`coverage --format md`), hovers and completion details. A title is
 * text: it must not become HTML, a link, an image, emphasis, a new table
 * cell or a new line of the table.
 */
import { terminalText } from './terminal';

/**
 * ASCII punctuation that starts or ends inline Markdown, HTML or a table
 * cell; CommonMark renders each backslash-escaped one as the character.
 * `@` is escaped so that `a@b.c` is not made a mail link.
 */
const INLINE_SPECIAL = /[\\`*_[\]<>|~&@]/g;

/** Inline Markdown (inside a line, a table cell or after a label) that shows `text` as written, on one line. */
export function markdownText(text: string): string {
  return (
    oneLine(text)
      .replace(INLINE_SPECIAL, (char) => `\\${char}`)
      // GFM links bare URLs and `www.` without any brackets: a broken scheme or `www\.` is plain text.
      .replace(/\b(https?|ftp|mailto|xmpp):/gi, '$1\\:')
      .replace(/\b(www)\./gi, '$1\\.')
  );
}

/** Like markdownText, for text that starts a line: it cannot start a heading, a list, a quote or a rule either. */
export function markdownLine(text: string): string {
  return markdownText(text).replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3').replace(/^(\s*)([#+\-=>])/, '$1\\$2');
}

/** A code span showing `text` as written: the fence is one backtick longer than any run of them inside. */
export function markdownCode(text: string): string {
  const line = oneLine(text);
  const longestRun = Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padded = /^`|`$|^ .* $/.test(line) || line === '' ? ` ${line} ` : line;
  return `${fence}${padded}${fence}`;
}

/** One line: breaks become spaces and other control characters are written out. */
function oneLine(text: string): string {
  return terminalText(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
}
