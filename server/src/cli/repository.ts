/** Opening the repository a command names, with the errors a user can act on. */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, loadWorkspace, localToday, message, parseDay, parseDuration, type Day, type Duration, type LoadOptions, type Workspace } from '../engine';
import { NodeFileSystem, ParserPool } from '../node';
import { GitHistorySource } from '../node/gitHistory';
import { UsageError } from './errors';
import type { CliIo } from './io';

export interface OpenedRepository {
  readonly root: string;
  readonly workspace: Workspace;
}

export async function openRepository(io: CliIo, dir: string | undefined, today: string | undefined): Promise<OpenedRepository> {
  return loadRepository(discoverRepository(repositoryRoot(io, dir)).root, today);
}

/** The repository a folder belongs to, and where that folder lies inside it. */
export interface DiscoveredRepository {
  /** The folder holding the densho.yaml that governs `folder`, or `folder` itself when none does. */
  readonly root: string;
  /** `folder` relative to `root` with `/` separators; '' when it is the root. */
  readonly scope: string;
}

/**
 * Like Git and ESLint: from `folder` upward, the nearest folder with a
 * densho.yaml is the root, so `densho check sops/welding` checks those
 * documents against the whole repository's ids, files and people. The
 * search stops at the Git work tree's top (a folder holding `.git`): a
 * densho.yaml above it belongs to another project. Without one, `folder`
 * is the root, as before Densho was configured.
 */
export function discoverRepository(folder: string): DiscoveredRepository {
  for (let dir = folder; ; dir = dirname(dir)) {
    if (existsSync(join(dir, CONFIG_FILE))) return { root: dir, scope: relative(dir, folder).split(sep).join('/') };
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) return { root: folder, scope: '' };
  }
}

/**
 * The path from the Git work tree's top to `root`, ending in `/` ('' when
 * `root` is the top or not in Git): CI systems name files from there.
 */
export function pathFromGitTop(root: string): string {
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) {
      const rel = relative(dir, root).split(sep).join('/');
      return rel === '' ? '' : `${rel}/`;
    }
    if (dirname(dir) === dir) return '';
  }
}

/** Whether a repository path lies in `scope` (a folder path, '' for everything). */
export function inScope(path: string, scope: string): boolean {
  return scope === '' || path === scope || path.startsWith(`${scope}/`);
}

export interface RepositoryLoad extends Pick<LoadOptions, 'cache' | 'threads' | 'onProgress'> {
  /** Read the documents' history from Git (the commands that use it ask). */
  readonly history?: boolean;
}

/** Loads the repository at a root `repositoryRoot` answered. */
export async function loadRepository(root: string, today: string | undefined, load: RepositoryLoad = {}): Promise<OpenedRepository> {
  const { history, ...rest } = load;
  const workspace = await loadWorkspace(new NodeFileSystem(root), {
    startParserPool: (threads) => ParserPool.start({ threads }),
    ...rest,
    today: parseToday(today),
    history: history ? new GitHistorySource(root) : undefined,
  });
  return { root, workspace };
}

/**
 * What `densho check [path]` checks: a folder (and everything under it) or
 * one document, with the repository that holds it.
 */
export function checkTarget(io: CliIo, path: string | undefined): DiscoveredRepository {
  const absolute = resolve(io.cwd, path ?? '.');
  let isFile = false;
  try {
    isFile = statSync(absolute).isFile();
  } catch {
    throw new UsageError(message('usage.no-such-path', { path: path ?? '.' }));
  }
  if (!isFile) return discoverRepository(repositoryRoot(io, path));
  const { root, scope } = discoverRepository(dirname(absolute));
  const name = absolute.slice(dirname(absolute).length + 1);
  return { root, scope: scope === '' ? name : `${scope}/${name}` };
}

/** The absolute root of the repository a command names, or a usage error when it is not a directory. */
export function repositoryRoot(io: CliIo, dir: string | undefined): string {
  const root = resolve(io.cwd, dir ?? '.');
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    throw new UsageError(message('usage.no-such-directory', { dir: dir ?? '.' }));
  }
  if (!isDirectory) throw new UsageError(message('usage.not-a-directory', { dir: dir! }));
  return root;
}

export function parseToday(value: string | undefined): Day {
  if (value === undefined) return localToday();
  const day = parseDay(value);
  if (day === undefined) throw new UsageError(message('usage.date', { option: '--today', value }));
  return day;
}

export function parseWithin(value: string | undefined): Duration | undefined {
  if (value === undefined) return undefined;
  const duration = parseDuration(value);
  if (!duration) throw new UsageError(message('usage.within', { value }));
  return duration;
}

/** A whole number option, such as --threads. */
export function parseCount(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new UsageError(message('usage.whole-number', { option, value }));
  return count;
}

export function parseChoice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(message('usage.choice', { option, choices, value }));
  }
  return value as T;
}
