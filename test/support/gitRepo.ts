/**
 * Temporary Git repositories for the history tests: every commit with a
 * fixed author, committer and date, so runs are reproducible.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface TestCommit {
  readonly subject: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly author?: string;
  /** Files written (text) or deleted (null). */
  readonly files?: Readonly<Record<string, string | null>>;
  /** Old path → new path, moved with `git mv` before `files` are written. */
  readonly renames?: Readonly<Record<string, string>>;
}

export function git(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_TERMINAL_PROMPT: '0', ...env },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `densho-${prefix}-`));
}

export function writeFiles(root: string, files: Readonly<Record<string, string | null>>): void {
  for (const [path, content] of Object.entries(files)) {
    const absolute = join(root, path);
    if (content === null) rmSync(absolute, { force: true });
    else {
      mkdirSync(dirname(absolute), { recursive: true });
      writeFileSync(absolute, content);
    }
  }
}

/** A new repository in a temporary folder with these commits (oldest first); returns its path. */
export function gitRepository(commits: readonly TestCommit[], root = tempDir('git')): string {
  git(root, ['init', '--quiet', '--initial-branch=main']);
  for (const commit of commits) commitTo(root, commit);
  return root;
}

export function commitTo(root: string, commit: TestCommit): void {
  for (const [from, to] of Object.entries(commit.renames ?? {})) {
    mkdirSync(dirname(join(root, to)), { recursive: true });
    git(root, ['mv', from, to]);
  }
  writeFiles(root, commit.files ?? {});
  git(root, ['add', '--all']);
  const author = commit.author ?? 'Test Author';
  const date = `${commit.date}T10:00:00+09:00`;
  git(root, ['commit', '--quiet', '--allow-empty', '-m', commit.subject], {
    GIT_AUTHOR_NAME: author,
    GIT_AUTHOR_EMAIL: 'author@example.com',
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_NAME: author,
    GIT_COMMITTER_EMAIL: 'author@example.com',
    GIT_COMMITTER_DATE: date,
  });
}
