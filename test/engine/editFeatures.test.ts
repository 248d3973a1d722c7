/**
 * Edits lose nothing (issue 6), editor features: renaming an id or a
 * heading, "mark reviewed" and the link updates of a renamed or moved file,
 * on documents with LF, CRLF or mixed line breaks, a BOM, Japanese and
 * astral text, tabs, trailing blanks and no final newline. Each edit passes
 * the byte, style and range checks of test/support/edits.ts, replaces only
 * what it is about, and the result means what was asked: every reference
 * still leads where it led, and no diagnostic appears.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import GithubSlugger from 'github-slugger';
import {
  headingTextRange,
  linkEditsForRenames,
  markReviewedEdit,
  parseDay,
  parseMarkdown,
  rename,
  renameId,
  type Diagnostic,
  type FileRename,
  type Workspace,
} from '../../server/src/engine';
import { repository, text, TODAY } from '../helpers';
import { applyChecked, applyFileEdits, lineBreaks, splitBom } from '../support/edits';
import { field, fieldStyles, phrases, proseLines, quoted, quoting, render, styles, type FieldStyle, type Line } from '../support/styledText';

const RUNS = { numRuns: 120, includeErrorInReport: true };

/** A valid approved SOP's front matter lines. */
function frontMatter(id: string, fs: readonly FieldStyle[], extra: readonly Line[] = [], idQuoting: 'plain' | 'double' | 'single' = 'plain'): Line[] {
  const values: ReadonlyArray<readonly [string, string]> = [
    ['id', quoted(id, idQuoting)],
    ['title', '溶接 𠮷野 🔧'],
    ['access', 'internal'],
    ['owner', 'k.tanaka'],
    ['expert', 'h.sato'],
    ['reviewed', '2026-06-01'],
  ];
  return ['---', ...values.map(([key, value], index) => field(key, value, fs[index % fs.length]!)), ...extra, '---'];
}

/** Diagnostics by file and rule, without positions (edits move them). */
function ruleCounts(diagnostics: readonly Diagnostic[], renamed: (path: string) => string = (path) => path): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of diagnostics) {
    const key = `${renamed(d.file)} ${d.rule}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const common = fc.record({ style: styles, fs: fc.array(fieldStyles, { minLength: 1, maxLength: 6 }), prose: proseLines, words: fc.array(phrases, { minLength: 4, maxLength: 4 }) });

describe('renaming an id changes every occurrence of it and nothing else', () => {
  it('id values, translations, [[ID]] references and related/supersedes entries', async () => {
    await fc.assert(
      fc.asyncProperty(
        common,
        quoting,
        fc.constantFrom('flow', 'block', 'quoted'),
        fc.tuple(fc.constantFrom('NEW', 'A2', 'ZZ', 'A'), fc.integer({ min: 1, max: 9999 })).map(([part, n]) => `SOP-${part}-${n}`),
        fc.constantFrom('id', 'wiki', 'related'),
        fc.constantFrom('', ' ', '\t'),
        async ({ style, fs, prose, words }, idQuoting, listForm, newId, from, blank) => {
          const id = 'SOP-A-001';
          fc.pre(newId !== id && newId !== 'SOP-B-001' && newId !== 'SOP-C-001');
          const related = listForm === 'flow' ? [field('related', `[${id}, SOP-C-001]`, fs[0]!)] : listForm === 'quoted' ? [field('related', `["${id}"]`, fs[0]!)] : ['related:', `  - ${id}`, '  - SOP-C-001'];
          const texts: Record<string, string> = {
            'densho.yaml': 'languages: [en, ja]\n',
            'sops/a.md': render([...frontMatter(id, fs, [], idQuoting), `# ${words[0]}`, ...prose], style),
            'sops/a.ja.md': render([...frontMatter(id, fs, ['lang: ja', 'translated-from-version: 1'], idQuoting), `# ${words[0]}`, `${words[1]} [[${id}]] 🔧`, ...prose], style),
            'sops/b.md': render([...frontMatter('SOP-B-001', fs, related), `# ${words[2]}`, `${words[1]}\t[[${id}]] ${words[3]} [[ ${id} #${new GithubSlugger().slug(words[0])}|別名 𠮷]]`, ...prose], style),
            'sops/c.md': render([...frontMatter('SOP-C-001', fs, [field('supersedes', `[${id}]`, fs[1 % fs.length]!)]), `# ${words[3]}`], style),
          };
          const workspace = await repository(texts);
          const before = workspace.checkAll();
          const expected = 2 /* id fields */ + 3 /* wiki references */ + 2; /* related, supersedes */
          const result = await renameFrom(workspace, from, id, `${blank}${newId}${blank}`);
          assert.ok(!('error' in result), 'error' in result ? text(result.error) : '');
          const applied = applyFileEdits(texts, result.edits);
          let spans = 0;
          for (const [file, list] of applied.spans) {
            const body = splitBom(texts[file]!).body;
            for (const span of list) {
              assert.equal(body.slice(span.start, span.end), id, `${file}: only the id is replaced`);
              assert.equal(span.newText, newId);
              spans++;
            }
          }
          assert.equal(spans, expected, 'every occurrence is renamed');
          const after = await repository(applied.texts);
          assert.deepEqual(ruleCounts(after.checkAll()), ruleCounts(before), 'the rename brings up or clears no diagnostic');
          assert.equal(after.index.withId(newId).length, 2);
          assert.equal(after.index.withId(id).length, 0);
        },
      ),
      RUNS,
    );
  });
});

