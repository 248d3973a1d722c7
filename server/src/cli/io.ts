/**
 * What a command may touch of the outside world, passed in rather than taken
 * from `process`, so the CLI runs unchanged inside tests.
 */
import { createColors } from 'picocolors';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour only on a terminal (and never when NO_COLOR is set). */
  readonly color: boolean;
  /** Whether stderr is a terminal a progress line may be drawn on (never in CI logs). */
  readonly stderrIsTerminal?: boolean;
}

export function processIo(): CliIo {
  const env = process.env;
  const color = Boolean(env.FORCE_COLOR && env.FORCE_COLOR !== '0') || (Boolean(process.stdout.isTTY) && !env.NO_COLOR && env.TERM !== 'dumb');
  return {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color,
    stderrIsTerminal: Boolean(process.stderr.isTTY) && env.TERM !== 'dumb' && !env.CI,
  };
}

export type Colors = ReturnType<typeof createColors>;

export function colorsFor(io: CliIo): Colors {
  return createColors(io.color);
}
