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
/** Most keys read from one document's front matter. */
export const FRONT_MATTER_KEY_CEILING = 1_000;
/** Most people read from people.yaml. */
export const PEOPLE_CEILING = 20_000;
/** Most training records read from training.yaml (its people count against PEOPLE_CEILING too). */
export const TRAINING_RECORD_CEILING = 100_000;
/** Most clauses read from one custom standard. */
export const CLAUSE_CEILING = 5_000;
/** Most globs in one `docs` or `ignore` list. */
export const GLOB_LIST_CEILING = 1_000;
