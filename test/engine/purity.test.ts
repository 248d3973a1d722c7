/**
 * The engine is pure: it reaches files, threads, hashing and the editor
 * only through ports the CLI and the language server fill in (the Node
 * adapters live in server/src/node/). This fails when a file under
 * server/src/engine imports a Node built-in, VS Code or the LSP libraries,
 * or reaches out of the engine's folder by a relative path.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const ENGINE = resolve(__dirname, '../../server/src/engine');
const NODE_BUILT_INS = new Set(['assert', 'buffer', 'child_process', 'crypto', 'events', 'fs', 'fs/promises', 'os', 'path', 'perf_hooks', 'process', 'stream', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib']);
/** Every module specifier a file names: static and dynamic imports, re-exports, require. */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

function engineFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? engineFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : []));
}

export function forbiddenImports(file: string, source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(SPECIFIER)) {
    const specifier = match[1]!;
    // Data may come from outside (version.ts reads package.json), code may not.
    const outside = specifier.startsWith('.') && !specifier.endsWith('.json') && relative(ENGINE, resolve(dirname(file), specifier)).startsWith('..');
    if (specifier.startsWith('node:') || NODE_BUILT_INS.has(specifier) || specifier === 'vscode' || specifier.startsWith('vscode-languageserver') || outside) {
      found.push(`${relative(ENGINE, file)} imports ${specifier}`);
    }
  }
  return found;
}

describe('engine purity', () => {
  it('no file under server/src/engine imports node:*, fs, path, worker_threads, vscode, the LSP libraries or code outside the engine', () => {
    const files = engineFiles(ENGINE);
    assert.ok(files.length > 40);
    assert.deepEqual(files.flatMap((file) => forbiddenImports(file, readFileSync(file, 'utf8'))), []);
  });

  it('recognises every forbidden form, and leaves packages and the engine’s own modules alone', () => {
    const file = join(ENGINE, 'rules/example.ts');
    const source = [
      "import { readFile } from 'node:fs/promises';",
      "import { join } from 'path';",
      "import type { Worker } from 'worker_threads';",
      "import * as vscode from 'vscode';",
      "import { createConnection } from 'vscode-languageserver/node';",
      "export * from '../../node/parserPool';",
      "const os = require('os');",
      "const crypto = await import('node:crypto');",
      "import { parseYaml } from '../yamlValue';",
      "import MarkdownIt from 'markdown-it';",
    ].join('\n');
    assert.deepEqual(forbiddenImports(file, source).map((line) => line.replace(/^.* imports /, '')), [
      'node:fs/promises',
      'path',
      'worker_threads',
      'vscode',
      'vscode-languageserver/node',
      '../../node/parserPool',
      'os',
      'node:crypto',
    ]);
  });
});
