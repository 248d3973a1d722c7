/** Completion and hover in training.yaml, as a quality manager types a record. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completions, hover } from '../../server/src/engine';
import { doc, PEOPLE, repository } from '../helpers';

const TRAINING = 'm.ito:\n  SOP-A-001: { level: trainer, version: 3 }\n';

async function typed(line: string) {
  const text = `${TRAINING}${line}`;
  const ws = await repository({ 'people.yaml': PEOPLE, 'training.yaml': text, 'a.md': doc({ version: '3', title: 'Welding' }), 'f.md': doc({ id: 'FRM-A-001', type: 'form', title: 'Form' }) });
  return { ws, position: { line: 2, character: line.length } };
}

describe('training.yaml completion', () => {
  it('offers people at the top level, active first, and document ids with titles under a person', async () => {
    let { ws, position } = await typed('r.');
    const people = completions(ws, 'training.yaml', position);
    assert.ok(people.some((entry) => entry.label === 'h.sato' && entry.kind === 'person'));
    assert.ok(people.find((entry) => entry.label === 'r.old')!.sortText! > people.find((entry) => entry.label === 'm.ito')!.sortText!, 'inactive people last');
    ({ ws, position } = await typed('  SOP'));
    const ids = completions(ws, 'training.yaml', position);
    assert.deepEqual(ids.map((entry) => [entry.label, entry.detail]), [['SOP-A-001', 'Welding'], ['FRM-A-001', 'Form']]);
    assert.equal(ids[0]!.insertText, 'SOP-A-001: { level: learning, version: 3, date: 2026-11-25 }');
    assert.deepEqual(ids[0]!.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 5 } });
  });
  it('offers levels, the current version, today, trainers first, and the record keys', async () => {
    const labels = async (line: string) => {
      const { ws, position } = await typed(line);
      return completions(ws, 'training.yaml', position);
    };
    assert.deepEqual((await labels('  SOP-A-001: { level: ')).map((entry) => entry.label), ['learning', 'supervised', 'independent', 'trainer']);
    assert.deepEqual((await labels('  SOP-A-001: { level: learning, version: ')).map((entry) => entry.label), ['3']);
    assert.deepEqual((await labels('  SOP-A-001: { date: 2026')).map((entry) => [entry.label, entry.range.start.character]), [['2026-11-25', 21]]);
    // Under another person, with the brace the editor closes: the file parses, so the records are known.
    const ws = await repository({ 'people.yaml': PEOPLE, 'training.yaml': `${TRAINING}h.sato:\n  SOP-A-001: { trainer:  }\n`, 'a.md': doc({ version: '3' }) });
    const trainers = completions(ws, 'training.yaml', { line: 3, character: 24 }).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.equal(trainers[0]!.label, 'm.ito', 'the recorded trainer of SOP-A-001 first');
    assert.match(trainers[0]!.detail!, /^trainer on SOP-A-001/);
    assert.deepEqual((await labels('  SOP-A-001: { level: learning, ')).map((entry) => entry.label), ['level', 'version', 'date', 'trainer', 'note']);
  });
});

describe('training.yaml hover', () => {
  it('explains a level, describes a person, and shows a document with who is qualified', async () => {
    const { ws } = await typed('');
    assert.match(hover(ws, 'training.yaml', { line: 1, character: 25 })!.contents, /\*\*trainer\*\*: does it alone and can teach it/);
    assert.match(hover(ws, 'training.yaml', { line: 0, character: 2 })!.contents, /伊藤 美咲/);
    const document = hover(ws, 'training.yaml', { line: 1, character: 4 })!;
    assert.match(document.contents, /Version 3 \(major change\)/);
    assert.match(document.contents, /Qualified 1 of 2: `m.ito`/);
    assert.deepEqual(document.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 11 } });
  });
  it('shows who is qualified on a hover over a document id in its front matter', async () => {
    const { ws } = await typed('');
    assert.match(hover(ws, 'a.md', { line: 1, character: 6 })!.contents, /Qualified 1 of 2: `m.ito`/);
  });
});
