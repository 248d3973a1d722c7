/**
 * A pull request as an attacker writes it, checked by the built CLI under a
 * watchdog: what used to take minutes must finish at all within 30 s, with
 * a diagnostic instead of a stall, a crash or forged output.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chmodSync, closeSync, mkdirSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { doc } from '../helpers';
import { runCliWithWatchdog, tempRepository } from '../support/watchdog';

const TODAY = ['--today', '2026-11-25', '--format', 'json'];

describe('hostile pull requests: no hang', () => {
  it('an id-pattern with nested quantifiers and a 34-character id that does not match', () => {
    const dir = tempRepository({
      'densho.yaml': 'id-pattern: "^([A-Z]+)+$"\nstandards: []\n',
      'sops/a.md': doc({ id: `${'A'.repeat(34)}!` }),
    });
    const result = runCliWithWatchdog(['check', dir, ...TODAY]);
    const rules = JSON.parse(result.stdout).diagnostics.map((d: { rule: string }) => d.rule);
    assert.deepEqual(rules, ['id/pattern']);
  });
  it('docs and ignore globs with six stars against a file named with 100 a', () => {
    const name = `${'a'.repeat(100)}.md`;
    for (const key of ['docs', 'ignore']) {
      const dir = tempRepository({
        'densho.yaml': `${key}: ["**/*a*a*a*a*a*a*b.md"]\nstandards: []\n`,
        [`sops/${name}`]: doc(),
        'sops/x.md': doc({ id: 'SOP-X-001' }),
      });
      const result = runCliWithWatchdog(['check', dir, ...TODAY]);
      // Neither file ends in b.md: as docs the glob matches nothing (exit 2, naming the glob), as ignore it ignores nothing.
      if (key === 'docs') {
        assert.equal(result.code, 2);
        assert.match(result.stderr, /\*\*\/\*a\*a\*a\*a\*a\*a\*b\.md/);
      } else assert.equal(JSON.parse(result.stdout).summary.documents, 2);
    }
  });
  it('people.yaml with 100,000 people', () => {
    const people = Array.from({ length: 100_000 }, (_, i) => `p${i}:\n  name: Person ${i}\n`).join('');
    const dir = tempRepository({ 'densho.yaml': 'standards: []\n', 'people.yaml': `${people}p7:\n  name: again\n`, 'sops/a.md': doc({ owner: 'p1', expert: 'p2' }) });
    const result = runCliWithWatchdog(['check', dir, ...TODAY]);
    const diagnostics = JSON.parse(result.stdout).diagnostics.map((d: { file: string; line: number; rule: string }) => `${d.file}:${d.line} ${d.rule}`);
    assert.ok(diagnostics.includes('people.yaml:200001 config/invalid'), 'the repeated key is found, at its line');
  });
  it('a document with 80,000 front matter keys', () => {
    const keys = Array.from({ length: 80_000 }, (_, i) => `k${i}: v`).join('\n');
    const dir = tempRepository({ 'densho.yaml': 'standards: []\n', 'sops/a.md': `---\nid: SOP-A-001\ntitle: T\n${keys}\n---\n# T\n` });
    const result = runCliWithWatchdog(['check', dir, ...TODAY]);
    const diagnostics = JSON.parse(result.stdout).diagnostics.map((d: { file: string; line: number; rule: string }) => `${d.file}:${d.line} ${d.rule}`);
    assert.ok(diagnostics.includes('sops/a.md:1002 file/too-large'), 'the ceiling of 1,000 keys is reported at the first key past it');
    assert.equal(diagnostics.filter((d: string) => d.endsWith('frontmatter/unknown-field')).length, 998, 'keys past the ceiling are not read');
  });
});

/** Front matter values written as YAML double-quoted strings, so they can hold ESC, BEL, CR and newlines. */
const FORGING_TITLE = '"Weld\\e[2J\\e]0;pwned\\a\\r\\n::error file=x.md,line=1::forged\\u202e"';
const FORGING_PEOPLE = 'k.tanaka:\n  name: "Ken\\e[31m\\nji"\n  role: "QM\\r\\n::warning::x"\n  leaves: 2026-12-01\n';

function assertInert(output: string): void {
  assert.doesNotMatch(output, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/, 'no control character but newline and tab reaches the terminal');
  assert.doesNotMatch(output, /^\s*::/m, 'no line of its own for a workflow command');
}

