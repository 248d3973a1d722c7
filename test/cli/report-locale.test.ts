/**
 * The audit pack in Japanese (issue 18): a Japanese quality manager reads the
 * report of samples/ without English. The English labels are taken from the
 * English rendering itself (every text and label attribute that is not data
 * of the pack), so a label left English in Japanese fails here by name.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { stringValues } from '../support/english';

const ROOT = resolve(__dirname, '..', '..');
const WORK = mkdtempSync(join(tmpdir(), 'densho-report-locale-'));
const SAMPLES = join(WORK, 'samples');

function densho(...args: string[]): string {
  const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C', LC_ALL: '', LC_MESSAGES: '' } });
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  return result.stdout;
}

function report(...args: string[]): string {
  const out = join(WORK, `audit-${args.join('-') || 'en'}.html`);
  densho('report', SAMPLES, '--today', '2026-11-25', '--out', out, ...args);
  return readFileSync(out, 'utf8');
}

const decode = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** What a reader sees: text between tags and the label attributes, outside scripts and styles, trimmed. */
function visibleTexts(page: string): string[] {
  const body = page.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
  const texts = [...body.matchAll(/>([^<]+)</g)].map((match) => match[1]!);
  const attributes = [...body.matchAll(/ (?:title|placeholder|aria-label)="([^"]*)"/g)].map((match) => match[1]!);
  return [...texts, ...attributes].map((text) => decode(text).trim()).filter((text) => text !== '');
}

/** Every string of the page's embedded data: titles, ids, files, names, rule ids and the like stay as they are in both languages. */
function dataStrings(page: string): string[] {
  const json = /<script type="application\/json" id="densho-data">([\s\S]*?)<\/script>/.exec(page)![1]!;
  return stringValues(JSON.parse(json));
}

/** English labels: visible texts with an English word in them that are not data (nor data and numbers joined). */
function englishLabels(page: string): string[] {
  const data = new Set(dataStrings(page));
  const isData = (text: string) => text.split(/[\s,·()/→+:–-]+/).every((part) => part === '' || /^[\d.%]+$/.test(part) || data.has(part) || [...data].some((value) => value.includes(part)));
  return [...new Set(visibleTexts(page))].filter((text) => /[A-Za-z]{2,}/.test(text) && !isData(text));
}

describe('densho report --lang ja / --locale ja', () => {
  const built = spawnSync(process.execPath, [join(ROOT, 'samples/make-history.mjs'), SAMPLES], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  const english = report();
  const japanese = report('--locale', 'ja');

  it('shows no English label of the English report', () => {
    const labels = englishLabels(english);
    assert.ok(labels.length > 80, `the English report's labels were found (${labels.length})`);
    const shown = new Set(visibleTexts(japanese));
    // JIS Q 9001 readers write "ID" too.
    const sameInJapanese = new Set(['ID']);
    assert.deepEqual(labels.filter((label) => shown.has(label) && !sameInJapanese.has(label)), []);
    assert.ok(labels.includes('Document register') && labels.includes('Findings') && labels.includes('Revision history'), 'the section headings are among the labels');
  });

  it('reads in Japanese: headings, columns, badges, notices and the page count', () => {
    const shown = new Set(visibleTexts(japanese));
    for (const label of ['文書台帳', '指摘事項', '規格への対応', 'レビュー予定', 'ノウハウのリスク一覧', '力量', '翻訳の状況', '改訂履歴', '責任者', '承認者', '期限切れ', '無効', '不足']) {
      assert.ok(shown.has(label), label);
    }
    assert.match(japanese, /<html lang="ja">/);
    assert.ok(japanese.includes('content: counter(page) " \\2f  " counter(pages) " ページ"'), 'the printed page count, "N / M ページ"');
  });

  it('follows --lang ja as it follows --locale ja', () => {
    assert.equal(report('--lang', 'ja').replace(/<title>[\s\S]*$/, ''), report('--locale', 'ja', '--lang', 'ja').replace(/<title>[\s\S]*$/, ''));
    assert.match(report('--lang', 'ja'), /<h2>文書台帳<\/h2>/);
  });

  it('keeps the English report in English', () => {
    assert.match(english, /<html lang="en">/);
    assert.match(english, /<h2>Document register<\/h2>/);
    assert.match(english, /content: "Page " counter\(page\) " of " counter\(pages\)/);
    assert.doesNotMatch(english, /[\u3040-\u30ff]{2,}<\/(?:h2|th|button|span)>/, 'no Japanese label in the English report');
  });
});
