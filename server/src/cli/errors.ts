/** Exit codes of docs/cli.md. */
export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

import { renderMessage, type Message } from '../engine';

/**
 * A mistake of the user's (bad flag, missing folder): one line on stderr and
 * exit 2, never a stack trace. It carries a catalog message, which runCli
 * shows in the run's language; `message` is its English text.
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(readonly text: Message) {
    super(renderMessage(text, 'en'));
  }
}
