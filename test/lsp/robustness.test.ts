/**
 * The language server under hostile and broken input (issue 6): malformed
 * JSON-RPC, unknown methods, notifications of the wrong shape, URIs it does
 * not own, positions outside the document, and document versions out of
 * order. After each, the server must still answer, still be running, and
 * have written nothing to stderr, where Node reports an uncaught exception
 * before the process dies.
 *
 * Policy (docs/robustness.md): a didChange whose version is lower than the
 * open document's is ignored (it is older than the text the server holds,
 * and an incremental change would apply to the wrong text); a second didOpen
 * replaces the document; a didChange or didClose for a document that is not
 * open is ignored. Each is logged.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ErrorCodes, LSPErrorCodes, ResponseError, type Diagnostic, type DocumentSymbol, type Position } from 'vscode-languageserver-protocol/node';
import { clientForSuite, tempRepository } from './client';
import { A, FILES } from './fixtures';

/** A valid document whose outline is its one heading. */
function scratch(heading: string, fields = 'title: Scratch\n'): string {
  return `---\nid: SOP-S-001\n${fields}access: internal\nowner: p.one\nexpert: p.one\nreviewed: 2026-10-01\n---\n\n# ${heading}\n\nSee [[SOP-A-001]].\n`;
}

const rules = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

