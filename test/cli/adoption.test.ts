/**
 * Bringing an existing folder under Densho and into CI: configuration
 * discovery, the no-documents error, `--fix`, baselines, the CI formats and
 * `densho init`. Each case runs the CLI in-process on a temporary folder.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import type { CliIo } from '../../server/src/cli/io';
import { doc } from '../helpers';

async function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

function tempFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'densho-adoption-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const TODAY = ['--today', '2026-11-25'];

describe('configuration discovery', () => {
  const files = {
    'densho.yaml': 'standards: []\ndocs: ["sops/**/*.md"]\n',
    'sops/welding/a.md': doc({ id: 'SOP-A-001' }, '# A\n\nSee [B](../cutting/b.md) and [[SOP-B-001]].\n'),
    'sops/cutting/b.md': doc({ id: 'SOP-B-001' }, '# B\n\nSee [missing](nowhere.md).\n'),
  };
  it('from a subfolder, finds densho.yaml above it and checks only the documents under it, with the whole index', async () => {
    const dir = tempFolder(files);
    const result = await run(['check', 'sops/welding', ...TODAY, '--format', 'json'], dir);
    const report = JSON.parse(result.stdout);
    assert.equal(report.root, dir);
    assert.equal(report.summary.documents, 1);
    assert.deepEqual(report.diagnostics, [], 'links out of the subfolder resolve; b.md\'s broken link is not in scope');
    assert.equal(result.code, 0);
  });
  it('run inside the subfolder itself, too', async () => {
    const dir = tempFolder(files);
    const result = await run(['check', ...TODAY, '--format', 'json'], join(dir, 'sops', 'cutting'));
    const report = JSON.parse(result.stdout);
    assert.equal(report.root, dir);
    assert.deepEqual(report.diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`), ['sops/cutting/b.md link/file']);
    assert.equal(result.code, 1);
  });
  it('stops at the Git root: a densho.yaml above it belongs to another project', async () => {
    const dir = tempFolder({ 'densho.yaml': 'docs: ["nothing/**/*.md"]\n', 'inner/.git/HEAD': 'ref: refs/heads/main\n', 'inner/a.md': doc({ id: 'SOP-A-001' }) });
    const result = await run(['check', 'inner', ...TODAY, '--format', 'json'], dir);
    assert.equal(JSON.parse(result.stdout).root, join(dir, 'inner'));
    assert.equal(result.code, 0, result.stderr);
  });
});

describe('a check that matches no document', () => {
  it('is a usage error naming the glob, never a green run', async () => {
    const dir = tempFolder({ 'densho.yaml': 'docs: ["sop/**/*.md"]\n', 'sops/a.md': doc({ id: 'SOP-A-001' }) });
    const result = await run(['check', ...TODAY], dir);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /no document matches the docs glob "sop\/\*\*\/\*\.md"/);
  });
  it('names only the glob that matched nothing', async () => {
    const dir = tempFolder({ 'densho.yaml': 'docs: ["sops/**/*.md", "wis/**/*.md"]\n', 'sops/a.md': doc({ id: 'SOP-A-001' }) });
    const result = await run(['check', ...TODAY], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /the docs glob "wis\/\*\*\/\*\.md"/);
    assert.doesNotMatch(result.stderr, /sops\//);
  });
  it('a subfolder without documents is an error too', async () => {
    const dir = tempFolder({ 'densho.yaml': 'standards: []\n', 'sops/a.md': doc({ id: 'SOP-A-001' }), 'images/x.png': 'x' });
    const result = await run(['check', 'images', ...TODAY], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /no document under "images"/);
  });
});
