/**
 * Text from a repository (ids, titles, people's names, file names) on its
 * way to a terminal or a CI log. An ESC or OSC sequence in a title could
 * clear the screen or rewrite what was printed before it, and a newline
 * could start a line of its own, such as `::error file=…::` that GitHub
 * turns into an annotation. Every control character is therefore shown
 * escaped, as JavaScript writes it (`\n`, `\u001b`), on the one line where
 * the field stands.
 */

/**
 * C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the
 * bidirectional overrides and isolates that reorder what a terminal shows
 * ("Trojan source").
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control character written out, so it stays one visible, inert field. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (char) => NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
