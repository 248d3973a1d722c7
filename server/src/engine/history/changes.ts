/**
 * What changed in a document between two texts, in the terms a liaison
 * works in: the sections (by heading) that were added, removed or modified,
 * and the unified diff. `densho changes`, `translation/outdated` and the
 * editor share it.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { parseDocumentText, type Heading, type ParsedDocument } from '../parse';
import { normaliseLines } from './content';

export interface SectionChange {
  readonly heading: string;
  readonly slug: string;
  readonly change: 'added' | 'removed' | 'modified';
  /** The heading in the newer text; absent for a removed section. */
  readonly headingRange?: Heading['range'];
}

interface Section {
  readonly heading: Heading;
  readonly content: string;
}

/** Each heading's section: its own line up to the next heading of any depth. */
function sectionsOf(parsed: ParsedDocument): Map<string, Section> {
  const sections = new Map<string, Section>();
  const lines = parsed.text.split(/\r\n|\n|\r/);
  parsed.headings.forEach((heading, index) => {
    const next = parsed.headings[index + 1];
    const content = lines.slice(heading.range.start.line + 1, next ? next.range.start.line : lines.length).join('\n');
    if (!sections.has(heading.slug)) sections.set(heading.slug, { heading, content: normaliseLines(content) });
  });
  return sections;
}

/** The sections of `newer` that differ from `older`, in the newer text's order, then the removed ones. */
export function changedSections(older: string | ParsedDocument, newer: string | ParsedDocument): SectionChange[] {
  const [before, after] = [older, newer].map((text) => (typeof text === 'string' ? parseDocumentText('', text) : text)) as [ParsedDocument, ParsedDocument];
  const oldSections = sectionsOf(before);
  const newSections = sectionsOf(after);
  const changes: SectionChange[] = [];
  for (const [slug, section] of newSections) {
    const previous = oldSections.get(slug);
    const change = !previous ? 'added' : previous.content !== section.content || previous.heading.text !== section.heading.text ? 'modified' : undefined;
    if (change) changes.push({ heading: section.heading.text, slug, change, headingRange: section.heading.range });
  }
  for (const [slug, section] of oldSections) {
    if (!newSections.has(slug)) changes.push({ heading: section.heading.text, slug, change: 'removed' });
  }
  return changes;
}

/** `git diff`-style unified diff of one file between two texts; empty when they are equal. */
export function unifiedDiff(oldPath: string, newPath: string, older: string, newer: string): string {
  const [a, b] = [normaliseEndings(older), normaliseEndings(newer)];
  if (a === b) return '';
  return createTwoFilesPatch(`a/${oldPath}`, `b/${newPath}`, a, b, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}

function normaliseEndings(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

