/**
 * The promise of --max-layer, as a property: for every layer, nothing unique
 * to a document above it — a random marker in its title, body and headings,
 * the media only it (or only higher documents) use, the people only it
 * names — appears anywhere in any output that can leave the building: the
 * export tree, the audit pack (both languages), coverage as Markdown, CSV
 * and HTML, the review schedule and the knowledge-risk register. And
 * nothing a partner copy never carries (comments, people's e-mail) appears
 * in the export at any layer.
 *
 * The generator covers every way a document can name another or a file:
 * `[[ID]]`, `[[ID#h|alias]]`, links, images, reference definitions,
 * `related` and `supersedes` as a single value, a flow list, a block list
 * and a map, `media:` lists, pictures shared between documents of different
 * layers, "decoy" documents that reuse another's id, translations declared
 * at a lower layer than their source, and YAML and HTML comments.
 * (Link syntax only the new parser records — titles with `)`, escaped
 * labels, raw HTML — is left to the parser's own tests until it lands.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  auditPack,
  coverageReport,
  knowledgeRisk,
  layerView,
  loadWorkspace,
  MemoryFileSystem,
  parseDay,
  planExport,
  renderAuditReport,
  renderCoverageMatrix,
  reviewSchedule,
} from '../../server/src/engine';
import { coverageCsv, coverageMarkdown } from '../../server/src/cli/format/reports';
import { PEOPLE } from '../helpers';

const LAYERS = ['public', 'internal', 'restricted', 'master'];
const LINK_FORMS = ['wiki', 'alias', 'link', 'image', 'related', 'supersedes', 'definition'] as const;
const REFERENCE_FIELD_FORMS = ['flow', 'block', 'scalar', 'map'] as const;
const SHARED_MEDIA = 3;

interface GeneratedDoc {
  /** Declared layer; undefined writes no `access` at all. */
  readonly layer: number | undefined;
  readonly marker: string;
  /** Index of the document this one translates (into ja), if any. */
  readonly translates: number | undefined;
  /** Index of a document whose id this one reuses (same language): a decoy, or a copy-paste slip. */
  readonly decoyOf: number | undefined;
  readonly links: readonly { readonly to: number; readonly form: (typeof LINK_FORMS)[number] }[];
  /** How `related` and `supersedes` are written. */
  readonly fieldForm: (typeof REFERENCE_FIELD_FORMS)[number];
  readonly hasMedia: boolean;
  /** Shared pictures this document embeds (in the body) or lists (in `media:`). */
  readonly shared: readonly { readonly picture: number; readonly how: 'embed' | 'list' }[];
  readonly comments: boolean;
}

const docArbitrary = (count: number) =>
  fc.record({
    layer: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 6 }),
    marker: fc.stringMatching(/^[a-z0-9]{10}$/),
    translates: fc.option(fc.integer({ min: 0, max: count - 1 }), { nil: undefined, freq: 2 }),
    decoyOf: fc.option(fc.integer({ min: 0, max: count - 1 }), { nil: undefined, freq: 5 }),
    links: fc.array(fc.record({ to: fc.integer({ min: 0, max: count - 1 }), form: fc.constantFrom(...LINK_FORMS) }), { maxLength: 4 }),
    fieldForm: fc.constantFrom(...REFERENCE_FIELD_FORMS),
    hasMedia: fc.boolean(),
    shared: fc.array(fc.record({ picture: fc.integer({ min: 0, max: SHARED_MEDIA - 1 }), how: fc.constantFrom('embed' as const, 'list' as const) }), { maxLength: 2 }),
    comments: fc.boolean(),
  }) as fc.Arbitrary<GeneratedDoc>;

const repositoryArbitrary = fc.integer({ min: 1, max: 7 }).chain((count) => fc.array(docArbitrary(count), { minLength: count, maxLength: count }));

interface Built {
  readonly files: Record<string, string>;
  readonly markers: string[];
  readonly paths: string[];
  readonly ids: string[];
  readonly langs: string[];
  readonly sourceOf: (number | undefined)[];
  /** Markers of each shared picture's content. */
  readonly sharedMarkers: string[];
  /** Which documents use each shared picture. */
  readonly sharedUsers: number[][];
}

/** A YAML field naming ids in the document's chosen form; a single value only when there is one. */
function idField(key: string, ids: readonly string[], form: GeneratedDoc['fieldForm']): string | undefined {
  if (ids.length === 0) return undefined;
  if (form === 'scalar' && ids.length === 1) return `${key}: ${ids[0]}`;
  if (form === 'block') return `${key}:\n${ids.map((id) => `  - ${id}`).join('\n')}`;
  if (form === 'map') return `${key}:\n${ids.map((id, n) => `  because-${n}: ${id}`).join('\n')}`;
  return `${key}: [${ids.join(', ')}]`;
}

