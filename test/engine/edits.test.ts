/**
 * Edits lose nothing (issue 6), quick fixes: for every rule that offers a
 * fix, on documents with LF, CRLF or mixed line breaks, a BOM, Japanese and
 * astral text, tabs, trailing blanks and no final newline, applying the fix
 * - touches only the text it is about (every other byte stays),
 * - writes line breaks in the document's style and keeps its BOM,
 * - has ranges inside the document that never overlap or split a character,
 * - and removes the diagnostic it was offered for, adding no other.
 * The rules with fixes (`fixes:` in server/src/engine/rules): frontmatter/
 * missing, unknown-field, invalid and required; review/overdue and due-soon;
 * link/file and link/heading; translation/missing; version/not-bumped; frontmatter/
 * full-width, heading/full-width and link/full-width. The checks themselves are
 * in test/support/edits.ts; renames, mark reviewed and link updates are in
 * editFeatures.test.ts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import GithubSlugger from 'github-slugger';
import type { Diagnostic, MemoryCommit, RuleId } from '../../server/src/engine';
import { brief, repository, text, TODAY } from '../helpers';
import { applyChecked, applyFileEdits, lineBreaks, splitBom, type Span } from '../support/edits';
import { field, fieldStyles, phrases, proseLines, quoted, quoting, render, styles, type FieldStyle, type Line, type Style } from '../support/styledText';

const RUNS = { numRuns: 120, includeErrorInReport: true };

/** Required fields with a fix; `owner` has none by design: any value Densho made up would pass for a person. */
const FIXABLE_REQUIRED = ['id', 'title', 'access', 'expert', 'reviewed'] as const;

/** The fields of a valid approved SOP; each scenario breaks one thing. */
const FIELDS: ReadonlyArray<readonly [string, string]> = [
  ['id', 'SOP-A-001'],
  ['title', 'TITLE'],
  ['access', 'internal'],
  ['owner', 'k.tanaka'],
  ['expert', 'h.sato'],
  ['reviewed', '2026-06-01'],
];

interface Parts {
  readonly style: Style;
  readonly fieldStyles: readonly FieldStyle[];
  readonly title: string;
  readonly titleQuoting: 'plain' | 'double' | 'single';
  readonly heading: string;
  readonly body: Line[];
  /** Where the scenario's own line goes among the fields. */
  readonly at: number;
}

const parts: fc.Arbitrary<Parts> = fc.record({
  style: styles,
  fieldStyles: fc.array(fieldStyles, { minLength: 10, maxLength: 10 }),
  title: phrases,
  titleQuoting: quoting,
  heading: phrases,
  body: proseLines,
  at: fc.nat(FIELDS.length),
});

/**
 * A document from `FIELDS` with `change` applied: a field replaced by a
 * written line (or dropped, with null), and `extra` lines added among them.
 */
function sop(p: Parts, options: { replace?: Record<string, string | null>; extra?: readonly string[]; body?: readonly Line[] } = {}): string {
  const lines: Line[] = [];
  FIELDS.forEach(([key, value], index) => {
    const replacement = options.replace?.[key];
    if (replacement === null) return;
    const style = p.fieldStyles[index]!;
    lines.push(replacement ?? field(key, key === 'title' ? quoted(p.title, p.titleQuoting) : value, style));
  });
  lines.splice(Math.min(p.at, lines.length), 0, ...(options.extra ?? []));
  return render(['---', ...lines, '---', `# ${p.heading}`, ...(options.body ?? []), ...p.body], p.style);
}

const count = (diagnostics: readonly Diagnostic[]) => {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(`${d.file} ${d.rule}`, (counts.get(`${d.file} ${d.rule}`) ?? 0) + 1);
  return counts;
};

interface FixCheck {
  /** What each replaced span must be: called with the original text of the span and the span. */
  readonly scope: (original: string, span: Span, body: string) => void;
  /** Rules a fix may legitimately bring up (a placeholder value, for instance). */
  readonly allowNew?: readonly RuleId[];
  /** The message `rule` may still carry once fixed: the next step, not the same problem (a created translation is a draft). */
  readonly nextStep?: RegExp;
}

