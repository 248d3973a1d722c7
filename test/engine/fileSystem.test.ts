/**
 * The Node file system port and the loader on a real disk: symbolic links
 * (loops, links out of the repository, links on the way to a file) are never
 * followed, and files that vanish while the repository is read are simply
 * absent. Every call into node:fs/promises is recorded, so "never opened or
 * stat'ed through" is checked, not assumed.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { after, afterEach, beforeEach, describe, it, mock } from 'node:test';
import fc from 'fast-check';
import { listRepositoryFiles, loadWorkspace, parseDay, type DirectoryEntry, type FileSystem, type Workspace } from '../../server/src/engine';
import { NodeFileSystem } from '../../server/src/node';
import { brief, doc, PEOPLE, text, TODAY } from '../helpers';

// require, not import: the spies below replace the module's own functions, which the engine's compiled imports read at each call.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fsPromises: typeof import('node:fs/promises') = require('node:fs/promises');

/** A directory under the system's temporary directory, with these files. */
function directory(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'densho-fs-')));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const load = (fs: FileSystem): Promise<Workspace> => loadWorkspace(fs, { today: parseDay(TODAY) });

/** Every path handed to node:fs/promises while a test runs, with the error code it failed with. */
const calls: { method: string; path: string; error?: string }[] = [];
const SPIED = ['lstat', 'stat', 'readFile', 'readdir', 'open', 'opendir', 'realpath', 'access', 'readlink'] as const;

beforeEach(() => {
  calls.length = 0;
  for (const method of SPIED) {
    const original = fsPromises[method] as (...args: unknown[]) => Promise<unknown>;
    mock.method(fsPromises, method, (...args: unknown[]) => {
      const call: (typeof calls)[number] = { method, path: String(args[0]) };
      calls.push(call);
      return original(...args).catch((error: NodeJS.ErrnoException) => {
        call.error = error.code;
        throw error;
      });
    });
  }
});
afterEach(() => mock.restoreAll());

