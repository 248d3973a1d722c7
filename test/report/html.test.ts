/** The HTML building blocks: escaping, JSON inside a script block, and the page's Content-Security-Policy. */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { auditPack, contentSecurityPolicy, escapeHtml, jsonForScript, renderAuditReport, renderCoverageMatrix } from '../../server/src/engine';
import { barChart, columnChart } from '../../server/src/engine/reports/html/charts';
import { html, trusted } from '../../server/src/engine/reports/html/escape';
import { REPORT_SCRIPT } from '../../server/src/engine/reports/html/script';
import { REPORT_STYLES } from '../../server/src/engine/reports/html/styles';
import { doc, PEOPLE, repository } from '../helpers';
import { HOSTILE_TITLES } from './support';


describe('escaping', () => {
  it('escapes the five HTML metacharacters', () => {
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
  it('the html tag escapes interpolated text, joins lists and passes trusted markup through', () => {
    const title = '<img src=x onerror=alert(1)>';
    assert.equal(html`<td title="${title}">${[title, trusted('<b>ok</b>')]}</td>`.value, '<td title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;<b>ok</b></td>');
    assert.equal(html`${null}${undefined}${false}${0}`.value, '0');
  });
  it('JSON for a script block cannot close it, open a comment, or break on U+2028/2029', () => {
    const json = jsonForScript({ title: '</script><!--\u2028\u2029&' });
    assert.doesNotMatch(json, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(json), { title: '</script><!--\u2028\u2029&' });
  });
});

describe('page shell', () => {
  const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  it('pins the inline style and script by hash and allows nothing remote', () => {
    const csp = contentSecurityPolicy({});
    assert.match(csp, /^default-src 'none'; /);
    assert.ok(csp.includes(`style-src ${sha(REPORT_STYLES)}`));
    assert.ok(csp.includes(`script-src ${sha(REPORT_SCRIPT)}`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:|\*/);
  });
  it('uses a nonce when one is given (VS Code webviews), with the webview source for styles and images', () => {
    const page = renderCoverageMatrix(
      { version: 1, today: '2026-11-25', standard: { id: 's', title: 'S' }, clauses: [], summary: { clauses: 0, covered: 0, documented: 0, gaps: 0 } },
      { nonce: 'abcdefghijklmnop0123', cspSource: 'https://file+.vscode-resource.vscode-cdn.net' },
    );
    assert.match(page.replace(/&#39;/g, "'"), /script-src 'nonce-abcdefghijklmnop0123'/);
    assert.match(page, /<script nonce="abcdefghijklmnop0123">/);
    assert.match(page, /<style nonce="abcdefghijklmnop0123">/);
    assert.match(page, /img-src data: https:\/\/file\+\.vscode-resource/);
    assert.throws(() => renderCoverageMatrix({ version: 1, today: '', standard: { id: 's', title: 'S' }, clauses: [], summary: { clauses: 0, covered: 0, documented: 0, gaps: 0 } }, { nonce: '"><script>' }));
  });
  it('the same repository renders to the same bytes', async () => {
    const ws = await repository({ 'people.yaml': PEOPLE, 'a.md': doc({ iso9001: '[8.5.1]' }) });
    assert.equal(renderAuditReport(auditPack(ws)), renderAuditReport(auditPack(ws)));
  });
});

describe('hostile titles in the markup', () => {
  it('never appear unescaped, in the report or in the coverage matrix', async () => {
    const files: Record<string, string> = { 'people.yaml': PEOPLE, 'densho.yaml': 'languages: [en, ja]\n' };
    HOSTILE_TITLES.forEach((title, i) => {
      files[`sop-${i}.md`] = doc({ id: `SOP-X-00${i}`, title: JSON.stringify(title), iso9001: '[8.5.1, 7.1.6]', expert: 'h.sato' }, `# ${title}\n`);
      files[`sop-${i}.ja.md`] = doc({ id: `SOP-X-00${i}`, title: JSON.stringify(`${title} ja`), lang: 'ja', 'translated-from-version': '1' });
    });
    const ws = await repository(files);
    for (const page of [renderAuditReport(auditPack(ws, { lang: 'ja' })), renderAuditReport(auditPack(ws)), renderCoverageMatrix(ws.coverage()!)]) {
      const scripts = page.match(/<script\b/g) ?? [];
      assert.equal(scripts.length, 2, 'only the page script and the JSON data block');
      const data = /<script type="application\/json" id="densho-data">([^<]*)<\/script>/.exec(page);
      assert.ok(data, 'the data block is one run of text, with no < inside');
      assert.doesNotMatch(data[1]!, /[\u2028\u2029]/);
      const markup = page.replace(data[0], '');
      assert.doesNotMatch(markup, /<img|<svg onload|<!--|'\s*onmouseover/);
      assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
      assert.ok(page.includes('&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;'));
    }
  });
  it('a hostile organisation name cannot leave the print footer\'s CSS string, and its style is pinned by hash', async () => {
    for (const title of HOSTILE_TITLES) {
      const ws = await repository({ 'densho.yaml': `organisation: ${JSON.stringify(title)}\n`, 'a.md': doc() });
      const page = renderAuditReport(auditPack(ws));
      assert.equal((page.match(/<script\b/g) ?? []).length, 2, JSON.stringify(title));
      assert.equal((page.match(/<style\b/g) ?? []).length, 2, 'the stylesheet and the footer');
      const footer = /<style>(@media print \{ @page[^<]*)<\/style>/.exec(page)?.[1];
      assert.ok(footer, 'the footer style holds no <');
      assert.match(footer, /@bottom-left \{ content: "[^"]*"; font/, 'one string, never closed early');
      const pin = `sha256-${createHash('sha256').update(footer).digest('base64')}`;
      assert.ok(page.includes(pin), 'the footer style is allowed by its hash');
    }
  });
});

describe('charts in Japanese', () => {
  // At the charts' 12px a kana or kanji is a whole em wide; a Latin letter about half.
  const fullWidth = (text: string) => [...text].filter((char) => /[\u3040-\u30FF\u4E00-\u9FFF\uFF00-\uFF60]/.test(char)).length * 12;
  const texts = (svg: string) => [...svg.matchAll(/<text x="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((match) => ({ x: Number(match[1]), label: match[2]! }));

  it('a legend leaves each Japanese label room before the next item, and the chart is wide enough for the last', () => {
    const svg = barChart('タイトル', [], [{ label: '対応済みの箇条' }, { label: '文書化した情報あり', tone: 'di' }, { label: '文書化した情報なし', tone: 'bad' }]).value;
    const swatches = [...svg.matchAll(/<rect class="bar[^"]*" x="([\d.]+)"/g)].map((match) => Number(match[1]));
    const labels = texts(svg);
    for (let i = 0; i + 1 < labels.length; i++) assert.ok(swatches[i + 1]! >= labels[i]!.x + fullWidth(labels[i]!.label), `${labels[i]!.label} runs into the next item`);
    const width = Number(/ width="([\d.]+)"/.exec(svg)![1]);
    assert.ok(width >= labels.at(-1)!.x + fullWidth(labels.at(-1)!.label), 'the last label is clipped');
  });
  it('the review-age columns are as wide as their Japanese labels, and a long group label is cut to its column', () => {
    const svg = columnChart('経過期間', [{ label: '3〜6か月', value: 2 }, { label: '24か月超', value: 1 }], '月数').value;
    const width = Number(/<rect class="bar" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/.exec(svg)![1]);
    assert.ok(width >= fullWidth('3〜6か月'), `columns of ${width}px for a label of ${fullWidth('3〜6か月')}px`);
    const bars = barChart('対応', [{ label: '7.5 文書化した情報の作成及び更新並びに管理に関する要求事項', bars: [{ label: 'a', value: 1, max: 2, caption: '1 / 2' }] }]).value;
    const group = texts(bars).find((text) => text.x === 0)!;
    assert.ok(fullWidth(group.label) + 7 * 4 <= 190, `${group.label} overflows its 190px column`);
  });
  it('the audit pack labels the review-age buckets in the reader\'s language', async () => {
    const workspace = await repository({ 'densho.yaml': 'standards: []\n', 'people.yaml': PEOPLE, 'a.md': doc({ reviewed: '2026-01-10' }) });
    const japanese = renderAuditReport(auditPack(workspace, { locale: 'ja' }), { locale: 'ja' });
    assert.match(japanese, />3か月未満</);
    assert.match(japanese, />9〜12か月</);
    assert.match(renderAuditReport(auditPack(workspace), {}), />9–12m</);
  });
});
