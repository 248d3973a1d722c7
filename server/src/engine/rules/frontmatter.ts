/** frontmatter/*: the block exists, parses, has the required fields, and each field has its form. */
import { formatDay } from '../dates';
import type { Fix } from '../diagnostics';
import { FIELD_NAMES, FIELDS, requiredFields, type DocumentMeta } from '../frontmatter';
import { addFieldEdit, fillEmptyFieldEdit } from '../frontMatterEdits';
import { FRONT_MATTER_KEY_CEILING } from '../limits';
import { message, type Message } from '../messages';
import { draftFrontMatter, fitId, renderDraft } from '../frontMatterDraft';
import { closestMatch } from '../suggest';
import type { Range } from '../text';
import type { DocumentContext, RuleFamily } from './types';

export const frontmatterRules: RuleFamily = {
  name: 'frontmatter',
  checkDocument(context) {
    const { parsed } = context.document;
    const frontMatter = parsed.frontMatter;
    if (parsed.unclosedFrontMatter) {
      context.report({
        rule: 'frontmatter/yaml',
        range: firstLine(context),
        message: message('frontmatter.unclosed'),
      });
      return;
    }
    if (!frontMatter) {
      context.report({
        rule: 'frontmatter/missing',
        range: firstLine(context),
        message: message('frontmatter.missing'),
        fixes: [{ title: message('fix.insert-front-matter'), preferred: true, safe: true, edits: [{ kind: 'text', file: parsed.path, range: startOfDocument, newText: skeleton(context) }] }],
      });
      return;
    }
    for (const error of frontMatter.errors) {
      context.report({ rule: 'frontmatter/yaml', range: error.range, message: message('frontmatter.yaml', { error: error.message }) });
    }
    if (frontMatter.notAMap) {
      context.report({ rule: 'frontmatter/yaml', range: frontMatter.notAMap, message: message('frontmatter.not-a-map') });
    }
    if (!frontMatter.fields) return;
    const entries = frontMatter.fields.entries;
    if (entries.length > FRONT_MATTER_KEY_CEILING) {
      context.report({
        rule: 'file/too-large',
        range: entries[FRONT_MATTER_KEY_CEILING]!.keyRange,
        message: message('frontmatter.too-many-keys', { count: entries.length, limit: FRONT_MATTER_KEY_CEILING }),
      });
    }

    const { meta } = context.document;
    const known = [...FIELD_NAMES, ...context.standards.map((standard) => standard.id)];
    /** Fields a misspelt key probably means: adding them as well would leave two. */
    const suggested = new Set<string>();
    for (const check of context.fieldChecks) {
      const { entry } = check;
      if (!check.problems) {
        const suggestion = closestMatch(entry.key, known.filter((name) => !meta.fields.has(name)));
        if (suggestion) suggested.add(suggestion);
        context.report({
          rule: 'frontmatter/unknown-field',
          range: entry.keyRange,
          message: message('field.unknown', { key: entry.key, suggestion }),
          fixes: suggestion
            ? [{ title: message('fix.rename', { to: suggestion }), preferred: true, safe: true, edits: [{ kind: 'text', file: parsed.path, range: entry.keyRange, newText: suggestion }] }]
            : undefined,
        });
        continue;
      }
      for (const problem of check.problems) {
        context.report({
          rule: problem.rule ?? 'frontmatter/invalid',
          range: problem.range,
          message: problem.message,
          fixes: problem.replacement
            ? [{ title: problem.replacement.title, preferred: true, safe: true, edits: [{ kind: 'text', file: parsed.path, range: problem.range, newText: problem.replacement.newText }] }]
            : undefined,
        });
      }
    }

    const fenceLine = { start: frontMatter.range.start, end: { line: frontMatter.range.start.line, character: 3 } };
    for (const field of requiredFields(meta)) {
      if (meta.fields.has(field)) continue;
      // `titl: …` already there: renaming it is the fix, not a second title.
      const placeholder = suggested.has(field) ? undefined : placeholderFor(field, context);
      const empty = meta.emptyFields.get(field);
      if (empty) {
        // `owner:` with nothing after it: fill in the value where the key already stands, keeping the rest of the line.
        const edit = placeholder && fillEmptyFieldEdit(parsed, empty, placeholder.value);
        const fixes: Fix[] | undefined = edit ? [{ title: message('fix.set-field', { assignment: `${field}: ${placeholder.value}` }), preferred: true, safe: placeholder.safe, edits: [edit] }] : undefined;
        context.report({ rule: 'frontmatter/required', range: empty.keyRange, message: message('frontmatter.required-empty', { field }), fixes });
        continue;
      }
      const edit = placeholder && addFieldEdit(parsed, field, placeholder.value);
      const fixes: Fix[] | undefined = edit ? [{ title: message('fix.add-field', { assignment: `${field}: ${placeholder.value}` }), preferred: true, safe: placeholder.safe, edits: [edit] }] : undefined;
      context.report({ rule: 'frontmatter/required', range: fenceLine, message: requiredMessage(field, meta), fixes });
    }
  },
};

