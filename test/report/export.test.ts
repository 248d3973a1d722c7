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
    assert.equal(text(plan, 'sop.md'), `---\nid: SOP-S-001\ntitle: T\naccess: internal\nrelated:\n  - SOP-S-001\nsupersedes:\n---\n# T\n`, 'the comment goes too: a partner copy carries no comments');
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
  it('withholds a picture a higher document also uses, and rewrites the public reference to it, in the body and in media:', async () => {
    const ws = await repository({
      'media/shared.jpg': 'jpg',
      'media/own.jpg': 'jpg',
      'master.md': doc({ id: 'MST-A-001', access: 'master', 'access-list': '[h.sato]', media: '[media/shared.jpg]' }),
      'sop.md': doc({ access: 'public', media: '[media/shared.jpg, media/own.jpg]' }, '![the jig](media/shared.jpg) ![mine](media/own.jpg)\n'),
    });
    const plan = planExport(ws, 0);
    assert.deepEqual(plan.files.map((file) => file.path), ['media/own.jpg', 'sop.md']);
    assert.equal(plan.withheldFiles, 1);
    const exported = text(plan, 'sop.md')!;
    assert.ok(!exported.includes('shared.jpg'), exported);
    assert.match(exported, /media: \[media\/own\.jpg\]\n/);
    assert.match(exported, /the jig !\[mine\]\(media\/own\.jpg\)\n$/);
  });
  it('removes related and supersedes naming a withheld id in any YAML form: a single value, a map, a block map', async () => {
    const ws = await repository({
      'master.md': MASTER,
      'a.md': doc({ id: 'SOP-A-001', access: 'public', related: 'MST-A-001', supersedes: '{MST-A-001: replaced}' }),
      'b.md': `---\nid: SOP-B-001\ntitle: B\naccess: public\nrelated:\n  first: MST-A-001\n  second: SOP-A-001\nowner: k.tanaka\n---\n# B\n`,
    });
    const plan = planExport(ws, 0);
    assert.deepEqual(plan.refused, []);
    assert.ok(!text(plan, 'a.md')!.includes('MST-A-001'));
    assert.ok(!/related|supersedes/.test(text(plan, 'a.md')!), 'the whole field goes');
    assert.equal(text(plan, 'b.md'), `---\nid: SOP-B-001\ntitle: B\naccess: public\nowner: k.tanaka\n---\n# B\n`);
  });
  it('decides a translation\'s source by id and language alone: a public decoy sharing the master\'s id lets neither through', async () => {
    const ws = await repository({
      'densho.yaml': 'languages: [en, ja]\n',
      'a-decoy.md': doc({ id: 'MST-A-001', title: 'Decoy', access: 'public' }),
      'm.md': MASTER,
      'm.ja.md': doc({ id: 'MST-A-001', title: '秘密の値', access: 'public', lang: 'ja', 'translated-from-version': '1' }, '# 秘密の値\n'),
    });
    assert.equal(effectiveLayer(ws.index.document('m.ja.md')!, ws.index, ws.config), 3, 'the translation counts as its highest source');
    assert.equal(effectiveLayer(ws.index.document('a-decoy.md')!, ws.index, ws.config), 3, 'a duplicate id counts as the highest document sharing it');
    assert.deepEqual(planExport(ws, 0).files.map((file) => file.path), ['densho.yaml']);
  });
  it('gives the partner copy people.yaml with the named people\'s name and role only, and no comments anywhere', async () => {
    const ws = await repository({
      'densho.yaml': '# internal: our Osaka plant\nlanguages: [en] # secret plan\n',
      'people.yaml': PEOPLE,
      'training.yaml': 'h.sato: {}\n',
      'master.md': doc({ id: 'MST-A-001', access: 'master', owner: 'm.ito', expert: 'm.ito', 'access-list': '[m.ito]' }),
      'sop.md': '---\nid: SOP-S-001 # moved to Osaka\ntitle: T\naccess: public\nowner: k.tanaka\nexpert: h.sato\n# reviewer notes\nreviewed: 2026-06-01\n---\n# T\n\nKept <!-- hidden note --> text.\n\n<!--\nblock note\n-->\n\n```\n<!-- code stays -->\n```\n[t](training.yaml)\n',
    });
    const plan = planExport(ws, 0);
    assert.deepEqual(plan.files.map((file) => file.path), ['densho.yaml', 'people.yaml', 'sop.md']);
    assert.equal(text(plan, 'densho.yaml'), 'languages: [en]\n');
    assert.equal(text(plan, 'people.yaml'), 'k.tanaka:\n  name: Kenji Tanaka\n  role: Quality manager\nh.sato:\n  name: 佐藤 浩\n  role: Senior welder\n');
    assert.equal(text(plan, 'sop.md'), '---\nid: SOP-S-001\ntitle: T\naccess: public\nowner: k.tanaka\nexpert: h.sato\nreviewed: 2026-06-01\n---\n# T\n\nKept text.\n\n\n```\n<!-- code stays -->\n```\nt\n');
  });
  it('refuses a document whose reference cannot be rewritten exactly, and copies nothing of it', async () => {
    const ws = await repository({ 'master.md': MASTER, 'sop.md': doc({ access: 'public' }, 'See [the values](master.md).\n') });
    const parsed = ws.index.document('sop.md')!.parsed;
    // A construct the parser records without its extent (as a parser may for a new kind of link).
    ws.setParsedDocument({ ...parsed, links: parsed.links.map((link) => ({ ...link, nodeOffsets: undefined })) });
    const plan = planExport(ws, 0);
    assert.deepEqual(plan.files.map((file) => file.path), []);
    assert.deepEqual(plan.refused, [{ path: 'sop.md', reason: 'the reference to master.md cannot be rewritten exactly' }]);
  });
});

describe('comments left out of a partner copy', () => {
  it('removes YAML comments with their line or their blanks, keeping every other byte, whatever the line ends', async () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const front = ['id: SOP-S-001 # note', 'title: "T # not a comment"', '# whole line', 'access: public', 'owner: k.tanaka', 'notes: |', '  # kept: inside a block scalar', 'reviewed: 2026-06-01'];
      const ws = await repository({ 'sop.md': `---${eol}${front.join(eol)}${eol}---${eol}# T${eol}` });
      const expected = ['id: SOP-S-001', 'title: "T # not a comment"', 'access: public', 'owner: k.tanaka', 'notes: |', '  # kept: inside a block scalar', 'reviewed: 2026-06-01'];
      assert.equal(planExport(ws, 3).files.find((file) => file.path === 'sop.md')?.text, `---${eol}${expected.join(eol)}${eol}---${eol}# T${eol}`, JSON.stringify(eol));
    }
  });
});