/** Starts a rename where the user would: on the id value, on a `[[ID]]` reference or on a `related` entry. */
async function renameFrom(workspace: Workspace, from: 'id' | 'wiki' | 'related', id: string, newName: string) {
  if (from === 'id') {
    const range = workspace.document('sops/a.md')!.meta.id!.range;
    return rename(workspace, 'sops/a.md', { line: range.start.line, character: range.end.character - 1 }, newName) ?? assert.fail('nothing to rename at the id');
  }
  if (from === 'wiki') {
    const link = workspace.document('sops/b.md')!.parsed.links.find((candidate) => candidate.kind === 'wiki' && candidate.id === id)!;
    return rename(workspace, 'sops/b.md', link.range.start, newName) ?? assert.fail('nothing to rename at the reference');
  }
  const ref = workspace.document('sops/b.md')!.meta.related.find((candidate) => candidate.value === id);
  if (!ref) return renameId(workspace, id, newName.trim());
  return rename(workspace, 'sops/b.md', { line: ref.range.start.line, character: ref.range.end.character - 1 }, newName) ?? assert.fail('nothing to rename in related');
}

/** For every link of every document, in order: the file and the heading (by index) it leads to. */
function linkTargets(workspace: Workspace, renamed: (path: string) => string = (path) => path): string[] {
  const targets: string[] = [];
  for (const document of [...workspace.index.documents].sort((a, b) => (renamed(a.path) < renamed(b.path) ? -1 : 1))) {
    for (const link of document.parsed.links) {
      const target = workspace.index.resolve(document, link);
      const path = target.kind === 'file' ? (target.exists ? target.path : `missing ${target.path}`) : target.kind === 'id' ? target.document?.path : target.kind;
      const linked = path === undefined ? undefined : workspace.index.document(path);
      const heading =
        link.fragment === undefined || !linked ? '' : `#${linked.parsed.headings.findIndex((candidate) => candidate.slug.toLowerCase() === link.fragment!.toLowerCase())}`;
      targets.push(`${renamed(document.path)} → ${path === undefined ? 'nothing' : renamed(path)}${heading}`);
    }
  }
  return targets;
}

