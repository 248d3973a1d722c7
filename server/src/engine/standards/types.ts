/**
 * A management-system standard whose clauses documents map to, such as
 * ISO 9001:2015. The built-in standards and custom YAML standards named in
 * densho.yaml share this shape, so a quality manager can add IATF 16949 or
 * ISO 14001 by writing the same structure as a YAML file.
 */
export interface StandardDefinition {
  /** Front matter key that maps documents to this standard, e.g. `iso9001`. */
  readonly id: string;
  /** Human-readable name, e.g. `ISO 9001:2015`. */
  readonly title: string;
  /** Every clause and subclause, in document order. */
  readonly clauses: readonly ClauseDefinition[];
}

export interface ClauseDefinition {
  /** Dotted clause number, e.g. `8.5.1`. Kept as a string: `7.10` is not `7.1`. */
  readonly number: string;
  readonly title: string;
  /** The title in other languages, by language (`ja`: the JIS Q 9001 wording for ISO 9001); see `clauseTitle`. */
  readonly translatedTitles?: Readonly<Record<string, string>>;
  /** True when the clause requires documented information to be maintained or retained. */
  readonly documented?: boolean;
}
