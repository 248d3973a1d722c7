/**
 * Bringing an existing folder under Densho and into CI: configuration
 * discovery, the no-documents error, `--fix`, baselines, the CI formats and
 * `densho init`. Each case runs the CLI in-process on a temporary folder.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { doc } from '../helpers';
import { replaceFile } from '../../server/src/node/safeWrite';
import { ProgressLine } from '../../server/src/cli/progress';
import { runDensho as run, tempRepository as tempFolder } from '../support/cli';

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
  it('one document: only its findings, checked against the whole repository', async () => {
    const dir = tempFolder(files);
    const result = await run(['check', '../cutting/b.md', ...TODAY, '--format', 'json'], join(dir, 'sops', 'welding'));
    const report = JSON.parse(result.stdout);
    assert.equal(report.summary.documents, 1);
    assert.deepEqual(report.diagnostics.map((d: { file: string; rule: string }) => `${d.file} ${d.rule}`), ['sops/cutting/b.md link/file']);
    const ignored = await run(['check', 'densho.yaml', ...TODAY], dir);
    assert.equal(ignored.code, 2, 'a file that is not a document is no green run');
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

describe('densho check --fix', () => {
  const body = '# Welding\n\n## Steps\n\nSee [steps](#stepz) and [the form](form.md).\n';
  const files = () => ({
    'densho.yaml': 'standards: []\n',
    'sops/a.md': `---\nid: SOP-A-001\ntitl: Welding\naccess: internal\nowner: k.tanaka\nexpert: h.sato\nreviewed: 2020-01-01\n---\n${body}`,
    'sops/forms/form.md': doc({ id: 'FORM-A-001', type: 'form' }),
    'sops/crlf.md': '\ufeff---\r\nid: SOP-C-001\r\ntitle: C\r\naccess: internal\r\nowner: k.tanaka\r\nexpert: h.sato\r\nreviewed: 2026-06-01\r\n---\r\n# C\r\n\r\n## Steps\r\n\r\n[s](#step)\r\n',
    'sops/broken.md': '---\nid: SOP-B-001\ntitle: [unclosed\n---\n# B\n\n## Steps\n\n[s](#stepz)\n',
  });
  it('applies the safe fixes, says what changed per file, and reports only what is left', async () => {
    const dir = tempFolder(files());
    const result = await run(['check', '--fix', ...TODAY], dir);
    const fixed = readFileSync(join(dir, 'sops/a.md'), 'utf8');
    assert.equal(fixed, files()['sops/a.md'].replace('titl:', 'title:').replace('#stepz', '#steps').replace('(form.md)', '(forms/form.md)'));
    assert.match(result.stdout, /^sops\/a\.md: 3 fixes$/m);
    assert.match(result.stdout, /^ {2}Rename to "title" {2}\(frontmatter\/unknown-field\)$/m);
    assert.match(result.stdout, /densho --fix: 2 files changed/);
    // Left: the overdue review (a person must review it) and the broken YAML, whose file is not touched.
    const left = result.stdout.slice(result.stdout.indexOf('files changed'));
    assert.match(left, /sops\/a\.md\n {2}7:11 +warning +Review overdue[^\n]*review\/overdue\n\n/);
    assert.match(left, /sops\/broken\.md\n[^\n]*frontmatter\/yaml\n[^\n]*link\/heading\n/);
    assert.doesNotMatch(left, /sops\/crlf\.md/);
    assert.equal(readFileSync(join(dir, 'sops/broken.md'), 'utf8'), files()['sops/broken.md'], 'a document whose YAML is broken is left alone');
    assert.equal(readFileSync(join(dir, 'sops/crlf.md'), 'utf8'), files()['sops/crlf.md'].replace('#step)', '#steps)'), 'BOM and CRLF kept');
    assert.equal(result.code, 1);
  });
  it('puts the Japanese keyboard\'s full-width mistakes right, and the document keeps its id for the others', async () => {
    const typed = '---\nid：SOP-J-001\ntitle: 溶接：手順\naccess：internal\nowner　: k.tanaka\nexpert:　h.sato\nreviewed: ２０２６-０６-０１\nversion: ３\n---\n＃ 溶接\n\n＃＃　安全\n\n[安全](#安全) と [B](b.md＃b)\n';
    const dir = tempFolder({ 'densho.yaml': 'standards: []\n', 'sops/j.md': typed, 'sops/b.md': doc({ id: 'SOP-B-001', related: '[SOP-J-001]' }, '# B\n') });
    const result = await run(['check', '--fix', ...TODAY], dir);
    assert.equal(
      readFileSync(join(dir, 'sops/j.md'), 'utf8'),
      '---\nid: SOP-J-001\ntitle: 溶接：手順\naccess: internal\nowner: k.tanaka\nexpert: h.sato\nreviewed: 2026-06-01\nversion: 3\n---\n# 溶接\n\n## 安全\n\n[安全](#安全) と [B](b.md#b)\n',
    );
    assert.match(result.stdout, /^sops\/j\.md: 9 fixes$/m);
    assert.doesNotMatch(result.stdout.slice(result.stdout.indexOf('files changed')), /full-width|link\/id|related/);
  });
  it('is idempotent: a second run changes nothing', async () => {
    const dir = tempFolder(files());
    await run(['check', '--fix', ...TODAY], dir);
    const after = readFileSync(join(dir, 'sops/a.md'), 'utf8');
    const again = await run(['check', '--fix', ...TODAY], dir);
    assert.match(again.stdout, /densho --fix: nothing to fix/);
    assert.equal(readFileSync(join(dir, 'sops/a.md'), 'utf8'), after);
  });
  it('never states what a person must decide: no owner, no review date, no layer', async () => {
    const dir = tempFolder({ 'densho.yaml': 'standards: []\n', 'sops/sop-x-001.md': '---\nid: SOP-X-001\ntitle: X\n---\n# X\n' });
    const result = await run(['check', '--fix', ...TODAY, '--format', 'json'], dir);
    assert.equal(readFileSync(join(dir, 'sops/sop-x-001.md'), 'utf8'), '---\nid: SOP-X-001\ntitle: X\n---\n# X\n');
    const left = JSON.parse(result.stdout).diagnostics.map((d: { rule: string; message: string }) => d.message);
    assert.deepEqual(left.sort(), ['Required field "access" is missing.', 'Required field "owner" is missing.', 'Required field "reviewed" is missing.', 'A sop must name its "expert" source: whose know-how it records.'].sort());
    assert.match(result.stderr, /nothing to fix/, 'with --format json, what changed goes to stderr');
  });
  it('writes no file through a symbolic link, and none that changed since it was read', () => {
    const dir = tempFolder({ 'outside/a.md': 'outside\n', 'repo/sops/b.md': 'b\n' });
    symlinkSync(join(dir, 'outside'), join(dir, 'repo', 'linked'));
    symlinkSync(join(dir, 'outside', 'a.md'), join(dir, 'repo', 'sops', 'a.md'));
    const root = join(dir, 'repo');
    assert.throws(() => replaceFile(root, 'linked/a.md', 'changed\n', 'outside\n'), /symbolic link/);
    assert.throws(() => replaceFile(root, 'sops/a.md', 'changed\n', 'outside\n'), /symbolic link/);
    assert.throws(() => replaceFile(root, 'sops/b.md', 'changed\n', 'something else\n'), /changed while/);
    assert.throws(() => replaceFile(root, '../outside/a.md', 'changed\n', 'outside\n'), /outside the repository/);
    assert.equal(readFileSync(join(dir, 'outside/a.md'), 'utf8'), 'outside\n');
    assert.equal(readFileSync(join(dir, 'repo/sops/b.md'), 'utf8'), 'b\n');
    replaceFile(root, 'sops/b.md', 'changed\n', 'b\n');
    assert.equal(readFileSync(join(dir, 'repo/sops/b.md'), 'utf8'), 'changed\n');
  });
});

describe('baseline', () => {
  const files = () => ({
    'densho.yaml': 'standards: []\n',
    'sops/a.md': doc({ id: 'SOP-A-001', reviewed: '2020-01-01' }, '# A\n\nSee [x](missing.md).\n'),
    'sops/b.md': doc({ id: 'SOP-B-001' }),
  });
  it('round trip: recorded findings stay hidden after edits elsewhere in the file and on later days; a new one is reported', async () => {
    const dir = tempFolder(files());
    const update = await run(['check', ...TODAY, '--baseline', 'densho-baseline.json', '--update-baseline'], dir);
    assert.equal(update.code, 0, update.stdout + update.stderr);
    assert.match(update.stderr, /wrote 2 findings to the baseline densho-baseline\.json/);
    const recorded = JSON.parse(readFileSync(join(dir, 'densho-baseline.json'), 'utf8'));
    assert.deepEqual(recorded.findings.map((entry: { rule: string; file: string }) => `${entry.file} ${entry.rule}`), ['sops/a.md link/file', 'sops/a.md review/overdue']);
    assert.doesNotMatch(JSON.stringify(recorded), /"line"/, 'keyed by fingerprint, not by line');

    // Lines added above both findings, a day later: still the same findings.
    const a = join(dir, 'sops/a.md');
    writeFileSync(a, readFileSync(a, 'utf8').replace('# A\n', '# A\n\nA new paragraph\nover two lines.\n'));
    const later = await run(['check', '--today', '2026-11-26', '--baseline', 'densho-baseline.json', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(later.stdout).diagnostics, []);
    assert.equal(later.code, 0);

    // A second broken link, and the same problem again in another file: new.
    writeFileSync(a, `${readFileSync(a, 'utf8')}\nAnd [y](gone.md).\n`);
    writeFileSync(join(dir, 'sops/b.md'), doc({ id: 'SOP-B-001' }, '# B\n\nSee [x](missing.md).\n'));
    const fresh = await run(['check', ...TODAY, '--baseline', 'densho-baseline.json', '--format', 'json'], dir);
    assert.deepEqual(JSON.parse(fresh.stdout).diagnostics.map((d: { file: string; line: number; rule: string }) => `${d.file}:${d.line} ${d.rule}`), ['sops/a.md:16 link/file', 'sops/b.md:11 link/file']);
    assert.equal(fresh.code, 1);
  });
  it('SARIF marks each reported result new to the baseline', async () => {
    const dir = tempFolder(files());
    await run(['check', ...TODAY, '--baseline', 'base.json', '--update-baseline'], dir);
    writeFileSync(join(dir, 'sops/b.md'), doc({ id: 'SOP-B-001' }, '# B\n\nSee [x](nothing.md).\n'));
    const sarif = JSON.parse((await run(['check', ...TODAY, '--baseline', 'base.json', '--format', 'sarif'], dir)).stdout);
    assert.deepEqual(sarif.runs[0].results.map((result: { ruleId: string; baselineState: string }) => `${result.ruleId} ${result.baselineState}`), ['link/file new']);
  });
  it('a missing or foreign baseline file is a usage error', async () => {
    const dir = tempFolder({ ...files(), 'other.json': '{"findings": 3}' });
    const missing = await run(['check', ...TODAY, '--baseline', 'none.json'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the baseline none\.json/);
    assert.equal((await run(['check', ...TODAY, '--baseline', 'other.json'], dir)).code, 2);
    assert.equal((await run(['check', ...TODAY, '--update-baseline'], dir)).code, 2);
  });
});

describe('CI formats', () => {
  const hostile = 'Evil\n::error file=x.md::forged,title=a:b %0A';
  const files = () => ({
    'densho.yaml': 'standards: []\n',
    'sops/a.md': doc({ id: 'SOP-A-001', reviewed: '2020-01-01' }, '# A\n\nSee [x](missing.md).\n'),
    // A quoted YAML key may hold anything, line breaks included; its name is quoted in the message.
    'sops/b.md': doc({ id: 'SOP-B-001', [JSON.stringify(hostile)]: '1' }),
  });
  /** Reads workflow commands back as GitHub's runner does. */
  function parseCommands(output: string) {
    const unescape = (text: string) => text.replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
    return output.trimEnd().split('\n').map((line) => {
      const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      assert.ok(match, `a workflow command: ${line}`);
      const properties = Object.fromEntries(match[2]!.split(',').map((pair) => pair.split('=')).map(([key, value]) => [key, unescape(value!)]));
      return { command: match[1], properties, message: unescape(match[3]!) };
    });
  }
  it('github: one workflow command per finding with file, line, col, endLine, endColumn and the rule as title', async () => {
    const dir = tempFolder(files());
    const result = await run(['check', ...TODAY, '--format', 'github'], dir);
    const commands = parseCommands(result.stdout);
    const link = commands.find((command) => command.properties.title === 'link/file')!;
    assert.deepEqual(link.properties, { file: 'sops/a.md', line: '11', endLine: '11', col: '9', endColumn: '19', title: 'link/file' });
    assert.equal(link.command, 'error');
    assert.equal(commands.find((command) => command.properties.title === 'review/overdue')!.command, 'warning');
    assert.equal(result.code, 1);
  });
  it('github: a hostile title in a message never makes a second command line, and reads back exactly', async () => {
    const dir = tempFolder(files());
    const result = await run(['check', ...TODAY, '--format', 'github'], dir);
    const lines = result.stdout.trimEnd().split('\n');
    assert.ok(lines.every((line) => /^::(error|warning|notice) /.test(line)), 'every line is one of ours');
    assert.equal(lines.length, parseCommands(result.stdout).length);
    const unknown = parseCommands(result.stdout).find((command) => command.properties.title === 'frontmatter/unknown-field')!;
    assert.ok(unknown.message.includes(`"${hostile}"`), unknown.message);
    assert.equal(unknown.properties.file, 'sops/b.md');
  });
  it('github: paths are named from the Git work tree top, where the runner resolves them', async () => {
    const dir = tempFolder({ '.git/HEAD': 'ref: refs/heads/main\n', ...Object.fromEntries(Object.entries(files()).map(([path, text]) => [`qms/${path}`, text])) });
    const result = await run(['check', 'qms', ...TODAY, '--format', 'github'], dir);
    assert.ok(parseCommands(result.stdout).filter((command) => command.properties.file).every((command) => command.properties.file!.startsWith('qms/sops/')));
  });
  it('codequality: GitLab Code Quality JSON, valid against its documented shape, fingerprints unique', async () => {
    const Ajv = (await import('ajv')).default;
    // The fields GitLab documents for a Code Quality report (a subset of the Code Climate issue spec).
    const schema = {
      type: 'array',
      items: {
        type: 'object',
        required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
        properties: {
          description: { type: 'string', minLength: 1 },
          check_name: { type: 'string', minLength: 1 },
          fingerprint: { type: 'string', minLength: 1 },
          severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
          location: {
            type: 'object',
            required: ['path', 'lines'],
            properties: { path: { type: 'string', minLength: 1 }, lines: { type: 'object', required: ['begin'], properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } } } },
          },
        },
      },
    };
    // The same broken link on two identical lines: two issues, two fingerprints.
    const dir = tempFolder({ ...files(), 'sops/c.md': doc({ id: 'SOP-C-001' }, '# C\n\nSee [x](missing.md).\n\nSee [x](missing.md).\n') });
    const result = await run(['check', ...TODAY, '--format', 'codequality'], dir);
    const report = JSON.parse(result.stdout);
    const validate = new Ajv({ strict: true }).compile(schema);
    assert.ok(validate(report as unknown), JSON.stringify(validate.errors));
    assert.ok(report.length >= 3);
    assert.equal(new Set(report.map((issue: { fingerprint: string }) => issue.fingerprint)).size, report.length);
    const link = report.find((issue: { check_name: string }) => issue.check_name === 'link/file');
    assert.deepEqual([link.severity, link.location], ['major', { path: 'sops/a.md', lines: { begin: 11, end: 11 } }]);
  });
});

