/**
 * `densho skills`: the skills matrix of samples/ pinned in JSON, the text a
 * quality manager reads, and names from training.yaml escaped in every
 * format. After an intended change to samples/training.yaml, regenerate with:
 *   node dist/cli.js skills samples --today 2026-11-25 --format json > test/cli/skills.expected.json
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { doc } from '../helpers';
import { runDensho as run, tempRepository } from '../support/cli';


describe('densho skills', () => {
  it('prints the samples matrix as pinned', async () => {
    const result = await run(['skills', 'samples', '--today', '2026-11-25', '--format', 'json']);
    assert.equal(result.code, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), JSON.parse(readFileSync(join(__dirname, 'skills.expected.json'), 'utf8')));
  });

  it('shows the one-person know-how, the retraining list and the succession list in text', async () => {
    const { stdout } = await run(['skills', 'samples', '--today', '2026-11-25']);
    assert.match(stdout, /◔ learning {2}◑ supervised {2}◕ independent {2}● trainer/, 'the legend');
    assert.match(stdout, /^WI-WLD-002 +● +◕! .* 0\/2 /m, 'the outdated record is marked and does not count');
    assert.match(stdout, /^SOP-INS-001 .* 2\/2 /m, 'a minor change keeps the record current');
    assert.match(stdout, /Retraining\n {2}d\.nakamura {2}WI-WLD-002 {2}trained on version 1, now 2\n/);
    assert.match(stdout, /Succession .*\n {2}MST-WLD-001 {2}h\.sato leaves 2027-03-31\n/);
  });

  it('escapes names from training.yaml for the terminal, Markdown, CSV and HTML', async () => {
    const hostile = '"=cmd|\' /C calc\'!A0\u001b[2J<img src=x>"';
    const dir = tempRepository({
      'densho.yaml': 'standards: []\n',
      'training.yaml': `${hostile}:\n  SOP-A-001: { level: independent, version: 1 }\n`,
      'a.md': doc({ version: '1', title: '"|<b>bold</b>"' }),
    });
    const text = (await run(['skills', dir, '--today', '2026-11-25'])).stdout;
    assert.ok(!text.includes('\u001b'), 'no ESC reaches the terminal');
    const md = (await run(['skills', dir, '--today', '2026-11-25', '--format', 'md'])).stdout;
    assert.ok(!/(^|[^\\])<(b|img)/.test(md) && md.includes('\\|\\<b\\>'), md);
    const csv = (await run(['skills', dir, '--today', '2026-11-25', '--format', 'csv'])).stdout;
    assert.ok(csv.split('\r\n')[1]!.includes(",'=cmd"), csv);
    const page = (await run(['skills', dir, '--today', '2026-11-25', '--format', 'html'])).stdout;
    assert.ok(!page.includes('<img src=x>') && !page.includes('<b>bold'), 'titles and names are text in HTML');
  });

  it('without training.yaml lists the procedures that need people, with none qualified', async () => {
    const dir = tempRepository({ 'densho.yaml': 'standards: []\n', 'a.md': doc({ version: '1' }), 'f.md': doc({ id: 'FRM-A-001', type: 'form' }) });
    const matrix = JSON.parse((await run(['skills', dir, '--today', '2026-11-25', '--format', 'json'])).stdout);
    assert.deepEqual(matrix.documents.map((document: { id: string; required: number; qualified: string[] }) => [document.id, document.required, document.qualified]), [['SOP-A-001', 2, []]]);
  });
});
