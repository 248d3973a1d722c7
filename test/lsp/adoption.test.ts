/** A folder that does not use Densho yet: no flood of findings before the user opts in, and what opting in changes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { clientForSuite, tempRepository } from './client';

const PLAIN: Record<string, string> = {
  'notes.md': '# Notes\n\nSee [the guide](guide.md) and [nothing](gone.md).\n',
  'guide.md': '# Guide\n\nSteps.\n',
};

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

describe('a folder without densho.yaml', () => {
  const repo = tempRepository(PLAIN);
  const client = clientForSuite(repo, ['notes.md', 'guide.md']);

  it('publishes no frontmatter/missing and no coverage gaps, but still reports a broken link', async () => {
    const notes = client.diagnostics.get(client.uri('notes.md'))!.params.diagnostics;
    assert.deepEqual(codes(notes), ['link/file']);
    assert.deepEqual(codes(client.diagnostics.get(client.uri('guide.md'))!.params.diagnostics), []);
    const gaps = [...client.diagnostics.values()].flatMap((entry) => entry.params.diagnostics).filter((diagnostic) => diagnostic.code === 'iso/gap');
    assert.deepEqual(gaps, []);
  });

  it('offers no front matter skeleton for a finding it does not show, as a quick fix or in fix all', async () => {
    for (const only of [undefined, ['source.fixAll']]) {
      const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
        textDocument: { uri: client.uri('guide.md') },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only },
      });
      assert.deepEqual(actions, [], JSON.stringify(only));
    }
  });

  it('reports them once densho.yaml exists', async () => {
    const before = client.seq;
    repo.write('densho.yaml', 'docs: ["**/*.md"]\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('densho.yaml'), type: 1 }] });
    const guide = await client.diagnosticsAfter('guide.md', before, (diagnostics) => diagnostics.length > 0);
    assert.deepEqual(codes(guide), ['frontmatter/missing']);
    await client.diagnosticsAfter('densho.yaml', before, (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'iso/gap'));
  });
});
