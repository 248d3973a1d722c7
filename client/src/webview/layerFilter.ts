/**
 * The coverage matrix's layer filter: the coverage report as it would be
 * with only the documents of some access layers, covered and gap flags
 * recomputed, and per clause how many documents were left out (the
 * renderer's `withheld`). Pure, so it is unit-tested under Node.
 */
import type { CoverageReport } from '../../../server/src/protocol';

export interface LayerView {
  readonly report: CoverageReport;
  /** Clause → number of covering documents left out by the filter. */
  readonly withheld: Readonly<Record<string, number>>;
}

export function filterByLayers(report: CoverageReport, layers: readonly string[] | undefined): LayerView {
  if (!layers) return { report, withheld: {} };
  const shown = new Set(layers);
  const withheld: Record<string, number> = {};
  const clauses = report.clauses.map((clause) => {
    const documents = clause.documents.filter((document) => document.access !== null && shown.has(document.access));
    const left = clause.documents.length - documents.length;
    if (left > 0) withheld[clause.clause] = left;
    const covered = documents.length > 0;
    return { ...clause, documents, covered, gap: clause.documented && !covered };
  });
  const summary = {
    ...report.summary,
    covered: clauses.filter((clause) => clause.covered).length,
    gaps: clauses.filter((clause) => clause.gap).length,
  };
  return { report: { ...report, clauses, summary }, withheld };
}

/**
 * The `--max-layer` equivalent of the matrix's filter: the highest layer of
 * `shown` when `shown` is exactly the layers up to it; undefined otherwise
 * (no filter, or a set such as "only master" that no layer limit matches).
 */
export function maxLayerOfFilter(layers: readonly string[], shown: readonly string[] | undefined): string | undefined {
  if (!shown || shown.length === 0) return undefined;
  const prefix = layers.slice(0, shown.length);
  return shown.length === new Set(shown).size && prefix.every((layer) => shown.includes(layer)) ? prefix[prefix.length - 1] : undefined;
}
