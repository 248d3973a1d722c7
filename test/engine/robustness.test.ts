/**
 * Hostile and broken input never crashes or hangs the engine: random and
 * mutated Markdown and YAML (fast-check), alias bombs, and every
 * diagnostic's range inside its document.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LineIndex, type Workspace } from '../../server/src/engine';
import { doc, findings, repository } from '../helpers';

/** Fragments real documents are made of, to be shuffled into broken ones. */
const FRAGMENTS = [
  '---', '---\n', '\n', '\r\n', '\t', '  ', 'id: SOP-A-001', 'title: "x', "title: 'y'", 'reviewed: 2026-13-45', 'reviewed: 2026-01-01T10:00:00Z',
  'review-interval: -3m', 'version: -1', 'version: 1.5', 'expert:', '  - h.sato', 'expert: {a: 1}', 'iso9001: [8.5.1, 7.10', 'iso9001: 8.5.1',
  'access: master', 'lang: ja', 'status: [approved]', 'owner: &a x', 'owner: *a', 'id: SOP-A-001', ': no key', '? complex', '# 手順', '## Steps',
  '1. step', '- item', '> quote', '```', '`code`', '[x](a.md#手順)', '[[SOP-A-001#steps]]', '[[', ']]', '](', '[ref]: <b.md>', '![i](../../x.png)',
  '<a id="x">', '\u0000', '\ufeff', '日本語', '\\', '"', '[x](%ZZ)', '[[|]]',
];

function assertRangesInside(workspace: Workspace, texts: Record<string, string>): void {
  for (const diagnostic of workspace.checkAll()) {
    const text = texts[diagnostic.file];
    if (text === undefined) continue;
    const lines = new LineIndex(text.replace(/^\ufeff/, ''));
    const { start, end } = diagnostic.range;
    assert.ok(start.line < lines.lineCount && end.line < lines.lineCount, `${diagnostic.rule} line out of range`);
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character), `${diagnostic.rule} range reversed`);
    assert.equal(lines.offsetAt(end) - lines.offsetAt({ line: end.line, character: 0 }), end.character, `${diagnostic.rule} column past the end of its line`);
  }
}

describe('robustness', () => {
  it('random documents built from real fragments: no exception, every range inside its document', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 20 }), async (parts, others) => {
        const texts = { 'a.md': parts.join('\n'), 'b.md': doc({}, others.join('')), 'a.ja.md': parts.join('') };
        const workspace = await repository(texts);
        assertRangesInside(workspace, texts);
        workspace.coverage();
        workspace.reviewSchedule();
        workspace.knowledgeRisk();
      }),
      { numRuns: 300 },
    );
  });
  it('arbitrary strings as documents, densho.yaml and people.yaml: no exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), fc.string({ maxLength: 100 }), fc.string({ maxLength: 100 }), async (text, config, people) => {
        const texts = { 'a.md': text };
        const workspace = await repository({ ...texts, 'densho.yaml': config, 'people.yaml': people });
        assertRangesInside(workspace, texts);
      }),
      { numRuns: 300 },
    );
  });
  it('wrong types for every front matter field give frontmatter diagnostics, not exceptions', async () => {
    const values = ['[]', '{}', '[a, [b]]', '~', 'true', '0', '-5', '2026-01-01T00:00:00Z', '"  "', '|\n  block', '!!binary aGVsbG8='];
    const fields = ['id', 'title', 'type', 'access', 'access-list', 'owner', 'expert', 'reviewed', 'review-interval', 'status', 'version', 'approved-by', 'lang', 'translated-from-version', 'iso9001', 'related', 'supersedes', 'media'];
    for (const field of fields) {
      for (const value of values) {
        const workspace = await repository({ 'a.md': doc({ [field]: value }) });
        const texts = { 'a.md': doc({ [field]: value }) };
        assertRangesInside(workspace, texts);
      }
    }
  });
  it('a "billion laughs" alias bomb is a frontmatter/yaml error, not an out-of-memory', async () => {
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level++) bomb.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(',')}]`);
    const workspace = await repository({ 'a.md': `---\nid: SOP-A-001\n${bomb.join('\n')}\n---\n# A\n`, 'densho.yaml': `${bomb.join('\n')}\n` });
    assert.ok(findings(workspace, 'frontmatter/yaml').length > 0);
    assert.ok(findings(workspace, 'config/invalid').length > 0);
  });
  it('50,000 links in one document are all checked', async () => {
    const body = Array.from({ length: 50_000 }, (_, i) => `[l${i}](missing-${i % 7}.md)`).join(' ');
    const workspace = await repository({ 'a.md': doc({}, body) });
    assert.equal(findings(workspace, 'link/file').length, 50_000);
  });
});
