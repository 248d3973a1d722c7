/**
 * What the end-to-end runners share: building the extension and the
 * in-host suite, temporary copies of samples/, the CLI's view of them, and
 * code-server (a real VS Code: server plus web workbench) started on a free
 * port, as described in docs/vscode-extension.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

export const ROOT = join(__dirname, '..', '..');
export const OUT = join(ROOT, 'out', 'test');
export const CODE_SERVER_DIR = process.env['CODE_SERVER_DIR'] ?? join(ROOT, '.cache', 'code-server');
export const CODE_SERVER_BIN = join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');
export const ARTIFACTS = join(ROOT, 'test-results', 'vscode');

export function log(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}

/** Builds dist/ (extension, server, CLI) and bundles the in-host suite into out/test/. */
export async function build(): Promise<void> {
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('node esbuild.mjs failed');
  for (const bundle of ['extension.js', 'server.js', 'cli.js']) {
    if (!existsSync(join(ROOT, 'dist', bundle))) throw new Error(`dist/${bundle} is missing after the build`);
  }
  await esbuild.build({
    entryPoints: {
      index: join(ROOT, 'test/vscode/suite/index.ts'),
      'extension.e2e': join(ROOT, 'test/vscode/suite/extension.e2e.ts'),
      'multiRoot.e2e': join(ROOT, 'test/vscode/suite/multiRoot.e2e.ts'),
    },
    outdir: OUT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    // The vscode API comes from the extension host; mocha from the repository's node_modules.
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

/** Installs code-server into .cache/code-server unless it is there (test/vscode/setup-code-server.sh). */
export function setupCodeServer(): void {
  const result = spawnSync('bash', [join(ROOT, 'test/vscode/setup-code-server.sh')], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('setting up code-server failed');
}

/** A fresh scratch folder for one run: workspaces, user data, extensions. */
export function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'densho-e2e-'));
}

/** A copy of samples/ to work on; tests change files. */
export function copySamples(into: string): string {
  cpSync(join(ROOT, 'samples'), into, { recursive: true });
  return into;
}

/**
 * samples/ as the Git history samples/history.yaml describes (as `npm run
 * demo` builds it): the last commit holds samples/ as it is, with history on,
 * so the revision commands have revisions to show.
 */
export function samplesWithHistory(into: string): string {
  const result = spawnSync(process.execPath, [join(ROOT, 'samples/make-history.mjs'), into], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`samples/make-history.mjs failed: ${result.stderr}`);
  return into;
}

/** A folder of plain Markdown, not set up for Densho (no densho.yaml): what a new user opens first. */
export function plainMarkdown(into: string): string {
  mkdirSync(join(into, 'procedures'), { recursive: true });
  writeFileSync(join(into, 'README.md'), '# Our procedures\n');
  writeFileSync(join(into, 'procedures', 'welding.md'), '# Welding\n\n1. Clean the joint.\n2. Weld.\n');
  writeFileSync(join(into, 'procedures', 'inspection.md'), '# Inspection\n\nSee [welding](welding.md).\n');
  return into;
}

/** The folders of a multi-root workspace: two in its .code-workspace file, one to add at run time. */
export interface MultiRoot {
  /** The .code-workspace file naming `alpha` and `beta`. */
  readonly workspaceFile: string;
  readonly alpha: string;
  readonly beta: string;
  /** Not in the workspace file: the in-host suite adds it with vscode.workspace.updateWorkspaceFolders. */
  readonly gamma: string;
}

/**
 * Three small Densho repositories holding the same document, QA-001, under
 * different densho.yaml files: `alpha`'s id-pattern accepts the id, its
 * review is recent, but its layers have no `internal`, the document's access;
 * `beta`'s layers have it, but its id-pattern refuses the id (`id/pattern`)
 * and its review is long overdue; `gamma` (added at run time) has a front matter
 * field Densho does not know. A .code-workspace file names alpha and beta.
 */
export function multiRoot(into: string): MultiRoot {
  const recently = new Date(Date.now() - 10 * 86_400_000);
  const day = [recently.getFullYear(), recently.getMonth() + 1, recently.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  const repository = (name: string, densho: string, reviewed: string, extraField = ''): string => {
    const folder = join(into, name);
    mkdirSync(join(folder, 'procedures'), { recursive: true });
    // No iso/gap: a folder of one document lacks most clauses, and the test is about what differs between the folders.
    writeFileSync(join(folder, 'densho.yaml'), `docs: ["procedures/*.md"]\nhistory: false\nrules:\n  iso/gap: off\n${densho}`);
    writeFileSync(join(folder, 'people.yaml'), 'a.suzuki:\n  name: Aya Suzuki\n  role: Quality manager\n');
    writeFileSync(
      join(folder, 'procedures', 'qa-001.md'),
      `---\nid: QA-001\ntitle: Incoming inspection (${name})\ntype: sop\naccess: internal\nowner: a.suzuki\nexpert: a.suzuki\nreviewed: ${reviewed}\niso9001: [8.6]\n${extraField}---\n\n# Incoming inspection\n\n## Steps\n\n1. Check the delivery note against the order.\n`,
    );
    return folder;
  };
  const alpha = repository('alpha', 'id-pattern: "^QA-[0-9]{3}$"\nlayers: [public, restricted]\n', day);
  const beta = repository('beta', 'id-pattern: "^OP-[0-9]{3}$"\n', '2020-01-15');
  const gamma = repository('gamma', '', day, 'colour: red\n');
  const workspaceFile = join(into, 'two-folders.code-workspace');
  writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: 'alpha' }, { path: 'beta' }], settings: {} }, null, 2));
  return { workspaceFile, alpha, beta, gamma };
}

