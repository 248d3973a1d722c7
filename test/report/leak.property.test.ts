/**
 * The promise of --max-layer, as a property: for every layer, nothing unique
 * to a document above it (a random marker in its title, body and the media
 * only it uses) appears anywhere in the export or in the report.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { auditPack, loadWorkspace, MemoryFileSystem, parseDay, planExport, renderAuditReport } from '../../server/src/engine';
import { PEOPLE } from '../helpers';

const LAYERS = ['public', 'internal', 'restricted', 'master'];

interface GeneratedDoc {
  /** Declared layer; undefined writes no `access` at all. */
  readonly layer: number | undefined;
  readonly marker: string;
  /** Index of the document this one translates (into ja), if any. */
  readonly translates: number | undefined;
  readonly links: readonly { readonly to: number; readonly form: 'wiki' | 'alias' | 'link' | 'image' | 'related' | 'definition' }[];
  readonly hasMedia: boolean;
}

const docArbitrary = (count: number) =>
  fc.record({
    layer: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined, freq: 6 }),
    marker: fc.stringMatching(/^[a-z0-9]{10}$/),
    translates: fc.option(fc.integer({ min: 0, max: count - 1 }), { nil: undefined, freq: 2 }),
    links: fc.array(fc.record({ to: fc.integer({ min: 0, max: count - 1 }), form: fc.constantFrom('wiki', 'alias', 'link', 'image', 'related', 'definition') }), { maxLength: 4 }),
    hasMedia: fc.boolean(),
  }) as fc.Arbitrary<GeneratedDoc>;

const repositoryArbitrary = fc.integer({ min: 1, max: 7 }).chain((count) => fc.array(docArbitrary(count), { minLength: count, maxLength: count }));

/** The documents' files; a translation of a translation, or of itself, falls back to a source document. */
function build(docs: readonly GeneratedDoc[]): { files: Record<string, string>; markers: string[]; paths: string[]; ids: string[]; isTranslation: boolean[]; sourceOf: (number | undefined)[] } {
  const files: Record<string, string> = { 'densho.yaml': 'languages: [en, ja]\n', 'people.yaml': PEOPLE };
  const sourceOf = docs.map((doc, i) => (doc.translates !== undefined && doc.translates !== i && docs[doc.translates]!.translates === undefined ? doc.translates : undefined));
  const ids = docs.map((_, i) => `SOP-P-${String(sourceOf[i] ?? i).padStart(3, '0')}`);
  const paths = docs.map((_, i) => (sourceOf[i] === undefined ? `sops/d${i}.md` : `sops/d${sourceOf[i]}-${i}.ja.md`));
  const markers = docs.map((doc, i) => `zq${i}x${doc.marker}`);
  docs.forEach((doc, i) => {
    const translation = sourceOf[i] !== undefined;
    const related = doc.links.filter((link) => link.form === 'related').map((link) => ids[link.to]);
    const front = [
      `id: ${ids[i]}`,
      `title: Title ${markers[i]}`,
      doc.layer === undefined ? undefined : `access: ${LAYERS[doc.layer]}`,
      doc.layer === 3 ? 'access-list: [h.sato]' : undefined,
      'owner: k.tanaka',
      'expert: h.sato',
      'reviewed: 2026-01-10',
      'version: 2',
      'iso9001: [8.5.1, 7.1.6]',
      translation ? 'lang: ja\ntranslated-from-version: 1' : undefined,
      related.length > 0 ? `related: [${related.join(', ')}]` : undefined,
    ].filter((line) => line !== undefined);
    const body = [`# Heading ${markers[i]}`, '', `Body text ${markers[i]}.`, '', '## Steps', '', '1. Do the work.', ''];
    for (const link of doc.links) {
      const target = paths[link.to]!.slice('sops/'.length);
      if (link.form === 'wiki') body.push(`See [[${ids[link.to]}]].`);
      if (link.form === 'alias') body.push(`See [[${ids[link.to]}#steps|the other steps]].`);
      if (link.form === 'link') body.push(`See [the other one](${target}#steps).`);
      if (link.form === 'image') body.push(`![a picture](${target})`);
      if (link.form === 'definition') body.push(`See [the procedure][p${link.to}].`, '', `[p${link.to}]: ${target}`);
      body.push('');
    }
    if (doc.hasMedia) {
      files[`media/m${i}.txt`] = `media of ${markers[i]}\n`;
      body.push(`![media](../media/m${i}.txt)`, '');
    }
    files[paths[i]!] = `---\n${front.join('\n')}\n---\n${body.join('\n')}`;
  });
  return { files, markers, paths, ids, isTranslation: sourceOf.map((source) => source !== undefined), sourceOf };
}

describe('--max-layer never leaks a higher layer', () => {
  it('holds for the export and the report, at every layer', async () => {
    await fc.assert(
      fc.asyncProperty(repositoryArbitrary, async (docs) => {
        const { files, markers, sourceOf, ids, paths } = build(docs);
        const workspace = await loadWorkspace(new MemoryFileSystem(files), { today: parseDay('2026-11-25') });
        // The rule, restated independently: no access counts as the top layer; a translation is never lower than its source.
        const declared = docs.map((doc) => doc.layer ?? 3);
        const effective = declared.map((layer, i) => Math.max(layer, sourceOf[i] === undefined ? layer : declared[sourceOf[i]!]!));
        for (let layer = 0; layer < LAYERS.length; layer++) {
          const plan = planExport(workspace, layer);
          const exported = plan.files.map((file) => `${file.path}\n${file.text ?? files[file.path]}`).join('\n');
          const reports = [renderAuditReport(auditPack(workspace, { maxLayer: layer })), renderAuditReport(auditPack(workspace, { maxLayer: layer, lang: 'ja' }))].join('\n');
          markers.forEach((marker, i) => {
            if (effective[i]! > layer) {
              assert.ok(!exported.includes(marker), `export at ${LAYERS[layer]} leaks document ${i} (layer ${effective[i]})`);
              // Nor do links name it: neither its file nor, unless a visible translation shares it, its id.
              const fileName = paths[i]!.slice('sops/'.length);
              assert.ok(!exported.includes(`(${fileName}`) && !exported.includes(`: ${fileName}`), `export at ${LAYERS[layer]} links to withheld ${fileName}`);
              if (!ids.some((id, j) => id === ids[i] && effective[j]! <= layer)) {
                assert.ok(!exported.includes(ids[i]!), `export at ${LAYERS[layer]} names withheld ${ids[i]}`);
                assert.ok(!reports.includes(ids[i]!), `report at ${LAYERS[layer]} names withheld ${ids[i]}`);
              }
              assert.ok(!reports.includes(marker), `report at ${LAYERS[layer]} leaks document ${i} (layer ${effective[i]})`);
            } else {
              assert.ok(exported.includes(`Body text ${marker}`), `export at ${LAYERS[layer]} holds visible document ${i}`);
              if (sourceOf[i] === undefined || effective[sourceOf[i]!]! > layer) {
                assert.ok(reports.includes(marker), `report at ${LAYERS[layer]} lists visible document ${i}`);
              }
            }
          });
        }
      }),
      { numRuns: 150 },
    );
  });
});
