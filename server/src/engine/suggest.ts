import damerauLevenshtein from 'damerau-levenshtein';

/** Edits between two words, a swap of two neighbouring letters (`titel` → `title`) counting as one, as people mistype. */
function distance(a: string, b: string): number {
  return damerauLevenshtein(a, b).steps;
}

/**
 * The candidate closest to `word`, when it is close enough to be what the
 * author meant (a typo, not a different word): at most a third of its
 * letters differ.
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const lowered = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lowered, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(word.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}