/**
 * The one `rule` diagnostic of `file` has fixes; each, applied alone, passes
 * the byte, style and range checks of applyFileEdits, stays in its scope,
 * and leaves no `rule` diagnostic in `file` and no new one elsewhere.
 */
async function checkFixes(texts: Record<string, string>, file: string, rule: RuleId, check: FixCheck, history?: readonly MemoryCommit[]): Promise<void> {
  const before = (await repository(texts, TODAY, history)).checkAll();
  const targets = before.filter((d) => d.file === file && d.rule === rule);
  assert.equal(targets.length, 1, `expected one ${rule} in ${file}, found: ${before.map(brief).join(', ')}`);
  const fixes = targets[0]!.fixes ?? [];
  assert.ok(fixes.length > 0, `${rule} offers no fix`);
  for (const fix of fixes) {
    const applied = applyFileEdits(texts, fix.edits);
    for (const [edited, spans] of applied.spans) {
      const body = splitBom(texts[edited]!).body;
      for (const span of spans) check.scope(body.slice(span.start, span.end), span, body);
    }
    const after = (await repository(applied.texts, TODAY, history)).checkAll();
    const left = after.filter((d) => d.file === file && d.rule === rule && !check.nextStep?.test(text(d.message)));
    assert.deepEqual(left.map(brief), [], `"${text(fix.title)}" leaves ${rule}`);
    const [was, now] = [count(before), count(after)];
    for (const [key, n] of now) {
      if (check.allowNew?.some((allowed) => key.endsWith(` ${allowed}`))) continue;
      assert.ok(n <= (was.get(key) ?? 0), `"${fix.title}" brings up ${key}: ${after.map(brief).join(', ')}`);
    }
  }
}

/** The line break just before `offset`, or undefined at the start. */
function breakBefore(body: string, offset: number): string | undefined {
  if (body.endsWith('\r\n', offset)) return '\r\n';
  const char = body[offset - 1];
  return char === '\n' || char === '\r' ? char : undefined;
}

