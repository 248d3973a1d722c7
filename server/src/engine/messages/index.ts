/**
 * Messages as data (issue 18). The engine never builds user-visible text:
 * it builds a Message, an id from declarations.ts with named, typed
 * arguments, and the edge (CLI formats, the server's convert.ts, the
 * report) renders it in the chosen locale with renderMessage.
 *
 * Converting a message written the old way:
 *
 *   message: `Unknown field \`${entry.key}\`.`
 *
 * 1. declarations.ts:  'frontmatter.unknown-field': { key: 'code' },
 * 2. en.ts:            'frontmatter.unknown-field': ({ key }) => `Unknown field ${key}.`,
 *    ja.ts:            'frontmatter.unknown-field': ({ key }) => `不明なフィールド ${key} です。`,
 * 3. the rule:         message: message('frontmatter.unknown-field', { key: entry.key })
 *
 * A template receives every argument already quoted for the surface, so it
 * never writes quotes or backticks itself; test/engine/messages.test.ts
 * checks that every id has both templates and that each uses every argument.
 */
import { markdownCode, markdownText } from '../escaping/markdown';
import { MESSAGES } from './declarations';
import { en } from './en';
import { ja } from './ja';
import type { ArgumentKind, Catalog, Locale, LocalizedText, Message, MessageArguments, MessageId, MessageOf, Surface } from './types';

export type { Catalog, Locale, LocalizedText, Message, MessageArguments, MessageId, MessageOf, Surface } from './types';
export { LOCALES } from './types';
export { localeFromEnvironment, localeFromName } from './locale';

export const CATALOGS: Readonly<Record<Locale, Catalog>> = { en, ja };

/** Builds a message; arguments are required exactly when the declaration has required ones. */
export function message<Id extends MessageId>(
  id: Id,
  ...args: Record<string, never> extends MessageArguments<Id> ? [MessageArguments<Id>?] : [MessageArguments<Id>]
): MessageOf<Id> {
  return { id, args: (args[0] ?? {}) as MessageArguments<Id> };
}

/** Whether two messages say the same (same id, same arguments), whatever the locale they will be shown in. */
export function sameMessage(a: Message | undefined, b: Message | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A message's text in `locale`, with code-like values quoted as `surface` needs. */
export function renderMessage(value: Message, locale: Locale, surface: Surface = 'plain'): string {
  const text = renderTemplate(value, locale, surface);
  return locale === 'ja' && surface === 'plain' ? closeUpJapaneseQuotes(text) : text;
}

/** The text with Japanese quotes still marked, so that a nested message's quotes close up in the outer one's text. */
function renderTemplate(value: Message, locale: Locale, surface: Surface): string {
  const declaration = MESSAGES[value.id] as Readonly<Record<string, string>>;
  const rendered: Record<string, string> = {};
  for (const [name, argument] of Object.entries(value.args as Record<string, unknown>)) {
    if (argument === undefined) continue;
    const kind = (declaration[name] ?? 'text').replace('?', '') as ArgumentKind;
    rendered[name] = renderArgument(kind, argument, locale, surface);
  }
  const template = CATALOGS[locale][value.id] as (args: Record<string, string>, code: (text: string) => string) => string;
  return template(rendered, (code) => quoteCode(code, locale, surface));
}

// Japanese quotes stand for themselves: the spaces a template puts around a value (`${key} は`) go when
// the value is 「quoted」. Marks, not the brackets, are matched, so a bracket inside a value is left alone.
const OPEN = '\uE000';
const CLOSE = '\uE001';

function closeUpJapaneseQuotes(text: string): string {
  return text
    .replace(/ ?\uE000/g, '「')
    .replace(/\uE001 ?/g, '」');
}

function renderArgument(kind: ArgumentKind, argument: unknown, locale: Locale, surface: Surface): string {
  switch (kind) {
    case 'text':
      return surface === 'markdown' ? markdownText(String(argument)) : unmarked(String(argument));
    case 'count':
      return String(argument);
    case 'code':
      return quoteCode(String(argument), locale, surface);
    case 'texts':
      return joinList((argument as readonly string[]).map((item) => renderArgument('text', item, locale, surface)), locale);
    case 'codes':
      return joinList((argument as readonly string[]).map((item) => quoteCode(item, locale, surface)), locale);
    case 'message':
      return renderTemplate(argument as Message, locale, surface);
    case 'messages':
      return joinList((argument as readonly Message[]).map((item) => renderTemplate(item, locale, surface)), locale);
    case 'localized':
      return renderArgument('text', (argument as LocalizedText)[locale], locale, surface);
  }
}

function joinList(items: readonly string[], locale: Locale): string {
  return items.join(locale === 'ja' ? '、' : ', ');
}

function quoteCode(text: string, locale: Locale, surface: Surface): string {
  if (surface === 'markdown') return markdownCode(text);
  return locale === 'ja' ? `${OPEN}${unmarked(text)}${CLOSE}` : `"${text}"`;
}

/** A value never carries the quote marks itself: they would become brackets it does not have. */
function unmarked(text: string): string {
  return text.replace(/[\uE000\uE001]/g, '\uFFFD');
}
