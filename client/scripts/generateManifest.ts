/**
 * Writes the parts of the extension manifest derived from the engine:
 * `contributes.configuration`, `contributes.viewsWelcome`,
 * `capabilities.untrustedWorkspaces` and the Markdown preview's plugin and
 * style in package.json (through `npm pkg set`, so the rest of package.json
 * is left as it is), the commands of client/src/commandContributions.ts with
 * their menu items, and the schemas and snippets in
 * client/assets/. Run with `npm run generate:manifest` after changing the
 * engine's configuration or front matter fields; the tests in
 * test/extension/manifest.test.ts fail until then.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withGeneratedCommands } from '../src/commandContributions';
import { manifestAssets, viewsWelcomeContribution } from '../src/manifestAssets';
import { configurationContribution, untrustedWorkspacesCapability } from '../src/settings';

const root = join(__dirname, '..', '..');
for (const [path, content] of Object.entries(manifestAssets())) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), `${JSON.stringify(content, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
execFileSync('npm', ['pkg', 'set', '--json', `contributes.configuration=${JSON.stringify(configurationContribution())}`], { cwd: root, stdio: 'inherit' });
console.log('set contributes.configuration in package.json');
// Replaced whole: `npm pkg set` merges objects, and a restrictedConfigurations left from before would stay.
execFileSync('npm', ['pkg', 'delete', 'capabilities.untrustedWorkspaces'], { cwd: root, stdio: 'inherit' });
execFileSync('npm', ['pkg', 'set', '--json', `capabilities.untrustedWorkspaces=${JSON.stringify(untrustedWorkspacesCapability())}`], { cwd: root, stdio: 'inherit' });
console.log('set capabilities.untrustedWorkspaces in package.json');
const { commands, menus } = withGeneratedCommands(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes ?? {});
execFileSync('npm', ['pkg', 'set', '--json', `contributes.commands=${JSON.stringify(commands)}`, `contributes.menus=${JSON.stringify(menus)}`], { cwd: root, stdio: 'inherit' });
console.log('set the generated commands and their menu items in package.json');
// Replaced whole, as above: a list is merged item by item.
execFileSync('npm', ['pkg', 'delete', 'contributes.viewsWelcome'], { cwd: root, stdio: 'inherit' });
execFileSync('npm', ['pkg', 'set', '--json', `contributes.viewsWelcome=${JSON.stringify(viewsWelcomeContribution())}`], { cwd: root, stdio: 'inherit' });
console.log('set contributes.viewsWelcome in package.json');
// VS Code's Markdown preview: the plugin activate() returns (`extendMarkdownIt`) and the style of its card and references.
// Bracketed, because the keys themselves hold dots.
execFileSync('npm', ['pkg', 'set', '--json', 'contributes[markdown.markdownItPlugins]=true', `contributes[markdown.previewStyles]=${JSON.stringify(['./client/assets/preview.css'])}`], { cwd: root, stdio: 'inherit' });
console.log('set contributes.markdown.markdownItPlugins and markdown.previewStyles in package.json');