describe('language server robustness', () => {
  const repo = tempRepository(FILES);
  const client = clientForSuite(repo, ['a.md', 'a.ja.md', 'b.md']);
  const elsewhere = mkdtempSync(join(tmpdir(), 'densho-elsewhere-'));
  writeFileSync(join(elsewhere, 'a.md'), A);
  after(() => rmSync(elsewhere, { recursive: true, force: true }));

  /** The server answers a request as before, is still running, and has reported no exception. */
  async function assertServing(): Promise<void> {
    const symbols = await client.requestWithin<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('a.md') } });
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['Source procedure'],
    );
    assert.equal(client.exit, undefined, 'the server is still running');
    assert.doesNotMatch(client.stderr.join(''), /error|uncaught|unhandled/i, 'nothing on stderr');
  }

  /** Waits for a window/logMessage after sequence number `after` matching `pattern`. */
  function logged(after: number, pattern: RegExp): Promise<void> {
    return client.waitUntil(`a log message matching ${pattern}`, () =>
      client.notifications.some((n) => n.seq > after && n.method === 'window/logMessage' && pattern.test((n.params as { message: string }).message)),
    );
  }

  /** The answer to a request: its result, or the code of the error it was answered with. */
  async function answer(method: string, params: unknown): Promise<{ result: unknown } | { error: number }> {
    try {
      return { result: await client.requestWithin<unknown>(method, params) };
    } catch (error) {
      assert.ok(error instanceof ResponseError, `${method}: ${String(error)}`);
      return { error: error.code };
    }
  }

  /** Nothing found: null, an empty list, or an error that says so (never an exception inside the server). */
  function assertEmptyOrRefused(method: string, outcome: { result: unknown } | { error: number }): void {
    if ('error' in outcome) {
      assert.ok(([LSPErrorCodes.RequestFailed, ErrorCodes.InvalidParams] as number[]).includes(outcome.error), `${method} failed with ${outcome.error}`);
      return;
    }
    const { result } = outcome;
    const empty =
      result === null ||
      (Array.isArray(result) && result.length === 0) ||
      (typeof result === 'object' && result !== null && 'items' in result && Array.isArray(result.items) && result.items.length === 0);
    assert.ok(empty, `${method} answered ${JSON.stringify(result)}`);
  }

  /** Every request about a position in a document, at `position`. */
  function positionRequests(uri: string, position: Position): [string, unknown][] {
    const textDocument = { uri };
    const range = { start: position, end: position };
    return [
      ['textDocument/hover', { textDocument, position }],
      ['textDocument/definition', { textDocument, position }],
      ['textDocument/references', { textDocument, position, context: { includeDeclaration: true } }],
      ['textDocument/completion', { textDocument, position }],
      ['textDocument/prepareRename', { textDocument, position }],
      ['textDocument/rename', { textDocument, position, newName: 'SOP-X-001' }],
      ['textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }],
    ];
  }

  describe('malformed JSON-RPC', () => {
    const frame = (body: string, length = Buffer.byteLength(body)) => `Content-Length: ${length}\r\n\r\n${body}`;
    const request = '{"jsonrpc":"2.0","id":"raw-9001","method":"textDocument/documentSymbol","params":{"textDocument":{"uri":"file:///nowhere.md"}}}';
    const cases: [string, string | Buffer][] = [
      ['a body that is not JSON', frame('{"jsonrpc": "2.0", "method": ')],
      ['a body that is not UTF-8', Buffer.concat([Buffer.from('Content-Length: 4\r\n\r\n'), Buffer.from([0xff, 0xfe, 0x00, 0xc3])])],
      ['JSON that is not JSON-RPC: an array', frame('[1, 2, 3]')],
      ['JSON that is not JSON-RPC: a number', frame('42')],
      ['JSON that is not JSON-RPC: null', frame('null')],
      ['JSON that is not JSON-RPC: an object with neither method nor id', frame('{"hello":"world"}')],
      ['a response to a request the server never sent', frame('{"jsonrpc":"2.0","id":"raw-4711","result":null}')],
      ['a request whose id is an object', frame('{"jsonrpc":"2.0","id":{"a":1},"method":"textDocument/hover","params":{}}')],
      ['a request whose method is a number', frame('{"jsonrpc":"2.0","id":"raw-5","method":42}')],
      ['a request whose params are a string', frame('{"jsonrpc":"2.0","id":"raw-6","method":"textDocument/hover","params":"a.md"}')],
    ];
    for (const [name, bytes] of cases) {
      it(`survives ${name}`, async () => {
        await client.writeRaw(bytes);
        await assertServing();
      });
    }

    const broken: [string, string][] = [
      ['a Content-Length shorter than the body', frame(request, 20)],
      ['a Content-Length longer than the body', frame(request, request.length + 300)],
      ['a Content-Length of a terabyte', frame(request, 10 ** 12)],
      ['a Content-Length that is not a number', frame(request).replace(/\d+/, 'many')],
      ['a negative Content-Length', frame(request).replace(/\d+/, '-5')],
      ['no Content-Length header', `Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n${request}`],
      ['a header line without a colon', `hello there\r\n\r\n${request}`],
      ['a body without any header', request],
    ];
    for (const [name, bytes] of broken) {
      it(`survives ${name}: the next request is answered, and the skipped bytes are logged`, async () => {
        const before = client.seq;
        await client.writeRaw(bytes);
        await assertServing();
        await logged(before, /skipped \d+ bytes of malformed input/);
      });
    }
  });

  describe('unknown methods', () => {
    it('answers an unknown request with MethodNotFound and keeps serving', async () => {
      for (const method of ['densho/noSuchRequest', 'textDocument/semanticTokens/full', '$/noSuchRequest']) {
        await assert.rejects(client.requestWithin(method, { textDocument: { uri: client.uri('a.md') } }), (error: unknown) => {
          assert.ok(error instanceof ResponseError);
          assert.equal(error.code, ErrorCodes.MethodNotFound, method);
          return true;
        });
      }
      await assertServing();
    });

    it('ignores an unknown notification', async () => {
      for (const method of ['densho/noSuchNotification', '$/noSuchNotification', 'textDocument/didSave']) {
        await client.connection.sendNotification(method, { textDocument: { uri: client.uri('a.md') } });
      }
      await assertServing();
    });
  });

  describe('notifications of the wrong shape', () => {
    const notifications: [string, unknown][] = [
      ['textDocument/didOpen', { textDocument: { uri: pathToFileURL(join(repo.root, 'null.md')).href, languageId: 'markdown', version: 1, text: null } }],
      ['textDocument/didOpen', {}],
      ['textDocument/didChange', { textDocument: { version: 2 }, contentChanges: null }],
      ['textDocument/didClose', {}],
      ['workspace/didChangeWatchedFiles', { changes: null }],
      ['workspace/didChangeWatchedFiles', { changes: [{ uri: 5, type: 2 }] }],
      ['workspace/didChangeConfiguration', { settings: 'loud' }],
      ['workspace/didRenameFiles', { files: [{}] }],
    ];
    for (const [method, params] of notifications) {
      it(`survives ${method} with ${JSON.stringify(params)}`, async () => {
        await client.connection.sendNotification(method, params);
        await assertServing();
      });
    }

    it('survives an open document whose text is not a string, and a change that is not text', async () => {
      const uri = client.uri('wrong-shape.md');
      for (const text of [null, 42, { text: 'x' }]) {
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
        await assertServing();
      }
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: scratch('Shape') } });
      await client.diagnosticsAfter('wrong-shape.md', 0);
      for (const contentChanges of [null, [{ text: 7 }], [{ range: { start: { line: 'x' } }, text: 'y' }], 'text']) {
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges });
        await assertServing();
      }
      const symbols = await client.requestWithin<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(
        symbols.map((symbol) => symbol.name),
        ['Shape'],
        'the text the server accepted is unchanged',
      );
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    });
  });

  describe('URIs the server does not own', () => {
    const uris = (): [string, string][] => [
      ['a file that does not exist', client.uri('nope/missing.md')],
      ['an untitled document', 'untitled:Untitled-1'],
      ['an https document', 'https://example.com/sops/a.md'],
      ['a file outside the workspace folder', pathToFileURL(join(elsewhere, 'a.md')).href],
      ['the workspace folder itself', client.uri('')],
      ['a file URI with a host', 'file://server/share/a.md'],
      ['a malformed file URI', 'file:///%E0%A4%A.md'],
      ['not a URI at all', 'a.md'],
      ['an empty URI', ''],
    ];

    it('answers every request about them with nothing, or an error that says so', async () => {
      for (const [name, uri] of uris()) {
        const requests: [string, unknown][] = [
          ...positionRequests(uri, { line: 0, character: 0 }),
          ['textDocument/documentSymbol', { textDocument: { uri } }],
          ['textDocument/documentLink', { textDocument: { uri } }],
        ];
        for (const [method, params] of requests) assertEmptyOrRefused(`${name}: ${method}`, await answer(method, params));
      }
      await assertServing();
    });

    it('accepts them opened, changed and closed, and publishes nothing for them', async () => {
      const before = client.seq;
      for (const [, uri] of uris().filter(([name]) => name !== 'a file that does not exist')) {
        await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: scratch('Elsewhere') } });
        await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: scratch('Changed', '') }] });
        assertEmptyOrRefused(`hover in ${uri}`, await answer('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 5 } }));
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
      await assertServing();
      const published = [...client.diagnostics.entries()].filter(([uri, latest]) => latest.seq > before && !uri.startsWith(client.uri('')));
      assert.deepEqual(published, []);
    });

    it('answers from the disk for a document that was opened and closed again', async () => {
      await client.open('b.md', scratch('Edited'));
      const before = client.seq;
      await client.close('b.md');
      // Closing re-reads the disk and re-checks: once that is published, every answer comes from the disk text.
      await client.diagnosticsAfter('b.md', before);
      const symbols = await client.requestWithin<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('b.md') } });
      assert.deepEqual(
        symbols.map((symbol) => symbol.name),
        ['Linking procedure'],
      );
      await assertServing();
    });
  });

  describe('positions outside the document', () => {
    const positions: Position[] = [
      { line: -1, character: 0 },
      { line: 0, character: -1 },
      { line: 10 ** 6, character: 0 },
      { line: 0, character: 10 ** 6 },
      { line: 10 ** 6, character: 10 ** 6 },
      { line: 2 ** 31, character: 2 ** 31 },
    ];

    for (const open of [true, false]) {
      it(`answers every request with nothing, or an error that says so, in a document ${open ? 'open in the editor' : 'only on disk'}`, async () => {
        const path = open ? 'a.md' : 'a.ja.md';
        if (open) await client.open(path);
        for (const position of positions) {
          for (const [method, params] of positionRequests(client.uri(path), position)) {
            assertEmptyOrRefused(`${method} at ${JSON.stringify(position)}`, await answer(method, params));
          }
        }
        // A range from before the start to past the end covers the whole document: quick fixes may be offered, but nothing breaks.
        const whole = await answer('textDocument/codeAction', { textDocument: { uri: client.uri(path) }, range: { start: positions[0], end: positions[4] }, context: { diagnostics: [] } });
        assert.ok('result' in whole && Array.isArray(whole.result));
        if (open) await client.close(path);
        await assertServing();
      });
    }

    it('applies an incremental change whose range lies past the end at the end', async () => {
      const text = scratch('Range');
      await client.open('range.md', text);
      const far = { line: 10 ** 6, character: 10 ** 6 };
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: client.uri('range.md'), version: 2 },
        contentChanges: [{ range: { start: far, end: far }, text: '\n## Appended\n' }],
      });
      const symbols = await client.requestWithin<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('range.md') } });
      assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.children?.map((child) => child.name)]), [['Range', ['Appended']]]);
      await client.close('range.md');
      await assertServing();
    });
  });

  describe('document versions out of order', () => {
    const uri = () => client.uri('versions.md');
    const change = (version: number, text: string) => client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(), version }, contentChanges: [{ text }] });
    const outline = async () => (await client.requestWithin<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri() } })).map((symbol) => symbol.name);
    const latest = () => client.diagnostics.get(uri())!.params;

    it('ignores a change older than the text it holds, and says so', async () => {
      let before = client.seq;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'markdown', version: 5, text: scratch('Five') } });
      await client.diagnosticsAfter('versions.md', before);
      assert.equal(latest().version, 5);
      assert.deepEqual(rules(latest().diagnostics), []);

      before = client.seq;
      await change(3, scratch('Three', ''));
      await logged(before, /version 3.*older than version 5/);
      assert.deepEqual(await outline(), ['Five']);
      // A quick-fix request waits until every check has run: had the change been taken, its diagnostics would be out by now.
      await client.requestWithin('textDocument/codeAction', { textDocument: { uri: uri() }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
      assert.equal(latest().version, 5);
      assert.deepEqual(rules(latest().diagnostics), []);

      before = client.seq;
      await change(6, scratch('Six', ''));
      const diagnostics = await client.diagnosticsAfter('versions.md', before);
      assert.deepEqual(rules(diagnostics), ['frontmatter/required']);
      assert.equal(latest().version, 6);
      assert.deepEqual(await outline(), ['Six']);
      await assertServing();
    });

    it('takes a second didOpen of the same document as the new text, whatever its version', async () => {
      const before = client.seq;
      await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(), languageId: 'markdown', version: 1, text: scratch('Reopened') } });
      const diagnostics = await client.diagnosticsAfter('versions.md', before, (list) => list.length === 0);
      assert.deepEqual(rules(diagnostics), []);
      assert.equal(latest().version, 1);
      assert.deepEqual(await outline(), ['Reopened']);
      await assertServing();
    });

    it('ignores a change to a document that was never opened, and keeps checking the disk text', async () => {
      const before = client.seq;
      await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: client.uri('a.ja.md'), version: 2 }, contentChanges: [{ text: 'no front matter' }] });
      await logged(before, /not open/);
      await client.requestWithin('textDocument/codeAction', { textDocument: { uri: client.uri('a.ja.md') }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } });
      assert.ok(!rules(client.diagnostics.get(client.uri('a.ja.md'))!.params.diagnostics).includes('frontmatter/missing'), 'the change was not checked');
      const symbols = await client.requestWithin<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('a.ja.md') } });
      assert.deepEqual(
        symbols.map((symbol) => symbol.name),
        ['元の手順'],
      );
      await assertServing();
    });

    it('ignores closing a document that was never opened', async () => {
      const before = client.seq;
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: client.uri('a.ja.md') } });
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: client.uri('never/opened.md') } });
      await logged(before, /not open/);
      await assertServing();
    });

    it('clears the diagnostics of an unsaved document when it is closed', async () => {
      const before = client.seq;
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri() } });
      assert.deepEqual(await client.diagnosticsAfter('versions.md', before), []);
      await assertServing();
    });
  });

  describe('files that vanish', () => {
    it('treats a file deleted between the change event and its reading as deleted', async () => {
      repo.write('gone.md', scratch('Gone').replace('SOP-S-001', 'SOP-G-001'));
      let before = client.seq;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('gone.md'), type: 1 }] });
      await client.diagnosticsAfter('gone.md', before);
      // Deleted on disk, but the server hears only that it changed: reading it finds nothing.
      repo.remove('gone.md');
      before = client.seq;
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('gone.md'), type: 2 }] });
      assert.deepEqual(await client.diagnosticsAfter('gone.md', before), []);
      // Created and gone before the server looked: nothing to publish, nothing breaks.
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('ghost/never.md'), type: 1 }, { uri: client.uri('ghost'), type: 1 }] });
      await assertServing();
    });
  });
});
