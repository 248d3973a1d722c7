/**
 * The Playwright UI test: what a user sees in code-server, in Debian's
 * Chromium, on a fresh copy of samples/. Expected numbers come from the
 * `densho` CLI run on the same copy. Every wait has a time limit and waits
 * on the page itself, never a fixed sleep. Screenshots go to
 * test-results/vscode/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import type { CoverageReport, KnowledgeRisk, ReviewSchedule } from '../../server/src/protocol';
import { ARTIFACTS } from './harness';

export interface UiOutcome {
  readonly title: string;
  readonly state: 'passed' | 'failed';
  readonly error?: string;
}

const TIME_LIMIT = 60_000;

interface Expected {
  readonly check: { summary: { errors: number; warnings: number; infos: number } };
  readonly coverage: CoverageReport;
  readonly review: ReviewSchedule;
  readonly risk: KnowledgeRisk;
}

function fail(message: string): never {
  throw new Error(message);
}

/** A tree row (role treeitem) whose text contains all of `parts`. */
async function treeRow(page: Page, ...parts: string[]): Promise<void> {
  let row = page.getByRole('treeitem');
  for (const part of parts) row = row.filter({ hasText: part });
  await row.first().waitFor({ timeout: TIME_LIMIT });
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: TIME_LIMIT });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: TIME_LIMIT });
  await page.keyboard.press('Enter');
}

/** The webview frame holding `selector` (webviews, the Markdown preview too, are nested iframes). */
async function webviewFrame(page: Page, selector: string, what: string): Promise<Frame> {
  const deadline = Date.now() + TIME_LIMIT;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if ((await frame.locator(selector).count().catch(() => 0)) > 0) return frame;
    }
    await page.waitForEvent('framenavigated', { timeout: 1000 }).catch(() => undefined);
  }
  return fail(`no webview with ${what} appeared`);
}

const matrixFrame = (page: Page): Promise<Frame> => webviewFrame(page, 'table.matrix', 'a coverage matrix');

/** The open quick input: its title, its box, and the validation message under the box. */
function quickInput(page: Page) {
  const widget = page.locator('.quick-input-widget');
  return { title: widget.locator('.quick-input-title'), box: widget.locator('input'), message: widget.locator('.quick-input-message') };
}

/** Waits until the quick input's title reads `title`, then answers `answer` (a choice to filter by, or text) with Enter. */
async function answer(page: Page, title: string, value: string): Promise<void> {
  const input = quickInput(page);
  await input.title.filter({ hasText: title }).waitFor({ timeout: TIME_LIMIT }).catch(async () => fail(`the wizard's title reads "${await input.title.textContent()}", not "${title}"`));
  await input.box.fill(value);
  await page.keyboard.press('Enter');
}

