/**
 * Peer driver: VS Code's built-in Markdown link validation, i.e.
 * vscode-markdown-languageservice, run over a whole repository.
 *
 *   node --require bench/peakMemory.cjs bench/peers/markdownLanguageService.mjs <root>
 *
 * Loads every .md file under <root> into the language service through an
 * IWorkspace over the file system (documents cached once read, as VS Code's
 * markdown server caches them), with a markdown-it parser configured as VS
 * Code's Markdown engine is (html, linkify, front matter plugin), then
 * computes the diagnostics of every document with file links, heading
 * fragments and Markdown file link fragments validated as errors (reference
 * links are not: 0.4 reads front matter lists as references). Prints one
 * JSON line: files, diagnostics, and the count by diagnostic code.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { markdownFiles } from './markdownFiles.mjs';
import { requirePeer } from './resolvePeers.mjs';

const md = requirePeer('vscode-markdown-languageservice');
const { TextDocument } = requirePeer('vscode-languageserver-textdocument');
const { URI } = requirePeer('vscode-uri');
const { Emitter, CancellationTokenSource } = requirePeer('vscode-languageserver');
const MarkdownIt = requirePeer('markdown-it');
const frontMatter = requirePeer('markdown-it-front-matter');

const root = process.argv[2] ? resolve(process.argv[2]) : undefined;
if (!root) {
  process.stderr.write('usage: markdownLanguageService.mjs <root>\n');
  process.exit(2);
}
/** Documents whose diagnostics are computed at once (their file look-ups overlap). */
const CONCURRENCY = 8;

const engine = MarkdownIt({ html: true, linkify: true, breaks: false, typographer: false });
engine.use(frontMatter, () => {
  /* VS Code's engine ignores the front matter's content too. */
});

/** @type {import('vscode-markdown-languageservice').IMdParser} */
const parser = {
  slugifier: md.githubSlugifier,
  async tokenize(document) {
    return engine.parse(document.getText(), {});
  },
};

class FileSystemWorkspace {
  #documents = new Map();
  #onChange = new Emitter();
  #onCreate = new Emitter();
  #onDelete = new Emitter();
  onDidChangeMarkdownDocument = this.#onChange.event;
  onDidCreateMarkdownDocument = this.#onCreate.event;
  onDidDeleteMarkdownDocument = this.#onDelete.event;

  constructor(folder, paths) {
    this.folders = [URI.file(folder)];
    this.paths = paths;
  }

  get workspaceFolders() {
    return this.folders;
  }

  async getAllMarkdownDocuments() {
    const documents = [];
    for (const path of this.paths) {
      const document = await this.openMarkdownDocument(URI.file(path));
      if (document) documents.push(document);
    }
    return documents;
  }

  hasMarkdownDocument(resource) {
    return this.#documents.has(resource.toString());
  }

  async openMarkdownDocument(resource) {
    const key = resource.toString();
    const cached = this.#documents.get(key);
    if (cached) return cached;
    if (!resource.path.endsWith('.md')) return undefined;
    let text;
    try {
      text = await readFile(resource.fsPath, 'utf8');
    } catch {
      return undefined;
    }
    const document = TextDocument.create(key, 'markdown', 1, text);
    this.#documents.set(key, document);
    return document;
  }

  async stat(resource) {
    if (this.#documents.has(resource.toString())) return { isDirectory: false };
    try {
      const info = await stat(resource.fsPath);
      return { isDirectory: info.isDirectory() };
    } catch {
      return undefined;
    }
  }

  async readDirectory(resource) {
    const entries = await readdir(resource.fsPath, { withFileTypes: true });
    return entries.map((entry) => [entry.name, { isDirectory: entry.isDirectory() }]);
  }
}

const logger = { level: md.LogLevel.Off, log() {} };
const workspace = new FileSystemWorkspace(root, markdownFiles(root));
const service = md.createLanguageService({ workspace, parser, logger });
const options = {
  validateFileLinks: md.DiagnosticLevel.error,
  validateFragmentLinks: md.DiagnosticLevel.error,
  validateMarkdownFileLinkFragments: md.DiagnosticLevel.error,
  validateReferences: md.DiagnosticLevel.ignore, // front matter lists such as `iso9001: [8.5.1]` would read as references
  validateUnusedLinkDefinitions: md.DiagnosticLevel.ignore,
  validateDuplicateLinkDefinitions: md.DiagnosticLevel.ignore,
  ignoreLinks: [],
};
const token = new CancellationTokenSource().token;

const documents = [...(await workspace.getAllMarkdownDocuments())];
const byCode = {};
let diagnostics = 0;
let next = 0;
async function worker() {
  while (next < documents.length) {
    const document = documents[next++];
    for (const diagnostic of await service.computeDiagnostics(document, options, token)) {
      diagnostics++;
      byCode[diagnostic.code] = (byCode[diagnostic.code] ?? 0) + 1;
    }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
service.dispose();
process.stdout.write(`${JSON.stringify({ files: documents.length, diagnostics, byCode })}\n`);
