/** Opening the repository a command names, with the errors a user can act on. */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadWorkspace, localToday, NodeFileSystem, parseDay, parseDuration, type Day, type Duration, type LoadOptions, type Workspace } from '../engine';
import { GitHistorySource } from '../node/gitHistory';
import { UsageError } from './errors';
import type { CliIo } from './io';

export interface OpenedRepository {
  readonly root: string;
  readonly workspace: Workspace;
}

export async function openRepository(io: CliIo, dir: string | undefined, today: string | undefined): Promise<OpenedRepository> {
  return loadRepository(repositoryRoot(io, dir), today);
}

export interface RepositoryLoad extends Pick<LoadOptions, 'cache' | 'threads'> {
  /** Read the documents' history from Git (the commands that use it ask). */
  readonly history?: boolean;
}

/** Loads the repository at a root `repositoryRoot` answered. */
export async function loadRepository(root: string, today: string | undefined, load: RepositoryLoad = {}): Promise<OpenedRepository> {
  const { history, ...rest } = load;
  const workspace = await loadWorkspace(new NodeFileSystem(root), { ...rest, today: parseToday(today), history: history ? new GitHistorySource(root) : undefined });
  return { root, workspace };
}

/** The absolute root of the repository a command names, or a usage error when it is not a directory. */
export function repositoryRoot(io: CliIo, dir: string | undefined): string {
  const root = resolve(io.cwd, dir ?? '.');
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    throw new UsageError(`no such directory: ${dir ?? '.'}`);
  }
  if (!isDirectory) throw new UsageError(`not a directory: ${dir}`);
  return root;
}

export function parseToday(value: string | undefined): Day {
  if (value === undefined) return localToday();
  const day = parseDay(value);
  if (day === undefined) throw new UsageError(`--today must be a date YYYY-MM-DD, not "${value}"`);
  return day;
}

export function parseWithin(value: string | undefined): Duration | undefined {
  if (value === undefined) return undefined;
  const duration = parseDuration(value);
  if (!duration) throw new UsageError(`--within must be a duration such as 30d, 6w, 3m or 1y, not "${value}"`);
  return duration;
}

/** A whole number option, such as --threads. */
export function parseCount(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new UsageError(`${option} must be a whole number, not "${value}"`);
  return count;
}

export function parseChoice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${option} must be one of ${choices.join(', ')}, not "${value}"`);
  }
  return value as T;
}
