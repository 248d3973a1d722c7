/**
 * The CLI's language (issue 18): `--locale en|ja`, else LC_ALL, LC_MESSAGES,
 * LANG in that order; rule ids and JSON keys stay the same, and a baseline
 * written in one language matches in the other.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { localeFromEnvironment, localeFromName } from '../../server/src/engine';
import { doc } from '../helpers';
import { runDensho, tempRepository } from '../support/cli';

const TODAY = ['--today', '2026-11-25'];
const ENGLISH_SUMMARY = /✖ 1 problem \(1 error, 0 warnings, 0 info\) in 1 document/;
const JAPANESE_LINK = '「missing.md」は存在しません。';
const JAPANESE_SUMMARY = /✖ 1 件の文書に 1 件の問題があります（エラー 1、警告 0、情報 0）/;

function repositoryWithOneError(): string {
  return tempRepository({ 'densho.yaml': 'standards: []\n', 'a.md': doc({}, '# Title\n\n[gone](missing.md)\n') });
}

describe('locale names', () => {
  it('ja, ja_JP.UTF-8 and ja-JP are Japanese; C, POSIX, English and look-alikes are English', () => {
    for (const name of ['ja', 'ja_JP.UTF-8', 'ja-JP', 'JA_jp', 'ja_JP@euro']) assert.equal(localeFromName(name), 'ja', name);
    for (const name of ['C', 'POSIX', 'C.UTF-8', 'en_US.UTF-8', 'jam', 'fr_FR', '']) assert.equal(localeFromName(name), 'en', name);
  });
  it('the first of LC_ALL, LC_MESSAGES and LANG that is set decides; empty ones are skipped', () => {
    assert.equal(localeFromEnvironment({}), 'en');
    assert.equal(localeFromEnvironment({ LANG: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(localeFromEnvironment({ LC_MESSAGES: 'C', LANG: 'ja_JP.UTF-8' }), 'en');
    assert.equal(localeFromEnvironment({ LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'C' }), 'ja');
    assert.equal(localeFromEnvironment({ LC_ALL: 'C', LC_MESSAGES: 'ja', LANG: 'ja' }), 'en');
    assert.equal(localeFromEnvironment({ LC_ALL: 'ja_JP.UTF-8', LC_MESSAGES: 'C', LANG: 'C' }), 'ja');
    assert.equal(localeFromEnvironment({ LC_ALL: '', LC_MESSAGES: '', LANG: 'ja' }), 'ja');
  });
});

describe('densho check in the chosen language', () => {
  const dir = repositoryWithOneError();

  it('is English without a locale, Japanese with LANG=ja_JP.UTF-8', async () => {
    assert.match((await runDensho(['check', dir, ...TODAY])).stdout, ENGLISH_SUMMARY);
    const japanese = await runDensho(['check', dir, ...TODAY], dir, { LANG: 'ja_JP.UTF-8' });
    assert.match(japanese.stdout, JAPANESE_SUMMARY);
    assert.match(japanese.stdout, /「missing\.md」は存在しません。 {2}link\/file$/m);
  });
  it('LC_MESSAGES wins over LANG, LC_ALL over both', async () => {
    assert.match((await runDensho(['check', dir, ...TODAY], dir, { LC_MESSAGES: 'C', LANG: 'ja_JP.UTF-8' })).stdout, ENGLISH_SUMMARY);
    assert.match((await runDensho(['check', dir, ...TODAY], dir, { LC_MESSAGES: 'ja_JP.UTF-8', LANG: 'C' })).stdout, JAPANESE_SUMMARY);
    assert.match((await runDensho(['check', dir, ...TODAY], dir, { LC_ALL: 'C', LC_MESSAGES: 'ja', LANG: 'ja' })).stdout, ENGLISH_SUMMARY);
  });
  it('--locale wins over the environment, before or after the command', async () => {
    assert.match((await runDensho(['--locale', 'en', 'check', dir, ...TODAY], dir, { LC_ALL: 'ja_JP.UTF-8' })).stdout, ENGLISH_SUMMARY);
    assert.match((await runDensho(['check', dir, ...TODAY, '--locale', 'ja'], dir, { LC_ALL: 'C' })).stdout, JAPANESE_SUMMARY);
  });
  it("commander's usage errors: Japanese through the catalog, English exactly as commander words them", async () => {
    const japanese = await runDensho(['--locale', 'ja', 'review', dir, '--format', 'md']);
    assert.equal(japanese.code, 2);
    assert.equal(japanese.stderr, 'densho: オプション「-f, --format <format>」には「text」、「json」のいずれかを指定してください（「md」は使えません）\n（使い方は「--help」で表示できます）\n');
    assert.match((await runDensho(['chek', dir], dir, { LANG: 'ja_JP.UTF-8' })).stderr, /^densho: 不明なコマンド「chek」です（「check」の誤りではありませんか？）\n/);
    const english = await runDensho(['check', dir, '--bogus']);
    assert.equal(english.stderr, "error: unknown option '--bogus'\n(run with --help for usage)\n");
  });
  it('--help: Japanese from --locale or the environment, English as commander writes it', async () => {
    const japanese = (await runDensho(['review', '--help'], dir, { LANG: 'ja_JP.UTF-8' })).stdout;
    assert.match(japanese, /^使い方： densho review \[options\] \[dir\]\n\nレビュー予定：期限切れと期限間近を責任者ごとに\n/);
    assert.match(japanese, /^  -f, --format <format> +出力形式（選択肢："text"、"json"、既定："text"）$/m);
    assert.equal((await runDensho(['--locale=ja', 'review', '--help'])).stdout, japanese);
    const english = (await runDensho(['review', '--help', '--locale', 'en'], dir, { LANG: 'ja_JP.UTF-8' })).stdout;
    assert.match(english, /^Usage: densho review \[options\] \[dir\]\n\nreview schedule: overdue and due soon, grouped by owner\n/);
    assert.match(english, /^  -f, --format <format> +output format \(choices: "text", "json",/m);
    assert.match(english, /^  -h, --help +display help for command$/m);
  });
  it('an unknown --locale is a usage error', async () => {
    const result = await runDensho(['--locale', 'fr', 'check', dir, ...TODAY]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--locale/);
  });
  it('JSON keeps its keys and rule ids; only the message is in Japanese', async () => {
    const english = JSON.parse((await runDensho(['check', dir, ...TODAY, '--format', 'json'])).stdout);
    const japanese = JSON.parse((await runDensho(['check', dir, ...TODAY, '--format', 'json', '--locale', 'ja'])).stdout);
    assert.deepEqual({ ...japanese.diagnostics[0], message: undefined }, { ...english.diagnostics[0], message: undefined });
    assert.equal(english.diagnostics[0].message, '"missing.md" does not exist.');
    assert.equal(japanese.diagnostics[0].message, '「missing.md」は存在しません。');
  });
  it('a baseline written in English matches in Japanese, and one written in Japanese in English', async () => {
    for (const [written, read] of [['en', 'ja'], ['ja', 'en']] as const) {
      const baseline = join(dir, `baseline-${written}.json`);
      assert.equal((await runDensho(['check', dir, ...TODAY, '--baseline', baseline, '--update-baseline', '--locale', written])).code, 0);
      const result = await runDensho(['check', dir, ...TODAY, '--baseline', baseline, '--locale', read]);
      assert.equal(result.code, 0, result.stdout);
    }
  });
  it('SARIF describes its rules in the run\'s language, as docs/rules.ja.md\'s table words them, linking to that file', async () => {
    const rulesOf = async (...locale: string[]) => JSON.parse((await runDensho(['check', dir, ...TODAY, '--format', 'sarif', ...locale])).stdout).runs[0].tool.driver.rules as { id: string; shortDescription: { text: string }; help: { text: string } }[];
    const english = (await rulesOf()).find((rule) => rule.id === 'link/file')!;
    assert.equal(english.shortDescription.text, "a relative link's file does not exist");
    assert.equal(english.help.text, "a relative link's file does not exist. Documented in docs/rules.md#link-file of the Densho package.");
    const japanese = await rulesOf('--locale', 'ja');
    assert.equal(japanese.find((rule) => rule.id === 'link/file')!.help.text, '相対リンクのファイルが存在しない。説明は Densho パッケージの docs/rules.ja.md#link-file にあります。');
    // The table's `code` reads as 「code」 where Markdown is not rendered, its parentheses as Japanese ones.
    const table = new Map([...readFileSync(join(__dirname, '../../docs/rules.ja.md'), 'utf8').matchAll(/^\| \[`([a-z-]+\/[a-z-]+)`\]\(#[^)]*\) \| \w+ \| (.*) \|$/gm)].map((row) => [row[1], row[2]!.replace(/ ?`([^`]+)` ?/g, '「$1」').replace(/\(/g, '（').replace(/\)/g, '）')]));
    assert.equal(table.size, japanese.length);
    assert.deepEqual(japanese.filter((rule) => rule.shortDescription.text !== table.get(rule.id)).map((rule) => [rule.id, rule.shortDescription.text, table.get(rule.id)]), []);
  });
  it('the audit pack follows --lang for its findings, else the run\'s language', async () => {
    const config = tempRepository({ 'densho.yaml': 'standards: []\nlanguages: [en, ja]\n', 'a.md': doc({}, '# Title\n\n[gone](missing.md)\n') });
    assert.ok((await runDensho(['report', config, ...TODAY, '--out', '-', '--lang', 'ja'])).stdout.includes(JAPANESE_LINK));
    assert.ok((await runDensho(['report', config, ...TODAY, '--out', '-'], config, { LANG: 'ja_JP.UTF-8' })).stdout.includes(JAPANESE_LINK));
    assert.ok(!(await runDensho(['report', config, ...TODAY, '--out', '-', '--lang', 'en'], config, { LANG: 'ja_JP.UTF-8' })).stdout.includes(JAPANESE_LINK));
  });
});

describe('md and csv exports in the chosen language', () => {
  const dir = tempRepository({ 'densho.yaml': 'languages: [en]\n', 'a.md': doc({ iso9001: '[8.6]' }) });
  const exported = async (command: string, format: string, ...locale: string[]) => (await runDensho([command, dir, ...TODAY, '--format', format, ...locale])).stdout;

  it('CSV header rows keep their English keys by default and name the columns in Japanese with --locale ja', async () => {
    assert.equal((await exported('coverage', 'csv')).split('\r\n')[0], 'clause,title,documented,covered,gap,document_id,document_title,file,direct');
    assert.equal((await exported('coverage', 'csv', '--locale', 'ja')).split('\r\n')[0], '箇条,タイトル,文書化した情報を要求,対応済み,不足,文書ID,文書タイトル,ファイル,直接');
    assert.equal((await exported('skills', 'csv')).split('\r\n')[0], 'document_id,title,required,qualified,person,level,version,date,trainer,current');
    assert.equal((await exported('skills', 'csv', '--locale', 'ja')).split('\r\n')[0], '文書ID,タイトル,必要人数,力量のある人数,氏名,レベル,版,日付,指導者,最新');
  });
  it('Markdown headings, columns and fixed words follow the locale, clause titles as JIS Q 9001 words them', async () => {
    const english = await exported('coverage', 'md');
    assert.match(english, /^# ISO 9001:2015 coverage\n/);
    assert.match(english, /\| Clause \| Title \| Documented information \| Documents \| Status \|/);
    assert.match(english, /\| 8\.6 \| Release of products and services \| required \| SOP-A-001 .* \| covered \|/);
    const japanese = await exported('coverage', 'md', '--locale', 'ja');
    assert.match(japanese, /^# ISO 9001:2015 の対応状況\n/);
    assert.match(japanese, /\| 箇条 \| タイトル \| 文書化した情報 \| 文書 \| 状態 \|/);
    assert.match(japanese, /\| 8\.6 \| 製品及びサービスのリリース \| 要求あり \| SOP-A-001 .* \| 対応済み \|/);
    assert.match(japanese, /\| 8\.5\.1 \| .* \| 要求あり \|  \| \*\*不足\*\* \|/);
    assert.match(await exported('skills', 'md', '--locale', 'ja'), /^# 力量表\n/);
  });
});

describe('densho check --fix in Japanese', () => {
  it('says what it changed in Japanese, the fix title quoted as Japanese quotes', async () => {
    const dir = tempRepository({ 'densho.yaml': 'standards: []\n', 'a.md': doc({ title: undefined, titel: 'A' }) });
    const result = await runDensho(['check', dir, ...TODAY, '--fix', '--locale', 'ja']);
    assert.match(result.stdout, /^a\.md：1 件を修正$/m);
    assert.match(result.stdout, /^ {2}「title」に名前を変更 {2}\(frontmatter\/unknown-field\)$/m);
    assert.match(result.stdout, /^densho --fix：1 件のファイルを変更しました$/m);
  });
});
