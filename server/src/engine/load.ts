/**
 * Loads a repository into a Workspace through the file system port:
 * densho.yaml, custom standards, people.yaml, then every file (honouring
 * .gitignore) with the documents read and parsed.
 */
import ignore, { type Ignore } from 'ignore';
import { CONFIG_FILE } from './config';
import type { FileSystem } from './fileSystem';
import { Workspace, type WorkspaceOptions } from './workspace';

/** Folders never worth walking into. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
/** How many files are read at once: enough to keep the disk busy, few enough to stay clear of EMFILE. */
const READ_CONCURRENCY = 64;

const decoder = new TextDecoder('utf-8');

export function decodeText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export async function readText(fs: FileSystem, path: string): Promise<string | undefined> {
  const bytes = await fs.readFile(path);
  return bytes === undefined ? undefined : decodeText(bytes);
}

export async function loadWorkspace(fs: FileSystem, options: WorkspaceOptions = {}): Promise<Workspace> {
  const workspace = new Workspace(options);
  await loadSettings(fs, workspace);
  const files = await listRepositoryFiles(fs);
  const documents: string[] = [];
  for (const file of files) {
    if (workspace.isDocumentPath(file)) documents.push(file);
    else workspace.addFile(file);
  }
  await forEachConcurrently(documents, READ_CONCURRENCY, async (path) => {
    const bytes = await fs.readFile(path);
    // A file deleted since the directory was listed is simply gone.
    if (bytes !== undefined) workspace.setDocumentBytes(path, bytes);
  });
  return workspace;
}

/** (Re)reads densho.yaml, the custom standards it names and the people registry. */
export async function loadSettings(fs: FileSystem, workspace: Workspace): Promise<void> {
  workspace.setConfigText(await readText(fs, CONFIG_FILE));
  for (const path of workspace.customStandardPaths()) {
    workspace.setStandardText(path, await readText(fs, path));
  }
  workspace.setPeopleText(workspace.config.people, await readText(fs, workspace.config.people));
}

/** Every file of the repository that git would not ignore, sorted. */
export async function listRepositoryFiles(fs: FileSystem): Promise<string[]> {
  const files: string[] = [];
  const walk = async (dir: string, rules: readonly { base: string; matcher: Ignore }[]): Promise<void> => {
    const entries = await fs.readDirectory(dir);
    let scoped = rules;
    if (entries.some((entry) => entry.name === '.gitignore' && entry.kind === 'file')) {
      const text = await readText(fs, join(dir, '.gitignore'));
      if (text !== undefined) scoped = [...rules, { base: dir, matcher: ignore().add(text) }];
    }
    const subdirectories: string[] = [];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.kind === 'other' || (entry.kind === 'directory' && ALWAYS_SKIPPED.has(entry.name))) continue;
      if (isIgnored(path, entry.kind === 'directory', scoped)) continue;
      if (entry.kind === 'directory') subdirectories.push(path);
      else files.push(path);
    }
    await Promise.all(subdirectories.map((subdirectory) => walk(subdirectory, scoped)));
  };
  await walk('', []);
  return files.sort();
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

function isIgnored(path: string, isDirectory: boolean, rules: readonly { base: string; matcher: Ignore }[]): boolean {
  for (const { base, matcher } of rules) {
    const relative = base === '' ? path : path.slice(base.length + 1);
    if (matcher.ignores(isDirectory ? `${relative}/` : relative)) return true;
  }
  return false;
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, action: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await action(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
