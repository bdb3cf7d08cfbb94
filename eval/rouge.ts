/**
 * ROUGE-N and ROUGE-L (Lin, 2004) on token arrays, as F1 (β = 1). Callers
 * tokenise with eval/normalize.ts so that Arabic letters are kept.
 */

/** Precision, recall and F1 of one comparison. */
export interface Prf {
  p: number;
  r: number;
  f: number;
}

/** ROUGE-1, ROUGE-2 and ROUGE-L F1. */
export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

function prf(overlap: number, candidateTotal: number, referenceTotal: number): Prf {
  if (overlap === 0 || candidateTotal === 0 || referenceTotal === 0) return { p: 0, r: 0, f: 0 };
  const p = overlap / candidateTotal;
  const r = overlap / referenceTotal;
  return { p, r, f: (2 * p * r) / (p + r) };
}

/** Multiset of the n-grams of `tokens` (joined by a space). */
export function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

function total(counts: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const c of counts.values()) sum += c;
  return sum;
}

/** ROUGE-N from n-gram multisets: clipped overlap over candidate (P) and reference (R) n-grams. */
export function rougeNFromCounts(candidate: ReadonlyMap<string, number>, reference: ReadonlyMap<string, number>): Prf {
  let overlap = 0;
  for (const [gram, count] of candidate) {
    const ref = reference.get(gram);
    if (ref) overlap += Math.min(count, ref);
  }
  return prf(overlap, total(candidate), total(reference));
}

/** ROUGE-N of a candidate against one reference. */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): Prf {
  return rougeNFromCounts(ngramCounts(candidate, n), ngramCounts(reference, n));
}

/** Length of the longest common subsequence, O(n·m) time, O(m) memory. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  let curr = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      curr[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, curr[j - 1]!);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length]!;
}

/** ROUGE-L: LCS of the two token sequences over their lengths. */
export function rougeL(candidate: readonly string[], reference: readonly string[]): Prf {
  return prf(lcsLength(candidate, reference), candidate.length, reference.length);
}

/** ROUGE-1/2/L F1 of a candidate against one reference. */
export function rougeScores(candidate: readonly string[], reference: readonly string[]): RougeScores {
  return {
    rouge1: rougeN(candidate, reference, 1).f,
    rouge2: rougeN(candidate, reference, 2).f,
    rougeL: rougeL(candidate, reference).f,
  };
}

/** Mean of several score sets (zeros for an empty list). */
export function meanScores(list: readonly RougeScores[]): RougeScores {
  if (list.length === 0) return { rouge1: 0, rouge2: 0, rougeL: 0 };
  const sum = list.reduce((a, s) => ({ rouge1: a.rouge1 + s.rouge1, rouge2: a.rouge2 + s.rouge2, rougeL: a.rougeL + s.rougeL }), { rouge1: 0, rouge2: 0, rougeL: 0 });
  return { rouge1: sum.rouge1 / list.length, rouge2: sum.rouge2 / list.length, rougeL: sum.rougeL / list.length };
}

/** ROUGE F1 against each reference, averaged over the references. */
export function multiReferenceRouge(candidate: readonly string[], references: readonly (readonly string[])[]): RougeScores {
  return meanScores(references.map((ref) => rougeScores(candidate, ref)));
}
