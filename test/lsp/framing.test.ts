/**
 * The filter in front of the server's stdin (server/src/lsp/framing.ts):
 * well-formed traffic passes byte for byte however it is chunked, and after
 * any garbage the stream is back in step by the next message but one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { declaredLength, FrameSplitter } from '../../server/src/lsp/framing';

/** Text that tempts a framing parser: markers, CR LF, multi-byte characters. */
const TEXTS = ['Content-Length: 12', 'Content-Length: 12\r\n\r\n', '\r\n\r\n', '\r\n', '"', '\\', '{', '}', '手順', '😀', 'a', ' ', 'Content-Type: x'];
const text = fc.array(fc.oneof(fc.constantFrom(...TEXTS), fc.string()), { maxLength: 8 }).map((parts) => parts.join(''));

/** A JSON-RPC message as a client frames it, with its body compact or pretty-printed (CR LF between tokens is JSON whitespace). */
const frame = fc
  .record({
    id: fc.nat(),
    text,
    style: fc.constantFrom('compact', 'pretty', 'crlf'),
    contentType: fc.constantFrom('none', 'before', 'after'),
  })
  .map(({ id, text: value, style, contentType }) => {
    const message = { jsonrpc: '2.0', id, method: 'textDocument/hover', params: { text: value, nested: [value, { value }] } };
    let body = style === 'compact' ? JSON.stringify(message) : JSON.stringify(message, null, 2);
    if (style === 'crlf') body = body.replace(/\n/g, '\r\n');
    const bytes = Buffer.from(body, 'utf8');
    const type = 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n';
    const header = `${contentType === 'before' ? type : ''}Content-Length: ${bytes.length}\r\n${contentType === 'after' ? type : ''}\r\n`;
    return Buffer.concat([Buffer.from(header, 'ascii'), bytes]);
  });

/** Pieces of broken frames: wrong and absurd lengths, headers without a colon, truncated bodies. */
const GARBAGE = [
  'Content-Length: ', 'Content-Length: 5\r\n\r\n', 'Content-Length: 999999\r\n\r\n', 'Content-Length: -5\r\n\r\n', 'Content-Length: abc\r\n\r\n',
  'Content-Type: x\r\n\r\n', 'no colon\r\n\r\n', '\r\n', '\r\n\r\n', '{"jsonrpc":"2.0","id":1', '}', '"', 'Content-Le', '12', ' ', '手',
];
const garbage = fc.array(fc.oneof(fc.constantFrom(...GARBAGE), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 8 }).map((parts) => Buffer.from(parts.join(''), 'utf8'));

/** Splits bytes at the given cut points, as a pipe might deliver them. */
function chunked(bytes: Buffer, cuts: readonly number[]): Buffer[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    if (point > from) chunks.push(bytes.subarray(from, point));
    from = Math.max(from, point);
  }
  return chunks;
}

function feedAll(chunks: readonly Buffer[]): { frames: Buffer[]; skipped: number } {
  let skipped = 0;
  const splitter = new FrameSplitter((bytes) => {
    skipped += bytes;
  });
  return { frames: chunks.flatMap((chunk) => splitter.feed(chunk)), skipped };
}

/** Each output frame is one header and exactly the body it declares. */
function assertWellFormed(output: readonly Buffer[]): void {
  for (const out of output) {
    const end = out.indexOf('\r\n\r\n');
    assert.ok(end > 0);
    assert.equal(declaredLength(out.subarray(0, end).toString('latin1')), out.length - end - 4);
  }
}

describe('stdin framing filter', () => {
  it('passes well-formed frames through byte for byte, as soon as each is complete, however the bytes are chunked', () => {
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 12 }), (frames, cuts) => {
        const { frames: output, skipped } = feedAll(chunked(Buffer.concat(frames), cuts));
        assert.equal(skipped, 0);
        assert.deepEqual(output, frames);
      }),
      { numRuns: 300 },
    );
  });

  it('after any garbage, passes only well-formed frames, and every message from the second on arrives intact', () => {
    fc.assert(
      fc.property(garbage, fc.array(frame, { minLength: 2, maxLength: 4 }), fc.array(fc.nat(), { maxLength: 8 }), (junk, frames, cuts) => {
        const { frames: output } = feedAll(chunked(Buffer.concat([junk, ...frames]), cuts));
        assertWellFormed(output);
        assert.deepEqual(output.slice(-(frames.length - 1)), frames.slice(1));
      }),
      { numRuns: 300 },
    );
  });

  it('recovers the very next message after a length that is too short, too long or not a number', () => {
    const [first, second] = [1, 2].map((id) => Buffer.from(`{"jsonrpc":"2.0","id":${id},"method":"shutdown"}`));
    const framed = (body: Buffer) => Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
    for (const header of ['Content-Length: 5', 'Content-Length: 500', 'Content-Length: 1000000000000', 'Content-Length: x', 'Content-Length: -3', 'Length 3']) {
      const { frames, skipped } = feedAll([Buffer.concat([Buffer.from(`${header}\r\n\r\n`), first!]), framed(second!)]);
      assert.deepEqual(frames.at(-1), framed(second!), header);
      assert.ok(skipped > 0, header);
    }
  });

  it('holds no more than a header\'s worth of endless garbage', () => {
    const splitter = new FrameSplitter();
    for (let i = 0; i < 100; i++) {
      splitter.feed(Buffer.alloc(64 * 1024, 'x'));
      assert.ok(splitter.held <= 8 * 1024, `${splitter.held} bytes held`);
    }
    const body = Buffer.from('{"jsonrpc":"2.0","method":"exit"}');
    const good = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
    assert.deepEqual(splitter.feed(good), [good]);
  });
});
