/**
 * One decision of what a document is, in the server as at load and in the
 * CLI: a file created in (or opened from) a folder .gitignore excludes gets
 * no diagnostics, a .gitignore that changes moves files in and out, and a
 * document whose bytes turn binary on disk is `file/binary`.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CoverageRequest } from '../../server/src/protocol';
import { runDensho } from '../support/cli';
import { clientForSuite, tempRepository } from './client';
import { B, FILES } from './fixtures';

const created = (client: { uri(path: string): string }, ...paths: string[]) => ({ changes: paths.map((path) => ({ uri: client.uri(path), type: 1 })) });
const changed = (client: { uri(path: string): string }, ...paths: string[]) => ({ changes: paths.map((path) => ({ uri: client.uri(path), type: 2 })) });
const doc = (id: string) => B.replace('SOP-B-001', id).replace('related: [SOP-A-001]\n', '');

describe('what a document is: the server decides as the CLI does', () => {
  const repo = tempRepository({ ...FILES, '.gitignore': 'build/\n*.draft.md\n' });
  const client = clientForSuite(repo, ['a.md', 'b.md']);

  it('a file created in a gitignored folder gets no diagnostics, as the CLI checks none', async () => {
    repo.write('build/out.md', doc('SOP-X-001'));
    repo.write('notes.draft.md', doc('SOP-X-002'));
    repo.write('sops/kept.md', doc('SOP-X-003'));
    const before = client.seq;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', created(client, 'build', 'notes.draft.md', 'sops/kept.md'));
    // Notifications are handled in order: once the later file has its diagnostics, the earlier ones had their chance.
    await client.diagnosticsAfter('sops/kept.md', before);
    // A report request answers once every scheduled check has run and published.
    await client.request(CoverageRequest.method, {});
    assert.equal(client.diagnostics.has(client.uri('build/out.md')), false);
    assert.equal(client.diagnostics.has(client.uri('notes.draft.md')), false);
    const cli = await runDensho(['check', repo.root, '--format', 'json', '--today', '2026-11-25']);
    const files = new Set((JSON.parse(cli.stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file));
    assert.equal([...files].some((file) => file.startsWith('build/') || file === 'notes.draft.md'), false);
  });

  it('a gitignored file opened in the editor gets no diagnostics either', async () => {
    repo.write('build/open.md', doc('SOP-X-004'));
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: client.uri('build/open.md'), languageId: 'markdown', version: 1, text: doc('SOP-X-004') } });
    await client.open('sops/kept.md');
    await client.request(CoverageRequest.method, {});
    assert.equal(client.diagnostics.has(client.uri('build/open.md')), false);
    await client.close('sops/kept.md');
  });

  it('a .gitignore that stops excluding a folder lets its documents in, and one that excludes it again clears them', async () => {
    let before = client.seq;
    writeFileSync(join(repo.root, '.gitignore'), '*.draft.md\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', changed(client, '.gitignore'));
    await client.diagnosticsAfter('build/out.md', before);
    before = client.seq;
    writeFileSync(join(repo.root, '.gitignore'), 'build/\n*.draft.md\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', changed(client, '.gitignore'));
    await client.diagnosticsAfter('build/out.md', before, (diagnostics) => diagnostics.length === 0);
  });

  it('a document whose bytes turn binary on disk is file/binary, as at load', async () => {
    const before = client.seq;
    writeFileSync(join(repo.root, 'b.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0x01, 0x02, 0x0a]));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', changed(client, 'b.md'));
    const diagnostics = await client.diagnosticsAfter('b.md', before, (list) => list.some((d) => d.code === 'file/binary'));
    assert.deepEqual(diagnostics.map((d) => d.code), ['file/binary']);
  });
});
