/**
 * Hostile input at the engine: patterns and globs from densho.yaml, keys
 * named like Object.prototype's members, ceilings a pull request cannot
 * raise, and files that cannot be read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completions, hover, LineIndex, loadWorkspace, MemoryFileSystem, parseConfig, parseDay, planExport, UnreadableFileError } from '../../server/src/engine';
import { compileGlobs } from '../../server/src/engine/documentGlobs';
import { fillTemplate } from '../../server/src/engine/templates';
import { diagnosticsOf, doc, findings, PEOPLE, repository, text } from '../helpers';

/** Keys that name members of Object.prototype. */
const PROTOTYPE_KEYS = ['__proto__', 'hasOwnProperty', 'valueOf', 'constructor', 'toString', '__defineGetter__'];

describe('patterns and globs from densho.yaml', () => {
  it('refuses an id-pattern with a backreference or lookaround, naming the construct, and keeps the default', () => {
    for (const [pattern, construct] of [['^(A)\\1$', '\\1'], ['^(?=A)[A-Z]+$', '(?=']] as const) {
      const result = parseConfig(`id-pattern: '${pattern}'\n`);
      assert.equal(result.findings.length, 1);
      assert.equal(result.findings[0]!.rule, 'config/invalid');
      assert.ok(text(result.findings[0]!.message).includes(construct), text(result.findings[0]!.message));
      assert.equal(result.config.idPattern.source, '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$');
    }
  });
  it('keeps ordinary id-patterns working: anchors, classes, counts, Unicode classes, unanchored search', async () => {
    const cases: [string, string, boolean][] = [
      ['^[A-Z]{2,4}-\\d{3}$', 'SOP-001', true],
      ['^[A-Z]{2,4}-\\d{3}$', 'SOP-01', false],
      ['^\\p{Lu}+-\\d+$', 'ÄB-1', true],
      ['-\\d+$', 'anything-12', true],
      ['^([A-Z]+)+$', `${'A'.repeat(34)}!`, false],
    ];
    for (const [pattern, id, matches] of cases) {
      const { config, findings: problems } = parseConfig(`id-pattern: '${pattern}'\n`);
      assert.deepEqual(problems, []);
      assert.equal(config.idPattern.test(id), matches, `${pattern} on ${id}`);
    }
    const workspace = await repository({ 'densho.yaml': "id-pattern: '^([A-Z]+)+$'\nstandards: []\n", 'a.md': doc({ id: `${'A'.repeat(34)}!` }) });
    assert.deepEqual(findings(workspace, 'id/pattern'), ['a.md:2:5 warning id/pattern']);
  });
  it('globs: *, **, ?, sets, braces and escapes as a shell has them; dot-folders only when named', () => {
    const matches = (glob: string, path: string, dot = false) => (compileGlobs([glob], { dot }) as (path: string) => boolean)(path);
    assert.ok(matches('**/*.md', 'a.md') && matches('**/*.md', 'a/b/c.md') && !matches('**/*.md', 'a.txt'));
    assert.ok(!matches('**/*.md', '.github/a.md') && matches('**/*.md', '.github/a.md', true) && matches('.github/**/*.md', '.github/w/a.md'));
    const both = compileGlobs(['**/*.md', '.github/**/*.md'], { dot: false }) as (path: string) => boolean;
    assert.ok(both('.github/w/a.md') && both('a/b.md') && !both('.vscode/a.md'), 'naming one dot-folder opens only that one');
    assert.ok(matches('sops/**', 'sops/a/b.md') && matches('sops/**', 'sops') && !matches('sops/**', 'sopsx/a.md'));
    assert.ok(matches('a/**/b/*.md', 'a/b/x.md') && matches('a/**/b/*.md', 'a/q/r/b/x.md') && !matches('a/**/b/*.md', 'a/q/x.md'));
    assert.ok(matches('*.md', 'x.md') && !matches('*.md', 'a/x.md'));
    assert.ok(matches('sops/[a-c]?.md', 'sops/b1.md') && !matches('sops/[a-c]?.md', 'sops/d1.md') && matches('[!x]*.md', 'a.md') && !matches('[!x]*.md', 'xa.md'));
    assert.ok(matches('**/*.{md,markdown}', 'a/x.markdown') && matches('{a,b{c,d}}/*.md', 'bd/x.md') && !matches('{a,b}/*.md', 'c/x.md'));
    assert.ok(matches('\\*.md', '*.md') && !matches('\\*.md', 'x.md') && matches('a+(b).md', 'a+(b).md'));
  });
  it('a long list of ordinary globs is accepted; more than 1,000 globs in one list is config/invalid', async () => {
    const ignore = Array.from({ length: 40 }, (_, i) => `archive/old-${i}/**/*-draft-*.md`);
    const { config, findings: problems } = parseConfig(`ignore: ${JSON.stringify(ignore)}\n`);
    assert.deepEqual(problems, []);
    const workspace = await repository({ 'densho.yaml': `ignore: ${JSON.stringify(ignore)}\nstandards: []\n`, 'archive/old-7/x/a-draft-1.md': doc(), 'a.md': doc({ id: 'SOP-B-001' }) });
    assert.deepEqual(workspace.documentPaths(), ['a.md']);
    assert.equal(config.ignore.length, 40);
    const tooMany = parseConfig(`docs: ${JSON.stringify(Array.from({ length: 1_001 }, (_, i) => `d${i}/*.md`))}\n`);
    assert.deepEqual(tooMany.findings.map((finding) => finding.rule), ['config/invalid']);
    assert.match(text(tooMany.findings[0]!.message), /1001 globs, more than 1000/);
  });
  it('a glob with six stars decides a 100-character name; an unclosed brace is config/invalid', () => {
    const evil = compileGlobs(['**/*a*a*a*a*a*a*b.md'], { dot: false }) as (path: string) => boolean;
    assert.equal(evil(`x/${'a'.repeat(100)}.md`), false);
    assert.equal(evil(`x/${'a'.repeat(100)}b.md`), true);
    const result = parseConfig('docs: ["{a,b"]\n');
    assert.deepEqual(result.findings.map((finding) => [finding.rule, finding.range.start.line]), [['config/invalid', 0]]);
    assert.match(text(result.findings[0]!.message), /never closed/);
    assert.deepEqual(result.config.docs, ['**/*.md']);
  });
});

describe('keys named like members of Object.prototype', () => {
  it('in front matter: each is an unknown field, and checking, coverage and reports go on', async () => {
    const extra = Object.fromEntries(PROTOTYPE_KEYS.map((key, index) => [key, String(index)]));
    const workspace = await repository({ 'people.yaml': PEOPLE, 'a.md': doc(extra) });
    assert.deepEqual(
      workspace.checkAll().filter((diagnostic) => diagnostic.file === 'a.md' && diagnostic.rule !== 'people/leaving').map((diagnostic) => [diagnostic.rule, text(diagnostic.message)]),
      PROTOTYPE_KEYS.map((key) => ['frontmatter/unknown-field', `Unknown field "${key}".`]),
    );
    assert.ok(workspace.coverage());
    workspace.reviewSchedule();
    workspace.knowledgeRisk();
  });
  it('in densho.yaml, people.yaml and a custom standard: config/invalid like any other unknown key, never a crash', async () => {
    const keys = PROTOTYPE_KEYS.map((key) => `${key}: 1\n`).join('');
    const workspace = await repository({
      'densho.yaml': `${keys}standards: [iso9001, constructor.yaml]\nlanguages: [en, constructor]\n`,
      'people.yaml': `constructor:\n  name: C\n  ${PROTOTYPE_KEYS.map((key) => `${key}: x`).join('\n  ')}\n`,
      'constructor.yaml': 'id: constructor\ntitle: Constructor standard\nclauses:\n  - number: "1"\n    title: One\n    documented: true\n',
      'a.md': doc({ owner: 'constructor', expert: 'constructor', constructor: '[1]', lang: 'constructor', 'translated-from-version': '1' }),
    });
    const unknown = (file: string) => workspace.checkRepository().filter((d) => d.file === file && d.rule === 'config/invalid').length;
    assert.equal(unknown('densho.yaml'), PROTOTYPE_KEYS.length);
    assert.equal(unknown('people.yaml'), PROTOTYPE_KEYS.length);
    assert.equal(workspace.people?.people.get('constructor')?.name, 'C');
    assert.equal(workspace.coverage('constructor')?.clauses[0]?.documents.length, 1);
    assert.deepEqual(findings(workspace, 'people/unknown'), []);
  });
  it('a language named `constructor` exports the neutral placeholder, never `function Object()`', async () => {
    const workspace = await repository({
      'densho.yaml': 'languages: [constructor, en]\nstandards: []\n',
      'm.md': doc({ id: 'MST-A-001', access: 'master', 'access-list': '[h.sato]' }),
      'a.md': doc({ id: 'SOP-B-001' }, 'See [[MST-A-001]].\n'),
    });
    const exported = planExport(workspace, 2).files.find((file) => file.path === 'a.md')?.text ?? '';
    assert.match(exported, /See \(withheld document\)\./);
    assert.doesNotMatch(exported, /function|native code/);
  });
  it('a `{{constructor}}` placeholder in a template stays as written', () => {
    const values = { id: 'SOP-A-001', title: 'T', lang: 'en', today: '2026-11-25', owner: '', version: '1', access: 'internal' };
    assert.equal(fillTemplate('{{constructor}} "{{toString}}" {{__proto__}} {{id}}', values), '{{constructor}} "{{toString}}" {{__proto__}} SOP-A-001');
  });
});

describe('Markdown from repository text in hovers and completions', () => {
  const hostile = '"![t](https://evil.example/track.png) [x](javascript:alert(1)) <img src=x> **b** `c` | www.evil.example\\nnext"';
  const plain = '![t](https://evil.example/track.png) [x](javascript:alert(1)) <img src=x> **b** `c` | www.evil.example next';
  /** What a Markdown renderer would find: an image, a link, HTML, emphasis or a bare URL left unescaped. */
  const activeMarkdown = /(?<!\\)!(?<!\\)\[|(?<!\\)\[|(?<!\\)<|(?<!\\)\*\*b|https?:\/\/|www\.|\n\s*next/;
  it('a linked document\'s title and a person\'s name and role are text, never an image, a link or HTML', async () => {
    const text = doc({ id: 'SOP-B-001', owner: 'x.y' }, 'See [[SOP-A-001]].\n');
    const workspace = await repository({
      'people.yaml': `x.y:\n  name: ${hostile}\n  role: ${hostile}\n`,
      'a.md': doc({ title: hostile, owner: 'x.y' }),
      'b.md': text,
    });
    const lines = new LineIndex(text);
    const at = (needle: string) => lines.positionAt(text.indexOf(needle) + 2);
    const link = hover(workspace, 'b.md', at('[[SOP-A-001]]'))!.contents;
    const person = hover(workspace, 'b.md', at('x.y'))!.contents;
    for (const contents of [link, person]) {
      assert.doesNotMatch(contents, activeMarkdown, contents);
      assert.ok(contents.replace(/\\(.)/g, '$1').includes(plain), `the text itself is all there: ${contents}`);
    }
    const entries = completions(workspace, 'b.md', at('x.y')).filter((entry) => entry.label === 'x.y');
    assert.equal(entries.length, 1);
    assert.doesNotMatch(entries[0]!.documentation ?? '', activeMarkdown);
  });
});

describe('ceilings a pull request cannot raise', () => {
  it('front matter keys, people and clauses: each reported at the first entry past its ceiling, which is not read', async () => {
    const keys = Array.from({ length: 1_005 }, (_, i) => `k${i}: v`).join('\n');
    const people = Array.from({ length: 20_002 }, (_, i) => `p${i}:\n  name: P${i}\n`).join('');
    const clauses = Array.from({ length: 5_001 }, (_, i) => `  - number: "${i + 1}"\n    title: C${i}\n`).join('');
    const workspace = await repository({
      'densho.yaml': 'standards: [std.yaml]\n',
      'std.yaml': `id: std\ntitle: S\nclauses:\n${clauses}`,
      'people.yaml': people,
      'a.md': `---\nid: SOP-A-001\ntitle: T\n${keys}\n---\n# T\n`,
    });
    assert.deepEqual(findings(workspace, 'file/too-large'), ['a.md:1002:1 error file/too-large']);
    assert.equal(findings(workspace, 'frontmatter/unknown-field').length, 998);
    assert.deepEqual(findings(workspace, 'config/invalid'), ['people.yaml:40001:1 error config/invalid', 'std.yaml:10004:5 error config/invalid']);
    assert.equal(workspace.people?.people.size, 20_000);
    assert.equal(workspace.standards[0]?.clauses.length, 5_000);
  });
  it('training records: reported at the first record past 100,000, which is not read, nor any after it', async () => {
    // 20 people × 5,001 records: the ceiling falls inside the last person's block.
    const people = Array.from({ length: 20 }, (_, p) => `p${p}:\n${Array.from({ length: 5_001 }, (_, r) => `  D-${r}: { level: learning, version: 1 }\n`).join('')}`).join('');
    const workspace = await repository({ 'densho.yaml': 'standards: []\n', 'training.yaml': people });
    const overflow = diagnosticsOf(workspace, 'training/invalid').filter((d) => text(d.message).includes('more than the 100000 training records'));
    // Person p19's block starts on line 19 × 5,002 + 1; its record 100,000 − 19 × 5,001 = 4,981 (0-based) is the first one not read.
    assert.deepEqual(overflow.map((d) => d.range.start.line + 1), [19 * 5_002 + 1 + 4_981 + 1]);
    assert.equal(workspace.training?.training.records.length, 100_000);
  });
  it('below the ceilings nothing is reported', async () => {
    const keys = Array.from({ length: 998 }, (_, i) => `k${i}: v`).join('\n');
    const workspace = await repository({ 'densho.yaml': 'standards: []\n', 'a.md': `---\nid: SOP-A-001\ntitle: T\n${keys}\n---\n# T\n` });
    assert.deepEqual(findings(workspace, 'file/too-large'), []);
  });
});

describe('settings files that cannot be read', () => {
  it('an unreadable densho.yaml or people.yaml and a standard over 5 MB are config/invalid on that file, not absent', async () => {
    const memory = new MemoryFileSystem({
      'densho.yaml': 'standards: [big.yaml]\n',
      'people.yaml': 'a:\n  name: A\n',
      'big.yaml': `id: big\ntitle: Big\n# ${'x'.repeat(6 * 1024 * 1024)}\n`,
      'a.md': doc(),
    });
    const locked = new Set(['people.yaml']);
    const fs = {
      readDirectory: (path: string) => memory.readDirectory(path),
      readFile: async (path: string, maxBytes?: number) => {
        if (locked.has(path)) throw new UnreadableFileError(path, 'EACCES');
        return memory.readFile(path, maxBytes);
      },
    };
    const workspace = await loadWorkspace(fs, { today: parseDay('2026-11-25') });
    const problems = workspace.checkRepository().filter((d) => d.rule === 'config/invalid').map((d) => [d.file, text(d.message)]);
    assert.ok(problems.some(([file, message]) => file === 'people.yaml' && /cannot be read \(EACCES\)/.test(message!)), JSON.stringify(problems));
    assert.ok(problems.some(([file, message]) => file === 'big.yaml' && /over the 5 MB/.test(message!)), JSON.stringify(problems));
    locked.add('densho.yaml');
    const again = await loadWorkspace(fs, { today: parseDay('2026-11-25') });
    assert.ok(again.checkRepository().some((d) => d.file === 'densho.yaml' && /cannot be read/.test(text(d.message))));
  });
});
