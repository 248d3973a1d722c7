/**
 * Hard ceilings. Densho reads pull requests in CI, so every limit a
 * repository can set for itself (`max-document-size`) may only lower these:
 * a limit the input may raise is no limit. Each one, when exceeded, is a
 * diagnostic at the place where it is exceeded; what lies beyond is not
 * read. Far above what a real repository holds, low enough that checking
 * stays quick.
 */

/** Largest document read; `max-document-size` may set a lower limit, never a higher one. */
export const DOCUMENT_SIZE_CEILING = 5 * 1024 * 1024;
/** Largest densho.yaml, people.yaml or standard file read; a larger one counts as unreadable. */
export const SETTINGS_SIZE_CEILING = 5 * 1024 * 1024;
