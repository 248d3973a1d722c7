/**
 * No English reaches a Japanese reader of the CLI (issue 18: "a Japanese
 * quality manager can use the CLI and the report without reading a word of
 * English"). Every command runs with `--locale ja` over the samples (with
 * their Git history) and over repositories built to take the error paths
 * (broken YAML of each kind, a bad glob, a bad id-pattern, no Git, a bad
 * template); what is legitimately Latin (the repository's own data, ids,
 * paths, code words in 「」) is taken out by test/support/english.ts, and
 * no run of English words may remain.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { doc } from '../helpers';
import { runDensho, tempRepository } from '../support/cli';
import { englishIn, repositoryData, stringValues, visibleText } from '../support/english';

const ROOT = resolve(__dirname, '..', '..');
const WORK = mkdtempSync(join(tmpdir(), 'densho-no-english-'));
const SAMPLES = join(WORK, 'samples');
const TODAY = ['--today', '2026-11-25'];

function buildSamples(): void {
  const result = spawnSync(process.execPath, [join(ROOT, 'samples/make-history.mjs'), SAMPLES], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
}

/** Every string value of a JSON document, a line each. */
function jsonStrings(text: string): string {
  return stringValues(JSON.parse(text)).join('\n');
}

/** A unified diff shows the document's own lines: data, whatever its language. */
function withoutDiff(text: string): string {
  const diff = text.indexOf('\n--- a/');
  return diff < 0 ? text : text.slice(0, diff);
}

/** The English a Japanese reader would meet in `args`' output: stdout, stderr and any file it wrote. */
async function englishOf(args: readonly string[], data: readonly string[], options: { file?: string; cwd?: string } = {}): Promise<string[]> {
  const result = await runDensho(['--locale', 'ja', ...args], options.cwd);
  let seen = `${result.stdout}\n${result.stderr}`;
  const format = args[args.indexOf('--format') + 1];
  if (args.includes('--format') && (format === 'json' || format === 'sarif')) seen = `${jsonStrings(result.stdout)}\n${result.stderr}`;
  if (format === 'html') seen = `${visibleText(result.stdout)}\n${result.stderr}`;
  if (options.file && existsSync(options.file)) seen += `\n${options.file.endsWith('.html') ? visibleText(readFileSync(options.file, 'utf8')) : readFileSync(options.file, 'utf8')}`;
  if (args[0] === 'changes') seen = withoutDiff(seen);
  // A GitHub workflow command's own syntax (::warning file=…::) is read by GitHub, not by the user.
  if (format === 'github') seen = seen.replace(/^::\w+ [^\n]*?::/gm, '');
  return englishIn(seen, data);
}

describe('no English in Japanese output: every command over the samples', () => {
  buildSamples();
  const data = repositoryData(SAMPLES);
  const commands: readonly (readonly string[])[] = [
    ['check', SAMPLES, ...TODAY],
    ['check', SAMPLES, ...TODAY, '--format', 'json'],
    ['check', SAMPLES, ...TODAY, '--format', 'sarif'],
    ['check', SAMPLES, ...TODAY, '--format', 'github'],
    ['coverage', SAMPLES],
    ...['json', 'md', 'csv', 'html'].map((format) => ['coverage', SAMPLES, '--format', format]),
    ['review', SAMPLES, ...TODAY],
    ['review', SAMPLES, ...TODAY, '--format', 'json'],
    ['risk', SAMPLES, ...TODAY],
    ['risk', SAMPLES, ...TODAY, '--format', 'json'],
    ['skills', SAMPLES, ...TODAY],
    ...['md', 'csv', 'html'].map((format) => ['skills', SAMPLES, ...TODAY, '--format', format]),
    ['history', SAMPLES],
    ['history', SAMPLES, 'SOP-WLD-004', '--at', '2026-02-01'],
    ...['md', 'csv'].map((format) => ['history', SAMPLES, '--at', '2026-06-30', '--format', format]),
    ['changes', join(SAMPLES, 'sops/welding/sop-wld-004.ja.md')],
    ['changes', join(SAMPLES, 'sops/welding/sop-wld-004.md'), '--since-version', '2'],
  ];
  for (const args of commands) {
    it(args.filter((arg) => arg !== SAMPLES && !TODAY.includes(arg)).map((arg) => arg.replace(SAMPLES, 'samples')).join(' '), async () => {
      assert.deepEqual(await englishOf(args, data), []);
    });
  }
  for (const extra of [[], ['--lang', 'ja'], ['--at', '2026-06-30'], ['--max-layer', 'internal']]) {
    it(`report ${extra.join(' ')}`, async () => {
      const out = join(WORK, `audit${extra.join('')}.html`);
      assert.deepEqual(await englishOf(['report', SAMPLES, ...TODAY, '--out', out, ...extra], data, { file: out }), []);
    });
  }
  it('export', async () => {
    assert.deepEqual(await englishOf(['export', SAMPLES, ...TODAY, '--max-layer', 'internal', '--out', join(WORK, 'export')], data), []);
  });
  it('new, and its refusals', async () => {
    const dir = join(WORK, 'new');
    for (const args of [
      ['new', 'sop', '--id', 'SOP-TST-001', '--title', 'テスト', '--dir', dir],
      ['new', 'sop', '--id', 'SOP-TST-001', '--title', 'テスト', '--dir', dir],
      ['new', 'nosuch', '--id', 'SOP-TST-002', '--dir', dir],
      ['new', 'sop', '--id', 'lower-case', '--dir', dir],
      ['new', 'sop', '--id', 'SOP-TST-003', '--lang', 'fr', '--dir', dir],
    ]) {
      assert.deepEqual(await englishOf(args, data, { cwd: SAMPLES }), [], args.join(' '));
    }
  });
});

