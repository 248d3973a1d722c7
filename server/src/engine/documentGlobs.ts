import picomatch from 'picomatch';
import type { DenshoConfig } from './config';

const matchers = new WeakMap<DenshoConfig, (path: string) => boolean>();

/** Whether `path` is a document: a Markdown file under `docs` and not under `ignore`. */
export function matchesDocumentGlobs(path: string, config: DenshoConfig): boolean {
  let matcher = matchers.get(config);
  if (!matcher) {
    const include = picomatch(config.docs as string[], { dot: false });
    const exclude = picomatch(config.ignore as string[], { dot: true });
    matcher = (candidate) => /\.md$/i.test(candidate) && include(candidate) && !exclude(candidate);
    matchers.set(config, matcher);
  }
  return matcher(path);
}

/**
 * The `docs` globs that match none of `documents`: a typo there would
 * otherwise check nothing and pass, so the CLI refuses to run green on it.
 */
export function unmatchedDocumentGlobs(config: DenshoConfig, documents: readonly string[]): string[] {
  return config.docs.filter((glob) => {
    const matches = picomatch(glob, { dot: false });
    return !documents.some((document) => matches(document));
  });
}
