/** `source.fixAll.densho`: in the editor, one edit that leaves a document byte for byte as `densho check --fix` writes it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { tempRepository as cliRepository, runDensho } from '../support/cli';
import { applyTextEdits, clientForSuite, tempRepository, TODAY } from './client';
import { PEOPLE } from './fixtures';

const GOOD = 'id: SOP-X-001\ntitle: X\naccess: internal\nowner: p.one\nexpert: p.one\nreviewed: 2026-10-01\nstatus: draft\n';
const document = (fields: string, body: string) => `---\n${fields}---\n\n${body}`;

const FILES: Record<string, string> = {
  'densho.yaml': 'docs: ["**/*.md"]\nstandards: []\n',
  'people.yaml': PEOPLE,
  'target.md': document(GOOD, '# Target\n\n## Steps\n'),
  // Three fixes in one file, far apart: a renamed key, a date, a fragment.
  'several.md': document(GOOD.replace('title: X', 'titel: X').replace('2026-10-01', '2026/10/01').replace('SOP-X-001', 'SOP-S-001'), '# S\n\nText.\n\nSee [steps](target.md#stepz).\n'),
  // CRLF line ends and a byte-order mark are kept as `--fix` keeps them.
  'crlf.md': `\ufeff${document(GOOD.replace('title: X', 'titl: X').replace('SOP-X-001', 'SOP-C-001'), '# C\n\nSee [steps](target.md#stepz).\n').replace(/\n/g, '\r\n')}`,
  // A skeleton first, then a pass over the skeleton's text: the editor takes the passes `--fix` takes.
  'bare.md': 'Notes without front matter.\n',
  'clean.md': document(GOOD.replace('SOP-X-001', 'SOP-K-001'), '# K\n'),
};

const FIXED = ['several.md', 'crlf.md', 'bare.md'];

describe('fix all in the editor', () => {
  const repo = tempRepository(FILES);
  const client = clientForSuite(repo, Object.keys(FILES).filter((path) => path.endsWith('.md')));

  async function fixAll(path: string, only = ['source.fixAll']): Promise<CodeAction[]> {
    return client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri(path) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only },
    });
  }

  it('advertises source.fixAll.densho, so editor.codeActionsOnSave can ask for it', () => {
    const provider = client.initializeResult?.capabilities.codeActionProvider;
    assert.ok(typeof provider === 'object' && provider.codeActionKinds?.includes('source.fixAll.densho'), JSON.stringify(provider));
  });

  it('gives each document the text `densho check --fix` writes, byte for byte', async () => {
    const cliRoot = cliRepository(FILES);
    const cli = await runDensho(['check', '--fix', '--today', TODAY, cliRoot]);
    assert.match(cli.stdout, /3 files changed/);
    for (const path of FIXED) {
      const actions = await fixAll(path);
      assert.equal(actions.length, 1, `${path}: ${JSON.stringify(actions)}`);
      const action = actions[0]!;
      assert.equal(action.kind, 'source.fixAll.densho');
      const changes = action.edit!.documentChanges as TextDocumentEdit[];
      assert.equal(changes.length, 1);
      assert.equal(changes[0]!.textDocument.uri, client.uri(path));
      // The editor holds the text without its byte-order mark, as VS Code does.
      const onDisk = readFileSync(join(repo.root, path), 'utf8');
      const bom = onDisk.startsWith('\ufeff') ? '\ufeff' : '';
      const edited = bom + applyTextEdits(onDisk.slice(bom.length), changes[0]!.edits as TextEdit[]);
      assert.equal(edited, readFileSync(join(cliRoot, path), 'utf8'), path);
    }
  });

  it('leaves the document as it was until the edit is applied, and offers nothing for a clean one', async () => {
    assert.equal((await fixAll('several.md')).length, 1, 'asking twice gives the edit again: the first ask changed nothing');
    assert.deepEqual(await fixAll('clean.md'), []);
    assert.ok((await client.open('several.md')).some((diagnostic) => diagnostic.code === 'frontmatter/unknown-field'));
    await client.close('several.md');
  });

  it('is offered only when asked for, by source.fixAll, source or its own kind', async () => {
    assert.equal((await fixAll('several.md', ['source'])).length, 1);
    assert.equal((await fixAll('several.md', ['source.fixAll.densho'])).length, 1);
    assert.deepEqual((await fixAll('several.md', ['quickfix'])).filter((action) => action.kind !== 'quickfix'), []);
    const unasked = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: client.uri('several.md') },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.ok(unasked.every((action) => action.kind === 'quickfix'));
  });
});

describe('densho/fixAll: every document of the folder', () => {
  const repo = tempRepository(FILES);
  const client = clientForSuite(repo, Object.keys(FILES).filter((path) => path.endsWith('.md')));

  it('is one edit that leaves every document as `densho check --fix` writes it, and touches no other', async () => {
    const cliRoot = cliRepository(FILES);
    await runDensho(['check', '--fix', '--today', TODAY, cliRoot]);
    const edit = await client.request<{ documentChanges: TextDocumentEdit[] }>('densho/fixAll', {});
    assert.deepEqual(edit.documentChanges.map((change) => change.textDocument.uri).sort(), FIXED.map((path) => client.uri(path)).sort());
    for (const change of edit.documentChanges) {
      const path = decodeURIComponent(new URL(change.textDocument.uri).pathname).slice(repo.root.length + 1);
      const onDisk = readFileSync(join(repo.root, path), 'utf8');
      const bom = onDisk.startsWith('\ufeff') ? '\ufeff' : '';
      assert.equal(bom + applyTextEdits(onDisk.slice(bom.length), change.edits as TextEdit[]), readFileSync(join(cliRoot, path), 'utf8'), path);
    }
    // Only offered: asked again, the same edit.
    assert.equal((await client.request<{ documentChanges: TextDocumentEdit[] }>('densho/fixAll', {})).documentChanges.length, FIXED.length);
  });
});
