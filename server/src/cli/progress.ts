/**
 * The progress line of a long run: on a terminal only (never in a pipe or a
 * CI log, where it would be noise), and only once the run has taken about a
 * second, so a quick check prints nothing extra. One line, rewritten in
 * place and cleared at the end. The clock is passed in so tests need no
 * waiting.
 */
import type { CliIo } from './io';

/** Quiet for this long: most runs end before it. */
const QUIET_FOR_MS = 1000;
/** Redrawn at most this often. */
const REDRAW_EVERY_MS = 100;

export class ProgressLine {
  private readonly started: number;
  private lastDrawn = -Infinity;
  private shown = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  /** A progress line for this run, or undefined when stderr is not a terminal. */
  static for(io: CliIo): ProgressLine | undefined {
    return io.stderrIsTerminal ? new ProgressLine(io.stderr) : undefined;
  }

  update(phase: string, done: number, total: number): void {
    const now = this.now();
    if (now - this.started < QUIET_FOR_MS || (now - this.lastDrawn < REDRAW_EVERY_MS && done < total)) return;
    this.lastDrawn = now;
    this.shown = true;
    // \r and "erase line": the next update replaces this one.
    this.write(`\r\u001b[2Kdensho: ${phase} ${done}/${total} documents`);
  }

  /** Clears the line, if one was drawn, before the results are printed. */
  finish(): void {
    if (this.shown) this.write('\r\u001b[2K');
    this.shown = false;
  }
}