describe('symbolic links', () => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it('a link loop (sops/loop -> sops, self -> self) is listed as a link and never walked or read through', async () => {
    const root = directory({ 'sops/a.md': doc(), 'people.yaml': PEOPLE });
    roots.push(root);
    symlinkSync('.', join(root, 'sops/loop'));
    symlinkSync('../sops', join(root, 'sops/up'));
    symlinkSync('self', join(root, 'self'));
    const fs = new NodeFileSystem(root);
    assert.deepEqual(await listRepositoryFiles(fs), ['people.yaml', 'sops/a.md']);
    const workspace = await load(fs);
    assert.deepEqual(workspace.documentPaths(), ['sops/a.md']);
    assert.deepEqual(await fs.readDirectory('sops/loop'), []);
    assert.deepEqual(await fs.readDirectory('sops/loop/loop/loop'), []);
    assert.equal(await fs.readFile('sops/loop/a.md'), undefined);
    assert.equal(await fs.readFile('sops/up/loop/up/a.md'), undefined);
    assert.equal(await fs.readFile('self'), undefined);
    assert.ok(calls.some((call) => call.path === join(root, 'sops/loop')), 'the link itself was looked at (lstat), and refused');
    assert.ok(
      calls.every((call) => !/\/(loop|up)\/./.test(call.path)),
      `nothing was looked up through a link: ${calls.map((call) => call.path).filter((path) => /\/(loop|up)\/./.test(path)).join(', ')}`,
    );
  });

  it('a link to a file or folder outside the repository is never stat\'ed or opened through, not even as people.yaml or a custom standard', async () => {
    // Each file outside would show itself if read: a document with an id of its own, people.yaml and a standard that are not valid YAML.
    const outside = directory({
      'secret.md': doc({ id: 'SOP-SECRET-001', title: 'Leaked' }),
      'people.yaml': 'x: [unclosed\n',
      'standard.yaml': 'id: [unclosed\n',
    });
    const root = directory({
      'densho.yaml': 'people: ext/people.yaml\nstandards: [iso9001, ext/standard.yaml, std-link.yaml]\n',
      'sops/a.md': doc({}, '# Title\n\n[a](secret.md) and [b](../ext/secret.md)\n'),
    });
    roots.push(outside, root);
    symlinkSync(outside, join(root, 'ext'));
    symlinkSync(join(outside, 'secret.md'), join(root, 'sops/secret.md'));
    symlinkSync(join(outside, 'standard.yaml'), join(root, 'std-link.yaml'));
    const fs = new NodeFileSystem(root);
    const workspace = await load(fs);
    const findings = workspace.checkAll().map(brief);

    assert.deepEqual(workspace.documentPaths(), ['sops/a.md']);
    assert.deepEqual(
      workspace.checkAll().filter((diagnostic) => diagnostic.rule === 'config/invalid').map((diagnostic) => text(diagnostic.message)),
      [
        'Standard "ext/standard.yaml" is neither built in (iso9001) nor a readable YAML file.',
        'Standard "std-link.yaml" is neither built in (iso9001) nor a readable YAML file.',
      ],
      'the standards behind links are unreadable, not broken YAML: they were never read',
    );
    assert.ok(!workspace.checkAll().some((diagnostic) => /SECRET|Leaked/.test(text(diagnostic.message))));
    assert.deepEqual(
      findings.filter((finding) => finding.includes('link/')),
      ['sops/a.md:11:5 error link/file', 'sops/a.md:11:24 error link/file'],
      'links to them are links to files that are not there',
    );
    assert.equal(await fs.readFile('ext/people.yaml'), undefined);
    assert.equal(await fs.readFile('sops/secret.md'), undefined);
    assert.deepEqual(await fs.readDirectory('ext'), []);
    const through = calls.filter((call) => call.path.startsWith(outside) || /\/ext\/./.test(call.path));
    assert.deepEqual(through, [], 'no call reached outside the repository');
    assert.ok(calls.some((call) => call.path === join(root, 'ext')), 'the link itself was looked at (lstat), and refused');
  });

  it('the look-ups done at once (the warm check\'s stamps, a held document\'s text) follow no link either', () => {
    const outside = directory({ 'secret.md': doc({ id: 'SOP-SECRET-001' }) });
    const root = directory({ 'sops/a.md': doc(), 'sops/deep/b.md': doc() });
    roots.push(outside, root);
    symlinkSync(outside, join(root, 'ext'));
    symlinkSync(join(outside, 'secret.md'), join(root, 'sops/secret.md'));
    symlinkSync('.', join(root, 'sops/loop'));
    const fs = new NodeFileSystem(root);
    const paths = ['sops/a.md', 'ext/secret.md', 'sops/secret.md', 'sops/loop/a.md', 'sops/loop/deep/b.md', 'sops/deep/b.md', 'sops/missing.md', 'sops'];
    const stamps = fs.stampsNow(paths);
    assert.deepEqual(
      paths.filter((_, position) => stamps[position] !== undefined),
      ['sops/a.md', 'sops/deep/b.md'],
      'only the real files, not through the links, not a folder, not a missing file',
    );
    assert.equal(stamps[0]!.size, doc().length);
    assert.equal(fs.readFileNow('ext/secret.md'), undefined);
    assert.equal(fs.readFileNow('sops/secret.md'), undefined);
    assert.equal(fs.readFileNow('sops/loop/a.md'), undefined);
    assert.equal(new TextDecoder().decode(fs.readFileNow('sops/deep/b.md')), doc());
    assert.equal(fs.readFileNow('sops/a.md', 10), undefined, 'over the size asked for');
  });

  it('resolves a repository path as path.resolve would (a file named `...` or `..b` is inside), a plain one without resolving it', () => {
    const fs = new NodeFileSystem('/srv/repository');
    const resolved = (path: string) => {
      const absolute = resolve('/srv/repository', path);
      const inside = relative('/srv/repository', absolute);
      return inside.split('/')[0] === '..' || isAbsolute(inside) ? undefined : absolute;
    };
    const step = fc.constantFrom('a', 'b.md', '.', '..', '', '...', '.a', 'b.', '..b', 'x y');
    fc.assert(
      fc.property(fc.array(step, { maxLength: 6 }), fc.boolean(), (steps, rooted) => {
        const path = `${rooted ? '/' : ''}${steps.join('/')}`;
        assert.equal(fs.absolute(path), resolved(path), JSON.stringify(path));
      }),
      { numRuns: 5000, seed: 20261202 },
    );
  });

  it('a repository opened through a link is still read', async () => {
    const root = directory({ 'sops/a.md': doc() });
    const link = join(dirname(root), `${root.split('/').pop()}-link`);
    roots.push(root, link);
    symlinkSync(root, link);
    assert.deepEqual((await load(new NodeFileSystem(link))).documentPaths(), ['sops/a.md']);
  });
});

