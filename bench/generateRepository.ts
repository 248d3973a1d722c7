/**
 * A deterministic synthetic SOP repository for the benchmark: the shape of
 * issue 5's reference figures (10,000 sources, 5,000 Japanese translations,
 * about 1.3 KB each, five relative links per document), with a few percent of
 * links broken, every access layer, a people registry and ISO clauses.
 * The same options always give byte-for-byte the same files.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface RepositoryShape {
  /** Source-language (English) documents. */
  readonly sources: number;
  /** Japanese translations, of the first `translations` sources. */
  readonly translations: number;
  /** Relative links per document. */
  readonly linksPerDocument: number;
  /** Share of links that are broken (missing file or heading), 0..1. */
  readonly brokenShare: number;
  /** Documents per folder. */
  readonly folderSize: number;
  /**
   * Documents that many others link to (every tenth link goes to one of
   * them), so an edit to one re-checks many backlinks, as in a repository
   * where everything refers to the quality manual.
   */
  readonly hubs: number;
}

export const REFERENCE_SHAPE: RepositoryShape = { sources: 10_000, translations: 5_000, linksPerDocument: 5, brokenShare: 0.03, folderSize: 200, hubs: 20 };

/** A repository of `scale` times the reference shape (0.1 gives 1,500 files). */
export function scaledShape(scale: number): RepositoryShape {
  return {
    ...REFERENCE_SHAPE,
    sources: Math.max(10, Math.round(REFERENCE_SHAPE.sources * scale)),
    translations: Math.max(5, Math.round(REFERENCE_SHAPE.translations * scale)),
  };
}

export interface GeneratedRepository {
  readonly root: string;
  readonly files: number;
  readonly bytes: number;
  /** Relative paths of the hub documents (most backlinks), for edit benchmarks. */
  readonly hubs: readonly string[];
  /** Path of every document, relative to the root. */
  readonly documents: readonly string[];
}

const LAYERS = ['public', 'internal', 'restricted', 'master'] as const;
const AREAS = ['welding', 'machining', 'inspection', 'purchasing', 'quality', 'training', 'assembly', 'painting'] as const;
const CLAUSES = ['4.4', '5.2', '6.1', '7.1.5', '7.1.6', '7.2', '7.5.3', '8.1', '8.2.1', '8.4.1', '8.5.1', '8.5.2', '8.6', '8.7', '9.1.1', '9.2', '10.2'] as const;
const PEOPLE = Array.from({ length: 40 }, (_, index) => `p.worker${String(index).padStart(2, '0')}`);
const HEADINGS = ['Purpose', 'Scope', 'Safety', 'Tools and materials', 'Steps', 'Checks', 'Records', 'History'] as const;
const JA_HEADINGS = ['目的', '適用範囲', '安全', '工具と材料', '手順', '確認', '記録', '履歴'] as const;

/** A small, seeded generator (mulberry32): the same seed gives the same repository. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sourcePath(index: number, shape: RepositoryShape): string {
  const area = AREAS[index % AREAS.length]!;
  const folder = Math.floor(index / shape.folderSize);
  return `sops/${area}/batch-${String(folder).padStart(3, '0')}/sop-${String(index).padStart(5, '0')}.md`;
}

function idOf(index: number): string {
  return `SOP-${AREAS[index % AREAS.length]!.slice(0, 3).toUpperCase()}-${String(index).padStart(5, '0')}`;
}

function slug(heading: string): string {
  return heading.toLowerCase().replace(/ /g, '-');
}

/** The relative link from one document's folder to another document. */
function relative(from: string, to: string): string {
  const fromParts = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  return [...fromParts.slice(common).map(() => '..'), ...toParts.slice(common)].join('/');
}

