/**
 * Clause coverage: which approved documents cover which clause of a
 * standard, with subclauses rolled up to their parents, and the gaps among
 * clauses that require documented information.
 */
import { formatDay } from '../dates';
import type { DocumentMeta } from '../frontmatter';
import { clauseTitle, type Standard } from '../standards/registry';
import type { IndexedDocument } from '../workspaceIndex';
import { documentsById } from './documents';

export interface CoverageDocument {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  readonly type: DocumentMeta['type'];
  readonly access: string | null;
  /** True when mapped to this clause itself, false when through a subclause. */
  readonly direct: boolean;
}

export interface CoverageClause {
  readonly clause: string;
  readonly title: string;
  /** 1 for `8`, 2 for `8.5`, 3 for `8.5.1`. */
  readonly level: number;
  readonly documented: boolean;
  readonly covered: boolean;
  readonly gap: boolean;
  readonly documents: readonly CoverageDocument[];
  /** For 7.1.6 (organizational knowledge): the expert sources behind the covering documents. */
  readonly experts?: readonly string[];
}

export interface CoverageReport {
  readonly version: 1;
  readonly today: string;
  readonly standard: { readonly id: string; readonly title: string };
  readonly clauses: readonly CoverageClause[];
  readonly summary: { readonly clauses: number; readonly covered: number; readonly documented: number; readonly gaps: number };
}

const KNOWLEDGE_CLAUSE = '7.1.6';

/** Approved documents count; a translation counts through its id, once. */
function countsForCoverage(document: IndexedDocument): boolean {
  return document.meta.status === 'approved';
}

/** Clause number → covering documents (self and ancestors of each mapped clause). */
export function coveredClauses(standard: Standard, documents: Iterable<IndexedDocument>): Map<string, { document: IndexedDocument; direct: boolean }[]> {
  const covered = new Map<string, { document: IndexedDocument; direct: boolean }[]>();
  for (const document of documentsById(documents)) {
    if (!countsForCoverage(document)) continue;
    // Clause → whether this document names it itself; naming it directly wins over reaching it through a subclause.
    const reached = new Map<string, boolean>();
    for (const ref of document.meta.clauses.get(standard.id) ?? []) {
      standard.selfAndAncestors(ref.value).forEach((number, depth) => reached.set(number, reached.get(number) === true || depth === 0));
    }
    for (const [number, direct] of reached) {
      const list = covered.get(number);
      if (list) list.push({ document, direct });
      else covered.set(number, [{ document, direct }]);
    }
  }
  return covered;
}

/** `language` picks the clause titles (`ja`: JIS Q 9001's); English when absent or when a clause has none in it. */
export function coverageReport(standard: Standard, documents: Iterable<IndexedDocument>, today: number, language?: string | null): CoverageReport {
  const covered = coveredClauses(standard, documents);
  const clauses = standard.clauses.map((clause): CoverageClause => {
    const entries = (covered.get(clause.number) ?? []).slice().sort((a, b) => compare(a.document.meta.id?.value, b.document.meta.id?.value));
    const result: CoverageClause = {
      clause: clause.number,
      title: clauseTitle(clause, language),
      level: clause.number.split('.').length,
      documented: Boolean(clause.documented),
      covered: entries.length > 0,
      gap: Boolean(clause.documented) && entries.length === 0,
      documents: entries.map(({ document, direct }) => ({
        id: document.meta.id?.value ?? document.path,
        title: document.meta.title ?? '',
        file: document.path,
        type: document.meta.type,
        access: document.meta.access?.value ?? null,
        direct,
      })),
    };
    if (clause.number !== KNOWLEDGE_CLAUSE) return result;
    const experts = new Set(entries.flatMap(({ document }) => document.meta.experts.map((ref) => ref.value)));
    return { ...result, experts: [...experts].sort() };
  });
  return {
    version: 1,
    today: formatDay(today),
    standard: { id: standard.id, title: standard.title },
    clauses,
    summary: {
      clauses: clauses.length,
      covered: clauses.filter((clause) => clause.covered).length,
      documented: clauses.filter((clause) => clause.documented).length,
      gaps: clauses.filter((clause) => clause.gap).length,
    },
  };
}

function compare(a: string | undefined, b: string | undefined): number {
  return (a ?? '').localeCompare(b ?? '');
}