const startOfDocument: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function firstLine(context: DocumentContext): Range {
  const { lines } = context.document.parsed;
  return { start: { line: 0, character: 0 }, end: lines.positionAt(lines.lineEnd(0)) };
}

function requiredMessage(field: string, meta: DocumentMeta): Message {
  switch (field) {
    case 'expert':
      return message('frontmatter.required-expert', { type: meta.type });
    case 'translated-from-version':
      return message('frontmatter.required-translated-from', { lang: meta.lang });
    default:
      return message('frontmatter.required-missing', { field });
  }
}

/**
 * The value a "set the field" fix offers, and whether `check --fix` may
 * write it unattended: only what the file itself says (an id from its name,
 * a title from its heading). A review date, a layer or an expert is a
 * person's statement; the owner has no fix at all, since any value Densho
 * made up would pass for a person.
 */
function placeholderFor(field: string, context: DocumentContext): { value: string; safe: boolean } | undefined {
  const { meta, parsed } = context.document;
  switch (field) {
    case 'id': {
      const id = fitId(parsed.path, meta.type, context.config.idPattern, (candidate) => context.index.withIdAndLang(candidate, meta.lang).length > 0);
      return id === undefined ? undefined : { value: id, safe: true };
    }
    case 'title': {
      const heading = parsed.headings[0]?.text;
      return { value: JSON.stringify(heading ?? 'Title'), safe: heading !== undefined };
    }
    case 'access': {
      const layer = context.config.layers[Math.min(1, context.config.layers.length - 1)];
      return layer === undefined ? undefined : { value: layer, safe: false };
    }
    case 'owner':
      return undefined;
    case 'expert':
      return meta.owner ? { value: meta.owner.value, safe: false } : undefined;
    case 'reviewed':
      return { value: formatDay(context.today), safe: false };
    case 'translated-from-version': {
      const source = context.index.sourceOf(context.document);
      return { value: String(source?.meta.version ?? 1), safe: false };
    }
    default: {
      const value = FIELDS.find((spec) => spec.name === field)?.placeholder;
      return value ? { value, safe: false } : undefined;
    }
  }
}

/** The front matter Densho can state for this document (see frontMatterDraft.ts), with the person's fields left empty. */
function skeleton(context: DocumentContext): string {
  const { parsed } = context.document;
  const eol = parsed.lines.eol;
  const fields = draftFrontMatter({
    path: parsed.path,
    firstHeading: parsed.headings[0]?.text,
    config: context.config,
    isTaken: (id, lang) => context.index.withIdAndLang(id, lang).length > 0,
  });
  return renderDraft(fields, eol) + (parsed.text.length > 0 && !parsed.text.startsWith('\n') && !parsed.text.startsWith('\r') ? eol : '');
}
