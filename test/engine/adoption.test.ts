/** Engine behaviour met while adopting Densho: .gitignore as Git reads it, typo suggestions. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { closestMatch } from '../../server/src/engine/suggest';
import { doc, findings, repository, text } from '../helpers';

describe('.gitignore, as git ls-files reads it', () => {
  it('a negation in a subfolder brings back a file a parent rule ignores', async () => {
    const ws = await repository({
      '.gitignore': '*.md\n!sops/\n',
      'sops/.gitignore': '!b.md\n',
      'sops/a.md': doc({ id: 'SOP-A-001' }),
      'sops/b.md': doc({ id: 'SOP-B-001' }),
      'notes.md': doc({ id: 'SOP-N-001' }),
    });
    assert.deepEqual(ws.documentPaths(), ['sops/b.md']);
  });
  it('a subfolder rule ignores what the parent let through, and the deepest rule about a file wins', async () => {
    const ws = await repository({
      '.gitignore': 'drafts/\n',
      'sops/.gitignore': 'scratch.md\n',
      'sops/deep/.gitignore': '!scratch.md\n',
      'sops/scratch.md': doc({ id: 'SOP-S-001' }),
      'sops/deep/scratch.md': doc({ id: 'SOP-S-002' }),
      'drafts/c.md': doc({ id: 'SOP-C-001' }),
      'sops/a.md': doc({ id: 'SOP-A-001' }),
    });
    assert.deepEqual(ws.documentPaths(), ['sops/a.md', 'sops/deep/scratch.md']);
  });
});

describe('did you mean', () => {
  it('counts two swapped letters as one edit: `titel` → `title`, `reveiwed` → `reviewed`', () => {
    assert.equal(closestMatch('titel', ['title', 'type', 'lang']), 'title');
    assert.equal(closestMatch('reveiwed', ['reviewed', 'review-interval']), 'reviewed');
    assert.equal(closestMatch('onwer', ['owner', 'expert']), 'owner');
  });
  it('still suggests nothing for a different word', () => {
    assert.equal(closestMatch('colour', ['title', 'owner', 'expert']), undefined);
  });
  it('in a document: `titel:` gets the rename to `title` as its fix', async () => {
    const ws = await repository({ 'a.md': doc({ title: undefined, titel: 'A' }) });
    assert.deepEqual(findings(ws, 'frontmatter/unknown-field'), ['a.md:7:1 warning frontmatter/unknown-field']);
    const [unknown] = ws.checkAll().filter((d) => d.rule === 'frontmatter/unknown-field');
    assert.match(text(unknown!.message), /Did you mean "title"\?/);
  });
});

describe('custom standards', () => {
  const standard = (clauses: string, extra = '') => `id: iatf16949\ntitle: IATF 16949:2016\n${extra}clauses:\n${clauses}`;
  const invalid = async (standardText: string) => {
    const ws = await repository({ 'densho.yaml': 'standards: [standards/iatf.yaml]\n', 'standards/iatf.yaml': standardText, 'a.md': doc() });
    return ws.checkAll().filter((d) => d.rule === 'config/invalid').map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${text(d.message)}`);
  };
  it('a valid file is silent, and so is the shipped ISO 14001 starter', async () => {
    assert.deepEqual(await invalid(standard('  - { number: "8", title: Operation }\n  - { number: "8.5", title: Production, documented: true }\n')), []);
    assert.deepEqual(await invalid(readFileSync(join(__dirname, '..', '..', 'docs', 'standards', 'iso14001.yaml'), 'utf8')), []);
  });
  it('an unknown key in a clause or at the top is reported at the key, with the closest known one', async () => {
    const found = await invalid(standard('  - number: "8"\n    titel: Operation\n', 'clauzes: []\n'));
    // `clauses` is there already, so `clauzes` is no misspelling of it.
    assert.ok(found.includes('standards/iatf.yaml:3:1 "clauzes" is not a key of a standard ("id", "title", "clauses").'), found.join('\n'));
    assert.ok(found.some((line) => line.startsWith('standards/iatf.yaml:6:5 "titel" is not a key of a clause') && line.endsWith('Did you mean "title"?')), found.join('\n'));
  });
  it('a title YAML cuts at a comment, or reads as a number, is reported at the title', async () => {
    const found = await invalid(standard('  - number: "8"\n    title: Operation # and control\n  - number: "9"\n    title: 2016\n'));
    assert.deepEqual(found, ['standards/iatf.yaml:5:12 This title is cut short: YAML reads "# and control" as a comment. Quote the whole title.', 'standards/iatf.yaml:7:12 YAML reads "2016" as a number, not a title: quote it.']);
  });
  it('a missing parent and a duplicate number are reported at the number', async () => {
    const found = await invalid(standard('  - { number: "8", title: Operation }\n  - { number: "8.5.1", title: Control }\n  - { number: "8", title: Again }\n'));
    assert.deepEqual(found, ['standards/iatf.yaml:5:15 Clause 8.5.1 has no parent: add clause 8.5, which it counts towards.', 'standards/iatf.yaml:6:15 Clause 8 is listed twice.']);
  });
  it('every standard written out in docs/standards.md is one Densho accepts without a finding', async () => {
    const text = readFileSync(join(__dirname, '..', '..', 'docs', 'standards.md'), 'utf8');
    const examples = [...text.matchAll(/```yaml\n((?:#[^\n]*\n)?id: [^]*?)```/g)].map((match) => match[1]!);
    assert.ok(examples.length >= 3, `${examples.length} examples`);
    for (const example of examples) assert.deepEqual(await invalid(example), [], example.split('\n')[0]);
  });
  it('the editor schema for standards accepts the starter and rejects what the engine rejects', async () => {
    const Ajv = (await import('ajv')).default;
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(join(__dirname, '..', '..', 'client', 'assets', 'schemas', 'standard.schema.json'), 'utf8')));
    assert.ok(validate(parse(readFileSync(join(__dirname, '..', '..', 'docs', 'standards', 'iso14001.yaml'), 'utf8'))), JSON.stringify(validate.errors));
    assert.equal(validate(parse(standard('  - { number: "8", titel: Operation }\n'))), false);
    assert.equal(validate(parse(standard('  - { number: 8.10, title: Operation }\n'))), false);
  });
});

describe('placeholders are not people', () => {
  it('`owner: owner`, `expert: [expert]` or `approved-by: TBD` is frontmatter/invalid at the value, and nobody in the reports', async () => {
    const ws = await repository({ 'a.md': doc({ owner: 'owner', expert: '[h.sato, expert]', 'approved-by': 'TBD' }) });
    assert.deepEqual(findings(ws, 'frontmatter/invalid'), ['a.md:5:8 error frontmatter/invalid', 'a.md:6:18 error frontmatter/invalid', 'a.md:8:14 error frontmatter/invalid']);
    const [owner] = ws.checkAll().filter((d) => d.rule === 'frontmatter/invalid');
    assert.match(text(owner!.message), /"owner" is a placeholder, not a person/);
    assert.ok(!ws.knowledgeRisk().experts.some((holder) => holder.expert === 'expert'), 'no knowledge holder called "expert"');
    assert.ok(!ws.reviewSchedule().owners.some((reviews) => reviews.owner === 'owner'));
  });
  it('a real person key is silent, even one that contains such a word', async () => {
    const ws = await repository({ 'a.md': doc({ owner: 'owner.tanaka', expert: 'h.sato' }) });
    assert.deepEqual(findings(ws, 'frontmatter/invalid'), []);
  });
});
