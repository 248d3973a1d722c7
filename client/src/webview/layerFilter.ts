/**
 * The `--max-layer` equivalent of the coverage matrix's layer filter (the
 * filter itself is applied by the server, densho/coverageMatrix). Pure, so
 * it is unit-tested under Node.
 */

/**
 * The highest layer of `shown` when `shown` is exactly the layers up to it;
 * undefined otherwise (no filter, or a set such as "only master" that no
 * layer limit matches).
 */
export function maxLayerOfFilter(layers: readonly string[], shown: readonly string[] | undefined): string | undefined {
  if (!shown || shown.length === 0) return undefined;
  const prefix = layers.slice(0, shown.length);
  return shown.length === new Set(shown).size && prefix.every((layer) => shown.includes(layer)) ? prefix[prefix.length - 1] : undefined;
}
