/**
 * The shape of the message catalog: what an argument kind is, what a
 * message carries, and what a language's template receives. The ids and
 * their arguments are declared once, in declarations.ts; en.ts and ja.ts
 * each give every id a template, so a missing translation, an unknown
 * argument or a missing one is a compile error.
 */
import type { MESSAGES } from './declarations';

export type Locale = 'en' | 'ja';
export const LOCALES: readonly Locale[] = ['en', 'ja'];

/**
 * Where the text is shown. `markdown` (hovers): code-like values as code
 * spans. `plain` (Problems panel, terminal, JSON, SARIF): Markdown is not
 * rendered there, so they are quoted as the language quotes: "…" in
 * English, 「…」 in Japanese.
 */
export type Surface = 'plain' | 'markdown';

/**
 * What an argument is, so that the renderer can quote it as the surface
 * needs: `text` is shown as it is (a title, a date, a sentence from a
 * parser), `code` is a value as written in a file (a field name, an id, a
 * value), `codes` a list of them, `count` a number, `message` another
 * catalog message rendered in the same language, `localized` a text the
 * engine knows in every language (a clause's title: ISO's English, JIS Q
 * 9001's Japanese), of which the renderer shows the reader's. `?` marks an
 * optional one.
 */
export type ArgumentKind = 'text' | 'texts' | 'code' | 'codes' | 'count' | 'message' | 'messages' | 'localized';
type Declared = ArgumentKind | `${ArgumentKind}?`;

export type MessageId = keyof typeof MESSAGES;
type Declaration<Id extends MessageId> = (typeof MESSAGES)[Id];

interface KindValues {
  text: string;
  texts: readonly string[];
  code: string;
  codes: readonly string[];
  count: number;
  message: Message;
  messages: readonly Message[];
  localized: LocalizedText;
}

/** A text in every language the catalog speaks. */
export type LocalizedText = Readonly<Record<Locale, string>>;
type ValueOf<K> = K extends `${infer Base extends ArgumentKind}?` ? KindValues[Base] : K extends ArgumentKind ? KindValues[K] : never;
type RequiredKeys<D> = { [K in keyof D]: D[K] extends `${string}?` ? never : K }[keyof D];
type OptionalKeys<D> = Exclude<keyof D, RequiredKeys<D>>;
type Simplify<T> = { [K in keyof T]: T[K] };

/** The arguments a message is built with, as the engine knows them. */
export type MessageArguments<Id extends MessageId> = Simplify<
  { readonly [K in RequiredKeys<Declaration<Id>>]: ValueOf<Declaration<Id>[K]> } & {
    readonly [K in OptionalKeys<Declaration<Id>>]?: ValueOf<Declaration<Id>[K]>;
  }
>;

/** The arguments a template receives: each already rendered and quoted for the surface. */
export type RenderedArguments<Id extends MessageId> = Simplify<
  { readonly [K in RequiredKeys<Declaration<Id>>]: string } & { readonly [K in OptionalKeys<Declaration<Id>>]?: string }
>;

export interface MessageOf<Id extends MessageId> {
  readonly id: Id;
  readonly args: MessageArguments<Id>;
}

/** A message as data: its id and arguments. Rendered to text only at the edge (CLI, server, report). */
export type Message = { [Id in MessageId]: MessageOf<Id> }[MessageId];

/** Quotes a fixed code-like word of a template (a field name, `---`) as the surface needs. */
export type Code = (text: string) => string;

/** One language: a template for every id. */
export type Catalog = { readonly [Id in MessageId]: (args: RenderedArguments<Id>, code: Code) => string };

/** Keeps the declaration's literal kinds while checking that each is a kind. */
export type Declarations = Readonly<Record<string, Readonly<Record<string, Declared>>>>;
