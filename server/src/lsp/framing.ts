/**
 * A filter between stdin and vscode-jsonrpc's message reader that keeps the
 * server listening after a client sends a broken frame.
 *
 * JSON-RPC over stdio frames each message as `Content-Length: N\r\n\r\n`
 * followed by N bytes. vscode-jsonrpc trusts N: after one frame whose length
 * is too short, the rest of its body is read as the next header, which eats
 * that next message's header, whose body is then read as a header, and so
 * on: every later message is lost and the server, still running, never
 * answers again. A length that is too long swallows the messages after it
 * the same way.
 *
 * This filter passes well-formed frames through byte for byte and finds the
 * next frame after a broken one: bytes before a header are skipped up to the
 * last `Content-Length:` in them, and a body that holds a complete header
 * (`Content-Length: N`, CRLF-terminated lines, an empty line) is cut there.
 * That cut never splits a valid message: raw CR and LF cannot occur inside a
 * JSON string, and outside strings `Content-Length` is not JSON. A body that
 * is merely not JSON is left to vscode-jsonrpc, which drops it and goes on.
 */
import { message, type Message } from '../engine';
import { Transform, type TransformCallback } from 'node:stream';

const MARKER = Buffer.from('Content-Length:', 'latin1');
const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
/** A header block longer than this is not a header: clients send one or two short lines. */
const MAX_HEADER = 8 * 1024;
/**
 * The beginning of a header, cut off by the end of what has arrived:
 * `Content-Length: 12`, then possibly CR LF and more `Name: value` lines.
 * A JSON body never matches to its end: a marker in it sits in a string,
 * and the string's closing quote is not allowed here.
 */
const HEADER_PREFIX = /^Content-Length:[ \t]*\d*[ \t]*(?:\r|\r\n(?:(?:[A-Za-z0-9-]+:[^\r\n]*\r\n)*(?:[A-Za-z0-9-]+:[^\r\n]*\r?|[A-Za-z0-9-]*|\r))?)?$/;

/** The first line of a header, or as much of it as has arrived. */
const FIRST_LINE = /^Content-Length:[ \t]*\d*[ \t]*(?:\r|$)/;

/** Why bytes from the client were skipped, for the server's log. */
export type SkipReport = (bytes: number, reason: Message) => void;

/** The body length a header block declares, or undefined when it is not a valid header. */
export function declaredLength(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0 || !/^[A-Za-z0-9-]+$/.test(line.slice(0, colon))) return undefined;
    if (line.slice(0, colon).toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    if (!/^\d{1,15}$/.test(value)) return undefined;
    // Two Content-Length lines: garbage glued to a real header, not a header.
    if (length !== undefined) return undefined;
    length = Number(value);
  }
  return length;
}

/** The stream form of FrameSplitter, for stdin. */
export class FrameFilter extends Transform {
  private readonly splitter: FrameSplitter;

  constructor(report?: SkipReport) {
    super();
    this.splitter = new FrameSplitter(report);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    for (const frame of this.splitter.feed(chunk)) this.push(frame);
    callback();
  }
}

/** Cuts the bytes from the client into well-formed frames (see above). */
export class FrameSplitter {
  /**
   * Bytes received and not yet passed on or skipped: `storage[first, last)`.
   * The storage grows by doubling, so a 5 MB document arriving in 64 KB
   * chunks is copied a few times, not once per chunk.
   */
  private storage: Buffer = Buffer.alloc(0);
  private first = 0;
  private last = 0;
  /** The frame whose header has been read: its header's size and its body's declared size. */
  private frame: { readonly headerBytes: number; readonly bodyBytes: number } | undefined;
  /** How far into the current frame's body the search for a following header has got. */
  private scanned = 0;

  /** Frames completed by the current `feed`. */
  private frames: Buffer[] = [];

  constructor(private readonly report: SkipReport = () => undefined) {}

  /** The frames that `chunk` completes, each a header and exactly the body it declares. */
  feed(chunk: Buffer): Buffer[] {
    this.append(chunk);
    this.drain();
    const frames = this.frames;
    this.frames = [];
    return frames;
  }

  /** How many bytes are held, waiting to complete a frame. */
  get held(): number {
    return this.last - this.first;
  }

  private get buffer(): Buffer {
    return this.storage.subarray(this.first, this.last);
  }

  private append(chunk: Buffer): void {
    const live = this.last - this.first;
    if (this.last + chunk.length > this.storage.length) {
      const grown = Buffer.allocUnsafe(Math.max(live + chunk.length, 2 * live, 4096));
      this.storage.copy(grown, 0, this.first, this.last);
      this.storage = grown;
      this.first = 0;
      this.last = live;
    }
    chunk.copy(this.storage, this.last);
    this.last += chunk.length;
  }

