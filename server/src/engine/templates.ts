/** Filling document templates: shared by `densho new` and the editor's "New document from template". */

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