export function generateRepository(root: string, shape: RepositoryShape = REFERENCE_SHAPE, seed = 20261125): GeneratedRepository {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  let files = 0;
  let bytes = 0;
  const write = (path: string, text: string): void => {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    files++;
    bytes += Buffer.byteLength(text);
  };

  write(
    'densho.yaml',
    [
      'docs: ["sops/**/*.md"]',
      `layers: [${LAYERS.join(', ')}]`,
      'languages: [en, ja]',
      'required-translations: []',
      'review:',
      '  interval: 12m',
      '  warn-before: 30d',
      'people: people.yaml',
      'standards: [iso9001]',
      '',
    ].join('\n'),
  );
  write('people.yaml', PEOPLE.map((key, index) => `${key}:\n  name: Worker ${index}\n  role: Operator${index % 13 === 0 ? '\n  leaves: 2027-03-31' : ''}\n`).join('\n'));

  const hubs = Array.from({ length: Math.min(shape.hubs, shape.sources) }, (_, index) => index);
  const documents: string[] = [];
  for (let index = 0; index < shape.sources; index++) {
    const path = sourcePath(index, shape);
    documents.push(path);
    const layer = LAYERS[index % LAYERS.length]!;
    const owner = pick(PEOPLE);
    const expert = pick(PEOPLE);
    const month = String(1 + Math.floor(next() * 10)).padStart(2, '0');
    const year = next() < 0.1 ? 2024 : 2026;
    const clauses = [pick(CLAUSES), pick(CLAUSES)];
    const frontMatter = [
      '---',
      `id: ${idOf(index)}`,
      `title: Procedure ${index} for ${AREAS[index % AREAS.length]} work`,
      'type: sop',
      `access: ${layer}`,
      ...(layer === 'master' ? [`access-list: [${owner}, ${expert}]`] : []),
      `owner: ${owner}`,
      `expert: ${expert}`,
      `approved-by: ${pick(PEOPLE)}`,
      `reviewed: ${year}-${month}-15`,
      `version: ${1 + (index % 5)}`,
      `iso9001: [${[...new Set(clauses)].join(', ')}]`,
      `related: [${idOf(index >= LAYERS.length ? index - LAYERS.length : index + LAYERS.length)}]`,
      '---',
    ];
    const links: string[] = [];
    for (let link = 0; link < shape.linksPerDocument; link++) {
      const candidate = link === 0 && index >= hubs.length ? pick(hubs) : Math.floor(next() * shape.sources);
      // Links go to a document of the same or a lower layer (indices cycle through the layers), but for a few leaks.
      const lowered = candidate - ((candidate % LAYERS.length) - (index % LAYERS.length));
      const targetIndex = candidate % LAYERS.length <= index % LAYERS.length || next() < 0.01 || lowered >= shape.sources ? candidate : lowered;
      const target = sourcePath(targetIndex, shape);
      const broken = next() < shape.brokenShare;
      const heading = pick(HEADINGS);
      const fragment = broken && next() < 0.5 ? `${slug(heading)}-x` : slug(heading);
      const file = broken && !fragment.endsWith('-x') ? target.replace('.md', '-missing.md') : target;
      links.push(`[${idOf(targetIndex)}](${relative(path, file)}#${fragment})`);
    }
    const body = HEADINGS.map((heading, position) => {
      const prose =
        position === 4
          ? `1. Prepare the work piece as in ${links[0]}.\n2. Set the machine; see ${links[1]} and ${links[2]}.\n3. Run the first piece and measure it.\n4. Record the result; compare with ${links[3]}.\n`
          : position === 5
            ? `Check every tenth piece. When a value is outside the limits, stop and follow ${links[4]}.\n`
            : `This section of procedure ${index} describes ${heading.toLowerCase()} for the ${AREAS[index % AREAS.length]} cell. Keep the work area clean and the gauges calibrated.\n`;
      return `## ${heading}\n\n${prose}`;
    });
    write(path, `${frontMatter.join('\n')}\n\n# Procedure ${index}\n\n${body.join('\n')}`);
  }

  for (let index = 0; index < shape.translations && index < shape.sources; index++) {
    const source = sourcePath(index, shape);
    const path = source.replace(/\.md$/, '.ja.md');
    documents.push(path);
    // Another translation of the same access layer (indices cycle through the layers).
    const sameLayer = Math.floor((next() * shape.translations) / LAYERS.length) * LAYERS.length + (index % LAYERS.length);
    const linkTarget = sourcePath(sameLayer < shape.translations ? sameLayer : index, shape).replace(/\.md$/, '.ja.md');
    const text = [
      '---',
      `id: ${idOf(index)}`,
      'lang: ja',
      `translated-from-version: ${Math.max(1, 1 + (index % 5) - (next() < 0.05 ? 1 : 0))}`,
      `title: 作業手順 ${index}(${AREAS[index % AREAS.length]})`,
      'type: sop',
      `access: ${LAYERS[index % LAYERS.length]}`,
      ...(LAYERS[index % LAYERS.length] === 'master' ? [`access-list: [${PEOPLE[0]}]`] : []),
      `owner: ${pick(PEOPLE)}`,
      `expert: ${pick(PEOPLE)}`,
      'reviewed: 2026-06-01',
      `iso9001: [${pick(CLAUSES)}]`,
      '---',
      '',
      `# 作業手順 ${index}`,
      '',
      ...JA_HEADINGS.flatMap((heading, position) => [
        `## ${heading}`,
        '',
        position === 4
          ? `1. 加工物を準備する。\n2. 機械を設定する。[関連手順](${relative(path, linkTarget)})を参照。\n3. 初品を加工して測定する。\n4. 結果を記録する。`
          : `この節では、${AREAS[index % AREAS.length]} セルにおける${heading}を説明する。作業場を清潔に保ち、ゲージを校正しておくこと。`,
        '',
      ]),
    ].join('\n');
    write(path, text);
  }
  return { root, files, bytes, hubs: hubs.map((index) => sourcePath(index, shape)), documents };
}

