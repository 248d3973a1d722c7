/** Completion, hover, navigation, rename, symbols and document links over the protocol. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { CompletionList, DocumentLink, DocumentSymbol, Hover, Location, MarkupContent, SymbolInformation, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { applyTextEdits, clientForSuite, positionOf, tempRepository, TODAY } from './client';
import { A, A_JA, B, FILES } from './fixtures';
import type { DocumentIndexEntry } from '../../server/src/protocol';

describe('language features', () => {
  const repo = tempRepository(FILES);
  const client = clientForSuite(repo, ['a.md', 'a.ja.md', 'b.md']);

  /** Sets b.md's text to `text` and asks for completions where `|` (removed from the text) stood. */
  const opened = new Set<string>();
  async function completeAt(text: string, path = 'b.md'): Promise<CompletionList> {
    const position = positionOf(text, '|');
    const content = text.replace('|', '');
    if (!opened.has(path)) {
      opened.add(path);
      await client.open(path, content);
    } else await client.sendChange(path, content);
    return client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri(path) }, position });
  }
  const labels = (list: CompletionList) => list.items.map((item) => item.label);

  describe('completion', () => {
    it('offers the front matter keys not yet written, with a description', async () => {
      const list = await completeAt(B.replace('related:', 'sup|\nrelated:'));
      assert.ok(labels(list).includes('supersedes'));
      assert.ok(labels(list).includes('iso9001'));
      assert.ok(!labels(list).includes('owner'), 'owner is already there');
      const item = list.items.find((candidate) => candidate.label === 'supersedes')!;
      assert.ok(item.detail && item.detail.length > 0);
      assert.equal(item.textEdit && 'range' in item.textEdit ? item.textEdit.newText : undefined, 'supersedes: ');
    });

    it('offers layers for access', async () => {
      assert.deepEqual(labels(await completeAt(B.replace('access: internal', 'access: |'))), ['public', 'internal', 'restricted', 'master']);
    });

    it('offers people with name and role', async () => {
      const list = await completeAt(B.replace('owner: p.two', 'owner: p|'));
      const item = list.items.find((candidate) => candidate.label === 'p.two')!;
      assert.match(item.detail!, /Person Two — Inspector/);
      assert.deepEqual(labels(list).sort(), ['p.old', 'p.one', 'p.two']);
      assert.ok(list.items.find((candidate) => candidate.label === 'p.old')!.sortText! > item.sortText!, 'inactive people last');
    });

    it('offers clause numbers with their titles', async () => {
      const list = await completeAt(B.replace('related:', 'iso9001: [8.5.|]\nrelated:'));
      const item = list.items.find((candidate) => candidate.label === '8.5.1')!;
      assert.equal(item.detail, 'Control of production and service provision');
      assert.match((item.documentation as MarkupContent).value, /Requires documented information/);
    });

    it('offers types, statuses, languages and today for dates', async () => {
      assert.ok(labels(await completeAt(B.replace('related:', 'type: |\nrelated:'))).includes('work-instruction'));
      assert.deepEqual(labels(await completeAt(B.replace('related:', 'status: |\nrelated:'))), ['draft', 'approved', 'obsolete']);
      assert.deepEqual(labels(await completeAt(B.replace('related:', 'lang: |\nrelated:'))), ['en', 'ja']);
      assert.deepEqual(labels(await completeAt(B.replace('reviewed: 2026-10-01', 'reviewed: |'))), [TODAY]);
    });

    it('offers document ids in related lists and after [[', async () => {
      assert.deepEqual(labels(await completeAt(B.replace('related: [SOP-A-001]', 'related: [SOP-A-001, |]'))), ['SOP-A-001']);
      const list = await completeAt(B.replace('and [[SOP-A-001#safety]]', 'and [[SO|'));
      assert.deepEqual(labels(list), ['SOP-A-001']);
      assert.equal(list.items[0]!.detail, 'Source procedure');
    });

    it('offers file paths inside a link destination', async () => {
      const list = await completeAt(B.replace('(media/pic.png)', '(|)'));
      assert.ok(labels(list).includes('a.md'));
      assert.ok(labels(list).includes('a.ja.md'));
      assert.ok(labels(list).includes('media/pic.png'));
    });

    it('offers heading fragments of the linked file, of the current one, and of an [[ID]]', async () => {
      assert.deepEqual(labels(await completeAt(B.replace('(a.md#steps)', '(a.md#|)'))), ['source-procedure', 'steps', 'safety']);
      assert.deepEqual(labels(await completeAt(B.replace('(a.md#steps)', '(#|)'))), ['linking-procedure']);
      assert.deepEqual(labels(await completeAt(B.replace('[[SOP-A-001#safety]]', '[[SOP-A-001#|]]'))), ['source-procedure', 'steps', 'safety']);
    });

    it('replaces only the word being typed', async () => {
      const text = B.replace('owner: p.two', 'owner: p.t|wo');
      const list = await completeAt(text);
      const edit = list.items.find((item) => item.label === 'p.one')!.textEdit!;
      const applied = applyTextEdits(text.replace('|', ''), [edit as { range: never; newText: string }]);
      assert.match(applied, /\nowner: p\.one\n/);
    });
  });

  describe('hover, definition and references', () => {
    before(async () => {
      await client.sendChange('b.md', B);
    });

    const hoverAt = (path: string, text: string, needle: string, offset = 1) =>
      client.request<Hover | null>('textDocument/hover', { textDocument: { uri: client.uri(path) }, position: positionOf(text, needle, offset) });
    const value = (hover: Hover | null) => (hover?.contents as MarkupContent).value;

    it('describes a linked document: title, owner, layer, status and review state', async () => {
      const text = value(await hoverAt('b.md', B, 'a.md#steps'));
      for (const part of ['SOP-A-001', 'Source procedure', 'p.one', 'Person One', 'internal', 'approved', 'next due 2027-10-01', 'Section: ## Steps']) {
        assert.ok(text.includes(part), `hover shows ${part}: ${text}`);
      }
      assert.match(value(await hoverAt('b.md', B, '[[SOP-A-001]]', 3)), /Source procedure/);
    });

    it('describes a clause and a person', async () => {
      assert.match(value(await hoverAt('a.md', A, '8.5.1')), /8\.5\.1\*\* Control of production and service provision[\s\S]*Requires documented information/);
      const person = value(await hoverAt('a.md', A, 'expert: p.two', 9));
      assert.match(person, /Person Two/);
      assert.match(person, /Inspector/);
      assert.match(person, /Leaves on 2027-01-31/);
    });

    it('goes to the heading a link names, the document an id names, and the person a key names', async () => {
      const definition = (text: string, needle: string, offset: number) =>
        client.request<Location[]>('textDocument/definition', { textDocument: { uri: client.uri('b.md') }, position: positionOf(text, needle, offset) });
      const [link] = await definition(B, 'a.md#steps', 1);
      assert.equal(link!.uri, client.uri('a.md'));
      assert.equal(link!.range.start.line, positionOf(A, '## Steps').line);
      const [wiki] = await definition(B, '[[SOP-A-001#safety', 15);
      assert.equal(wiki!.range.start.line, positionOf(A, '## Safety').line);
      const [related] = await definition(B, 'related: [SOP-A-001', 12);
      assert.equal(related!.uri, client.uri('a.md'));
      const [person] = await definition(B, 'owner: p.two', 9);
      assert.equal(person!.uri, client.uri('people.yaml'));
      assert.equal(person!.range.start.line, 3);
    });

    it('lists the references of an id, across links, [[ID]] and related', async () => {
      const locations = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri: client.uri('a.md') },
        position: positionOf(A, 'SOP-A-001', 2),
        context: { includeDeclaration: true },
      });
      const where = locations.map((location) => `${location.uri.split('/').pop()}:${location.range.start.line}`);
      const bLines = [positionOf(B, 'related:').line, positionOf(B, 'See [').line];
      assert.deepEqual(where.sort(), ['a.ja.md:1', 'a.md:1', `b.md:${bLines[0]}`, `b.md:${bLines[1]}`, `b.md:${bLines[1]}`, `b.md:${bLines[1]}`].sort());
    });

    it('lists the links to a heading', async () => {
      const locations = await client.request<Location[]>('textDocument/references', {
        textDocument: { uri: client.uri('a.md') },
        position: positionOf(A, '## Safety', 4),
        context: { includeDeclaration: false },
      });
      assert.deepEqual(locations.map((location) => [location.uri, location.range.start]), [[client.uri('b.md'), positionOf(B, 'safety]]')]]);
    });
  });

  describe('rename', () => {
    it('renames an id in every file that has it and every reference', async () => {
      const position = positionOf(A, 'SOP-A-001', 1);
      const prepared = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: { uri: client.uri('a.md') }, position });
      assert.equal(prepared.placeholder, 'SOP-A-001');
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: client.uri('a.md') }, position, newName: 'SOP-A-100' });
      const texts = applyAll(edit);
      assert.equal(texts.get('a.md'), A.replace('SOP-A-001', 'SOP-A-100'));
      assert.equal(texts.get('a.ja.md'), FILES['a.ja.md']!.replace('SOP-A-001', 'SOP-A-100'));
      assert.equal(texts.get('b.md'), B.replaceAll('SOP-A-001', 'SOP-A-100'));
    });

    it('refuses an id that breaks the id pattern or is taken', async () => {
      const position = positionOf(A, 'SOP-A-001', 1);
      await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: client.uri('a.md') }, position, newName: 'lower-case' }), /id pattern/);
      await assert.rejects(client.request('textDocument/rename', { textDocument: { uri: client.uri('a.md') }, position, newName: 'SOP-B-001' }), /already/);
    });

    it("renames a heading with every link fragment that names it", async () => {
      const position = positionOf(A, '## Steps', 4);
      const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: client.uri('a.md') }, position, newName: 'Welding steps' });
      const texts = applyAll(edit);
      assert.equal(texts.get('a.md'), A.replace('## Steps', '## Welding steps'));
      assert.equal(texts.get('b.md'), B.replace('a.md#steps', 'a.md#welding-steps'));
      assert.equal(texts.size, 2);
    });

    it('refuses to rename plain prose', async () => {
      await assert.rejects(
        client.request('textDocument/prepareRename', { textDocument: { uri: client.uri('a.md') }, position: positionOf(A, 'Clean the joint', 2) }),
      );
    });

    function applyAll(edit: WorkspaceEdit): Map<string, string> {
      const texts = new Map<string, string>();
      for (const change of edit.documentChanges ?? []) {
        assert.ok('textDocument' in change);
        const path = change.textDocument.uri.slice(client.uri('').length + 1);
        texts.set(path, applyTextEdits(texts.get(path) ?? repo.read(path), change.edits as never));
      }
      return texts;
    }
  });

  describe('symbols and links', () => {
    it('outlines headings with their numbered steps', async () => {
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('a.md') } });
      const outline = (list: DocumentSymbol[]): unknown => list.map((symbol) => (symbol.children?.length ? { [symbol.name]: outline(symbol.children) } : symbol.name));
      assert.deepEqual(outline(symbols), [{ 'Source procedure': [{ Steps: ['1. Clean the joint.', '2. Tack the frame.'] }, 'Safety'] }]);
    });

    it('finds documents by id and title across the workspace', async () => {
      const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: 'sop-a' });
      assert.deepEqual(symbols.map((symbol) => [symbol.name, symbol.location.uri.split('/').pop()]).sort(), [
        ['SOP-A-001 — Source procedure', 'a.md'],
        ['SOP-A-001 — 元の手順', 'a.ja.md'],
      ]);
      assert.equal((await client.request<SymbolInformation[]>('workspace/symbol', { query: 'linking' })).length, 1);
    });

    it('links [[ID]] references and relative links to their targets', async () => {
      const links = await client.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: client.uri('b.md') } });
      const targets = links.map((link) => link.target!.slice(client.uri('').length + 1));
      const [steps, safety] = [positionOf(A, '## Steps').line + 1, positionOf(A, '## Safety').line + 1];
      assert.deepEqual(targets, [`a.md#L${steps}`, 'a.md', `a.md#L${safety}`, 'media/pic.png']);
    });
  });
});

