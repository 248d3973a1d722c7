/**
 * No English reaches a Japanese user of the language server (issue 18): with
 * `locale: 'ja'` over a repository that is not in Git and holds broken YAML,
 * a broken link and an unknown field, every diagnostic, hover, completion
 * detail, request refusal, command result (the audit pack the editor writes
 * included) and log line is Japanese once the repository's own data, ids,
 * paths and quoted code words are taken out (test/support/english.ts).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, CompletionList, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { englishIn, repositoryData, visibleText } from '../support/english';
import { positionOf, TestClient, tempRepository } from './client';

const PEOPLE = 'r.ito:\n  name: 伊藤 涼\n  role: 品質管理責任者\n';
const A = `---
id: SOP-A-001
title: 溶接手順
access: internal
owner: r.ito
reviewed: 2026-10-01
version: 2
titel: 誤り
---
# 溶接手順

[消えたリンク](missing.md)
`;
const BROKEN = '---\nid: SOP-B-001\ntitle: "閉じていない\n---\n# 見出し\n';

describe('no English in the Japanese language server', () => {
  const repo = tempRepository({ 'densho.yaml': 'standards: []\nignore: ["{a,b"]\n', 'people.yaml': PEOPLE, 'sops/a.md': A, 'sops/b.md': BROKEN });
  const data = repositoryData(repo.root);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start(repo.root, { locale: 'ja' });
  });
  after(async () => {
    await client.stop();
    repo.dispose();
  });
  const english = (texts: readonly string[]) => englishIn(texts.join('\n'), data);
  /** The error a request is refused with, or '' when it is answered. */
  async function refusal(method: string, params: unknown): Promise<string> {
    try {
      await client.request(method, params);
      return '';
    } catch (error) {
      return (error as Error).message;
    }
  }

  it('diagnostics: a broken link, an unknown field, broken YAML, a bad glob', async () => {
    const text = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);
    const messages = [...(await client.open('sops/a.md')), ...(await client.open('sops/b.md'))].map(text);
    await client.openQuietly('densho.yaml');
    const config = await client.diagnosticsAfter('densho.yaml', 0, (list) => list.length > 0);
    assert.ok(messages.length >= 3 && config.length > 0, messages.join('\n'));
    assert.deepEqual(english([...messages, ...config.map(text)]), []);
  });
  it('hovers on the id, owner, version, access and a link', async () => {
    await client.open('sops/a.md');
    const hovers: string[] = [];
    for (const needle of ['SOP-A-001', 'r.ito', 'version', 'internal', 'missing.md']) {
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri('sops/a.md') }, position: positionOf(A, needle) });
      const contents = hover?.contents;
      hovers.push(typeof contents === 'string' ? contents : contents && 'value' in contents ? contents.value : JSON.stringify(contents ?? ''));
    }
    assert.ok(hovers.some((hover) => hover !== ''), 'no hover at all');
    assert.deepEqual(english(hovers), []);
  });
  it('completion details of owner and access values', async () => {
    await client.open('sops/a.md');
    const details: string[] = [];
    for (const needle of ['r.ito', 'internal']) {
      const position = positionOf(A, needle);
      const answer = await client.request<CompletionList | CompletionItem[] | null>('textDocument/completion', { textDocument: { uri: client.uri('sops/a.md') }, position });
      const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
      for (const item of items) details.push(item.detail ?? '', typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? ''));
    }
    assert.ok(details.some((detail) => detail !== ''), 'no completion detail at all');
    assert.deepEqual(english(details), []);
  });
  it('request refusals: no history, an unknown template, a folder outside, a relative path', async () => {
    const refusals = [
      await refusal('densho/history', {}),
      await refusal('densho/changes', { uri: client.uri('sops/a.md') }),
      await refusal('densho/newDocument', { template: 'nosuch', id: 'SOP-C-001', title: '新しい手順', lang: 'en', directory: 'sops' }),
      await refusal('densho/newDocument', { template: 'sop', id: 'SOP-C-001', title: '新しい手順', lang: 'en', directory: '../outside' }),
      await refusal('densho/newDocument', { template: 'sop', id: 'lower-case', title: '新しい手順', lang: 'en', directory: 'sops' }),
      await refusal('densho/writeAuditReport', { out: 'relative.html' }),
      await refusal('densho/markReviewed', { uri: client.uri('densho.yaml') }),
    ];
    assert.ok(refusals.filter((text) => text !== '').length >= 5, refusals.join('\n'));
    assert.deepEqual(english(refusals), []);
  });
  it('the audit pack and partner copy the editor writes, and their results', async () => {
    const out = join(repo.root, 'audit.html');
    const written = await client.request<{ stdout: string; stderr: string }>('densho/writeAuditReport', { out });
    const refused = await client.request<{ stdout: string; stderr: string }>('densho/createPartnerCopy', { out: join(repo.root, 'copy'), maxLayer: 'nosuch' });
    assert.ok(existsSync(out), written.stderr);
    assert.deepEqual(english([written.stdout, written.stderr, refused.stdout, refused.stderr, visibleText(readFileSync(out, 'utf8'))]), []);
  });
  it('log lines, a malformed frame from the client\'s included', async () => {
    await client.writeRaw('not a frame header\r\n\r\n');
    await client.waitUntil('the skipped bytes logged', () => client.notifications.some((n) => n.method === 'window/logMessage' && /バイト/.test((n.params as { message: string }).message)));
    const logs = client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
    assert.deepEqual(english(logs), []);
  });
});