export async function runUiTests(browser: Browser, url: string, expectedDir: string): Promise<UiOutcome[]> {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(expectedDir, name), 'utf8')) as T;
  const expected: Expected = { check: read('check.json'), coverage: read('coverage.json'), review: read('review.json'), risk: read('risk.json') };
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const outcomes: UiOutcome[] = [];
  let index = 0;
  const test = async (title: string, body: () => Promise<void>): Promise<void> => {
    const shot = join(ARTIFACTS, `ui-${String(++index).padStart(2, '0')}-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}.png`);
    try {
      await body();
      outcomes.push({ title, state: 'passed' });
    } catch (error) {
      outcomes.push({ title, state: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    await page.screenshot({ path: shot }).catch(() => undefined);
  };

  await test('the workbench opens the samples with the extension under development', async () => {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIME_LIMIT });
  });

  await test('the Problems panel shows every Densho problem', async () => {
    const { errors, warnings, infos } = expected.check.summary;
    const label = `Errors: ${errors}, Warnings: ${warnings}, Infos: ${infos}`;
    await page
      .waitForFunction((want) => document.getElementById('status.problems')?.getAttribute('aria-label') === want, label, { timeout: TIME_LIMIT })
      .catch(async () => fail(`status bar: expected "${label}", saw "${await page.locator('[id="status.problems"]').getAttribute('aria-label')}"`));
    await page.keyboard.press('Control+Shift+M');
    const total = String(errors + warnings + infos);
    const badge = page.locator('.part.panel .composite-bar .action-item', { hasText: 'Problems' }).locator('.badge-content');
    await badge.filter({ hasText: new RegExp(`^${total}$`) }).waitFor({ timeout: TIME_LIMIT }).catch(async () => fail(`Problems badge: expected ${total}, saw "${await badge.first().textContent()}"`));
    await page.locator('.markers-panel [role=treeitem]').first().waitFor({ timeout: TIME_LIMIT });
  });

  await test('the Densho views list coverage, the review schedule and knowledge holders', async () => {
    await page.keyboard.press('Control+J'); // close the panel: room for the views
    await page.locator('.activitybar [aria-label^="Densho"]').first().click();
    const { summary } = expected.coverage;
    await treeRow(page, `${summary.covered} of ${summary.clauses} clauses covered, ${summary.gaps} gap`);
    const operation = expected.coverage.clauses.find((clause) => clause.clause === '8')!;
    await treeRow(page, `8 ${operation.title}`);
    const overdue = expected.review.owners.flatMap((owner) => owner.documents.map((d) => ({ owner, d }))).find(({ d }) => d.state === 'overdue');
    if (!overdue) fail('the samples have no overdue review');
    await treeRow(page, overdue.owner.name ?? overdue.owner.owner, `${overdue.owner.documents.filter((d) => d.state === 'overdue').length} overdue`);
    await treeRow(page, `${overdue.d.id} ${overdue.d.title}`, `${overdue.d.days} days overdue`);
    const leaving = expected.risk.experts.find((holder) => holder.leavingSoon);
    const left = expected.risk.experts.find((holder) => holder.left);
    if (!leaving || !left) fail('the samples have no leaving and no departed expert');
    await treeRow(page, leaving.name ?? leaving.expert, `LEAVES ${leaving.leaves}`, `sole holder of ${leaving.soleHolderOf}`);
    await treeRow(page, left.name ?? left.expert, `LEFT ${left.leaves}`);
    // Open clause 8 to show its gaps in the screenshot.
    await page.getByRole('treeitem').filter({ hasText: `8 ${operation.title}` }).first().click();
    const gap = expected.coverage.clauses.find((clause) => clause.gap && clause.clause.startsWith('8.') && clause.level === 2);
    if (gap) await treeRow(page, `${gap.clause} ${gap.title}`, 'GAP');
  });

  await test('the coverage view\'s icons: a covered clause group that holds gaps has no green check, a clause with nothing missing below has one', async () => {
    const clauses = expected.coverage.clauses;
    const gapBelow = (clause: string) => clauses.some((c) => c.gap && (c.clause === clause || c.clause.startsWith(`${clause}.`)));
    const group = clauses.find((c) => c.level === 1 && c.covered && gapBelow(c.clause));
    if (!group) fail('the samples have no covered clause group holding gaps');
    const whole = clauses.find((c) => c.level === 2 && c.clause.startsWith(`${group.clause}.`) && c.covered && !gapBelow(c.clause));
    if (!whole) fail(`${group.clause} has no covered subclause without gaps`);
    const row = (clause: { clause: string; title: string }) => page.getByRole('treeitem').filter({ hasText: `${clause.clause} ${clause.title}` }).first();
    const icon = async (clause: { clause: string; title: string }) => (await row(clause).locator('.custom-view-tree-node-item-icon').getAttribute('class', { timeout: TIME_LIMIT })) ?? '';
    if ((await row(group).getAttribute('aria-expanded', { timeout: TIME_LIMIT })) !== 'true') await row(group).click();
    await row(whole).waitFor({ timeout: TIME_LIMIT });
    const groupIcon = await icon(group);
    if (/codicon-pass\b|codicon-pass-filled/.test(groupIcon) || !/codicon-warning/.test(groupIcon)) fail(`${group.clause} holds gaps, and its icon is "${groupIcon}"`);
    const wholeIcon = await icon(whole);
    if (!/codicon-pass(-filled)?\b/.test(wholeIcon)) fail(`${whole.clause} is covered with no gap below, and its icon is "${wholeIcon}"`);
  });

  await test('the status bar counts overdue reviews and opens the review schedule', async () => {
    const item = page.locator('.statusbar-item', { hasText: `${expected.review.summary.overdue} overdue` });
    await item.waitFor({ timeout: TIME_LIMIT });
    await page.locator('.pane-header[aria-label^="Review Schedule"]').click(); // collapse it first
    await page.locator('.pane-header[aria-label^="Review Schedule"][aria-expanded="false"]').waitFor({ timeout: TIME_LIMIT });
    await item.click();
    await page.locator('.pane-header[aria-label^="Review Schedule"][aria-expanded="true"]').waitFor({ timeout: TIME_LIMIT });
  });

  await test('the coverage matrix webview renders clauses × documents with gaps highlighted', async () => {
    await runCommand(page, 'Densho: Show Coverage Matrix');
    const frame = await matrixFrame(page);
    const rows = frame.locator('table.matrix tbody tr');
    const count = await rows.count();
    if (count !== expected.coverage.clauses.length) fail(`${count} rows, expected ${expected.coverage.clauses.length}`);
    const gaps = await frame.locator('table.matrix tbody tr.gap').count();
    if (gaps !== expected.coverage.summary.gaps) fail(`${gaps} gap rows, expected ${expected.coverage.summary.gaps}`);
    const columns = new Set(expected.coverage.clauses.flatMap((clause) => clause.documents.map((d) => d.id)));
    const headers = await frame.locator('table.matrix thead th.doc').count();
    if (headers !== columns.size) fail(`${headers} document columns, expected ${columns.size}`);
    // The page's own filter: gaps only.
    await frame.getByLabel('gaps only').check();
    await frame.locator('table.matrix tbody tr:not([hidden])').nth(gaps - 1).waitFor({ timeout: TIME_LIMIT });
    const visible = await frame.locator('table.matrix tbody tr:not([hidden])').count();
    if (visible !== gaps) fail(`gaps only shows ${visible} rows, expected ${gaps}`);
    await frame.getByLabel('gaps only').uncheck();
  });

  await test('a matrix column header shows its document\'s title and opens it', async () => {
    const frame = await matrixFrame(page);
    const first = expected.coverage.clauses.flatMap((clause) => clause.documents).sort((a, b) => a.id.localeCompare(b.id))[0]!;
    const header = frame.locator(`table.matrix thead th.doc[data-file="${first.file}"]`);
    const text = (await header.textContent()) ?? '';
    if (!text.includes(first.title)) fail(`the header of ${first.id} reads "${text}", not its title "${first.title}"`);
    await header.click();
    const name = first.file.split('/').pop()!;
    await page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ timeout: TIME_LIMIT });
  });

  await test('a gap\'s row in the matrix offers a new document for its clause: the button starts the wizard', async () => {
    const frame = await matrixFrame(page);
    const gap = expected.coverage.clauses.find((clause) => clause.gap)!;
    const button = frame.locator(`table.matrix tbody tr[data-clause="${gap.clause}"] button.new-document`);
    const label = (await button.textContent({ timeout: TIME_LIMIT })) ?? '';
    if (label !== `New document for clause ${gap.clause}`) fail(`the gap ${gap.clause}'s button reads "${label}"`);
    if ((await frame.locator('table.matrix tbody tr:not(.gap) button.new-document').count()) > 0) fail('a covered clause offers a new document');
    await button.click();
    await quickInput(page).title.filter({ hasText: 'New Densho document (1/5): template' }).waitFor({ timeout: TIME_LIMIT });
    await page.keyboard.press('Escape');
  });

  await test('the wizard\'s id step proposes the folder\'s next free id, refuses a taken id with its reason and accepts another', async () => {
    await runCommand(page, 'Densho: New Document from Template');
    await answer(page, '(1/5): template', 'sop');
    await answer(page, '(2/5): folder', 'sops/quality');
    const input = quickInput(page);
    await input.title.filter({ hasText: '(3/5): id' }).waitFor({ timeout: TIME_LIMIT });
    // sops/quality holds SOP-QMS-001 to SOP-QMS-003 (and POL-QMS-001): the series is SOP-QMS, the next is 004.
    await page.waitForFunction(() => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value === 'SOP-QMS-004', undefined, { timeout: TIME_LIMIT })
      .catch(async () => fail(`the id box holds "${await input.box.inputValue()}", not the proposal SOP-QMS-004`));
    await input.box.fill('SOP-QMS-002');
    await input.message.filter({ hasText: 'SOP-QMS-002 is taken by sops/quality/sop-qms-002.md' }).waitFor({ timeout: TIME_LIMIT })
      .catch(async () => fail(`a taken id: the message reads "${await input.message.textContent()}"`));
    await page.keyboard.press('Enter'); // refused: the step stays
    await input.title.filter({ hasText: '(3/5): id' }).waitFor({ timeout: TIME_LIMIT });
    await input.box.fill('SOP-QMS-009');
    await input.message.filter({ hasText: 'is taken by' }).waitFor({ state: 'hidden', timeout: TIME_LIMIT });
    await page.keyboard.press('Enter');
    await answer(page, '(4/5): title', 'Made by the UI test');
    await answer(page, '(5/5): language', 'en');
    await page.locator('.tabs-container .tab', { hasText: 'sop-qms-009.md' }).first().waitFor({ timeout: TIME_LIMIT });
  });

  await test('the Markdown preview renders [[ID]] as a link and the front matter as a card, in the preview\'s own frame', async () => {
    // F1 and the file's name without the leading '>': Quick Open's file search (Ctrl+P is the browser's Print).
    await page.keyboard.press('F1');
    await quickInput(page).box.fill('sop-qms-001.ja.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'sop-qms-001.ja.md' }).first().waitFor({ timeout: TIME_LIMIT });
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab', { hasText: 'sop-qms-001.ja.md' }).first().waitFor({ timeout: TIME_LIMIT });
    await runCommand(page, 'Markdown: Open Preview to the Side');
    const frame = await webviewFrame(page, '.densho-card', 'a Markdown preview with the Densho card');
    const link = frame.locator('a.densho-ref', { hasText: 'SOP-TRN-001' }).first();
    const href = await link.getAttribute('href', { timeout: TIME_LIMIT });
    if (!href?.includes('sop-trn-001.ja.md')) fail(`the [[SOP-TRN-001]] link goes to "${href}", not the Japanese variant`);
    const card = (await frame.locator('.densho-card').first().textContent()) ?? '';
    if (!card.includes('SOP-QMS-001')) fail(`the card reads "${card}", without the id`);
    if ((await frame.locator('.densho-card').first().getAttribute('lang')) !== 'ja') fail('the card is not marked Japanese');
  });

  await test('after Developer: Reload Window the diagnostics come back and Densho\'s "checking N/M documents" progress ends', () => reloadAndSeeTheProgressEnd(page));

  await page.context().close();
  return outcomes;
}

