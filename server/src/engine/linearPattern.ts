/**
 * Regular expressions and globs that come from a repository or a setting,
 * matched in linear time. A pull request writes densho.yaml, so a pattern
 * such as `^([A-Z]+)+$` must not be able to stall CI or the language server:
 * JavaScript's backtracking engine takes minutes on it, RE2 (here its pure
 * JavaScript port, which needs neither native code nor WebAssembly) never
 * takes longer than the text is long. RE2 refuses what it cannot match in
 * linear time (backreferences, lookaround), and that refusal is the error
 * the user sees.
 */
import { RE2JS } from 're2js';

/** What the rules need of a pattern: its text, for messages, and a test. */
export interface LinearPattern {
  readonly source: string;
  test(text: string): boolean;
}

/** Longest `id-pattern` or glob accepted: far above any real one, low enough that compiling stays instant. */
export const MAX_PATTERN_LENGTH = 1000;

/**
 * Compiles `source` with RE2 semantics; an error names the construct RE2
 * refused. `maxLength` is for patterns Densho assembles itself from parts
 * that were each bounded (the globs of one list).
 */
export function compileLinearPattern(source: string, maxLength = MAX_PATTERN_LENGTH): LinearPattern | { readonly error: string } {
  if (source.length > maxLength) return { error: `it is longer than ${maxLength} characters` };
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (error) {
    // "error parsing regexp: invalid or unsupported Perl syntax: `(?=`" → the part after the prefix.
    const message = error instanceof Error ? error.message.replace(/^error parsing regexp:\s*/, '') : String(error);
    return { error: message };
  }
  // `test`, not `matches`: like RegExp#test, an unanchored pattern may match anywhere. It is
  // `matcher(text).find()` without the Matcher and its capture groups, on RE2's DFA: a check
  // tests every file's path against the `docs` globs, and `find` took 60 µs a path, most of
  // the listing's time.
  return { source, test: (text) => compiled.test(text) };
}
