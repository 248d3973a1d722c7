/**
 * Parses documents on worker threads, one per core. Markdown parsing is the
 * bulk of a cold check (micromark is thorough, not fast), and it is pure:
 * text in, facts out, so it spreads across cores without any shared state.
 *
 * Documents travel in batches to keep message overhead small. A worker that
 * dies takes nothing with it: its unfinished documents are parsed on this
 * thread instead, so a crash costs time, never a result.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StringTable, unpackOffsetsInPlace, type OffsetPackedFacts } from '../engine/packedRanges';
import { parseDocumentText, reviveParse, withoutBom, type ParsedDocument, type ParseFacts } from '../engine/parse';
import { LineIndex } from '../engine/text';
import type { DocumentParser } from '../engine/parsing/documentParser';

export interface ParseBatch {
  readonly batch: number;
  readonly documents: readonly { readonly path: string; readonly text: string }[];
}

export interface ParsedBatch {
  readonly batch: number;
  /** Each document's facts with its ranges as offsets (packOffsetsInPlace): a range's line index does not cross threads. */
  readonly facts: readonly OffsetPackedFacts[];
}

interface Job {
  readonly path: string;
  readonly text: string;
  readonly resolve: (parsed: ParsedDocument) => void;
}

interface PoolWorker {
  readonly thread: Worker;
  /** The batch it is working on, if any. */
  busy?: { readonly batch: number; readonly jobs: readonly Job[] };
}

export interface ParserPoolOptions {
  /** Threads to start; defaults to the number of cores, at most 8. */
  readonly threads?: number;
  /** The bundled worker script; defaults to parseWorker.js beside the running bundle. */
  readonly script?: string;
  /** Documents parsed on this thread before the threads start. */
  readonly parseHereFirst?: number;
}

const PARSE_HERE_FIRST = 16;
/** Documents per message: enough to amortise a message, few enough to balance the threads. */
const BATCH_DOCUMENTS = 32;
/** Characters per message, so a batch of large documents does not starve the other threads. */
const BATCH_CHARACTERS = 256 * 1024;
/**
 * Each thread's young generation. Parsing allocates a great many
 * short-lived objects, and too small a nursery spends the parse in
 * scavenges; but each thread's nursery is resident memory for the whole
 * load, when the main heap is at its largest. At 15,000 documents 16 MB
 * took the CLI's peak from 356 to 347 MB (mean of three runs each, back to
 * back) against 32 MB, in the same time.
 */
const YOUNG_GENERATION_MB = 16;

export class ParserPool implements DocumentParser {
  private readonly workers: PoolWorker[] = [];
  private queue: Job[] = [];
  /** Index of the next job in `queue`: taking from the front must not shift a 15,000-item array each time. */
  private head = 0;
  private nextBatch = 0;
  /** Short strings shared among the parses the threads send back (see StringTable): the pool lives for one load. */
  private readonly strings = new StringTable();

  /**
   * A pool, or undefined when the worker script is not there (running from
   * source, in tests). Its threads start only once more than a handful of
   * documents have asked to be parsed: a warm cache leaves one or two to
   * parse, and those are quicker here than a thread is to start.
   */
  static start(options: ParserPoolOptions = {}): ParserPool | undefined {
    const script = options.script ?? join(__dirname, 'parseWorker.js');
    if (!existsSync(script)) return undefined;
    const threads = options.threads ?? Math.min(8, availableParallelism());
    return threads < 1 ? undefined : new ParserPool(script, threads, options.parseHereFirst ?? PARSE_HERE_FIRST);
  }

  private started = false;

  private constructor(
    private readonly script: string,
    private readonly threadCount: number,
    private parseHere: number,
  ) {}

  private startThreads(): void {
    this.started = true;
    for (let i = 0; i < this.threadCount; i++) {
      const thread = new Worker(this.script, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      const worker: PoolWorker = { thread };
      thread.on('message', (message: ParsedBatch) => this.finish(worker, message));
      thread.on('error', () => this.retire(worker));
      thread.on('exit', () => this.retire(worker));
      this.workers.push(worker);
    }
  }

  /** Threads running now: 0 before the first batch and after `dispose`. */
  get threads(): number {
    return this.workers.length;
  }

  parse(path: string, text: string): Promise<ParsedDocument> {
    if (!this.started && this.parseHere > 0) {
      this.parseHere--;
      return Promise.resolve(parseDocumentText(path, text));
    }
    if (!this.started) this.startThreads();
    return new Promise((resolve) => {
      this.queue.push({ path, text, resolve });
      this.dispatch();
    });
  }

  async dispose(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker.thread.terminate()));
    // Anything still queued is parsed here rather than dropped.
    for (const job of this.takeAll()) job.resolve(parseDocumentText(job.path, job.text));
  }

  private dispatch(): void {
    for (const worker of this.workers) {
      if (this.head >= this.queue.length) break;
      if (worker.busy) continue;
      const jobs: Job[] = [];
      let characters = 0;
      while (this.head < this.queue.length && jobs.length < BATCH_DOCUMENTS && (jobs.length === 0 || characters < BATCH_CHARACTERS)) {
        const job = this.queue[this.head++]!;
        jobs.push(job);
        characters += job.text.length;
      }
      const batch = this.nextBatch++;
      worker.busy = { batch, jobs };
      const message: ParseBatch = { batch, documents: jobs.map(({ path, text }) => ({ path, text })) };
      worker.thread.postMessage(message);
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) this.takeAll().forEach((job) => this.queue.push(job));
  }

  private takeAll(): Job[] {
    const rest = this.queue.slice(this.head);
    this.queue = [];
    this.head = 0;
    return rest;
  }

  private finish(worker: PoolWorker, message: ParsedBatch): void {
    const busy = worker.busy;
    if (!busy || busy.batch !== message.batch) return;
    worker.busy = undefined;
    busy.jobs.forEach((job, position) => {
      const packed = message.facts[position]!;
      const lines = new LineIndex((packed.facts as ParseFacts).unreadable ? '' : withoutBom(job.text));
      job.resolve(reviveParse(job.path, job.text, unpackOffsetsInPlace(packed, lines, this.strings), lines));
    });
    this.dispatch();
  }

  /** A worker that failed or exited: its batch is parsed here, and the pool goes on with the others. */
  private retire(worker: PoolWorker): void {
    const position = this.workers.indexOf(worker);
    if (position >= 0) this.workers.splice(position, 1);
    const unfinished = worker.busy?.jobs ?? [];
    worker.busy = undefined;
    for (const job of unfinished) job.resolve(parseDocumentText(job.path, job.text));
    if (this.workers.length === 0) for (const job of this.takeAll()) job.resolve(parseDocumentText(job.path, job.text));
    else this.dispatch();
  }
}
