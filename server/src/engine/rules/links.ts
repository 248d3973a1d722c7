/** link/*: every relative link, image and `[[ID]]` reference leads to a file, a heading and a live document. */
import type { Fix } from '../diagnostics';
import { message } from '../messages';
import type { DocumentLink, ParsedDocument } from '../parse';
import { basename, relativeLink } from '../paths';
import { closestMatch } from '../suggest';
import type { IndexedDocument } from '../workspaceIndex';
import type { DocumentContext, RuleFamily } from './types';

export const linkRules: RuleFamily = {
  name: 'link',
  checkDocument(context) {
    const { document } = context;
    for (const link of document.parsed.links) {
      const target = context.index.resolve(document, link);
      switch (target.kind) {
        case 'external':
          break;
        case 'outside':
          context.report({
            rule: 'link/outside-repo',
            range: link.range,
            message: message('link.outside-repo', { raw: link.raw }),
          });
          break;
        case 'id':
          if (!target.document) {
            context.report({ rule: 'link/id', range: link.range, message: message('document.no-id', { id: target.id }) });
          } else checkTarget(context, link, target.document);
          break;
        case 'file':
          if (!target.exists) {
            context.report({ rule: 'link/file', range: link.range, message: message('link.file', { path: link.path ?? link.raw }), fixes: sameNameFixes(context, link) });
          } else if (target.document) checkTarget(context, link, target.document);
          break;
      }
    }
    for (const [field, refs] of [['related', document.meta.related], ['supersedes', document.meta.supersedes]] as const) {
      for (const ref of refs) {
        const target = context.index.resolveId(ref.value, document.meta.lang);
        if (!target) context.report({ rule: 'link/id', range: ref.range, message: message('link.field-id', { field, id: ref.value }) });
        else if (field === 'related' && target.meta.status === 'obsolete') reportObsolete(context, ref.range, target);
      }
    }
  },
};

function checkTarget(context: DocumentContext, link: DocumentLink, target: IndexedDocument): void {
  if (link.fragment !== undefined && link.fragment !== '' && link.fragmentRange) {
    if (!hasAnchor(target.parsed, link.fragment.toLowerCase())) {
      const suggestion = suggestedAnchor(target.parsed, link.fragment);
      const fixes: Fix[] | undefined = suggestion
        ? [{ title: message('fix.change-anchor', { anchor: suggestion }), preferred: true, safe: true, edits: [{ kind: 'text', file: context.document.path, range: link.fragmentRange, newText: suggestion }] }]
        : undefined;
      const anchor = { anchor: link.fragment, suggestion };
      context.report({
        rule: 'link/heading',
        range: link.fragmentRange,
        message: target.path === context.document.path ? message('link.heading-here', anchor) : message('link.heading', { ...anchor, file: target.path }),
        fixes,
        related: [{ file: target.path, range: target.parsed.headings[0]?.range ?? target.meta.id?.range ?? zero, message: message('link.related-target') }],
      });
    }
  }
  if (target.meta.status === 'obsolete' && target.path !== context.document.path) reportObsolete(context, link.range, target);
}

/** Whether a heading's slug or an HTML anchor of `parsed` is `wanted` (GitHub compares them case-insensitively). */
function hasAnchor(parsed: ParsedDocument, wanted: string): boolean {
  for (const heading of parsed.headings) if (heading.slug.toLowerCase() === wanted) return true;
  for (const anchor of parsed.anchors) if (anchor.toLowerCase() === wanted) return true;
  return false;
}

/**
 * The suggestions for the fragments not found in a parse, by fragment.
 * An edit re-checks every backlink of the edited document, and a hub's
 * broken fragments are compared with all its headings again each time
 * (damerau-levenshtein allocates a matrix per comparison): the answer
 * depends on the target's parse alone, and goes with it.
 */
const suggestions = new WeakMap<ParsedDocument, Map<string, string | undefined>>();

function suggestedAnchor(parsed: ParsedDocument, fragment: string): string | undefined {
  let known = suggestions.get(parsed);
  if (!known) suggestions.set(parsed, (known = new Map()));
  if (known.has(fragment)) return known.get(fragment);
  const suggestion = closestMatch(fragment, [...parsed.headings.map((heading) => heading.slug), ...parsed.anchors]);
  known.set(fragment, suggestion);
  return suggestion;
}

const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function reportObsolete(context: DocumentContext, range: DocumentLink['range'], target: IndexedDocument): void {
  const id = target.meta.id?.value;
  const successor = id === undefined ? undefined : context.index.supersedersOf(id).at(-1);
  context.report({
    rule: 'link/obsolete',
    range,
    message: message('link.obsolete', { target: target.meta.id?.value ?? target.path, successor: successor?.meta.id?.value }),
    related: [{ file: target.path, range: target.meta.fields.get('status')?.value.range ?? zero, message: message('link.related-obsolete') }],
  });
}

/** Offers the files elsewhere in the repository that have the missing file's name. */
function sameNameFixes(context: DocumentContext, link: DocumentLink): Fix[] | undefined {
  const name = basename(link.path ?? '');
  if (!name) return undefined;
  const candidates = context.index.filesNamed(name);
  if (candidates.length === 0) return undefined;
  return candidates.slice(0, 5).map((candidate) => {
    const fragment = link.raw.includes('#') ? link.raw.slice(link.raw.indexOf('#')) : '';
    return {
      title: message('fix.point-to', { file: candidate }),
      preferred: candidates.length === 1,
      safe: candidates.length === 1,
      edits: [{ kind: 'text', file: context.document.path, range: link.range, newText: encodeLinkPath(relativeLink(context.document.path, candidate)) + fragment }],
    };
  });
}

/** Spaces and parentheses would end a Markdown destination; everything else stays readable. */
function encodeLinkPath(path: string): string {
  return path.replace(/[ ()<>]/g, (char) => encodeURIComponent(char));
}
