/**
 * The Markdown preview plugin (client/src/preview/markdownPlugin.ts) on
 * markdown-it itself, set up as VS Code's preview sets it up (plugins first,
 * then its front matter rule): the HTML of each `[[…]]` form, an unresolved
 * id, a Japanese document's links to Japanese variants, and the card.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { denshoMarkdownIt, PREVIEW_WIKI_REFERENCE_PATTERN } from '../../client/src/preview/markdownPlugin';
import { WIKI_REFERENCE_PATTERN } from '../../server/src/engine/parsing/markdownTokens';
import type { DocumentIndexEntry } from '../../server/src/protocol';

const ROOT = 'file:///work/qms';
const entry = (path: string, fields: Partial<DocumentIndexEntry>): DocumentIndexEntry => ({
  uri: `${ROOT}/${path}`,
  lang: 'en',
  translation: false,
  status: 'approved',
  experts: [],
  sourceLanguage: 'en',
  ...fields,
});
const ENTRIES: DocumentIndexEntry[] = [
  entry('sops/welding/sop-wld-004.md', { id: 'SOP-WLD-004', title: 'Welding <MAG> & "gas"', version: 3, owner: 'k.tanaka', experts: ['h.sato', 'y.ito'], access: 'internal', nextReview: '2027-06-01' }),
  entry('sops/welding/sop-wld-004.ja.md', { id: 'SOP-WLD-004', title: 'MAG 溶接', lang: 'ja', translation: true, version: 3, access: 'internal' }),
  entry('sops/inspection/frm-ins-001.md', { id: 'FRM-INS-001', title: 'Inspection form' }),
  entry('sops/quality/pol-qms-001.ja.md', { id: 'POL-QMS-001', title: '品質方針', lang: 'ja', translation: true, status: 'draft' }),
  entry('sops/quality/pol-qms-001.md', { id: 'POL-QMS-001', title: 'Quality policy' }),
];

/** markdown-it as VS Code's preview builds it: contributed plugins, then a front matter rule yielding a hidden token. */
function previewEngine(entries: () => readonly DocumentIndexEntry[] = () => ENTRIES): MarkdownIt {
  const md = denshoMarkdownIt(new MarkdownIt({ html: true }), entries);
  md.block.ruler.before('fence', 'front_matter', (state, startLine, endLine, silent) => {
    if (startLine !== 0 || !state.src.startsWith('---\n')) return false;
    let line = 1;
    while (line < endLine && state.src.slice(state.bMarks[line], state.eMarks[line]) !== '---') line++;
    if (line >= endLine) return false;
    if (silent) return true;
    const token = state.push('front_matter', '', 0);
    token.hidden = true;
    token.meta = state.src.slice(state.bMarks[1], state.eMarks[line - 1]);
    token.map = [startLine, line + 1];
    state.line = line + 1;
    return true;
  });
  return md;
}
const render = (text: string, current?: string, md = previewEngine()) => md.render(text, current === undefined ? {} : { currentDocument: { toString: () => `${ROOT}/${current}` } });
const FROM = 'sops/inspection/sop-ins-001.md';

