/**
 * The `densho` command run in-process, as a user's terminal would see it:
 * standard output and error captured, no colour; and temporary repositories
 * written from a map of files, so each CLI test shows its whole input.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../server/src/cli/main';
import type { CliIo } from '../../server/src/cli/io';

export const ROOT = resolve(__dirname, '..', '..');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `env`: the locale variables the run sees (LC_ALL, LC_MESSAGES, LANG); none by default, so output is English whatever the machine's. */
export async function runDensho(args: readonly string[], cwd = ROOT, env: CliIo['env'] = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false, env };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** A new folder holding `files` (paths relative to it, folders made as needed). */
export function tempRepository(files: Readonly<Record<string, string | Uint8Array>>, prefix = 'densho-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}
