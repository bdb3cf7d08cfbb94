import { termsOf } from './normalize';
import type { TermIndex } from './term-index';
import { termNeedle, type TermList } from './term-list';

/** One variant of a query word: a term matched exactly, or as the start of longer terms. */
export interface Variant {
  term: string;
  prefix: boolean;
}

/** What a constraint looks its word up in: one {@link TermIndex}, or several as one (see {@link unionOf}). */
export type TermLookup = Pick<TermIndex, 'count' | 'collect' | 'maxId'>;

/** Term indexes of the same ids looked up as one: an id found in several is collected once. */
export function unionOf(...indexes: readonly TermIndex[]): TermLookup {
  return {
    get maxId() {
      return Math.max(0, ...indexes.map((index) => index.maxId));
    },
    count(term, prefix, cap = Number.POSITIVE_INFINITY) {
      let total = 0;
      for (const index of indexes) if (total < cap) total += index.count(term, prefix, cap - total);
      return total;
    },
    collect(term, prefix, seen, out) {
      for (const index of indexes) index.collect(term, prefix, seen, out);
    },
  };
}

/**
 * One folded query word to match against one index: the word and, for Arabic,
 * the word without a light prefix; each a prefix when at least `minPrefix`
 * long. `terms(id)` gives the index terms of one id, to test it directly, and
 * `moreTerms(id)`, when set, more of them (an index that is a union).
 */
export interface Constraint {
  variants: Variant[];
  /** What each variant is searched for in a term list (see {@link termNeedle}), made once. */
  needles: string[];
  index: TermLookup;
  terms(id: number): TermList;
  moreTerms?(id: number): TermList;
}

/** A constraint for `word` (already folded) on `index`; `stripped`: also the word without an Arabic light prefix. */
export function constraint(word: string, minPrefix: number, index: TermLookup, terms: (id: number) => TermList, stripped = true): Constraint {
  const variants = variantsOf(word, minPrefix, stripped);
  return { variants, needles: variants.map(({ term, prefix }) => termNeedle(term, prefix)), index, terms };
}

/**
 * The terms a folded query word is looked up as: the word and, with
 * `stripped`, the word without an Arabic light prefix; each a prefix when at
 * least `minPrefix` long (any index of the library, in memory or not, matches these).
 */
export function variantsOf(word: string, minPrefix: number, stripped = true): Variant[] {
  return (stripped ? termsOf(word) : [word]).map((term) => ({ term, prefix: term.length >= minPrefix }));
}

/** True when the terms of `id` satisfy the constraint (as its index lookup would find `id`). */
export function satisfies(c: Constraint, id: number): boolean {
  const terms = c.terms(id);
  for (const needle of c.needles) if (terms.includes(needle)) return true;
  if (!c.moreTerms) return false;
  const more = c.moreTerms(id);
  for (const needle of c.needles) if (more.includes(needle)) return true;
  return false;
}

/** How a query is run: the ids of its most selective constraint, and a test of the others on each id. */
export interface MatchPlan {
  /** Ids of the most selective constraint, each once, in no particular order. */
  ids: number[];
  /** True when `id` is among {@link MatchPlan.ids}. */
  has(id: number): boolean;
  /** True when `id` satisfies the other constraints. */
  passes(id: number): boolean;
}

/**
 * Plan a query of several constraints (every one must hold): look up only the
 * most selective one in its index (the one whose postings are fewest) and
 * test the others on the ids it yields, instead of building and intersecting
 * a set for every word (a one-letter prefix can match most of the library).
 * Undefined when there are no constraints.
 */
export function planMatch(constraints: readonly Constraint[]): MatchPlan | undefined {
  if (constraints.length === 0) return undefined;
  let best = constraints[0]!;
  let bestCount = Number.POSITIVE_INFINITY;
  for (const c of constraints) {
    let count = 0;
    for (const v of c.variants) count += c.index.count(v.term, v.prefix, bestCount - count);
    if (count < bestCount) {
      best = c;
      bestCount = count;
    }
  }
  const seen = new Uint8Array(best.index.maxId + 1);
  const ids: number[] = [];
  for (const v of best.variants) best.index.collect(v.term, v.prefix, seen, ids);
  const rest = constraints.filter((c) => c !== best);
  return { ids, has: (id) => seen[id] === 1, passes: (id) => rest.every((c) => satisfies(c, id)) };
}