describe('renaming a heading changes its text and the fragments that lead to it', () => {
  it('ATX (with closing hashes) and setext headings, links, wiki references and same-document links', async () => {
    const headingForms = fc.constantFrom('atx', 'closed', 'setext');
    await fc.assert(
      fc.asyncProperty(
        common,
        fc.array(fc.tuple(fc.oneof(phrases, fc.constantFrom('Steps', '手順', '𠮷野')), headingForms), { minLength: 2, maxLength: 5 }),
        fc.nat(),
        fc.oneof(phrases, fc.constantFrom('Steps', '手順', '𠮷野', 'Steps 1')),
        fc.constantFrom('heading', 'link'),
        fc.constantFrom('raw', 'upper', 'encoded'),
        async ({ style, fs, prose, words }, headings, pick, newName, from, fragmentForm) => {
          const index = pick % headings.length;
          const slugger = new GithubSlugger();
          const slugs = headings.map(([text]) => slugger.slug(text));
          const written = (slug: string) => (fragmentForm === 'upper' ? slug.toUpperCase() : fragmentForm === 'encoded' ? encodeURIComponent(slug) : slug);
          const headingLines = headings.flatMap(([text, form]): Line[] =>
            form === 'setext' ? [text, '=====', ''] : form === 'closed' ? [`## ${text} ##`, ''] : [`### ${text}`, ''],
          );
          // Links to every heading, so a rename that moves another heading's slug (a repeat's `-1`) shows.
          const aLinks = slugs.map((slug) => `${words[0]} [${words[1]}](#${written(slug)}) 🔧`);
          const bLinks = slugs.map((slug, i) => (i % 2 === 0 ? `${words[2]}\t[𠮷](a.md#${written(slug)})` : `[[SOP-A-001#${written(slug)}|${words[3]}]]`));
          const texts: Record<string, string> = {
            'sops/a.md': render([...frontMatter('SOP-A-001', fs), ...headingLines, ...aLinks, ...prose], style),
            'sops/b.md': render([...frontMatter('SOP-B-001', fs), `# ${words[3]}`, ...bLinks, ...prose], style),
          };
          const workspace = await repository(texts);
          const document = workspace.document('sops/a.md')!;
          fc.pre(document.parsed.headings.length === headings.length);
          const heading = document.parsed.headings[index]!;
          // An emoji-only heading has no anchor to start from.
          fc.pre(from === 'heading' || heading.slug !== '');
          const textRange = headingTextRange(document, heading)!;
          // From the heading itself, or from the fragment of a link to it in b.md.
          const fragmentStart = workspace.document('sops/b.md')!.parsed.links.find((link) => link.fragment?.toLowerCase() === heading.slug.toLowerCase())?.fragmentRange?.start;
          const [renameIn, position] =
            from === 'link' && fragmentStart ? ['sops/b.md', fragmentStart] : ['sops/a.md', { line: textRange.start.line, character: textRange.start.character + 1 }];
          const before = workspace.checkAll();
          const targetsBefore = linkTargets(workspace);
          const result = rename(workspace, renameIn, position, newName);
          assert.ok(result && !('error' in result), result && 'error' in result ? text(result.error) : 'nothing to rename');
          const applied = applyFileEdits(texts, result.edits);
          // Repeated headings are numbered (`steps`, `steps-1`): a rename can move other headings' slugs too.
          const renumber = new GithubSlugger();
          const newSlugs = headings.map(([text], i) => renumber.slug(i === index ? newName.trim() : text));
          const slugMoves = new Map(slugs.map((slug, i): [string, string] => [slug, newSlugs[i]!]).filter(([slug, newSlug]) => slug !== newSlug));
          for (const [file, list] of applied.spans) {
            const body = splitBom(texts[file]!).body;
            for (const span of list) {
              const original = body.slice(span.start, span.end);
              if (span.newText === newName.trim() && file === 'sops/a.md' && original === headings[index]![0]) continue;
              const oldSlug = decodeURIComponent(original).toLowerCase();
              assert.ok(slugMoves.has(oldSlug), `${file}: only fragments of headings whose slug moves change, not ${original}`);
              assert.equal(span.newText, slugMoves.get(oldSlug));
            }
          }
          const after = await repository(applied.texts);
          assert.equal(after.document('sops/a.md')!.parsed.headings[index]!.text, newName.trim());
          assert.deepEqual(linkTargets(after), targetsBefore, 'every link leads to the heading it led to');
          assert.deepEqual(ruleCounts(after.checkAll()), ruleCounts(before));
        },
      ),
      RUNS,
    );
  });
});

