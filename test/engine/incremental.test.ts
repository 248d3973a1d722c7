/**
 * The index is updated in place after each edit, not rebuilt. Whatever the
 * sequence of edits, the updated workspace must answer exactly as one loaded
 * afresh from the same files: same diagnostics, same backlinks, same
 * dependents.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { dependentDocuments, type Workspace } from '../../server/src/engine';
import { doc, PEOPLE, repository } from '../helpers';

const PATHS = ['a.md', 'b.md', 'sub/c.md', 'sub/d.ja.md'] as const;
const IDS = ['SOP-A-001', 'SOP-B-001', 'SOP-C-001'] as const;

/** One document built from small choices, so edits collide on ids, headings and links often. */
const documentText = fc
  .record({
    id: fc.constantFrom(...IDS),
    lang: fc.constantFrom(undefined, 'ja'),
    status: fc.constantFrom(undefined, 'obsolete'),
    supersedes: fc.subarray([...IDS], { maxLength: 2 }),
    related: fc.subarray([...IDS], { maxLength: 2 }),
    headings: fc.subarray(['Steps', 'Safety', 'Checks'], { minLength: 0 }),
    links: fc.array(fc.constantFrom('a.md#steps', '../a.md#safety', 'sub/c.md', 'c.md', 'missing.md', '#checks', 'sub/d.ja.md#steps', 'img/x.png', '../img/x.png'), { maxLength: 3 }),
    wiki: fc.array(fc.constantFrom(...IDS.map((id) => `[[${id}]]`), '[[SOP-A-001#steps]]'), { maxLength: 2 }),
  })
  .map(({ id, lang, status, supersedes, related, headings, links, wiki }) =>
    doc(
      {
        id,
        lang,
        status,
        'translated-from-version': lang ? '1' : undefined,
        supersedes: supersedes.length ? `[${supersedes.join(', ')}]` : undefined,
        related: related.length ? `[${related.join(', ')}]` : undefined,
      },
      `# T\n\n${headings.map((heading) => `## ${heading}\n`).join('\n')}\n${links.map((link) => `[x](${link})`).join(' ')} ${wiki.join(' ')}\n`,
    ),
  );

const edit = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path: fc.constantFrom(...PATHS), text: documentText }),
  fc.record({ kind: fc.constant('remove' as const), path: fc.constantFrom(...PATHS) }),
  // Files that are not documents, appearing: links to them stop being broken.
  fc.record({ kind: fc.constant('file' as const), path: fc.constantFrom('img/x.png', 'sub/img/x.png') }),
);

function observe(workspace: Workspace): unknown {
  const paths = workspace.documentPaths();
  return {
    diagnostics: workspace.checkAll(),
    backlinks: paths.map((path) => workspace.index.backlinks(path).map(({ from, link }) => `${from.path} ${link.raw}`)),
    dependents: paths.map((path) => [...dependentDocuments(workspace, path)].sort()),
  };
}

describe('the index after edits', () => {
  it('answers as a freshly loaded workspace, whatever the edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(documentText, { minLength: 4, maxLength: 4 }), fc.array(edit, { minLength: 1, maxLength: 8 }), async (initial, edits) => {
        const files: Record<string, string> = { 'people.yaml': PEOPLE, 'densho.yaml': 'languages: [en, ja]\n' };
        PATHS.forEach((path, position) => (files[path] = initial[position]!));
        const workspace = await repository(files);
        workspace.checkAll(); // builds the index, so the edits below update it rather than build it
        for (const change of edits) {
          if (change.kind === 'set') {
            workspace.setDocument(change.path, change.text);
            files[change.path] = change.text;
          } else if (change.kind === 'remove') {
            workspace.removeFile(change.path);
            delete files[change.path];
          } else {
            workspace.addFile(change.path);
            files[change.path] = 'PNG';
          }
        }
        assert.deepEqual(observe(workspace), observe(await repository(files)));
      }),
      { numRuns: 150 },
    );
  });
});