/** The documents' files; a translation of a translation, or of itself, falls back to a source document. */
function build(docs: readonly GeneratedDoc[]): Built {
  const sharedMarkers = Array.from({ length: SHARED_MEDIA }, (_, k) => `zs_${k}_${docs[0]!.marker.slice(0, 6)}`);
  const people = [PEOPLE, ...docs.map((doc, i) => `p${i}:\n  name: Person zp_${i}_${doc.marker}\n  role: Role zr_${i}_${doc.marker}\n  email: zm_${i}_${doc.marker}@example.com\n`)].join('');
  const files: Record<string, string> = {
    'densho.yaml': `# settings note zk_${docs[0]!.marker}\nlanguages: [en, ja] # zk_${docs[0]!.marker}\n`,
    'people.yaml': people,
  };
  sharedMarkers.forEach((marker, k) => (files[`media/s${k}.txt`] = `shared picture ${marker}\n`));
  const sourceOf = docs.map((doc, i) => (doc.translates !== undefined && doc.translates !== i && docs[doc.translates]!.translates === undefined ? doc.translates : undefined));
  // A decoy reuses the id of a source document, in the source language; a translation never is one.
  const decoyOf = docs.map((doc, i) => (sourceOf[i] === undefined && doc.decoyOf !== undefined && doc.decoyOf !== i && sourceOf[doc.decoyOf] === undefined && docs[doc.decoyOf]!.decoyOf === undefined ? doc.decoyOf : undefined));
  const ids = docs.map((_, i) => `SOP-P-${String(sourceOf[i] ?? decoyOf[i] ?? i).padStart(3, '0')}`);
  const langs = docs.map((_, i) => (sourceOf[i] === undefined ? 'en' : 'ja'));
  const paths = docs.map((_, i) => (sourceOf[i] === undefined ? `sops/d${i}.md` : `sops/d${sourceOf[i]}-${i}.ja.md`));
  const markers = docs.map((doc, i) => `zq${i}x${doc.marker}`);
  const sharedUsers: number[][] = sharedMarkers.map(() => []);
  docs.forEach((doc, i) => {
    const translation = sourceOf[i] !== undefined;
    const related = doc.links.filter((link) => link.form === 'related').map((link) => ids[link.to]!);
    const supersedes = doc.links.filter((link) => link.form === 'supersedes').map((link) => ids[link.to]!);
    const listed = doc.shared.filter((use) => use.how === 'list').map((use) => `../media/s${use.picture}.txt`);
    for (const use of doc.shared) if (!sharedUsers[use.picture]!.includes(i)) sharedUsers[use.picture]!.push(i);
    const front = [
      `id: ${ids[i]}`,
      `title: Title ${markers[i]}${doc.comments ? ` # title note zc_${i}_${doc.marker}` : ''}`,
      doc.layer === undefined ? undefined : `access: ${LAYERS[doc.layer]}`,
      doc.layer === 3 ? 'access-list: [h.sato]' : undefined,
      doc.comments ? `# reviewer note zc_${i}_${doc.marker}` : undefined,
      'owner: k.tanaka',
      `expert: [h.sato, p${i}]`,
      'reviewed: 2026-01-10',
      'version: 2',
      'iso9001: [8.5.1, 7.1.6]',
      translation ? 'lang: ja\ntranslated-from-version: 1' : undefined,
      idField('related', related, doc.fieldForm),
      idField('supersedes', supersedes, doc.fieldForm),
      listed.length > 0 ? `media: [${listed.join(', ')}]` : undefined,
    ].filter((line) => line !== undefined);
    const body = [`# Heading ${markers[i]}`, '', `Body text ${markers[i]}.`, '', '## Steps', '', '1. Do the work.', ''];
    if (doc.comments) body.push(`Said <!-- aside zc_${i}_${doc.marker} --> aloud.`, '', '<!--', `block note zc_${i}_${doc.marker}`, '-->', '');
    for (const link of doc.links) {
      const target = paths[link.to]!.slice('sops/'.length);
      if (link.form === 'wiki') body.push(`See [[${ids[link.to]}]].`);
      if (link.form === 'alias') body.push(`See [[${ids[link.to]}#steps|the other steps]].`);
      if (link.form === 'link') body.push(`See [the other one](${target}#steps).`);
      if (link.form === 'image') body.push(`![a picture](${target})`);
      if (link.form === 'definition') body.push(`See [the procedure][p${link.to}].`, '', `[p${link.to}]: ${target}`);
      body.push('');
    }
    for (const use of doc.shared) if (use.how === 'embed') body.push(`![shared](../media/s${use.picture}.txt)`, '');
    if (doc.hasMedia) {
      files[`media/m${i}.txt`] = `media of ${markers[i]}\n`;
      body.push(`![media](../media/m${i}.txt)`, '');
    }
    files[paths[i]!] = `---\n${front.join('\n')}\n---\n${body.join('\n')}`;
  });
  return { files, markers, paths, ids, langs, sourceOf, sharedMarkers, sharedUsers };
}

