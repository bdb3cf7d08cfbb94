import { ngramCounts, rougeNFromCounts } from './rouge';

/** A sentence with its scoring tokens. */
export interface TokenizedSentence {
  text: string;
  tokens: string[];
}

/**
 * LEAD baseline: the first sentences, in order, while the total stays within
 * `budget` words (always at least the first sentence).
 */
export function leadSummary(sentences: readonly TokenizedSentence[], budget: number): TokenizedSentence[] {
  const out: TokenizedSentence[] = [];
  let words = 0;
  for (const s of sentences) {
    if (out.length > 0 && words + s.tokens.length > budget) break;
    out.push(s);
    words += s.tokens.length;
  }
  return out;
}

function addCounts(into: Map<string, number>, from: ReadonlyMap<string, number>): Map<string, number> {
  const merged = new Map(into);
  for (const [gram, count] of from) merged.set(gram, (merged.get(gram) ?? 0) + count);
  return merged;
}

/**
 * ORACLE upper bound: greedy extractive selection that, at each step, adds
 * the sentence raising the mean of ROUGE-1 and ROUGE-2 F1 (averaged over the
 * references) the most while staying within `budget` words; like LEAD, the
 * first sentence may exceed the budget alone. It stops when no sentence fits
 * or improves the score. Returned in article order.
 */
export function oracleSummary(
  sentences: readonly TokenizedSentence[],
  references: readonly (readonly string[])[],
  budget: number,
): TokenizedSentence[] {
  const refs = references.map((r) => ({ uni: ngramCounts(r, 1), bi: ngramCounts(r, 2) }));
  const units = sentences.map((s) => ({ uni: ngramCounts(s.tokens, 1), bi: ngramCounts(s.tokens, 2), words: s.tokens.length }));
  const score = (uni: ReadonlyMap<string, number>, bi: ReadonlyMap<string, number>): number =>
    refs.reduce((sum, ref) => sum + (rougeNFromCounts(uni, ref.uni).f + rougeNFromCounts(bi, ref.bi).f) / 2, 0) / Math.max(1, refs.length);

  const chosen = new Set<number>();
  let uni = new Map<string, number>();
  let bi = new Map<string, number>();
  let best = 0;
  let words = 0;
  for (;;) {
    let pick = -1;
    let pickScore = best;
    let pickUni = uni;
    let pickBi = bi;
    for (const [i, unit] of units.entries()) {
      const fits = words + unit.words <= budget || chosen.size === 0;
      if (chosen.has(i) || unit.words === 0 || !fits) continue;
      const u = addCounts(uni, unit.uni);
      const b = addCounts(bi, unit.bi);
      const s = score(u, b);
      if (s > pickScore) [pick, pickScore, pickUni, pickBi] = [i, s, u, b];
    }
    if (pick < 0) break;
    chosen.add(pick);
    [best, uni, bi] = [pickScore, pickUni, pickBi];
    words += units[pick]!.words;
  }
  return [...chosen].sort((a, b) => a - b).map((i) => sentences[i]!);
}
