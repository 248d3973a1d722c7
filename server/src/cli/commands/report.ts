/**
 * `densho report`: the audit pack as one self-contained HTML file, or as a
 * PDF printed by headless Chromium when it is installed.
 */
import { spawn } from 'node:child_process';
import { constants, existsSync } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditPack, ENGINE_VERSION, layerIndex, localeFromName, message, renderAuditReport, renderMessage, type Workspace } from '../../engine';
import { EXIT_CLEAN, EXIT_FINDINGS, UsageError } from '../errors';
import { localeOf, type CliIo } from '../io';
import { loadRepository, parseChoice, repositoryRoot } from '../repository';
import { parseAtOption, requireHistory } from './history';

export interface ReportOptions {
  readonly format: string;
  readonly out?: string;
  readonly maxLayer?: string;
  readonly lang?: string;
  readonly today?: string;
  readonly chromium?: string;
  readonly at?: string;
}

/** Where Chromium is looked for when neither --chromium nor DENSHO_CHROMIUM names it. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

export async function reportCommand(io: CliIo, dir: string | undefined, options: ReportOptions): Promise<number> {
  const format = parseChoice('--format', options.format, ['html', 'pdf'] as const);
  const chromium = format === 'pdf' ? findChromium(options.chromium) : undefined;
  const { root, workspace } = await loadRepository(repositoryRoot(io, dir), options.today, { history: true });
  const maxLayer = parseMaxLayer(workspace, options.maxLayer, false);
  if (options.lang !== undefined && !workspace.config.languages.includes(options.lang)) {
    throw new UsageError(message('usage.choice', { option: '--lang', choices: workspace.config.languages, value: options.lang }));
  }
  const at = parseAtOption(options.at);
  // A register "as in force" without history would be today's register under another date: refused, as by `history --at`.
  if (at !== undefined) requireHistory(workspace);
  // The report is in the language of --lang when Densho speaks it, else in the CLI's.
  const locale = options.lang === undefined ? localeOf(io) : localeFromName(options.lang);
  const pack = auditPack(workspace, { maxLayer, lang: options.lang, locale, organisation: basename(root), at });
  const page = renderAuditReport(pack, { name: basename(root), generator: `Densho ${ENGINE_VERSION}`, locale });
  const scope = pack.maxLayer === null ? message('report.all-layers') : message('report.up-to-layer', { layer: pack.maxLayer, withheld: pack.withheldDocuments });
  // Like `check`, the exit code says whether errors exist: a CI job archiving the pack must not show green over a broken repository.
  const { errors, warnings } = pack.findings.summary;
  const exitCode = errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN;

  if (format === 'html' && options.out === '-') {
    io.stdout(page);
    return exitCode;
  }
  const out = resolve(io.cwd, options.out ?? `audit.${format}`);
  if (format === 'html') await writeNoFollow(out, options.out ?? 'audit.html', page);
  else await printToPdf(chromium!, page, out);
  io.stdout(`${renderMessage(message('report.wrote', { file: out, documents: pack.register.length, scope, errors, warnings }), locale)}\n`);
  return exitCode;
}

/**
 * Writes a file, refusing when a symbolic link stands at its path: a
 * committed `audit.html` link would otherwise have the report overwrite
 * whatever it points to. O_NOFOLLOW makes the check and the open one step.
 */
async function writeNoFollow(path: string, shown: string, content: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new UsageError(message('usage.symbolic-link-out', { file: shown }));
    throw error;
  }
  try {
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

/** The index of `--max-layer` in the repository's layers. */
export function parseMaxLayer(workspace: Workspace, value: string | undefined, required: true): number;
export function parseMaxLayer(workspace: Workspace, value: string | undefined, required: boolean): number | undefined;
export function parseMaxLayer(workspace: Workspace, value: string | undefined, required: boolean): number | undefined {
  const layers = workspace.config.layers;
  if (value === undefined) {
    if (required) throw new UsageError(message('usage.max-layer-required', { layers }));
    return undefined;
  }
  const index = layerIndex(workspace.config, value);
  if (index === undefined) throw new UsageError(message('usage.max-layer', { layers, value }));
  return index;
}

function findChromium(explicit: string | undefined): string {
  const named = explicit ?? process.env.DENSHO_CHROMIUM;
  if (named !== undefined && named !== '') {
    if (existsSync(named)) return named;
    throw new UsageError(message('usage.chromium-missing', { path: named }));
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (found) return found;
  throw new UsageError(message('usage.chromium-not-installed', { candidates: CHROMIUM_CANDIDATES }));
}

const PDF_TIMEOUT_MS = 120_000;

/** Prints the page with `chromium --headless --print-to-pdf`, from a private temporary folder and profile, with networking off. */
async function printToPdf(chromium: string, page: string, out: string): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'densho-report-'));
  try {
    const input = join(work, 'audit.html');
    await writeFile(input, page, 'utf8');
    const args = [
      '--headless',
      '--disable-gpu',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(work, 'profile')}`,
      `--print-to-pdf=${out}`,
      pathToFileURL(input).href,
    ];
    // Chromium's sandbox refuses to start as root (containers, CI); there is nothing remote to sandbox against here.
    if (process.getuid?.() === 0) args.unshift('--no-sandbox');
    await rm(out, { force: true });
    const { code, stderr } = await run(chromium, args, PDF_TIMEOUT_MS);
    const written = await readFile(out).catch(() => undefined);
    if (!written || written.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const detail = stderr.trim().split('\n').slice(-3).join(' ');
      throw new UsageError(message('usage.chromium-failed', { chromium, code: String(code), detail: detail || undefined }));
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function run(command: string, args: readonly string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new UsageError(message('usage.chromium-start', { command, error: error.message })));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stderr });
    });
  });
}
