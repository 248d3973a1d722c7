/** Pull diagnostics for a client that announces them; push stays for the others (every other suite). */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentDiagnosticReport, WorkspaceDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { CAPABILITIES, tempRepository, TestClient } from './client';
import { B, FILES } from './fixtures';

const PULL = { ...CAPABILITIES, textDocument: { ...CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } }, workspace: { ...CAPABILITIES.workspace, diagnostics: { refreshSupport: true } } };

describe('pull diagnostics', () => {
  const repo = tempRepository({ ...FILES, 'b.md': B.replace('[[SOP-A-001]]', '[[SOP-NONE-404]]') });
  let client: TestClient;
  let refreshes = 0;
  let onRefresh: (() => void) | undefined;
  before(async () => {
    client = await TestClient.start(repo.root, { capabilities: PULL });
    client.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      onRefresh?.();
      return null;
    });
  });
  after(async () => {
    await client.stop();
    repo.dispose();
  });

  const pull = (path: string, previousResultId?: string) => client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: client.uri(path) }, ...(previousResultId ? { previousResultId } : {}) });
  const codes = (report: DocumentDiagnosticReport) => (report.kind === 'full' ? report.items.map((d) => d.code).sort() : []);

  it('announces a diagnostic provider, answers textDocument/diagnostic, and publishes nothing', async () => {
    const report = await pull('b.md');
    assert.equal(report.kind, 'full');
    assert.ok(codes(report).includes('link/id'), JSON.stringify(report));
    assert.equal(client.diagnostics.size, 0, 'no textDocument/publishDiagnostics');
    const again = await pull('b.md', report.resultId);
    assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });
  });

  it('answers with the edited text\'s results, and asks the client to refresh after a check', async () => {
    const refreshesBefore = refreshes;
    const first = await pull('b.md');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: client.uri('b.md'), languageId: 'markdown', version: 1, text: B } });
    const edited = await pull('b.md', first.resultId);
    assert.equal(edited.kind, 'full');
    assert.ok(!codes(edited).includes('link/id'), JSON.stringify(edited));
    if (refreshes === refreshesBefore) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no workspace/diagnostic/refresh within 5 s')), 5000);
        onRefresh = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  });

  it('answers workspace/diagnostic with every document, unchanged ones as such', async () => {
    const report = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const uris = report.items.map((item) => item.uri);
    for (const path of ['a.md', 'a.ja.md', 'b.md']) assert.ok(uris.includes(client.uri(path)), `${path} in ${uris.join(', ')}`);
    const previous = report.items.filter((item) => item.resultId !== undefined).map((item) => ({ uri: item.uri, value: item.resultId! }));
    const again = await client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: previous });
    assert.ok(again.items.every((item) => item.kind === 'unchanged'));
  });
});
