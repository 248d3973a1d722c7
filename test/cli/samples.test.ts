/**
 * The bundled samples/ repository, checked as a user would, with the Git
 * history samples/history.yaml describes (built by samples/make-history.mjs
 * in a temporary folder): the full diagnostic set is pinned, so any drift in
 * a rule shows up here as a diff, in English and in Japanese (issue 18: the
 * Japanese text and JSON are pinned as the English JSON is). After an
 * intended change, regenerate with:
 *   rm -rf .cache/samples && node samples/make-history.mjs .cache/samples &&
 *   node dist/cli.js check .cache/samples --today 2026-11-25 --format json > test/cli/samples.expected.json &&
 *   node dist/cli.js check .cache/samples --today 2026-11-25 --format json --locale ja > test/cli/samples.expected.ja.json &&
 *   node dist/cli.js check .cache/samples --today 2026-11-25 --locale ja > test/cli/samples.expected.ja.txt
 * and review the diff line by line against samples/README.md.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { RULE_IDS } from '../../server/src/engine';

const ROOT = resolve(__dirname, '..', '..');
const SAMPLES = join(mkdtempSync(join(tmpdir(), 'densho-samples-')), 'samples');

function buildSamples(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'samples/make-history.mjs'), SAMPLES], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
}

function checkSamples(format: string, locale = 'en'): { status: number | null; stdout: string } {
  const args = [join(ROOT, 'dist/cli.js'), 'check', SAMPLES, '--today', '2026-11-25', '--format', format, '--locale', locale];
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { status: result.status, stdout: result.stdout };
}

describe('densho check samples', () => {
  const expected = JSON.parse(readFileSync(join(__dirname, 'samples.expected.json'), 'utf8'));
  buildSamples();
  const { status, stdout } = checkSamples('json');
  const actual = JSON.parse(stdout);

  it('prints exactly the expected diagnostics', () => {
    assert.deepEqual(actual.diagnostics, expected.diagnostics);
    assert.deepEqual(actual.summary, expected.summary);
    assert.equal(actual.root, SAMPLES);
  });
  it('prints exactly the expected diagnostics in Japanese, in JSON and as text', () => {
    const japanese = JSON.parse(checkSamples('json', 'ja').stdout);
    const expectedJapanese = JSON.parse(readFileSync(join(__dirname, 'samples.expected.ja.json'), 'utf8'));
    assert.deepEqual(japanese.diagnostics, expectedJapanese.diagnostics);
    assert.deepEqual(japanese.summary, expected.summary);
    assert.equal(checkSamples('text', 'ja').stdout, readFileSync(join(__dirname, 'samples.expected.ja.txt'), 'utf8'));
  });
  it('exits 1, because the samples hold deliberate errors', () => {
    assert.equal(status, 1);
  });
  it('shows every rule at work, but those that need absurd or unreadable files', () => {
    const fired = new Set(actual.diagnostics.map((diagnostic: { rule: string }) => diagnostic.rule));
    const shownByTestsInstead = ['file/too-large', 'file/too-deep', 'file/unreadable'];
    assert.deepEqual(RULE_IDS.filter((rule) => !fired.has(rule) && !shownByTestsInstead.includes(rule)), []);
  });
  it('lists every deliberate defect in samples/README.md', () => {
    const readme = readFileSync(join(ROOT, 'samples/README.md'), 'utf8');
    for (const rule of new Set<string>(actual.diagnostics.map((diagnostic: { rule: string }) => diagnostic.rule))) {
      assert.ok(readme.includes(rule), `samples/README.md does not mention ${rule}`);
    }
  });
});
