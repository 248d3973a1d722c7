/**
 * Every rule of SPEC.md: a case where it fires (file, line, column,
 * severity) and the closest case where it must stay silent.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderMessage, RULE_IDS, type MemoryCommit } from '../../server/src/engine';
import { diagnosticsOf, doc, findings, PEOPLE, repository, ruleObservations, text, withHistory } from '../helpers';

const CONFIG = `languages: [en, ja]\nrequired-translations: []\n`;

describe('config/invalid', () => {
  it('reports a bad densho.yaml value at its key and keeps checking with the default', async () => {
    const ws = await repository({ 'densho.yaml': 'review:\n  interval: soon\nlayers: [public, master]\n', 'a.md': doc({ access: 'master', 'access-list': '[k.tanaka]' }) });
    assert.deepEqual(findings(ws, 'config/invalid'), ['densho.yaml:2:13 error config/invalid']);
    assert.equal(ws.config.reviewInterval.unit, 'm', 'the default interval stays in force');
    assert.deepEqual(ws.config.layers, ['public', 'master'], 'the valid key still applies');
  });
  it('reports unknown settings with a suggestion, and bad people.yaml entries', async () => {
    const ws = await repository({ 'densho.yaml': 'langauges: [en]\n', 'people.yaml': 'a:\n  leaves: soon\n' });
    const messages = ws.checkRepository().filter((d) => d.rule === 'config/invalid').map((d) => `${d.file}:${d.range.start.line + 1} ${text(d.message)}`);
    assert.deepEqual(messages, ['densho.yaml:1 Unknown setting "langauges". Did you mean "languages"?', 'people.yaml:2 "leaves" of "a" must be a date YYYY-MM-DD.']);
  });
  it('reports an invalid rules: override and an invalid id-pattern', async () => {
    const ws = await repository({ 'densho.yaml': 'rules:\n  review/overdu: off\n  link/file: loud\nid-pattern: "(["\n' });
    assert.deepEqual(findings(ws, 'config/invalid'), ['densho.yaml:2:3 error config/invalid', 'densho.yaml:3:14 error config/invalid', 'densho.yaml:4:13 error config/invalid']);
  });
  it('reports a history: that is not true or false', async () => {
    const ws = await repository({ 'densho.yaml': 'history: sometimes\n' });
    assert.deepEqual(findings(ws, 'config/invalid'), ['densho.yaml:1:10 error config/invalid']);
    assert.equal(ws.config.history, true, 'the default stays');
    assert.equal((await repository({ 'densho.yaml': 'history: false\n' })).config.history, false);
  });
  it('is silent for a valid configuration', async () => {
    const ws = await repository({ 'densho.yaml': 'docs: ["sops/**/*.md"]\nreview:\n  interval: 6m\n  warn-before: 2w\nrules:\n  review/*: off\n', 'people.yaml': PEOPLE });
    assert.deepEqual(findings(ws, 'config/invalid'), []);
  });
});

describe('frontmatter/*', () => {
  it('frontmatter/missing fires on a document without front matter, with a skeleton fix', async () => {
    const ws = await repository({ 'sop-x-001.md': '# Cutting oil\n\nText.\n' });
    assert.deepEqual(findings(ws, 'frontmatter/missing'), ['sop-x-001.md:1:1 error frontmatter/missing']);
    const fix = ws.checkDocument('sop-x-001.md')[0]!.fixes![0]!;
    const edit = fix.edits[0]!;
    assert.equal(edit.kind, 'text');
    assert.match(edit.kind === 'text' ? edit.newText : '', /^---\nid: SOP-X-001\ntitle: "Cutting oil"\n/);
  });
  it('frontmatter/missing: the skeleton names nobody and decides no layer or review: those stay empty, for a person', async () => {
    const ws = await repository({ 'sops/wi-cut-002.md': '# Cutting oil\n', 'sops/01-scope.md': 'Scope.\n' });
    const skeleton = (path: string) => {
      const edit = ws.checkDocument(path)[0]!.fixes![0]!.edits[0]!;
      return edit.kind === 'text' ? edit.newText : '';
    };
    assert.equal(skeleton('sops/wi-cut-002.md'), '---\nid: WI-CUT-002\ntitle: "Cutting oil"\ntype: work-instruction\naccess:\nowner:\nexpert:\nreviewed:\nversion: 1\n---\n\n');
    // A name that does not fit id-pattern gets the type's prefix; no heading, no title.
    assert.equal(skeleton('sops/01-scope.md'), '---\nid: SOP-01-SCOPE\ntitle:\ntype: sop\naccess:\nowner:\nexpert:\nreviewed:\nversion: 1\n---\n\n');
  });
  it('frontmatter/required offers no made-up owner: a placeholder would pass for a person', async () => {
    const ws = await repository({ 'a.md': doc({ owner: undefined }), 'b.md': doc({ id: 'SOP-B-001', owner: '' }) });
    const required = ws.checkAll().filter((d) => d.rule === 'frontmatter/required');
    assert.equal(required.length, 2);
    assert.deepEqual(required.map((d) => d.fixes ?? []), [[], []]);
  });
  it('frontmatter/missing is silent when the front matter exists, even empty', async () => {
    const ws = await repository({ 'a.md': doc() });
    assert.deepEqual(findings(ws, 'frontmatter/missing'), []);
  });
  it('frontmatter/yaml fires at the YAML error and for an unclosed block', async () => {
    const ws = await repository({ 'a.md': '---\nid: SOP-A-001\ntitle: "unclosed\n---\n# A\n', 'b.md': '---\nid: SOP-B-001\n# B\n' });
    const found = findings(ws, 'frontmatter/yaml');
    assert.ok(found.includes('a.md:4:1 error frontmatter/yaml'), found.join());
    assert.ok(found.includes('b.md:1:1 error frontmatter/yaml'), found.join());
    assert.deepEqual(findings(ws, 'frontmatter/missing'), [], 'an unclosed block is a YAML problem, not a missing one');
    assert.deepEqual(findings(ws, 'frontmatter/required'), [], 'fields of broken YAML are unknown, not missing');
  });
  it('frontmatter/yaml reports duplicate keys; valid YAML is silent', async () => {
    const ws = await repository({ 'a.md': doc({ title: 'One' }).replace('title: One', 'title: One\ntitle: Two'), 'b.md': doc({ id: 'SOP-B-001' }) });
    assert.deepEqual(findings(ws, 'frontmatter/yaml').map((f) => f.split(':')[0]), ['a.md']);
  });
  it('frontmatter/required names each missing field at the opening fence', async () => {
    const ws = await repository({ 'a.md': doc({ owner: undefined, expert: undefined }) });
    const diagnostics = ws.checkDocument('a.md').filter((d) => d.rule === 'frontmatter/required');
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.severity]), [[0, 0, 'error'], [0, 0, 'error']]);
    assert.deepEqual(diagnostics.map((d) => text(d.message).match(/"([a-z-]+)"/)![1]).sort(), ['expert', 'owner']);
  });
  it('frontmatter/required: a form needs no expert, and an empty value counts as missing', async () => {
    const ws = await repository({ 'form.md': doc({ type: 'form', expert: undefined }), 'b.md': doc({ id: 'SOP-B-001', owner: '' }) });
    assert.deepEqual(findings(ws, 'frontmatter/required'), ['b.md:5:1 error frontmatter/required']);
  });
  it('frontmatter/required asks a translation for translated-from-version', async () => {
    const files = { 'densho.yaml': CONFIG, 'a.md': doc({ version: '2' }), 'a.ja.md': doc({ lang: 'ja' }) };
    assert.deepEqual(findings(await repository(files), 'frontmatter/required'), ['a.ja.md:1:1 error frontmatter/required']);
    const complete = { ...files, 'a.ja.md': doc({ lang: 'ja', 'translated-from-version': '2' }) };
    assert.deepEqual(findings(await repository(complete), 'frontmatter/required'), []);
  });
  it('frontmatter/unknown-field suggests the closest field and offers the rename', async () => {
    const ws = await repository({ 'a.md': doc({ reviewed: undefined, reviwed: '2026-06-01' }) });
    const diagnostic = diagnosticsOf(ws, 'frontmatter/unknown-field')[0]!;
    assert.equal(diagnostic.severity, 'warning');
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [6, 0]);
    assert.match(text(diagnostic.message), /Did you mean "reviewed"\?/);
    assert.equal(text(diagnostic.fixes![0]!.title), 'Rename to "reviewed"');
  });
  it('frontmatter/unknown-field is silent for the keys of configured standards', async () => {
    const ws = await repository({ 'a.md': doc({ iso9001: '[8.5.1]', related: '[]', media: '[video.mp4]' }) });
    assert.deepEqual(findings(ws, 'frontmatter/unknown-field'), []);
  });
  it('frontmatter/invalid: wrong date, enum with a typo, integer, list', async () => {
    const ws = await repository({ 'a.md': doc({ reviewed: '2026/3/1', status: 'aproved', version: '-1', related: 'SOP-B-001' }) });
    const diagnostics = diagnosticsOf(ws, 'frontmatter/invalid');
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line + 1, d.fixes?.[0]?.edits[0]?.kind === 'text' ? (d.fixes[0].edits[0] as { newText: string }).newText : null]),
      [[7, '2026-03-01'], [8, 'approved'], [9, null], [10, '[SOP-B-001]']],
    );
  });
  it('frontmatter/invalid is silent for valid forms, including a single expert and a list of experts', async () => {
    const ws = await repository({ 'a.md': doc({ expert: '[h.sato, m.ito]', version: '3', 'review-interval': '90d', type: 'work-instruction' }), 'b.md': doc({ id: 'SOP-B-001', expert: 'h.sato' }) });
    assert.deepEqual(findings(ws, 'frontmatter/invalid'), []);
  });
});

