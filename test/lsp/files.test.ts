/** Renamed and moved files keep their links; the custom report requests and their change notification. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { AuditReportRequest, CoverageRequest, KnowledgeRiskRequest, PartnerCopyRequest, ReportsChangedNotification, ReviewScheduleRequest, type CommandResult } from '../../server/src/protocol';
import { applyTextEdits, REPO_ROOT, clientForSuite, tempRepository, TODAY } from './client';
import { A, B, FILES } from './fixtures';

describe('renaming and moving files', () => {
  const repo = tempRepository(FILES);
  const client = clientForSuite(repo, ['a.md', 'a.ja.md', 'b.md']);

  async function willRename(files: [string, string][]): Promise<Map<string, string>> {
    const edit = await client.request<WorkspaceEdit | null>('workspace/willRenameFiles', {
      files: files.map(([from, to]) => ({ oldUri: client.uri(from), newUri: client.uri(to) })),
    });
    const texts = new Map<string, string>();
    for (const change of edit?.documentChanges ?? []) {
      assert.ok('textDocument' in change);
      const path = change.textDocument.uri.slice(client.uri('').length + 1);
      texts.set(path, applyTextEdits(texts.get(path) ?? repo.read(path), change.edits as never));
    }
    return texts;
  }

  it('points links at a moved file, and re-bases the relative links inside it', async () => {
    const texts = await willRename([['a.md', 'procedures/source.md']]);
    assert.equal(texts.get('b.md'), B.replace('(a.md#steps)', '(procedures/source.md#steps)'));
    assert.equal(texts.get('a.md'), A.replace('(b.md)', '(../b.md)'));
    assert.equal(texts.size, 2, '[[ID]] references need no change');
  });

  it('handles a folder rename', async () => {
    const texts = await willRename([['media', 'assets/media']]);
    assert.deepEqual([...texts.keys()], ['b.md']);
    assert.equal(texts.get('b.md'), B.replace('(media/pic.png)', '(assets/media/pic.png)'));
  });

  it('leaves every link working after the edit, the move and the watched-file events', async () => {
    const texts = await willRename([['a.md', 'procedures/source.md']]);
    for (const [path, text] of texts) repo.write(path, text);
    mkdirSync(dirname(join(repo.root, 'procedures/source.md')), { recursive: true });
    renameSync(join(repo.root, 'a.md'), join(repo.root, 'procedures/source.md'));
    const before = client.seq;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: client.uri('a.md'), type: 3 },
        { uri: client.uri('procedures/source.md'), type: 1 },
        { uri: client.uri('b.md'), type: 2 },
      ],
    });
    assert.deepEqual(await client.diagnosticsAfter('a.md', before), []);
    const moved = await client.diagnosticsAfter('procedures/source.md', before);
    assert.deepEqual(moved.map((d) => d.code), ['people/leaving'], 'what a.md reported (its expert leaves), and no broken link');
    // b.md had no diagnostics before and has none after, so nothing new need be sent for it: its last ones count once every check has run (codeAction waits for them).
    await client.request('textDocument/codeAction', { textDocument: { uri: client.uri('b.md') }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
    assert.deepEqual(client.diagnostics.get(client.uri('b.md'))?.params.diagnostics, []);
  });
});

describe('report requests on samples/', () => {
  const repo = tempRepository();
  const client = clientForSuite(repo);

  const cli = (...args: string[]) => JSON.parse(execFileSync(process.execPath, [`${REPO_ROOT}/dist/cli.js`, ...args, repo.root, '--format', 'json', '--today', TODAY], { encoding: 'utf8' }));

  it('densho/coverage returns what `densho coverage --format json` prints', async () => {
    assert.deepEqual(await client.request(CoverageRequest.method, {}), cli('coverage'));
    assert.equal(await client.request(CoverageRequest.method, { standard: 'iso14001' }), null);
  });

  it('densho/reviewSchedule returns what `densho review --format json` prints', async () => {
    assert.deepEqual(await client.request(ReviewScheduleRequest.method, {}), cli('review'));
    assert.deepEqual(await client.request(ReviewScheduleRequest.method, { within: '90d' }), cli('review', '--within', '90d'));
    await assert.rejects(client.request(ReviewScheduleRequest.method, { within: 'soon' }), /duration/);
  });

  it('densho/knowledgeRisk returns what `densho risk --format json` prints', async () => {
    assert.deepEqual(await client.request(KnowledgeRiskRequest.method, { folder: client.uri('') }), cli('risk'));
  });

  it('densho/coverage with maxLayer returns what `densho coverage --max-layer` prints', async () => {
    const limited = await client.request(CoverageRequest.method, { maxLayer: 'internal' });
    assert.deepEqual(limited, cli('coverage', '--max-layer', 'internal'));
    assert.ok(!JSON.stringify(limited).includes('MST-WLD-001'));
    await assert.rejects(client.request(CoverageRequest.method, { maxLayer: 'secret' }), /maxLayer must be one of/);
  });

  it('densho/writeAuditReport and densho/createPartnerCopy run `densho report` and `densho export` on the saved files', async () => {
    const out = mkdtempSync(join(tmpdir(), 'densho-lsp-export-'));
    const report = await client.request<CommandResult>(AuditReportRequest.method, { format: 'html', out: join(out, 'audit.html'), maxLayer: 'internal' });
    assert.equal(report.exitCode, 1, 'the samples hold deliberate errors, and the result says so');
    assert.match(report.stdout, /^Wrote .*audit\.html/);
    const page = readFileSync(join(out, 'audit.html'), 'utf8');
    assert.ok(page.includes('<section id="findings">') && !page.includes('MST-WLD-001'));
    const copy = await client.request<CommandResult>(PartnerCopyRequest.method, { maxLayer: 'internal', out: join(out, 'copy') });
    assert.equal(copy.exitCode, 0, copy.stderr);
    assert.ok(existsSync(join(out, 'copy', 'sops/quality/sop-qms-002.md')) && !existsSync(join(out, 'copy', 'sops/welding/mst-wld-001.md')));
    const refused = await client.request<CommandResult>(PartnerCopyRequest.method, { maxLayer: 'internal', out: join(out, 'copy') });
    assert.equal(refused.exitCode, 2, 'a folder that is not empty is refused, as on the command line');
    assert.match(refused.stderr, /is not empty/);
    await assert.rejects(client.request(PartnerCopyRequest.method, { maxLayer: 'internal', out: 'relative/copy' }), /absolute path/);
  });

  it('tells the client when the reports change', async () => {
    const path = 'sops/welding/sop-wld-004.md';
    const text = repo.read(path);
    await client.open(path);
    const before = client.seq;
    await client.sendChange(path, text.replace(/^reviewed: .*$/m, 'reviewed: 2020-01-01'));
    const params = (await client.notificationAfter(ReportsChangedNotification.method, before)) as { folder: string };
    assert.equal(params.folder, client.uri(''));
    const schedule = (await client.request(ReviewScheduleRequest.method, {})) as { owners: { documents: { file: string; state: string }[] }[] };
    assert.ok(schedule.owners.flatMap((owner) => owner.documents).some((document) => document.file === path && document.state === 'overdue'));
  });

  it('reported work-done progress while indexing', () => {
    const kinds = client.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string } }).value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(client.notifications.some((n) => n.method === 'client/registerCapability'), 'registers a file watcher');
  });
});
