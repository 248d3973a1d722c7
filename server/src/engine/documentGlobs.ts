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

const ignoreMatchers = new WeakMap<DenshoConfig, (path: string) => boolean>();

/** Whether densho.yaml's `ignore` globs exclude `path` (any file, not only Markdown). */
export function matchesIgnoreGlobs(path: string, config: DenshoConfig): boolean {
  let matcher = ignoreMatchers.get(config);
  if (!matcher) {
    matcher = picomatch(config.ignore as string[], { dot: true });
    ignoreMatchers.set(config, matcher);
  }
  return matcher(path);
}
