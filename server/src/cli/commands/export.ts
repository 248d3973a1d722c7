/**
 * `densho export`: a copy of the repository holding only the documents at
 * `--max-layer` or lower, the media they use and the settings. The plan is
 * the engine's (engine/export.ts); this file only writes it, and never
 * outside `--out`.
 */
import { lstat, mkdir, readdir, realpath, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { message, planExport, renderMessage, terminalText, type Message } from '../../engine';
import { NodeFileSystem } from '../../node';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors';
import { localeOf, type CliIo } from '../io';
import { openRepository } from '../repository';
import { parseMaxLayer } from './report';

export interface ExportOptions {
  readonly maxLayer?: string;
  readonly out?: string;
  readonly force?: boolean;
  readonly today?: string;
}

const BOM = '\uFEFF';

export async function exportCommand(io: CliIo, dir: string | undefined, options: ExportOptions): Promise<number> {
  if (!options.out) throw new UsageError(message('usage.out-required'));
  const { root, workspace } = await openRepository(io, dir, options.today);
  const maxLayer = parseMaxLayer(workspace, options.maxLayer, true);
  const out = resolve(io.cwd, options.out);
  if (out === root || isInside(root, out)) throw new UsageError(message('usage.out-contains-root', { out: options.out }));

  const existing = await listExisting(out, options.out);
  if (existing.length > 0 && !options.force) {
    throw new UsageError(message('usage.out-not-empty', { out: options.out }));
  }
  await mkdir(out, { recursive: true });
  const realOut = await realpath(out);

  const plan = planExport(workspace, maxLayer);
  const say = (text: Message) => renderMessage(text, localeOf(io));
  const source = new NodeFileSystem(root);
  const written = new Set<string>();
  let documents = 0;
  let media = 0;
  for (const file of plan.files) {
    // Unreadable now (permissions changed since the check): reported below like a file gone.
    const bytes = await source.readFile(file.path).catch(() => undefined);
    if (bytes === undefined) {
      io.stderr(`${say(message('export.unreadable', { file: terminalText(file.path) }))}\n`);
      continue;
    }
    let content: string | Uint8Array = bytes;
    if (file.text !== undefined) content = (hasBom(bytes) ? BOM : '') + file.text;
    await writeInside(realOut, file.path, content);
    written.add(file.path);
    if (file.kind === 'document') documents++;
    else if (file.kind === 'media') media++;
  }

  const leftovers = existing.filter((path) => !written.has(path));
  if (leftovers.length > 0) {
    io.stderr(
      `${say(message('export.leftovers', { count: leftovers.length, out: options.out }))}\n` +
        leftovers.slice(0, 20).map((path) => `  ${path}\n`).join('') +
        (leftovers.length > 20 ? `  ${say(message('export.more', { count: leftovers.length - 20 }))}\n` : ''),
    );
  }
  io.stdout(
    `${say(message('export.done', { documents, media, layer: plan.maxLayer, out, withheld: plan.withheldDocuments, withheldFiles: plan.withheldFiles, rewritten: plan.rewrittenLinks }))}\n`,
  );
  if (plan.refused.length === 0) return EXIT_CLEAN;
  // The documents below are visible at this layer, yet could not be rewritten exactly: they were not written at all.
  io.stderr(
    `${say(message('export.refused', { count: plan.refused.length }))}\n` +
      plan.refused.map((refusal) => `  ${escapeTerminal(refusal.path)}: ${escapeTerminal(refusal.reason)}\n`).join(''),
  );
  return EXIT_FINDINGS;
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Files (as `/`-separated paths) under `out`; empty when it does not exist. */
async function listExisting(out: string, shown: string): Promise<string[]> {
  let stats;
  try {
    stats = await lstat(out);
  } catch {
    return [];
  }
  if (!stats.isDirectory()) throw new UsageError(message('usage.out-not-a-folder', { out: shown }));
  const entries = await readdir(out, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(out, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/**
 * Writes one file of the plan under `realOut`, refusing any path that would
 * land elsewhere: `..` segments, absolute paths, or a symbolic link already
 * in the folder. Folders are created one level at a time, and none is ever
 * entered through a link, so nothing is created outside either.
 */
async function writeInside(realOut: string, path: string, content: string | Uint8Array): Promise<void> {
  const segments = path.split('/');
  const target = resolve(realOut, ...segments);
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..') || !isInside(target, realOut) || target === realOut) {
    throw new UsageError(message('usage.refuse-outside', { path }));
  }
  let folder = realOut;
  for (const segment of segments.slice(0, -1)) {
    folder = join(folder, segment);
    const stats = await lstat(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!stats) await mkdir(folder);
    else if (stats.isSymbolicLink()) throw new UsageError(message('usage.refuse-link', { path }));
    else if (!stats.isDirectory()) throw new UsageError(message('usage.refuse-file-in-way', { path }));
  }
  const file = join(folder, segments[segments.length - 1]!);
  const stats = await lstat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  // Never write through a link: replace it with a plain file.
  if (stats?.isSymbolicLink()) await unlink(file);
  else if (stats && !stats.isFile()) throw new UsageError(message('usage.refuse-not-file', { path }));
  await writeFile(file, content, { flag: 'w' });
}

/** A path or a value from a document, made safe for a terminal: control characters shown as escapes. */
function escapeTerminal(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function hasBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