/** The CLI's JSON and Markdown for a folder: what the editor must agree with. */
export function expectations(workspace: string, into: string): void {
  mkdirSync(into, { recursive: true });
  const cli = (args: string[], file: string): void => {
    const result = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), ...args, workspace], { encoding: 'utf8' });
    if (result.status === 2 || !result.stdout) throw new Error(`densho ${args.join(' ')} failed: ${result.stderr}`);
    writeFileSync(join(into, file), result.stdout);
  };
  cli(['check', '--format', 'json'], 'check.json');
  cli(['coverage', '--format', 'json'], 'coverage.json');
  cli(['coverage', '--format', 'md'], 'coverage.md');
  cli(['review', '--format', 'json'], 'review.json');
  cli(['risk', '--format', 'json'], 'risk.json');
  cli(['skills', '--format', 'json'], 'skills.json');
  // The same check in Japanese: what the Problems panel of a Japanese VS Code shows.
  cli(['check', '--format', 'json', '--locale', 'ja'], 'check.ja.json');
  // And the coverage: the clause titles a Japanese window's coverage view and matrix show (JIS Q 9001's).
  cli(['coverage', '--format', 'json', '--locale', 'ja'], 'coverage.ja.json');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface CodeServer {
  readonly port: number;
  readonly process: ChildProcess;
  /** The workbench URL for a folder or a .code-workspace file, loading the extension under development (and a test module, when given). */
  url(folder: string, testsPath?: string): string;
  stop(): Promise<void>;
}

/**
 * Starts code-server and resolves once it answers HTTP (polling its health endpoint, with a time limit).
 * `locale` is VS Code's display language (`--locale`), with an empty language pack for it (see
 * emptyLanguagePack): `vscode.env.language` is it, and the extension's package.nls.<locale>.json and
 * l10n bundle load, while VS Code's own menus stay English.
 */
export async function startCodeServer(dir: string, logFile: (line: string) => void, options: { readonly locale?: string } = {}): Promise<CodeServer> {
  const port = await freePort();
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', join(dir, 'user-data'),
    '--extensions-dir', join(dir, 'extensions'),
    ...(options.locale ? ['--locale', options.locale] : []),
  ];
  mkdirSync(join(dir, 'user-data', 'User'), { recursive: true });
  // No telemetry prompts, no welcome page, no restored editors between the runs.
  writeFileSync(
    join(dir, 'user-data', 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'security.workspace.trust.enabled': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'window.restoreWindows': 'none',
      'workbench.enableExperiments': false,
      'chat.commandCenter.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
    }),
  );
  if (options.locale) emptyLanguagePack(join(dir, 'user-data'), options.locale);
  const child = spawn(CODE_SERVER_BIN, args, { cwd: dir, env: { ...process.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => logFile(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => logFile(chunk.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    if (await answers(`http://127.0.0.1:${port}/healthz`)) break;
    if (Date.now() > deadline) throw new Error('code-server did not answer within 60 s');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const remote = (path: string): string => `vscode-remote://127.0.0.1:${port}${path}`;
  return {
    port,
    process: child,
    url(folder, testsPath) {
      const payload: [string, string][] = [['extensionDevelopmentPath', remote(ROOT)]];
      if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
      // The web workbench opens a workspace file from `?workspace=`, a folder from `?folder=`.
      const opened = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
      return `http://127.0.0.1:${port}/?${opened}=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    stop() {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
}

/**
 * A language pack for `locale` that translates nothing, registered where VS Code looks for installed ones
 * (`languagepacks.json` in the user data folder). Without any pack VS Code falls back to English whatever
 * `--locale` says (and `vscode.env.language` is `en`); with this one the workbench and the extension host run
 * in `locale`, VS Code's own menus in English (the pack has no text for them), the extension in its own strings.
 * No real pack can be downloaded here.
 */
function emptyLanguagePack(userData: string, locale: string): void {
  const translations = join(userData, 'empty-language-pack', 'main.i18n.json');
  mkdirSync(join(userData, 'empty-language-pack'), { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(
    join(userData, 'languagepacks.json'),
    JSON.stringify({
      [locale]: { hash: `densho-e2e-empty-${locale}`, extensions: [{ extensionIdentifier: { id: `densho-e2e.empty-language-pack-${locale}` }, version: '1.0.0' }], translations: { vscode: translations }, label: locale },
    }),
  );
}

function answers(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, (response) => {
      response.resume();
      resolve((response.statusCode ?? 500) < 500);
    });
    request.on('error', () => resolve(false));
    request.setTimeout(2000, () => {
      request.destroy();
      resolve(false);
    });
  });
}

export const CHROMIUM = process.env['CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];
