/**
 * The audit pack in a real browser (headless Chromium through playwright-core):
 * sections present, every sample document in the register, gaps shown,
 * filters and sorting working, no request leaving the page, hostile titles
 * inert. Screenshots land in test-results/report/ for a person to look at.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { auditPack, loadWorkspace, parseDay } from '../../server/src/engine';
import { NodeFileSystem } from '../../server/src/node';
import { doc, PEOPLE } from '../helpers';
import { artifactsDir, HOSTILE_TITLES, cli, launchChromium, SAMPLES, tempDir, TODAY, writeFiles } from './support';

// The few browser globals the page callbacks use (the project compiles without the DOM library).
declare const window: Record<string, unknown>;
declare const document: { images: ArrayLike<unknown>; scripts: ArrayLike<unknown>; querySelectorAll(selector: string): ArrayLike<{ firstChild: { textContent: string | null } | null }> };
declare function getComputedStyle(element: unknown): { backgroundColor: string };

interface Opened {
  readonly page: Page;
  readonly requests: string[];
  readonly problems: string[];
  readonly dialogs: string[];
}

/** Opens a report file with every request intercepted: only the file itself may load. */
async function open(browser: Browser, file: string): Promise<Opened> {
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const requests: string[] = [];
  const problems: string[] = [];
  const dialogs: string[] = [];
  await page.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.request().url() === url ? route.continue() : route.abort();
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(url);
  return { page, requests, problems, dialogs };
}

const visibleRows = (page: Page, table: string) => page.locator(`#${table} tbody tr:visible`);