/** Broken YAML of the kinds a hand or a Japanese keyboard makes, each as the `yaml` library reports it. */
const BROKEN_YAML: Readonly<Record<string, string>> = {
  'unclosed quote': 'title: "閉じていない\n',
  'bad indentation': 'title: 溶接\n  owner: r.ito\n',
  'duplicate key': 'title: 溶接\ntitle: 切削\n',
  'tab as indentation': 'tags:\n\t- 溶接\n',
  'implicit key over lines': '"title\n  continues": 溶接\n',
  'block as implicit key': '? - a\n: b\nowner: [r.ito\n',
  'unclosed flow list': 'tags: [溶接, 切削\n',
  'two values on a line': 'title: 溶接: 切削\n',
  'bad scalar start': 'title: @溶接\n',
  'unexpected token': 'title: 溶接\n]\n',
};

describe('no English in Japanese output: the error paths', () => {
  for (const [kind, yaml] of Object.entries(BROKEN_YAML)) {
    it(`front matter: ${kind}`, async () => {
      const dir = tempRepository({ 'densho.yaml': 'standards: []\n', 'sops/a.md': `---\nid: SOP-A-001\n${yaml}---\n# 見出し\n` });
      assert.deepEqual(await englishOf(['check', dir, ...TODAY], repositoryData(dir)), []);
      assert.deepEqual(await englishOf(['check', dir, ...TODAY, '--format', 'json'], repositoryData(dir)), []);
    });
    for (const file of ['densho.yaml', 'people.yaml', 'training.yaml']) {
      it(`${file}: ${kind}`, async () => {
        const dir = tempRepository({ 'densho.yaml': 'standards: []\n', [file]: yaml, 'sops/a.md': doc() });
        assert.deepEqual(await englishOf(['check', dir, ...TODAY], repositoryData(dir)), []);
      });
    }
  }
  for (const [name, config] of Object.entries({
    'a bad docs glob': 'docs: ["sops/[a-"]\nstandards: []\n',
    'a bad ignore glob': 'ignore: ["{a,b"]\nstandards: []\n',
    'a docs glob that matches nothing': 'docs: ["nowhere/*.md"]\nstandards: []\n',
    'a bad id-pattern': 'id-pattern: "(unclosed"\nstandards: []\n',
    'an id-pattern RE2 refuses': 'id-pattern: "^(a)\\\\1$"\nstandards: []\n',
  })) {
    it(name, async () => {
      const dir = tempRepository({ 'densho.yaml': config, 'sops/a.md': doc() });
      for (const command of ['check', 'coverage', 'review', 'risk', 'skills']) {
        assert.deepEqual(await englishOf([command, dir, ...TODAY], repositoryData(dir)), [], command);
      }
    });
  }
  it('not in a Git work tree: check, history, changes and report --at', async () => {
    const dir = tempRepository({ 'densho.yaml': 'standards: []\n', 'sops/a.md': doc(), 'sops/a.ja.md': doc({ lang: 'ja', 'translation-of': 'SOP-TST-001', 'translated-from-version': '1' }) });
    const data = repositoryData(dir);
    assert.deepEqual(await englishOf(['check', dir, ...TODAY], data), []);
    assert.deepEqual(await englishOf(['history', dir], data), []);
    assert.deepEqual(await englishOf(['changes', join(dir, 'sops/a.ja.md')], data), []);
    const out = join(dir, 'audit.html');
    assert.deepEqual(await englishOf(['report', dir, ...TODAY, '--at', '2026-06-30', '--out', out], data, { file: out }), []);
    assert.deepEqual(await englishOf(['report', dir, ...TODAY, '--out', out], data, { file: out }), []);
  });
  it('git not found: said at once (not after git\'s time limit), in Japanese', () => {
    const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), '--locale', 'ja', 'check', SAMPLES, ...TODAY, '--verbose'], { encoding: 'utf8', env: { PATH: '/nonexistent', NO_COLOR: '1' }, timeout: 30_000 });
    assert.equal(result.signal, null, 'the CLI was still running after 30 s');
    assert.match(result.stderr, /git が見つかりません/);
    assert.deepEqual(englishIn(`${result.stdout}\n${result.stderr}`, repositoryData(SAMPLES)), []);
  });
  it('check --fix, --verbose --cache and a baseline', async () => {
    const dir = tempRepository({ 'densho.yaml': 'standards: []\n', 'sops/a.md': doc({ owner: undefined }).replace('title:', 'owner： r.ito\ntitle:'), 'sops/b.md': doc({ id: 'SOP-B-001' }, '# 見出し\n\n[消えた](missing.md)\n') });
    const data = repositoryData(dir);
    const baseline = join(dir, 'baseline.json');
    for (const args of [
      ['check', dir, ...TODAY, '--fix'],
      ['check', dir, ...TODAY, '--verbose', '--cache', '--threads', '0'],
      ['check', dir, ...TODAY, '--verbose', '--cache', '--threads', '0'],
      ['check', dir, ...TODAY, '--baseline', baseline, '--update-baseline'],
      ['check', dir, ...TODAY, '--baseline', baseline],
      ['check', dir, ...TODAY, '--max-warnings', '0'],
    ]) {
      assert.deepEqual(await englishOf(args, data), [], args.join(' '));
    }
  });
  it('init, and a folder that does not exist', async () => {
    const dir = tempRepository({ 'a.md': '# 溶接手順\n\n本文\n', 'b.md': '---\ntitle: "閉じていない\n---\n# 見出し\n' });
    assert.deepEqual(await englishOf(['init', dir, '--front-matter'], repositoryData(dir)), []);
    assert.deepEqual(await englishOf(['init', dir], repositoryData(dir)), []);
    assert.deepEqual(await englishOf(['check', join(dir, 'nowhere')], []), []);
  });
  it('--help of the program and of every command, and `densho help <command>`', async () => {
    for (const command of ['check', 'init', 'coverage', 'review', 'risk', 'skills', 'new', 'report', 'export', 'history', 'changes']) {
      // The usage line names the command as it is typed (`使い方： densho check [options] [path]`).
      assert.deepEqual(await englishOf([command, '--help'], [`densho ${command}`]), [], `${command} --help`);
    }
    assert.deepEqual(await englishOf(['--help'], []), [], '--help');
    assert.deepEqual(await englishOf(['help', 'report'], ['densho report']), [], 'help report');
  });
  it('usage errors of densho itself', async () => {
    const dir = tempRepository({ 'densho.yaml': 'standards: []\n', 'sops/a.md': doc() });
    for (const args of [
      ['check', dir, '--today', '2026-13-45'],
      ['check', dir, '--max-warnings', 'many'],
      ['review', dir, '--within', 'soon'],
      ['coverage', dir, '--standard', 'nosuch'],
      ['report', dir, '--max-layer', 'nosuch', '--out', join(dir, 'x.html')],
      ['history', dir, 'NO-SUCH-001'],
      ['export', dir, '--max-layer', 'internal', '--out', dir],
      // commander's own: an unknown option or command, a bad choice, a missing option, value or argument, one too many
      ['check', dir, '--bogus'],
      ['chek', dir],
      ['review', dir, '--format', 'md'],
      ['new', 'sop'],
      ['new'],
      ['report', dir, '--out'],
      ['check', dir, 'extra', 'more'],
    ]) {
      assert.deepEqual(await englishOf(args, repositoryData(dir)), [], args.join(' '));
    }
  });
});

