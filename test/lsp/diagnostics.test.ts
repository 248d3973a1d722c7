/** Diagnostics: identical to the CLI's, shaped for LSP, incremental after edits, following files and settings changes. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { loadWorkspace, parseDay } from '../../server/src/engine';
import { NodeFileSystem } from '../../server/src/node';
import { jsonDiagnostic } from '../../server/src/cli/format/diagnostics';
import { REPO_ROOT, clientForSuite, TestClient, tempRepository, TODAY } from './client';
import { A, FILES } from './fixtures';

interface FlatDiagnostic {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  rule: string;
  message: string;
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

function byPosition(a: FlatDiagnostic, b: FlatDiagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule) || a.message.localeCompare(b.message);
}

describe('diagnostics on samples/', () => {
  const repo = tempRepository();
  let client: TestClient;
  let expected: FlatDiagnostic[];
  let documents: string[];

  before(async () => {
    const workspace = await loadWorkspace(new NodeFileSystem(repo.root), { today: parseDay(TODAY) });
    documents = workspace.documentPaths();
    expected = workspace.checkAll().map((diagnostic) => jsonDiagnostic(diagnostic, 'en'));
    client = await TestClient.start(repo.root);
    const files = new Set([...documents, ...expected.map((d) => d.file)]);
    await client.indexed([...files]);
  });
  after(async () => {
    await client.stop();
    repo.dispose();
  });

  function serverDiagnostics(): FlatDiagnostic[] {
    const flat: FlatDiagnostic[] = [];
    for (const { params } of client.diagnostics.values()) {
      const file = decodeURIComponent(new URL(params.uri).pathname).slice(repo.root.length + 1);
      for (const d of params.diagnostics) {
        flat.push({
          file,
          line: d.range.start.line + 1,
          column: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
          severity: SEVERITY[d.severity!]!,
          rule: String(d.code),
          message: typeof d.message === 'string' ? d.message : d.message.value,
        });
      }
    }
    return flat.sort(byPosition);
  }

  it('publishes, without opening anything, exactly what Workspace.checkAll() finds', () => {
    assert.ok(expected.length > 10, 'samples/ should have findings to compare');
    assert.deepEqual(serverDiagnostics(), [...expected].sort(byPosition));
  });

  it('agrees with `densho check --format json`', () => {
    let output: string;
    try {
      output = execFileSync(process.execPath, [`${REPO_ROOT}/dist/cli.js`, 'check', repo.root, '--format', 'json', '--today', TODAY], { encoding: 'utf8' });
    } catch (error) {
      output = (error as { stdout: string }).stdout; // exit code 1: errors found
    }
    const cli = JSON.parse(output) as { diagnostics: FlatDiagnostic[] };
    assert.deepEqual(serverDiagnostics(), [...cli.diagnostics].sort(byPosition));
  });

  it('shapes each diagnostic for LSP: rule id as code, documentation link, source, related information', () => {
    const all = [...client.diagnostics.values()].flatMap(({ params }) => params.diagnostics);
    for (const d of all) {
      assert.equal(d.source, 'densho');
      assert.match(String(d.code), /^[a-z]+\/[a-z-]+$/);
      // The docs/rules.md that ships with the server, at the rule's own section: never a page outside the package.
      const href = d.codeDescription?.href ?? '';
      assert.equal(href, `${pathToFileURL(join(REPO_ROOT, 'docs/rules.md')).href}#${String(d.code).replace('/', '-')}`);
      assert.ok(existsSync(fileURLToPath(href.split('#')[0]!)), href);
      assert.ok(readFileSync(join(REPO_ROOT, 'docs/rules.md'), 'utf8').includes(`<a id="${href.split('#')[1]}"></a>`), `docs/rules.md has the section ${href}`);
    }
    const outdated = all.find((d) => d.code === 'translation/outdated');
    assert.ok(outdated?.relatedInformation?.length, 'translation/outdated points at the source');
    assert.match(outdated.relatedInformation![0]!.location.uri, /sop-wld-004\.md$/);
  });
});

const SOURCE = `---
id: SOP-A-001
title: Source
access: internal
owner: p.one
expert: p.one
reviewed: 2026-10-01
version: 2
---

# Source

## Steps

1. One
2. Two
`;

const LINKING = `---
id: SOP-B-001
title: Linking
access: internal
owner: p.one
expert: p.one
reviewed: 2026-10-01
---

# Linking

See [the steps](a.md#steps) and [[SOP-A-001]].
`;

/** Names a.md by id only: no path link makes it a backlink of a.md. */
const NAMING = `---
id: SOP-D-001
title: Naming by id
access: internal
owner: p.one
expert: p.one
reviewed: 2026-10-01
---

# Naming by id

Follow [[SOP-A-001]].
`;

const UNRELATED = `---
id: SOP-C-001
title: Unrelated
access: internal
owner: p.one
expert: p.one
reviewed: 2026-10-01
---

# Unrelated
`;

const PEOPLE = `p.one:
  name: Person One
  role: Welder
`;

function smallRepository() {
  return tempRepository({ 'densho.yaml': 'docs: ["**/*.md"]\nstandards: []\n', 'people.yaml': PEOPLE, 'a.md': SOURCE, 'b.md': LINKING, 'c.md': UNRELATED, 'n.md': NAMING });
}

