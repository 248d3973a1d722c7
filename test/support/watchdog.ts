/**
 * Runs the built CLI as a child process under a watchdog: the hostile-input
 * tests assert that a run finishes at all within a generous limit (on inputs
 * that used to take minutes), never how fast it is. Speed is `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import assert from 'node:assert/strict';

export const CLI = resolve(__dirname, '..', '..', 'dist', 'cli.js');
export const WATCHDOG_MS = 30_000;

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The user `nobody`: root reads files whatever their mode, so permission tests run the CLI as this user when the tests run as root. */
const NOBODY = 65534;

/**
 * `node dist/cli.js ...args`; fails the test when the watchdog had to kill it.
 * `unprivileged`: run as `nobody` when the tests run as root, so that file
 * modes apply as they do for everyone else.
 */
export function runCliWithWatchdog(args: readonly string[], options: { cwd?: string; unprivileged?: boolean } = {}): CliRun {
  const asNobody = options.unprivileged && process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: WATCHDOG_MS,
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', LANG: 'C' },
    ...asNobody,
  });
  assert.equal(result.signal, null, `densho ${args.join(' ')} did not finish within ${WATCHDOG_MS / 1000} s (killed by ${result.signal})`);
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A repository in a fresh temporary folder. */
export function tempRepository(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'densho-hostile-'));
  // Readable by the unprivileged user that permission tests run as.
  chmodSync(dir, 0o755);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