describe('files that vanish while the repository is read', () => {
  const roots: string[] = [];
  after(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  /** The Node port, with something done to the disk just before a given file is read. */
  function racing(root: string, before: Record<string, () => void>, extraEntries: Record<string, DirectoryEntry[]> = {}): FileSystem {
    const disk = new NodeFileSystem(root);
    return {
      readDirectory: async (path) => [...(await disk.readDirectory(path)), ...(extraEntries[path] ?? [])],
      readFile: (path) => {
        before[path]?.();
        return disk.readFile(path);
      },
    };
  }

  it('a file listed but deleted, or renamed, before it is read is simply absent; the rest loads', async () => {
    const root = directory({
      'sops/a.md': doc({}, '# Title\n\n[b](b.md), [c](c.md)\n'),
      'sops/b.md': doc({ id: 'SOP-B-001' }),
      'sops/c.md': doc({ id: 'SOP-C-001' }),
      'sops/d.md': doc({ id: 'SOP-D-001' }),
    });
    roots.push(root);
    const fs = racing(root, {
      'sops/b.md': () => rmSync(join(root, 'sops/b.md')),
      'sops/c.md': () => renameSync(join(root, 'sops/c.md'), join(root, 'sops/c-renamed.md')),
    });
    const workspace = await load(fs);
    assert.deepEqual(workspace.documentPaths(), ['sops/a.md', 'sops/d.md']);
    assert.deepEqual(
      workspace.checkDocument('sops/a.md').filter((diagnostic) => diagnostic.rule === 'link/file').map(brief),
      ['sops/a.md:11:5 error link/file', 'sops/a.md:11:16 error link/file'],
    );
    // The operating system did throw ENOENT; the port turned it into "absent".
    assert.ok(calls.some((call) => call.path === join(root, 'sops/b.md') && call.error === 'ENOENT'));
    assert.ok(calls.some((call) => call.path === join(root, 'sops/c.md') && call.error === 'ENOENT'));
  });

  it('a file a directory listing names but that is not there when read is simply absent', async () => {
    const root = directory({ 'sops/a.md': doc(), 'people.yaml': PEOPLE });
    roots.push(root);
    const fs = racing(root, {}, { sops: [{ name: 'phantom.md', kind: 'file' }], '': [{ name: '.gitignore', kind: 'file' }] });
    const workspace = await load(fs);
    assert.deepEqual(workspace.documentPaths(), ['sops/a.md']);
    assert.deepEqual(workspace.checkAll().filter((diagnostic) => diagnostic.file === 'sops/phantom.md'), []);
  });

  it('a densho.yaml or people.yaml deleted before it is read leaves the defaults', async () => {
    const root = directory({ 'densho.yaml': 'docs: ["nothing/**"]\n', 'people.yaml': PEOPLE, 'sops/a.md': doc({ owner: 'nobody' }) });
    roots.push(root);
    const fs = racing(root, {
      'densho.yaml': () => rmSync(join(root, 'densho.yaml'), { force: true }),
      'people.yaml': () => rmSync(join(root, 'people.yaml'), { force: true }),
    });
    const workspace = await load(fs);
    assert.deepEqual(workspace.documentPaths(), ['sops/a.md'], 'the default docs glob');
    assert.deepEqual(workspace.checkDocument('sops/a.md').filter((diagnostic) => diagnostic.rule === 'people/unknown'), [], 'no registry, so no unknown people');
  });
});
