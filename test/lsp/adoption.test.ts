/** A folder that does not use Densho yet: no flood of findings before the user opts in, and what opting in changes. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { clientForSuite, tempRepository } from './client';

const PLAIN: Record<string, string> = {
  'notes.md': '# Notes\n\nSee [the guide](guide.md) and [nothing](gone.md).\n',
  'guide.md': '# Guide\n\nSteps.\n',
};

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

describe('a folder without densho.yaml', () => {
  const repo = tempRepository(PLAIN);
  const client = clientForSuite(repo, ['notes.md', 'guide.md']);

  it('publishes no frontmatter/missing and no coverage gaps, but still reports a broken link', async () => {
    const notes = client.diagnostics.get(client.uri('notes.md'))!.params.diagnostics;
    assert.deepEqual(codes(notes), ['link/file']);
    assert.deepEqual(codes(client.diagnostics.get(client.uri('guide.md'))!.params.diagnostics), []);
    const gaps = [...client.diagnostics.values()].flatMap((entry) => entry.params.diagnostics).filter((diagnostic) => diagnostic.code === 'iso/gap');
    assert.deepEqual(gaps, []);
  });

  it('offers no front matter skeleton for a finding it does not show, as a quick fix or in fix all', async () => {
    for (const only of [undefined, ['source.fixAll']]) {
      const actions = await client.request<{ title: string }[]>('textDocument/codeAction', {
        textDocument: { uri: client.uri('guide.md') },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only },
      });
      assert.deepEqual(actions, [], JSON.stringify(only));
    }
  });

  it('reports them once densho.yaml exists', async () => {
    // The reports of the first check are announced once; what follows is about densho.yaml.
    await client.notificationAfter('densho/reportsChanged', 0);
    const before = client.seq;
    repo.write('densho.yaml', 'docs: ["**/*.md"]\nstandards: [iso9001]\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('densho.yaml'), type: 1 }] });
    const guide = await client.diagnosticsAfter('guide.md', before, (diagnostics) => diagnostics.length > 0);
    assert.deepEqual(codes(guide), ['frontmatter/missing']);
    const config = await client.diagnosticsAfter('densho.yaml', before, (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'iso/gap'));
    // A gap opens densho.yaml at `standards:`, the key that asks for the clause.
    for (const gap of config.filter((diagnostic) => diagnostic.code === 'iso/gap')) assert.deepEqual(gap.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 9 } });
    // The reports are the same, but the views must leave their welcome: the client hears of it.
    await client.notificationAfter('densho/reportsChanged', before);
  });
});

describe('densho/init from the editor', () => {
  const repo = tempRepository({ ...PLAIN, 'README.md': '# About this repository\n' });
  const client = clientForSuite(repo, ['notes.md', 'guide.md']);

  it('says the folder is not set up, writes what `densho init` writes, and checks every document with it at once', async () => {
    assert.deepEqual(await client.request('densho/setupStatus', {}), { configured: false });
    const before = client.seq;
    const result = await client.request<{ exitCode: number; stdout: string; configFile: string }>('densho/init', {});
    assert.equal(result.exitCode, 0, JSON.stringify(result));
    assert.match(result.stdout, /^created densho\.yaml\ncreated people\.yaml\ncreated training\.yaml\n/);
    assert.equal(result.configFile, client.uri('densho.yaml'));
    assert.match(repo.read('densho.yaml'), /ignore: \[.*"README\.md"/);
    assert.deepEqual(await client.request('densho/setupStatus', {}), { configured: true });
    // No watched-file events are sent: the server re-read what it wrote.
    const guide = await client.diagnosticsAfter('guide.md', before, (diagnostics) => diagnostics.length > 0);
    assert.deepEqual(codes(guide), ['frontmatter/missing']);
    await client.notificationAfter('densho/reportsChanged', before);
  });

  it('with frontMatter, gives every document its draft front matter and never overwrites densho.yaml', async () => {
    repo.write('densho.yaml', `${repo.read('densho.yaml')}# kept\n`);
    const kept = repo.read('densho.yaml');
    const before = client.seq;
    const result = await client.request<{ exitCode: number; stdout: string }>('densho/init', { frontMatter: true });
    assert.equal(result.exitCode, 0, JSON.stringify(result));
    assert.match(result.stdout, /kept densho\.yaml/);
    assert.match(result.stdout, /front matter added to 2 documents/);
    assert.equal(repo.read('densho.yaml'), kept);
    assert.match(repo.read('guide.md'), /^---\nid: SOP-GUIDE\ntitle: "Guide"\n/);
    const guide = await client.diagnosticsAfter('guide.md', before, (diagnostics) => !codes(diagnostics).includes('frontmatter/missing'));
    assert.ok(codes(guide).includes('frontmatter/required'), JSON.stringify(codes(guide)));
  });
});

describe('placeholders in the editor', () => {
  const sop = (id: string, owner: string, expert: string) => `---\nid: ${id}\ntitle: P\naccess: internal\nowner: ${owner}\nexpert: ${expert}\nreviewed: 2024-01-10\n---\n\n# P\n`;
  // What the editor's older skeleton left: the field names as values. Beside it, a document naming a real person.
  const repo = tempRepository({ 'densho.yaml': 'standards: []\n', 'p.md': sop('SOP-P-001', 'owner', 'expert'), 'q.md': sop('SOP-Q-001', 'h.sato', 'h.sato') });
  const client = clientForSuite(repo, ['p.md', 'q.md']);

  it('the Knowledge holders data (densho/knowledgeRisk) names no person called "expert", and the review schedule no "owner"', async () => {
    const risk = await client.request<{ experts: { expert: string }[] }>('densho/knowledgeRisk', {});
    assert.deepEqual(risk.experts.map((holder) => holder.expert), ['h.sato']);
    const schedule = await client.request<{ owners: { owner: string }[] }>('densho/reviewSchedule', {});
    assert.deepEqual(schedule.owners.map((reviews) => reviews.owner), ['(no owner)', 'h.sato']);
  });
});