describe('id/*', () => {
  it('id/duplicate fires on both documents sharing id and lang, pointing at each other', async () => {
    const ws = await repository({ 'a.md': doc(), 'b.md': doc() });
    assert.deepEqual(findings(ws, 'id/duplicate'), ['a.md:2:5 error id/duplicate', 'b.md:2:5 error id/duplicate']);
    assert.equal(ws.checkDocument('a.md').find((d) => d.rule === 'id/duplicate')!.related![0]!.file, 'b.md');
  });
  it('id/duplicate is silent for the same id in another language', async () => {
    const ws = await repository({ 'densho.yaml': CONFIG, 'a.md': doc({ version: '1' }), 'a.ja.md': doc({ lang: 'ja', 'translated-from-version': '1' }) });
    assert.deepEqual(findings(ws, 'id/duplicate'), []);
  });
  it('id/pattern fires for an id off the pattern, and follows a configured pattern', async () => {
    const ws = await repository({ 'a.md': doc({ id: 'sop_a_1' }) });
    assert.deepEqual(findings(ws, 'id/pattern'), ['a.md:2:5 warning id/pattern']);
    const custom = await repository({ 'densho.yaml': 'id-pattern: "^[a-z_0-9]+$"\n', 'a.md': doc({ id: 'sop_a_1' }) });
    assert.deepEqual(findings(custom, 'id/pattern'), []);
  });
});

describe('people/*', () => {
  it('people/unknown fires for an owner, expert or approver missing from people.yaml', async () => {
    const ws = await repository({ 'people.yaml': PEOPLE, 'a.md': doc({ owner: 'nobody', expert: '[h.sato, ghost]', 'approved-by': 'k.tanaka' }) });
    assert.deepEqual(findings(ws, 'people/unknown'), ['a.md:5:8 warning people/unknown', 'a.md:6:18 warning people/unknown']);
  });
  it('people/unknown is silent without a people registry', async () => {
    const ws = await repository({ 'a.md': doc({ owner: 'nobody' }) });
    assert.deepEqual(findings(ws, 'people/unknown'), []);
  });
  it('people/inactive fires for an inactive owner, not for an inactive expert', async () => {
    const ws = await repository({ 'people.yaml': PEOPLE, 'a.md': doc({ owner: 'r.old' }), 'b.md': doc({ id: 'SOP-B-001', expert: 'r.old' }) });
    assert.deepEqual(findings(ws, 'people/inactive'), ['a.md:5:8 warning people/inactive']);
  });
  it('people/leaving fires within people-warn-before and after the date, not before the window', async () => {
    const people = PEOPLE + 'gone:\n  leaves: 2026-01-31\nlater:\n  leaves: 2028-01-01\n';
    const ws = await repository({ 'people.yaml': people, 'a.md': doc({ expert: '[h.sato, gone, later]' }) });
    assert.deepEqual(findings(ws, 'people/leaving'), ['a.md:6:10 warning people/leaving', 'a.md:6:18 warning people/leaving']);
    const messages = ws.checkDocument('a.md').filter((d) => d.rule === 'people/leaving').map((d) => text(d.message));
    assert.match(messages[0]!, /leaves on 2027-03-31/);
    assert.match(messages[1]!, /left on 2026-01-31/);
  });
  it('people/leaving is silent for an expert who leaves the day after the window closes', async () => {
    const ws = await repository({ 'people.yaml': PEOPLE + 'later:\n  leaves: 2027-05-25\n', 'a.md': doc({ expert: 'later' }) });
    assert.deepEqual(findings(ws, 'people/leaving'), []);
  });
});

