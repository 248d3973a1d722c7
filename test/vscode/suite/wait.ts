/** What the in-host suites wait with: VS Code's own events, with a time limit, never sleeps. */
import type * as vscode from 'vscode';

export const TIME_LIMIT = 45_000;

/** Resolves when `predicate` holds, checked now and after each `event`; rejects after the time limit. */
export function waitFor(event: vscode.Event<unknown>, predicate: () => boolean, what: string, limit = TIME_LIMIT): Promise<void> {
  if (predicate()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${limit} ms waiting for ${what}`));
    }, limit);
    const subscription = event(() => {
      if (!predicate()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}
