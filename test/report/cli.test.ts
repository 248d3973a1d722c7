/** `densho report`, `densho export` and `densho coverage --format html` as a user runs them. */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { doc, PEOPLE } from '../helpers';
import { artifactsDir, CHROMIUM, cli, SAMPLES, tempDir, TODAY, writeFiles } from './support';

function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/'))
    .sort();
}

const MASTER_TITLES = ['Weld parameter master for fixture frames', 'HX-200 thin-wall housing', 'MST-WLD-001', 'MST-MCH-001'];

describe('densho report', () => {
  it('writes one self-contained HTML file', async () => {
    const out = join(tempDir(), 'audit.html');
    const result = await cli(['report', SAMPLES, '--today', TODAY, '--out', out]);
    assert.equal(result.code, 1, 'the samples hold deliberate errors, and the exit code says so');
    assert.match(result.stdout, /^Wrote .*audit\.html \(\d+ documents, all layers\); check found 18 error\(s\) and 36 warning\(s\), listed under Findings\.\n$/);
    const page = readFileSync(out, 'utf8');
    for (const id of ['register', 'coverage', 'reviews', 'knowledge', 'skills', 'translations']) assert.ok(page.includes(`<section id="${id}">`), id);
    assert.doesNotMatch(page, /\b(src|href)="(https?:)?\/\//, 'no remote resource');
    assert.ok(page.includes('MST-WLD-001'), 'all layers by default');
  });
  it('--max-layer leaves out every document above the layer, title and id included', async () => {
    const result = await cli(['report', SAMPLES, '--today', TODAY, '--max-layer', 'internal', '--out', '-']);
    assert.equal(result.code, 1, result.stderr);
    for (const text of MASTER_TITLES) assert.ok(!result.stdout.includes(text), text);
    assert.match(result.stdout, /document files above layer internal are withheld/);
  });
  it('holds the competence section: the skills matrix, retraining and succession, and under --max-layer none of a withheld procedure', async () => {
    const full = await cli(['report', SAMPLES, '--today', TODAY, '--out', '-']);
    const section = (html: string) => html.slice(html.indexOf('<section id="skills">'), html.indexOf('</section>', html.indexOf('<section id="skills">')));
    const skills = section(full.stdout);
    assert.match(skills, /<h2>Competence<\/h2>/);
    for (const id of ['SOP-WLD-004', 'MST-WLD-001', 'WI-WLD-002']) assert.ok(skills.includes(`<td class="clause">${id}</td>`), id);
    assert.match(skills, /<h3>Retraining<\/h3>\n<table>.*<td>d\.nakamura<\/td><td>WI-WLD-002<\/td><td>1<\/td><td>2<\/td>/s);
    const internal = section((await cli(['report', SAMPLES, '--today', TODAY, '--max-layer', 'internal', '--out', '-'])).stdout);
    assert.match(internal, /<h2>Competence<\/h2>/);
    for (const withheld of ['MST-WLD-001', 'MST-MCH-001', 'WI-WLD-002', 'SOP-WLD-004']) assert.ok(!internal.includes(withheld), withheld);
    assert.ok(internal.includes('<td class="clause">SOP-QMS-001</td>'), 'internal procedures stay');
  });
  it('--lang ja prefers the Japanese titles', async () => {
    const result = await cli(['report', SAMPLES, '--today', TODAY, '--lang', 'ja', '--out', '-']);
    assert.equal(result.code, 1, result.stderr);
    assert.ok(result.stdout.includes('<td>SOP-WLD-004</td>\n<td>ステンレス'), 'the Japanese title leads the row');
    assert.ok(result.stdout.includes('<td class="clause">7.1.6</td><td>組織の知識'), 'the clause titles are JIS Q 9001\'s');
    assert.ok(!result.stdout.includes('<td>Organizational knowledge'));
  });
  it('rejects an unknown layer or language with exit 2', async () => {
    const layer = await cli(['report', SAMPLES, '--max-layer', 'secret', '--out', '-']);
    assert.equal(layer.code, 2);
    assert.match(layer.stderr, /--max-layer must be one of this repository's layers \(public, internal, restricted, master\), not "secret"/);
    const lang = await cli(['report', SAMPLES, '--lang', 'de', '--out', '-']);
    assert.equal(lang.code, 2);
    assert.match(lang.stderr, /--lang must be one of en, ja/);
  });
  it('says clearly when Chromium is missing for PDF', async () => {
    const result = await cli(['report', SAMPLES, '--format', 'pdf', '--chromium', '/nonexistent/chromium', '--out', join(tempDir(), 'a.pdf')]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /PDF output needs Chromium, and "\/nonexistent\/chromium" does not exist\. Install Chromium .* or write HTML with --format html/);
  });
  it('prints a PDF through headless Chromium', { timeout: 120_000 }, async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium is required for this test (${CHROMIUM})`);
    const out = join(tempDir(), 'audit.pdf');
    const result = await cli(['report', SAMPLES, '--today', TODAY, '--format', 'pdf', '--chromium', CHROMIUM, '--out', out]);
    assert.equal(result.code, 1, result.stderr);
    const pdf = readFileSync(out);
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.length > 20_000, `a real document, not an empty page (${pdf.length} bytes)`);

    // Page 2, as a reader sees it: rendered to an image (kept for a person to look at) and read back as text.
    const png = join(artifactsDir(), 'audit-page');
    const rendered = spawnSync('pdftoppm', ['-f', '2', '-l', '2', '-r', '60', '-png', '-singlefile', out, png], { encoding: 'utf8' });
    assert.equal(rendered.status, 0, `pdftoppm (poppler-utils) must be installed: ${rendered.error?.message ?? rendered.stderr}`);
    assert.ok(readFileSync(`${png}.png`).length > 5_000, 'page 2 renders to a picture with content');
    const pageText = (page: number) => spawnSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', out, '-'], { encoding: 'utf8' }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [out], { encoding: 'utf8' }).stdout)?.[1]);
    const second = pageText(2);
    assert.match(second, /^\s*ID\s+Title\s+Type\s+Version\s+Status\s+Check\s+Owner/m, 'the register\'s header repeats on page 2, with its text');
    assert.match(second, new RegExp(`samples · Audit pack generated ${TODAY}\\s+Page 2 of ${pages}`), 'footer: organisation, date, page N of M');
    const all = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).stdout;
    for (const screenOnly of ['Click a column heading', 'documents shown', 'Search']) assert.ok(!all.includes(screenOnly), `"${screenOnly}" is not printed`);
  });
});

describe('Japanese in the printed audit pack', () => {
  it('prints Japanese titles and clause titles in a CJK font, so pdftotext reads them back', { timeout: 120_000 }, async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium is required for this test (${CHROMIUM})`);
    const dir = writeFiles(tempDir(), {
      'densho.yaml': 'languages: [ja, en]\nrequired-translations: []\n',
      'people.yaml': PEOPLE,
      'sops/sop-wld-001.md': doc({ id: 'SOP-WLD-001', title: 'ステンレス鋼のTIG溶接', lang: 'ja', iso9001: '[7.1.6]' }, '# ステンレス鋼のTIG溶接\n\n## 手順\n\n1. 仮付けする。\n'),
    });
    const out = join(tempDir(), 'audit.pdf');
    const result = await cli(['report', dir, '--today', TODAY, '--lang', 'ja', '--format', 'pdf', '--chromium', CHROMIUM, '--out', out]);
    assert.ok(result.code <= 1, result.stderr);
    const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    assert.equal(text.status, 0, `pdftotext (poppler-utils) must be installed: ${text.error?.message ?? text.stderr}`);
    assert.ok(text.stdout.includes('ステンレス鋼のTIG溶接'), `the Japanese title, read back from the PDF: ${text.stdout.slice(0, 400)}`);
    assert.ok(text.stdout.includes('組織の知識'), 'the JIS Q 9001 clause title');
  });
});

