/**
 * Document history in the language server: the editor's buffer checked
 * against the last revision, hover on `version`, densho/history and
 * densho/changes, a commit noticed without a restart, and no Git at all in
 * a workspace the client has not trusted.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { doc } from '../helpers';
import { commitTo, gitRepository } from '../support/gitRepo';
import { positionOf, TestClient } from './client';

const CONFIG = 'languages: [en, ja]\nstandards: []\n';
const source = (version: number, torque: string) => doc({ id: 'SOP-A-001', version: String(version) }, `# A\n\n## Steps\n\n1. Clamp at ${torque}.\n`);
const translation = doc({ id: 'SOP-A-001', lang: 'ja', 'translated-from-version': '1' }, '# A\n\n## 手順\n\n1. 締める。\n');
const rulesOf = (diagnostics: readonly { code?: unknown }[]) => diagnostics.map((diagnostic) => String(diagnostic.code));

describe('language server with Git history', () => {
  let root: string;
  let client: TestClient;
  before(async () => {
    root = gitRepository([
      { subject: 'Add SOP-A-001', date: '2026-01-10', author: 'Kenji Tanaka', files: { 'densho.yaml': CONFIG, 'a.md': source(1, '20 N·m'), 'a.ja.md': translation } },
      { subject: 'v2: 25 N·m', date: '2026-02-10', author: 'Kenji Tanaka', files: { 'a.md': source(2, '25 N·m') } },
    ]);
    client = await TestClient.start(root);
    await client.indexed(['a.md', 'a.ja.md']);
  });
  after(async () => client.stop());

  it("checks the editor's buffer against the current revision, before it is saved", async () => {
    assert.deepEqual(rulesOf(await client.open('a.md')), []);
    const edited = await client.change('a.md', source(2, '30 N·m'), (diagnostics) => diagnostics.length > 0);
    assert.deepEqual(rulesOf(edited), ['version/not-bumped']);
    assert.deepEqual(rulesOf(await client.change('a.md', source(3, '30 N·m'), (diagnostics) => diagnostics.length === 0)), []);
    await client.change('a.md', source(2, '25 N·m'), (diagnostics) => diagnostics.length === 0);
  });

  it('names the changed source sections on the translation, with related information', async () => {
    const diagnostics = await client.open('a.ja.md');
    const outdated = diagnostics.find((diagnostic) => diagnostic.code === 'translation/outdated');
    assert.match(String(outdated?.message ?? ''), /Changed since: Steps \(modified\)/);
    assert.ok(outdated?.relatedInformation?.some((related) => related.location.uri === client.uri('a.md') && related.location.range.start.line === 11));
  });

  it('hover on version lists the revisions, newest first', async () => {
    const position = positionOf(client.text('a.md'), 'version: 2');
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: client.uri('a.md') }, position })) as { contents: { value: string } };
    const value = hover.contents.value;
    assert.match(value, /\| 2 \| 2026-02-10 \| major \| Kenji Tanaka \|  \| v2: 25 N·m \|\n\| 1 \| 2026-01-10 \|/);
  });

  it('answers densho/history and densho/changes with the CLI JSON', async () => {
    const history = (await client.connection.sendRequest('densho/history', { document: 'SOP-A-001', at: '2026-01-31' })) as { documents: { lang: string; revisions: { version: number }[]; inForce: { version: number } }[] };
    const english = history.documents.find((document) => document.lang === 'en')!;
    assert.deepEqual(english.revisions.map((revision) => revision.version), [2, 1]);
    assert.equal(english.inForce.version, 1);
    const changes = (await client.connection.sendRequest('densho/changes', { uri: client.uri('a.ja.md') })) as { fromVersion: number; toVersion: number; sections: { slug: string }[] };
    assert.deepEqual([changes.fromVersion, changes.toVersion, changes.sections.map((section) => section.slug)], [1, 2, ['steps']]);
  });

  it('answers densho/revisionText with the text of each revision, and refuses a commit that is not one', async () => {
    const history = (await client.connection.sendRequest('densho/history', { document: client.uri('a.md') })) as { documents: { revisions: { version: number; commit: string }[] }[] };
    const [second, first] = history.documents[0]!.revisions;
    assert.equal(await client.connection.sendRequest('densho/revisionText', { uri: client.uri('a.md'), commit: first!.commit }), source(1, '20 N·m'));
    assert.equal(await client.connection.sendRequest('densho/revisionText', { uri: client.uri('a.md'), commit: second!.commit }), source(2, '25 N·m'));
    await assert.rejects(client.connection.sendRequest('densho/revisionText', { uri: client.uri('a.md'), commit: 'f'.repeat(40) }), /a\.md has no revision at commit ffffffffffff/);
    await assert.rejects(client.connection.sendRequest('densho/revisionText', { uri: client.uri('a.md'), commit: 'HEAD' }), /commit must be a full commit id/);
  });

  it('notices a commit without a restart', async () => {
    const changed = source(2, '40 N·m');
    writeFileSync(join(root, 'a.md'), changed);
    await client.change('a.md', changed, (diagnostics) => rulesOf(diagnostics).includes('version/not-bumped'));
    const seq = client.seq;
    commitTo(root, { subject: 'editorial: torque wording', date: '2026-03-01', files: { 'a.md': changed } });
    const after = await client.diagnosticsAfter('a.md', seq, (diagnostics) => !rulesOf(diagnostics).includes('version/not-bumped'), 30_000);
    assert.deepEqual(rulesOf(after), []);
  });
});

describe('language server when densho.yaml turns history off', () => {
  it('silences the history rules as soon as history: false is written, and brings them back', async () => {
    const root = gitRepository([{ subject: 'Add', date: '2026-01-10', files: { 'densho.yaml': CONFIG, 'a.md': source(1, '20 N·m') } }]);
    const client = await TestClient.start(root);
    try {
      await client.indexed(['a.md']);
      await client.open('a.md');
      await client.change('a.md', source(1, '25 N·m'), (diagnostics) => rulesOf(diagnostics).includes('version/not-bumped'));
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: client.uri('densho.yaml'), languageId: 'yaml', version: 1, text: CONFIG } });
      let seq = client.seq;
      await client.sendChange('densho.yaml', `${CONFIG}history: false\n`);
      await client.diagnosticsAfter('a.md', seq, (diagnostics) => !rulesOf(diagnostics).includes('version/not-bumped'));
      seq = client.seq;
      await client.sendChange('densho.yaml', CONFIG);
      await client.diagnosticsAfter('a.md', seq, (diagnostics) => rulesOf(diagnostics).includes('version/not-bumped'));
    } finally {
      await client.stop();
    }
  });
});

describe('language server in an untrusted workspace', () => {
  it('runs no git: the history rules stay silent and the log says why once', async () => {
    const root = gitRepository([
      { subject: 'Add', date: '2026-01-10', files: { 'densho.yaml': CONFIG, 'a.md': source(1, '20 N·m') } },
    ]);
    writeFileSync(join(root, 'a.md'), source(1, '25 N·m'));
    const client = await TestClient.start(root, { history: false });
    try {
      await client.indexed(['a.md']);
      assert.deepEqual(rulesOf(client.diagnostics.get(client.uri('a.md'))!.params.diagnostics), []);
      const logs = client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      assert.equal(logs.filter((message) => /not trusted/.test(message)).length, 1, logs.join('\n'));
      // What the editor's revision commands show: the reason, in one line.
      const reason = /No document history: the workspace is not trusted \(Restricted Mode\), so Git is not run\.$/;
      await assert.rejects(client.connection.sendRequest('densho/changes', { uri: client.uri('a.md') }), reason);
      await assert.rejects(client.connection.sendRequest('densho/revisionText', { uri: client.uri('a.md'), commit: 'a'.repeat(40) }), reason);
    } finally {
      await client.stop();
    }
  });
});

describe('language server after a commit', () => {
  it('re-checks only what the history decides: the committed document and its translation, not the others', async () => {
    const approvedSource = (version: number, torque: string) => doc({ id: 'SOP-A-001', version: String(version), approved: '2026-01-10', 'approved-by': 'k.tanaka' }, `# A\n\n## Steps\n\n1. Clamp at ${torque}.\n`);
    const root = gitRepository([
      { subject: 'Add', date: '2026-01-10', files: { 'densho.yaml': CONFIG, 'a.md': approvedSource(1, '20 N·m'), 'a.ja.md': translation, 'b.md': doc({ id: 'SOP-B-001' }) } },
    ]);
    // Version 2 written but not committed: its approval cannot be judged yet.
    writeFileSync(join(root, 'a.md'), approvedSource(2, '25 N·m'));
    const client = await TestClient.start(root);
    try {
      await client.indexed(['a.md', 'a.ja.md', 'b.md']);
      await client.connection.sendRequest('densho/history', {});
      assert.ok(!rulesOf(client.diagnostics.get(client.uri('a.md'))!.params.diagnostics).includes('approval/outdated'));
      const seq = client.seq;
      commitTo(root, { subject: 'v2: 25 N·m', date: '2026-03-01', files: {} });
      const after = await client.diagnosticsAfter('a.md', seq, (diagnostics) => rulesOf(diagnostics).includes('approval/outdated'), 30_000);
      assert.match(String(after.find((diagnostic) => diagnostic.code === 'approval/outdated')?.message), /before version 2 was committed on 2026-03-01/);
      // Diagnostics that did not change are not sent again, so the server's log says what it checked: a.md and its translation, not b.md.
      const logs = client.notifications.filter((n) => n.seq > seq && n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      assert.ok(logs.some((line) => /history read again at [0-9a-f]{12} in \d+ ms; 2 document\(s\) to check again/.test(line)), logs.join('\n'));
    } finally {
      await client.stop();
    }
  });
});
