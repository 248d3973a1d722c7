/** Layer filtering and the export plan: what is withheld, and how links to it are rewritten byte-exactly. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveLayer, layerView, planExport, type ExportPlan } from '../../server/src/engine';
import { doc, PEOPLE, repository } from '../helpers';

const MASTER = doc({ id: 'MST-A-001', title: 'Secret parameters', access: 'master', 'access-list': '[h.sato]' }, '# Secret parameters\n\n## Values\n');

function text(plan: ExportPlan, path: string): string | undefined {
  return plan.files.find((file) => file.path === path)?.text;
}

describe('layer view', () => {
  it('counts a document without a readable access layer as the highest layer', async () => {
    const ws = await repository({ 'a.md': doc({ access: undefined }), 'b.md': doc({ id: 'SOP-B-001', access: 'secret' }), 'c.md': '# no front matter\n', 'd.md': doc({ id: 'SOP-D-001', access: 'public' }) });
    const view = layerView(ws, 2);
    assert.deepEqual(view.visible.map((d) => d.path), ['d.md']);
    assert.deepEqual(view.withheld.map((d) => d.path), ['a.md', 'b.md', 'c.md']);
    assert.equal(layerView(ws).visible.length, 4, 'without a limit every document is visible');
  });
  it('raises a translation to its source layer', async () => {
    const ws = await repository({
      'densho.yaml': 'languages: [en, ja]\n',
      'm.md': MASTER,
      'm.ja.md': doc({ id: 'MST-A-001', title: '秘密', access: 'public', lang: 'ja', 'translated-from-version': '1' }),
    });
    const translation = ws.index.document('m.ja.md')!;
    assert.equal(effectiveLayer(translation, ws.index, ws.config), 3);
    assert.deepEqual(layerView(ws, 2).visible, []);
  });
});

describe('export plan', () => {
  it('turns links to withheld documents into their text and [[ID]] into a neutral placeholder, touching nothing else', async () => {
    const body = [
      '# Procedure',
      '',
      'See [the master values](master.md#values) and ![diagram](master.md).',
      'By id: [[MST-A-001]], [[MST-A-001#values]], [[MST-A-001|the values sheet]].',
      'Nested: [see [[MST-A-001]] here](master.md) and [kept](other.md#procedure).',
      '',
      '[ref]: master.md "title"',
      'Trailing text with CRLF\r\nline.',
      '',
    ].join('\n');
    const ws = await repository({
      'people.yaml': PEOPLE,
      'master.md': MASTER,
      'other.md': doc({ id: 'SOP-O-001', title: 'Other' }, '# Procedure\n'),
      'sop.md': doc({ id: 'SOP-S-001', related: '[SOP-O-001, MST-A-001]' }, body),
    });
    const plan = planExport(ws, 2);
    assert.deepEqual(plan.files.map((file) => [file.path, file.kind]), [['other.md', 'document'], ['people.yaml', 'settings'], ['sop.md', 'document']]);
    assert.equal(text(plan, 'other.md'), undefined, 'an untouched document is copied byte for byte');
    const expected = ws.index.document('sop.md')!.parsed.text
      .replace('related: [SOP-O-001, MST-A-001]', 'related: [SOP-O-001]')
      .replace('[the master values](master.md#values)', 'the master values')
      .replace('![diagram](master.md)', 'diagram')
      .replace('[[MST-A-001]], [[MST-A-001#values]], [[MST-A-001|the values sheet]]', '(withheld document), (withheld document), the values sheet')
      .replace('[see [[MST-A-001]] here](master.md)', 'see (withheld document) here')
      .replace('[ref]: master.md "title"', '');
    assert.equal(text(plan, 'sop.md'), expected);
    assert.equal(plan.withheldDocuments, 1);
    assert.equal(plan.rewrittenLinks, 9, "7 links and references, the definition, the related entry");
  });
  it('withholds links in raw HTML and links whose title holds a parenthesis: the master file name is never copied', async () => {
    const body = '<a href="../m/mst.md">the values</a> and <img src="../m/mst.md"> and [t](../m/mst.md "close)").\n\n<p>\n<a href="../m/mst.md#values">v</a>\n</p>\n';
    const ws = await repository({
      'm/mst.md': MASTER,
      'p/sop.md': doc({ access: 'public' }, body),
    });
    const plan = planExport(ws, 0);
    assert.deepEqual(plan.files.map((file) => file.path), ['p/sop.md']);
    const exported = text(plan, 'p/sop.md')!;
    assert.doesNotMatch(exported, /mst/);
    assert.ok(exported.endsWith('---\nthe values</a> and (withheld document) and t.\n\n<p>\nv</a>\n</p>\n'), exported);
    assert.equal(plan.rewrittenLinks, 4);
  });
  it('removes withheld ids from block lists line by line and uses the Japanese placeholder in Japanese documents', async () => {
    const ws = await repository({
      'densho.yaml': 'languages: [en, ja]\n',
      'master.md': MASTER,
      'sop.md': `---\nid: SOP-S-001\ntitle: T\naccess: internal\nrelated:\n  - MST-A-001\n  - SOP-S-001 # self\nsupersedes:\n  - MST-A-001\n---\n# T\n`,
      'sop.ja.md': doc({ id: 'SOP-S-001', title: 'T', lang: 'ja', 'translated-from-version': '1' }, '# T\n\n[[MST-A-001]] を参照。\n'),
    });
    const plan = planExport(ws, 1);
    assert.equal(text(plan, 'sop.md'), `---\nid: SOP-S-001\ntitle: T\naccess: internal\nrelated:\n  - SOP-S-001 # self\nsupersedes:\n---\n# T\n`);
    assert.match(text(plan, 'sop.ja.md')!, /\n（非公開の文書） を参照。\n$/);
  });
  it('copies media that visible documents use, and neither media only withheld documents use nor unmanaged Markdown', async () => {
    const ws = await repository({
      'densho.yaml': 'docs: ["sops/**/*.md"]\n',
      'README.md': '# Internal notes about MST-A-001\n',
      'media/public.png': 'png',
      'media/listed.mp4': 'mp4',
      'media/secret.png': 'png',
      'sops/master.md': doc({ id: 'MST-A-001', access: 'master', 'access-list': '[h.sato]' }, '![s](../media/secret.png)\n'),
      'sops/sop.md': doc({ media: '[../media/listed.mp4, https://example.com/v.mp4]' }, '![p](../media/public.png) [readme](../README.md) [gone](missing.md)\n'),
    });
    const plan = planExport(ws, 2);
    assert.deepEqual(plan.files.map((file) => file.path), ['densho.yaml', 'media/listed.mp4', 'media/public.png', 'sops/sop.md']);
    assert.match(text(plan, 'sops/sop.md')!, /!\[p\]\(\.\.\/media\/public\.png\) readme \[gone\]\(missing\.md\)\n$/);
  });
  it('exports everything at the top layer, with no rewriting', async () => {
    const ws = await repository({ 'master.md': MASTER, 'sop.md': doc({}, '[[MST-A-001]]\n') });
    const plan = planExport(ws, 3);
    assert.equal(plan.withheldDocuments, 0);
    assert.ok(plan.files.every((file) => file.text === undefined));
  });
});
