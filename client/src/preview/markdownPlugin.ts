/**
 * Densho in VS Code's Markdown preview: `[[ID]]`, `[[ID#heading]]` and
 * `[[ID|alias]]` become links to the document (its variant in the previewed
 * document's language when there is one), an unresolved one is marked, and
 * the front matter, which the preview hides, shows as a compact card.
 *
 * No `vscode` import and no engine: what an id leads to comes from the
 * server's `densho/documentIndex`, which the extension keeps and hands in
 * through `entries`. So this file stays small and runs under plain Node for
 * its tests, with markdown-it itself.
 */
import type MarkdownIt from 'markdown-it';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';
import type { DocumentIndexEntry } from '../../../server/src/protocol';

/**
 * The engine's WIKI_REFERENCE_PATTERN (server/src/engine/parsing/markdownTokens.ts), copied because the client
 * bundles no engine code; test/extension/markdownPreview.test.ts fails when the two differ.
 */
export const PREVIEW_WIKI_REFERENCE_PATTERN = /\[\[([^\[\]|#\n`]+?)(?:#([^\[\]|\n`]*))?(?:\|([^\[\]\n`]*))?(?<!\\)\]\]/;
const WIKI_REFERENCE = new RegExp(PREVIEW_WIKI_REFERENCE_PATTERN.source, 'y');

/** The words of the card and of the reference titles; the extension hands them in translated (preview/documentIndex.ts). */
export interface PreviewText {
  readonly unresolved: (id: string) => string;
  readonly card: { readonly id: string; readonly version: string; readonly status: string; readonly owner: string; readonly expert: string; readonly layer: string; readonly nextReview: string };
}

/** English: what the tests under plain Node and any host without vscode.l10n see. */
export const PREVIEW_TEXT: PreviewText = {
  unresolved: (id) => `Densho: no document has the id ${id}`,
  card: { id: 'id', version: 'version', status: 'status', owner: 'owner', expert: 'expert', layer: 'layer', nextReview: 'next review' },
};

interface Reference {
  readonly id: string;
  readonly fragment?: string;
  readonly alias?: string;
  readonly source: string;
}

/** What markdown-it's env holds in VS Code's preview: the previewed document's URI (a vscode.Uri; a string in tests). */
interface PreviewEnv {
  readonly currentDocument?: { toString(): string };
}

interface Lookup {
  readonly byPath: Map<string, DocumentIndexEntry>;
  readonly byId: Map<string, DocumentIndexEntry[]>;
}

export function denshoMarkdownIt(md: MarkdownIt, entries: () => readonly DocumentIndexEntry[], words: PreviewText = PREVIEW_TEXT): MarkdownIt {
  const lookups = new WeakMap<readonly DocumentIndexEntry[], Lookup>();
  const lookup = (): Lookup => {
    const list = entries();
    let known = lookups.get(list);
    if (!known) {
      known = { byPath: new Map(), byId: new Map() };
      for (const entry of list) {
        known.byPath.set(pathOf(entry.uri), entry);
        if (entry.id !== undefined) known.byId.set(entry.id, [...(known.byId.get(entry.id) ?? []), entry]);
      }
      lookups.set(list, known);
    }
    return known;
  };
  const currentUri = (env: PreviewEnv | undefined): string | undefined => (env?.currentDocument === undefined ? undefined : String(env.currentDocument));
  const previewed = (env: PreviewEnv | undefined): DocumentIndexEntry | undefined => {
    const uri = currentUri(env);
    return uri === undefined ? undefined : lookup().byPath.get(pathOf(uri));
  };

  // Where the engine reads references: after links, so `[text](url)` around brackets stays a link.
  md.inline.ruler.after('link', 'densho_reference', referenceRule);
  md.renderer.rules['densho_reference'] = (tokens, index, _options, env: PreviewEnv | undefined) => {
    const reference = tokens[index]!.meta as Reference;
    const from = previewed(env);
    const target = resolve(lookup().byId.get(reference.id) ?? [], from);
    const escape = md.utils.escapeHtml;
    if (!target) {
      return `<span class="densho-ref densho-unresolved" title="${escape(words.unresolved(reference.id))}">${escape(reference.source)}</span>`;
    }
    const fragment = reference.fragment ? `#${encodeURIComponent(reference.fragment)}` : '';
    const current = currentUri(env);
    const href = (current === undefined ? target.uri : relativeHref(current, target.uri)) + fragment;
    const title = [target.id, target.title].filter(Boolean).join(' — ');
    const text = reference.alias || (reference.fragment ? `${reference.id}#${reference.fragment}` : reference.id);
    return `<a class="densho-ref" href="${escape(href)}" data-href="${escape(href)}" title="${escape(title)}">${escape(text)}</a>`;
  };
  // VS Code's preview parses the front matter into a hidden `front_matter` token; a Densho document shows it as a card.
  md.renderer.rules['front_matter'] = (_tokens, _index, _options, env: PreviewEnv | undefined) => {
    const entry = previewed(env);
    return entry ? card(md, entry, words) : '';
  };
  return md;
}

function referenceRule(state: StateInline, silent: boolean): boolean {
  // As the engine: silent runs measure a link's label, where `[[ID]]` is a pair of brackets.
  if (silent) return false;
  if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5b) return false;
  WIKI_REFERENCE.lastIndex = state.pos;
  const match = WIKI_REFERENCE.exec(state.src);
  if (!match || state.pos + match[0].length > state.posMax) return false;
  const token: Token = state.push('densho_reference', '', 0);
  token.meta = { id: match[1]!.trim(), fragment: match[2]?.trim() || undefined, alias: match[3]?.trim() || undefined, source: match[0] } satisfies Reference;
  state.pos += match[0].length;
  return true;
}

/** The variant in the previewed document's language, else the source-language document, else any with the id. */
function resolve(candidates: readonly DocumentIndexEntry[], from: DocumentIndexEntry | undefined): DocumentIndexEntry | undefined {
  const lang = from?.lang ?? candidates[0]?.sourceLanguage;
  return candidates.find((entry) => entry.lang === lang) ?? candidates.find((entry) => !entry.translation) ?? candidates[0];
}

function card(md: MarkdownIt, entry: DocumentIndexEntry, words: PreviewText): string {
  const escape = md.utils.escapeHtml;
  const labels = words.card;
  const fields: [string, string | undefined][] = [
    [labels.id, entry.id],
    [labels.version, entry.version?.toString()],
    [labels.status, entry.status],
    [labels.owner, entry.owner],
    [labels.expert, entry.experts.join(', ') || undefined],
    [labels.layer, entry.access],
    [labels.nextReview, entry.nextReview],
  ];
  const shown = fields.filter((field): field is [string, string] => field[1] !== undefined && field[1] !== '');
  const rows = shown.map(([label, value]) => `<dt>${escape(label)}</dt><dd>${escape(value)}</dd>`).join('');
  const title = entry.title ? `<div class="densho-card-title">${escape(entry.title)}</div>` : '';
  return `<div class="densho-card" lang="${escape(entry.lang)}">${title}<dl>${rows}</dl></div>\n`;
}

/** The decoded path of a `file:` URI, so VS Code's and the server's encodings of one file compare equal. */
function pathOf(uri: string): string {
  try {
    return decodeURIComponent(new URL(uri).pathname);
  } catch {
    return uri;
  }
}

/** A link from one document to another, relative, each segment encoded: the preview opens it next to the previewed file. */
function relativeHref(fromUri: string, toUri: string): string {
  const from = pathOf(fromUri).split('/').slice(0, -1);
  const to = pathOf(toUri).split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common).map(encodeURIComponent)].join('/');
}