describe('link/*', () => {
  const target = doc({ id: 'SOP-T-001' }, '# Target\n\n## 手順\n\n## Steps\n\n## Steps\n');
  it('link/file fires for a missing file and offers the file of the same name elsewhere', async () => {
    const ws = await repository({ 'sops/a.md': doc({}, 'See [t](t.md).\n'), 'sops/welding/t.md': target });
    assert.deepEqual(findings(ws, 'link/file'), ['sops/a.md:9:9 error link/file']);
    const fix = ws.checkDocument('sops/a.md')[0]!.fixes![0]!;
    assert.deepEqual(fix.edits[0], { kind: 'text', file: 'sops/a.md', range: { start: { line: 8, character: 8 }, end: { line: 8, character: 12 } }, newText: 'welding/t.md' });
  });
  it('link/file is silent for existing files, images, directories and external links', async () => {
    const ws = await repository({
      'a.md': doc({}, 'See [t](sops/t.md), ![p](media/p.png), [d](sops/), [w](https://example.com/x.md), [m](mailto:a@b.c).\n'),
      'sops/t.md': target,
      'media/p.png': 'PNG',
    });
    assert.deepEqual(findings(ws, 'link/file'), []);
  });
  it('link/heading checks fragments against GitHub slugs, Unicode and duplicates included', async () => {
    const body = 'Links: [a](t.md#手順) [b](t.md#%E6%89%8B%E9%A0%86) [c](t.md#steps-1) [d](t.md#Steps) [e](#local) [f](t.md#stepz) [g](#nowhere)\n\n## Local\n';
    const ws = await repository({ 'a.md': doc({}, body), 't.md': target });
    assert.deepEqual(findings(ws, 'link/heading'), ['a.md:9:105 error link/heading', 'a.md:9:117 error link/heading']);
    const stepz = ws.checkDocument('a.md').find((d) => d.rule === 'link/heading')!;
    assert.match(text(stepz.message), /Did you mean #steps\?/);
  });
  it('link/heading also accepts explicit HTML anchors', async () => {
    const ws = await repository({ 'a.md': doc({}, '[x](#custom)\n\n<a id="custom"></a>\n') });
    assert.deepEqual(findings(ws, 'link/heading'), []);
  });
  it('link/id fires for an unknown [[ID]] and an unknown related id; known ones are silent', async () => {
    const ws = await repository({ 'a.md': doc({ related: '[SOP-T-001, SOP-NONE-1]' }, 'See [[SOP-T-001#steps]] and [[SOP-GONE-9]].\n'), 't.md': target });
    assert.deepEqual(findings(ws, 'link/id'), ['a.md:8:22 error link/id', 'a.md:10:31 error link/id']);
  });
  it('link/id: [[ID#fragment]] checks the fragment too', async () => {
    const ws = await repository({ 'a.md': doc({}, '[[SOP-T-001#nope]]\n'), 't.md': target });
    assert.deepEqual(findings(ws, 'link/heading'), ['a.md:9:13 error link/heading']);
  });
  it('link/outside-repo fires for a link leaving the root, and the target is never read', async () => {
    const read: string[] = [];
    const { MemoryFileSystem, loadWorkspace, parseDay } = await import('../../server/src/engine');
    const fs = new MemoryFileSystem({ 'sops/a.md': doc({}, '[x](../../secret.md) [y](/sops/a.md)\n') });
    const original = fs.readFile.bind(fs);
    fs.readFile = async (path: string) => (read.push(path), original(path));
    const ws = await loadWorkspace(fs, { today: parseDay('2026-11-25') });
    assert.deepEqual(findings(ws, 'link/outside-repo'), ['sops/a.md:9:5 error link/outside-repo']);
    assert.ok(!read.some((path) => path.includes('secret')), read.join());
  });
  it('link/outside-repo is silent for a link that climbs and comes back inside the root', async () => {
    const ws = await repository({ 'sops/a.md': doc({}, '[x](../sops/b.md) [y](/sops/b.md)\n'), 'sops/b.md': doc({ id: 'SOP-B-001' }) });
    assert.deepEqual(findings(ws, 'link/outside-repo'), []);
  });
  it('link/obsolete fires for links to obsolete documents but not for supersedes', async () => {
    const ws = await repository({
      'a.md': doc({ supersedes: '[SOP-OLD-001]' }, 'See [old](old.md) and [[SOP-OLD-001]].\n'),
      'old.md': doc({ id: 'SOP-OLD-001', status: 'obsolete' }),
    });
    assert.deepEqual(findings(ws, 'link/obsolete'), ['a.md:10:11 warning link/obsolete', 'a.md:10:25 warning link/obsolete']);
    assert.match(text(ws.checkDocument('a.md').find((d) => d.rule === 'link/obsolete')!.message), /superseded by SOP-A-001/);
  });
  it('ignores links inside code spans and code blocks, and handles reference-style links', async () => {
    const body = '`[x](missing1.md)` and\n\n```\n[y](missing2.md) [[SOP-NOPE-1]]\n```\n\n[ref][r]\n\n[r]: missing3.md\n';
    const ws = await repository({ 'a.md': doc({}, body) });
    assert.deepEqual(findings(ws, 'link/file'), ['a.md:17:6 error link/file']);
    assert.deepEqual(findings(ws, 'link/id'), []);
  });
  it('handles CRLF line endings and a byte-order mark', async () => {
    const text = '\ufeff' + doc({}, 'Line\n[x](missing.md)\n').replace(/\n/g, '\r\n');
    const ws = await repository({ 'a.md': text });
    assert.deepEqual(findings(ws, 'link/file'), ['a.md:10:5 error link/file']);
    assert.deepEqual(findings(ws, 'frontmatter/missing'), []);
  });
});

describe('access/*', () => {
  it('access/leak fires when a lower layer links into a higher one', async () => {
    const ws = await repository({
      'a.md': doc({ access: 'internal', related: '[MST-A-001]' }, 'See [m](m.md) and [[MST-A-001]].\n'),
      'm.md': doc({ id: 'MST-A-001', type: 'master', access: 'master', 'access-list': '[k.tanaka]' }),
    });
    assert.deepEqual(findings(ws, 'access/leak'), ['a.md:8:11 warning access/leak', 'a.md:10:9 warning access/leak', 'a.md:10:21 warning access/leak']);
  });
  it('access/leak fires for a file a higher document uses too, and for related/supersedes as a single value or a map', async () => {
    const ws = await repository({
      'media/shared.jpg': 'jpg',
      'a.md': doc({ access: 'public', related: 'MST-A-001', supersedes: '{MST-A-001: old}' }, '![jig](media/shared.jpg)\n'),
      'm.md': doc({ id: 'MST-A-001', type: 'master', access: 'master', 'access-list': '[k.tanaka]', media: '[media/shared.jpg]' }),
    });
    assert.deepEqual(findings(ws, 'access/leak'), ['a.md:8:10 warning access/leak', 'a.md:9:14 warning access/leak', 'a.md:11:8 warning access/leak']);
  });
  it('access/leak is silent for the highest-layer document using a shared file, and for related naming a lower layer', async () => {
    const ws = await repository({
      'media/shared.jpg': 'jpg',
      'a.md': doc({ access: 'internal', media: '[media/shared.jpg]', related: 'SOP-P-001' }, '![jig](media/shared.jpg)\n'),
      'p.md': doc({ id: 'SOP-P-001', access: 'public' }, '![jig](media/shared.jpg)\n'),
      'q.md': doc({ id: 'SOP-Q-001', access: 'public' }, '![jig](media/shared.jpg)\n'),
    });
    assert.deepEqual(findings(ws, 'access/leak'), ['p.md:9:8 warning access/leak', 'q.md:9:8 warning access/leak'], 'the internal document may use it; the public ones may not');
  });
  it('access/leak is silent for links to the same or a lower layer', async () => {
    const ws = await repository({ 'a.md': doc({ access: 'restricted' }, '[p](p.md) [i](i.md)\n'), 'p.md': doc({ id: 'SOP-P-001', access: 'public' }), 'i.md': doc({ id: 'SOP-I-001', access: 'restricted' }) });
    assert.deepEqual(findings(ws, 'access/leak'), []);
  });
  it('access/leak sees raw HTML href and src, and a link whose title holds a parenthesis', async () => {
    const ws = await repository({
      'p/a.md': doc({ access: 'public' }, '<a href="../m/mst.md">x</a> <img src=\'../m/mst.md\'>\n\n[t](../m/mst.md "close)")\n\n<div>\n<a href="../m/mst.md#s">y</a>\n</div>\n'),
      'm/mst.md': doc({ id: 'MST-A-001', type: 'master', access: 'master', 'access-list': '[k.tanaka]' }),
    });
    assert.deepEqual(findings(ws, 'access/leak'), ['p/a.md:9:10 warning access/leak', 'p/a.md:9:39 warning access/leak', 'p/a.md:11:5 warning access/leak', 'p/a.md:14:10 warning access/leak']);
  });
  it('access/leak is silent for HTML in code spans, code blocks and comments', async () => {
    const ws = await repository({
      'p/a.md': doc({ access: 'public' }, '`<a href="../m/mst.md">`\n\n<!-- <a href="../m/mst.md"> -->\n\n```html\n<img src="../m/mst.md">\n```\n'),
      'm/mst.md': doc({ id: 'MST-A-001', type: 'master', access: 'master', 'access-list': '[k.tanaka]' }),
    });
    assert.deepEqual(findings(ws, 'access/leak'), []);
  });
  it('access/list-missing fires for a highest-layer document without access-list, even an empty one', async () => {
    const ws = await repository({ 'a.md': doc({ access: 'master' }), 'b.md': doc({ id: 'SOP-B-001', access: 'master', 'access-list': '[]' }), 'c.md': doc({ id: 'SOP-C-001', access: 'master', 'access-list': '[k.tanaka]' }), 'd.md': doc({ id: 'SOP-D-001', access: 'restricted' }) });
    assert.deepEqual(findings(ws, 'access/list-missing'), ['a.md:4:9 error access/list-missing', 'b.md:4:9 error access/list-missing']);
  });
});

describe('review/*', () => {
  it('review/overdue fires once reviewed + interval has passed, with a "reviewed today" fix', async () => {
    const ws = await repository({ 'a.md': doc({ reviewed: '2025-11-24' }), 'b.md': doc({ id: 'SOP-B-001', reviewed: '2025-11-25' }) });
    assert.deepEqual(findings(ws, 'review/overdue'), ['a.md:7:11 warning review/overdue']);
    const fix = ws.checkDocument('a.md').find((d) => d.rule === 'review/overdue')!.fixes![0]!;
    assert.equal((fix.edits[0] as { newText: string }).newText, '2026-11-25');
  });
  it('review/overdue honours review-interval and skips drafts and obsolete documents', async () => {
    const ws = await repository({ 'a.md': doc({ reviewed: '2026-06-01', 'review-interval': '90d' }), 'b.md': doc({ id: 'SOP-B-001', reviewed: '2020-01-01', status: 'draft' }), 'c.md': doc({ id: 'SOP-C-001', reviewed: '2020-01-01', status: 'obsolete' }) });
    assert.deepEqual(findings(ws, 'review/overdue'), ['a.md:7:11 warning review/overdue']);
  });
  it('review/due-soon fires within review.warn-before only', async () => {
    const ws = await repository({ 'a.md': doc({ reviewed: '2025-12-25' }), 'b.md': doc({ id: 'SOP-B-001', reviewed: '2025-12-26' }) });
    assert.deepEqual(findings(ws, 'review/due-soon'), ['a.md:7:11 info review/due-soon']);
  });
  it('review/future-date fires for a date after today, not for today', async () => {
    const ws = await repository({ 'a.md': doc({ reviewed: '2026-11-26' }), 'b.md': doc({ id: 'SOP-B-001', reviewed: '2026-11-25' }) });
    assert.deepEqual(findings(ws, 'review/future-date'), ['a.md:7:11 warning review/future-date']);
  });
});

describe('translation/*', () => {
  const config = 'languages: [en, ja]\nrequired-translations: [ja]\n';
  const source = doc({ version: '3' }, '# A\n\n## Steps\n\n1. one\n2. two\n');
  const translation = (fields: Record<string, string> = {}, body = '# A\n\n## 手順\n\n1. 一\n2. 二\n') => doc({ lang: 'ja', 'translated-from-version': '3', ...fields }, body);
  it('translation/missing fires on an approved source without its required language, offering to create it', async () => {
    const ws = await repository({ 'densho.yaml': config, 'sops/a.md': source });
    assert.deepEqual(findings(ws, 'translation/missing'), ['sops/a.md:2:5 warning translation/missing']);
    const edit = ws.checkDocument('sops/a.md').find((d) => d.rule === 'translation/missing')!.fixes![0]!.edits[0]!;
    assert.equal(edit.kind, 'create');
    assert.equal(edit.file, 'sops/a.ja.md');
    assert.match(edit.kind === 'create' ? edit.content : '', /lang: ja\ntranslated-from-version: 3\n/);
  });
  it('translation/missing stays while the translation is a draft, pointing at its status, with no fix to create it again', async () => {
    const ws = await repository({ 'densho.yaml': config, 'sops/a.md': source, 'sops/a.ja.md': translation({ status: 'draft' }) });
    assert.deepEqual(findings(ws, 'translation/missing'), ['sops/a.md:2:5 warning translation/missing']);
    const [missing] = ws.checkDocument('sops/a.md').filter((d) => d.rule === 'translation/missing');
    assert.match(text(missing!.message), /The ja translation of SOP-A-001 is "draft"/);
    assert.equal(missing!.fixes, undefined);
    assert.deepEqual(missing!.related?.map((related) => [related.file, related.range.start.line + 1, text(related.message)]), [['sops/a.ja.md', 10, '"status": "draft"']]);
    const approved = await repository({ 'densho.yaml': config, 'sops/a.md': source, 'sops/a.ja.md': translation({ status: 'approved' }) });
    assert.deepEqual(findings(approved, 'translation/missing'), []);
  });
  it('translation/missing is silent when the translation exists or the source is a draft', async () => {
    const ws = await repository({ 'densho.yaml': config, 'a.md': source, 'a.ja.md': translation(), 'b.md': doc({ id: 'SOP-B-001', status: 'draft' }) });
    assert.deepEqual(findings(ws, 'translation/missing'), []);
  });
  it('translation/outdated fires when translated-from-version is behind the source', async () => {
    const ws = await repository({ 'densho.yaml': config, 'a.md': source, 'a.ja.md': translation({ 'translated-from-version': '2' }) });
    assert.deepEqual(findings(ws, 'translation/outdated'), ['a.ja.md:9:26 warning translation/outdated']);
    assert.deepEqual(findings(await repository({ 'densho.yaml': config, 'a.md': source, 'a.ja.md': translation() }), 'translation/outdated'), []);
  });
  it('translation/outdated names the source sections changed since the translated revision, each as related information', async () => {
    const v2 = source.replace('version: 3', 'version: 4').replace('2. two', '2. two, then three');
    const history: MemoryCommit[] = [
      { subject: 'Add', date: '2026-01-10', files: { 'densho.yaml': config, 'a.md': source, 'a.ja.md': translation() } },
      { subject: 'v4', date: '2026-02-01', files: { 'a.md': v2 } },
    ];
    const ws = await withHistory(history, { 'densho.yaml': config, 'a.md': v2, 'a.ja.md': translation() });
    const outdated = ws.checkDocument('a.ja.md').find((d) => d.rule === 'translation/outdated')!;
    assert.match(text(outdated.message), /Changed since: Steps \(modified\)\.$/);
    assert.deepEqual(outdated.related?.map((related) => `${related.file}:${related.range.start.line + 1}`), ['a.md:8', 'a.md:12']);
  });
  it('translation/structure fires when headings or numbered steps differ', async () => {
    const ws = await repository({ 'densho.yaml': config, 'a.md': source, 'a.ja.md': translation({}, '# A\n\n## 手順\n\n1. 一\n') });
    assert.deepEqual(findings(ws, 'translation/structure'), ['a.ja.md:8:1 warning translation/structure']);
    assert.match(text(ws.checkDocument('a.ja.md').find((d) => d.rule === 'translation/structure')!.message), /1 numbered steps against 2/);
  });
  it('translation/access fires when a translation sits in a lower layer than its source', async () => {
    const ws = await repository({ 'densho.yaml': config, 'a.md': source.replace('access: internal', 'access: restricted'), 'a.ja.md': translation() });
    assert.deepEqual(findings(ws, 'translation/access'), ['a.ja.md:4:9 error translation/access']);
    const same = await repository({ 'densho.yaml': config, 'a.md': source, 'a.ja.md': translation() });
    assert.deepEqual(findings(same, 'translation/access'), []);
  });
  it('translation/access compares with the highest source sharing the id, not the first by path (a decoy)', async () => {
    const ws = await repository({ 'densho.yaml': config, '0-decoy.md': source, 'a.md': source.replace('access: internal', 'access: restricted'), 'a.ja.md': translation() });
    assert.deepEqual(findings(ws, 'translation/access'), ['a.ja.md:4:9 error translation/access']);
  });
});

describe('version/*', () => {
  const v1 = doc({ version: '1' }, '# A\n\n## Steps\n\n1. Clamp at 20 N·m.\n');
  const added = { subject: 'Add SOP-A-001', date: '2026-01-10', files: { 'a.md': v1 } };
  it('version/not-bumped fires when the working text changes an approved document and keeps its version, with a bump fix', async () => {
    const ws = await withHistory([added], { 'a.md': v1.replace('20 N·m', '25 N·m') });
    assert.deepEqual(findings(ws, 'version/not-bumped'), ['a.md:8:10 warning version/not-bumped']);
    const fix = ws.checkDocument('a.md').find((d) => d.rule === 'version/not-bumped')!.fixes![0]!;
    assert.deepEqual(fix.edits, [{ kind: 'text', file: 'a.md', range: { start: { line: 7, character: 9 }, end: { line: 7, character: 10 } }, newText: '2' }]);
  });
  it('version/not-bumped fires on a change committed without a new version, naming the commit', async () => {
    const changed = v1.replace('20 N·m', '25 N·m');
    const ws = await withHistory([added, { subject: 'New torque', date: '2026-02-01', files: { 'a.md': changed } }], { 'a.md': changed });
    const diagnostic = ws.checkDocument('a.md').find((d) => d.rule === 'version/not-bumped');
    assert.match(text(diagnostic!.message), /2026-02-01, “New torque”/);
    const hostile = await withHistory([added, { subject: 'New\u001b[2J torque\u202e', date: '2026-02-01', files: { 'a.md': changed } }], { 'a.md': changed });
    assert.match(text(hostile.checkDocument('a.md').find((d) => d.rule === 'version/not-bumped')!.message), /“New\ufffd\[2J torque\ufffd”/, 'control characters of a subject never reach the message');
  });
  it('version/not-bumped is silent for control fields, trailing blanks, CRLF, a bumped version, a draft and editorial commits', async () => {
    const control = v1.replace('reviewed: 2026-06-01', 'reviewed: 2026-09-01\napproved-by: k.tanaka\napproved: 2026-09-01\nchange: minor');
    const endings = v1.replace(/\n/g, '\r\n').replace('# A', '# A   ');
    const bumped = v1.replace('20 N·m', '25 N·m').replace('version: 1', 'version: 2');
    const draft = v1.replace('20 N·m', '25 N·m').replace('version: 1', 'version: 1\nstatus: draft');
    const typo = v1.replace('Clamp', 'Clammp');
    const history: MemoryCommit[] = [
      { subject: 'Add', date: '2026-01-10', files: { 'a.md': v1, 'b.md': v1, 'c.md': v1, 'd.md': v1, 'e.md': typo } },
      { subject: 'editorial: typo', date: '2026-02-01', files: { 'e.md': v1 } },
    ];
    const ws = await withHistory(history, { 'a.md': control, 'b.md': endings, 'c.md': bumped, 'd.md': draft, 'e.md': v1 });
    assert.deepEqual(findings(ws, 'version/not-bumped'), []);
  });
  it('version/not-bumped is silent without history: a file never committed, or no Git at all', async () => {
    const changed = v1.replace('20 N·m', '25 N·m');
    const uncommitted = await withHistory([{ subject: 'Other', date: '2026-01-10', files: { 'b.md': v1 } }], { 'a.md': changed });
    assert.deepEqual(findings(uncommitted, 'version/not-bumped'), []);
    assert.deepEqual(findings(await repository({ 'a.md': changed }), 'version/not-bumped'), []);
  });
  it('version/decreased fires when version goes below a version the document had; not at the highest', async () => {
    const v2 = v1.replace('version: 1', 'version: 2');
    const ws = await withHistory([added, { subject: 'v2', date: '2026-02-01', files: { 'a.md': v2, 'b.md': v2 } }], { 'a.md': v1, 'b.md': v2 });
    assert.deepEqual(findings(ws, 'version/decreased'), ['a.md:8:10 error version/decreased']);
    assert.deepEqual(findings(ws, 'version/not-bumped'), [], 'a decreased version is one finding, not two');
  });
});

describe('approval/outdated', () => {
  const approvedOn = (day: string, version: string) => doc({ version, 'approved-by': 'k.tanaka', approved: day }, '# A\n\n1. Step.\n');
  it('fires when approved predates the commit of the current version', async () => {
    const history = [
      { subject: 'Add', date: '2026-01-10', files: { 'a.md': approvedOn('2026-01-09', '1') } },
      { subject: 'v2: new step', date: '2026-03-01', files: { 'a.md': approvedOn('2026-01-09', '2').replace('Step.', 'New step.') } },
    ];
    const ws = await withHistory(history, { 'a.md': approvedOn('2026-01-09', '2').replace('Step.', 'New step.') });
    assert.deepEqual(findings(ws, 'approval/outdated'), ['a.md:10:11 warning approval/outdated']);
  });
  it('is silent when approved on or after the revision date, and without history', async () => {
    const history = [{ subject: 'Add', date: '2026-03-01', files: { 'a.md': approvedOn('2026-03-01', '1'), 'b.md': approvedOn('2026-02-28', '1') } }];
    const ws = await withHistory(history, { 'a.md': approvedOn('2026-03-01', '1'), 'b.md': approvedOn('2026-03-02', '1') });
    assert.deepEqual(findings(ws, 'approval/outdated'), []);
    assert.deepEqual(findings(await repository({ 'b.md': approvedOn('2000-01-01', '1') }), 'approval/outdated'), []);
  });
});

describe('iso/*', () => {
  it('iso/unknown-clause fires for a clause the standard lacks; 7.10 is not 7.1', async () => {
    const ws = await repository({ 'a.md': doc({ iso9001: '[8.5.1, 8.5.7, 7.10]' }) });
    assert.deepEqual(findings(ws, 'iso/unknown-clause'), ['a.md:8:18 error iso/unknown-clause', 'a.md:8:25 error iso/unknown-clause']);
  });
  it('iso/unknown-clause is silent for every clause and subclause the standard has', async () => {
    const ws = await repository({ 'a.md': doc({ iso9001: '[4, 7.1, 7.1.6, 10.3]' }) });
    assert.deepEqual(findings(ws, 'iso/unknown-clause'), []);
  });
  it('iso/gap lists uncovered documented-information clauses on densho.yaml; approved coverage closes a gap', async () => {
    const ws = await repository({ 'densho.yaml': 'languages: [en]\n', 'a.md': doc({ iso9001: '[8.5.1]' }), 'b.md': doc({ id: 'SOP-B-001', iso9001: '[8.6]', status: 'draft' }) });
    const gaps = diagnosticsOf(ws, 'iso/gap');
    assert.equal(gaps.length, 24, 'all 25 documented clauses but 8.5.1');
    assert.ok(gaps.every((d) => d.file === 'densho.yaml' && d.severity === 'warning'));
    assert.ok(gaps.some((d) => text(d.message).includes(' 8.6 ')), 'a draft does not cover a clause');
    assert.ok(!gaps.some((d) => text(d.message).includes(' 8.5.1 ')));
  });
  it('iso/gap names the clause by the reader\'s title: ISO\'s in English, JIS Q 9001\'s in Japanese', async () => {
    const ws = await repository({ 'densho.yaml': 'languages: [en]\n', 'a.md': doc() });
    const gap = diagnosticsOf(ws, 'iso/gap').find((d) => text(d.message).includes(' 8.6 '))!;
    assert.equal(renderMessage(gap.message, 'en'), 'ISO 9001:2015 8.6 (Release of products and services) requires documented information, and no approved document covers it.');
    assert.equal(renderMessage(gap.message, 'ja'), 'ISO 9001:2015 8.6（製品及びサービスのリリース）は文書化した情報を要求していますが、これを扱う承認済みの文書がありません。');
  });
  it('iso/gap points at densho.yaml\'s `standards:` key, which asks for the clause', async () => {
    const ws = await repository({ 'densho.yaml': '# Densho\nlanguages: [en]\n\nstandards: [iso9001]\n', 'a.md': doc() });
    const gaps = diagnosticsOf(ws, 'iso/gap');
    assert.ok(gaps.length > 0);
    for (const gap of gaps) assert.deepEqual(gap.range, { start: { line: 3, character: 0 }, end: { line: 3, character: 9 } });
  });
  it('iso/gap is reported on the repository root without densho.yaml', async () => {
    const ws = await repository({ 'a.md': doc() });
    assert.ok(ws.checkRepository().some((d) => d.rule === 'iso/gap' && d.file === '.'));
  });
  it('a custom standard from a YAML file adds its own front matter key and gaps', async () => {
    const standard = 'id: iatf16949\ntitle: IATF 16949:2016\nclauses:\n  - number: "8.5.1.1"\n    title: Control plan\n    documented: true\n  - number: "8.5.6.1"\n    title: Change control\n    documented: true\n';
    const ws = await repository({ 'densho.yaml': 'standards: [iso9001, standards/iatf.yaml]\n', 'standards/iatf.yaml': standard, 'a.md': doc({ iatf16949: '[8.5.1.1, 9.9]' }) });
    assert.deepEqual(findings(ws, 'iso/unknown-clause'), ['a.md:8:22 error iso/unknown-clause']);
    assert.deepEqual(findings(ws, 'frontmatter/unknown-field'), []);
    const gaps = ws.checkRepository().filter((d) => d.rule === 'iso/gap' && text(d.message).startsWith('IATF'));
    assert.deepEqual(gaps.map((d) => text(d.message).split(' ')[2]), ['8.5.6.1']);
  });
});

describe('file/*', () => {
  it('file/too-large: max-document-size may lower the 5MB ceiling, never raise it', async () => {
    const ws = await repository({ 'densho.yaml': 'max-document-size: 1GB\n', 'big.md': doc({}, 'x'.repeat(6 * 1024 * 1024)) });
    assert.deepEqual(findings(ws, 'config/invalid'), ['densho.yaml:1:20 error config/invalid']);
    assert.deepEqual(findings(ws, 'file/too-large'), ['big.md:1:1 error file/too-large']);
  });
  it('file/too-large reports a document over max-document-size without parsing it', async () => {
    const ws = await repository({ 'densho.yaml': 'max-document-size: 1KB\n', 'big.md': doc({}, 'x'.repeat(2000) + '\n[x](missing.md)\n'), 'small.md': doc({ id: 'SOP-S-001' }) });
    assert.deepEqual(findings(ws, 'file/too-large'), ['big.md:1:1 error file/too-large']);
    assert.deepEqual(findings(ws).filter((f) => f.startsWith('big.md')), ['big.md:1:1 error file/too-large'], 'nothing else is reported for it');
  });
  it('file/binary reports NUL bytes and invalid UTF-8; Japanese UTF-8 text is fine', async () => {
    const { MemoryFileSystem, loadWorkspace, parseDay } = await import('../../server/src/engine');
    const fs = new MemoryFileSystem({ 'nul.md': 'PDF\u0000\u0001', 'latin1.md': new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0xe9, 0x0a]), 'ja.md': doc({ title: '溶接手順' }) });
    const ws = await loadWorkspace(fs, { today: parseDay('2026-11-25') });
    assert.deepEqual(findings(ws, 'file/binary'), ['latin1.md:1:1 error file/binary', 'nul.md:1:1 error file/binary']);
  });
  it('file/unreadable reports a document the file system cannot read, and a name that is not UTF-8; a missing file stays absent', async () => {
    const { MemoryFileSystem, UnreadableFileError, loadWorkspace, parseDay } = await import('../../server/src/engine');
    // Tests run as root, where chmod 000 does not stop reading: the port is faked to fail as it would for anyone else.
    const memory = new MemoryFileSystem({ 'locked.md': doc(), 'open.md': doc({ id: 'SOP-O-001' }), 'gone.md': doc({ id: 'SOP-G-001' }) });
    const fs = {
      readDirectory: async (path: string) => [...(await memory.readDirectory(path)), ...(path === '' ? [{ name: 'caf\ufffd.md', kind: 'file' as const, invalidName: true }] : [])],
      readFile: async (path: string, maxBytes?: number) => {
        if (path === 'locked.md') throw new UnreadableFileError(path, 'EACCES');
        if (path === 'gone.md') return undefined;
        return memory.readFile(path, maxBytes);
      },
    };
    const ws = await loadWorkspace(fs, { today: parseDay('2026-11-25') });
    assert.deepEqual(findings(ws, 'file/unreadable'), ['caf\ufffd.md:1:1 error file/unreadable', 'locked.md:1:1 error file/unreadable']);
    assert.match(text(ws.checkDocument('locked.md')[0]!.message), /no permission/);
    assert.match(text(ws.checkDocument('caf\ufffd.md')[0]!.message), /not valid UTF-8/);
    assert.deepEqual(findings(ws).filter((f) => f.startsWith('open.md') || f.startsWith('gone.md')), []);
  });
  it('file/too-deep reports absurd nesting instead of hanging or overflowing the stack', async () => {
    const ws = await repository({ 'quotes.md': doc({}, '>'.repeat(20000) + ' deep\n'), 'lists.md': doc({ id: 'SOP-L-001' }, Array.from({ length: 2000 }, (_, i) => ' '.repeat(i * 2) + '- item').join('\n')), 'normal.md': doc({ id: 'SOP-N-001' }, '> quote\n>> nested\n\n- a\n  - b\n    - c\n') });
    assert.deepEqual(findings(ws, 'file/too-deep'), ['lists.md:1:1 error file/too-deep', 'quotes.md:1:1 error file/too-deep']);
  });
});