describe('audit pack in Chromium', { timeout: 180_000 }, () => {
  let browser: Browser;
  let reportFile: string;
  before(async () => {
    browser = await launchChromium();
    reportFile = join(artifactsDir(), 'audit.html');
    const result = await cli(['report', SAMPLES, '--today', TODAY, '--out', reportFile]);
    assert.equal(result.code, 1, 'the samples hold deliberate errors');
  });
  after(async () => {
    await browser?.close();
  });

  it('shows every section and every sample document, loads nothing but itself, and logs no error', async () => {
    const { page, requests, problems } = await open(browser, reportFile);
    for (const heading of ['Document register', 'Coverage', 'Review schedule', 'Knowledge-risk register', 'Translation status']) {
      assert.ok(await page.getByRole('heading', { level: 2, name: heading, exact: true }).isVisible(), heading);
    }
    const workspace = await loadWorkspace(new NodeFileSystem(SAMPLES), { today: parseDay(TODAY) });
    const register = await page.locator('#register-table').evaluate((table) => ({
      text: table.textContent ?? '',
      languageFiles: [...table.querySelectorAll('span.badge[title]')].map((badge) => badge.getAttribute('title')),
    }));
    for (const path of workspace.documentPaths()) {
      assert.ok(register.text.includes(path) || register.languageFiles.includes(path), `${path} is in the register`);
      const id = workspace.document(path)!.meta.id?.value;
      if (id) assert.ok(register.text.includes(id), `${id} is in the register`);
    }
    await page.screenshot({ path: join(artifactsDir(), 'register.png') });
    await page.screenshot({ path: join(artifactsDir(), 'audit-full.png'), fullPage: true });
    assert.deepEqual(requests, [pathToFileURL(reportFile).href], 'no request besides the file itself');
    assert.deepEqual(problems, [], 'no console errors (a CSP violation would show here)');
  });

  it('highlights the coverage gaps', async () => {
    const { page } = await open(browser, reportFile);
    const workspace = await loadWorkspace(new NodeFileSystem(SAMPLES), { today: parseDay(TODAY) });
    const gaps = auditPack(workspace).coverage[0]!.gaps;
    assert.ok(gaps > 0, 'the samples have gaps');
    assert.equal(await page.locator('#coverage-0-matrix tbody tr.gap').count(), gaps);
    const gapRow = page.locator('#coverage-0-matrix tbody tr.gap').first();
    assert.equal(await gapRow.locator('.badge.gap').textContent(), 'GAP');
    const background = await gapRow.evaluate((row) => getComputedStyle(row).backgroundColor);
    assert.equal(background, 'rgb(253, 232, 230)', 'gap rows are tinted');
    await page.locator('#coverage').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir(), 'coverage.png') });
  });

  it('filters and sorts the register, and filters the matrix to gaps', async () => {
    const { page } = await open(browser, reportFile);
    const total = await visibleRows(page, 'register-table').count();
    await page.locator('form[data-for="register-table"] input[type="search"]').fill('welding');
    const filtered = await visibleRows(page, 'register-table').allTextContents();
    assert.ok(filtered.length > 0 && filtered.length < total, `${filtered.length} of ${total}`);
    assert.ok(filtered.every((row) => row.toLowerCase().includes('welding')));
    assert.equal(await page.locator('form[data-for="register-table"] output').textContent(), String(filtered.length));
    await page.locator('form[data-for="register-table"] input[type="search"]').fill('');
    await page.locator('form[data-for="register-table"] select[data-attr="data-type"]').selectOption('master');
    const masters = await visibleRows(page, 'register-table').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-type')));
    assert.deepEqual(masters, ['master', 'master']);
    await page.locator('form[data-for="register-table"] select[data-attr="data-type"]').selectOption('');
    assert.equal(await visibleRows(page, 'register-table').count(), total);

    const ids = () => page.locator('#register-table tbody tr td:first-child').allTextContents();
    await page.locator('#register-table th[data-col="0"] button').click();
    await page.locator('#register-table th[data-col="0"] button').click();
    const descending = await ids();
    assert.equal(await page.locator('#register-table th[data-col="0"]').getAttribute('aria-sort'), 'descending');
    const named = descending.filter((id) => id !== '(no id)');
    assert.deepEqual(named, [...named].sort((a, b) => b.localeCompare(a, undefined, { numeric: true, sensitivity: 'base' })));

    await page.locator('form[data-for="coverage-0-matrix"] input[data-attr="data-gap"]').check();
    const gapFlags = await visibleRows(page, 'coverage-0-matrix').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-gap')));
    assert.ok(gapFlags.length > 0 && gapFlags.every((flag) => flag === 'true'));
    await page.locator('#coverage').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(artifactsDir(), 'coverage-gaps-only.png') });
  });

  it('under --max-layer shows no document above the layer', async () => {
    const file = join(artifactsDir(), 'audit-internal.html');
    assert.equal((await cli(['report', SAMPLES, '--today', TODAY, '--max-layer', 'internal', '--out', file])).code, 1);
    const { page, requests } = await open(browser, file);
    const text = (await page.locator('body').textContent()) ?? '';
    for (const secret of ['MST-WLD-001', 'Weld parameter master', 'MST-MCH-001', 'WI-WLD-002']) assert.ok(!text.includes(secret), secret);
    assert.match(text, /12 document files above layer internal are withheld/);
    assert.equal(requests.length, 1);
    await page.screenshot({ path: join(artifactsDir(), 'audit-internal.png') });
  });

  it('keeps hostile titles inert: shown as text, never run', async () => {
    const files: Record<string, string> = { 'people.yaml': PEOPLE, 'densho.yaml': 'languages: [en, ja]\n' };
    HOSTILE_TITLES.forEach((title, i) => {
      files[`sop-${i}.md`] = doc({ id: `SOP-X-00${i}`, title: JSON.stringify(title), iso9001: '[8.5.1, 7.1.6]', version: '2' }, `# ${title}\n`);
      files[`sop-${i}.ja.md`] = doc({ id: `SOP-X-00${i}`, title: JSON.stringify(`${title} ja`), lang: 'ja', 'translated-from-version': '1' });
    });
    const repo = writeFiles(tempDir(), files);
    const file = join(artifactsDir(), 'hostile.html');
    // `# <img src=x …>` is raw HTML with a broken image (link/file, an error): the pack says so with exit 1.
    assert.equal((await cli(['report', repo, '--today', TODAY, '--out', file])).code, 1);
    const { page, dialogs, requests } = await open(browser, file);
    await page.locator('#register-table th[data-col="1"] button').click();
    await page.locator('form[data-for="register-table"] input[type="search"]').fill('<');
    await page.mouse.move(300, 300);
    const state = await page.evaluate(() => ({
      pwned: window.__pwned,
      images: document.images.length,
      scripts: document.scripts.length,
      titles: Array.from(document.querySelectorAll('#register-table tbody tr td:nth-child(2)')).map((cell) => cell.firstChild?.textContent),
    }));
    assert.equal(state.pwned, undefined);
    assert.deepEqual(dialogs, []);
    assert.equal(state.images, 0);
    assert.equal(state.scripts, 2, 'the page script and the JSON block, nothing injected');
    for (const title of HOSTILE_TITLES) assert.ok(state.titles.includes(title), `${JSON.stringify(title)} shown literally`);
    assert.equal(requests.length, 1, 'no image or script was requested');
    const data = JSON.parse(readFileSync(file, 'utf8').match(/<script type="application\/json" id="densho-data">([^<]*)<\/script>/)![1]!);
    assert.deepEqual(data.register.map((entry: { title: string }) => entry.title).sort(), [...HOSTILE_TITLES].sort());
    await page.screenshot({ path: join(artifactsDir(), 'hostile.png') });
  });
});

