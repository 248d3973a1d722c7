/**
 * The front matter Densho can write for a document that has none: what the
 * file itself says (id from its name, title from its first heading, type and
 * language from its name), and nothing a person must decide. `owner`,
 * `expert`, `access` (and a translation's `translated-from-version`) are left
 * empty, so `frontmatter/required` lists them as the to-do; a placeholder
 * such as `owner: owner` would pass as a person and hide that work. The
 * editor's skeleton quick fix, `check --fix` and `init --front-matter` all
 * write this, so a document gets the same front matter whoever adds it.
 */
import type { LinearPattern } from './linearPattern';
import { sourceLanguage, type DenshoConfig } from './config';
import { EXPERT_TYPES, type DocumentType } from './frontmatter';
import { basename } from './paths';

/** A language suffix before `.md`: `sop-wld-004.ja.md`, `guide.pt-BR.md`. */
const LANGUAGE_SUFFIX = /\.([a-z]{2}(?:-[A-Za-z]{2,4})?)\.md$/i;

/** `sop-wld-004.ja.md` → `ja`; undefined when the name carries no language. */
export function languageFromFileName(path: string): string | undefined {
  return LANGUAGE_SUFFIX.exec(basename(path))?.[1];
}

/** The id a file name suggests: `sop-wld-004.ja.md` → `SOP-WLD-004`. */
export function idFromFileName(path: string): string {
  return basename(path)
    .replace(LANGUAGE_SUFFIX, '.md')
    .replace(/\.md$/i, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Words in a file's path that say what kind of document it is, most specific first. */
const TYPE_WORDS: readonly (readonly [RegExp, DocumentType])[] = [
  [/(^|[^a-z])(wi|work-?instructions?|instructions?)([^a-z]|$)/, 'work-instruction'],
  [/(^|[^a-z])(forms?|checklists?)([^a-z]|$)/, 'form'],
  [/(^|[^a-z])(polic(y|ies)|manual)([^a-z]|$)/, 'policy'],
  [/(^|[^a-z])(records?|logs?)([^a-z]|$)/, 'record'],
  [/(^|[^a-z])(masters?)([^a-z]|$)/, 'master'],
];

/** `wi-wld-002.md` → work-instruction, `forms/ncr.md` → form; a procedure (`sop`) otherwise. */
export function typeFromFileName(path: string): DocumentType {
  const lowered = path.toLowerCase();
  return TYPE_WORDS.find(([words]) => words.test(lowered))?.[1] ?? 'sop';
}

const TYPE_PREFIX: Record<DocumentType, string> = { sop: 'SOP', 'work-instruction': 'WI', master: 'MST', form: 'FORM', policy: 'POL', record: 'REC' };

/**
 * An id for `path` that matches `id-pattern` and is not `taken` (ids already
 * used in the document's language): the file name's, else that name behind
 * the type's prefix (`01-scope.md` → `SOP-01-SCOPE`), else the prefix and a
 * number; `-2`, `-3`… on a clash. Undefined when nothing of that kind fits
 * the pattern: a person chooses the id then.
 */
export function fitId(path: string, type: DocumentType, pattern: LinearPattern, isTaken: (id: string) => boolean): string | undefined {
  const stem = idFromFileName(path);
  const prefix = TYPE_PREFIX[type];
  const candidates = [stem, `${prefix}-${stem}`].filter((candidate) => candidate !== '' && !candidate.endsWith('-'));
  for (const candidate of candidates) {
    if (!pattern.test(candidate)) continue;
    if (!isTaken(candidate)) return candidate;
    for (let n = 2; n < 1000; n++) {
      const numbered = `${candidate}-${n}`;
      if (pattern.test(numbered) && !isTaken(numbered)) return numbered;
    }
  }
  for (let n = 1; n < 1000; n++) {
    const numbered = `${prefix}-${String(n).padStart(3, '0')}`;
    if (pattern.test(numbered) && !isTaken(numbered)) return numbered;
  }
  return undefined;
}

export interface DraftInput {
  readonly path: string;
  /** The text of the document's first heading, when it has one. */
  readonly firstHeading?: string;
  readonly config: DenshoConfig;
  /** Whether a document in `lang` already has this id. */
  readonly isTaken: (id: string, lang: string) => boolean;
  /** The last review date when it is known (from Git); left empty otherwise. */
  readonly reviewed?: string;
}

/** The draft's fields in order, each value already written as YAML ('' for a field left to a person). */
export function draftFrontMatter(input: DraftInput): (readonly [string, string])[] {
  const { path, config } = input;
  const source = sourceLanguage(config);
  const named = languageFromFileName(path);
  const lang = named !== undefined && config.languages.includes(named) ? named : source;
  const type = typeFromFileName(path);
  const fields: [string, string][] = [
    ['id', fitId(path, type, config.idPattern, (id) => input.isTaken(id, lang)) ?? ''],
    ['title', input.firstHeading === undefined ? '' : JSON.stringify(input.firstHeading)],
    ['type', type],
  ];
  if (lang !== source) fields.push(['lang', lang], ['translated-from-version', '']);
  fields.push(['access', ''], ['owner', '']);
  if (EXPERT_TYPES.includes(type)) fields.push(['expert', '']);
  fields.push(['reviewed', input.reviewed ?? ''], ['version', '1']);
  return fields;
}

/** The draft as a front matter block, in the document's line breaks. */
export function renderDraft(fields: readonly (readonly [string, string])[], eol: string): string {
  return ['---', ...fields.map(([key, value]) => (value === '' ? `${key}:` : `${key}: ${value}`)), '---', ''].join(eol);
}