describe('completion marks what not to pick', () => {
  const doc = (id: string, access: string, extra = '') => `---\nid: ${id}\ntitle: ${id} title\naccess: ${access}\nowner: p.here\nexpert: p.here\nreviewed: 2026-10-01\n${extra}---\n\n# ${id}\n`;
  const repo = tempRepository({
    'densho.yaml': 'docs: ["**/*.md"]\n',
    'people.yaml': 'p.here:\n  name: Still Here\np.gone:\n  name: Gone Away\n  leaves: 2026-01-31\np.old:\n  name: Old Timer\n  active: false\np.soon:\n  name: Leaving Soon\n  leaves: 2027-03-31\n',
    'sops/public.md': doc('SOP-P-001', 'public'),
    'sops/internal.md': doc('SOP-I-001', 'internal'),
    'sops/restricted.md': `${doc('SOP-A-001', 'restricted', 'access-list: [p.here]\n')}\n![The drawing](restricted.pdf)\n`,
    'sops/restricted.pdf': 'a file only the restricted document uses',
    'sops/other.md': doc('SOP-O-001', 'internal'),
  });
  const client = clientForSuite(repo, ['sops/public.md', 'sops/internal.md', 'sops/restricted.md', 'sops/other.md']);
  const STRUCK = 1; // CompletionItemTag.Deprecated
  let opened = false;
  async function completeAt(text: string): Promise<CompletionList> {
    const content = text.replace('|', '');
    if (!opened) {
      opened = true;
      await client.open('sops/other.md', content);
    } else await client.sendChange('sops/other.md', content);
    return client.request<CompletionList>('textDocument/completion', { textDocument: { uri: client.uri('sops/other.md') }, position: positionOf(text, '|') });
  }
  const sorted = (list: CompletionList) => [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  const base = doc('SOP-O-001', 'internal');

  it('after [[, a document above this one\'s layer is struck through, says it leaks and sorts last', async () => {
    const list = sorted(await completeAt(`${base}\n[[SOP|`));
    assert.deepEqual(list.map((item) => item.label), ['SOP-I-001', 'SOP-P-001', 'SOP-A-001']);
    const [internal, , restricted] = list;
    assert.equal(restricted!.detail, '⚠ leak: restricted above this internal document — SOP-A-001 title');
    assert.deepEqual(restricted!.tags, [STRUCK]);
    assert.equal(internal!.tags, undefined);
    assert.equal(internal!.detail, 'SOP-I-001 title');
  });

  it('in a link destination, a document or file of a higher layer sorts after the others and is marked', async () => {
    const list = sorted(await completeAt(`${base}\n[x](|)`));
    const marked = list.filter((item) => item.tags?.includes(STRUCK)).map((item) => item.label);
    assert.deepEqual(marked.sort(), ['restricted.md', 'restricted.pdf']);
    assert.deepEqual(list.slice(-2).map((item) => item.label).sort(), ['restricted.md', 'restricted.pdf'], 'leaks last');
    assert.match(list.find((item) => item.label === 'restricted.pdf')!.detail!, /^⚠ leak: restricted above this internal document/);
  });

  it('in related, the same leak marking as after [[', async () => {
    const list = sorted(await completeAt(base.replace('reviewed:', 'related: [|]\nreviewed:')));
    assert.equal(list.at(-1)!.label, 'SOP-A-001');
    assert.deepEqual(list.at(-1)!.tags, [STRUCK]);
  });

  it('a restricted document links to nothing it could leak to: no entry is marked', async () => {
    const fromRestricted = sorted(await completeAt(`${base.replace('access: internal', 'access: restricted\naccess-list: [p.here]')}\n[[SOP|`));
    assert.deepEqual(fromRestricted.filter((item) => item.tags).map((item) => item.label), []);
  });

  for (const field of ['owner', 'expert', 'approved-by']) {
    it(`${field}: inactive and departed people are struck through, say why, and sort last; leaving later is not departed`, async () => {
      const text = field === 'approved-by' ? base.replace('reviewed:', 'approved-by: |\nreviewed:') : base.replace(`${field}: p.here`, `${field}: |`);
      const list = sorted(await completeAt(text));
      assert.deepEqual(list.map((item) => item.label), ['p.here', 'p.soon', 'p.gone', 'p.old']);
      const byLabel = new Map(list.map((item) => [item.label, item]));
      assert.equal(byLabel.get('p.gone')!.detail, '⚠ left on 2026-01-31 — Gone Away');
      assert.equal(byLabel.get('p.old')!.detail, '⚠ inactive — Old Timer');
      assert.deepEqual(byLabel.get('p.gone')!.tags, [STRUCK]);
      assert.equal(byLabel.get('p.soon')!.tags, undefined);
      assert.equal(byLabel.get('p.here')!.detail, 'Still Here');
    });
  }
});

describe('symbols beside an editor that outlines headings itself (headingSymbols: false, as VS Code sends)', () => {
  const repo = tempRepository(FILES);
  const client = clientForSuite(repo, ['a.md'], { headingSymbols: false });

  it('lists no heading, so each heading is listed once (by the editor): the front matter and the steps, each naming its section', async () => {
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: client.uri('a.md') } });
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.detail, symbol.kind, symbol.children?.length ?? 0]),
      [
        ['SOP-A-001', 'Source procedure · approved · internal', 2, 0],
        ['1. Clean the joint.', 'Steps', 22, 0],
        ['2. Tack the frame.', 'Steps', 22, 0],
      ],
    );
    const headings = ['Source procedure', 'Steps', 'Safety'];
    assert.ok(!symbols.some((symbol) => headings.includes(symbol.name)), 'no heading of a.md');
    assert.equal(symbols[0]!.range.start.line, 0);
    assert.equal(symbols[0]!.range.end.line, positionOf(A, '---\n\n#').line);
  });

  it('still finds documents by id and title across the workspace', async () => {
    assert.equal((await client.request<SymbolInformation[]>('workspace/symbol', { query: 'linking' })).length, 1);
  });
});