describe('training/*', () => {
  const files = (training: string, fields: Record<string, string> = {}) => ({
    'people.yaml': PEOPLE,
    'training.yaml': training,
    'a.md': doc({ version: '3', ...fields }),
  });
  it('training/invalid fires at the unknown person, id, level and missing version, with suggestions', async () => {
    const training = 'm.itoo:\n  SOP-A-001: { level: independent, version: 3 }\nm.ito:\n  SOP-A-01: { level: independent, version: 3 }\n  SOP-A-001: { level: independant, version: 3 }\nk.tanaka:\n  SOP-A-001: { level: trainer }\nh.sato:\n  SOP-A-001: { level: trainer, version: 4 }\n';
    const ws = await repository(files(training));
    assert.deepEqual(findings(ws, 'training/invalid'), [
      'training.yaml:1:1 error training/invalid',
      'training.yaml:4:3 error training/invalid',
      'training.yaml:5:23 error training/invalid',
      'training.yaml:7:14 error training/invalid',
      'training.yaml:9:41 error training/invalid',
    ]);
    const messages = diagnosticsOf(ws, 'training/invalid').map((d) => text(d.message));
    assert.match(messages[0]!, /Did you mean "m.ito"\?/);
    assert.match(messages[1]!, /Did you mean "SOP-A-001"\?/);
    assert.match(messages[2]!, /Did you mean "independent"\?/);
    assert.match(messages[3]!, /needs the "version"/);
    assert.match(messages[4]!, /at version 3; there is no version 4/);
  });
  it('training/invalid is silent for valid records, also without a people registry', async () => {
    const ws = await repository({ 'training.yaml': 'anyone:\n  SOP-A-001: { level: learning, version: 1, date: 2026-01-10, trainer: anyone, note: OJT }\n', 'a.md': doc({ version: '3' }) });
    assert.deepEqual(findings(ws, 'training/invalid'), []);
  });
  it('training/outdated fires for a record older than a major version, at its version', async () => {
    const ws = await repository(files('m.ito:\n  SOP-A-001: { level: independent, version: 2 }\n'));
    assert.deepEqual(findings(ws, 'training/outdated'), ['training.yaml:2:45 warning training/outdated']);
    assert.match(text(diagnosticsOf(ws, 'training/outdated')[0]!.message), /trained on version 2 of SOP-A-001; version 3 changed how the work is done/);
  });
  it('training/outdated is silent when the only later version was a minor change, and for the current version', async () => {
    const ws = await repository(files('m.ito:\n  SOP-A-001: { level: independent, version: 2 }\nk.tanaka:\n  SOP-A-001: { level: trainer, version: 3 }\n', { change: 'minor' }));
    assert.deepEqual(findings(ws, 'training/outdated'), []);
  });
  it('training/outdated counts a version of unknown kind as major: without history only the current one is known', async () => {
    const ws = await repository(files('m.ito:\n  SOP-A-001: { level: independent, version: 1 }\n', { change: 'minor' }));
    assert.match(text(diagnosticsOf(ws, 'training/outdated')[0]!.message), /version 2 changed how the work is done/);
  });
  it('training/outdated reads each earlier version\'s kind from the history: a minor version 2 keeps a version-1 record current, a major one does not', async () => {
    const at = (version: number, change: string) => doc({ version: String(version), change }, `# A\n\nStep ${version}.\n`);
    const commits = (second: string) => [
      { subject: 'Add SOP-A-001', date: '2026-01-10', files: { 'a.md': at(1, 'major') } },
      { subject: 'Clearer wording', date: '2026-02-10', files: { 'a.md': at(2, second) } },
      { subject: 'Reworded again', date: '2026-03-10', files: { 'a.md': at(3, 'minor') } },
    ];
    const training = 'm.ito:\n  SOP-A-001: { level: independent, version: 1 }\n';
    const minor = await withHistory(commits('minor'), { 'people.yaml': PEOPLE, 'training.yaml': training, 'a.md': at(3, 'minor') });
    assert.deepEqual(findings(minor, 'training/outdated'), []);
    const major = await withHistory(commits('major'), { 'people.yaml': PEOPLE, 'training.yaml': training, 'a.md': at(3, 'minor') });
    assert.match(text(diagnosticsOf(major, 'training/outdated')[0]!.message), /version 2 changed how the work is done/);
  });
  it('training/trainer fires when the trainer is not at level trainer on that document', async () => {
    const training = 'm.ito:\n  SOP-A-001: { level: independent, version: 3 }\nh.sato:\n  SOP-A-001: { level: supervised, version: 3, trainer: m.ito }\n';
    const ws = await repository(files(training));
    assert.deepEqual(findings(ws, 'training/trainer'), ['training.yaml:4:56 warning training/trainer']);
  });
  it('training/trainer is silent for a trainer recorded at level trainer', async () => {
    const training = 'k.tanaka:\n  SOP-A-001: { level: trainer, version: 3 }\nh.sato:\n  SOP-A-001: { level: supervised, version: 3, trainer: k.tanaka }\n';
    assert.deepEqual(findings(await repository(files(training)), 'training/trainer'), []);
  });
});

