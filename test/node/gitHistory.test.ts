/**
 * The history port on the real `git`: what it reads from a repository built
 * here with fixed dates, how many processes it starts, why it gives up
 * (no work tree, no git, a shallow clone, no commits), and that nothing a
 * repository's own configuration names is ever run.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { isUnavailable, readHistory, type RepositoryHistory } from '../../server/src/engine';
import { GitHistorySource } from '../../server/src/node/gitHistory';
import { doc, text } from '../helpers';
import { commitTo, git, gitRepository, tempDir, writeFiles, type TestCommit } from '../support/gitRepo';

const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');
const sop = (version: number, body = '# A\n\n1. Clamp at 20 N·m.\n') => doc({ version: String(version) }, body);

/** A git that records each call's arguments (one line per call) before running the real one. */
function recordingGit(): { git: string; calls(): string[] } {
  const bin = tempDir('bin');
  const record = join(bin, 'calls');
  const wrapper = join(bin, 'git');
  writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> '${record}'\nexec git "$@"\n`);
  chmodSync(wrapper, 0o755);
  return { git: wrapper, calls: () => (existsSync(record) ? readFileSync(record, 'utf8').split('\n').filter(Boolean) : []) };
}

/** The history, or why there is none in English words. */
async function historyAt(root: string, options: ConstructorParameters<typeof GitHistorySource>[1] = {}): Promise<RepositoryHistory | { unavailable: string }> {
  const history = await readHistory(new GitHistorySource(root, options), (path) => path.endsWith('.md'));
  return isUnavailable(history) ? { unavailable: text(history.unavailable) } : history;
}

describe('GitHistorySource', () => {
  it('reads revisions, authors, dates and subjects, follows renames and keeps paths with spaces and Japanese', async () => {
    const root = gitRepository([
      { subject: 'Add the welding SOP', date: '2025-01-10', author: '佐藤 浩', files: { 'old/溶接 手順.md': sop(1) } },
      { subject: 'editorial: typo', date: '2025-02-10', files: { 'old/溶接 手順.md': sop(1, '# A\n\n1. Clamp at 20 N·m!\n') } },
      { subject: 'Move to sops/', date: '2025-03-10', renames: { 'old/溶接 手順.md': 'sops/溶接 手順.md' } },
      { subject: 'v2: 25 N·m', date: '2025-04-10', files: { 'sops/溶接 手順.md': sop(2, '# A\n\n1. Clamp at 25 N·m.\n') } },
    ]);
    const history = await historyAt(root);
    assert.ok(!('unavailable' in history), JSON.stringify(history));
    const document = history.of('sops/溶接 手順.md')!;
    assert.deepEqual(
      document.revisions.map(({ version, date, author, summary, path }) => ({ version, date, author, summary, path })),
      [
        { version: 1, date: '2025-01-10', author: '佐藤 浩', summary: 'Add the welding SOP', path: 'old/溶接 手順.md' },
        { version: 2, date: '2025-04-10', author: 'Test Author', summary: 'v2: 25 N·m', path: 'sops/溶接 手順.md' },
      ],
    );
    assert.deepEqual(document.commits.map((commit) => commit.editorial), [false, true, false, false]);
    assert.match(document.revisions[0]!.commit, /^[0-9a-f]{40}$/);
    assert.equal(history.head, git(root, ['rev-parse', 'HEAD']).trim());
    assert.match(document.textOf(document.current)!, /25 N·m/);
  });

  it('reads a folder inside the work tree with paths relative to that folder', async () => {
    const root = gitRepository([{ subject: 'Add', date: '2025-01-10', files: { 'docs/sops/a.md': sop(1), 'other/b.md': sop(1) } }]);
    const history = await historyAt(join(root, 'docs'));
    assert.ok(!('unavailable' in history));
    assert.deepEqual(history.paths(), ['sops/a.md']);
  });

  it('starts three git processes for the whole repository, however many documents and commits', async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 30; index++) files[`sops/sop-${index}.md`] = sop(1);
    const root = gitRepository([
      { subject: 'Add', date: '2025-01-10', files },
      ...Array.from({ length: 10 }, (_, index) => ({ subject: `v${index + 2}`, date: `2025-02-${String(index + 10)}`, files: { [`sops/sop-${index}.md`]: sop(index + 2) } })),
    ]);
    const recorder = recordingGit();
    const history = await historyAt(root, { git: recorder.git });
    assert.ok(!('unavailable' in history));
    assert.equal(history.paths().length, 30);
    assert.equal(recorder.calls().length, 3);
  });

  it('says why there is no history: not a work tree, git missing, no commits, a shallow clone', async () => {
    const plain = tempDir('plain');
    writeFiles(plain, { 'a.md': sop(1) });
    assert.match((await historyAt(plain)) && ((await historyAt(plain)) as { unavailable: string }).unavailable, /is not in a Git work tree/);
    assert.deepEqual(await historyAt(plain, { git: join(plain, 'no-such-git') }), { unavailable: `git was not found (${join(plain, 'no-such-git')})` });
    const empty = tempDir('empty');
    git(empty, ['init', '--quiet']);
    assert.deepEqual(await historyAt(empty), { unavailable: 'the Git repository has no commits yet' });
    const origin = gitRepository([
      { subject: 'Add', date: '2025-01-10', files: { 'a.md': sop(1) } },
      { subject: 'v2', date: '2025-02-10', files: { 'a.md': sop(2) } },
    ]);
    const shallow = join(tempDir('shallow'), 'clone');
    git(origin, ['clone', '--quiet', '--depth', '1', `file://${origin}`, shallow]);
    assert.match(((await historyAt(shallow)) as { unavailable: string }).unavailable, /shallow clone/);
  });

  it("runs nothing a repository's own configuration names: fsmonitor, pager, hooks, external diff, textconv, filters, gpg", async () => {
    const root = gitRepository([
      { subject: 'Add', date: '2025-01-10', files: { 'densho.yaml': 'languages: [en, ja]\n', 'a.md': sop(1, '# A\n\n## Steps\n\n1. One.\n'), 'a.ja.md': doc({ lang: 'ja', 'translated-from-version': '1' }, '# A\n\n## 手順\n\n1. 一。\n') } },
      { subject: 'v2', date: '2025-02-10', files: { 'a.md': sop(2, '# A\n\n## Steps\n\n1. Two.\n') } },
    ]);
    const trap = tempDir('trap');
    const marker = join(trap, 'ran');
    const script = join(trap, 'evil.sh');
    writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\ncat\n`);
    chmodSync(script, 0o755);
    const hooks = join(trap, 'hooks');
    mkdirSync(hooks);
    for (const hook of ['post-checkout', 'post-index-change', 'reference-transaction', 'pre-commit', 'fsmonitor-watchman']) {
      writeFileSync(join(hooks, hook), `#!/bin/sh\n'${script}'\n`);
      chmodSync(join(hooks, hook), 0o755);
    }
    // Written after the commits above, so only Densho's own git calls can meet it.
    const config = readFileSync(join(root, '.git', 'config'), 'utf8');
    writeFileSync(
      join(root, '.git', 'config'),
      `${config}[core]\n\tfsmonitor = ${script}\n\tpager = ${script}\n\thooksPath = ${hooks}\n\taskPass = ${script}\n\tsshCommand = ${script}\n[diff]\n\texternal = ${script}\n[diff "evil"]\n\ttextconv = ${script}\n\tcommand = ${script}\n[filter "evil"]\n\tclean = ${script}\n\tsmudge = ${script}\n\tprocess = ${script}\n[log]\n\tshowSignature = true\n[gpg]\n\tprogram = ${script}\n[pager]\n\tlog = ${script}\n\tcat-file = ${script}\n[credential]\n\thelper = ${script}\n`,
    );
    writeFileSync(join(root, '.gitattributes'), '*.md diff=evil filter=evil\n');
    writeFileSync(join(root, 'a.md'), sop(2, '# A\n\n## Steps\n\n1. Three.\n'));
    // The trap is armed: a plain `git diff` runs the script.
    spawnSync('git', ['diff'], { cwd: root, env: { PATH: process.env.PATH ?? '', HOME: trap } });
    assert.equal(existsSync(marker), true, 'a plain git diff runs the configured programs');
    rmSync(marker);
    const history = await historyAt(root);
    assert.ok(!('unavailable' in history), JSON.stringify(history));
    assert.equal(history.of('a.md')!.revisions.length, 2, 'the history was read');
    const env = { PATH: process.env.PATH ?? '', HOME: trap };
    for (const args of [['check', root, '--verbose'], ['history', root], ['changes', join(root, 'a.ja.md')]]) {
      const result = spawnSync(process.execPath, [CLI, ...args], { cwd: root, env, encoding: 'utf8' });
      assert.ok(result.status !== 2 || args[0] === 'check', `densho ${args[0]}: ${result.stderr}`);
    }
    assert.equal(existsSync(marker), false, existsSync(marker) ? readFileSync(marker, 'utf8') : '');
  });

  describe('read again after HEAD moved', () => {
    const base: TestCommit[] = [
      { subject: 'Add', date: '2025-01-10', files: { 'a.md': sop(1), 'b.md': sop(1) } },
      { subject: 'v2', date: '2025-02-10', files: { 'a.md': sop(2) } },
    ];
    const committer = (date: string) => ({ GIT_AUTHOR_NAME: 'Test Author', GIT_AUTHOR_EMAIL: 'author@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_NAME: 'Test Author', GIT_COMMITTER_EMAIL: 'author@example.com', GIT_COMMITTER_DATE: date });

    /**
     * Reads the log, lets `move` move HEAD, reads it again with the same
     * source: the answer must be the one a fresh source gives; returns
     * whether the second read was the short one (only the new commits).
     */
    async function readAgain(move: (root: string) => void): Promise<'incremental' | 'whole'> {
      const root = gitRepository(base);
      const recorder = recordingGit();
      const source = new GitHistorySource(root, { git: recorder.git });
      assert.ok(!isUnavailable(await source.readLog()));
      move(root);
      const before = recorder.calls().length;
      const again = await source.readLog();
      const fresh = await new GitHistorySource(root).readLog();
      assert.ok(!isUnavailable(fresh), JSON.stringify(fresh));
      assert.deepEqual(again, fresh);
      const logs = recorder.calls().slice(before).filter((call) => / log /.test(call));
      return logs.length === 1 && /[0-9a-f]{40}\.\.[0-9a-f]{40}/.test(logs[0]!) ? 'incremental' : 'whole';
    }

    it('reads only the new commits after a commit, a rename and a merge, with the same answer as reading it all', async () => {
      assert.equal(await readAgain((root) => commitTo(root, { subject: 'editorial: wording', date: '2025-03-10', files: { 'b.md': sop(1, '# A\n\n1. Clamp at 20 N·m!\n') } })), 'incremental');
      assert.equal(
        await readAgain((root) => {
          commitTo(root, { subject: 'Move', date: '2025-03-10', renames: { 'a.md': 'sops/a.md' } });
          commitTo(root, { subject: 'v3', date: '2025-03-11', files: { 'sops/a.md': sop(3) } });
        }),
        'incremental',
      );
      assert.equal(
        await readAgain((root) => {
          git(root, ['checkout', '--quiet', '-b', 'feature']);
          commitTo(root, { subject: 'v1 of c', date: '2025-03-10', files: { 'c.md': sop(1) } });
          git(root, ['checkout', '--quiet', 'main']);
          commitTo(root, { subject: 'v2 of b', date: '2025-03-11', files: { 'b.md': sop(2) } });
          git(root, ['merge', '--quiet', '--no-ff', '-m', 'Merge feature', 'feature'], committer('2025-03-12T10:00:00+09:00'));
        }),
        'incremental',
      );
    });

    it('reads it all again after a reset, a branch switch, or a fast-forward onto a line that left the old HEAD off its first parents', async () => {
      assert.equal(await readAgain((root) => git(root, ['reset', '--quiet', '--hard', 'HEAD~1'])), 'whole');
      assert.equal(
        await readAgain((root) => {
          git(root, ['checkout', '--quiet', '-b', 'other', 'HEAD~1']);
          commitTo(root, { subject: 'v2 of b', date: '2025-03-10', files: { 'b.md': sop(2) } });
        }),
        'whole',
      );
      assert.equal(
        await readAgain((root) => {
          // feature starts before main's HEAD and merges main in: main then fast-forwards to it, and main's old HEAD is a second parent.
          git(root, ['checkout', '--quiet', '-b', 'feature', 'HEAD~1']);
          commitTo(root, { subject: 'v2 of b', date: '2025-03-10', files: { 'b.md': sop(2) } });
          git(root, ['merge', '--quiet', '--no-ff', '-m', 'Merge main', 'main'], committer('2025-03-11T10:00:00+09:00'));
          git(root, ['checkout', '--quiet', 'main']);
          git(root, ['merge', '--quiet', '--ff-only', 'feature']);
        }),
        'whole',
      );
    });
  });
});
