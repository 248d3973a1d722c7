/**
 * The server's language (issue 18): the client's locale from `initialize`,
 * unless `densho.locale` (initializationOptions.locale, then each settings
 * change) names one; in Japanese the rule link leads to docs/rules.ja.md.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { TestClient, tempRepository } from './client';

const BROKEN_LINK = `---
id: SOP-A-001
title: A
access: internal
owner: a
expert: a
reviewed: 2026-10-01
---
# A

[gone](missing.md)
`;
const ENGLISH = '"missing.md" does not exist.';
const JAPANESE = '「missing.md」は存在しません。';

describe('the language of diagnostics', () => {
  const clients: TestClient[] = [];
  const repos: { dispose(): void }[] = [];
  after(async () => {
    for (const client of clients) await client.stop();
    for (const repo of repos) repo.dispose();
  });

  async function linkMessage(options: { locale?: string; localeSetting?: string }) {
    const repo = tempRepository({ 'a.md': BROKEN_LINK, 'densho.yaml': 'standards: []\n' });
    repos.push(repo);
    const client = await TestClient.start(repo.root, options);
    clients.push(client);
    const [diagnostic] = await client.diagnosticsAfter('a.md', 0, (list) => list.length > 0);
    return { client, diagnostic: diagnostic! };
  }

  it('follows the client: English for en-us or no locale, Japanese for ja', async () => {
    assert.equal((await linkMessage({ locale: 'en-us' })).diagnostic.message, ENGLISH);
    assert.equal((await linkMessage({})).diagnostic.message, ENGLISH);
    assert.equal((await linkMessage({ locale: 'ja' })).diagnostic.message, JAPANESE);
  });
  it('densho.locale wins over the client, and auto leaves it to the client', async () => {
    assert.equal((await linkMessage({ locale: 'ja', localeSetting: 'en' })).diagnostic.message, ENGLISH);
    assert.equal((await linkMessage({ locale: 'en', localeSetting: 'ja' })).diagnostic.message, JAPANESE);
    assert.equal((await linkMessage({ locale: 'ja', localeSetting: 'auto' })).diagnostic.message, JAPANESE);
  });
  it('in Japanese, links the rule to the same anchor of docs/rules.ja.md, which has it', async () => {
    const { diagnostic } = await linkMessage({ locale: 'ja' });
    const [file, anchor] = diagnostic.codeDescription!.href.split('#');
    assert.match(file!, /\/docs\/rules\.ja\.md$/);
    assert.equal(anchor, 'link-file');
    assert.ok(readFileSync(fileURLToPath(file!), 'utf8').includes(`<a id="${anchor}"></a>`));
    assert.match((await linkMessage({ locale: 'en' })).diagnostic.codeDescription!.href, /\/docs\/rules\.md#link-file$/);
  });
  it('a change of densho.locale re-publishes every diagnostic in the new language', async () => {
    const { client } = await linkMessage({ locale: 'en' });
    const before = client.seq;
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { densho: { standards: [] } }, locale: 'ja' });
    const [diagnostic] = await client.diagnosticsAfter('a.md', before, (list) => list.some((d) => d.message === JAPANESE));
    assert.equal(diagnostic!.message, JAPANESE);
  });
  it('quick fix titles are in the same language as the diagnostics', async () => {
    const { client } = await linkMessage({ locale: 'ja' });
    const opened = await client.open('a.md', BROKEN_LINK.replace('title: A', 'titel: A'));
    const found = opened.find((d) => d.code === 'frontmatter/unknown-field')!;
    assert.equal(found.message, '不明なフィールド「titel」です。「title」の誤りではありませんか？');
    const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri('a.md') },
      range: found.range,
      context: { diagnostics: [found], only: ['quickfix'] },
    });
    assert.deepEqual(actions.map((action) => action.title), ['「title」に名前を変更']);
  });
});