describe('the audit pack tells the truth about broken files', { timeout: 180_000 }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  it('lists unreadable documents as not valid with the reason, every row with its findings, and a Findings section', async () => {
    const repo = writeFiles(tempDir(), {
      'densho.yaml': 'organisation: Kaneda Precision K.K.\nmax-document-size: 2KB\n',
      'people.yaml': PEOPLE,
      'sops/good.md': doc({ id: 'SOP-G-001', title: 'Good one', expert: 'm.ito', approved: '2026-05-30', 'approved-by': 'k.tanaka' }),
      'sops/future.md': doc({ id: 'SOP-F-001', title: 'Reviewed tomorrow', reviewed: '2026-11-26' }),
      'sops/baddate.md': doc({ id: 'SOP-D-001', title: 'Bad date', reviewed: '2026-02-30' }),
      'sops/notes.md': '# Meeting notes\n\nNo front matter at all.\n',
      'sops/broken.md': '---\nid: SOP-B-001\ntitle: "unclosed\n---\n# Broken\n',
      'sops/binary.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00, 0x01]),
      'sops/huge.md': doc({ id: 'SOP-H-001' }, `# Huge\n\n${'x'.repeat(3000)}\n`),
    });
    const file = join(artifactsDir(), 'audit-broken.html');
    const result = await cli(['report', repo, '--today', TODAY, '--out', file]);
    assert.equal(result.code, 1, 'errors exist, and the exit code says so');
    const { page, problems } = await open(browser, file);
    assert.equal(await page.locator('h1').textContent(), 'Audit pack: Kaneda Precision K.K.');
    const rows = await page.locator('#register-table tbody tr').evaluateAll((trs) =>
      Object.fromEntries(trs.map((tr) => [tr.querySelector('td:nth-child(2) .file:last-child')?.textContent ?? '', [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')])),
    );
    const column = (name: string) => ['ID', 'Title', 'Type', 'Version', 'Status', 'Check', 'Owner', 'Last review', 'Next review', 'Access layer', 'Languages', 'Approved by', 'Approved', 'Revision date'].indexOf(name);
    for (const [path, reason] of [['sops/notes.md', /no front matter/i], ['sops/broken.md', /not valid YAML|YAML/], ['sops/binary.md', /not valid UTF-8|binary/], ['sops/huge.md', /limit/]] as const) {
      const row = rows[path];
      assert.ok(row, `${path} is in the register`);
      assert.match(row[column('Status')]!, /^not valid/, `${path} is not listed as approved`);
      assert.match(row[column('Status')]!, reason, `${path} says why`);
      assert.match(row[column('Check')]!, /1 error/);
      assert.doesNotMatch(row.join(' '), /approved|current/, `${path}: nothing claims it is in order`);
    }
    assert.match(rows['sops/future.md']![column('Next review')]!, /review date in the future/);
    assert.match(rows['sops/baddate.md']![column('Next review')]!, /review date invalid/);
    assert.equal(rows['sops/good.md']![column('Approved')], '2026-05-30');
    assert.match(rows['sops/good.md']![column('Check')]!, /clean/);

    const firstPage = (await page.locator('header').textContent()) ?? '';
    assert.match(firstPage, /densho check found \d+ errors and \d+ warnings? in \d+ files/);
    assert.match(firstPage, /4 documents could not be read/);
    const findings = await page.locator('#findings-table tbody tr').allTextContents();
    for (const rule of ['frontmatter/missing', 'frontmatter/yaml', 'file/binary', 'file/too-large', 'review/future-date', 'frontmatter/invalid']) {
      assert.ok(findings.some((row) => row.includes(rule)), `Findings lists ${rule}`);
    }
    assert.ok(findings.some((row) => row.includes('sops/notes.md') && row.includes('frontmatter/missing')), 'by document');
    assert.deepEqual(problems, []);
    await page.screenshot({ path: join(artifactsDir(), 'audit-broken.png'), fullPage: true });
  });
});