/** A Git history with fixed dates and a fixed author, one commit per entry. */
function commitAll(dir: string, date: string, paths: string[] = ['.']): void {
  const env = { ...process.env, GIT_AUTHOR_DATE: `${date}T10:00:00Z`, GIT_COMMITTER_DATE: `${date}T10:00:00Z`, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };
  const git = (...args: string[]) => {
    const result = spawnSync('git', ['-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, env, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  };
  if (!existsSync(join(dir, '.git'))) git('init', '-q');
  git('add', '--', ...paths);
  git('commit', '-q', '-m', `as of ${date}`);
}

describe('densho init', () => {
  const plain = () => ({
    'LICENSE.md': 'MIT License\n',
    'README.md': '# Our QMS\n',
    'CONTRIBUTING.md': '# Contributing\n',
    'templates/sop.md': '# {{title}}\n',
    'vendor/iso-notes/readme.md': '# Notes\n',
    'sops/welding/sop-wld-004.md': '# TIG welding of stainless fixtures\n\n## Steps\n\n1. Clean.\n',
    'sops/welding/sop-wld-004.ja.md': '# ステンレス治具のTIG溶接\n\n## 手順\n\n1. 清掃する。\n',
    'sops/溶接手順.md': '# 溶接の手順\n\n本文。\n',
    'sops/line-a/intro.md': '# Introduction\n\nLine A.\n',
    'sops/line-b/intro.md': '# Introduction\n\nLine B, see [A](../line-a/intro.md#introductoin).\n',
    'forms/ncr-form.md': '# Nonconformity report\n\n| Field | Value |\n| --- | --- |\n',
  });
  it('from plain Markdown to only what a person must decide: init, init --front-matter, check --fix', async () => {
    const dir = tempFolder(plain());
    commitAll(dir, '2026-02-01');
    writeFileSync(join(dir, 'sops/line-a/intro.md'), '# Introduction\n\nLine A, revised.\n');
    commitAll(dir, '2026-05-20');

    const init = await run(['init'], dir);
    assert.equal(init.code, 0, init.stderr);
    assert.match(init.stdout, /^created densho\.yaml$/m);
    const config = readFileSync(join(dir, 'densho.yaml'), 'utf8');
    assert.match(config, /^docs: \["forms\/\*\*\/\*\.md", "sops\/\*\*\/\*\.md"\]$/m);
    assert.match(config, /^languages: \["en", "ja"\]$/m);
    for (const ignored of ['LICENSE.md', 'README.md', 'CONTRIBUTING.md', 'templates/**', 'vendor/**']) assert.ok(config.includes(JSON.stringify(ignored)), `${ignored} in ignore: ${config}`);
    assert.match(config, /^# /m, 'commented for a first-time reader');

    const frontMatter = await run(['init', '--front-matter'], dir);
    assert.equal(frontMatter.code, 0, frontMatter.stderr);
    assert.match(frontMatter.stdout, /kept densho\.yaml \(it exists; not overwritten\)/);
    assert.match(frontMatter.stdout, /front matter added to 6 documents/);
    assert.equal(readFileSync(join(dir, 'LICENSE.md'), 'utf8'), 'MIT License\n');
    assert.equal(readFileSync(join(dir, 'README.md'), 'utf8'), '# Our QMS\n');
    assert.equal(
      readFileSync(join(dir, 'sops/welding/sop-wld-004.ja.md'), 'utf8'),
      '---\nid: SOP-WLD-004\ntitle: "ステンレス治具のTIG溶接"\ntype: sop\nlang: ja\ntranslated-from-version:\naccess:\nowner:\nexpert:\nreviewed: 2026-02-01\nversion: 1\n---\n\n# ステンレス治具のTIG溶接\n\n## 手順\n\n1. 清掃する。\n',
    );
    assert.match(readFileSync(join(dir, 'sops/line-a/intro.md'), 'utf8'), /^---\nid: SOP-INTRO\n[^]*\nreviewed: 2026-05-20\n/);
    assert.match(readFileSync(join(dir, 'sops/line-b/intro.md'), 'utf8'), /^---\nid: SOP-INTRO-2\ntitle: "Introduction"\n/);
    assert.match(readFileSync(join(dir, 'sops/溶接手順.md'), 'utf8'), /^---\nid: SOP-001\ntitle: "溶接の手順"\n/);
    assert.match(readFileSync(join(dir, 'forms/ncr-form.md'), 'utf8'), /^---\nid: NCR-FORM\ntitle: "Nonconformity report"\ntype: form\naccess:\nowner:\nreviewed: 2026-02-01\nversion: 1\n---\n/);

    const fixed = await run(['check', '--fix', ...TODAY, '--format', 'json'], dir);
    const report = JSON.parse(fixed.stdout);
    assert.equal(report.summary.documents, 6);
    // The misspelt anchor was a safe fix; what is left is a person's to-do: who owns it, whose know-how, who may see it, which version was translated, which clauses are covered.
    assert.match(readFileSync(join(dir, 'sops/line-b/intro.md'), 'utf8'), /\(\.\.\/line-a\/intro\.md#introduction\)/);
    const left = new Set<string>(report.diagnostics.map((d: { rule: string; message: string }) => (d.rule === 'frontmatter/required' ? `${d.rule} ${/"([a-z-]+)"/.exec(d.message)![1]}` : d.rule)));
    assert.deepEqual([...left].sort(), ['frontmatter/required access', 'frontmatter/required expert', 'frontmatter/required owner', 'frontmatter/required translated-from-version', 'iso/gap']);
    assert.ok(!report.diagnostics.some((d: { file: string }) => /LICENSE|README|CONTRIBUTING|templates|vendor/.test(d.file)));
    const again = await run(['check', '--fix', ...TODAY], dir);
    assert.match(again.stdout, /nothing to fix/);
  });
  it('never overwrites: a second init keeps every file as it was', async () => {
    const dir = tempFolder({ 'densho.yaml': 'docs: ["x/**/*.md"]\n', 'people.yaml': 'a.b: {}\n', 'x/a.md': '# A\n' });
    const result = await run(['init'], dir);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /kept densho\.yaml[^]*kept people\.yaml[^]*created training\.yaml/);
    assert.equal(readFileSync(join(dir, 'densho.yaml'), 'utf8'), 'docs: ["x/**/*.md"]\n');
    assert.equal(readFileSync(join(dir, 'people.yaml'), 'utf8'), 'a.b: {}\n');
  });
  it('the skeletons it writes are valid: no config/invalid from densho.yaml or people.yaml', async () => {
    const dir = tempFolder({ 'sops/a.md': '# A\n' });
    await run(['init', '--front-matter'], dir);
    const report = JSON.parse((await run(['check', ...TODAY, '--format', 'json'], dir)).stdout);
    assert.deepEqual(report.diagnostics.filter((d: { rule: string }) => d.rule === 'config/invalid'), []);
  });
});

describe('the progress line', () => {
  it('stays quiet for the first second, then shows the phase and documents done of total on one line, cleared at the end', () => {
    let written = '';
    let clock = 0;
    const progress = new ProgressLine((text) => (written += text), () => clock);
    progress.update('reading', 10, 1000);
    clock = 900;
    progress.update('reading', 500, 1000);
    assert.equal(written.length, 0, 'nothing in the first second');
    clock = 1200;
    progress.update('reading', 800, 1000);
    clock = 1250;
    progress.update('reading', 820, 1000);
    clock = 1400;
    progress.update('checking', 1000, 1000);
    assert.equal(written, '\r\u001b[2Kdensho: reading 800/1000 documents\r\u001b[2Kdensho: checking 1000/1000 documents', 'redrawn at most every 100 ms');
    progress.finish();
    assert.ok(written.endsWith('\r\u001b[2K'), 'cleared before the results');
  });
  it('is never drawn when stderr is not a terminal (pipes, CI logs)', async () => {
    const dir = tempFolder({ 'densho.yaml': 'standards: []\n', 'sops/a.md': doc({ id: 'SOP-A-001' }) });
    assert.equal(ProgressLine.for({ cwd: dir, stdout: () => {}, stderr: () => {}, color: false }), undefined);
    const result = await run(['check', ...TODAY], dir);
    assert.equal(result.stderr, '');
  });
});
