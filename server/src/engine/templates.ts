/** Filling document templates: shared by `densho new` and the editor's "New document from template". */
import { addFieldEdit, fillEmptyFieldEdit } from './frontMatterEdits';
import { parseMarkdown } from './parse';
import { findEntry } from './yamlValue';

export interface TemplateValues {
  readonly id: string;
  readonly title: string;
  readonly lang: string;
  readonly today: string;
  readonly owner: string;
  readonly version: string;
  readonly access: string;
}

/**
 * Replaces `{{name}}` placeholders. A placeholder written inside double
 * quotes (`title: "{{title}}"`) becomes a properly escaped YAML string, so a
 * title with `"`, `\` or `: ` cannot break the front matter; elsewhere (a
 * heading) the value goes in as written, on one line.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  // Own keys only: `{{constructor}}` is a placeholder nobody filled, not Object's constructor.
  const lookup = (name: string): string | undefined =>
    Object.hasOwn(values, name) ? (values as unknown as Record<string, string>)[name]!.replace(/[\r\n]+/g, ' ') : undefined;
  return template
    .replace(/"\{\{\s*(\w+)\s*\}\}"/g, (placeholder, name: string) => {
      const value = lookup(name);
      return value === undefined ? placeholder : JSON.stringify(value);
    })
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (placeholder, name: string) => lookup(name) ?? placeholder);
}

/** `SOP-WLD-005` in Japanese → `sop-wld-005.ja.md`; in the source language → `sop-wld-005.md`. */
export function templateFileName(id: string, lang: string, sourceLang: string): string {
  const stem = id.toLowerCase();
  return lang === sourceLang ? `${stem}.md` : `${stem}.${lang}.md`;
}

/**
 * The files to try, in this order, for template `name` and a document in
 * `lang`, inside the folder that holds the template: the language's own
 * variant (`sop.ja.md`, with Japanese headings and guidance), then the
 * template itself. `densho new` and the editor's New document both choose so.
 */
export function templateFiles(name: string, lang: string): string[] {
  return [`${name}.${lang}.md`, `${name}.md`];
}

/** The template a file of templates/ is (`sop.md` → `sop`); undefined for a language variant (`sop.ja.md`) and the README. */
export function templateNameOf(fileName: string): string | undefined {
  if (!fileName.endsWith('.md') || fileName === 'README.md') return undefined;
  const stem = fileName.slice(0, -3);
  return stem === '' || stem.includes('.') ? undefined : stem;
}

/**
 * A filled template with `clauses` of standard `field` (`iso9001`) in its
 * front matter: the template's empty `iso9001: []` becomes
 * `iso9001: [8.5.1]` (its comment kept), clauses it lists already stay in
 * front, and a template without the field gets it added. The editor's
 * "New document for clause X" makes a gap's document so. Unchanged when
 * the front matter is broken: the document's own diagnostics then say why.
 */
export function withClauses(content: string, field: string, clauses: readonly string[]): string {
  const parsed = parseMarkdown('template.md', content);
  const { text, lines } = parsed;
  // Positions count without a byte-order mark; a template that has one keeps it.
  const bom = parsed.bom ? '\uFEFF' : '';
  const fields = parsed.frontMatter?.fields;
  if (!fields || clauses.length === 0) return content;
  const entry = findEntry(fields, field);
  const value = entry?.value;
  const listed = value?.kind === 'list' ? value.items : value?.kind === 'scalar' && value.text !== '' ? [value] : [];
  const list = `[${[...new Set([...listed.flatMap((item) => (item.kind === 'scalar' ? [item.text] : [])), ...clauses])].join(', ')}]`;
  const edit = !entry ? addFieldEdit(parsed, field, list) : value?.kind === 'empty' ? fillEmptyFieldEdit(parsed, entry, list) : undefined;
  if (edit?.kind === 'text') {
    // In a flow mapping the edit quotes a value with brackets; a list is meant here, not the text of one.
    const newText = edit.newText.replace(JSON.stringify(list), list);
    return bom + text.slice(0, lines.offsetAt(edit.range.start)) + newText + text.slice(lines.offsetAt(edit.range.end));
  }
  if (!entry || !value || value.kind === 'empty') return content;
  // The value, block list or scalar, becomes one flow list on the key's line; a comment after it stays.
  const colon = text.indexOf(':', lines.offsetAt(entry.keyRange.end));
  let end = value.endOffset;
  while (end > value.startOffset && /\s/.test(text[end - 1]!)) end--;
  return `${bom}${text.slice(0, colon + 1)} ${list}${text.slice(end)}`;
}
