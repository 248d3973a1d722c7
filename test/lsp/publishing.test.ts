/**
 * What an edit publishes: the documents it re-checks whose diagnostics did
 * not change are not sent again (an edit to a hub re-checks hundreds), those
 * whose diagnostics changed are, and an open document is sent after each of
 * its edits with its version.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { clientForSuite, tempRepository, type TestClient } from './client';

const HUB = '# Hub\n\n## Install\n\nKeep the work area clean.\n';
const FILES = {
  'hub.md': HUB,
  'a.md': '# A\n\nSee [installing](hub.md#install).\n',
  'b.md': '# B\n\nSee [setting up](hub.md#setup).\n',
  'c.md': '# C\n\nNothing to see.\n',
};

/** Answered once every document the last change made pending has been checked (codeAction waits for the folder to settle). */
async function settled(client: TestClient, path: string): Promise<void> {
  await client.request('textDocument/codeAction', { textDocument: { uri: client.uri(path) }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
}

/** The paths published after sequence number `after`. */
function publishedSince(client: TestClient, after: number, paths: readonly string[]): string[] {
  return paths.filter((path) => (client.diagnostics.get(client.uri(path))?.seq ?? 0) > after);
}

describe('publishing after edits', () => {
  const client = clientForSuite(tempRepository(FILES), Object.keys(FILES));

  it('does not send again the diagnostics of re-checked documents that did not change, and sends those that did', async () => {
    await client.open('hub.md');
    await settled(client, 'hub.md');
    let before = client.seq;
    await client.change('hub.md', HUB.replace('clean', 'tidy'));
    await settled(client, 'hub.md');
    assert.deepEqual(publishedSince(client, before, ['a.md', 'b.md', 'c.md']), [], 'a.md and b.md were re-checked (they link to the hub) and found what they found before');

    before = client.seq;
    await client.change('hub.md', `${HUB}\n## Setup\n`);
    assert.deepEqual(await client.diagnosticsAfter('b.md', before), [], "b.md's link to #setup now finds its heading");
    await settled(client, 'hub.md');
    assert.deepEqual(publishedSince(client, before, ['a.md', 'b.md', 'c.md']), ['b.md']);
    await client.close('hub.md');
  });

  it('sends an open document after each of its edits, with the version, even when its diagnostics did not change', async () => {
    const text = client.text('b.md');
    const opened = await client.open('b.md');
    assert.deepEqual(opened.map((d) => d.code), ['link/heading']);
    for (const version of [2, 3]) {
      const before = client.seq;
      const diagnostics = await client.change('b.md', `${text}\nEdit ${version}.\n`);
      assert.deepEqual(diagnostics.map((d) => d.code), ['link/heading']);
      assert.equal(client.diagnostics.get(client.uri('b.md'))!.params.version, version);
      assert.ok(client.diagnostics.get(client.uri('b.md'))!.seq > before);
    }
    await client.close('b.md');
  });

  it('sends a closed document its diagnostics under its file URI, though the editor was sent the same under its own', async () => {
    // The editor spells the URI its own way (`%63` for `c`): while open, c.md's diagnostics go to that URI only.
    const editorUri = client.uri('c.md').replace(/c\.md$/, '%63.md');
    const broken = '# C\n\nSee [gone](gone.md).\n';
    let before = client.seq;
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: editorUri, languageId: 'markdown', version: 1, text: broken } });
    await client.waitUntil('diagnostics under the editor URI', () => (client.diagnostics.get(editorUri)?.seq ?? 0) > before);
    assert.deepEqual(client.diagnostics.get(editorUri)!.params.diagnostics.map((d) => d.code), ['link/file']);
    // Saved with the same text: the disk change of an open document is left to the editor's text.
    writeFileSync(join(client.root, 'c.md'), broken);
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('c.md'), type: 2 }] });
    before = client.seq;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: editorUri } });
    const onDisk = await client.diagnosticsAfter('c.md', before);
    assert.deepEqual(onDisk.map((d) => d.code), ['link/file']);
  });
});
