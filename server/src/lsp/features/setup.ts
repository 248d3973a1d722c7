/**
 * densho/setupStatus and densho/init: whether a densho.yaml governs a
 * folder, and `densho init` run in it for a user who opts in from the
 * editor. The command is the CLI's, run in-process, so the editor writes
 * exactly the files `densho init` writes; the folder then re-reads them
 * before the answer, so the diagnostics that follow already count them.
 */
import { CONFIG_FILE } from '../../engine';
import { initCommand } from '../../cli/commands/init';
import type { FolderParams, InitParams, InitResult, SetupStatus } from '../../protocol';
import type { ServerContext } from '../context';
import { fileUri } from '../convert';
import { runCommand, settledFolder } from './reports';

export async function setupStatus(context: ServerContext, params: FolderParams | undefined): Promise<SetupStatus> {
  const folder = await settledFolder(context, params);
  return { configured: folder.configured };
}

export async function init(context: ServerContext, params: InitParams | undefined): Promise<InitResult> {
  const folder = await settledFolder(context, params);
  const frontMatter = params?.frontMatter === true;
  // No Git in a workspace the user has not trusted: `reviewed` then stays for a person to fill in.
  const result = await runCommand(folder.root, context.locale, (io) => initCommand(io, folder.root, { frontMatter, git: folder.gitAllowed }));
  await folder.textChanged(CONFIG_FILE, undefined);
  if (frontMatter) for (const path of folder.workspace.documentPaths()) if (!folder.openPaths.has(path)) await folder.textChanged(path, undefined);
  await folder.settled();
  return { ...result, configFile: fileUri(folder.root, CONFIG_FILE) };
}
