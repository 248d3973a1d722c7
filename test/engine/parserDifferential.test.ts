/**
 * The engine parses with markdown-it, for speed and linear time on hostile
 * input; remark (micromark) stays as the reference it is held against, so a
 * position the engine records wrongly shows up as a difference rather than
 * as a wrong diagnostic in a user's repository. Both are reduced to the same
 * facts (headings and slugs, links with their offsets and destinations,
 * steps, front matter); code exclusion is covered by the links, since code
 * in the inputs holds links too.
 *
 * Intended differences (where GitHub and micromark disagree, GitHub wins),
 * each applied below and nowhere else:
 * - raw HTML `href` and `src` attributes are links of kind `html` (GitHub
 *   renders the tags); micromark sees only an HTML node. Left out of the
 *   comparison; test/engine/rules.test.ts covers them.
 * - a step's text is the first line of the item's own text; the reference
 *   concatenates every descendant without separators (`1. foo` over a nested
 *   `- bar` gives `foobar`), so the engine's must be a prefix of it.
 * - the CommonMark spec examples listed in SPEC_DIFFERENCES.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { parseMarkdown, type ParsedDocument } from '../../server/src/engine';
import { generateRepository, scaledShape } from '../../bench/generateRepository';
import { byStart, referenceFacts, type ParseFactsForComparison } from '../support/remarkReference';

const commonmark = require('commonmark-spec') as { tests: { markdown: string; number: number; section: string }[] };

/** CommonMark spec examples where the engine differs on purpose, by example number. */
const SPEC_DIFFERENCES: Record<number, string> = {
  215: 'a setext heading right under a link reference definition: micromark starts the heading at the definition line, the engine at the heading text, where GitHub highlights it',
  559: '`[[*foo* bar]]` next to a definition of `[*foo* bar]`: the engine reads a `[[…]]` reference as written, micromark a bracketed reference link',
};

function engineFacts(parsed: ParsedDocument): ParseFactsForComparison {
  const { lines, text } = parsed;
  const at = (range: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${lines.offsetAt(range.start)}-${lines.offsetAt(range.end)}`;
  const links = parsed.links
    .filter((link) => link.kind !== 'html')
    .map((link) => {
      const [start, end] = link.nodeOffsets!;
      const rawStart = lines.offsetAt(link.range.start);
      const rawEnd = lines.offsetAt(link.range.end);
      assert.equal(text.slice(rawStart, rawEnd), link.raw, 'a link’s range covers its raw destination');
      if (link.kind === 'wiki') {
        const hash = link.raw.indexOf('#');
        const url = hash < 0 ? link.raw.trim() : `${link.raw.slice(0, hash).trim()}#${link.raw.slice(hash + 1).trim()}`;
        return `wiki ${start}-${end} url=${JSON.stringify(url)} text=-`;
      }
      const url = decodeHTML(link.raw.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
      const label = link.kind === 'link' && link.textOffsets && link.textOffsets[0] < link.textOffsets[1] ? link.textOffsets.join('-') : '-';
      return `${link.kind} ${start}-${end} url=${JSON.stringify(url)} text=${label}`;
    })
    .sort(byStart);
  return {
    headings: parsed.headings.map((heading) => `${heading.depth} ${heading.slug} ${JSON.stringify(heading.text)} ${at(heading.range)}`),
    links,
    steps: parsed.steps.map((step) => `${step.number} ${at(step.range)}`),
    stepTexts: parsed.steps.map((step) => step.text),
    frontMatter: parsed.frontMatter ? at(parsed.frontMatter.range) : '',
  };
}

/** The differences between engine and reference for one document, as readable lines; empty when they agree. */
function differences(text: string): string[] {
  const engine = engineFacts(parseMarkdown('doc.md', text));
  const reference = referenceFacts(text);
  const found: string[] = [];
  for (const key of ['headings', 'links', 'steps', 'frontMatter'] as const) {
    if (JSON.stringify(engine[key]) !== JSON.stringify(reference[key])) found.push(`${key}: engine ${JSON.stringify(engine[key])}, reference ${JSON.stringify(reference[key])}`);
  }
  engine.stepTexts.forEach((stepText, position) => {
    const whole = reference.stepTexts[position];
    if (whole === undefined || !whole.startsWith(stepText)) found.push(`step text ${position}: engine ${JSON.stringify(stepText)}, reference ${JSON.stringify(whole)}`);
  });
  return found;
}

