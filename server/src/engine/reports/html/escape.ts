/**
 * Escaping for the HTML reports. Markup is built only through the `html`
 * tag, which escapes every interpolated value unless it is already `Html`,
 * so a hostile title can never become markup: forgetting to escape takes
 * effort, not the other way round.
 */

/** A fragment of markup that is already safe to insert. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | readonly HtmlValue[];

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/** Template tag: literal parts are markup, interpolated values are escaped text (or `Html`, or lists of either). */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new Html(out);
}

/** Markup written by this code itself, never user text. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/**
 * JSON that can sit inside `<script type="application/json">`: `<`, `>` and
 * `&` are written as \u escapes so `</script>` or `<!--` in a title cannot
 * end the block, and U+2028/U+2029 are escaped for older JavaScript parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