/** Issue 16's bench shape: a skills matrix of 300 people × 2,000 records (about 140 KB). */
export const TRAINING_SHAPE = { people: 300, records: 2_000 } as const;

/**
 * Adds a training.yaml to a repository `generateRepository` wrote: `people`
 * trainees (appended to people.yaml, so none is unknown) holding `records`
 * records on the source documents, every level, some on an older version
 * (training/outdated), one in twenty naming a trainer from the registry's
 * workers (training/trainer: none of them is recorded as a trainer).
 * Deterministic, like the repository.
 */
export function writeTrainingRecords(root: string, shape: RepositoryShape, training: { readonly people: number; readonly records: number } = TRAINING_SHAPE, seed = 20261201): void {
  const next = random(seed);
  const levels = ['learning', 'supervised', 'independent', 'trainer'] as const;
  const trainees = Array.from({ length: training.people }, (_, index) => `p.trainee${String(index).padStart(3, '0')}`);
  const registry = trainees.map((key, index) => `${key}:\n  name: Trainee ${index}\n  role: Operator\n`).join('\n');
  writeFileSync(join(root, 'people.yaml'), `${readFileSync(join(root, 'people.yaml'), 'utf8')}\n${registry}`);
  const blocks = trainees.map((person, personIndex) => {
    const count = Math.floor(training.records / training.people) + (personIndex < training.records % training.people ? 1 : 0);
    const taken = new Set<number>();
    const lines = [`${person}:`];
    while (taken.size < Math.min(count, shape.sources)) {
      const document = Math.floor(next() * shape.sources);
      if (taken.has(document)) continue;
      taken.add(document);
      const version = 1 + (document % 5);
      const trained = next() < 0.1 && version > 1 ? version - 1 : version;
      const level = levels[Math.floor(next() * levels.length)]!;
      const month = String(1 + Math.floor(next() * 10)).padStart(2, '0');
      // A trainer on one record in twenty, as the samples have it: most records say only who holds what.
      const trainer = next() < 0.05 ? `, trainer: ${PEOPLE[document % PEOPLE.length]}` : '';
      lines.push(`  ${idOf(document)}: { level: ${level}, version: ${trained}, date: 2026-${month}-01${trainer} }`);
    }
    return lines.join('\n');
  });
  writeFileSync(join(root, 'training.yaml'), `# Generated training records: ${training.people} people, ${training.records} records.\n${blocks.join('\n')}\n`);
}
