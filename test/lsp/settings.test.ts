/** The editor's settings are the defaults under densho.yaml: at start-up and when they change. */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { TestClient, tempRepository } from './client';

const OLD_REVIEW = `---
id: SOP-A-001
title: A
access: internal
owner: a
expert: a
reviewed: 2026-03-01
---
# A
`;

describe('editor settings', () => {
  const clients: TestClient[] = [];
  const repos: { dispose(): void }[] = [];
  after(async () => {
    for (const client of clients) await client.stop();
    for (const repo of repos) repo.dispose();
  });

  async function start(files: Record<string, string>, settings: Record<string, unknown>): Promise<TestClient> {
    const repo = tempRepository(files);
    repos.push(repo);
    const client = await TestClient.start(repo.root, { settings });
    clients.push(client);
    return client;
  }
  const rules = (client: TestClient, path: string) => client.diagnosticsAfter(path, 0).then((list) => list.map((d) => d.code));

  it('apply where the repository has no densho.yaml', async () => {
    const client = await start({ 'a.md': OLD_REVIEW }, { review: { interval: '6m' }, standards: [] });
    assert.deepEqual(await rules(client, 'a.md'), ['review/overdue']);
  });
  it('give way to densho.yaml key by key', async () => {
    const client = await start({ 'a.md': OLD_REVIEW, 'densho.yaml': 'review:\n  interval: 12m\n' }, { review: { interval: '6m' }, standards: [] });
    assert.deepEqual(await rules(client, 'a.md'), [], 'the 12m of densho.yaml wins over the 6m setting');
  });
  it('re-check every document when they change', async () => {
    const client = await start({ 'a.md': OLD_REVIEW }, { standards: [] });
    assert.deepEqual(await rules(client, 'a.md'), []);
    const before = client.seq;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { densho: { review: { interval: '90d' }, standards: [] } } });
    const after = await client.diagnosticsAfter('a.md', before, (list) => list.length > 0);
    assert.deepEqual(after.map((d) => d.code), ['review/overdue']);
  });
});
