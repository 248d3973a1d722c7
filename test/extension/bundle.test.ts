/**
 * The VS Code client is a client: the engine, the CLI and the Node adapters
 * run in the language server, and the extension asks it (protocol.ts). These
 * fail when a file of client/src that is bundled into dist/extension.js
 * imports any of them, and when the bundle grows back towards the engine's size.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';

const ROOT = resolve(__dirname, '../..');
const CLIENT = join(ROOT, 'client/src');
/** Manifest code, run at build time by client/scripts/generateManifest.ts: it may read the engine's constants. */
const BUILD_TIME = new Set(['client/src/manifestAssets.ts', 'client/src/settings.ts']);
/** The minified extension.js, 478 KB when this was written (vscode-languageclient is most of it); the engine alone is more than 500 KB. */
const MAX_BYTES = 600_000;
const SERVER_CODE = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]((?:\.\.\/)+server\/src\/(?:engine|cli|node)(?:\/[^'"]*)?)['"]/g;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

/** `file` imports server code by value (`import type` is erased and costs nothing). */
export function serverImports(source: string): string[] {
  const values = source.replace(/^\s*(?:import|export)\s+type\b[^;]*;/gm, '');
  return [...values.matchAll(SERVER_CODE)].map((match) => match[1]!);
}

async function bundle(): Promise<esbuild.Metafile> {
  const result = await esbuild.build({
    entryPoints: [join(CLIENT, 'extension.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    external: ['vscode'],
    write: false,
    metafile: true,
    outdir: join(ROOT, 'dist'),
    logLevel: 'silent',
  });
  return result.metafile;
}

describe('the VS Code client bundles no engine', () => {
  it('no run-time file of client/src imports server/src/engine, server/src/cli or server/src/node', () => {
    const offending = files(CLIENT)
      .map((file) => relative(ROOT, file))
      .filter((file) => !BUILD_TIME.has(file))
      .flatMap((file) => serverImports(readFileSync(join(ROOT, file), 'utf8')).map((specifier) => `${file} imports ${specifier}`));
    assert.deepEqual(offending, []);
  });

  it('recognises value imports of server code, and lets protocol.ts and type-only imports through', () => {
    assert.deepEqual(serverImports("import { parseMarkdown } from '../../../server/src/engine';"), ['../../../server/src/engine']);
    assert.deepEqual(serverImports("import { fillTemplate } from '../../server/src/engine/templates';"), ['../../server/src/engine/templates']);
    assert.deepEqual(serverImports("export { coverageCsv } from '../../../server/src/cli/format/reports';"), ['../../../server/src/cli/format/reports']);
    assert.deepEqual(serverImports("const pool = require('../../server/src/node');"), ['../../server/src/node']);
    assert.deepEqual(serverImports("import { CoverageRequest } from '../../../server/src/protocol';"), []);
    assert.deepEqual(serverImports("import type { DenshoConfig } from '../../server/src/engine';"), []);
  });

  it('dist/extension.js holds no engine, CLI or Node-adapter module, the manifest code neither, and stays small', async () => {
    const metafile = await bundle();
    const inputs = Object.keys(metafile.inputs);
    assert.deepEqual(inputs.filter((input) => /^server\/src\/(engine|cli|node)\//.test(input) || BUILD_TIME.has(input)), []);
    const [output] = Object.values(metafile.outputs);
    assert.ok(output!.bytes < MAX_BYTES, `extension.js is ${output!.bytes} bytes minified, over ${MAX_BYTES}`);
  });
});
