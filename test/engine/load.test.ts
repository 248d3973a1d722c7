import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fillTemplate, templateFileName } from '../../server/src/engine/templates';
import { classifyPath, isListedPath, listRepositoryFiles, loadSettings, loadWorkspace, MemoryFileSystem } from '../../server/src/engine';
import { doc, repository, text } from '../helpers';

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
  it('tells whether one path is listed exactly as the whole listing would, without walking the repository', async () => {
    const files = { '.gitignore': 'build/\n*.tmp.md\n', 'a.md': '', 'x.tmp.md': '', 'build/b.md': '', 'sops/.gitignore': 'drafts/\n', 'sops/drafts/c.md': '', 'sops/d.md': '', '.git/config': '', 'node_modules/p/r.md': '' };
    const fs = new MemoryFileSystem(files);
    const listed = new Set(await listRepositoryFiles(fs));
    for (const path of [...Object.keys(files), 'missing.md', 'sops/missing.md']) assert.equal(await isListedPath(fs, path), listed.has(path), path);
  });
  it('classifies one path (document, file or excluded) exactly as the listing and the docs globs would, without a listing', async () => {
    const files = { '.gitignore': 'build/\n*.tmp.md\n', 'a.md': '', 'notes.txt': '', 'x.tmp.md': '', 'build/b.md': '', 'sops/.gitignore': 'drafts/\n!keep.tmp.md\n', 'sops/drafts/c.md': '', 'sops/keep.tmp.md': '', 'sops/d.md': '', '.git/config': '', 'node_modules/p/r.md': '' };
    const fs = new MemoryFileSystem(files);
    const workspace = await loadWorkspace(fs);
    const listed = new Set(await listRepositoryFiles(fs));
    for (const path of [...Object.keys(files), 'not-yet-saved.md', 'build/not-yet-saved.md']) {
      const kind = await classifyPath(fs, workspace, path);
      assert.equal(kind !== 'excluded', listed.has(path) || path === 'not-yet-saved.md', path);
      if (kind !== 'excluded') assert.equal(kind === 'document', workspace.isDocumentPath(path), path);
    }
    assert.equal(await classifyPath(fs, workspace, 'build', true), 'excluded');
    assert.equal(await classifyPath(fs, workspace, 'sops', true), 'file');
  });
  it('re-reading the settings (as the language server does) still refuses what the listing excludes, and reads a new people file', async () => {
    const fs = new MemoryFileSystem({ '.gitignore': '.env\n', '.env': 'TOKEN=x\n', 'densho.yaml': 'people: .env\n', 'a.md': doc() });
    const workspace = await loadWorkspace(fs);
    fs.write('densho.yaml', 'people: team.yaml\n');
    fs.write('team.yaml', 'k.tanaka:\n  name: Kenji\n');
    await loadSettings(fs, workspace);
    assert.equal(workspace.people?.people.get('k.tanaka')?.name, 'Kenji', 'a file created after loading is read');
    fs.write('densho.yaml', 'people: .env\n');
    await loadSettings(fs, workspace);
    assert.equal(workspace.people, undefined);
    assert.deepEqual(workspace.checkRepository().filter((d) => d.rule === 'config/invalid').map((d) => text(d.message)), ['"people" names ".env", which Densho will not read: it is not one of the repository\'s files (.gitignore excludes it). Settings files must be files of the repository.']);
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
