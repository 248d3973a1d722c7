/**
 * Noticing that Git moved — a commit, a checkout, a pull, a branch switch —
 * without running git: each of them rewrites a file directly in the Git
 * directory (HEAD, index, ORIG_HEAD, FETCH_HEAD), so one non-recursive
 * watch on that directory is enough. The language server then re-reads the
 * history, which is cheap when HEAD did not move.
 */
import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** The Git directory of the work tree holding `root` (`.git`, or where a `.git` file points, as in a linked worktree). */
export function gitDirectoryOf(root: string): string | undefined {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    const dotGit = join(dir, '.git');
    try {
      const stat = statSync(dotGit);
      if (stat.isDirectory()) return dotGit;
      if (stat.isFile()) {
        const pointer = /^gitdir:\s*(.+?)\s*$/m.exec(readFileSync(dotGit, 'utf8'))?.[1];
        if (pointer) return isAbsolute(pointer) ? pointer : resolve(dir, pointer);
      }
    } catch {
      // No .git here: look further up.
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * How long the watcher waits. Git renames `index` (or ORIG_HEAD, HEAD) only
 * after it wrote the new ref, and a command's writes come within a few
 * milliseconds of each other, so a short quiet time is enough to see HEAD
 * where it lands; the second call, after a longer settle time, catches a
 * command whose last write came later than that (a slow machine, a hook),
 * and costs one `rev-parse` when HEAD did not move.
 */
export interface GitWatchTiming {
  readonly quietMs: number;
  readonly settleMs: number;
}

export const GIT_WATCH_TIMING: GitWatchTiming = { quietMs: 50, settleMs: 1000 };

/** Calls `onMove` once `quietMs` after Git last rewrote its state and once more `settleMs` after; undefined when there is no Git directory to watch. */
export function watchGit(root: string, onMove: () => void, timing: GitWatchTiming = GIT_WATCH_TIMING): { dispose(): void } | undefined {
  const directory = gitDirectoryOf(root);
  if (!directory) return undefined;
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const clearTimers = () => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
  };
  const callAfter = (ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      onMove();
    }, ms);
    timers.add(timer);
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(directory, { persistent: false }, (_event, name) => {
      if (name !== null && !/^(HEAD|index|ORIG_HEAD|FETCH_HEAD|packed-refs)$/.test(String(name))) return;
      clearTimers();
      callAfter(timing.quietMs);
      callAfter(timing.settleMs);
    });
  } catch {
    return undefined;
  }
  watcher.on('error', () => watcher.close());
  return {
    dispose() {
      clearTimers();
      watcher.close();
    },
  };
}
