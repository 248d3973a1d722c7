/**
 * The published package and the CI integrations, as a user installs them:
 * `npm pack` gives a tarball that installs offline into an empty folder and
 * runs `npx densho check`; the GitHub Action's scripts and the pre-commit
 * hooks run commands and options that exist. Needs `node esbuild.mjs` first
 * (the tarball packs dist/ as built; `prepack` builds it for a release).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { runCli } from '../../server/src/cli/main';
import { doc } from '../helpers';

const ROOT = resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

function tempFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'densho-package-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

/** A small repository with one error (a broken link) and one warning (an overdue review). */
const REPOSITORY = {
  'densho.yaml': 'standards: []\n',
  'sops/a.md': doc({ id: 'SOP-A-001', reviewed: '2020-01-01' }, '# A\n\nSee [x](missing.md).\n'),
};

const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });

describe('the npm package', () => {
  it('is publishable, ships the bundles, templates and docs, and builds them before packing', () => {
    assert.notEqual(manifest.private, true);
    assert.equal(manifest.bin.densho, 'dist/cli.js');
    for (const entry of ['dist/cli.js', 'dist/server.js', 'dist/parseWorker.js', 'templates/*.md', 'docs/']) assert.ok(manifest.files.includes(entry), entry);
    assert.match(manifest.scripts.prepack, /esbuild\.mjs --production/);
    assert.equal(manifest.dependencies, undefined, 'everything is bundled: no runtime dependency');
  });
  it('the bundles need nothing but Node itself (the extension: vscode too)', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    for (const bundle of ['cli', 'server', 'parseWorker', 'extension']) {
      const text = readFileSync(join(ROOT, 'dist', `${bundle}.js`), 'utf8');
      const required = new Set([...text.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]!));
      const foreign = [...required].filter((name) => !builtins.has(name) && !(bundle === 'extension' && name === 'vscode') && !name.startsWith('.'));
      assert.deepEqual(foreign, [], `${bundle}.js requires ${foreign.join(', ')}`);
    }
  });
  it('the packed tarball installs offline into an empty folder, and `npx densho check` runs', () => {
    const work = tempFolder({ 'project/package.json': '{ "name": "adopter", "version": "1.0.0", "private": true }\n', ...Object.fromEntries(Object.entries(REPOSITORY).map(([path, text]) => [`project/qms/${path}`, text])) });
    const pack = npm(['pack', '--ignore-scripts', '--pack-destination', work, '--json'], ROOT);
    assert.equal(pack.status, 0, pack.stderr);
    const [{ filename, files }] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
    const packed = files.map((file) => file.path);
    for (const path of ['dist/cli.js', 'dist/parseWorker.js', 'templates/sop.md', 'docs/cli.md', 'docs/standards/iso14001.yaml', 'README.md', 'LICENSE']) assert.ok(packed.includes(path), `${path} in the tarball`);
    assert.ok(!packed.some((path) => path.startsWith('server/') || path.startsWith('test/') || path.endsWith('.map')), 'no sources, tests or source maps');

    const project = join(work, 'project');
    const install = npm(['install', '--offline', '--no-save', join(work, filename)], project);
    assert.equal(install.status, 0, install.stderr);
    const check = spawnSync('npx', ['--offline', 'densho', 'check', 'qms', '--today', '2026-11-25', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    assert.equal(check.status, 1, check.stderr);
    assert.deepEqual(JSON.parse(check.stdout).diagnostics.map((d: { rule: string }) => d.rule), ['review/overdue', 'link/file']);
    const created = spawnSync('npx', ['--offline', 'densho', 'new', 'sop', '--id', 'SOP-B-001', '--dir', 'qms/sops'], { cwd: project, encoding: 'utf8' });
    assert.equal(created.status, 0, `the shipped templates are found: ${created.stderr}`);
  });
});