/**
 * The visibility rule, restated independently of the engine: no `access`
 * counts as the top layer; a document sharing its id in its language counts
 * as the highest of them; a translation as the highest source-language
 * document with its id.
 */
function effectiveLayers(docs: readonly GeneratedDoc[], built: Built): number[] {
  const declared = docs.map((doc) => doc.layer ?? 3);
  return docs.map((_, i) => {
    let layer = declared[i]!;
    docs.forEach((__, j) => {
      if (built.ids[j] !== built.ids[i]) return;
      if (built.langs[j] === built.langs[i] || (built.langs[i] !== 'en' && built.langs[j] === 'en')) layer = Math.max(layer, declared[j]!);
    });
    return layer;
  });
}

describe('--max-layer never leaks a higher layer', () => {
  it('holds for the export, the report and every report format, at every layer', async () => {
    await fc.assert(
      fc.asyncProperty(repositoryArbitrary, async (docs) => {
        const built = build(docs);
        const { files, markers, ids, paths } = built;
        const workspace = await loadWorkspace(new MemoryFileSystem(files), { today: parseDay('2026-11-25') });
        const effective = effectiveLayers(docs, built);
        for (let layer = 0; layer < LAYERS.length; layer++) {
          const plan = planExport(workspace, layer);
          assert.deepEqual(plan.refused ?? [], [], 'every construct here can be rewritten exactly');
          const exported = plan.files.map((file) => `${file.path}\n${file.text ?? files[file.path]}`).join('\n');
          const visible = layerView(workspace, layer).visible;
          const standard = workspace.standards[0]!;
          const coverage = coverageReport(standard, visible, workspace.today);
          const reports = [
            renderAuditReport(auditPack(workspace, { maxLayer: layer })),
            renderAuditReport(auditPack(workspace, { maxLayer: layer, lang: 'ja' })),
            coverageMarkdown(coverage),
            coverageCsv(coverage),
            renderCoverageMatrix(coverage),
            JSON.stringify(reviewSchedule(visible, workspace.config, workspace.people, workspace.today, { amount: 5, unit: 'y' })),
            JSON.stringify(knowledgeRisk(visible, workspace.config, workspace.people, workspace.today)),
          ].join('\n');
          const everything = `${exported}\n${reports}`;
          const at = `at ${LAYERS[layer]}`;

          // What a partner copy never carries, at any layer.
          assert.ok(!exported.includes('zc_'), `export ${at} carries no comment of a document`);
          assert.ok(!exported.includes('zk_'), `export ${at} carries no comment of densho.yaml`);
          assert.ok(!everything.includes('zm_'), `nothing ${at} carries a person's e-mail address`);

          markers.forEach((marker, i) => {
            if (effective[i]! > layer) {
              assert.ok(!everything.includes(marker), `output ${at} leaks document ${i} (layer ${effective[i]})`);
              assert.ok(!everything.includes(`zp_${i}_`) && !everything.includes(`zr_${i}_`), `output ${at} names the person only document ${i} names`);
              // Nor do links name it: neither its file nor, unless a visible document shares it, its id.
              const fileName = paths[i]!.slice('sops/'.length);
              assert.ok(!exported.includes(`(${fileName}`) && !exported.includes(`: ${fileName}`), `export ${at} links to withheld ${fileName}`);
              if (docs[i]!.hasMedia) assert.ok(!everything.includes(`m${i}.txt`), `output ${at} names the media only document ${i} uses`);
              if (!ids.some((id, j) => id === ids[i] && effective[j]! <= layer)) {
                assert.ok(!exported.includes(ids[i]!), `export ${at} names withheld ${ids[i]}`);
                assert.ok(!reports.includes(ids[i]!), `report ${at} names withheld ${ids[i]}`);
              }
            } else {
              assert.ok(exported.includes(`Body text ${marker}`), `export ${at} holds visible document ${i}`);
              if (built.sourceOf[i] === undefined || effective[built.sourceOf[i]!]! > layer) {
                assert.ok(reports.includes(marker), `report ${at} lists visible document ${i}`);
              }
            }
          });
          built.sharedMarkers.forEach((marker, k) => {
            const users = built.sharedUsers[k]!;
            const pictureLayer = Math.max(-1, ...users.map((i) => effective[i]!));
            if (pictureLayer > layer) {
              assert.ok(!everything.includes(marker) && !everything.includes(`s${k}.txt`), `output ${at} carries shared picture ${k}, which a layer-${pictureLayer} document uses`);
            } else if (users.length > 0) {
              assert.ok(exported.includes(marker), `export ${at} copies shared picture ${k}, used only at layer ${pictureLayer}`);
            }
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});
