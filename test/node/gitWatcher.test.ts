/**
 * The Git watcher: a commit is noticed soon after Git's last write, and
 * once more a settle time later, so a command whose ref was written after
 * the quiet time (a slow machine, a hook) is still followed.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { watchGit } from '../../server/src/node/gitWatcher';
import { commitTo, gitRepository } from '../support/gitRepo';

/** Resolves with the times (ms after `start`) `watchGit` called back, once `count` calls came or `limitMs` passed. */
function callsOf(root: string, timing: { quietMs: number; settleMs: number }, act: () => void, count: number, limitMs: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const calls: number[] = [];
    let start = 0;
    let finish = (): void => undefined;
    const watcher = watchGit(
      root,
      () => {
        calls.push(performance.now() - start);
        if (calls.length === count) finish();
      },
      timing,
    );
    if (!watcher) return reject(new Error('no Git directory to watch'));
    const limit = setTimeout(() => finish(), limitMs);
    finish = () => {
      clearTimeout(limit);
      watcher.dispose();
      resolve(calls);
    };
    start = performance.now();
    act();
  });
}

describe('watchGit', () => {
  it('calls back after the quiet time and once more after the settle time, for a whole commit', async () => {
    const root = gitRepository([{ subject: 'Add', date: '2025-01-10', files: { 'a.md': 'one\n' } }]);
    const calls = await callsOf(root, { quietMs: 30, settleMs: 600 }, () => commitTo(root, { subject: 'Two', date: '2025-01-11', files: { 'a.md': 'two\n' } }), 3, 3000);
    assert.equal(calls.length, 2, `calls at ${calls.map(Math.round).join(', ')} ms`);
    // Timers never fire early, so this holds however loaded the machine is.
    assert.ok(calls[1]! >= 600, `the second call ${Math.round(calls[1]!)} ms after the commit began`);
  });

  it('ignores files Git writes that do not say HEAD moved', async () => {
    const root = gitRepository([{ subject: 'Add', date: '2025-01-10', files: { 'a.md': 'one\n' } }]);
    const calls = await callsOf(root, { quietMs: 10, settleMs: 50 }, () => writeFileSync(join(root, '.git', 'description'), 'changed\n'), 1, 500);
    assert.deepEqual(calls, []);
  });
});
