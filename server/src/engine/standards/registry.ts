/**
 * The standards a repository maps documents to: built-ins by id, custom ones
 * from YAML files of the same shape as the built-in data.
 */
import type { Finding } from '../diagnostics';
import { CLAUSE_CEILING } from '../limits';
import { LineIndex, type Range } from '../text';
import { parseYaml, scalarText, findEntry } from '../yamlValue';
import { iso9001 } from './iso9001';
import type { ClauseDefinition, StandardDefinition } from './types';

export const BUILT_IN_STANDARDS: ReadonlyMap<string, StandardDefinition> = new Map([[iso9001.id, iso9001]]);

/** A standard with its clauses indexed for look-up and roll-up. */
export class Standard {
  private readonly byNumber = new Map<string, ClauseDefinition>();

  constructor(readonly definition: StandardDefinition) {
    for (const clause of definition.clauses) this.byNumber.set(clause.number, clause);
  }

  get id(): string {
    return this.definition.id;
  }

  get title(): string {
    return this.definition.title;
  }

  get clauses(): readonly ClauseDefinition[] {
    return this.definition.clauses;
  }

  clause(number: string): ClauseDefinition | undefined {
    return this.byNumber.get(number);
  }

  /** `8.5.1` → [`8.5.1`, `8.5`, `8`]: a document mapped to a subclause counts for its parents. */
  selfAndAncestors(number: string): string[] {
    const result: string[] = [];
    const parts = number.split('.');
    for (let length = parts.length; length > 0; length--) {
      const candidate = parts.slice(0, length).join('.');
      if (this.byNumber.has(candidate)) result.push(candidate);
    }
    return result;
  }
}

/** Reads a custom standard file; problems are reported on that file as `config/invalid`. */
export function parseStandardFile(file: string, text: string): { standard?: StandardDefinition; findings: Finding[] } {
  const lines = new LineIndex(text);
  const findings: Finding[] = [];
  const problem = (range: Range, message: string): void => {
    findings.push({ file, rule: 'config/invalid', range, message });
  };
  const parsed = parseYaml(text, lines);
  for (const error of parsed.errors) problem(error.range, `${file} is not valid YAML: ${error.message}`);
  const root = parsed.root;
  if (!root) return { findings };
  const id = scalarText(findEntry(root, 'id')?.value);
  const title = scalarText(findEntry(root, 'title')?.value);
  const clausesEntry = findEntry(root, 'clauses');
  if (!id || !/^[a-z][a-z0-9-]*$/.test(id)) {
    problem(findEntry(root, 'id')?.value.range ?? root.range, 'A standard needs an `id` of lower-case letters, digits and dashes, e.g. `iatf16949`.');
    return { findings };
  }
  if (clausesEntry?.value.kind !== 'list') {
    problem(clausesEntry?.value.range ?? root.range, 'A standard needs a `clauses` list of `number`, `title` and optional `documented`.');
    return { findings };
  }
  const clauses: ClauseDefinition[] = [];
  const seen = new Set<string>();
  const overflow = clausesEntry.value.items[CLAUSE_CEILING];
  if (overflow) problem(overflow.range, `${file} lists ${clausesEntry.value.items.length} clauses, more than the ${CLAUSE_CEILING} Densho reads: this clause and those after were not read.`);
  for (const item of clausesEntry.value.items.slice(0, CLAUSE_CEILING)) {
    const number = scalarText(findEntry(item, 'number')?.value);
    const clauseTitle = scalarText(findEntry(item, 'title')?.value);
    const documented = findEntry(item, 'documented')?.value;
    if (!number || !/^\d+(\.\d+)*$/.test(number) || !clauseTitle) {
      problem(item.range, 'Each clause needs a dotted `number` (e.g. 8.5.1) and a `title`.');
      continue;
    }
    if (seen.has(number)) {
      problem(item.range, `Clause ${number} is listed twice.`);
      continue;
    }
    seen.add(number);
    clauses.push({ number, title: clauseTitle, documented: documented?.kind === 'scalar' && documented.value === true });
  }
  return { standard: { id, title: title ?? id, clauses }, findings };
}
