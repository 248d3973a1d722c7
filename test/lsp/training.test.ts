/**
 * training.yaml in the editor: its diagnostics, and the procedures' own
 * knowledge/single-holder findings, follow edits to the records as typed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientForSuite, tempRepository } from './client';

const PEOPLE = 'p.one:\n  name: Person One\np.two:\n  name: Person Two\n';

const SOP = `---
id: SOP-A-001
title: Procedure
access: internal
owner: p.one
expert: p.one
reviewed: 2026-10-01
version: 2
---

# Procedure
`;

const ONE_QUALIFIED = 'p.one:\n  SOP-A-001: { level: trainer, version: 2 }\n';

describe('training.yaml in the language server', () => {
  const repo = tempRepository({ 'densho.yaml': 'standards: []\n', 'people.yaml': PEOPLE, 'training.yaml': ONE_QUALIFIED, 'a.md': SOP });
  const client = clientForSuite(repo, ['a.md']);

  it('re-checks the procedure when a second person is recorded, and again when the record goes', async () => {
    const first = await client.open('a.md');
    assert.deepEqual(first.map((d) => d.code), ['knowledge/single-holder']);
    await client.openQuietly('training.yaml');
    const before = client.seq;
    await client.sendChange('training.yaml', `${ONE_QUALIFIED}p.two:\n  SOP-A-001: { level: independent, version: 2 }\n`);
    assert.deepEqual(await client.diagnosticsAfter('a.md', before, (d) => d.length === 0), []);
    const again = client.seq;
    await client.sendChange('training.yaml', ONE_QUALIFIED);
    const restored = await client.diagnosticsAfter('a.md', again, (d) => d.length > 0);
    assert.deepEqual(restored.map((d) => d.code), ['knowledge/single-holder']);
  });

  it('reports an unknown person in training.yaml as typed, at the key', async () => {
    const before = client.seq;
    await client.sendChange('training.yaml', `${ONE_QUALIFIED}p.twoo:\n  SOP-A-001: { level: independent, version: 2 }\n`);
    const diagnostics = await client.diagnosticsAfter('training.yaml', before, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['training/invalid', 2, 0]]);
    assert.match(String(diagnostics[0]!.message), /Did you mean "p.two"\?/);
  });

  it('re-checks training.yaml when the procedure gets a new major version', async () => {
    const before = client.seq;
    await client.sendChange('training.yaml', ONE_QUALIFIED);
    await client.diagnosticsAfter('training.yaml', before, (d) => d.length === 0);
    const bumped = client.seq;
    await client.sendChange('a.md', SOP.replace('version: 2', 'version: 3'));
    const diagnostics = await client.diagnosticsAfter('training.yaml', bumped, (d) => d.length > 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['training/outdated']);
  });
});

describe('densho/skills and densho/recordTraining', () => {
  const repo = tempRepository({ 'densho.yaml': 'standards: []\n', 'people.yaml': PEOPLE, 'a.md': SOP });
  const client = clientForSuite(repo, ['a.md']);

  it('creates training.yaml with the first record, and the matrix and the procedure follow', async () => {
    const before = await client.connection.sendRequest('densho/skills', {});
    assert.deepEqual((before as { documents: { id: string; qualified: string[] }[] }).documents.map((d) => [d.id, d.qualified]), [['SOP-A-001', []]]);
    const edit = await client.connection.sendRequest('densho/recordTraining', { person: 'p.one', id: 'SOP-A-001', level: 'trainer', date: '2026-11-01' });
    const at = client.seq;
    const texts = await client.applyEdit(edit as Parameters<typeof client.applyEdit>[0]);
    assert.match(texts.get('training.yaml')!, /\np\.one:\n {2}SOP-A-001: \{ level: trainer, version: 2, date: 2026-11-01 \}\n$/);
    const diagnostics = await client.diagnosticsAfter('a.md', at, (d) => d.length > 0);
    assert.match(String(diagnostics[0]!.message), /has 1: only p\.one\./);
    const matrix = (await client.connection.sendRequest('densho/skills', {})) as { documents: { qualified: string[] }[] };
    assert.deepEqual(matrix!.documents[0]!.qualified, ['p.one']);
  });

  it('adds a second record beside the first, touching nothing else', async () => {
    const edit = await client.connection.sendRequest('densho/recordTraining', { person: 'p.two', id: 'SOP-A-001', level: 'independent', trainer: 'p.one', date: '2026-11-20' });
    const before = repo.read('training.yaml');
    const texts = await client.applyEdit(edit as Parameters<typeof client.applyEdit>[0]);
    assert.equal(texts.get('training.yaml'), `${before}p.two:\n  SOP-A-001: { level: independent, version: 2, date: 2026-11-20, trainer: p.one }\n`);
  });

  it('refuses an unknown level or document with a message, writing nothing', async () => {
    await assert.rejects(client.connection.sendRequest('densho/recordTraining', { person: 'p.two', id: 'SOP-A-001', level: 'expert' }), /level must be one of learning, supervised, independent, trainer/);
    await assert.rejects(client.connection.sendRequest('densho/recordTraining', { person: 'p.two', id: 'SOP-Z-999', level: 'trainer' }), /no document has the id SOP-Z-999/);
  });
});

describe('training.yaml edits in the language server: what is re-read, and in which order', () => {
  const repo = tempRepository({ 'densho.yaml': 'standards: []\n', 'people.yaml': PEOPLE, 'training.yaml': ONE_QUALIFIED, 'a.md': SOP });
  const client = clientForSuite(repo, ['a.md']);

  it("publishes training.yaml's own diagnostics first, then the procedure's knowledge/single-holder", async () => {
    assert.deepEqual((await client.open('a.md')).map((d) => d.code), ['knowledge/single-holder']);
    await client.openQuietly('training.yaml');
    const before = client.seq;
    // A second qualified person, taught by someone not in people.yaml.
    await client.sendChange('training.yaml', `${ONE_QUALIFIED}p.two:\n  SOP-A-001: { level: independent, version: 2, trainer: p.onee }\n`);
    assert.deepEqual(await client.diagnosticsAfter('a.md', before, (d) => d.length === 0), []);
    const training = client.diagnostics.get(client.uri('training.yaml'))!;
    assert.ok(training.seq > before, 'training.yaml was published after the edit');
    assert.deepEqual(training.params.diagnostics.map((d) => [d.code, d.range.start.line]), [['training/invalid', 3], ['training/trainer', 3]]);
    assert.ok(training.seq < client.diagnostics.get(client.uri('a.md'))!.seq, "training.yaml's diagnostics came before the procedure's");
  });

  it("re-checks training.yaml's people when people.yaml changes", async () => {
    await client.openQuietly('people.yaml');
    const before = client.seq;
    await client.sendChange('people.yaml', `${PEOPLE}p.onee:\n  name: Person One E\n`);
    const known = await client.diagnosticsAfter('training.yaml', before, (d) => d.length === 1);
    assert.deepEqual(known.map((d) => d.code), ['training/trainer'], 'the trainer is a person now, still not a trainer');
    const again = client.seq;
    await client.sendChange('people.yaml', PEOPLE);
    const restored = await client.diagnosticsAfter('training.yaml', again, (d) => d.length === 2);
    assert.deepEqual(restored.map((d) => [d.code, d.range.start.line]), [['training/invalid', 3], ['training/trainer', 3]]);
    assert.match(String(restored[0]!.message), /Trainer "p.onee" is not in people.yaml/);
  });
});