describe('parser differential: markdown-it (engine) against remark (reference)', () => {
  it('agrees on every CommonMark spec example but the listed ones', () => {
    const unexpected: string[] = [];
    const listedButEqual: number[] = [];
    for (const example of commonmark.tests) {
      const found = differences(example.markdown);
      if (SPEC_DIFFERENCES[example.number] !== undefined) {
        if (found.length === 0) listedButEqual.push(example.number);
      } else if (found.length > 0) unexpected.push(`#${example.number} (${example.section}) ${JSON.stringify(example.markdown)}\n  ${found.join('\n  ')}`);
    }
    assert.ok(commonmark.tests.length > 600, 'the spec examples are there');
    assert.deepEqual(unexpected, []);
    assert.deepEqual(listedButEqual, [], 'a listed difference that is gone is removed from the list');
  });

  it('agrees on every document of samples/, with LF and with CRLF line ends and a byte-order mark', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else if (entry.name.endsWith('.md')) files.push(join(dir, entry.name));
      }
    };
    walk(join(__dirname, '../../samples'));
    assert.ok(files.length > 10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.deepEqual(differences(text), [], file);
      assert.deepEqual(differences(`\ufeff${text.replace(/\r?\n/g, '\r\n')}`), [], `${file} with CRLF and BOM`);
    }
  });

  it('agrees on a generated bench repository', () => {
    const root = mkdtempSync(join(tmpdir(), 'densho-differential-'));
    try {
      const repository = generateRepository(root, scaledShape(0.005));
      assert.ok(repository.documents.length >= 15);
      for (const path of repository.documents) assert.deepEqual(differences(readFileSync(join(root, path), 'utf8')), [], path);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('agrees on generated documents: links with titles, nested brackets, HTML, lists in quotes, code, CRLF, BOM, astral characters', () => {
    const word = fc.constantFrom('step', 'Weld', 'a', 'x_y', '溶接', '𝒳𝒴', '😀', 'foo*', '*bar*', '_b_', '&amp;', '\\*', '\\]', '(', ')', '[', ']', '<', '!', '#');
    const destination = fc.constantFrom('a.md', '../b/c.md#steps', '#local', 'd%20e.md', '<f g.md>', 'h(i).md', 'https://x.org/a', 'j\\)k.md', '𝒳.md', '');
    const title = fc.constantFrom('', ' "t"', " 'close)'", ' "a)b"', ' (paren)', ' "x [y]"');
    const label = fc.array(word, { minLength: 0, maxLength: 3 }).map((words) => words.join(' '));
    const inline: fc.Arbitrary<string> = fc.oneof(
      word,
      fc.tuple(label, destination, title).map(([text, dest, t]) => `[${text}](${dest}${t})`),
      fc.tuple(label, destination, title).map(([text, dest, t]) => `![${text}](${dest}${t})`),
      fc.tuple(label, label, destination).map(([outer, inner, dest]) => `[${outer} [${inner}] more](${dest})`),
      fc.tuple(label, destination).map(([text, dest]) => `\`[${text}](${dest})\``),
      fc.constantFrom('[[SOP-A-001]]', '[[SOP-A-001#steps]]', '[[SOP-B-002#a b|the alias]]', '[[', ']]', '[x][ref]', '[ref]', '<span>html</span>', '<b>', '**strong [l](l.md)**'),
    );
    const line = fc.array(inline, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
    const block: fc.Arbitrary<string> = fc.oneof(
      line,
      fc.tuple(fc.integer({ min: 1, max: 6 }), line).map(([depth, text]) => `${'#'.repeat(depth)} ${text}`),
      fc.tuple(line, fc.constantFrom('===', '---')).map(([text, underline]) => `${text}\n${underline}`),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, position) => `${position + 1}. ${item}`).join('\n')),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, position) => `> ${position + 3}) ${item}`).join('\n')),
      fc.array(line, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, position) => `${position + 7}. ${item}`).join('\n')),
      fc.tuple(line, line).map(([a, b]) => `1. ${a}\n   - ${b}\n2. ${b}`),
      fc.tuple(line, line).map(([a, b]) => `- ${a}\n\n  1. ${b}`),
      fc.tuple(line).map(([a]) => `> > ${a}\n> continued`),
      fc.tuple(label, destination).map(([text, dest]) => `\`\`\`\n[${text}](${dest}) [[SOP-C-003]]\n\`\`\``),
      // Followed by a paragraph: right after an indented code block micromark starts no list numbered other than 1
      // (`    code`, a blank line, `3. step` gives a paragraph), a reference bug GitHub does not share.
      fc.tuple(label, destination).map(([text, dest]) => `    [${text}](${dest})\n\nafter the code`),
      fc.tuple(destination, title).map(([dest, t]) => `[ref]: ${dest === '' ? '<>' : dest}${t}`),
      fc.tuple(line, line).map(([a, b]) => `| ${a.replace(/\|/g, '')} | b |\n| --- | --- |\n| ${b.replace(/\|/g, '')} | x \\| [c](c.md) |`),
      // Not `---`: opening a document, micromark's front matter extension takes it for an unclosed block and then
      // reads the lines after it without their block structure (a `>` quote as a paragraph), a reference bug;
      // the engine reports such a document with frontmatter/yaml anyway.
      fc.constantFrom('<div>\n<p>html block</p>\n</div>', '<!-- [hidden](h.md) -->', '* * *', '***'),
    );
    const documentText = fc
      .tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.array(block, { minLength: 1, maxLength: 8 }))
      .map(([frontMatter, crlf, bom, blocks]) => {
        const body = (frontMatter ? '---\nid: SOP-A-001\ntitle: T\n---\n' : '') + blocks.join('\n\n') + '\n';
        return (bom ? '\ufeff' : '') + (crlf ? body.replace(/\n/g, '\r\n') : body);
      });
    fc.assert(
      fc.property(documentText, (text) => {
        assert.deepEqual(differences(text), []);
      }),
      { numRuns: 400, seed: 20261201 },
    );
  });
});
