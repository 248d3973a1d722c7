/**
 * `npm run test:e2e`: builds, installs code-server if needed, then runs
 * 1. the in-VS-Code suite (test/vscode/suite) inside code-server's real
 *    extension host, opened in Debian's Chromium through playwright-core, and
 * 2. the Playwright UI test (test/vscode/ui.ts) against the same build,
 * each on its own temporary copy of samples/, and
 * 3. the setup UI test on a folder of plain Markdown without densho.yaml,
 * 4. the multi-root suite (test/vscode/suite/multiRoot.e2e.ts) in the extension host of a window opened
 *    on a .code-workspace file with two folders, each its own densho.yaml, and
 * 5. a short UI test in a second code-server started with `--locale ja`. Prints every result, saves
 * screenshots under test-results/vscode/, ends with `N passed, M failed` and
 * exits non-zero when anything failed.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { E2eConfig, E2eResults } from './suite/index';
import { ARTIFACTS, build, CHROMIUM, CHROMIUM_ARGS, copySamples, expectations, log, multiRoot, OUT, plainMarkdown, samplesWithHistory, scratch, setupCodeServer, startCodeServer, type CodeServer } from './harness';
import { runJapaneseUiTests, runSetupUiTest, runUiTests } from './ui';

interface Outcome {
  readonly title: string;
  readonly state: 'passed' | 'failed';
  readonly error?: string;
}

const SUITE_TIME_LIMIT = 6 * 60_000;

async function main(): Promise<number> {
  const outcomes: Outcome[] = [];
  let server: CodeServer | undefined;
  let japaneseServer: CodeServer | undefined;
  let browser: Browser | undefined;
  const dir = scratch();
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const serverLog = join(ARTIFACTS, 'code-server.log');
  try {
    log('building');
    await build();
    setupCodeServer();

    // With its Git history: the suite compares a translation with the revision it was translated from.
    const suiteWorkspace = samplesWithHistory(join(dir, 'suite-workspace'));
    const uiWorkspace = copySamples(join(dir, 'ui-workspace'));
    expectations(suiteWorkspace, join(dir, 'expected-suite'));
    expectations(uiWorkspace, join(dir, 'expected-ui'));
    const config: E2eConfig = { results: join(dir, 'suite-results.json'), expected: join(dir, 'expected-suite') };

    server = await startCodeServer(dir, (text) => appendFileSync(serverLog, text));
    log(`code-server on port ${server.port}`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });

    // 1. The suite inside the extension host.
    log('in-VS-Code suite: running');
    outcomes.push(...(await runInHostSuite(browser, server.url(suiteWorkspace, OUT), config, 'suite', '[extension host]', serverLog)));

    // 2. What a user sees.
    log('UI test: running');
    const uiOutcomes = await runUiTests(browser, server.url(uiWorkspace), join(dir, 'expected-ui'));
    outcomes.push(...uiOutcomes.map((outcome) => ({ ...outcome, title: `[ui] ${outcome.title}` })));

    // 3. Adoption: a folder of plain Markdown, before Densho is set up in it.
    log('UI test (setup): running');
    const plainWorkspace = plainMarkdown(join(dir, 'plain-workspace'));
    const setupOutcomes = await runSetupUiTest(browser, server.url(plainWorkspace), plainWorkspace);
    outcomes.push(...setupOutcomes.map((outcome) => ({ ...outcome, title: `[ui] ${outcome.title}` })));

    // 4. A window opened on a .code-workspace file: two folders, each its own densho.yaml, a third added at run time.
    log('in-VS-Code suite (multi-root): running');
    const folders = multiRoot(join(dir, 'multi-root'));
    for (const name of ['alpha', 'beta', 'gamma'] as const) expectations(folders[name], join(dir, 'expected-multi-root', name));
    const multiRootConfig: E2eConfig = { results: join(dir, 'multi-root-results.json'), expected: join(dir, 'expected-multi-root'), suite: 'multiRoot.e2e.js', addedFolder: folders.gamma };
    outcomes.push(...(await runInHostSuite(browser, server.url(folders.workspaceFile, OUT), multiRootConfig, 'multi-root', '[extension host, multi-root]', serverLog)));

    // 5. The extension in a Japanese VS Code: its own code-server (the display language is the server's), user data and copy of samples/.
    log('UI test (Japanese): running');
    await server.stop(); // two code-servers at once are more than this machine's two cores need
    server = undefined;
    const japaneseWorkspace = copySamples(join(dir, 'ja-workspace'));
    expectations(japaneseWorkspace, join(dir, 'expected-ja'));
    japaneseServer = await startCodeServer(join(dir, 'ja'), (text) => appendFileSync(serverLog, text), { locale: 'ja' });
    const japaneseOutcomes = await runJapaneseUiTests(browser, japaneseServer.url(japaneseWorkspace), join(dir, 'expected-ja'));
    outcomes.push(...japaneseOutcomes.map((outcome) => ({ ...outcome, title: `[ui ja] ${outcome.title}` })));
  } catch (error) {
    outcomes.push({ title: 'e2e harness', state: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    await japaneseServer?.stop();
    if (!process.env['DENSHO_E2E_KEEP']) rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  }

  for (const outcome of outcomes) {
    process.stdout.write(`${outcome.state === 'passed' ? '  ✓' : '  ✗'} ${outcome.title}\n`);
    if (outcome.error) process.stdout.write(`${outcome.error.replace(/^/gm, '      ')}\n`);
  }
  const passed = outcomes.filter((outcome) => outcome.state === 'passed').length;
  const failed = outcomes.length - passed;
  process.stdout.write(`Screenshots and logs: ${ARTIFACTS}\n`);
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

/**
 * Opens `url` (a window whose extension host runs the suite `config` names) and waits, with a time limit,
 * for the results file the suite writes (a browser-hosted workbench gives no exit code).
 */
async function runInHostSuite(browser: Browser, url: string, config: E2eConfig, name: string, prefix: string, serverLog: string): Promise<Outcome[]> {
  writeFileSync(join(OUT, 'e2e-config.json'), JSON.stringify(config));
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  const browserLog = join(ARTIFACTS, `${name}-browser.log`);
  page.on('console', (message) => appendFileSync(browserLog, `${message.type()}: ${message.text()}\n`));
  await page.goto(url);
  const deadline = Date.now() + SUITE_TIME_LIMIT;
  while (!existsSync(config.results) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
  await page.screenshot({ path: join(ARTIFACTS, `${name}-end.png`) }).catch(() => undefined);
  await page.context().close();
  if (!existsSync(config.results)) return [{ title: `in-VS-Code ${name}`, state: 'failed', error: `no results within ${SUITE_TIME_LIMIT / 1000} s (see ${browserLog} and ${serverLog})` }];
  const suite = JSON.parse(readFileSync(config.results, 'utf8')) as E2eResults;
  return suite.tests.map((test) => ({ title: `${prefix} ${test.title}`, state: test.state, ...(test.error ? { error: test.error } : {}) }));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n0 passed, 1 failed\n`);
    process.exit(1);
  },
);