/**
 * Developer: Reload Window, then: the Problems count is back as it was, the
 * reports are back, and no Densho progress is left in the status bar.
 * VS Code shows a window progress (status.progress) only once it has lasted
 * 300 ms, after the server's round trip to create it: a check of the samples
 * from the cache is usually over before, and one that never ends stays
 * there ("Densho: checking ui-workspace: 41/41 documents", what the issue
 * saw on every reload). So the last look is taken after a round trip of the
 * user's own, Refresh, whose "refreshed" message comes once the server has
 * answered. Exported for a run against a build whose progress never ends.
 */
export async function reloadAndSeeTheProgressEnd(page: Page): Promise<void> {
  const problems = page.locator('[id="status.problems"]');
  const before = await problems.getAttribute('aria-label', { timeout: TIME_LIMIT });
  const reloaded = page.waitForEvent('load', { timeout: TIME_LIMIT });
  await runCommand(page, 'Developer: Reload Window');
  await reloaded;
  await page.locator('.monaco-workbench').waitFor({ timeout: TIME_LIMIT });
  await page
    .waitForFunction((want) => document.getElementById('status.problems')?.getAttribute('aria-label') === want, before, { timeout: TIME_LIMIT })
    .catch(async () => fail(`after the reload the Problems status reads "${await problems.getAttribute('aria-label')}", not "${before}" as before it`));
  await page.locator('.statusbar-item', { hasText: / overdue$/ }).first().waitFor({ timeout: TIME_LIMIT });
  await runCommand(page, 'Densho: Refresh Views');
  await page.locator('.statusbar-item', { hasText: 'Densho: refreshed' }).first().waitFor({ timeout: TIME_LIMIT });
  const shown = page.locator('[id="status.progress"]').filter({ hasText: 'Densho' });
  await page
    .waitForFunction(() => !(document.getElementById('status.progress')?.getAttribute('aria-label') ?? '').includes('Densho'), undefined, { timeout: TIME_LIMIT })
    .catch(async () => fail(`the diagnostics and reports are in, and the status bar still shows "${await shown.first().getAttribute('aria-label').catch(() => '')}" after ${TIME_LIMIT / 1000} s more`));
}

