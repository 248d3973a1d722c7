/** Every Markdown file under a folder (dot folders and node_modules skipped), sorted, as absolute paths. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function markdownFiles(root) {
  const files = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.md')) files.push(path);
    }
  };
  walk(root);
  return files.sort();
}
