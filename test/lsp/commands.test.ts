/**
 * The editor's document commands, computed in the server (protocol.ts):
 * mark reviewed, translations, the new-document wizard, the coverage export
 * and the coverage matrix page. Each answers with data or a WorkspaceEdit
 * that the client only applies.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import {
  CheckDocumentIdRequest,
  ConfigurationRequest,
  CoverageExportRequest,
  CoverageMatrixRequest,
  CoverageRequest,
  KnowledgeRiskRequest,
  ReportsRequest,
  ReviewScheduleRequest,
  SkillsRequest,
  type FolderReports,
  CreateTranslationRequest,
  MarkReviewedRequest,
  NewDocumentOptionsRequest,
  NewDocumentRequest,
  TranslationsRequest,
  type CoverageMatrixPage,
  type CreateTranslationResult,
  type DocumentIdCheck,
  type EffectiveConfiguration,
  type MarkReviewedResult,
  type NewDocumentOptions,
  type NewDocumentResult,
  type TranslationsResult,
} from '../../server/src/protocol';
import { clientForSuite, tempRepository, TODAY } from './client';
import { B, FILES } from './fixtures';

const C = B.replace('SOP-B-001', 'SOP-B-007').replace('Linking procedure', 'Another procedure');

describe('document commands computed by the server', () => {
  const repo = tempRepository({ ...FILES, 'sops/b-7.md': C, 'densho.yaml': `${FILES['densho.yaml']}standards: [iso9001]\n` });
  const client = clientForSuite(repo, ['a.md', 'a.ja.md', 'b.md', 'sops/b-7.md']);

  it('densho/configuration: the layers, languages and training file in effect', async () => {
    const configuration = await client.request<EffectiveConfiguration>(ConfigurationRequest.method, {});
    assert.deepEqual(configuration.languages, ['en', 'ja']);
    assert.equal(configuration.sourceLanguage, 'en');
    assert.equal(configuration.training, 'training.yaml');
    assert.ok(configuration.layers.includes('internal'));
    assert.equal(configuration.levelSymbols['trainer'], '●');
  });

  it('densho/reports: the four reports of the views in one answer, the same as their own requests', async () => {
    const all = await client.request<FolderReports>(ReportsRequest.method, {});
    assert.deepEqual(all.coverage, await client.request(CoverageRequest.method, {}));
    assert.deepEqual(all.reviewSchedule, await client.request(ReviewScheduleRequest.method, {}));
    assert.deepEqual(all.knowledgeRisk, await client.request(KnowledgeRiskRequest.method, {}));
    assert.deepEqual(all.skills, await client.request(SkillsRequest.method, {}));
    assert.equal(all.coverage?.standard.id, 'iso9001');
  });

  it('densho/markReviewed: an edit of the reviewed value only, to the server\'s today; null once it is today', async () => {
    const result = await client.request<MarkReviewedResult>(MarkReviewedRequest.method, { uri: client.uri('b.md') });
    assert.equal(result.today, TODAY);
    const texts = await client.applyEdit(result.edit!);
    assert.equal(texts.get('b.md'), B.replace('reviewed: 2026-10-01', `reviewed: ${TODAY}`));
    await client.open('b.md', texts.get('b.md'));
    assert.equal((await client.request<MarkReviewedResult>(MarkReviewedRequest.method, { uri: client.uri('b.md') })).edit, null);
  });

  it('densho/markReviewed refuses a file that is not a document, with the reason', async () => {
    await assert.rejects(client.request(MarkReviewedRequest.method, { uri: client.uri('people.yaml') }), /not a Densho document/);
  });

  it('densho/translations: a source\'s translations and a translation\'s source, by id and lang', async () => {
    const ofSource = await client.request<TranslationsResult>(TranslationsRequest.method, { uri: client.uri('a.md') });
    assert.deepEqual({ ...ofSource, counterparts: [...ofSource.counterparts] }, { id: 'SOP-A-001', lang: 'en', isTranslation: false, sourceLanguage: 'en', targets: ['ja'], counterparts: [{ lang: 'ja', uri: client.uri('a.ja.md') }] });
    const ofTranslation = await client.request<TranslationsResult>(TranslationsRequest.method, { uri: client.uri('a.ja.md') });
    assert.deepEqual(ofTranslation.counterparts, [{ lang: 'en', uri: client.uri('a.md') }]);
    assert.deepEqual(ofTranslation.targets, []);
  });

  it('densho/createTranslation: creates the skeleton of a missing translation, opens an existing one, refuses a translation', async () => {
    const existing = await client.request<CreateTranslationResult>(CreateTranslationRequest.method, { uri: client.uri('a.md'), lang: 'ja' });
    assert.deepEqual(existing, { uri: client.uri('a.ja.md'), edit: null });
    const created = await client.request<CreateTranslationResult>(CreateTranslationRequest.method, { uri: client.uri('b.md'), lang: 'ja' });
    assert.equal(created.uri, client.uri('b.ja.md'));
    const text = (await client.applyEdit(created.edit as WorkspaceEdit)).get('b.ja.md')!;
    assert.match(text, /^---\nid: SOP-B-001\n[\s\S]*lang: ja\ntranslated-from-version: /);
    await assert.rejects(client.request(CreateTranslationRequest.method, { uri: client.uri('a.ja.md'), lang: 'en' }), /this is the ja translation/);
    await assert.rejects(client.request(CreateTranslationRequest.method, { uri: client.uri('a.md'), lang: 'fr' }), /translate into one of ja/);
  });

  it('densho/newDocumentOptions: the templates and the folders holding documents', async () => {
    const options = await client.request<NewDocumentOptions>(NewDocumentOptionsRequest.method, {});
    assert.ok(options.templates.some((template) => template.name === 'sop' && template.origin === 'built-in'), JSON.stringify(options.templates));
    assert.deepEqual(options.folders, ['', 'sops']);
    assert.deepEqual(options.languages, ['en', 'ja']);
  });

  it('densho/checkDocumentId: the pattern and uniqueness, and the next free id of the folder\'s series', async () => {
    const check = (id: string | undefined, directory: string) => client.request<DocumentIdCheck>(CheckDocumentIdRequest.method, { id, directory });
    assert.match((await check('SOP-A-001', '')).problem ?? '', /SOP-A-001 is taken by a\.md/);
    assert.match((await check('not an id', '')).problem ?? '', /must match/);
    assert.equal((await check('SOP-A-002', '')).problem, undefined);
    assert.equal((await check(undefined, 'sops')).proposal, 'SOP-B-008');
  });

  it('densho/newDocument: a file created from the template, never over an id or a file that exists', async () => {
    const params = { template: 'sop', id: 'SOP-N-001', title: 'New "quoted" procedure', lang: 'en', directory: 'sops/new' };
    const result = await client.request<NewDocumentResult>(NewDocumentRequest.method, params);
    assert.equal(result.uri, client.uri('sops/new/sop-n-001.md'));
    const created = result.edit.documentChanges?.[0];
    assert.ok(created && 'kind' in created && created.kind === 'create' && !created.options?.overwrite);
    const text = (await client.applyEdit(result.edit)).get('sops/new/sop-n-001.md')!;
    assert.match(text, /id: SOP-N-001/);
    assert.match(text, /title: "New \\"quoted\\" procedure"/);
    await assert.rejects(client.request(NewDocumentRequest.method, { ...params, id: 'SOP-A-001' }), /taken by a\.md/);
    const unknownLanguage = await client.request<NewDocumentResult>(NewDocumentRequest.method, { ...params, id: 'SOP-N-003', lang: 'fr' }).catch((error: Error) => error.message);
    assert.match(String(unknownLanguage), /the language must be one of en, ja/);
    assert.equal((await client.request<NewDocumentResult>(NewDocumentRequest.method, { ...params, id: 'SOP-B-007', lang: 'ja', directory: '' })).uri, client.uri('sop-b-007.ja.md'), 'the same id in another language is a translation, not a conflict');
    // SOP-N-001 now exists (once the server has seen the file): the other refusals are asked with a free id.
    const free = { ...params, id: 'SOP-N-002' };
    await assert.rejects(client.request(NewDocumentRequest.method, { ...free, directory: '../outside' }), /not inside the repository/);
    await assert.rejects(client.request(NewDocumentRequest.method, { ...free, template: 'nothing-like-it' }), /no template "nothing-like-it"/);
    repo.write('sops/new/sop-n-009.md', 'Someone else\'s file.\n');
    await assert.rejects(client.request(NewDocumentRequest.method, { ...free, id: 'SOP-N-009' }), /sops\/new\/sop-n-009\.md already exists; it was not overwritten/);
  });

  it('densho/newDocument with a clause (New document for clause X): the front matter maps the document to it; an unknown clause is refused', async () => {
    const params = { template: 'sop', id: 'SOP-G-001', title: 'Control of production', lang: 'en', directory: 'sops/gaps', clause: { standard: 'iso9001', number: '8.5.1' } };
    const result = await client.request<NewDocumentResult>(NewDocumentRequest.method, params);
    const text = (await client.applyEdit(result.edit)).get('sops/gaps/sop-g-001.md')!;
    assert.match(text, /^iso9001: \[8\.5\.1\] +# e\.g\./m, 'the template\'s empty list holds the clause, its comment kept');
    assert.equal(text.match(/^iso9001:/gm)?.length, 1);
    const japanese = await client.request<NewDocumentResult>(NewDocumentRequest.method, { ...params, id: 'SOP-G-002', lang: 'ja' });
    assert.match((await client.applyEdit(japanese.edit)).get('sops/gaps/sop-g-002.ja.md')!, /^iso9001: \[8\.5\.1\]/m, 'the Japanese template too');
    await assert.rejects(client.request(NewDocumentRequest.method, { ...params, id: 'SOP-G-003', clause: { standard: 'iso9001', number: '8.5.1]\nstatus: approved' } }), /iso9001 has no clause 8\.5\.1\]/);
    await assert.rejects(client.request(NewDocumentRequest.method, { ...params, id: 'SOP-G-003', clause: { standard: 'iso14001', number: '4.1' } }), /iso14001 has no clause 4\.1/);
    await assert.rejects(client.request(NewDocumentRequest.method, { ...params, id: 'SOP-G-003', clause: '8.5.1' }), /clause is \{ standard, number \}/);
  });

  it('densho/exportCoverage and densho/coverageMatrix: the CLI\'s renderings, with the layer filter', async () => {
    const csv = await client.request<{ standard: string; text: string }>(CoverageExportRequest.method, { format: 'csv' });
    assert.equal(csv.standard, 'iso9001');
    assert.match(csv.text, /^clause,/);
    assert.ok(csv.text.includes('SOP-A-001'));
    const markdown = await client.request<{ text: string }>(CoverageExportRequest.method, { format: 'markdown', maxLayer: 'public' });
    assert.ok(!markdown.text.includes('SOP-A-001'), 'an internal document is left out below its layer');
    const page = await client.request<CoverageMatrixPage>(CoverageMatrixRequest.method, { cspSource: 'vscode-webview:', layers: ['public'] });
    assert.match(page.title, /\(public\)$/);
    assert.match(page.html, /Content-Security-Policy/);
    assert.ok(page.html.includes('vscode-webview:'));
    assert.ok(!page.html.includes('SOP-A-001'));
    assert.ok((await client.request<CoverageMatrixPage>(CoverageMatrixRequest.method, { cspSource: 'x' })).html.includes('SOP-A-001'));
  });

  it('densho/coverageMatrix: each gap\'s row offers a new document for its clause, a covered row does not', async () => {
    const page = await client.request<CoverageMatrixPage>(CoverageMatrixRequest.method, { cspSource: 'x' });
    const row = (clause: string) => new RegExp(`<tr [^>]*data-clause="${clause.replace(/\./g, '\\.')}"[^>]*>[\\s\\S]*?</tr>`).exec(page.html)?.[0] ?? '';
    assert.match(row('4.3'), /<button type="button" class="new-document" data-clause="4\.3">New document for clause 4\.3<\/button>/);
    assert.doesNotMatch(row('8.5.1'), /new-document/, 'a covered clause needs no new document');
  });
});
