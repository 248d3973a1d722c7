/**
 * The date of each file's last commit, from one `git log` over the whole
 * folder (never one process per file: a repository of thousands of
 * documents would take minutes). Git runs with an argument list and no
 * shell, without pager, hooks or fsmonitor, and reads only: a repository's
 * own configuration cannot make it run anything.
 */
import { spawnSync } from 'node:child_process';

/** Repository-relative path (under `root`, `/`-separated) → YYYY-MM-DD of its last commit; empty when `root` is not in Git. */
export function lastCommitDates(root: string): Map<string, string> {
  const result = spawnSync(
    'git',
    ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '--no-pager', 'log', '--format=%x01%cs', '--name-only', '-z', '--no-renames', '--relative', '--', '.'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0', GIT_CONFIG_NOSYSTEM: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  const dates = new Map<string, string>();
  if (result.status !== 0 || typeof result.stdout !== 'string') return dates;
  let date: string | undefined;
  // Newest commit first: the first date a file appears under is its last commit's.
  for (const token of result.stdout.split('\0')) {
    const field = token.replace(/^\n/, '');
    if (field.startsWith('\u0001')) date = field.slice(1);
    else if (field !== '' && date !== undefined && !dates.has(field)) dates.set(field, date);
  }
  return dates;
}