describe('knowledge/*', () => {
  const repo = (training: string | undefined, fields: Record<string, string> = {}) =>
    repository({ 'people.yaml': PEOPLE + 'y.new:\n  name: Yui New\n', ...(training === undefined ? {} : { 'training.yaml': training }), 'a.md': doc({ version: '2', ...fields }) });
  it('knowledge/single-holder fires on the id, naming who is qualified and who leaves; leaving, inactive, outdated and supervised people do not count', async () => {
    const training = [
      'm.ito:\n  SOP-A-001: { level: independent, version: 2 }',
      'h.sato:\n  SOP-A-001: { level: trainer, version: 2 }',
      'r.old:\n  SOP-A-001: { level: trainer, version: 2 }',
      'k.tanaka:\n  SOP-A-001: { level: independent, version: 1 }',
      'y.new:\n  SOP-A-001: { level: supervised, version: 2 }',
    ].join('\n');
    const ws = await repository({ 'people.yaml': PEOPLE + 'y.new:\n  name: Yui New\n', 'training.yaml': `${training}\n`, 'a.md': doc({ version: '2' }) });
    assert.deepEqual(findings(ws, 'knowledge/single-holder'), ['a.md:2:5 warning knowledge/single-holder']);
    const message = text(diagnosticsOf(ws, 'knowledge/single-holder')[0]!.message);
    assert.match(message, /needs 2 people .* has 1: only m\.ito\. Qualified but leaving within 180d: h\.sato \(leaves 2027-03-31\)\./);
  });
  it('knowledge/single-holder is silent with min-qualified people, without training.yaml, and for drafts and forms', async () => {
    const two = 'm.ito:\n  SOP-A-001: { level: independent, version: 2 }\ny.new:\n  SOP-A-001: { level: trainer, version: 2 }\n';
    assert.deepEqual(findings(await repo(two), 'knowledge/single-holder'), []);
    assert.deepEqual(findings(await repo(undefined), 'knowledge/single-holder'), []);
    assert.deepEqual(findings(await repo('# Training records: none yet.\n'), 'knowledge/single-holder'), [], 'an empty skeleton is not in use yet');
    assert.deepEqual(findings(await repo('m.ito:\n  SOP-A-001: { level: learning, version: 2 }\n', { status: 'draft' }), 'knowledge/single-holder'), []);
    assert.deepEqual(findings(await repo('', { type: 'form' }), 'knowledge/single-holder'), []);
  });
  it('knowledge/single-holder follows min-qualified', async () => {
    const one = 'm.ito:\n  SOP-A-001: { level: independent, version: 2 }\n';
    const ws = await repository({ 'densho.yaml': 'min-qualified: 1\nstandards: []\n', 'training.yaml': one, 'a.md': doc({ version: '2' }) });
    assert.deepEqual(findings(ws, 'knowledge/single-holder'), []);
  });
});