describe('the GitHub Action', () => {
  const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
  /** Runs the action's bash steps as the runner would, with `npx densho@…` answered by this build. */
  function runStep(name: string, inputs: Record<string, string>, cwd: string) {
    const step = action.runs.steps.find((candidate: { name: string }) => candidate.name === name);
    assert.ok(step, name);
    assert.equal(step.shell, 'bash');
    const bin = mkdtempSync(join(tmpdir(), 'densho-npx-'));
    // The shim drops `--yes densho@<version>`, checking that is what it was asked for.
    writeFileSync(join(bin, 'npx'), `#!/bin/sh\n[ "$1" = --yes ] || exit 99\ncase "$2" in densho@*) ;; *) exit 98;; esac\nshift 2\nexec node ${JSON.stringify(join(ROOT, 'dist', 'cli.js'))} "$@"\n`);
    chmodSync(join(bin, 'npx'), 0o755);
    const env: Record<string, string> = { ...process.env, PATH: `${bin}:${process.env.PATH}` } as Record<string, string>;
    for (const [key, value] of Object.entries(step.env as Record<string, string>)) {
      const input = /^\$\{\{ inputs\.([a-z-]+) \}\}$/.exec(value)![1]!;
      env[key] = inputs[input] ?? action.inputs[input].default;
    }
    assert.doesNotMatch(step.run, /\$\{\{/, 'inputs reach the script through env only');
    return spawnSync('bash', ['-e', '-c', step.run], { cwd, env, encoding: 'utf8' });
  }
  it('is a composite action: SARIF log, upload, then annotations that fail the job on errors', () => {
    assert.equal(action.runs.using, 'composite');
    assert.deepEqual(action.runs.steps.map((step: { name: string }) => step.name), ['Densho (SARIF log)', 'Upload SARIF', 'Densho (annotations and gate)']);
    assert.match(action.runs.steps[1].uses, /^github\/codeql-action\/upload-sarif@/);
    const dir = tempFolder(REPOSITORY);
    const sarif = runStep('Densho (SARIF log)', {}, dir);
    assert.equal(sarif.status, 0, `findings do not fail the SARIF step: ${sarif.stderr}`);
    assert.equal(JSON.parse(readFileSync(join(dir, 'densho.sarif'), 'utf8')).runs[0].results.length, 2);
    const gate = runStep('Densho (annotations and gate)', {}, dir);
    assert.equal(gate.status, 1);
    assert.match(gate.stdout, /^::error file=sops\/a\.md,line=11,/m);
    assert.match(gate.stdout, /^::warning file=sops\/a\.md,/m);
  });
  it('its baseline and max-warnings inputs are options densho takes', async () => {
    const dir = tempFolder(REPOSITORY);
    assert.equal(await runCli(['check', '--baseline', 'base.json', '--update-baseline'], { cwd: dir, stdout: () => {}, stderr: () => {}, color: false }), 0);
    const gate = runStep('Densho (annotations and gate)', { baseline: 'base.json', 'max-warnings': '0' }, dir);
    assert.equal(gate.status, 0, gate.stderr + gate.stdout);
    assert.equal(gate.stdout, '');
    const usage = runStep('Densho (annotations and gate)', { 'max-warnings': 'many' }, dir);
    assert.equal(usage.status, 2, 'a bad input is a usage error, not a pass');
  });
});

describe('the pre-commit hooks', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; pass_filenames: boolean }[];
  it('each hook runs a densho command that exists, over the whole repository', async () => {
    assert.deepEqual(hooks.map((hook) => hook.id), ['densho', 'densho-fix']);
    for (const hook of hooks) {
      assert.equal(hook.language, 'node');
      assert.equal(hook.pass_filenames, false);
      const files = new RegExp(hook.files);
      assert.ok(files.test('sops/a.md') && files.test('densho.yaml') && !files.test('src/app.ts'));
      const [command, ...args] = hook.entry.split(' ');
      assert.equal(command, manifest.bin.densho ? 'densho' : undefined);
      const dir = tempFolder(REPOSITORY);
      let stderr = '';
      const code = await runCli([...args, '--today', '2026-11-25'], { cwd: dir, stdout: () => {}, stderr: (text) => (stderr += text), color: false });
      assert.equal(code, 1, `${hook.entry}: ${stderr}`);
    }
  });
});
