/** Every quick fix of SPEC.md: offered on its diagnostic, its edit applied, and the document re-checked clean of it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { clientForSuite, tempRepository, TODAY } from './client';
import { PEOPLE } from './fixtures';

const document = (fields: string, body = '# Title\n\n## Steps\n') => `---\n${fields}---\n\n${body}`;
const GOOD = 'id: SOP-X-001\ntitle: X\naccess: internal\nowner: p.one\nexpert: p.one\nreviewed: 2026-10-01\nstatus: draft\n';

const FILES: Record<string, string> = {
  'densho.yaml': 'docs: ["**/*.md"]\nlanguages: [en, ja]\nstandards: []\n',
  'people.yaml': PEOPLE,
  'target.md': document(GOOD),
  'media/pic.png': 'png',
  'missing.md': 'Notes without front matter.\n',
  'required.md': document(GOOD.replace('title: X\n', '').replace('SOP-X-001', 'SOP-R-001')),
  'unknown.md': document(GOOD.replace('title: X', 'titl: X').replace('SOP-X-001', 'SOP-U-001')),
  'invalid.md': document(GOOD.replace('reviewed: 2026-10-01', 'reviewed: 2026/10/01').replace('SOP-X-001', 'SOP-I-001')),
  'linkfile.md': document(GOOD.replace('SOP-X-001', 'SOP-L-001'), '# L\n\n![pic](pics/pic.png)\n'),
  'linkheading.md': document(GOOD.replace('SOP-X-001', 'SOP-H-001'), '# H\n\nSee [steps](target.md#stepz).\n'),
  'overdue.md': document(GOOD.replace('SOP-X-001', 'SOP-O-001').replace('reviewed: 2026-10-01', 'reviewed: 2024-01-10').replace('draft', 'approved')),
  'duesoon.md': document(GOOD.replace('SOP-X-001', 'SOP-D-001').replace('reviewed: 2026-10-01', 'reviewed: 2025-12-10').replace('draft', 'approved')),
};

describe('quick fixes', () => {
  const repo = tempRepository(FILES);
  const client = clientForSuite(repo, Object.keys(FILES).filter((path) => path.endsWith('.md')));

  /** Opens `path`, finds the diagnostic of `rule`, asks for its fixes and returns them. */
  async function fixesFor(path: string, rule: string): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> {
    const diagnostics = await client.open(path);
    const diagnostic = diagnostics.find((candidate) => candidate.code === rule);
    assert.ok(diagnostic, `${path} has ${rule}: ${JSON.stringify(diagnostics.map((d) => d.code))}`);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri(path) },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    return { diagnostic, actions };
  }

  /** Applies the action's edit and waits until `path` no longer reports `rule`. */
  async function applyAndRecheck(path: string, rule: string, action: CodeAction): Promise<string> {
    const before = client.seq;
    const texts = await client.applyEdit(action.edit!);
    await client.diagnosticsAfter(path, before, (diagnostics) => !diagnostics.some((d) => d.code === rule));
    return texts.get(path)!;
  }

  const cases: { rule: string; path: string; title: RegExp; expected: (text: string) => string }[] = [
    {
      rule: 'frontmatter/missing',
      path: 'missing.md',
      title: /front matter skeleton/,
      // Only what the file says: the person's fields stay empty for frontmatter/required to list.
      expected: (text) => `---\nid: SOP-MISSING\ntitle:\ntype: sop\naccess:\nowner:\nexpert:\nreviewed:\nversion: 1\n---\n\n${text}`,
    },
    { rule: 'frontmatter/required', path: 'required.md', title: /Add "title: "Title""/, expected: (text) => text.replace('status: draft\n', 'status: draft\ntitle: "Title"\n') },
    { rule: 'frontmatter/unknown-field', path: 'unknown.md', title: /Rename to "title"/, expected: (text) => text.replace('titl:', 'title:') },
    { rule: 'frontmatter/invalid', path: 'invalid.md', title: /2026-10-01/, expected: (text) => text.replace('2026/10/01', '2026-10-01') },
    { rule: 'link/file', path: 'linkfile.md', title: /Point to media\/pic\.png/, expected: (text) => text.replace('(pics/pic.png)', '(media/pic.png)') },
    { rule: 'link/heading', path: 'linkheading.md', title: /#steps/, expected: (text) => text.replace('#stepz', '#steps') },
    { rule: 'review/overdue', path: 'overdue.md', title: /today/, expected: (text) => text.replace('2024-01-10', TODAY) },
    { rule: 'review/due-soon', path: 'duesoon.md', title: /today/, expected: (text) => text.replace('2025-12-10', TODAY) },
  ];

  for (const { rule, path, title, expected } of cases) {
    it(`${rule}: ${path}`, async () => {
      const original = repo.read(path);
      const { diagnostic, actions } = await fixesFor(path, rule);
      const action = actions.find((candidate) => title.test(candidate.title));
      assert.ok(action, `a fix titled ${title}: ${JSON.stringify(actions.map((a) => a.title))}`);
      assert.equal(action.kind, 'quickfix');
      assert.deepEqual(action.diagnostics?.[0]?.code, diagnostic.code);
      const text = await applyAndRecheck(path, rule, action);
      assert.equal(text, expected(original), 'the edit changes only what the fix is about');
      await client.close(path);
    });
  }

  it('translation/missing: creates the translation file from the source', async () => {
    const before = client.seq;
    repo.write('densho.yaml', 'docs: ["**/*.md"]\nlanguages: [en, ja]\nrequired-translations: [ja]\nstandards: []\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('densho.yaml'), type: 2 }] });
    await client.diagnosticsAfter('overdue.md', before, (d) => d.some((x) => x.code === 'translation/missing'));
    const { actions } = await fixesFor('overdue.md', 'translation/missing');
    const action = actions.find((candidate) => /Create overdue\.ja\.md/.test(candidate.title));
    assert.ok(action, JSON.stringify(actions.map((a) => a.title)));
    const [create, insert] = action.edit!.documentChanges!;
    assert.deepEqual(create, { kind: 'create', uri: client.uri('overdue.ja.md') });
    assert.ok(insert && 'textDocument' in insert);
    const beforeApply = client.seq;
    await client.applyEdit(action.edit!);
    // The created translation is a draft: the source keeps translation/missing, now saying so, until it is approved.
    await client.diagnosticsAfter('overdue.md', beforeApply, (d) => d.some((x) => x.code === 'translation/missing' && String(x.message).includes('is "draft"')));
    const translation = repo.read('overdue.ja.md');
    assert.match(translation, /\nlang: ja\ntranslated-from-version: 1\nstatus: draft\n/);
    const diagnostics = await client.diagnosticsAfter('overdue.ja.md', beforeApply);
    assert.ok(!diagnostics.some((d) => d.severity === 1), JSON.stringify(diagnostics));
  });
});