describe('densho/documentIndex (what the Markdown preview links [[ID]] with and shows as a card)', () => {
  const repo = tempRepository(FILES);
  const client = clientForSuite(repo, ['a.md', 'a.ja.md', 'b.md']);
  const index = () => client.request<DocumentIndexEntry[]>('densho/documentIndex', {});

  it('lists every document with its id, language, file and card fields', async () => {
    const entries = await index();
    const byFile = new Map(entries.map((entry) => [entry.uri, entry]));
    assert.deepEqual([...byFile.keys()].sort(), [client.uri('a.ja.md'), client.uri('a.md'), client.uri('b.md')]);
    assert.deepEqual(byFile.get(client.uri('a.md')), {
      uri: client.uri('a.md'), id: 'SOP-A-001', lang: 'en', translation: false, title: 'Source procedure', version: 2, status: 'approved',
      owner: 'p.one', experts: ['p.two'], access: 'internal', nextReview: '2027-10-01', sourceLanguage: 'en',
    });
    const ja = byFile.get(client.uri('a.ja.md'))!;
    assert.deepEqual([ja.id, ja.lang, ja.translation, ja.title], ['SOP-A-001', 'ja', true, '元の手順']);
  });

  it('announces a translation\'s new title with densho/reportsChanged (no other report shows it), and then lists it', async () => {
    await client.notificationAfter('densho/reportsChanged', 0); // the one after loading
    await client.open('a.ja.md', A_JA);
    const before = client.seq;
    await client.sendChange('a.ja.md', A_JA.replace('title: 元の手順', 'title: 新しい手順'));
    await client.notificationAfter('densho/reportsChanged', before);
    const entry = (await index()).find((candidate) => candidate.uri === client.uri('a.ja.md'));
    assert.equal(entry?.title, '新しい手順');
  });
});
