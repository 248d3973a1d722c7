/**
 * `densho history`, `densho changes` and the history rules of `densho
 * check` on real Git repositories built here with fixed dates.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { doc } from '../helpers';
import { commitTo, git, gitRepository, tempDir, writeFiles, type TestCommit } from '../support/gitRepo';
import { runDensho as run } from '../support/cli';

const CONFIG = 'languages: [en, ja]\nstandards: []\n';
const body = (torque: string) => `# Welding\n\n## Scope\n\nFrames.\n\n## Steps\n\n1. Clamp at ${torque}.\n2. Weld.\n`;
const source = (version: number, torque: string, extra: Record<string, string> = {}) => doc({ id: 'SOP-WLD-004', version: String(version), 'approved-by': 'k.tanaka', ...extra }, body(torque));
const translation = doc({ id: 'SOP-WLD-004', lang: 'ja', 'translated-from-version': '3' }, '# 溶接\n\n## 範囲\n\nフレーム。\n\n## 手順\n\n1. 20 N·m で締める。\n2. 溶接する。\n');

const COMMITS: TestCommit[] = [
  { subject: 'Add SOP-WLD-004 v3', date: '2025-09-12', author: 'Kenji Tanaka', files: { 'densho.yaml': CONFIG, 'sops/sop-wld-004.md': source(3, '20 N·m', { approved: '2025-09-12' }), 'sops/sop-wld-004.ja.md': translation } },
  { subject: 'New clamp torque for the 2 mm sheet', date: '2026-03-01', author: 'Kenji Tanaka', files: { 'sops/sop-wld-004.md': source(4, '25 N·m', { approved: '2026-03-02' }) } },
  { subject: 'editorial: spacing', date: '2026-04-01', files: { 'sops/sop-wld-004.md': source(4, '25 N·m', { approved: '2026-03-02' }).replace('Frames.', 'The frames.') } },
];

describe('densho history', () => {
  const root = gitRepository(COMMITS);

  it('prints SPEC.md JSON: revisions newest first, with approvals and summaries', async () => {
    const result = await run(['history', root, 'sops/sop-wld-004.md', '--format', 'json'], root);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.version, 1);
    assert.equal(report.root, root);
    const [document] = report.documents;
    assert.deepEqual({ ...document, revisions: undefined }, { id: 'SOP-WLD-004', lang: 'en', file: 'sops/sop-wld-004.md', revisions: undefined });
    assert.deepEqual(
      document.revisions.map(({ commit, ...rest }: { commit: string }) => (assert.match(commit, /^[0-9a-f]{40}$/), rest)),
      [
        { version: 4, change: 'major', date: '2026-03-01', author: 'Kenji Tanaka', approvedBy: 'k.tanaka', approved: '2026-03-02', summary: 'New clamp torque for the 2 mm sheet' },
        { version: 3, change: 'major', date: '2025-09-12', author: 'Kenji Tanaka', approvedBy: 'k.tanaka', approved: '2025-09-12', summary: 'Add SOP-WLD-004 v3' },
      ],
    );
    assert.equal('inForce' in document, false, 'inForce only with --at');
  });

  it('--at gives the revision in force on each side of a revision date', async () => {
    const inForce = async (day: string) => JSON.parse((await run(['history', root, 'SOP-WLD-004', '--format', 'json', '--at', day], root)).stdout).documents.find((d: { lang: string }) => d.lang === 'en').inForce;
    assert.equal((await inForce('2026-02-28')).version, 3);
    assert.equal((await inForce('2026-03-01')).version, 4);
    assert.equal(await inForce('2025-09-11'), null);
  });

  it('takes an id alone, and prints text, Markdown and CSV', async () => {
    const text = await run(['history', 'SOP-WLD-004'], root);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /SOP-WLD-004 \(en\)  sops\/sop-wld-004\.md\n  v4 +2026-03-01  major  [0-9a-f]{7}  New clamp torque for the 2 mm sheet\n/);
    assert.match((await run(['history', root, '--format', 'md'], root)).stdout, /\| 4 \| 2026-03-01 \| major \| Kenji Tanaka \| k\.tanaka \| 2026-03-02 \|/);
    const csv = (await run(['history', root, '--format', 'csv'], root)).stdout.split('\r\n');
    assert.equal(csv[0], 'id,lang,file,version,change,date,author,approved_by,approved,commit,summary');
  });

  it('exits 2 with a one-line reason without history, and for an unknown document', async () => {
    const plain = tempDir('nogit');
    writeFiles(plain, { 'a.md': doc() });
    const result = await run(['history', plain], plain);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /^densho: no document history: .* is not in a Git work tree\n$/);
    const off = gitRepository([{ subject: 'Add', date: '2025-01-01', files: { 'densho.yaml': 'history: false\n', 'a.md': doc() } }]);
    assert.equal((await run(['history', off], off)).stderr, 'densho: no document history: history is off ("history: false" in densho.yaml)\n');
    assert.equal((await run(['history', root, 'SOP-NOPE-1'], root)).code, 2);
  });
});

describe('densho changes', () => {
  const root = gitRepository(COMMITS);

  it("for a translation: the source's sections changed since translated-from-version, and the diff", async () => {
    const result = await run(['changes', join(root, 'sops/sop-wld-004.ja.md'), '--format', 'json'], root);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout);
    assert.deepEqual({ ...report, fromCommit: undefined, diff: undefined }, {
      version: 1,
      file: 'sops/sop-wld-004.ja.md',
      source: 'sops/sop-wld-004.md',
      fromVersion: 3,
      fromCommit: undefined,
      fromDate: '2025-09-12',
      toVersion: 4,
      sections: [
        { heading: 'Scope', slug: 'scope', change: 'modified' },
        { heading: 'Steps', slug: 'steps', change: 'modified' },
      ],
      diff: undefined,
    });
    assert.equal(report.fromCommit, git(root, ['rev-list', '--max-parents=0', 'HEAD']).trim());
    assert.match(report.diff, /^--- a\/sops\/sop-wld-004\.md\n\+\+\+ b\/sops\/sop-wld-004\.md\n@@ /);
    assert.match(report.diff, /\n-1\. Clamp at 20 N·m\.\n\+1\. Clamp at 25 N·m\.\n/);
  });

  it('for a source: since its current revision, or --since-version; text output', async () => {
    const since = JSON.parse((await run(['changes', 'sops/sop-wld-004.md', '--format', 'json', '--since-version', '3'], root)).stdout);
    assert.equal(since.fromVersion, 3);
    const current = await run(['changes', 'sops/sop-wld-004.md'], root);
    assert.equal(current.code, 0, current.stderr);
    assert.match(current.stdout, /since version 4 \(2026-03-01, [0-9a-f]{7}\)/);
    assert.match(current.stdout, /~ modified {2}Scope #scope/, 'the editorial spacing change is still a change to show');
    const unknown = await run(['changes', 'sops/sop-wld-004.md', '--since-version', '9'], root);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /never had version 9 \(its revisions: 3, 4\)/);
  });
});

describe('densho check with history', () => {
  it('reports an uncommitted change as version/not-bumped, and nothing once the version is bumped', async () => {
    const root = gitRepository(COMMITS);
    writeFileSync(join(root, 'sops/sop-wld-004.md'), source(4, '30 N·m', { approved: '2026-03-02' }));
    const check = await run(['check', root, '--format', 'json', '--today', '2026-11-25'], root);
    const rules = JSON.parse(check.stdout).diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`);
    assert.ok(rules.includes('sops/sop-wld-004.md version/not-bumped'), rules.join('\n'));
    assert.ok(rules.includes('sops/sop-wld-004.ja.md translation/outdated'));
    writeFileSync(join(root, 'sops/sop-wld-004.md'), source(5, '30 N·m', { approved: '2026-03-02' }));
    const bumped = JSON.parse((await run(['check', root, '--format', 'json', '--today', '2026-11-25'], root)).stdout);
    assert.deepEqual(bumped.diagnostics.filter((d: { rule: string }) => d.rule.startsWith('version/')), []);
  });

  it('stays silent in a shallow clone and says why once with --verbose', async () => {
    const origin = gitRepository([...COMMITS, { subject: 'Unbumped', date: '2026-05-01', files: { 'sops/sop-wld-004.md': source(4, '30 N·m', { approved: '2026-03-02' }) } }]);
    const full = await run(['check', origin, '--format', 'json', '--today', '2026-11-25'], origin);
    assert.ok(JSON.parse(full.stdout).diagnostics.some((d: { rule: string }) => d.rule === 'version/not-bumped'), 'the full history sees the unbumped commit');
    const shallow = join(tempDir('shallow'), 'clone');
    git(origin, ['clone', '--quiet', '--depth', '1', `file://${origin}`, shallow]);
    const result = await run(['check', shallow, '--format', 'json', '--today', '2026-11-25', '--verbose'], shallow);
    assert.deepEqual(JSON.parse(result.stdout).diagnostics.filter((d: { rule: string }) => d.rule.startsWith('version/') || d.rule === 'approval/outdated'), []);
    assert.equal(result.stderr.match(/shallow clone/g)?.length, 1, result.stderr);
  });
});

describe('densho check --cache with history', () => {
  it('reuses the history while HEAD stays (one rev-parse, no log) and reads it again after a commit', () => {
    const root = gitRepository(COMMITS);
    const bin = tempDir('bin');
    const count = join(bin, 'count');
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$*" >> '${count}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(bin, 'git'), 0o755);
    const cli = resolve(__dirname, '..', '..', 'dist', 'cli.js');
    const check = () => {
      writeFileSync(count, '');
      const result = spawnSync(process.execPath, [cli, 'check', root, '--cache', '--format', 'json', '--today', '2026-11-25', '--verbose'], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
      const rules = JSON.parse(result.stdout).diagnostics.map((d: { rule: string }) => d.rule);
      return { runs: readFileSync(count, 'utf8').split('\n').filter(Boolean).length, rules, stderr: result.stderr };
    };
    const cold = check();
    assert.equal(cold.runs, 3, cold.stderr);
    const warm = check();
    assert.equal(warm.runs, 1, 'only rev-parse HEAD');
    assert.deepEqual(warm.rules, cold.rules);
    assert.match(warm.stderr, /document history reused/);
    commitTo(root, { subject: 'Unbumped', date: '2026-05-01', files: { 'sops/sop-wld-004.md': source(4, '30 N·m', { approved: '2026-03-02' }) } });
    const moved = check();
    assert.equal(moved.runs, 3);
    assert.ok(moved.rules.includes('version/not-bumped'), 'the new commit is seen');
  });
});

describe('densho report with history', () => {
  it('has a revision history per document and the register has the approval and revision dates', async () => {
    const root = gitRepository(COMMITS);
    const result = await run(['report', root, '--out', '-', '--today', '2026-11-25'], root);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /<h2>Revision history<\/h2>/);
    assert.match(result.stdout, /<tr><td>4<\/td><td>2026-03-01<\/td><td>Kenji Tanaka<\/td><td>k\.tanaka <span class="muted">2026-03-02<\/span><\/td><td>major<\/td><td>New clamp torque for the 2 mm sheet/);
    assert.match(result.stdout, /<td>2026-03-02<\/td>\n<td>2026-03-01<\/td>\n<\/tr>/, 'register: approved, revision date');
  });
  it('--at shows the register as in force on each side of a revision date', async () => {
    const root = gitRepository(COMMITS);
    const register = async (day: string) => {
      const result = await run(['report', root, '--out', '-', '--today', '2026-11-25', '--at', day], root);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`<h2>Document register as in force on ${day}</h2>`));
      const row = /<tr data-type[^>]*>\n<td>SOP-WLD-004<\/td>[\s\S]*?<\/tr>/.exec(result.stdout)?.[0] ?? '';
      const cells = [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((match) => match[1]!);
      return { version: cells[3], approved: cells[12], revisionDate: cells[13] };
    };
    assert.deepEqual(await register('2026-02-28'), { version: '3', approved: '2025-09-12', revisionDate: '2025-09-12' });
    assert.deepEqual(await register('2026-03-01'), { version: '4', approved: '2026-03-02', revisionDate: '2026-03-01' });
    assert.deepEqual(await register('2025-09-11'), { version: '<span class="badge none">not in force</span>', approved: '', revisionDate: '' });
  });

  it('--at without history, or with a bad date, stops with exit code 2 and the reason', async () => {
    const plain = tempDir('report-at');
    writeFiles(plain, { 'a.md': doc() });
    const noHistory = await run(['report', plain, '--out', '-', '--at', '2026-06-30'], plain);
    assert.equal(noHistory.code, 2);
    assert.match(noHistory.stderr, /^densho: no document history: .* is not in a Git work tree\n$/);
    const badDate = await run(['report', plain, '--out', '-', '--at', '30.6.2026'], plain);
    assert.equal(badDate.code, 2);
    assert.match(badDate.stderr, /--at must be a date YYYY-MM-DD, not "30\.6\.2026"/);
  });

  it('says so when there is no history', async () => {
    const plain = tempDir('report');
    writeFiles(plain, { 'a.md': doc() });
    const result = await run(['report', plain, '--out', '-', '--today', '2026-11-25'], plain);
    assert.match(result.stdout, /<p class="notice">This pack has no revision history: .* is not in a Git work tree\.<\/p>/);
  });
});