  private consume(bytes: number): void {
    this.first += bytes;
    if (this.first < this.last) return;
    this.first = this.last = 0;
    // Do not hold on to the room a large document needed.
    if (this.storage.length > 1024 * 1024) this.storage = Buffer.alloc(0);
  }

  /** Passes on every complete frame in the buffer, skipping what cannot be a frame. */
  private drain(): void {
    for (;;) {
      const buffer = this.buffer;
      if (!this.frame) {
        const end = buffer.indexOf(HEADER_END);
        if (end < 0) {
          if (buffer.length > MAX_HEADER) {
            // Keep a header that may be arriving (or the start of its marker), drop the rest.
            const marker = lastIndex(buffer, buffer.length);
            this.skip(marker !== undefined && marker > 0 ? marker : buffer.length - MARKER.length + 1, message('framing.no-header'));
          }
          return;
        }
        const header = buffer.subarray(0, end).toString('latin1');
        const length = declaredLength(header);
        if (length === undefined) {
          // Bytes left over from a broken frame, glued to the next header: start again at that header.
          const marker = lastIndex(buffer, end);
          this.skip(marker !== undefined && marker > 0 ? marker : end + HEADER_END.length, message('framing.not-a-header', { header: header.slice(0, 80) }));
          continue;
        }
        this.frame = { headerBytes: end + HEADER_END.length, bodyBytes: length };
        this.scanned = 0;
      }
      const { headerBytes, bodyBytes } = this.frame;
      const available = Math.min(buffer.length - headerBytes, bodyBytes);
      const next = this.headerWithin(buffer, headerBytes, available);
      if (next === 'wait') return;
      if (next !== undefined) {
        this.frame = undefined;
        this.skip(headerBytes + next, message('framing.overlong', { length: bodyBytes }));
        continue;
      }
      if (available < bodyBytes) return;
      // A copy: the storage is reused, and the reader keeps what it is given.
      this.frames.push(Buffer.from(buffer.subarray(0, headerBytes + bodyBytes)));
      this.consume(headerBytes + bodyBytes);
      this.frame = undefined;
    }
  }

  /**
   * Where a complete header starts in the first `available` bytes of the
   * current body (it may run past them: that is where a too-long length has
   * swallowed it), or `wait` when one may start there once more bytes come.
   * Only starts not ruled out before are tried.
   */
  private headerWithin(buffer: Buffer, bodyStart: number, available: number): number | 'wait' | undefined {
    const limit = bodyStart + available;
    for (let at = buffer.indexOf(MARKER, bodyStart + this.scanned); at >= 0 && at < limit; at = buffer.indexOf(MARKER, at + 1)) {
      // Most markers in a body are text about HTTP: rule them out on their first line, before decoding more.
      if (!FIRST_LINE.test(buffer.subarray(at, at + 40).toString('latin1'))) continue;
      const rest = buffer.subarray(at, at + MAX_HEADER);
      const end = rest.indexOf(HEADER_END);
      if (end >= 0 && declaredLength(rest.subarray(0, end).toString('latin1')) !== undefined) return at - bodyStart;
      if (end < 0 && at + rest.length === buffer.length && HEADER_PREFIX.test(rest.toString('latin1'))) {
        this.scanned = at - bodyStart;
        return 'wait';
      }
    }
    // A marker cut short by the end of what has arrived.
    const partial = Math.max(bodyStart + this.scanned, buffer.length - MARKER.length + 1);
    for (let at = partial; at < Math.min(limit, buffer.length); at++) {
      if (buffer.subarray(at).equals(MARKER.subarray(0, buffer.length - at))) {
        this.scanned = at - bodyStart;
        return 'wait';
      }
    }
    this.scanned = Math.max(this.scanned, Math.min(available, partial - bodyStart));
    return undefined;
  }

  private skip(bytes: number, reason: Message): void {
    const skipped = Math.max(0, Math.min(bytes, this.last - this.first));
    this.consume(skipped);
    this.scanned = 0;
    if (skipped > 0) this.report(skipped, reason);
  }
}

/** The start of the last `Content-Length:` in the first `end` bytes of `buffer`. */
function lastIndex(buffer: Buffer, end: number): number | undefined {
  const at = buffer.subarray(0, end).lastIndexOf(MARKER);
  return at < 0 ? undefined : at;
}
