/**
 * `npm run test:e2e:electron`: the same in-VS-Code suite as `npm run
 * test:e2e`, in desktop VS Code downloaded by @vscode/test-electron, on the
 * oldest supported version (engines.vscode) and the current stable. For
 * machines that can reach update.code.visualstudio.com; not this one's CI
 * (see docs/vscode-extension.md). Linux needs a display: run under xvfb-run.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import type { E2eConfig, E2eResults } from './suite/index';
import { build, copySamples, expectations, log, OUT, ROOT, scratch } from './harness';

async function main(): Promise<number> {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { vscode: string } };
  const versions = (process.env['VSCODE_VERSIONS'] ?? `${manifest.engines.vscode.replace(/^\^/, '')},stable`).split(',');
  await build();
  let passed = 0;
  let failed = 0;
  for (const version of versions) {
    const dir = scratch();
    try {
      const workspace = copySamples(join(dir, 'workspace'));
      expectations(workspace, join(dir, 'expected'));
      const config: E2eConfig = { results: join(dir, 'results.json'), expected: join(dir, 'expected') };
      writeFileSync(join(OUT, 'e2e-config.json'), JSON.stringify(config));
      log(`VS Code ${version}`);
      await runTests({
        version,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: join(OUT, 'index.js'),
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(dir, 'user-data')],
      });
      const results = JSON.parse(readFileSync(config.results, 'utf8')) as E2eResults;
      for (const test of results.tests) {
        process.stdout.write(`${test.state === 'passed' ? '  ✓' : '  ✗'} [${version}] ${test.title}\n`);
        if (test.error) process.stdout.write(`${test.error.replace(/^/gm, '      ')}\n`);
      }
      passed += results.passed;
      failed += results.failed;
    } catch (error) {
      process.stdout.write(`  ✗ [${version}] ${String(error)}\n`);
      failed++;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n0 passed, 1 failed\n`);
    process.exit(1);
  },
);
