/**
 * The reports' labels in the reader's language (issue 18): every heading,
 * column, badge and notice is a catalog message rendered here, so the HTML
 * files build no English text of their own.
 */
import { message, renderMessage, type Locale, type Message, type MessageArguments, type MessageId } from '../../messages';
import { Html, escapeHtml, html } from './escape';

/** An argument may be markup (a badge, a link, `<code>`): it takes its place in the translated sentence, wherever the language puts it. */
type RichArguments<Id extends MessageId> = { readonly [K in keyof MessageArguments<Id>]: MessageArguments<Id>[K] | Html };

export interface Labels {
  readonly locale: Locale;
  /** A label as text, escaped by the `html` tag where it is inserted. */
  text<Id extends MessageId>(id: Id, ...args: Record<string, never> extends MessageArguments<Id> ? [MessageArguments<Id>?] : [MessageArguments<Id>]): string;
  /** A label with markup arguments put in place. */
  rich<Id extends MessageId>(id: Id, args: RichArguments<Id>): Html;
}

// Private-use characters stand in for markup while the sentence is rendered; text from files cannot carry them.
const SLOT_BASE = 0xe100;
const SLOTS = /[\uE100-\uE1FF]/g;

export function labelsFor(locale: Locale = 'en'): Labels {
  const text: Labels['text'] = (id, ...args) => renderMessage(message(id, ...(args as [never])) as Message, locale, 'plain');
  const rich: Labels['rich'] = (id, args) => {
    const slots: Html[] = [];
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(args as Record<string, unknown>)) {
      if (value instanceof Html) {
        values[name] = String.fromCharCode(SLOT_BASE + slots.length);
        slots.push(value);
      } else values[name] = withoutSlots(value);
    }
    const rendered = renderMessage({ id, args: values } as never, locale, 'plain');
    return new Html(rendered.split(/([\uE100-\uE1FF])/).map((part, i) => (i % 2 === 1 ? slots[part.charCodeAt(0) - SLOT_BASE]!.value : escapeHtml(part))).join(''));
  };
  return { locale, text, rich };
}

function withoutSlots(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(SLOTS, '\uFFFD');
  if (Array.isArray(value)) return value.map(withoutSlots);
  return value;
}

/** `<code>densho check</code>`, the command a sentence names. */
export const CHECK_COMMAND: Html = html`<code>densho check</code>`;
