/**
 * Knowledge holders (ISO 9001 7.1.6): per expert source, the documents they
 * hold and those only they hold, with leaving dates, most at risk first.
 */
import type { DenshoConfig } from '../config';
import { addDuration, formatDay, type Day } from '../dates';
import type { PeopleRegistry } from '../people';
import type { IndexedDocument } from '../workspaceIndex';
import { documentsById } from './documents';

export interface HeldDocument {
  readonly id: string;
  readonly title: string;
  readonly file: string;
  /** No other expert is named for this document. */
  readonly soleHolder: boolean;
  /** How many people training.yaml shows qualified to do it alone; null without training records. */
  readonly qualified: number | null;
}

export interface KnowledgeHolder {
  readonly expert: string;
  readonly name: string | null;
  readonly role: string | null;
  readonly active: boolean;
  readonly leaves: string | null;
  /** Leaves within `people-warn-before`. */
  readonly leavingSoon: boolean;
  readonly left: boolean;
  readonly documents: readonly HeldDocument[];
  readonly soleHolderOf: number;
}

export interface KnowledgeRisk {
  readonly version: 1;
  readonly today: string;
  readonly experts: readonly KnowledgeHolder[];
  readonly summary: { readonly experts: number; readonly soleHeldDocuments: number; readonly atRisk: number };
}

export function knowledgeRisk(
  documents: Iterable<IndexedDocument>,
  config: DenshoConfig,
  people: PeopleRegistry | undefined,
  today: Day,
  qualifiedCount?: (document: IndexedDocument) => number,
): KnowledgeRisk {
  const held = new Map<string, HeldDocument[]>();
  let soleHeldDocuments = 0;
  for (const document of documentsById(documents)) {
    const { meta } = document;
    if (meta.status === 'obsolete') continue;
    const experts = [...new Set(meta.experts.map((ref) => ref.value))];
    if (experts.length === 1) soleHeldDocuments++;
    for (const expert of experts) {
      const list = held.get(expert) ?? [];
      list.push({ id: meta.id?.value ?? document.path, title: meta.title ?? '', file: document.path, soleHolder: experts.length === 1, qualified: qualifiedCount?.(document) ?? null });
      held.set(expert, list);
    }
  }
  const horizon = addDuration(today, config.peopleWarnBefore);
  const experts = [...held.entries()].map(([expert, list]): KnowledgeHolder => {
    const person = people?.people.get(expert);
    const leaves = person?.leaves;
    return {
      expert,
      name: person?.name ?? null,
      role: person?.role ?? null,
      active: person?.active ?? true,
      leaves: leaves === undefined ? null : formatDay(leaves),
      leavingSoon: leaves !== undefined && leaves >= today && leaves <= horizon,
      left: leaves !== undefined && leaves < today,
      documents: list.sort((a, b) => a.id.localeCompare(b.id)),
      soleHolderOf: list.filter((document) => document.soleHolder).length,
    };
  });
  const atRisk = (holder: KnowledgeHolder) => holder.left || holder.leavingSoon || !holder.active;
  experts.sort((a, b) => Number(atRisk(b)) - Number(atRisk(a)) || b.soleHolderOf - a.soleHolderOf || a.expert.localeCompare(b.expert));
  return {
    version: 1,
    today: formatDay(today),
    experts,
    summary: { experts: experts.length, soleHeldDocuments, atRisk: experts.filter((holder) => atRisk(holder) && holder.soleHolderOf > 0).length },
  };
}
