/**
 * The `densho` command as a user meets it: output formats, exit codes,
 * usage errors, and `new` refusing to overwrite. Most cases run the CLI
 * in-process; one spawns the built bundle to prove the real binary works.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { RULE_IDS } from '../../server/src/engine';
import { doc } from '../helpers';
import { runDensho as run, tempRepository } from '../support/cli';

const ROOT = resolve(__dirname, '..', '..');

const CLEAN = { 'densho.yaml': 'standards: []\n', 'sops/a.md': doc({}, '# A\n') };

describe('densho check', () => {
  it('exits 0 on a clean repository and says so', async () => {
    const result = await run(['check', tempRepository(CLEAN), '--today', '2026-11-25']);
    assert.equal(result.code, 0, result.stdout);
    assert.match(result.stdout, /1 document checked, no problems/);
  });
  it('exits 1 with errors and prints them grouped by file with line:column, severity, message and rule', async () => {
    const dir = tempRepository({ ...CLEAN, 'sops/b.md': doc({ id: 'SOP-B-001' }, 'See [x](missing.md).\n') });
    const result = await run(['check', dir, '--today', '2026-11-25']);
    assert.equal(result.code, 1);
    assert.equal(result.stdout.split('\n')[0], 'sops/b.md');
    assert.match(result.stdout, /^ {2}9:9 {2}error {4}"missing\.md" does not exist\. {2}link\/file$/m);
    assert.match(result.stdout, /✖ 1 problem \(1 error, 0 warnings, 0 info\) in 2 documents/);
    assert.doesNotMatch(result.stdout, /\u001b\[/, 'no colour codes when output is not a terminal');
  });
  it('--max-warnings turns warnings into a failing exit code', async () => {
    const dir = tempRepository({ ...CLEAN, 'sops/b.md': doc({ id: 'SOP-B-001', reviewed: '2020-01-01' }) });
    assert.equal((await run(['check', dir, '--today', '2026-11-25'])).code, 0);
    assert.equal((await run(['check', dir, '--today', '2026-11-25', '--max-warnings', '1'])).code, 0);
    assert.equal((await run(['check', dir, '--today', '2026-11-25', '--max-warnings', '0'])).code, 1);
  });
  it('--today decides what is overdue', async () => {
    const dir = tempRepository({ 'densho.yaml': 'standards: []\n', 'sops/b.md': doc({ id: 'SOP-B-001', reviewed: '2025-06-01' }) });
    const early = JSON.parse((await run(['check', dir, '--format', 'json', '--today', '2026-01-01'])).stdout);
    const late = JSON.parse((await run(['check', dir, '--format', 'json', '--today', '2026-07-01'])).stdout);
    assert.equal(early.summary.warnings, 0);
    assert.deepEqual(late.diagnostics.map((d: { rule: string }) => d.rule), ['review/overdue']);
  });
  it('prints the JSON of SPEC.md with 1-based UTF-16 columns', async () => {
    const dir = tempRepository({ ...CLEAN, 'sops/b.md': doc({ id: 'SOP-B-001' }, '手順は[こちら](なし.md)。\n') });
    const report = JSON.parse((await run(['check', dir, '--format', 'json', '--today', '2026-11-25'])).stdout);
    assert.equal(report.version, 1);
    assert.equal(report.root, dir);
    assert.deepEqual(report.diagnostics, [
      { file: 'sops/b.md', line: 9, column: 10, endLine: 9, endColumn: 15, severity: 'error', rule: 'link/file', message: '"なし.md" does not exist.' },
    ]);
    assert.deepEqual(report.summary, { documents: 2, errors: 1, warnings: 0, infos: 0 });
  });
  it('prints SARIF 2.1.0 with rules, levels and %SRCROOT%-relative locations', async () => {
    const dir = tempRepository({ ...CLEAN, 'sops/b.md': doc({ id: 'SOP-B-001', reviewed: '2020-01-01' }, '[x](missing.md)\n') });
    const log = JSON.parse((await run(['check', dir, '--format', 'sarif', '--today', '2026-11-25'])).stdout);
    assert.equal(log.version, '2.1.0');
    const run0 = log.runs[0];
    assert.equal(run0.tool.driver.name, 'densho');
    assert.equal(run0.tool.driver.rules.length, RULE_IDS.length);
    assert.deepEqual(
      run0.results.map((r: any) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]),
      [['review/overdue', 'warning', 'sops/b.md', 7], ['link/file', 'error', 'sops/b.md', 9]],
    );
    for (const result of run0.results) assert.equal(run0.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    assert.match(run0.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/\/.*\/$/);
  });
});

describe('usage errors', () => {
  it('exits 2 with one line, no stack trace, for a missing directory', async () => {
    const result = await run(['check', '/nonexistent/densho-repo']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'densho: no such file or directory: /nonexistent/densho-repo\n');
  });
  it('exits 2 for an unknown option, a bad format, a bad date and an unknown command', async () => {
    for (const args of [['check', '--bogus'], ['check', '--format', 'xml'], ['check', '.', '--today', '25/11/2026'], ['frobnicate']]) {
      const result = await run(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
      assert.notEqual(result.stderr, '');
    }
  });
  it('prints help for every command', async () => {
    for (const command of ['check', 'coverage', 'review', 'risk', 'new']) {
      const result = await run([command, '--help']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, new RegExp(`Usage: densho ${command}`));
    }
  });
});

describe('reports', () => {
  const files = {
    'densho.yaml': 'languages: [en]\n',
    'people.yaml': 'h.sato:\n  name: Hiroshi Sato\n  leaves: 2027-01-31\n',
    'sops/a.md': doc({ iso9001: '[8.5.1, 7.1.6]', owner: 'h.sato', reviewed: '2025-10-01' }),
  };
  it('coverage prints text, json, md and csv', async () => {
    const dir = tempRepository(files);
    const text = (await run(['coverage', dir, '--today', '2026-11-25'])).stdout;
    assert.match(text, /GAP .*8\.6 Release of products and services/);
    assert.match(text, / ✓ .*8\.5\.1 Control of production and service provision \[documented information\]  SOP-A-001/);
    const json = JSON.parse((await run(['coverage', dir, '--format', 'json'])).stdout);
    assert.equal(json.standard.id, 'iso9001');
    const md = (await run(['coverage', dir, '--format', 'md'])).stdout;
    assert.match(md, /^\| 8\.6 \| Release of products and services \| required \|  \| \*\*GAP\*\* \|$/m);
    const csv = (await run(['coverage', dir, '--format', 'csv'])).stdout;
    assert.match(csv, /^8\.5\.1,Control of production and service provision,true,true,false,SOP-A-001,Title,sops\/a\.md,true\r$/m);
    assert.equal((await run(['coverage', dir, '--standard', 'iso14001'])).code, 2);
  });
  it('review and risk print the schedule and the knowledge holders', async () => {
    const dir = tempRepository(files);
    const review = (await run(['review', dir, '--today', '2026-11-25'])).stdout;
    assert.match(review, /Hiroshi Sato \(h\.sato\)\n {2}overdue 55d {2}2026-10-01 {2}SOP-A-001 Title/);
    const schedule = JSON.parse((await run(['review', dir, '--today', '2026-11-25', '--within', '1y', '--format', 'json'])).stdout);
    assert.equal(schedule.within, '1y');
    const risk = JSON.parse((await run(['risk', dir, '--today', '2026-11-25', '--format', 'json'])).stdout);
    assert.deepEqual(risk.experts.map((e: { expert: string; leavingSoon: boolean }) => [e.expert, e.leavingSoon]), [['h.sato', true]]);
  });
});

describe('densho new', () => {
  it('creates a document from a template that passes its own front matter checks, and never overwrites', async () => {
    const dir = tempRepository({ 'densho.yaml': 'languages: [en, ja]\n', 'people.yaml': 'h.sato:\n  name: Hiroshi Sato\n' });
    const args = ['new', 'sop', '--id', 'SOP-WLD-005', '--title', 'TIG "root" pass', '--dir', 'sops/welding', '--owner', 'h.sato', '--today', '2026-11-25'];
    const created = await run(args, dir);
    assert.equal(created.code, 0, created.stderr);
    const path = join(dir, 'sops/welding/sop-wld-005.md');
    const content = readFileSync(path, 'utf8');
    assert.match(content, /^id: SOP-WLD-005$/m);
    assert.match(content, /^title: "TIG \\"root\\" pass"$/m);
    const check = JSON.parse((await run(['check', dir, '--format', 'json', '--today', '2026-11-25'])).stdout);
    assert.deepEqual(check.diagnostics.filter((d: { rule: string }) => d.rule.startsWith('frontmatter/')), []);

    writeFileSync(path, 'my edits');
    const again = await run(args, dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; not overwritten/);
    assert.equal(readFileSync(path, 'utf8'), 'my edits');
  });
  it('--lang ja takes the Japanese template of each kind: Japanese headings and guidance, the same fields, and a document that checks clean', async () => {
    const templates = ['sop', 'work-instruction', 'master', 'form', 'policy', 'translation'];
    const fieldsOf = (text: string) => [...text.split(/^---$/m)[1]!.matchAll(/^([a-z0-9-]+):/gm)].map((match) => match[1]);
    for (const template of templates) {
      // A Japanese shop writes its documents in Japanese first; a translation goes from English into Japanese.
      const languages = template === 'translation' ? '[en, ja]' : '[ja, en]';
      const dir = tempRepository({ 'densho.yaml': `languages: ${languages}\n`, 'people.yaml': 'h.sato:\n  name: 佐藤 浩\n' });
      const id = template === 'master' ? 'MST-WLD-009' : 'SOP-WLD-009';
      const common = ['--id', id, '--title', '溶接手順', '--owner', 'h.sato', '--today', '2026-11-25'];
      assert.equal((await run(['new', template, ...common, '--lang', 'en'], dir)).code, 0);
      const created = await run(['new', template, ...common, '--lang', 'ja'], dir);
      assert.equal(created.code, 0, created.stderr);
      const [englishFile, japaneseFile] = template === 'translation' ? ['.md', '.ja.md'] : ['.en.md', '.md'];
      const english = readFileSync(join(dir, `${id.toLowerCase()}${englishFile}`), 'utf8');
      const japanese = readFileSync(join(dir, `${id.toLowerCase()}${japaneseFile}`), 'utf8');
      assert.deepEqual(fieldsOf(japanese), fieldsOf(english), `${template}: the same fields in the same order`);
      const sections = (text: string) => text.match(/^## .*$/gm)!;
      assert.ok(sections(japanese).every((heading) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(heading)), `${template}: Japanese headings: ${sections(japanese)}`);
      assert.ok(sections(english).every((heading) => /^[\x20-\x7e]+$/.test(heading)), `${template}: English headings for --lang en: ${sections(english)}`);
      assert.equal(sections(japanese).length, sections(english).length, `${template}: as many sections as the English one`);
      const check = JSON.parse((await run(['check', dir, '--format', 'json', '--today', '2026-11-25'])).stdout);
      // A translation's type and expert are copied from its source by hand, as its guidance says, in either language.
      const problems = check.diagnostics.filter((d: { file: string; rule: string }) => d.file === `${id.toLowerCase()}${japaneseFile}` && /^(frontmatter|heading|link|id)\//.test(d.rule) && !(template === 'translation' && d.rule === 'frontmatter/required'));
      assert.deepEqual(problems, [], template);
    }
  });
  it('lists a template once, not its language variants', async () => {
    const unknown = await run(['new', 'poem', '--id', 'SOP-X-1'], tempRepository({}));
    assert.doesNotMatch(unknown.stderr, /sop\.ja/);
    assert.equal((await run(['new', 'sop.ja', '--id', 'SOP-X-1'], tempRepository({}))).code, 2, 'a variant is not a template of its own');
  });
  it('names a translation by language and rejects unknown templates and languages', async () => {
    const dir = tempRepository({ 'densho.yaml': 'languages: [en, ja]\n' });
    assert.equal((await run(['new', 'translation', '--id', 'SOP-WLD-005', '--lang', 'ja'], dir)).code, 0);
    assert.ok(existsSync(join(dir, 'sop-wld-005.ja.md')));
    const unknown = await run(['new', 'poem', '--id', 'SOP-X-1'], dir);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no template "poem" \(available: .*sop.*\)/);
    assert.equal((await run(['new', 'sop', '--id', 'SOP-X-1', '--lang', 'fr'], dir)).code, 2);
    assert.equal((await run(['new', 'sop', '--id', 'bad id'], dir)).code, 2);
  });
});

describe('the built bundle', () => {
  it('dist/cli.js runs as a program with the exit codes of SPEC.md', () => {
    const cli = join(ROOT, 'dist', 'cli.js');
    const clean = spawnSync(process.execPath, [cli, 'check', tempRepository(CLEAN), '--today', '2026-11-25'], { encoding: 'utf8' });
    assert.equal(clean.status, 0, clean.stderr);
    const missing = spawnSync(process.execPath, [cli, 'check', '/nonexistent'], { encoding: 'utf8' });
    assert.equal(missing.status, 2);
    const version = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