describe('mark reviewed changes only the date', () => {
  it('replaces the value, fills an empty `reviewed:` or adds one line in the document\'s line breaks', async () => {
    await fc.assert(
      fc.asyncProperty(
        common,
        fc.constantFrom('value', 'quoted', 'empty', 'absent', 'today', 'flow absent', 'flow empty'),
        fieldStyles,
        fc.nat(6),
        async ({ style, fs, prose, words }, form, reviewedStyle, at) => {
          const flow = form.startsWith('flow')
            ? ['---', `{id: SOP-A-001, title: 溶接 𠮷野 🔧,${form === 'flow empty' ? ' reviewed: ,' : ''}`, '  access: internal, owner: k.tanaka, expert: h.sato}', '---']
            : undefined;
          const lines = flow ?? frontMatter('SOP-A-001', fs).filter((line) => typeof line !== 'string' || !line.startsWith('reviewed'));
          const reviewed = flow ? undefined :
            form === 'value' ? field('reviewed', '2025-01-01', reviewedStyle)
            : form === 'quoted' ? field('reviewed', '"2025-01-01"', reviewedStyle)
            : form === 'today' ? field('reviewed', TODAY, reviewedStyle)
            : form === 'empty' ? `reviewed:${reviewedStyle.gap}${reviewedStyle.comment}`
            : undefined;
          if (reviewed !== undefined) lines.splice(1 + (at % (lines.length - 1)), 0, reviewed);
          const text = render([...lines, `# ${words[0]}`, ...prose], style);
          const result = markReviewedEdit(parseMarkdown('sops/a.md', text), TODAY);
          if (form === 'today') {
            assert.equal(result.kind, 'unchanged');
            return;
          }
          assert.equal(result.kind, 'edit', result.kind === 'error' ? JSON.stringify(result.message) : '');
          if (result.kind !== 'edit') return;
          const applied = applyChecked('sops/a.md', text, [result.edit]);
          const { body } = splitBom(text);
          const [span] = applied.spans;
          const original = body.slice(span!.start, span!.end);
          if (form === 'flow absent') {
            assert.equal(body[span!.end], '}', 'a new entry of the mapping');
          } else if (form === 'absent') {
            assert.equal(original, '');
            assert.ok(body.startsWith('---', span!.start), 'added before the closing fence');
            if (new Set(lineBreaks(body)).size === 1) assert.equal(span!.newText, `reviewed: ${TODAY}${lineBreaks(body)[0]}`);
          } else if (form === 'empty' || form === 'flow empty') {
            assert.match(original, /^[ \t]*$/, 'only blanks after the colon are replaced');
          } else {
            assert.equal(original.replace(/"/g, ''), '2025-01-01');
          }
          const ws = await repository({ 'sops/a.md': applied.text });
          assert.equal(ws.document('sops/a.md')!.meta.reviewed, parseDay(TODAY), `reviewed is today in ${JSON.stringify(applied.text)}`);
          assert.deepEqual(ws.checkAll().filter((d) => d.rule.startsWith('frontmatter/')).map((d) => d.rule), []);
          if (reviewedStyle.comment && form === 'empty') assert.ok(applied.text.includes(reviewedStyle.comment.trim()), 'the comment stays');
          assert.equal(markReviewedEdit(parseMarkdown('sops/a.md', applied.text), TODAY).kind, 'unchanged', 'marking twice changes nothing');
        },
      ),
      RUNS,
    );
  });
});

describe('renaming or moving files rewrites only the paths of links to them', () => {
  const renames: Record<string, readonly FileRename[]> = {
    'move b': [{ oldPath: 'sops/sub/b.md', newPath: 'sops/新 規/b 2.md' }],
    'move b up': [{ oldPath: 'sops/sub/b.md', newPath: 'sops/b.md' }],
    'move a': [{ oldPath: 'sops/a.md', newPath: 'archive/古い/a (old).md' }],
    'move a down': [{ oldPath: 'sops/a.md', newPath: 'sops/sub/a.md' }],
    'rename folder': [{ oldPath: 'sops/sub', newPath: 'sops/下位 フォルダ' }],
    'rename image': [{ oldPath: 'img/図 1.png', newPath: 'img/figures/図(2).png' }],
    'rename a Japanese folder': [{ oldPath: 'sops/手順', newPath: 'sops/🔧 作業/手順' }],
    'move a into the Japanese folder': [{ oldPath: 'sops/a.md', newPath: 'sops/手順/a 𠮷.md' }],
    'swap': [
      { oldPath: 'sops/a.md', newPath: 'docs/𠮷/a.md' },
      { oldPath: 'sops/sub/b.md', newPath: 'docs/b.md' },
    ],
  };
  it('inline, angle-bracket, reference, image, root-absolute and ./ links, with fragments and queries', async () => {
    await fc.assert(
      fc.asyncProperty(common, fc.constantFrom(...Object.keys(renames)), async ({ style, fs, prose, words }, which) => {
        const slug = new GithubSlugger().slug(words[2]);
        const aBody: Line[] = [
          `# ${words[0]}`,
          `${words[1]} [${words[0]}](sub/b.md) 🔧 [x](./sub/b.md#${slug})\t[y](/sops/sub/b.md)`,
          `𠮷 [z](<sub/b.md#${slug}>) ![図](../img/図%201.png) [q](sub/b.md?v=1#${encodeURIComponent(slug)})`,
          `${words[3]} [参照][r] [self](#${new GithubSlugger().slug(words[0])}) [me](a.md#${encodeURIComponent(new GithubSlugger().slug(words[0]))})`,
          `[t](sub/b.md "タイトル 🔧") [手順](%E6%89%8B%E9%A0%86/%F0%A0%AE%B7.md) [j](<手順/𠮷.md#x>)`,
          '',
          `[r]: sub/b.md "${words[1]}"`,
        ];
        const bBody: Line[] = [`## ${words[2]}`, `${words[3]} [a](../a.md) ![図](<../../img/図 1.png>) [c](../c.md) [[SOP-A-001]]`];
        const texts: Record<string, string> = {
          'sops/a.md': render([...frontMatter('SOP-A-001', fs), ...aBody, ...prose], style),
          'sops/sub/b.md': render([...frontMatter('SOP-B-001', fs), ...bBody, ...prose], style),
          'sops/c.md': render([...frontMatter('SOP-C-001', fs), `# ${words[1]}`, `[a](a.md) [b](sub/b.md#${slug})`], style),
          'img/図 1.png': 'PNG',
          'sops/手順/𠮷.md': render([...frontMatter('SOP-D-001', fs), '# x', '[a](../a.md#x)'], style),
        };
        const moves = renames[which]!;
        const newPathOf = (path: string): string => {
          for (const move of moves) {
            if (path === move.oldPath) return move.newPath;
            if (path.startsWith(`${move.oldPath}/`)) return move.newPath + path.slice(move.oldPath.length);
          }
          return path;
        };
        const workspace = await repository(texts);
        const before = workspace.checkAll();
        const targetsBefore = linkTargets(workspace, newPathOf);
        const edits = linkEditsForRenames(workspace, moves);
        const applied = applyFileEdits(texts, edits);
        for (const [file, list] of applied.spans) {
          const document = workspace.document(file)!;
          const body = splitBom(texts[file]!).body;
          for (const span of list) {
            // Each edit lies inside one link's destination and rewrites its path only.
            const link = document.parsed.links.find((candidate) => {
              const [start, end] = [document.parsed.lines.offsetAt(candidate.range.start), document.parsed.lines.offsetAt(candidate.range.end)];
              return start <= span.start && span.end <= end;
            });
            assert.ok(link, `${file}: the edit at ${span.start} is inside a link`);
            assert.ok(!/[#?\r\n]/.test(body.slice(span.start, span.end) + span.newText), 'only the path part changes');
          }
        }
        const moved: Record<string, string> = {};
        for (const [path, text] of Object.entries(applied.texts)) moved[newPathOf(path)] = text;
        const after = await repository(moved);
        assert.deepEqual(linkTargets(after), targetsBefore, 'every link leads where it led');
        assert.deepEqual(ruleCounts(after.checkAll()), ruleCounts(before, newPathOf), 'the move brings up or clears no diagnostic');
      }),
      RUNS,
    );
  });
});