/**
 * A folder of plain Markdown without densho.yaml: the Densho view explains
 * what Densho needs and offers Initialise Densho here; the button writes
 * densho.yaml (run by the language server) and opens it.
 */
export async function runSetupUiTest(browser: Browser, url: string, folder: string): Promise<UiOutcome[]> {
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const outcomes: UiOutcome[] = [];
  const title = 'a folder without densho.yaml: the Densho view offers Initialise Densho here, which writes and opens densho.yaml';
  try {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIME_LIMIT });
    await page.locator('.activitybar [aria-label^="Densho"]').first().click();
    await page.getByText('which this folder does not have yet').first().waitFor({ timeout: TIME_LIMIT });
    await page.getByRole('button', { name: 'Initialise Densho here' }).first().click();
    await page.locator('.tabs-container .tab', { hasText: 'densho.yaml' }).first().waitFor({ timeout: TIME_LIMIT });
    if (!existsSync(join(folder, 'densho.yaml')) || !existsSync(join(folder, 'people.yaml'))) fail('densho.yaml and people.yaml were not written');
    // Set up: the welcome gives way to the reports.
    await page.getByText('which this folder does not have yet').first().waitFor({ state: 'hidden', timeout: TIME_LIMIT });
    await treeRow(page, 'clauses covered');
    outcomes.push({ title, state: 'passed' });
  } catch (error) {
    outcomes.push({ title, state: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  await page.screenshot({ path: join(ARTIFACTS, 'ui-setup.png') }).catch(() => undefined);
  await page.context().close();
  return outcomes;
}

/**
 * code-server started with `--locale ja` on a copy of samples/: VS Code's
 * own menus stay English (no language pack can be installed here), but the
 * extension's manifest strings (package.nls.ja.json), its run-time strings
 * (l10n/bundle.l10n.ja.json) and the server's diagnostics are Japanese.
 */
export async function runJapaneseUiTests(browser: Browser, url: string, expectedDir: string): Promise<UiOutcome[]> {
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(expectedDir, name), 'utf8')) as T;
  const check = read<{ diagnostics: { message: string }[] }>('check.ja.json');
  const coverage = read<CoverageReport>('coverage.json');
  const review = read<ReviewSchedule>('review.json');
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'ja-JP' })).newPage();
  const outcomes: UiOutcome[] = [];
  let index = 0;
  const test = async (title: string, body: () => Promise<void>): Promise<void> => {
    try {
      await body();
      outcomes.push({ title, state: 'passed' });
    } catch (error) {
      outcomes.push({ title, state: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
    await page.screenshot({ path: join(ARTIFACTS, `ui-ja-${String(++index).padStart(2, '0')}.png`) }).catch(() => undefined);
  };

  await test('Japanese: the workbench opens the samples', async () => {
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: TIME_LIMIT });
  });

  await test('Japanese: the Densho views are titled in Japanese and their trees and the status bar speak it', async () => {
    await page.locator('.activitybar [aria-label^="Densho"]').first().click();
    for (const title of ['ISO 9001 の適用状況', 'レビュー予定', '知識の保有者', '力量']) {
      await page.locator('.pane-header', { hasText: title }).first().waitFor({ timeout: TIME_LIMIT }).catch(() => fail(`no view titled ${title}`));
    }
    const { summary } = coverage;
    await treeRow(page, `${summary.clauses} 箇条のうち ${summary.covered} 箇条に対応`);
    const overdue = review.owners.flatMap((owner) => owner.documents).find((document) => document.state === 'overdue');
    if (!overdue) fail('the samples have no overdue review');
    await treeRow(page, `${overdue.id} ${overdue.title}`, `${overdue.days} 日超過`);
    await page.locator('.statusbar-item', { hasText: `期限切れ ${review.summary.overdue} 件` }).waitFor({ timeout: TIME_LIMIT });
  });

  await test('Japanese: the command palette lists a Densho command by its Japanese title', async () => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: TIME_LIMIT });
    await input.fill('>適用状況マトリックス');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '適用状況マトリックスを表示' }).first().waitFor({ timeout: TIME_LIMIT });
    await page.keyboard.press('Escape');
  });

  await test('Japanese: the Problems panel shows the diagnostics in Japanese', async () => {
    const messages = [...new Set(check.diagnostics.map((diagnostic) => diagnostic.message))];
    if (!messages.some((message) => /[\u3040-\u30ff]/.test(message))) fail('the CLI gave no Japanese message to look for');
    await page.keyboard.press('Control+Shift+M');
    await page
      .waitForFunction(
        (wanted) => Array.from(document.querySelectorAll('.markers-panel [role=treeitem]')).some((row) => wanted.some((message) => row.textContent?.includes(message))),
        messages,
        { timeout: TIME_LIMIT },
      )
      .catch(async () => fail(`no Problems row holds a Japanese message; the first row reads "${await page.locator('.markers-panel [role=treeitem]').last().textContent().catch(() => '')}"`));
  });

  // Issue 18, the client: the coverage tree's clause titles, the matrix, a walkthrough page and the wizard, in Japanese.
  await test('Japanese: the coverage view shows JIS Q 9001\'s clause titles', async () => {
    await page.keyboard.press('Control+J'); // close the panel: room for the views
    const japaneseCoverage = read<CoverageReport>('coverage.ja.json');
    for (const number of ['4', '8']) {
      const clause = japaneseCoverage.clauses.find((entry) => entry.clause === number)!;
      if (clause.title === coverage.clauses.find((entry) => entry.clause === number)?.title) fail(`densho coverage --locale ja gave clause ${number} its English title`);
      await treeRow(page, `${number} ${clause.title}`).catch(() => fail(`no coverage row reads "${number} ${clause.title}"`));
    }
  });

  await test('Japanese: the coverage matrix\'s header and clause titles are in Japanese', async () => {
    await runCommand(page, '適用状況マトリックスを表示');
    const frame = await matrixFrame(page);
    const corner = (await frame.locator('table.matrix thead th').allTextContents()).slice(0, 3);
    if (corner.join('|') !== '箇条|タイトル|状態') fail(`the matrix's header reads ${JSON.stringify(corner)}`);
    const title = read<CoverageReport>('coverage.ja.json').clauses.find((entry) => entry.clause === '8')!.title;
    await frame.locator('table.matrix tbody td', { hasText: title }).first().waitFor({ timeout: TIME_LIMIT }).catch(() => fail(`no matrix row holds "${title}"`));
  });

  await test('Japanese: the walkthrough opens its Japanese page', async () => {
    await runCommand(page, 'Open Walkthrough');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Densho をはじめる' }).first().click({ timeout: TIME_LIMIT });
    // The first step's page, client/assets/walkthrough/ja/repository.md, rendered in the walkthrough's webview.
    const frame = await webviewFrame(page, 'h1:has-text("Densho のリポジトリ")', 'the Japanese walkthrough page');
    const text = (await frame.locator('body').textContent()) ?? '';
    if (text.includes('checks a folder of Markdown procedures')) fail('the walkthrough page is the English one');
  });

  await test('Japanese: the walkthrough\'s tab names the extension by its Japanese name', async () => {
    const tabs = page.locator('.tabs-container .tab');
    await tabs.filter({ hasText: 'Densho — 手順書をコードとして' }).first().waitFor({ timeout: TIME_LIMIT }).catch(async () => fail(`the tabs read ${JSON.stringify(await tabs.allTextContents())}`));
  });

  await test('Japanese: the New Document wizard asks in Japanese', async () => {
    await runCommand(page, 'テンプレートから新しい文書');
    const input = quickInput(page);
    await input.title.filter({ hasText: '新しい Densho 文書 (1/5): テンプレート' }).waitFor({ timeout: TIME_LIMIT }).catch(async () => fail(`the wizard's title reads "${await input.title.textContent()}"`));
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Densho に同梱' }).first().waitFor({ timeout: TIME_LIMIT }).catch(async () => fail(`the first template reads "${await page.locator('.quick-input-list .monaco-list-row').first().textContent()}"`));
    await page.keyboard.press('Escape');
  });

  await page.context().close();
  return outcomes;
}
