/** Engine behaviour met while adopting Densho: .gitignore as Git reads it, typo suggestions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closestMatch } from '../../server/src/engine/suggest';
import { doc, findings, repository } from '../helpers';

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
    assert.match(unknown!.message, /Did you mean `title`\?/);
  });
});