describe('Markdown preview: [[ID]] references', () => {
  it('uses the engine\'s reference syntax, character for character', () => {
    assert.equal(PREVIEW_WIKI_REFERENCE_PATTERN.source, WIKI_REFERENCE_PATTERN.source);
  });

  it('[[ID]] is a link to the document, relative to the previewed one, titled with its title', () => {
    assert.equal(
      render('See [[SOP-WLD-004]].', FROM),
      '<p>See <a class="densho-ref" href="../welding/sop-wld-004.md" data-href="../welding/sop-wld-004.md" title="SOP-WLD-004 — Welding &lt;MAG&gt; &amp; &quot;gas&quot;">SOP-WLD-004</a>.</p>\n',
    );
  });

  it('[[ID#heading]] links to the heading, [[ID|alias]] shows the alias, [[ID#heading|alias]] both', () => {
    assert.match(render('[[SOP-WLD-004#safety-gear]]', FROM), /href="\.\.\/welding\/sop-wld-004\.md#safety-gear"[^>]*>SOP-WLD-004#safety-gear<\/a>/);
    assert.match(render('[[FRM-INS-001|the form]]', FROM), /href="frm-ins-001\.md"[^>]*>the form<\/a>/);
    assert.match(render('[[SOP-WLD-004#手順|<b>steps</b>]]', FROM), /href="\.\.\/welding\/sop-wld-004\.md#%E6%89%8B%E9%A0%86"[^>]*>&lt;b&gt;steps&lt;\/b&gt;<\/a>/);
  });

  it('an unknown id is marked, with a title that says so, and is no link', () => {
    const html = render('Use [[SOP-XXX-999]] and [[FRM-INS-001]].', FROM);
    assert.match(html, /<span class="densho-ref densho-unresolved" title="Densho: no document has the id SOP-XXX-999">\[\[SOP-XXX-999\]\]<\/span>/);
    assert.equal((html.match(/<a /g) ?? []).length, 1);
  });

  it('a Japanese document links to the Japanese variant, and to the source where there is none', () => {
    const html = render('[[SOP-WLD-004]] [[FRM-INS-001]]', 'sops/quality/pol-qms-001.ja.md');
    assert.match(html, /href="\.\.\/welding\/sop-wld-004\.ja\.md"[^>]*title="SOP-WLD-004 — MAG 溶接"/);
    assert.match(html, /href="\.\.\/inspection\/frm-ins-001\.md"/);
    assert.match(render('[[POL-QMS-001]]', FROM), /href="\.\.\/quality\/pol-qms-001\.md"/, 'an English one, the source');
  });

  it('leaves code, escaped brackets and links around brackets alone, as the engine does', () => {
    assert.equal(render('`[[SOP-WLD-004]]`', FROM), '<p><code>[[SOP-WLD-004]]</code></p>\n');
    assert.doesNotMatch(render('\\[[SOP-WLD-004]]', FROM), /densho-ref/);
    assert.match(render('[[SOP-WLD-004]](https://example.com)', FROM), /<a href="https:\/\/example\.com">\[SOP-WLD-004\]<\/a>/);
  });

  it('follows the index it is handed: an id that appears later resolves on the next render', () => {
    let entries: readonly DocumentIndexEntry[] = [];
    const md = previewEngine(() => entries);
    assert.match(render('[[FRM-INS-001]]', FROM, md), /densho-unresolved/);
    entries = ENTRIES;
    assert.match(render('[[FRM-INS-001]]', FROM, md), /href="frm-ins-001\.md"/);
  });
});

describe('Markdown preview: the front matter card', () => {
  const source = '---\nid: SOP-WLD-004\ntitle: x\n---\n\n# Welding\n';
  it('shows title, id, version, status, owner, experts, layer and next review, escaped', () => {
    const html = render(source, 'sops/welding/sop-wld-004.md');
    assert.equal(
      html.split('\n')[0],
      '<div class="densho-card" lang="en"><div class="densho-card-title">Welding &lt;MAG&gt; &amp; &quot;gas&quot;</div><dl>' +
        '<dt>id</dt><dd>SOP-WLD-004</dd><dt>version</dt><dd>3</dd><dt>status</dt><dd>approved</dd><dt>owner</dt><dd>k.tanaka</dd>' +
        '<dt>expert</dt><dd>h.sato, y.ito</dd><dt>layer</dt><dd>internal</dd><dt>next review</dt><dd>2027-06-01</dd></dl></div>',
    );
    assert.match(html, /<h1>Welding<\/h1>/);
    assert.doesNotMatch(html, /title: x/, 'the YAML itself stays hidden');
  });

  it('a Japanese document gets its own card, fields it lacks left out', () => {
    const html = render(source, 'sops/welding/sop-wld-004.ja.md');
    assert.match(html, /^<div class="densho-card" lang="ja"><div class="densho-card-title">MAG 溶接<\/div><dl><dt>id<\/dt><dd>SOP-WLD-004<\/dd><dt>version<\/dt><dd>3<\/dd><dt>status<\/dt><dd>approved<\/dd><dt>layer<\/dt><dd>internal<\/dd><\/dl><\/div>/);
  });

  it('a file Densho does not know, or a render without a document, keeps the front matter hidden as VS Code does', () => {
    assert.equal(render(source, 'notes/readme.md'), '\n<h1>Welding</h1>\n');
    assert.equal(render(source), '\n<h1>Welding</h1>\n');
  });

  it('matches the previewed file however its URI is encoded', () => {
    const md = previewEngine();
    const html = md.render(source, { currentDocument: { toString: () => `${ROOT}/sops/welding/sop%2Dwld%2D004.md` } });
    assert.match(html, /densho-card/);
  });
});

describe('Markdown preview: the manifest', () => {
  it('contributes the plugin and the style of its card, and the style file ships', () => {
    const root = join(__dirname, '..', '..');
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: Record<string, unknown>; files: string[] };
    assert.equal(manifest.contributes['markdown.markdownItPlugins'], true);
    assert.deepEqual(manifest.contributes['markdown.previewStyles'], ['./client/assets/preview.css']);
    assert.ok(existsSync(join(root, 'client/assets/preview.css')));
    assert.ok(manifest.files.includes('client/assets/'));
  });
});
