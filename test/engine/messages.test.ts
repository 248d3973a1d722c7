/**
 * The message catalog (issue 18): every id has an English and a Japanese
 * template, each template shows every argument it is given, and code-like
 * values are quoted as the surface needs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CATALOGS, LOCALES, message, renderMessage, type Locale, type Message, type MessageId } from '../../server/src/engine';
import { MESSAGES } from '../../server/src/engine/messages/declarations';
import { englishIn } from '../support/english';

const IDS = Object.keys(MESSAGES) as MessageId[];

/** Arguments whose every value is a distinct marker, so the rendered text shows which arguments it used. */
function markedArguments(id: MessageId): { args: Record<string, unknown>; markers: Map<string, string> } {
  const args: Record<string, unknown> = {};
  const markers = new Map<string, string>();
  Object.entries(MESSAGES[id] as Record<string, string>).forEach(([name, declared], index) => {
    const marker = `Q${index}Z${name.length}`;
    const count = 90_000 + index;
    const kind = declared.replace('?', '');
    args[name] =
      kind === 'count' ? count
      : kind === 'codes' || kind === 'texts' ? [marker]
      : kind === 'message' ? message('knowledge.person', { person: marker })
      : kind === 'messages' ? [message('knowledge.person', { person: marker })]
      : kind === 'localized' ? { en: marker, ja: marker }
      : marker;
    markers.set(name, kind === 'count' ? String(count) : marker);
  });
  return { args, markers };
}

describe('message catalog', () => {
  it('has a template for every id in English and Japanese, and no other', () => {
    for (const locale of LOCALES) assert.deepEqual(Object.keys(CATALOGS[locale]).sort(), [...IDS].sort(), locale);
  });

  it('every template shows every argument it is given, in both languages', () => {
    const missing: string[] = [];
    for (const id of IDS) {
      const { args, markers } = markedArguments(id);
      for (const locale of LOCALES) {
        const text = renderMessage({ id, args } as Message, locale);
        for (const [name, marker] of markers) if (!text.includes(marker)) missing.push(`${locale} ${id}: ${name}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('templates never quote by hand: plain English has no backticks, plain Japanese no backticks or straight quotes around values', () => {
    const handQuoted: string[] = [];
    for (const id of IDS) {
      const { args } = markedArguments(id);
      for (const locale of LOCALES) {
        const text = renderMessage({ id, args } as Message, locale);
        if (text.includes('`') || (locale === 'ja' && /"Q\d/.test(text))) handQuoted.push(`${locale} ${id}: ${text}`);
      }
    }
    assert.deepEqual(handQuoted, []);
  });

  it('Japanese templates hold no English sentence, and call an access layer 層 throughout (the samples\' headings say アクセス層)', () => {
    const english: string[] = [];
    const otherWord: string[] = [];
    for (const id of IDS) {
      const text = renderMessage({ id, args: markedArguments(id).args } as Message, 'ja');
      if (englishIn(text).length > 0) english.push(`${id}: ${text}`);
      if (text.includes('階層')) otherWord.push(`${id}: ${text}`);
    }
    assert.deepEqual(english, []);
    assert.deepEqual(otherWord, []);
  });

  it('quotes code-like values as the surface needs: "…" in English, 「…」 in Japanese, code spans in Markdown', () => {
    const unknown = message('field.unknown', { key: 'titel', suggestion: 'title' });
    assert.equal(renderMessage(unknown, 'en'), 'Unknown field "titel". Did you mean "title"?');
    assert.equal(renderMessage(unknown, 'ja'), '不明なフィールド「titel」です。「title」の誤りではありませんか？');
    assert.equal(renderMessage(unknown, 'en', 'markdown'), 'Unknown field `titel`. Did you mean `title`?');
    assert.equal(renderMessage(unknown, 'ja', 'markdown'), '不明なフィールド `titel` です。`title` の誤りではありませんか？');
  });

  it('closes up Japanese quotes across nested messages, and a value cannot forge a quote', () => {
    const record = message('training.record', { person: 'a', id: 'SOP-1' });
    assert.equal(renderMessage(message('training.date', { record }), 'ja'), '「a」の「SOP-1」の記録：「date」は YYYY-MM-DD 形式の日付でなければなりません。');
    assert.equal(renderMessage(message('link.file', { path: 'x\uE001 y' }), 'ja'), '「x\uFFFD y」は存在しません。');
  });

  it('renders text arguments as text in Markdown: a title cannot become a link', () => {
    const text = renderMessage(message('iso.unknown-clause', { standard: '[x](http://evil)', clause: '9.9' }), 'en' as Locale, 'markdown');
    assert.equal(text, '\\[x\\](http\\://evil) has no clause 9.9.');
  });
});
