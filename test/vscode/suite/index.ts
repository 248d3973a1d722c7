/**
 * Runs inside the real VS Code extension host (code-server, or the desktop
 * build that @vscode/test-electron downloads): VS Code calls `run()` with
 * the `vscode` API available. Mocha is not bundled; it is required from the
 * repository's node_modules. The outcome goes to a JSON file that the
 * runner (test/vscode/runE2e.ts) reads, since a browser-hosted workbench
 * gives no exit code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface E2eConfig {
  /** Where to write {@link E2eResults}. */
  readonly results: string;
  /** Folder holding the CLI's JSON for the same samples: check.json, coverage.json, review.json, risk.json, coverage.md. */
  readonly expected: string;
  /** The mocha file to run, bundled beside this one: extension.e2e.js unless given (multiRoot.e2e.js for the multi-root run). */
  readonly suite?: string;
  /** The multi-root run: the folder its suite adds to the workspace at run time. */
  readonly addedFolder?: string;
}

export interface E2eResults {
  readonly passed: number;
  readonly failed: number;
  readonly tests: readonly { readonly title: string; readonly state: 'passed' | 'failed'; readonly error?: string; readonly ms?: number }[];
}

export function run(): Promise<void> {
  const config = JSON.parse(readFileSync(join(__dirname, 'e2e-config.json'), 'utf8')) as E2eConfig;
  process.env['DENSHO_E2E_EXPECTED'] = config.expected;
  if (config.addedFolder) process.env['DENSHO_E2E_ADDED_FOLDER'] = config.addedFolder;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.addFile(join(__dirname, config.suite ?? 'extension.e2e.js'));
  const tests: E2eResults['tests'][number][] = [];
  return new Promise((resolve) => {
    try {
      const runner = mocha.run(() => {
        const results: E2eResults = { passed: tests.filter((t) => t.state === 'passed').length, failed: tests.filter((t) => t.state === 'failed').length, tests };
        writeFileSync(config.results, JSON.stringify(results, null, 2));
        resolve();
      });
      runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed', ms: test.duration }));
      runner.on('fail', (test, error: Error) => tests.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? String(error) }));
    } catch (error) {
      writeFileSync(config.results, JSON.stringify({ passed: 0, failed: 1, tests: [{ title: 'loading the suite', state: 'failed', error: String(error) }] }));
      resolve();
    }
  });
}
