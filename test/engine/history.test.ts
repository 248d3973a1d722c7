/**
 * The history model on an in-memory log: revisions, renames, editorial
 * commits, "in force on a date", and the reasons history is missing.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentsAffectedByHistory, message, MemoryHistorySource, parseDay, readHistory, type RepositoryHistory } from '../../server/src/engine';
import { doc, withHistory } from '../helpers';

const at = (version: number, fields: Record<string, string> = {}, body = '# A\n\n1. Step.\n') => doc({ version: String(version), ...fields }, body);

async function historyOf(source: MemoryHistorySource): Promise<RepositoryHistory> {
  const history = await readHistory(source, (path) => path.endsWith('.md'));
  assert.ok(!('unavailable' in history), 'history is available');
  return history;
}

describe('document history', () => {
  it('a revision is the commit that added the file, then each commit that gave version a new value', async () => {
    const history = await historyOf(
      new MemoryHistorySource([
        { subject: 'Add A', date: '2025-01-10', author: 'Kenji', files: { 'a.md': at(1) } },
        { subject: 'Approve A', date: '2025-01-12', files: { 'a.md': at(1, { 'approved-by': 'k.tanaka', approved: '2025-01-12' }) } },
        { subject: 'A v2: new clamp', date: '2025-06-01', author: 'Hiroshi', files: { 'a.md': at(2, { change: 'minor', 'approved-by': 'k.tanaka' }) } },
        { subject: 'Unrelated', date: '2025-07-01', files: { 'b.md': at(1) } },
      ]),
    );
    const revisions = history.of('a.md')!.revisions.map(({ version, change, date, author, approvedBy, approved, summary }) => ({ version, change, date, author, approvedBy, approved, summary }));
    assert.deepEqual(revisions, [
      { version: 1, change: 'major', date: '2025-01-10', author: 'Kenji', approvedBy: 'k.tanaka', approved: '2025-01-12', summary: 'Add A' },
      { version: 2, change: 'minor', date: '2025-06-01', author: 'Hiroshi', approvedBy: 'k.tanaka', approved: undefined, summary: 'A v2: new clamp' },
    ]);
  });

  it('follows renames: the moved file keeps its revisions', async () => {
    const history = await historyOf(
      new MemoryHistorySource([
        { subject: 'Add', date: '2025-01-10', files: { 'old/a.md': at(1) } },
        { subject: 'v2', date: '2025-02-10', files: { 'old/a.md': at(2) } },
        { subject: 'Move to sops/', date: '2025-03-10', renames: { 'old/a.md': 'sops/a.md' } },
      ]),
    );
    assert.equal(history.of('old/a.md'), undefined);
    const moved = history.of('sops/a.md')!;
    assert.deepEqual(moved.revisions.map((revision) => [revision.version, revision.path]), [[1, 'old/a.md'], [2, 'old/a.md']]);
    assert.equal(moved.commits.length, 3);
  });

  it('a deleted and re-added file starts a new history', async () => {
    const history = await historyOf(
      new MemoryHistorySource([
        { subject: 'Add', date: '2025-01-10', files: { 'a.md': at(3) } },
        { subject: 'Remove', date: '2025-02-10', files: { 'a.md': null } },
        { subject: 'Again', date: '2025-03-10', files: { 'a.md': at(1) } },
      ]),
    );
    assert.deepEqual(history.of('a.md')!.revisions.map((revision) => revision.summary), ['Again']);
  });

  it('recognises editorial: commits', async () => {
    const history = await historyOf(
      new MemoryHistorySource([
        { subject: 'Add', date: '2025-01-10', files: { 'a.md': at(1) } },
        { subject: 'editorial: typo', date: '2025-02-10', files: { 'a.md': at(1, {}, '# A\n\n1. Stepp.\n') } },
        { subject: 'Editorial: capitals', date: '2025-02-11', files: { 'a.md': at(1, {}, '# A\n\n1. STEP.\n') } },
        { subject: 'Not editorial: says so later', date: '2025-02-12', files: { 'a.md': at(1) } },
      ]),
    );
    assert.deepEqual(history.of('a.md')!.commits.map((commit) => commit.editorial), [false, true, true, false]);
  });

  it('in force on a date: the newest approved revision committed on or before it', async () => {
    const history = await historyOf(
      new MemoryHistorySource([
        { subject: 'Draft', date: '2025-01-10', files: { 'a.md': at(1, { status: 'draft' }) } },
        { subject: 'Approve', date: '2025-01-20', files: { 'a.md': at(1) } },
        { subject: 'v2 draft', date: '2025-05-01', files: { 'a.md': at(2, { status: 'draft' }) } },
        { subject: 'v2 approved', date: '2025-05-10', files: { 'a.md': at(2) } },
        { subject: 'Withdrawn', date: '2025-09-01', files: { 'a.md': at(2, { status: 'obsolete' }) } },
      ]),
    );
    const inForce = (day: string) => history.of('a.md')!.inForce(parseDay(day)!)?.version;
    assert.equal(inForce('2025-01-09'), undefined, 'before the first commit');
    assert.equal(inForce('2025-01-15'), undefined, 'a draft is not in force');
    assert.equal(inForce('2025-01-20'), 1, 'on the day of the approving commit');
    assert.equal(inForce('2025-05-09'), 1, 'the day before version 2 was approved, version 1');
    assert.equal(inForce('2025-05-10'), 2, 'version 2 from the day it was approved');
    assert.equal(inForce('2025-09-01'), undefined, 'withdrawn');
  });

  it('keeps the reason when there is no history', async () => {
    assert.deepEqual(await readHistory(new MemoryHistorySource([]), () => true), { unavailable: message('history.no-commits') });
  });
});

describe('documents affected by a new history', () => {
  const first = [
    { subject: 'Add', date: '2025-01-10', files: { 'a.md': at(1), 'a.ja.md': doc({ lang: 'ja', 'translated-from-version': '1' }), 'b.md': doc({ id: 'SOP-B-001', version: '1' }) } },
  ];
  const files = { 'a.md': at(2), 'a.ja.md': doc({ lang: 'ja', 'translated-from-version': '1' }), 'b.md': doc({ id: 'SOP-B-001', version: '1' }) };

  it("a commit touching one source affects it and its translation only; the same history affects nothing; history appearing or going affects all", async () => {
    const workspace = await withHistory(first, files);
    const before = workspace.history!;
    const after = await historyOf(new MemoryHistorySource([...first, { subject: 'v2', date: '2025-02-10', files: { 'a.md': at(2) } }]));
    assert.deepEqual([...documentsAffectedByHistory(workspace, before, after)].sort(), ['a.ja.md', 'a.md']);
    assert.deepEqual([...documentsAffectedByHistory(workspace, before, await historyOf(new MemoryHistorySource(first)))], []);
    assert.deepEqual([...documentsAffectedByHistory(workspace, undefined, after)].sort(), ['a.ja.md', 'a.md', 'b.md']);
    assert.deepEqual([...documentsAffectedByHistory(workspace, before, undefined)].sort(), ['a.ja.md', 'a.md', 'b.md']);
    assert.deepEqual([...documentsAffectedByHistory(workspace, undefined, undefined)], []);
  });
});

describe('reading the history again after a commit', () => {
  it('keeps the history of every document the commit did not touch, reads only the touched blobs, and answers as a full read does', async () => {
    const commits = [
      { subject: 'Add', date: '2025-01-10', files: { 'a.md': at(1), 'b.md': at(1, { id: 'SOP-B-001' }) } },
      { subject: 'Move b', date: '2025-01-20', renames: { 'b.md': 'sops/b.md' } },
    ];
    const before = await historyOf(new MemoryHistorySource(commits));
    const next = new MemoryHistorySource([...commits, { subject: 'a v2', date: '2025-02-10', files: { 'a.md': at(2) } }]);
    const asked: string[] = [];
    const counting = { readHead: () => next.readHead(), readLog: () => next.readLog(), readBlobs: (ids: readonly string[]) => (asked.push(...ids), next.readBlobs(ids)) };
    const after = await readHistory(counting, (path) => path.endsWith('.md'), before);
    assert.ok(!('unavailable' in after));
    assert.equal(after.of('sops/b.md'), before.of('sops/b.md'), 'the untouched document keeps its history');
    assert.equal(asked.length, 2, 'the two blobs of a.md, none of b.md');
    assert.deepEqual(new Map(after.entries()), new Map((await historyOf(next)).entries()));
    assert.deepEqual(after.of('a.md')!.revisions.map((revision) => revision.version), [1, 2]);
  });
});