describe('densho coverage --format html', () => {
  it('prints the shared coverage matrix page', async () => {
    const result = await cli(['coverage', SAMPLES, '--today', TODAY, '--format', 'html']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^<!DOCTYPE html>/);
    assert.match(result.stdout, /<table class="matrix" id="coverage-matrix">/);
    assert.match(result.stdout, /<span class="badge gap">GAP<\/span>/);
  });
});

describe('densho export', () => {
  it('copies the documents at the layer or lower with their media, and nothing of a higher layer', async () => {
    const out = join(tempDir(), 'partner');
    const result = await cli(['export', SAMPLES, '--max-layer', 'internal', '--out', out, '--today', TODAY]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^Exported \d+ document\(s\) and \d+ media file\(s\) at layers up to internal .* 12 document\(s\) and 0 media file\(s\) withheld, 1 reference\(s\) to them rewritten\.\n$/);
    const files = listFiles(out);
    assert.ok(files.includes('densho.yaml') && files.includes('people.yaml') && files.includes('media/gauge-label.png'));
    assert.ok(!files.some((file) => /mst-|wi-wld-002|sop-wld-004/.test(file)), files.join(', '));
    assert.ok(!files.includes('media/tig-torch-angle.png'), 'media only restricted documents use stays behind');
    for (const file of files) {
      const content = readFileSync(join(out, file), 'latin1');
      for (const text of ['MST-WLD-001', 'MST-MCH-001', 'mst-mch-001.md', 'mst-wld-001.md']) assert.ok(!content.includes(text), `${file} mentions ${text}`);
    }
    const rewritten = readFileSync(join(out, 'sops/machining/sop-mch-003.md'), 'utf8');
    assert.ok(rewritten.includes('\nthermal growth section of the HX-200 master.\n'));
    const original = readFileSync(join(SAMPLES, 'sops/machining/sop-mch-003.md'), 'utf8');
    assert.equal(rewritten, original.replace('[thermal growth section of the HX-200 master](mst-mch-001.md#spindle-thermal-growth)', 'thermal growth section of the HX-200 master'));
    assert.deepEqual(readFileSync(join(out, 'sops/quality/sop-qms-002.md')), readFileSync(join(SAMPLES, 'sops/quality/sop-qms-002.md')), 'untouched documents are byte-identical');
  });
  it('keeps a byte-order mark and CRLF line ends of a rewritten document', async () => {
    const repo = writeFiles(tempDir(), {
      'people.yaml': PEOPLE,
      'm.md': doc({ id: 'MST-A-001', access: 'master', 'access-list': '[h.sato]' }),
      'a.md': '\uFEFF' + doc({}, '# T\r\n\r\nSee [[MST-A-001]].\r\n').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
    });
    const out = join(tempDir(), 'out');
    assert.equal((await cli(['export', repo, '--max-layer', 'restricted', '--out', out])).code, 0);
    const bytes = readFileSync(join(out, 'a.md'));
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(bytes.toString('utf8').endsWith('\r\n\r\nSee (withheld document).\r\n'));
  });
  it('refuses a non-empty --out unless --force, and then names the files it did not write', async () => {
    const out = writeFiles(tempDir(), { 'old/secret.md': 'left from before\n' });
    const refused = await cli(['export', SAMPLES, '--max-layer', 'public', '--out', out]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /is not empty; pass --force/);
    const forced = await cli(['export', SAMPLES, '--max-layer', 'public', '--out', out, '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(forced.stderr, /1 file\(s\) already in .* are not part of this export .*\n  old\/secret\.md\n/);
  });
  it('requires --max-layer and --out, and refuses to write over the repository', async () => {
    assert.equal((await cli(['export', SAMPLES, '--out', tempDir()])).code, 2);
    assert.equal((await cli(['export', SAMPLES, '--max-layer', 'public'])).code, 2);
    const over = await cli(['export', SAMPLES, '--max-layer', 'public', '--out', SAMPLES, '--force']);
    assert.equal(over.code, 2);
    assert.match(over.stderr, /must not be the repository or a folder that contains it/);
    assert.equal((await cli(['export', join(SAMPLES, 'sops'), '--max-layer', 'public', '--out', SAMPLES, '--force'])).code, 2);
  });
  it('never writes through a symbolic link that leads out of --out', async () => {
    const outside = tempDir('densho-outside-');
    const out = tempDir();
    symlinkSync(outside, join(out, 'sops'));
    const result = await cli(['export', SAMPLES, '--max-layer', 'public', '--out', out, '--force']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /refusing to write sops\/.*: its folder leads outside --out through a symbolic link/);
    assert.deepEqual(readdirSync(outside), []);
  });
  it('replaces a symbolic link to a file instead of writing through it', async () => {
    const outside = join(tempDir('densho-outside-'), 'target.yaml');
    writeFileSync(outside, 'untouched\n');
    const out = tempDir();
    mkdirSync(out, { recursive: true });
    symlinkSync(outside, join(out, 'densho.yaml'));
    assert.equal((await cli(['export', SAMPLES, '--max-layer', 'public', '--out', out, '--force'])).code, 0);
    assert.equal(readFileSync(outside, 'utf8'), 'untouched\n');
    const settings = readFileSync(join(out, 'densho.yaml'), 'utf8');
    assert.match(settings, /^docs:\n/m, 'the settings are written…');
    assert.doesNotMatch(settings, /#/, '…without their comments');
  });
});

describe('settings files outside the listing', () => {
  const TOKEN = 'ghp_SECRETTOKEN1234567890';
  const setup = (settings: string) =>
    writeFiles(tempDir(), {
      '.git/config': `[http]\n\textraheader = AUTHORIZATION: basic ${TOKEN}\n`,
      '.gitignore': '.env\n',
      '.env': `TOKEN=${TOKEN}\n`,
      'densho.yaml': settings,
      'sops/a.md': doc({ access: 'public' }),
    });
  for (const settings of ['people: .git/config\n', 'standards: [iso9001, .git/config]\n', 'people: .env\n', 'people: ../outside.yaml\n']) {
    it(`refuses ${settings.trim()} as config/invalid at the key, and quotes none of it anywhere`, async () => {
      const dir = setup(settings);
      const outputs: string[] = [];
      for (const format of ['text', 'json', 'sarif']) {
        const result = await cli(['check', dir, '--today', TODAY, '--format', format]);
        assert.equal(result.code, 1, result.stderr);
        outputs.push(result.stdout + result.stderr);
      }
      const json = JSON.parse((await cli(['check', dir, '--today', TODAY, '--format', 'json'])).stdout);
      const refusal = json.diagnostics.find((d: { rule: string }) => d.rule === 'config/invalid');
      assert.ok(refusal, 'reported');
      assert.equal(refusal.file, 'densho.yaml');
      assert.equal(refusal.line, 1, 'at the key');
      assert.match(refusal.message, /will not read/);
      const out = join(tempDir(), 'copy');
      const exported = await cli(['export', dir, '--max-layer', 'public', '--out', out]);
      assert.equal(exported.code, 0, exported.stderr);
      outputs.push(...listFiles(out).map((file) => `${file}\n${readFileSync(join(out, file), 'utf8')}`));
      assert.ok(!listFiles(out).some((file) => file.startsWith('.git') || file === '.env'));
      for (const output of outputs) assert.ok(!output.includes(TOKEN) && !output.includes('extraheader'), output);
    });
  }
});

describe('coverage, review and risk --max-layer', () => {
  it('leave out every document above the layer, and refuse an unknown layer', async () => {
    const dir = writeFiles(tempDir(), {
      'people.yaml': PEOPLE,
      'sops/p.md': doc({ id: 'SOP-P-001', title: 'Public zqpublic', access: 'public', iso9001: '[8.5.1]', expert: 'k.tanaka' }),
      'sops/m.md': doc({ id: 'MST-M-001', title: 'Master zqmaster', access: 'master', 'access-list': '[h.sato]', iso9001: '[8.5.1]', reviewed: '2025-01-01' }),
    });
    for (const args of [['coverage', '--format', 'md'], ['coverage', '--format', 'csv'], ['coverage', '--format', 'html'], ['coverage', '--format', 'json'], ['review', '--within', '1y'], ['risk', '--format', 'json']]) {
      const all = await cli([...args, dir, '--today', TODAY]);
      const limited = await cli([...args, dir, '--today', TODAY, '--max-layer', 'internal']);
      assert.equal(limited.code, 0, limited.stderr);
      assert.ok(all.stdout.includes('MST-M-001'), `${args.join(' ')} lists the master without a limit`);
      assert.ok(!limited.stdout.includes('MST-M-001') && !limited.stdout.includes('zqmaster'), `${args.join(' ')} --max-layer internal`);
    }
    assert.equal((await cli(['risk', dir, '--max-layer', 'secret'])).code, 2);
  });
});

describe('outputs never follow a symbolic link', () => {
  const repository = () => writeFiles(tempDir(), { 'densho.yaml': 'languages: [en]\n', 'sops/a.md': doc({ access: 'public' }) });
  const outsideFile = () => {
    const file = join(tempDir('densho-outside-'), 'victim.txt');
    writeFileSync(file, 'untouched\n');
    return file;
  };
  it('report --out refuses a symbolic link, also the default audit.html a repository commits', async () => {
    const dir = repository();
    const victim = outsideFile();
    symlinkSync(victim, join(dir, 'audit.html'));
    for (const args of [['report', '.', '--today', TODAY], ['report', '.', '--today', TODAY, '--out', 'audit.html']]) {
      const result = await cli(args, dir);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /refusing to write audit\.html: it is a symbolic link/);
    }
    assert.equal(readFileSync(victim, 'utf8'), 'untouched\n');
  });
  it('export --out refuses a symbolic link to a folder', async () => {
    const target = tempDir('densho-outside-');
    const out = join(tempDir(), 'copy');
    symlinkSync(target, out);
    const result = await cli(['export', repository(), '--max-layer', 'public', '--out', out]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /exists and is not a folder/);
    assert.deepEqual(readdirSync(target), []);
  });
  it('check --cache neither reads from nor writes into a committed node_modules/.cache link', async () => {
    const dir = repository();
    const target = tempDir('densho-outside-');
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(target, join(dir, 'node_modules', '.cache'));
    const result = await cli(['check', dir, '--cache', '--today', TODAY]);
    assert.equal(result.code, 0, 'the check itself still runs');
    assert.match(result.stderr, /could not write the cache .*node_modules\/\.cache is a symbolic link/);
    assert.deepEqual(readdirSync(target), []);
  });
  it('new refuses a template that is a symbolic link, and creates nothing', async () => {
    const dir = repository();
    const victim = outsideFile();
    mkdirSync(join(dir, 'templates'));
    symlinkSync(victim, join(dir, 'templates', 'sop.md'));
    const result = await cli(['new', 'sop', '--id', 'SOP-N-001', '--dir', 'sops'], dir);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /refusing to use the template templates\/sop\.md: templates\/sop\.md is a symbolic link/);
    assert.ok(!existsSync(join(dir, 'sops', 'sop-n-001.md')));
  });
});
