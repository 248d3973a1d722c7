/** link/*: every relative link, image and `[[ID]]` reference leads to a file, a heading and a live document. */
import type { Fix } from '../diagnostics';
import { message } from '../messages';
import type { DocumentLink } from '../parse';
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
    const wanted = link.fragment.toLowerCase();
    const slugs = [...target.parsed.headings.map((heading) => heading.slug), ...target.parsed.anchors];
    if (!slugs.some((slug) => slug.toLowerCase() === wanted)) {
      const suggestion = closestMatch(link.fragment, slugs);
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
