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

/** Calls `onMove` (at most once per `quietMs`) after Git rewrote its state; undefined when there is no Git directory to watch. */
export function watchGit(root: string, onMove: () => void, quietMs = 300): { dispose(): void } | undefined {
  const directory = gitDirectoryOf(root);
  if (!directory) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watcher: FSWatcher;
  try {
    watcher = watch(directory, { persistent: false }, (_event, name) => {
      if (name !== null && !/^(HEAD|index|ORIG_HEAD|FETCH_HEAD|packed-refs)$/.test(String(name))) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        onMove();
      }, quietMs);
    });
  } catch {
    return undefined;
  }
  watcher.on('error', () => watcher.close());
  return {
    dispose() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
