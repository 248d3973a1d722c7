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
import { RE2JS, RE2JSSyntaxException } from 're2js';
import { message, type Message } from './messages';

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
export function compileLinearPattern(source: string, maxLength = MAX_PATTERN_LENGTH): LinearPattern | { readonly error: Message } {
  if (source.length > maxLength) return { error: message('pattern.too-long', { limit: maxLength }) };
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (error) {
    return { error: refusal(error) };
  }
  // `test`, not `matches`: like RegExp#test, an unanchored pattern may match anywhere. It is
  // `matcher(text).find()` without the Matcher and its capture groups, on RE2's DFA: a check
  // tests every file's path against the `docs` globs, and `find` took 60 µs a path, most of
  // the listing's time.
  return { source, test: (text) => compiled.test(text) };
}

/** RE2's reasons (its English `error` text is the code), as catalog messages; `part` is the construct it refused. */
const REFUSALS: Readonly<Record<string, Message>> = {
  'missing closing )': message('pattern.missing-paren'),
  'unexpected )': message('pattern.unexpected-paren'),
  'missing closing ]': message('pattern.missing-bracket'),
  'invalid escape sequence': message('pattern.invalid-escape'),
  'invalid or unsupported Perl syntax': message('pattern.perl-syntax'),
  'missing argument to repetition operator': message('pattern.missing-repeat-argument'),
  'invalid nested repetition operator': message('pattern.nested-repeat'),
  'invalid repeat count': message('pattern.repeat-count'),
  'invalid character class range': message('pattern.char-range'),
  'trailing backslash at end of expression': message('pattern.trailing-backslash'),
  'invalid named capture': message('pattern.named-capture'),
  'duplicate capture group name': message('pattern.named-capture'),
  'expression too large': message('pattern.too-complex'),
  'expression nests too deeply': message('pattern.too-complex'),
};

function refusal(error: unknown): Message {
  if (!(error instanceof RE2JSSyntaxException)) return message('pattern.other', { code: error instanceof Error ? error.name : String(error) });
  const reason = REFUSALS[error.error] ?? message('pattern.other', { code: error.error });
  return error.input ? message('pattern.refused-at', { reason, part: error.input }) : reason;
}
