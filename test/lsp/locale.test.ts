/**
 * The server's language (issue 18): the client's locale from `initialize`,
 * unless `densho.locale` (initializationOptions.locale, then each settings
 * change) names one; in Japanese the rule link leads to docs/rules.ja.md.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import { TestClient, tempRepository, type StartOptions } from './client';

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

/** Starts a server on a new repository of `files` at each call; every one is stopped and its repository removed after the suite. */
function serversForSuite(): (files: Record<string, string>, options: StartOptions) => Promise<TestClient> {
  const clients: TestClient[] = [];
  const repos: { dispose(): void }[] = [];
  after(async () => {
    for (const client of clients) await client.stop();
    for (const repo of repos) repo.dispose();
  });
  return async (files, options) => {
    const repo = tempRepository(files);
    repos.push(repo);
    const client = await TestClient.start(repo.root, options);
    clients.push(client);
    return client;
  };
}

describe('the language of diagnostics', () => {
  const startServer = serversForSuite();

  async function linkMessage(options: { locale?: string; localeSetting?: string }) {
    const client = await startServer({ 'a.md': BROKEN_LINK, 'densho.yaml': 'standards: []\n' }, options);
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

/** The server's own words (hovers, completion details, refusals, progress) follow the same locale as its diagnostics. */
describe("the language of the server's own words", () => {
  const SOURCE = BROKEN_LINK.replace('reviewed: 2026-10-01', 'reviewed: 2026-10-01\nversion: 1');
  const LINKING = `---\nid: SOP-B-001\ntitle: B\naccess: internal\nowner: a\nexpert: a\nreviewed: 2026-10-01\n---\n# B\n\nSee [[SOP-A-001]].\n`;
  const PEOPLE = 'a:\n  name: A Person\np.old:\n  name: Old Timer\n  active: false\n';
  const startServer = serversForSuite();

  async function serverIn(locale: string): Promise<TestClient> {
    const client = await startServer({ 'a.md': SOURCE, 'b.md': LINKING, 'people.yaml': PEOPLE, 'densho.yaml': 'standards: []\n' }, { locale });
    await client.indexed(['a.md', 'b.md']);
    return client;
  }

  const hoverText = async (client: TestClient, needle: string, offset: number) => {
    const line = SOURCE.split('\n').findIndex((text) => text.startsWith(needle));
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: client.uri('a.md') }, position: { line, character: offset } });
    return hover?.contents.value ?? '';
  };
  const ownerDetail = async (client: TestClient, person: string) => {
    const text = SOURCE.replace('owner: a', 'owner: ');
    await client.open('a.md', text);
    const line = text.split('\n').indexOf('owner: ');
    const list = await client.request<{ items: { label: string; detail?: string }[] }>('textDocument/completion', { textDocument: { uri: client.uri('a.md') }, position: { line, character: 7 } });
    return list.items.find((item) => item.label === person)?.detail;
  };
  const refusal = (client: TestClient) => client.request('densho/markReviewed', { uri: client.uri('people.yaml') }).then(
    () => '',
    (error: Error) => error.message,
  );
  const progressTitle = async (client: TestClient) => {
    const progress = () => client.notifications.filter((n) => n.method === '$/progress').map((n) => n.params as { value: { kind: string; title?: string; message?: string } });
    await client.waitUntil('a progress report', () => progress().some((p) => p.value.kind === 'report'));
    const begin = progress().find((p) => p.value.kind === 'begin')!.value;
    return { title: begin.title, message: progress().find((p) => p.value.kind === 'report')!.value.message };
  };

  it('in Japanese: a hover on an id, a hover on version, a completion marker, a refusal and the progress', async () => {
    const client = await serverIn('ja');
    assert.match(await hoverText(client, 'id:', 5), /他の文書からのリンク：1 件/);
    assert.match(await hoverText(client, 'version:', 9), /改訂履歴/);
    assert.equal(await ownerDetail(client, 'p.old'), '⚠ 在籍していません — Old Timer');
    assert.equal(await refusal(client), 'people.yaml は Densho の文書ではありません（densho.yaml の「docs」と「ignore」を参照）。');
    const progress = await progressTitle(client);
    assert.match(progress.title!, /^Densho：.+ を検査中$/);
    assert.match(progress.message!, /^\d+\/\d+ 文書$/);
  });

  it('in English, the same words as before', async () => {
    const client = await serverIn('en');
    assert.match(await hoverText(client, 'id:', 5), /1 link\(s\) from other documents lead here\./);
    assert.match(await hoverText(client, 'version:', 9), /revision/i);
    assert.equal(await ownerDetail(client, 'p.old'), '⚠ inactive — Old Timer');
    assert.equal(await refusal(client), 'people.yaml is not a Densho document (see "docs" and "ignore" in densho.yaml).');
    const progress = await progressTitle(client);
    assert.match(progress.title!, /^Densho: checking .+$/);
    assert.match(progress.message!, /^\d+\/\d+ documents$/);
  });
});

/** The views' reports carry no language of their own: their clause titles are the server's (JIS Q 9001's in Japanese), in the tree and in the matrix. */
describe('the language of the clause titles in the views', () => {
  const COVERING = BROKEN_LINK.replace('reviewed: 2026-10-01', 'reviewed: 2026-10-01\nstatus: approved\nclauses: [8.5.1]').replace('[gone](missing.md)', '');
  const startServer = serversForSuite();

  async function clauseTitles(options: { locale?: string; localeSetting?: string }) {
    const client = await startServer({ 'a.md': COVERING, 'densho.yaml': 'standards: [iso9001]\n' }, options);
    await client.indexed(['a.md']);
    type Titles = { coverage: { clauses: { clause: string; title: string }[] } | null };
    const title = (report: Titles['coverage'], clause: string) => report?.clauses.find((entry) => entry.clause === clause)?.title;
    const reports = await client.request<Titles>('densho/reports', {});
    const coverage = await client.request<Titles['coverage']>('densho/coverage', { standard: 'iso9001' });
    const matrix = await client.request<{ html: string }>('densho/coverageMatrix', { cspSource: 'vscode-webview:' });
    return { tree: title(reports.coverage, '8.5.1'), request: title(coverage, '4'), matrix: matrix.html };
  }

  it('in Japanese: the tree\'s report, a standard asked by id and the matrix page', async () => {
    const titles = await clauseTitles({ locale: 'ja' });
    assert.equal(titles.tree, '製造及びサービス提供の管理');
    assert.equal(titles.request, '組織の状況');
    assert.match(titles.matrix, /製造及びサービス提供の管理/);
    assert.doesNotMatch(titles.matrix, /Control of production and service provision/);
  });

  it('in English, and when densho.locale overrides a Japanese client, the English titles', async () => {
    for (const options of [{ locale: 'en' }, { locale: 'ja', localeSetting: 'en' }]) {
      const titles = await clauseTitles(options);
      assert.equal(titles.tree, 'Control of production and service provision', JSON.stringify(options));
      assert.equal(titles.request, 'Context of the organization', JSON.stringify(options));
      assert.match(titles.matrix, /Control of production and service provision/);
    }
  });
});
