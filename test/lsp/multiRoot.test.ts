/** Multi-root workspaces: each folder its own densho.yaml and results; folders added and removed while the server runs. */
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ConfigurationRequest, type EffectiveConfiguration } from '../../server/src/protocol';
import { tempRepository, TestClient } from './client';
import { A, B, PEOPLE } from './fixtures';

describe('multi-root workspaces', () => {
  // The same documents; only the second folder asks for Japanese translations.
  const first = tempRepository({ 'densho.yaml': 'docs: ["**/*.md"]\nlanguages: [en]\n', 'people.yaml': PEOPLE, 'a.md': A, 'b.md': B });
  const second = tempRepository({ 'densho.yaml': 'docs: ["**/*.md"]\nlanguages: [en, ja]\nrequired-translations: [ja]\n', 'people.yaml': PEOPLE, 'a.md': A, 'b.md': B });
  const uriIn = (root: string, path: string) => pathToFileURL(`${root}/${path}`).href;
  let client: TestClient;
  before(async () => {
    client = await TestClient.start(first.root, { folders: [first.root] });
    await client.indexed(['a.md', 'b.md']);
  });
  after(async () => {
    await client.stop();
    first.dispose();
    second.dispose();
  });

  const codesOf = (uri: string) => client.diagnostics.get(uri)?.params.diagnostics.map((d) => d.code) ?? [];
  const configurationOf = (root: string) => client.request<EffectiveConfiguration>(ConfigurationRequest.method, { folder: pathToFileURL(root).href });

  it('a folder added at run time is indexed with its own densho.yaml', async () => {
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(second.root).href, name: 'second' }], removed: [] } });
    await client.waitUntil('diagnostics of the second folder', () => codesOf(uriIn(second.root, 'a.md')).includes('translation/missing'));
    assert.ok(!codesOf(uriIn(first.root, 'a.md')).includes('translation/missing'), 'the first folder keeps its own configuration');
    assert.deepEqual((await configurationOf(second.root)).languages, ['en', 'ja']);
    assert.deepEqual((await configurationOf(first.root)).languages, ['en']);
  });

  it('a folder removed at run time has its diagnostics withdrawn and answers no more requests', async () => {
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: pathToFileURL(second.root).href, name: 'second' }] } });
    await client.waitUntil('the second folder\'s diagnostics withdrawn', () => codesOf(uriIn(second.root, 'a.md')).length === 0);
    await assert.rejects(configurationOf(second.root), /is not a workspace folder/);
    assert.deepEqual((await configurationOf(first.root)).languages, ['en']);
  });
});
