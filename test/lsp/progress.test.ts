/** Work-done progress of the server's checks: every `begin` gets its `end`, also when an edit cuts a check short. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tempRepository, TestClient } from './client';

const DOCUMENTS = 300;

function document(n: number): string {
  const id = `SOP-P-${String(n).padStart(3, '0')}`;
  return `---\nid: ${id}\ntitle: Procedure ${n}\naccess: internal\nowner: p.one\nreviewed: 2026-10-01\nversion: 1\n---\n\n# Procedure ${n}\n\nSee [[SOP-P-001]].\n`;
}

interface Progress {
  readonly token: string | number;
  readonly value: { readonly kind: 'begin' | 'report' | 'end'; readonly message?: string };
}

describe('work-done progress of checking', () => {
  it('ends every progress it begins, when edits arrive while the first check runs', async () => {
    const files: Record<string, string> = { 'densho.yaml': 'docs: ["**/*.md"]\n', 'people.yaml': 'p.one:\n  name: Person One\n' };
    for (let n = 1; n <= DOCUMENTS; n++) files[`sops/p-${n}.md`] = document(n);
    const repo = tempRepository(files);
    const client = await TestClient.start(repo.root);
    try {
      const progress = () => client.notifications.filter((n) => n.method === '$/progress').map((n) => n.params as Progress);
      // Opened and edited while the first check runs, as VS Code restores its editors after a window reload.
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: client.uri('sops/p-1.md'), languageId: 'markdown', version: 1, text: document(1) } });
      await client.waitUntil('a progress report', () => progress().some((p) => p.value.kind === 'report'));
      for (let version = 2; version <= 6; version++) {
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: client.uri('sops/p-1.md'), version }, contentChanges: [{ text: `${document(1)}\nEdit ${version}.\n` }] });
      }
      await client.indexed(Object.keys(files).filter((path) => path.endsWith('.md')), 60_000);
      const unended = () => {
        const begun = new Set(progress().filter((p) => p.value.kind === 'begin').map((p) => p.token));
        for (const p of progress()) if (p.value.kind === 'end') begun.delete(p.token);
        return [...begun];
      };
      await client.waitUntil('an end for every begun progress', () => progress().length > 0 && unended().length === 0, 20_000);
      assert.equal(progress()[0]!.value.kind, 'begin');
      for (const token of new Set(progress().map((p) => p.token))) {
        const kinds = progress().filter((p) => p.token === token).map((p) => p.value.kind);
        assert.equal(kinds.filter((kind) => kind === 'end').length, 1, `one end for ${token}`);
        assert.equal(kinds.indexOf('end'), kinds.length - 1, `nothing after the end of ${token}`);
      }
    } finally {
      await client.stop();
      repo.dispose();
    }
  });
});
