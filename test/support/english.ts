/**
 * Finds English left in text meant for a Japanese reader (issue 18: "without
 * reading a word of English"). What is legitimately Latin is taken out first —
 * the repository's own data (titles, names, headings, commit subjects: the
 * user wrote them), code words in 「」 or backticks, ids, paths, rule ids,
 * options, URLs, numbers and dates — and what remains must hold no run of two
 * English words of three letters or more.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Runs of ≥ 2 English words (≥ 3 letters each) separated by spaces or light punctuation. */
const ENGLISH_RUN = /\b[A-Za-z]{3,}(?:[ \t,;:'’"()-]+[A-Za-z]{3,})+\b/g;

const LEGITIMATELY_LATIN: readonly RegExp[] = [
  /「[^「」]*」/g, // a code word or value, quoted as Japanese quotes it
  /`[^`\n]*`/g,
  /\bhttps?:\/\/\S+/g,
  /--?[a-z][\w-]*/g, // an option (--max-layer)
  /[\w.~-]*[/\\][\w./\\#~:-]*/g, // a path or a rule id (sops/a.md, link/file)
  /\b[\w-]+\.(?:md|yaml|yml|json|html|csv|pdf|png|jpg|txt|sarif)\b(?:#[\w-]+)?/g,
  /\b[a-z]+(?:[-_.][a-z0-9]+)+\b/g, // a field name or key (translated-from-version, review.warn-before, r.ito)
  /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b/g, // a document id (SOP-WLD-004)
];

/** The English runs of `text` once `data` (strings of the user's repository) and the legitimately Latin are taken out. */
export function englishIn(text: string, data: Iterable<string> = []): string[] {
  let rest = text;
  const values = [...new Set(data)].filter((value) => /[A-Za-z]{3,}/.test(value)).sort((a, b) => b.length - a.length);
  for (const value of values) rest = rest.split(value).join(' ');
  for (const pattern of LEGITIMATELY_LATIN) rest = rest.replace(pattern, ' ');
  return [...rest.matchAll(ENGLISH_RUN)].map((match) => match[0]);
}

/** Every string value inside a parsed JSON value (its keys are the stable interface, the same in every language). */
export function stringValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringValues);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringValues);
  return [];
}

/** What a reader of an HTML page sees: text between tags and the label attributes, outside scripts and styles. */
export function visibleText(page: string): string {
  const body = page
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<code>[^<]*<\/code>/g, ' ');
  const attributes = [...body.matchAll(/ (?:title|placeholder|aria-label|alt)="([^"]*)"/g)].map((match) => match[1]!);
  const decode = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return decode([body.replace(/<[^>]*>/g, '\n'), ...attributes].join('\n'));
}

/**
 * What a user wrote in the repository at `root`: every heading, every value of
 * front matter and YAML files (whole, and each item of a flow list), and the
 * commit subjects and authors, when it is a Git work tree.
 */
export function repositoryData(root: string): string[] {
  const data: string[] = [];
  for (const file of filesUnder(root)) {
    if (!/\.(?:md|ya?ml)$/.test(file)) continue;
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    let yaml = !file.endsWith('.md');
    lines.forEach((line, index) => {
      if (file.endsWith('.md') && line.trim() === '---' && (index === 0 || yaml)) yaml = index === 0;
      const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
      if (heading) data.push(heading[1]!);
      if (yaml || file.endsWith('.md')) data.push(...yamlValues(line));
    });
  }
  try {
    const log = execFileSync('git', ['log', '--format=%s%n%an%n%b'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    data.push(...log.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
  } catch {
    // Not a Git work tree: no commit data.
  }
  return data;
}

function yamlValues(line: string): string[] {
  const value = /^\s*(?:-\s+)?(?:[^:\s][^:]*:\s+)?(.+?)\s*$/.exec(line)?.[1];
  if (!value) return [];
  const unquoted = (text: string) => text.trim().replace(/^["']|["']$/g, '');
  const items = /^\[(.*)\]$/.exec(value)?.[1]?.split(',') ?? [];
  return [unquoted(value), ...items.map(unquoted)];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (name === '.git' || name === 'node_modules') return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