describe('hostile pull requests: nothing forged in what is printed', () => {
  const dir = tempRepository({
    'densho.yaml': 'standards: []\n',
    'people.yaml': FORGING_PEOPLE,
    'sops/a.md': doc({ title: FORGING_TITLE, owner: 'k.tanaka', expert: 'k.tanaka', reviewed: '2025-01-01', id: '"SOP-A-001\\e[0m"' }),
  });
  it('check, review and risk show control characters escaped, on the line of their field', () => {
    for (const command of ['check', 'review', 'risk']) {
      const output = runCliWithWatchdog([command, dir, '--today', '2026-11-25']).stdout;
      assertInert(output);
      if (command !== 'check') assert.ok(output.includes('Weld\\u001b[2J\\u001b]0;pwned\\u0007\\r\\n::error file=x.md,line=1::forged\\u202e'), output);
    }
    const check = runCliWithWatchdog(['check', dir, '--today', '2026-11-25']).stdout;
    assert.ok(check.includes('Id "SOP-A-001\\u001b[0m" does not match'), check);
  });
  it('coverage --format md keeps every title inside its cell as text: pipes, newlines, HTML, links, images', () => {
    const title = '"A | B\\nC <img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](https://evil.example/t.png) https://evil.example www.evil.example a@b.example"';
    const repo = tempRepository({
      'densho.yaml': 'standards: [std.yaml]\n',
      'std.yaml': `id: std\ntitle: ${title}\nclauses:\n  - number: "1"\n    title: ${title}\n    documented: true\n`,
      'sops/a.md': doc({ title, std: '[1]' }),
    });
    const output = runCliWithWatchdog(['coverage', repo, '--format', 'md', '--today', '2026-11-25']).stdout;
    const row = output.split('\n').find((line) => line.startsWith('| 1 |'))!;
    assert.equal(output.split('\n').filter((line) => line.startsWith('|')).length, 3, 'header, rule and one clause row: no line broken off');
    assert.equal(row.replace(/\\\|/g, '').split('|').length, 7, `five cells in ${row}`);
    assert.doesNotMatch(output, /(?<!\\)[<[]|(?<!\\)\]|https?:|www\.|(?<!\\)@/, 'no raw HTML, link, image, URL or mail address');
  });
  it('coverage --format csv escapes every formula lead, TAB and CR included', () => {
    const repo = tempRepository({
      'densho.yaml': 'standards: [std.yaml]\n',
      'std.yaml': 'id: std\ntitle: S\nclauses:\n  - number: "1"\n    title: "\\t=cmd|\' /C calc\'!A0"\n  - number: "2"\n    title: "\\r=1+1"\n  - number: "3"\n    title: "@SUM(1)"\n  - number: "4"\n    title: "＝1+1"\n',
    });
    const output = runCliWithWatchdog(['coverage', repo, '--format', 'csv', '--today', '2026-11-25']).stdout;
    const titles = output.split('\r\n').slice(1, -1).map((line) => line.split(',')[1]);
    for (const title of titles) assert.match(title!, /^"?'/, `formula lead neutralised in ${JSON.stringify(title)}`);
  });
});

describe('hostile pull requests: nothing skipped in silence', () => {
  const check = (dir: string, unprivileged = false) => {
    const result = runCliWithWatchdog(['check', dir, ...TODAY], { unprivileged });
    return (JSON.parse(result.stdout).diagnostics as { file: string; rule: string; message: string }[]).filter((d) => d.rule !== 'people/unknown');
  };
  it('a file without read permission gets file/unreadable (run as an unprivileged user, for root reads anything)', () => {
    const dir = tempRepository({ 'densho.yaml': 'standards: []\n', 'sops/locked.md': doc(), 'sops/open.md': doc({ id: 'SOP-O-001' }) });
    chmodSync(join(dir, 'sops/locked.md'), 0o000);
    const diagnostics = check(dir, true);
    assert.deepEqual(diagnostics.map((d) => [d.file, d.rule]), [['sops/locked.md', 'file/unreadable']]);
    assert.match(diagnostics[0]!.message, /no permission/);
  });
  it('a file name that is not valid UTF-8 gets file/unreadable, with the bad byte shown', () => {
    const dir = tempRepository({ 'densho.yaml': 'standards: []\n', 'sops/ok.md': doc({ id: 'SOP-O-001' }) });
    writeFileSync(Buffer.concat([Buffer.from(join(dir, 'sops/caf')), Buffer.from([0xe9]), Buffer.from('.md')]), doc());
    const diagnostics = check(dir);
    assert.deepEqual(diagnostics.map((d) => [d.file, d.rule]), [['sops/caf\ufffd.md', 'file/unreadable']]);
    assert.match(diagnostics[0]!.message, /not valid UTF-8/);
  });
  it('a 600 MB document is reported as too large, by its size, and max-document-size cannot lift the ceiling', () => {
    const dir = tempRepository({ 'densho.yaml': 'max-document-size: 1GB\nstandards: []\n' });
    mkdirSync(join(dir, 'sops'));
    // Sparse: 600 MB long, next to nothing on disk.
    const descriptor = openSync(join(dir, 'sops/huge.md'), 'w');
    ftruncateSync(descriptor, 600 * 1024 * 1024);
    closeSync(descriptor);
    const diagnostics = check(dir);
    assert.deepEqual(diagnostics.map((d) => [d.file, d.rule]), [['densho.yaml', 'config/invalid'], ['sops/huge.md', 'file/too-large']]);
    assert.match(diagnostics[1]!.message, /600\.0 MB/);
  });
});