describe('the Japanese keyboard: full-width characters where YAML and Markdown need ASCII', () => {
  const other = doc({ id: 'SOP-B-001', related: '[SOP-A-001]' }, '# B\n\nSee [[SOP-A-001]].\n');
  const sopA = (lines: readonly string[], body = '# 手順\n') => `---\n${lines.join('\n')}\n---\n${body}`;
  const fields = ['id: SOP-A-001', 'title: 安全手順', 'access: internal', 'owner: k.tanaka', 'expert: h.sato', 'reviewed: 2026-06-01'];
  const typed = (index: number, line: string) => fields.map((field, at) => (at === index ? line : field));

  it('frontmatter/full-width: a key typed with a full-width colon or space is reported at the slip, and still read as the field', async () => {
    const ws = await repository({
      'people.yaml': PEOPLE,
      'a.md': sopA(['id：SOP-A-001', 'title: 安全手順', 'access：internal', 'owner　: k.tanaka', 'expert:　h.sato', '　reviewed: 2026-06-01']),
      'b.md': other,
    });
    assert.deepEqual(findings(ws, 'frontmatter/full-width'), ['a.md:2:3 error frontmatter/full-width', 'a.md:4:7 error frontmatter/full-width', 'a.md:5:6 error frontmatter/full-width', 'a.md:6:8 error frontmatter/full-width', 'a.md:7:1 error frontmatter/full-width']);
    const [first] = diagnosticsOf(ws, 'frontmatter/full-width');
    assert.match(text(first!.message), /The key "id" is typed with a full-width colon "："/);
    assert.deepEqual(first!.fixes!.map((fix) => [(fix.edits[0] as { newText: string }).newText, fix.preferred, fix.safe]), [[': ', true, true]]);
    // Read as meant: no YAML error, no missing field, and the other document still finds SOP-A-001.
    assert.deepEqual(findings(ws).filter((line) => !/full-width|iso\/gap|people\/leaving/.test(line)), []);
  });

  it('frontmatter/full-width reports no more slips than the key ceiling reads, and still parses the block', async () => {
    const keys = Array.from({ length: 1500 }, (_, i) => `k${i}：v`);
    const ws = await repository({ 'people.yaml': PEOPLE, 'a.md': sopA([...fields, ...keys]) });
    assert.equal(diagnosticsOf(ws, 'frontmatter/full-width').length, 1000);
    assert.deepEqual(findings(ws, 'frontmatter/yaml'), [], 'the keys past the ceiling are put right for the parse too');
    assert.equal(ws.document('a.md')!.meta.id?.value, 'SOP-A-001');
  });

  it('frontmatter/full-width is silent for full-width characters inside a value', async () => {
    const ws = await repository({ 'people.yaml': PEOPLE, 'a.md': sopA(typed(1, 'title: 安全：手順　第２版')), 'b.md': other });
    assert.deepEqual(findings(ws, 'frontmatter/full-width'), []);
    assert.equal(ws.document('a.md')!.meta.title, '安全：手順　第２版');
  });

  it('frontmatter/full-width: full-width digits and 2026年3月1日 dates, with the half-width value as the fix', async () => {
    const ws = await repository({ 'people.yaml': PEOPLE, 'a.md': sopA([...typed(5, 'reviewed: ２０２６-０６-０１'), 'version: ３', 'approved: 2026年6月1日', 'approved-by: k.tanaka']) });
    const diagnostics = diagnosticsOf(ws, 'frontmatter/full-width');
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line + 1, text(d.message), (d.fixes![0]!.edits[0] as { newText: string }).newText]), [
      [7, '"reviewed" is typed with full-width digits ("２０２６-０６-０１"): front matter dates are half-width YYYY-MM-DD. Write 2026-06-01.', '2026-06-01'],
      [8, '"version" is typed with full-width digits ("３"): write 3.', '3'],
      [9, '"approved" is written as a Japanese date ("2026年6月1日"): front matter dates are half-width YYYY-MM-DD. Write 2026-06-01.', '2026-06-01'],
    ]);
    assert.deepEqual(findings(ws, 'frontmatter/invalid'), [], 'one finding per mistake, not a second as an invalid value');
  });

  it('frontmatter/full-width is silent for half-width dates and numbers', async () => {
    const ws = await repository({ 'people.yaml': PEOPLE, 'a.md': sopA([...fields, 'version: 3', 'approved: 2026-06-01', 'approved-by: k.tanaka']) });
    assert.deepEqual(findings(ws, 'frontmatter/full-width'), []);
  });

  it('heading/full-width: `＃ 手順` and `##　安全` are text to Markdown, and are reported at their marker', async () => {
    const ws = await repository({ 'people.yaml': PEOPLE, 'a.md': sopA(fields, '＃ 手順\n\n1. 準備\n\n##　安全\n\n> ＃＃ 引用\n') });
    assert.deepEqual(findings(ws, 'heading/full-width'), ['a.md:9:1 warning heading/full-width', 'a.md:13:3 warning heading/full-width', 'a.md:15:3 warning heading/full-width']);
    assert.deepEqual(diagnosticsOf(ws, 'heading/full-width').map((d) => (d.fixes![0]!.edits[0] as { newText: string }).newText), ['#', ' ', '##']);
  });

  it('heading/full-width is silent for real headings, a ＃ in running text, and code', async () => {
    const ws = await repository({ 'people.yaml': PEOPLE, 'a.md': sopA(fields, '# 手順\n\n＃タグ と 番号＃１\n\n```\n＃ コード\n```\n') });
    assert.deepEqual(findings(ws, 'heading/full-width'), []);
  });

  it('link/full-width: a fragment after a full-width ＃ is reported, and checked as the fragment it was meant to be', async () => {
    const target = doc({ id: 'SOP-B-001' }, '# 安全\n');
    const ws = await repository({ 'people.yaml': PEOPLE, 'a.md': sopA(fields, '# 手順\n\n[安全](b.md＃安全) と [なし](b.md＃なし)\n'), 'b.md': target });
    assert.deepEqual(findings(ws, 'link/full-width'), ['a.md:11:10 error link/full-width', 'a.md:11:26 error link/full-width']);
    assert.deepEqual(findings(ws, 'link/file'), [], 'the file part is b.md, which exists');
    assert.deepEqual(findings(ws, 'link/heading'), ['a.md:11:27 error link/heading']);
  });

  it('link/full-width is silent for a half-width #', async () => {
    const ws = await repository({ 'people.yaml': PEOPLE, 'a.md': sopA(fields, '# 手順\n\n[安全](b.md#安全)\n'), 'b.md': doc({ id: 'SOP-B-001' }, '# 安全\n') });
    assert.deepEqual(findings(ws, 'link/full-width'), []);
  });
});

describe('rules: overrides', () => {
  it('changes severity per rule and per family, and turns rules off', async () => {
    const files = { 'a.md': doc({ reviewed: '2020-01-01', id: 'bad_id' }) };
    const ws = await repository({ ...files, 'densho.yaml': 'rules:\n  review/overdue: error\n  id/*: off\n  iso/gap: off\n' });
    assert.deepEqual(findings(ws), ['a.md:7:11 error review/overdue']);
  });
});

describe('rule coverage', () => {
  // Runs after every other test of this file (node:test runs a file's tests in order).
  it('this file sees every rule id of SPEC.md fire, and stay silent, by name', () => {
    assert.deepEqual(RULE_IDS.filter((id) => !ruleObservations.fired.has(id)), [], 'rules never seen firing');
    assert.deepEqual(RULE_IDS.filter((id) => !ruleObservations.silent.has(id)), [], 'rules never seen silent');
  });
});
