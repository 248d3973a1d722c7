/**
 * `densho init`: a first densho.yaml from what a folder holds. Pure: the
 * command lists the files and reads a few of them, this decides. See
 * docs/cli.md (`densho init`) and docs/configuration.md.
 */
import { DEFAULT_CONFIG } from './config';
import { languageFromFileName } from './frontMatterDraft';
import { basename } from './paths';

/** Markdown that describes the repository rather than a procedure in it. */
const PROJECT_FILES = /^(readme|license|licence|changelog|changes|contributing|code_of_conduct|code-of-conduct|security|authors|notice|history)(\.[a-z]{2}(-[a-z]{2,4})?)?\.md$/i;
/** Folders of templates and of other people's files: not this repository's documents. */
const SET_APART_FOLDERS = /^(templates?|_templates?|\.?github|vendor|vendored|third[-_]party|external|node_modules)$/i;

export interface InitSurvey {
  readonly docs: readonly string[];
  readonly ignore: readonly string[];
  readonly languages: readonly string[];
  /** Markdown files that will be documents under `docs` and `ignore`. */
  readonly documents: readonly string[];
}

/** Kana: Japanese text (kanji alone could be Chinese). */
const KANA = /[\u3040-\u30ff]/;

/**
 * Decides `docs`, `ignore` and `languages` from the repository's files.
 * `sampleText` gives a document's text (or part of it), to tell whether
 * unsuffixed documents are written in Japanese.
 */
export function surveyRepository(files: readonly string[], sampleText: (path: string) => string | undefined): InitSurvey {
  const markdown = files.filter((path) => /\.md$/i.test(path));
  const ignore = new Set<string>(DEFAULT_CONFIG.ignore);
  const documents: string[] = [];
  for (const path of markdown) {
    const folders = path.split('/').slice(0, -1);
    const apart = folders.findIndex((folder) => SET_APART_FOLDERS.test(folder));
    if (apart >= 0) {
      ignore.add(`${folders.slice(0, apart + 1).join('/')}/**`);
      continue;
    }
    if (PROJECT_FILES.test(basename(path))) {
      ignore.add(folders.length === 0 ? basename(path) : `**/${basename(path)}`);
      continue;
    }
    documents.push(path);
  }
  const topFolders = new Set(documents.map((path) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '')));
  const docs = topFolders.has('') || topFolders.size === 0 ? ['**/*.md'] : [...topFolders].sort().map((folder) => `${folder}/**/*.md`);

  const suffixed = new Set(documents.map(languageFromFileName).filter((lang): lang is string => lang !== undefined));
  const plain = documents.filter((path) => languageFromFileName(path) === undefined);
  const japanese = plain.filter((path) => KANA.test(sampleText(path) ?? '')).length;
  const source = plain.length > 0 && japanese * 2 > plain.length && !suffixed.has('ja') ? 'ja' : 'en';
  const languages = [source, ...[...suffixed].filter((lang) => lang !== source).sort()];
  // `**/README.md` covers the root one too; keep the list short.
  for (const name of [...ignore]) if (ignore.has(`**/${name}`)) ignore.delete(name);
  return { docs, ignore: [...ignore], languages, documents };
}

const list = (values: readonly string[]) => `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;

/** densho.yaml for a first-time reader: every written key explained, the others named with their defaults. */
export function renderInitialConfig(survey: InitSurvey): string {
  return `# densho.yaml: how Densho reads this repository. Every key is optional;
# the reference, with each key's default, is docs/configuration.md in Densho.
# Written by \`densho init\` from what was here: check it, then commit it.

# Where the documents (procedures, work instructions, forms...) live.
docs: ${list(survey.docs)}

# Markdown that is not a document: project files, templates, vendored folders.
# Files that .gitignore ignores are skipped as well.
ignore: ${list(survey.ignore)}

# Languages in use; the first is the source language. A translation of
# sop-wld-004.md is sop-wld-004.ja.md with the same id and \`lang: ja\`.
languages: ${list(survey.languages)}

# Access layers, lowest to highest: who may see a document (its \`access\`).
layers: [public, internal, restricted, master]

# How often each document must be reviewed, and how early to warn.
review:
  interval: 12m
  warn-before: 30d

# Standards whose clauses documents map to (front matter \`iso9001: [8.5.1]\`).
standards: [iso9001]

# The people registry: every owner and expert is a key there.
people: people.yaml

# Turn a rule down or off while you adopt Densho, e.g.:
# rules:
#   iso/gap: info
`;
}

export const INITIAL_PEOPLE = `# people.yaml: everyone who owns, reviews or holds the knowledge of a
# document. Front matter names people by these keys (\`owner: h.sato\`,
# \`expert: [h.sato, y.suzuki]\`). Once this file exists, Densho reports a key
# it does not know (people/unknown).
#
# h.sato:
#   name: 佐藤 浩
#   role: Senior welder
#   leaves: 2027-03-31     # retirement or end of contract; optional
# k.tanaka:
#   name: Kenji Tanaka
#   role: Quality manager
#   active: false          # optional, default true
{}
`;

export const INITIAL_TRAINING = `# training.yaml: who can do each procedure (ISO 9001 7.2, competence).
# Per person, per document id: the level reached, the document version
# trained on, when, and (optionally) who taught it. Levels: learning,
# supervised, independent, trainer.
#
# y.suzuki:
#   SOP-WLD-004: { level: supervised, version: 3, date: 2026-02-10, trainer: h.sato }
# h.sato:
#   SOP-WLD-004: { level: trainer, version: 4, date: 2024-05-01 }
{}
`;
