/**
 * Writes the parts of the extension manifest derived from the engine and the
 * string tables: `contributes.configuration`, `contributes.viewsWelcome`,
 * the commands of client/src/commandContributions.ts with their menu items,
 * the Markdown preview's plugin and style, the `l10n` folder of the run-time
 * strings' bundles (with `l10n/` in `files`) and
 * `capabilities.untrustedWorkspaces` in package.json, every user-visible
 * string of the manifest as a `%key%` placeholder with its English text in
 * package.nls.json and its Japanese text (client/src/manifestJapanese.ts) in
 * package.nls.ja.json (a walkthrough page's Japanese is its twin in the
 * page's `ja/` folder), and the schemas and snippets in client/assets/. Run
 * with `npm run generate:manifest` after changing the engine's configuration
 * or front matter fields, or a command, view or walkthrough in package.json
 * (write the new string in English where it belongs; the generator moves it
 * into package.nls.json, and fails until manifestJapanese.ts has its
 * Japanese). The tests in test/extension/ fail until then.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withGeneratedCommands } from '../src/commandContributions';
import { manifestAssets, viewsWelcomeContribution } from '../src/manifestAssets';
import { MANIFEST_JAPANESE } from '../src/manifestJapanese';
import { japanesePages, japaneseStrings, localizeManifest } from '../src/manifestNls';
import { configurationContribution, untrustedWorkspacesCapability } from '../src/settings';

const root = join(__dirname, '..', '..');
const writeJson = (path: string, content: unknown): void => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  // Two-space JSON with a final newline: the form npm itself writes package.json in.
  writeFileSync(join(root, path), `${JSON.stringify(content, null, 2)}\n`);
  console.log(`wrote ${path}`);
};
for (const [path, content] of Object.entries(manifestAssets())) writeJson(path, content);

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
manifest.contributes.configuration = configurationContribution();
// Replaced whole, so that a restrictedConfigurations left from before does not stay.
manifest.capabilities = { ...manifest.capabilities, untrustedWorkspaces: untrustedWorkspacesCapability() };
// The commands of client/src/commandContributions.ts and their menu items, merged by command id.
Object.assign(manifest.contributes, withGeneratedCommands(manifest.contributes));
manifest.contributes.viewsWelcome = viewsWelcomeContribution();
// VS Code's Markdown preview: the plugin activate() returns (`extendMarkdownIt`) and the style of its card and references.
manifest.contributes['markdown.markdownItPlugins'] = true;
manifest.contributes['markdown.previewStyles'] = ['./client/assets/preview.css'];
// The run-time strings' translations (vscode.l10n.t in client/src): l10n/bundle.l10n.<language>.json; English is the source text.
manifest.l10n = './l10n';
if (!manifest.files.includes('l10n/')) manifest.files.splice(manifest.files.indexOf('package.nls.ja.json') + 1, 0, 'l10n/');
const previous = existsSync(join(root, 'package.nls.json')) ? JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) : {};
const localized = localizeManifest({ displayName: manifest.displayName, description: manifest.description, contributes: manifest.contributes, capabilities: manifest.capabilities }, previous);
manifest.displayName = localized.manifest.displayName;
manifest.description = localized.manifest.description;
manifest.contributes = localized.manifest.contributes;
manifest.capabilities = localized.manifest.capabilities;
writeJson('package.json', manifest);
writeJson('package.nls.json', localized.strings);
const japanese = japaneseStrings(localized.strings, { ...MANIFEST_JAPANESE, ...japanesePages(localized.strings) });
writeJson('package.nls.ja.json', japanese.strings);
if (japanese.missing.length > 0 || japanese.stale.length > 0) {
  for (const key of japanese.missing) console.error(`no Japanese for ${key} in client/src/manifestJapanese.ts (English written for now): ${JSON.stringify(localized.strings[key])}`);
  for (const key of japanese.stale) console.error(`client/src/manifestJapanese.ts has ${key}, which the manifest no longer has`);
  process.exitCode = 1;
}