describe('incremental diagnostics', () => {
  const repo = smallRepository();
  const client = clientForSuite(repo, ['a.md', 'b.md', 'c.md', 'n.md']);

  it('checks an open document as it is typed', async () => {
    assert.deepEqual(await client.open('a.md'), []);
    const diagnostics = await client.change('a.md', SOURCE.replace('reviewed: 2026-10-01', 'reviewed: 2026/10/01'));
    assert.deepEqual(diagnostics.map((d) => d.code), ['frontmatter/invalid']);
    assert.equal(client.diagnostics.get(client.uri('a.md'))!.params.version, 2);
  });

  it('re-checks the documents linking to an edited one, and only those', async () => {
    const before = client.seq;
    const text = client.text('a.md').replace('## Steps', '## Procedure');
    await client.sendChange('a.md', text);
    const linking = await client.diagnosticsAfter('b.md', before, (d) => d.length > 0);
    assert.deepEqual(linking.map((d) => d.code), ['link/heading']);
    await client.diagnosticsAfter('a.md', before);
    assert.ok(client.diagnostics.get(client.uri('c.md'))!.seq < before, 'c.md does not depend on a.md and is not re-checked');
  });

  it('follows an id change: references to the old id break, also where the id is the only reference', async () => {
    const before = client.seq;
    await client.sendChange('a.md', client.text('a.md').replace('id: SOP-A-001', 'id: SOP-A-002'));
    const linking = await client.diagnosticsAfter('b.md', before, (d) => d.some((x) => x.code === 'link/id'));
    assert.ok(linking.some((d) => d.code === 'link/id'));
    const naming = await client.diagnosticsAfter('n.md', before, (d) => d.some((x) => x.code === 'link/id'));
    assert.deepEqual(naming.map((d) => d.code), ['link/id']);
    const restoredAt = client.seq;
    await client.sendChange('a.md', SOURCE);
    assert.deepEqual(await client.diagnosticsAfter('b.md', restoredAt, (d) => d.length === 0), []);
    assert.deepEqual(await client.diagnosticsAfter('n.md', restoredAt, (d) => d.length === 0), []);
  });

  it('falls back to the disk text when a document is closed', async () => {
    await client.change('a.md', SOURCE.replace('title: Source\n', ''), (d) => d.some((x) => x.code === 'frontmatter/required'));
    const before = client.seq;
    await client.close('a.md');
    assert.deepEqual(await client.diagnosticsAfter('a.md', before), []);
  });
});

describe('files and settings changed outside the editor', () => {
  const repo = smallRepository();
  const client = clientForSuite(repo, ['a.md', 'b.md', 'c.md']);

  const watched = (path: string, type: 1 | 2 | 3) =>
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri(path), type }] });

  it('clears the diagnostics of a deleted file and reports the links it breaks', async () => {
    repo.write('d.md', '# No front matter\n');
    let before = client.seq;
    await watched('d.md', 1);
    assert.deepEqual((await client.diagnosticsAfter('d.md', before)).map((d) => d.code), ['frontmatter/missing']);

    before = client.seq;
    repo.remove('d.md');
    repo.remove('a.md');
    await watched('d.md', 3);
    await watched('a.md', 3);
    assert.deepEqual(await client.diagnosticsAfter('d.md', before), []);
    assert.deepEqual(await client.diagnosticsAfter('a.md', before), []);
    const linking = await client.diagnosticsAfter('b.md', before, (d) => d.length === 2);
    assert.deepEqual(linking.map((d) => d.code).sort(), ['link/file', 'link/id']);
  });

  it('picks up a file created on disk', async () => {
    const before = client.seq;
    repo.write('a.md', SOURCE);
    await watched('a.md', 1);
    assert.deepEqual(await client.diagnosticsAfter('b.md', before, (d) => d.length === 0), []);
  });

  it('re-checks everything when densho.yaml changes', async () => {
    const before = client.seq;
    repo.write('densho.yaml', 'docs: ["**/*.md"]\nstandards: []\nreview:\n  interval: 30d\nrules:\n  review/overdue: error\n');
    await watched('densho.yaml', 2);
    for (const path of ['a.md', 'b.md', 'c.md']) {
      const diagnostics = await client.diagnosticsAfter(path, before, (d) => d.length > 0);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['review/overdue', 1]], path);
    }
  });

  it('reports an invalid densho.yaml on the file itself', async () => {
    const before = client.seq;
    repo.write('densho.yaml', 'docs: ["**/*.md"]\nstandards: []\nlayerz: [a]\n');
    await watched('densho.yaml', 2);
    const diagnostics = await client.diagnosticsAfter('densho.yaml', before);
    assert.deepEqual(diagnostics.map((d) => d.code), ['config/invalid']);
    assert.deepEqual(diagnostics[0]!.range.start, { line: 2, character: 0 });
  });

  it('re-checks the documents of people whose entry changed in people.yaml', async () => {
    const before = client.seq;
    repo.write('people.yaml', `${PEOPLE}  leaves: 2027-01-31\n`);
    await watched('people.yaml', 2);
    for (const path of ['a.md', 'b.md', 'c.md']) {
      const diagnostics = await client.diagnosticsAfter(path, before, (d) => d.some((x) => x.code === 'people/leaving'));
      assert.ok(diagnostics.some((d) => d.code === 'people/leaving'), path);
    }
  });
});

describe('translations follow their source', () => {
  const repo = tempRepository(FILES);
  const client = clientForSuite(repo, ['a.md', 'a.ja.md', 'b.md']);

  it('re-checks the translation when the source version is bumped', async () => {
    await client.open('a.md');
    const before = client.seq;
    await client.sendChange('a.md', A.replace('version: 2', 'version: 3'));
    const translation = await client.diagnosticsAfter('a.ja.md', before, (d) => d.some((x) => x.code === 'translation/outdated'));
    const outdated = translation.find((d) => d.code === 'translation/outdated')!;
    assert.equal(outdated.relatedInformation![0]!.location.uri, client.uri('a.md'));
  });
});