describe('quick fixes change only what they are about', () => {
  it('frontmatter/missing: the skeleton goes before the first byte (after a BOM) in the document\'s line breaks', async () => {
    await fc.assert(
      fc.asyncProperty(parts, fc.boolean(), async (p, withHeading) => {
        const lines = [...(withHeading ? [`# ${p.heading}`] : []), ...p.body];
        const texts = { 'sops/sop-x-001.md': render(lines, p.style) };
        // The fields only a person can fill in stay empty, so frontmatter/required lists them: that is the to-do, not damage.
        await checkFixes(texts, 'sops/sop-x-001.md', 'frontmatter/missing', {
          allowNew: ['frontmatter/required'],
          scope(original, span, body) {
            assert.equal(original, '');
            assert.equal(span.start, 0);
            assert.match(span.newText, /^---(\r\n|\n|\r)id: SOP-X-001(\r\n|\n|\r)/);
            if (lineBreaks(body).length === 0) return;
            // The skeleton's last line break separates it from the body: none is added where the body starts with one.
            const tail = /---([\r\n]+)$/.exec(span.newText)![1]!;
            assert.equal(lineBreaks(tail).length, body.length > 0 && !/^[\r\n]/.test(body) ? 2 : 1);
          },
        });
      }),
      RUNS,
    );
  });

  it('frontmatter/unknown-field: only the misspelt key is replaced', async () => {
    const typos = { reviewed: 'reveiwed', title: 'titl', owner: 'ownr', expert: 'exprt', access: 'acess' } as const;
    await fc.assert(
      fc.asyncProperty(parts, fc.constantFrom(...(Object.keys(typos) as (keyof typeof typos)[])), async (p, key) => {
        const index = FIELDS.findIndex(([name]) => name === key);
        const value = key === 'title' ? quoted(p.title, p.titleQuoting) : FIELDS[index]![1];
        const texts = { 'sops/a.md': sop(p, { replace: { [key]: field(typos[key], value, p.fieldStyles[index]!) } }) };
        await checkFixes(texts, 'sops/a.md', 'frontmatter/unknown-field', {
          scope(original, span) {
            assert.equal(original, typos[key]);
            assert.equal(span.newText, key);
          },
        });
      }),
      RUNS,
    );
  });

  it('frontmatter/invalid: only the value is rewritten, comments and blanks around it stay', async () => {
    const cases: ReadonlyArray<readonly [string, string, string]> = [
      ['type', 'sopp', 'sop'],
      ['type', '"sopp"', 'sop'],
      ['status', 'aproved', 'approved'],
      ['status', "'draftt'", 'draft'],
      ['access', 'internl', 'internal'],
      ['reviewed', '2026/6/1', '2026-06-01'],
      ['reviewed', '2026.06.01', '2026-06-01'],
      ['version', '"3"', '3'],
      ['iso9001', '8.5.1', '[8.5.1]'],
      ['iso9001', '"8.5.1"', '["8.5.1"]'],
    ];
    await fc.assert(
      fc.asyncProperty(parts, fc.constantFrom(...cases), async (p, [key, bad, good]) => {
        const style = p.fieldStyles[FIELDS.length]!;
        const known = FIELDS.some(([name]) => name === key);
        const replace = known ? { [key]: field(key, bad, style) } : {};
        const extra = known ? [] : [field(key, bad, style)];
        const texts = { 'sops/a.md': sop(p, { replace, extra }) };
        await checkFixes(texts, 'sops/a.md', 'frontmatter/invalid', {
          scope(original, span) {
            assert.equal(original, bad);
            assert.equal(span.newText, good);
          },
        });
      }),
      RUNS,
    );
  });

  it('frontmatter/required (missing field): one line before the closing fence, ended like the others', async () => {
    await fc.assert(
      fc.asyncProperty(parts, fc.constantFrom(...FIXABLE_REQUIRED), async (p, key) => {
        const texts = { 'sops/sop-a-001.md': sop(p, { replace: { [key]: null } }) };
        await checkFixes(texts, 'sops/sop-a-001.md', 'frontmatter/required', {
          scope(original, span, body) {
            assert.equal(original, '');
            assert.ok(body.startsWith('---', span.start), 'inserted at the start of the closing fence');
            const before = breakBefore(body, span.start);
            assert.ok(before, 'inserted at the start of a line');
            assert.match(span.newText, new RegExp(`^${key}: [^\\r\\n]+(\\r\\n|\\n|\\r)$`));
            // In a document with one kind of line break, the new line ends like the one before it.
            if (new Set(lineBreaks(body)).size === 1) assert.ok(span.newText.endsWith(before));
          },
        });
      }),
      RUNS,
    );
  });

  it('frontmatter/required (empty field): the value goes after the colon, a comment on the line stays after a blank', async () => {
    await fc.assert(
      fc.asyncProperty(parts, fc.constantFrom(...FIXABLE_REQUIRED), async (p, key) => {
        const style = p.fieldStyles[FIELDS.length]!;
        const texts = { 'sops/sop-a-001.md': sop(p, { replace: { [key]: `${key}:${style.gap}${style.comment}` } }) };
        await checkFixes(texts, 'sops/sop-a-001.md', 'frontmatter/required', {
          scope(original, span) {
            // Only the blanks after the colon, and those only when nothing (no comment) follows them.
            assert.match(original, /^[ \t]*$/);
            assert.equal(original !== '', !style.comment);
            assert.match(span.newText, /^ \S/);
          },
        });
      }),
      RUNS,
    );
  });

  it('frontmatter/required in flow-style front matter ({…}): the value goes inside the braces, the YAML stays valid', async () => {
    await fc.assert(
      fc.asyncProperty(
        parts,
        fc.constantFrom(...FIXABLE_REQUIRED),
        fc.constantFrom('missing', 'empty'),
        fc.constantFrom('one line', 'lines', 'trailing comma', 'lines, trailing comma'),
        async (p, key, mode, layout) => {
          const entries = FIELDS.flatMap(([name, value]) => (name !== key ? [`${name}: ${name === 'title' ? quoted(p.title, p.titleQuoting) : value}`] : mode === 'empty' ? [`${name}: `] : []));
          const comma = layout.includes('trailing comma') ? ',' : '';
          const map = layout.startsWith('lines') ? [`{${entries[0]},`, ...entries.slice(1, -1).map((entry) => `  ${entry},`), `  ${entries.at(-1)}${comma}}`] : [`{${entries.join(', ')}${comma}}`];
          const texts = { 'sops/sop-a-001.md': render(['---', ...map, '---', `# ${p.heading}`, ...p.body], p.style) };
          await checkFixes(texts, 'sops/sop-a-001.md', 'frontmatter/required', {
            scope(original, span, body) {
              assert.match(original, /^[ \t]*$/, 'only blanks are replaced');
              if (mode === 'empty') assert.match(span.newText, /^ \S/);
              else {
                assert.equal(body[span.end], '}', 'the new entry goes before the closing brace');
                assert.match(span.newText, new RegExp(`^(, )?${key}: \\S`));
              }
            },
          });
        },
      ),
      RUNS,
    );
  });

  it('fixes of keys and values inside a flow mapping ({…}) replace only that key or value', async () => {
    const cases: ReadonlyArray<readonly [RuleId, string, string, string, string]> = [
      // rule, key, written value, what the span holds, its replacement
      ['frontmatter/unknown-field', 'reveiwed', '2026-06-01', 'reveiwed', 'reviewed'],
      ['frontmatter/invalid', 'type', 'sopp', 'sopp', 'sop'],
      ['frontmatter/invalid', 'iso9001', '"8.5.1"', '"8.5.1"', '["8.5.1"]'],
      ['frontmatter/invalid', 'reviewed', '2026/6/1', '2026/6/1', '2026-06-01'],
      ['review/overdue', 'reviewed', "'2025-01-01'", "'2025-01-01'", TODAY],
    ];
    await fc.assert(
      fc.asyncProperty(parts, fc.constantFrom(...cases), fc.boolean(), async (p, [rule, key, value, original, replacement], multiline) => {
        const entries = FIELDS.filter(([name]) => name !== 'reviewed').map(([name, v]) => `${name}: ${name === 'title' ? quoted(p.title, p.titleQuoting) : v}`);
        if (key !== 'reveiwed' && key !== 'reviewed') entries.push('reviewed: 2026-06-01');
        entries.splice(Math.min(p.at, entries.length), 0, `${key}: ${value}`);
        const map = multiline ? [`{${entries[0]},`, ...entries.slice(1, -1).map((entry) => `\t${entry},`), `  ${entries.at(-1)}}`] : [`{${entries.join(', ')}}`];
        const texts = { 'sops/a.md': render(['---', ...map, '---', `# ${p.heading}`, ...p.body], p.style) };
        await checkFixes(texts, 'sops/a.md', rule, {
          scope(text, span) {
            assert.equal(text, original);
            assert.equal(span.newText, replacement);
          },
        });
      }),
      RUNS,
    );
  });

  it('review/overdue and review/due-soon: only the date is replaced by today', async () => {
    const cases: ReadonlyArray<readonly [string, RuleId]> = [
      ['2025-01-01', 'review/overdue'],
      ['"2025-01-01"', 'review/overdue'],
      ['2025-12-01', 'review/due-soon'],
      ["'2025-12-10'", 'review/due-soon'],
    ];
    await fc.assert(
      fc.asyncProperty(parts, fc.constantFrom(...cases), fc.boolean(), async (p, [date, rule], explicitStatus) => {
        const index = FIELDS.findIndex(([name]) => name === 'reviewed');
        const texts = {
          'sops/a.md': sop(p, { replace: { reviewed: field('reviewed', date, p.fieldStyles[index]!) }, extra: explicitStatus ? [field('status', 'approved', p.fieldStyles[FIELDS.length]!)] : [] }),
        };
        await checkFixes(texts, 'sops/a.md', rule, {
          scope(original, span) {
            assert.equal(original.replace(/^["']|["']$/g, ''), date.replace(/^["']|["']$/g, ''));
            assert.equal(span.newText, TODAY);
          },
        });
      }),
      RUNS,
    );
  });

  it('version/not-bumped: only the version number is replaced, by the next one', async () => {
    await fc.assert(
      fc.asyncProperty(parts, fc.integer({ min: 1, max: 998 }), async (p, version) => {
        const versionLine = field('version', String(version), p.fieldStyles[FIELDS.length]!);
        const committed = sop(p, { extra: [versionLine] });
        const texts = { 'sops/a.md': sop({ ...p, heading: `${p.heading} (revised)` }, { extra: [versionLine] }) };
        const history = [{ subject: 'Add', date: '2026-01-10', files: { 'sops/a.md': committed } }];
        await checkFixes(
          texts,
          'sops/a.md',
          'version/not-bumped',
          {
            scope(original, span) {
              assert.equal(original, String(version));
              assert.equal(span.newText, String(version + 1));
            },
          },
          history,
        );
      }),
      RUNS,
    );
  });

  it('link/file: only the link destination changes, its fragment stays', async () => {
    const names = ['b.md', '手順 書.md', 'b (1).md', '𠮷野.md', '図 1.png'];
    await fc.assert(
      fc.asyncProperty(
        parts,
        fc.constantFrom(...names),
        fc.constantFrom('inline', 'angle', 'definition', 'image'),
        fc.boolean(),
        phrases,
        async (p, name, form, withFragment, linkText) => {
          const isDocument = name.endsWith('.md');
          const fragment = withFragment && isDocument ? `#${new GithubSlugger().slug(p.heading)}` : '';
          const written = form === 'angle' ? `missing/${name}` : `missing/${name.replace(/[ ()]/g, (c) => encodeURIComponent(c))}`;
          const destination = (form === 'angle' ? `<${written}${fragment}>` : `${written}${fragment}`);
          const line =
            form === 'definition' ? `${linkText} [参照][r]` : form === 'image' ? `${linkText} ![${linkText}](${destination})` : `${linkText}\t[${linkText}](${destination}) 🔧`;
          const body: Line[] = [line, ...(form === 'definition' ? ['', `[r]: ${destination}`] : [])];
          const target = `sops/other/${name}`;
          const texts: Record<string, string> = {
            'sops/a.md': sop(p, { body }),
            [target]: isDocument ? render(['---', 'id: SOP-B-001', 'title: B', 'access: internal', 'owner: k.tanaka', 'expert: h.sato', 'reviewed: 2026-06-01', '---', `# ${p.heading}`], p.style) : 'PNG',
          };
          await checkFixes(texts, 'sops/a.md', 'link/file', {
            scope(original, span) {
              assert.equal(original, written + fragment);
              assert.ok(span.newText.endsWith(fragment));
              assert.equal(decodeURIComponent(span.newText.slice(0, span.newText.length - fragment.length)), `other/${name}`);
            },
          });
        },
      ),
      RUNS,
    );
  });

  it('link/heading: only the fragment changes, in links, wiki references and same-document links', async () => {
    await fc.assert(
      fc.asyncProperty(
        parts,
        fc.constantFrom('other', 'wiki', 'self'),
        fc.constantFrom('append', 'drop', 'encode'),
        phrases,
        async (p, form, typo, linkText) => {
          const slug = new GithubSlugger().slug(p.heading);
          const points = [...slug];
          fc.pre(points.length >= 3);
          const wrong = typo === 'drop' ? points.slice(0, -1).join('') : `${slug}x`;
          const writtenFragment = typo === 'encode' ? encodeURIComponent(wrong) : wrong;
          const destination = form === 'wiki' ? `[[SOP-B-001#${writtenFragment}]]` : `[${linkText}](${form === 'self' ? '' : 'b.md'}#${writtenFragment})`;
          const texts: Record<string, string> = {
            'sops/a.md': sop(p, { body: [`${linkText} ${destination} ${linkText}`] }),
            'sops/b.md': render(['---', 'id: SOP-B-001', 'title: B', 'access: internal', 'owner: k.tanaka', 'expert: h.sato', 'reviewed: 2026-06-01', '---', `## ${p.heading}`], p.style),
          };
          const ws = await repository(texts);
          // A dropped letter can leave another heading's slug, which is no error at all.
          fc.pre(ws.checkAll().some((d) => d.rule === 'link/heading'));
          await checkFixes(texts, 'sops/a.md', 'link/heading', {
            scope(original, span) {
              assert.equal(original, writtenFragment);
              assert.equal(span.newText, slug);
            },
          });
        },
      ),
      RUNS,
    );
  });

  it('frontmatter/full-width (keys): only the full-width colon or space changes, and the key is a field again', async () => {
    const slips: ReadonlyArray<readonly [string, string, string, string]> = [
      // key, the line as typed, what the fix replaces, with what
      ['access', 'access：internal', '：', ': '],
      ['access', 'access：　internal', '：　', ': '],
      ['owner', 'owner　: k.tanaka', '　', ''],
      ['expert', 'expert:　h.sato', '　', ' '],
      ['reviewed', '　reviewed: 2026-06-01', '　', ''],
    ];
    await fc.assert(
      fc.asyncProperty(parts, fc.constantFrom(...slips), async (p, [key, line, written, newText]) => {
        const texts = { 'sops/a.md': sop(p, { replace: { [key]: line } }) };
        await checkFixes(texts, 'sops/a.md', 'frontmatter/full-width', {
          scope(original, span) {
            assert.equal(original, written);
            assert.equal(span.newText, newText);
          },
        });
      }),
      RUNS,
    );
  });

  it('frontmatter/full-width (values): full-width digits and 2026年6月1日 become the half-width value, comments and blanks stay', async () => {
    const cases: ReadonlyArray<readonly [string, string, string]> = [
      ['reviewed', '２０２６-０６-０１', '2026-06-01'],
      ['reviewed', '２０２６－０６－０１', '2026-06-01'],
      ['reviewed', '2026年6月1日', '2026-06-01'],
      ['reviewed', '２０２６年６月１日', '2026-06-01'],
      ['version', '３', '3'],
      ['version', '１２', '12'],
    ];
    await fc.assert(
      fc.asyncProperty(parts, fc.constantFrom(...cases), async (p, [key, bad, good]) => {
        const style = p.fieldStyles[FIELDS.length]!;
        const known = FIELDS.some(([name]) => name === key);
        const texts = { 'sops/a.md': sop(p, known ? { replace: { [key]: field(key, bad, style) } } : { extra: [field(key, bad, style)] }) };
        await checkFixes(texts, 'sops/a.md', 'frontmatter/full-width', {
          scope(original, span) {
            assert.equal(original, bad);
            assert.equal(span.newText, good);
          },
        });
      }),
      RUNS,
    );
  });

  it('heading/full-width and link/full-width: only the ＃ or the full-width space changes', async () => {
    const cases: ReadonlyArray<readonly [RuleId, (heading: string) => string, string, string]> = [
      ['heading/full-width', (heading) => `＃ ${heading}`, '＃', '#'],
      ['heading/full-width', (heading) => `＃＃　${heading}`, '＃＃　', '## '],
      ['heading/full-width', (heading) => `###　${heading}`, '　', ' '],
      ['link/full-width', (heading) => `[${heading}](b.md＃${new GithubSlugger().slug(heading)})`, '＃', '#'],
    ];
    await fc.assert(
      fc.asyncProperty(parts, fc.constantFrom(...cases), async (p, [rule, line, written, newText]) => {
        const texts: Record<string, string> = {
          'sops/a.md': sop(p, { body: ['', line(p.heading), ''] }),
          'sops/b.md': render(['---', 'id: SOP-B-001', 'title: B', 'access: internal', 'owner: k.tanaka', 'expert: h.sato', 'reviewed: 2026-06-01', '---', `## ${p.heading}`], p.style),
        };
        await checkFixes(texts, 'sops/a.md', rule, {
          scope(original, span) {
            assert.equal(original, written);
            assert.equal(span.newText, newText);
          },
        });
      }),
      RUNS,
    );
  });

  it('translation/missing: the created translation is the source with lang, version, status and date set, in its line breaks', async () => {
    await fc.assert(
      fc.asyncProperty(parts, fc.constantFrom('[ja]', '[ja, en]'), async (p, required) => {
        const style = p.fieldStyles[FIELDS.length]!;
        const source = sop(p, { extra: [field('version', '3', style), field('status', 'approved', style)], body: ['## 手順', '', '1. 一', '2. 二'] });
        const texts = { 'densho.yaml': `languages: [en, ja]\nrequired-translations: ${required}\n`, 'sops/a.md': source };
        const ws = await repository(texts);
        const fix = ws.checkDocument('sops/a.md').find((d) => d.rule === 'translation/missing')!.fixes![0]!;
        await checkFixes(texts, 'sops/a.md', 'translation/missing', {
          scope: () => assert.fail('a translation edits nothing that exists'),
          nextStep: /^The ja translation of SOP-[A-Z]+-\d+ is "draft":/,
        });
        const applied = applyFileEdits(texts, fix.edits);
        assert.deepEqual(applied.created, ['sops/a.ja.md']);
        const created = applied.texts['sops/a.ja.md']!;
        const { body } = splitBom(source);
        assert.equal(created.startsWith('\ufeff'), source.startsWith('\ufeff'), 'the translation has a byte-order mark exactly when its source has one');
        // Every field line of the source (blanks, tabs and comments included) and its whole body, unchanged.
        const sourceLines = body.split(/\r\n|\n|\r/);
        const closing = sourceLines.findIndex((line, index) => index > 0 && /^---[ \t]*$/.test(line));
        for (const line of sourceLines.slice(1, closing)) {
          if (!/^(lang|translated-from-version|status|reviewed)\s*:/.test(line)) assert.ok(created.includes(line), `the translation keeps ${JSON.stringify(line)}`);
        }
        const sourceBody = body.slice(body.indexOf('# ', body.indexOf('---', 3)));
        assert.ok(created.endsWith(sourceBody), 'the body is copied byte for byte');
        const breaks = new Set(lineBreaks(body));
        if (breaks.size === 1) assert.deepEqual(new Set(lineBreaks(created)), breaks, 'the translation breaks its lines as the source does');
        assert.match(created, /[\r\n]lang: ja(\r\n|\n|\r)translated-from-version: 3\1status: draft\1reviewed: 2026-11-25\1---/);
        const translated = (await repository(applied.texts)).checkDocument('sops/a.ja.md');
        assert.deepEqual(translated.filter((d) => d.severity !== 'info').map(brief), [], 'the new translation checks clean');
      }),
      { numRuns: 60, includeErrorInReport: true },
    );
  });
});

describe('the edit checker itself', () => {
  const at = (line: number, character: number) => ({ line, character });
  it('refuses what an editor would have to guess at, and a change of style', () => {
    const text = '\ufeff---\r\ntitle: 𠮷野\r\n---\r\n';
    assert.throws(() => applyChecked('a.md', text, [{ range: { start: at(1, 8), end: at(1, 8) }, newText: 'x' }]), /splits a surrogate pair/);
    assert.throws(() => applyChecked('a.md', text, [{ range: { start: at(1, 12), end: at(1, 12) }, newText: 'x' }]), /past the end of its line/);
    assert.throws(() => applyChecked('a.md', text, [{ range: { start: at(9, 0), end: at(9, 0) }, newText: 'x' }]), /outside the document/);
    assert.throws(() => applyChecked('a.md', text, [{ range: { start: at(2, 0), end: at(2, 0) }, newText: 'id: A\n' }]), /writes "\\n"/);
    assert.throws(() => applyChecked('a.md', text, [{ range: { start: at(0, 0), end: at(0, 0) }, newText: '\ufeff' }]), /byte-order mark/);
    const overlapping = [
      { range: { start: at(1, 0), end: at(1, 5) }, newText: 'name' },
      { range: { start: at(1, 3), end: at(1, 9) }, newText: '' },
    ];
    assert.throws(() => applyChecked('a.md', text, overlapping), /overlap/);
  });
  it('applies edits in BOM-less positions and keeps the BOM', () => {
    const applied = applyChecked('a.md', '\ufeff---\r\ntitle: 𠮷野\r\n---\r\n', [{ range: { start: at(2, 0), end: at(2, 0) }, newText: 'id: A\r\n' }, { range: { start: at(1, 7), end: at(1, 9) }, newText: '吉' }]);
    assert.equal(applied.text, '\ufeff---\r\ntitle: 吉野\r\nid: A\r\n---\r\n');
  });
});
