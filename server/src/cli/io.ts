/**
 * What a command may touch of the outside world, passed in rather than taken
 * from `process`, so the CLI runs unchanged inside tests.
 */
import { createColors } from 'picocolors';
import { localeFromEnvironment, type Locale } from '../engine';

export interface CliIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Colour only on a terminal (and never when NO_COLOR is set). */
  readonly color: boolean;
  /** Whether stderr is a terminal a progress line may be drawn on (never in CI logs). */
  readonly stderrIsTerminal?: boolean;
  /** LC_ALL, LC_MESSAGES and LANG, which choose the language when `--locale` does not. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The language of every message: `--locale`, else the environment's (runCli sets it). */
  readonly locale?: Locale;
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
    env: { LC_ALL: env.LC_ALL, LC_MESSAGES: env.LC_MESSAGES, LANG: env.LANG },
  };
}

/** The language a command writes in: `--locale` if given, else LC_ALL, LC_MESSAGES, LANG; English without any. */
export function chooseLocale(flag: Locale | undefined, io: CliIo): Locale {
  return flag ?? localeFromEnvironment(io.env ?? {});
}

export function localeOf(io: CliIo): Locale {
  return io.locale ?? 'en';
}

export type Colors = ReturnType<typeof createColors>;

export function colorsFor(io: CliIo): Colors {
  return createColors(io.color);
}
