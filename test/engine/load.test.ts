import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillTemplate, templateFileName } from '../../server/src/engine/templates';
import { listRepositoryFiles, MemoryFileSystem } from '../../server/src/engine';
import { doc, repository } from '../helpers';

describe('loading a repository', () => {
  it('honours .gitignore files at every level and never walks .git or node_modules', async () => {
    const fs = new MemoryFileSystem({
      '.gitignore': 'build/\n*.tmp.md\n',
      'a.md': '',
      'x.tmp.md': '',
      'build/b.md': '',
      'sops/.gitignore': 'drafts/\n!keep.md\n',
      'sops/drafts/c.md': '',
      'sops/d.md': '',
      '.git/HEAD': '',
      'node_modules/pkg/readme.md': '',
    });
    assert.deepEqual(await listRepositoryFiles(fs), ['.gitignore', 'a.md', 'sops/.gitignore', 'sops/d.md']);
  });
  it('takes documents from the docs globs minus ignore, README and CHANGELOG by default', async () => {
    const ws = await repository({ 'README.md': '# Readme', 'CHANGELOG.md': '', 'sops/a.md': doc(), 'notes.txt': 'x' });
    assert.deepEqual(ws.documentPaths(), ['sops/a.md']);
    const custom = await repository({ 'densho.yaml': 'docs: ["sops/**/*.md"]\nignore: ["sops/archive/**"]\n', 'sops/a.md': doc(), 'sops/archive/b.md': doc({ id: 'SOP-B-001' }), 'other/c.md': doc({ id: 'SOP-C-001' }) });
    assert.deepEqual(custom.documentPaths(), ['sops/a.md']);
    assert.ok(custom.index.fileExists('other/c.md'), 'files outside the globs still count as link targets');
  });
  it('re-checks one changed document without re-parsing the others', async () => {
    const ws = await repository({ 'a.md': doc({}, '[b](b.md#steps)\n'), 'b.md': doc({ id: 'SOP-B-001' }, '## Steps\n') });
    const before = ws.index.document('a.md')!.parsed;
    assert.equal(ws.checkDocument('a.md').filter((d) => d.rule === 'link/heading').length, 0);
    ws.setDocument('b.md', doc({ id: 'SOP-B-001' }, '## Procedure\n'));
    assert.equal(ws.index.document('a.md')!.parsed, before, 'a.md was not parsed again');
    assert.equal(ws.checkDocument('a.md').filter((d) => d.rule === 'link/heading').length, 1);
  });
});

describe('templates', () => {
  const values = { id: 'SOP-WLD-005', title: 'Say "hi": \\ now', lang: 'ja', today: '2026-11-25', owner: 'h.sato', version: '1', access: 'internal' };
  it('escapes quoted YAML placeholders and keeps headings as written', () => {
    const filled = fillTemplate('title: "{{title}}"\n# {{title}}\n{{unknown}}\n', values);
    assert.equal(filled, 'title: "Say \\"hi\\": \\\\ now"\n# Say "hi": \\ now\n{{unknown}}\n');
  });
  it('names translations by the .lang.md convention', () => {
    assert.equal(templateFileName('SOP-WLD-005', 'ja', 'en'), 'sop-wld-005.ja.md');
    assert.equal(templateFileName('SOP-WLD-005', 'en', 'en'), 'sop-wld-005.md');
  });
});
