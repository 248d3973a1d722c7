/**
 * The `docs` and `ignore` globs of densho.yaml. They come from the
 * repository, so they are matched in linear time: each glob is translated to
 * an RE2 expression (see linearPattern.ts) instead of the backtracking
 * regular expression a JavaScript glob library builds, where
 * `**\/*a*a*a*a*a*a*b.md` against one long file name takes minutes.
 *
 * Syntax: `*` (any characters but `/`), `**` as a whole path segment (any
 * number of folders), `?` (one character but `/`), `[abc]`, `[a-z]`,
 * `[!abc]` (one character of, or not of, a set), `{a,b}` (either
 * alternative, nestable) and `\` before a character to take it literally.
 * Every other character stands for itself.
 */
import type { DenshoConfig } from './config';
import { GLOB_LIST_CEILING } from './limits';
import { compileLinearPattern, MAX_PATTERN_LENGTH, type LinearPattern } from './linearPattern';
import { message, type Message } from './messages';

export interface GlobOptions {
  /**
   * Whether wildcards match names starting with a dot. When false, a path
   * with a dot-folder or dot-file (`.github/x.md`) matches only a glob that
   * itself names a dot-segment (`.github/**`).
   */
  readonly dot: boolean;
}

/** A set of globs compiled to one linear-time test, or the reason one of them was refused. */
export function compileGlobs(globs: readonly string[], options: GlobOptions): ((path: string) => boolean) | { readonly error: Message } {
  if (globs.length > GLOB_LIST_CEILING) return { error: message('glob.too-many', { count: globs.length, limit: GLOB_LIST_CEILING }) };
  if (options.dot) return compileAlternation(globs);
  // A glob that names a dot-segment itself may match dot paths; the others may not.
  const dotted = compileAlternation(globs.filter(namesDotSegment));
  const plain = compileAlternation(globs.filter((glob) => !namesDotSegment(glob)));
  if (typeof dotted !== 'function') return dotted;
  if (typeof plain !== 'function') return plain;
  return (path) => dotted(path) || (!DOT_SEGMENT.test(path) && plain(path));
}

const DOT_SEGMENT = /(^|\/)\./;

function namesDotSegment(glob: string): boolean {
  return DOT_SEGMENT.test(glob);
}

/** Globs joined into one RE2 alternation: one pass over a path, whatever the number of globs. */
function compileAlternation(globs: readonly string[]): ((path: string) => boolean) | { readonly error: Message } {
  if (globs.length === 0) return () => false;
  const alternatives: string[] = [];
  for (const glob of globs) {
    if (glob.length > MAX_PATTERN_LENGTH) return { error: message('glob.too-long', { glob: `${glob.slice(0, 40)}…`, limit: MAX_PATTERN_LENGTH }) };
    const translated = globToRegExpSource(glob);
    if (typeof translated !== 'string') return { error: message('glob.refused', { glob, reason: translated.error }) };
    alternatives.push(translated);
  }
  // Each glob is bounded above, so the alternation may be as long as they are together.
  const source = `^(?:${alternatives.join('|')})$`;
  const compiled = compileLinearPattern(source, source.length);
  if ('error' in compiled) return { error: compiled.error };
  const pattern: LinearPattern = compiled;
  return (path) => pattern.test(path);
}

/** RE2 source for one glob. */
export function globToRegExpSource(glob: string): string | { readonly error: Message } {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    const atSegmentStart = i === 0 || glob[i - 1] === '/';
    if (char === '*') {
      const globstar = glob[i + 1] === '*' && atSegmentStart && (i + 2 === glob.length || glob[i + 2] === '/');
      if (globstar && i + 2 === glob.length) {
        // Trailing `**`: everything below; `sops/**` also matches `sops` itself.
        if (out.endsWith('/')) out = `${out.slice(0, -1)}(?:/.*)?`;
        else out += '.*';
        i += 1;
      } else if (globstar) {
        out += '(?:[^/]*/)*';
        i += 2;
      } else {
        while (glob[i + 1] === '*') i++;
        out += '[^/]*';
      }
    } else if (char === '?') {
      out += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let set = glob.slice(i + 1, close);
      const negated = set.startsWith('!') || set.startsWith('^');
      if (negated) set = set.slice(1);
      // Inside a class only `\`, `]`, `[` and `^` mean anything to RE2; `-` stays a range.
      const body = set.replace(/[\\[\]^]/g, (special) => `\\${special}`);
      out += negated ? `[^/${body}]` : `[${body}]`;
      i = close;
    } else if (char === '{') {
      braceDepth++;
      out += '(?:';
    } else if (char === ',' && braceDepth > 0) {
      out += '|';
    } else if (char === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (char === '\\' && i + 1 < glob.length) {
      out += quote(glob[++i]!);
    } else {
      out += quote(char);
    }
  }
  if (braceDepth > 0) return { error: message('glob.unclosed-brace') };
  return out;
}

function quote(char: string): string {
  return /[\\^$.|?*+()[\]{}]/.test(char) ? `\\${char}` : char;
}

const matchers = new WeakMap<DenshoConfig, (path: string) => boolean>();

/** Whether `path` is a document: a Markdown file under `docs` and not under `ignore`. */
export function matchesDocumentGlobs(path: string, config: DenshoConfig): boolean {
  let matcher = matchers.get(config);
  if (!matcher) {
    // parseConfig has refused globs that do not compile; one that slipped through matches nothing rather than everything.
    const include = compileGlobs(config.docs, { dot: false });
    const exclude = compileGlobs(config.ignore, { dot: true });
    const includes = typeof include === 'function' ? include : () => false;
    const excludes = typeof exclude === 'function' ? exclude : () => false;
    matcher = (candidate) => /\.md$/i.test(candidate) && includes(candidate) && !excludes(candidate);
    matchers.set(config, matcher);
  }
  return matcher(path);
}

const ignoreMatchers = new WeakMap<DenshoConfig, (path: string) => boolean>();

/** Whether densho.yaml's `ignore` globs exclude `path` (any file, not only Markdown). */
export function matchesIgnoreGlobs(path: string, config: DenshoConfig): boolean {
  let matcher = ignoreMatchers.get(config);
  if (!matcher) {
    // The same linear-time compiler as the document globs (never picomatch's backtracking); a glob that slipped through matches nothing.
    const exclude = compileGlobs(config.ignore, { dot: true });
    matcher = typeof exclude === 'function' ? exclude : () => false;
    ignoreMatchers.set(config, matcher);
  }
  return matcher(path);
}

/**
 * The `docs` globs that match none of `documents`: a typo there would
 * otherwise check nothing and pass, so the CLI refuses to run green on it.
 */
export function unmatchedDocumentGlobs(config: DenshoConfig, documents: readonly string[]): string[] {
  return config.docs.filter((glob) => {
    const matches = compileGlobs([glob], { dot: false });
    return typeof matches !== 'function' || !documents.some((document) => matches(document));
  });
}
