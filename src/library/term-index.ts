import { swapBlocks, storedTerms, type TermList } from './term-list';

/** Most term lists kept waiting to be filed together (see {@link TermIndex.addList}); larger batches made V8 grow its young generation (+10 MB RSS) for no speed. */
const FILING_BATCH = 1024;

/**
 * The ids of a term changed since the last {@link TermIndex.prepare}: a bare
 * number for the (very common) single id, else an array (empty: the term
 * lost its ids, hiding its frozen posting).
 */
type Loose = number | number[];

/**
 * The terms and ids as the last {@link TermIndex.prepare} left them: terms
 * sorted, and per term a code: the id itself when it is the only one, else
 * `-(slot + 1)`: ids `ids[starts[slot] … starts[slot + 1])`.
 */
interface Frozen {
  terms: string[];
  codes: Int32Array;
  ids: Int32Array;
  /** Where each slot's ids start in `ids`, and one more entry: the end. */
  starts: Int32Array;
}

const EMPTY: Frozen = { terms: [], codes: new Int32Array(0), ids: new Int32Array(0), starts: new Int32Array(1) };

/**
 * An inverted index from terms to numeric ids, with prefix lookup. Compact
 * once prepared: {@link TermIndex.prepare} freezes every term into one
 * sorted array, each with a 32-bit code, and the ids of terms with several
 * into one array of 32-bit ids (4 bytes an id; a JS array per term cost 48
 * bytes plus 8 an id, and a `Map` of the terms 56 bytes a term in its hash
 * table: 6 MB of tables for the 10,000-article bench library). Exact terms
 * are found by binary search. Terms added or changed since are kept in a
 * small map beside it, which overrides the frozen posting, until the next
 * `prepare`; removal is linear in the posting's length, which live updates
 * can afford. Terms are kept as term lists keep them (see `term-list.ts`:
 * one byte a character). Ids are positive integers.
 * {@link PlainTermIndex} is the plain reference it is tested against.
 */
export class TermIndex {
  private frozen: Frozen = EMPTY;
  private readonly loose = new Map<string, Loose>();
  /** The keys of {@link TermIndex.loose}, sorted (for prefix lookups), until it changes. */
  private looseSorted: string[] | undefined;
  /** Largest id ever added (ids are small increasing integers), to size the marks of {@link TermIndex.collect}. */
  private largest = 0;

  /** Term lists not filed yet (see {@link TermIndex.addList}), and their ids. */
  private pendingLists: TermList[] = [];
  private pendingIds: number[] = [];

  /** Index `id` under each of `terms` (duplicates ignored by the caller). */
  add(terms: Iterable<string>, id: number): void {
    this.fileAll();
    for (const term of terms) this.file(swapBlocks(term), id);
  }

  /**
   * Index `id` under each term of `list`, filed a thousand lists at a time
   * (or at the next lookup, removal or {@link TermIndex.prepare}):
   * filing many lists in one go, away from other work, keeps the large term
   * map in the processor's caches, and a query never waits for more than one
   * batch.
   */
  addList(list: TermList, id: number): void {
    if (id > this.largest) this.largest = id;
    this.pendingLists.push(list);
    this.pendingIds.push(id);
    if (this.pendingLists.length >= FILING_BATCH) this.fileAll();
  }

  private fileAll(): void {
    if (this.pendingLists.length === 0) return;
    const lists = this.pendingLists;
    const ids = this.pendingIds;
    this.pendingLists = [];
    this.pendingIds = [];
    for (let i = 0; i < lists.length; i++) for (const key of storedTerms(lists[i]!)) this.file(key, ids[i]!);
  }

  private file(key: string, id: number): void {
    if (id > this.largest) this.largest = id;
    const posting = this.loose.get(key);
    if (typeof posting === 'object') posting.push(id);
    else if (posting !== undefined) this.loose.set(key, [posting, id]);
    else {
      const at = this.frozenAt(key);
      this.loose.set(key, at < 0 ? id : [...this.frozenIds(at), id]);
      this.looseSorted = undefined;
    }
  }

  /** Remove `id` from each of `terms`. */
  remove(terms: Iterable<string>, id: number): void {
    this.fileAll();
    for (const term of terms) this.unfile(swapBlocks(term), id);
  }

  /** Remove `id` from each term of `list`. */
  removeList(list: TermList, id: number): void {
    this.fileAll();
    for (const key of storedTerms(list)) this.unfile(key, id);
  }

  private unfile(key: string, id: number): void {
    let posting = this.loose.get(key);
    if (posting === undefined) {
      const at = this.frozenAt(key);
      if (at < 0 || !this.frozenIds(at).includes(id)) return;
      posting = this.frozenIds(at);
      this.looseSorted = undefined;
    }
    const ids = typeof posting === 'number' ? [posting] : posting;
    const where = ids.indexOf(id);
    if (where < 0) return;
    ids.splice(where, 1);
    // A term gone from the frozen part stays as an empty posting (hiding it) until the next prepare.
    if (ids.length === 0 && this.frozenAt(key) < 0) {
      this.loose.delete(key);
      this.looseSorted = undefined;
    } else this.loose.set(key, ids.length === 1 ? ids[0]! : ids);
  }

  /** Freeze every term (see {@link TermIndex}) now, so that the first lookup does not pay for it. */
  prepare(): void {
    this.fileAll();
    if (this.loose.size === 0) return;
    const old = this.frozen;
    const added = this.sortedLoose();
    const terms: string[] = [];
    const postings: (number | ArrayLike<number>)[] = [];
    let total = 0;
    const take = (term: string, posting: number | ArrayLike<number>): void => {
      if (typeof posting === 'object' && posting.length === 0) return;
      terms.push(term);
      postings.push(posting);
      if (typeof posting === 'object' && posting.length > 1) total += posting.length;
    };
    // Merge the frozen terms (those not overridden) with the loose ones, both sorted.
    let i = 0;
    let j = 0;
    while (i < old.terms.length || j < added.length) {
      if (j === added.length || (i < old.terms.length && old.terms[i]! < added[j]!)) {
        const term = old.terms[i]!;
        if (!this.loose.has(term)) take(term, this.frozenPosting(i));
        i++;
      } else {
        if (i < old.terms.length && old.terms[i] === added[j]) i++;
        take(added[j]!, this.loose.get(added[j]!)!);
        j++;
      }
    }
    this.frozen = freeze(terms, postings, total);
    this.loose.clear();
    this.looseSorted = undefined;
  }

  /** Ids indexed under `term` exactly, or under any term starting with it when `prefix` is set. */
  lookup(term: string, prefix: boolean): Set<number> {
    const out: number[] = [];
    this.collect(term, prefix, new Uint8Array(this.maxId + 1), out);
    return new Set(out);
  }

  /** Largest id ever indexed. */
  get maxId(): number {
    return this.largest;
  }

  /**
   * Like {@link TermIndex.lookup}, but appends the ids to `out`, each once,
   * using `seen` (indexed by id, at least {@link TermIndex.maxId} + 1 long)
   * as marks: no hashing, no set to build.
   */
  collect(term: string, prefix: boolean, seen: Uint8Array, out: number[]): void {
    this.eachPosting(swapBlocks(term), prefix, (posting) => {
      if (typeof posting === 'number') mark(posting, seen, out);
      else for (let i = 0; i < posting.length; i++) mark(posting[i]!, seen, out);
      return true;
    });
  }

  /**
   * How many ids {@link TermIndex.lookup} would visit (an upper bound on its
   * size), counting no further than `cap`: picks the most selective word of
   * a query without building its set.
   */
  count(term: string, prefix: boolean, cap = Number.POSITIVE_INFINITY): number {
    let total = 0;
    this.eachPosting(swapBlocks(term), prefix, (posting) => {
      total += typeof posting === 'number' ? 1 : posting.length;
      return total < cap;
    });
    return total;
  }

  /** Number of distinct terms. */
  get terms(): number {
    this.fileAll();
    let count = this.frozen.terms.length;
    for (const [key, posting] of this.loose) {
      if (this.frozenAt(key) >= 0) count--;
      if (typeof posting === 'number' || posting.length > 0) count++;
    }
    return count;
  }

  /** Calls `visit` with the posting of `key` (or of every term it starts, with `prefix`) while it returns true. */
  private eachPosting(key: string, prefix: boolean, visit: (posting: number | ArrayLike<number>) => boolean): void {
    this.fileAll();
    if (!prefix) {
      const posting = this.loose.get(key);
      if (posting !== undefined) visit(posting);
      else {
        const at = this.frozenAt(key);
        if (at >= 0) visit(this.frozenPosting(at));
      }
      return;
    }
    const { terms } = this.frozen;
    for (let i = firstAtLeast(terms, key); i < terms.length && terms[i]!.startsWith(key); i++) {
      if (this.loose.size > 0 && this.loose.has(terms[i]!)) continue;
      if (!visit(this.frozenPosting(i))) return;
    }
    const added = this.sortedLoose();
    for (let j = firstAtLeast(added, key); j < added.length && added[j]!.startsWith(key); j++) if (!visit(this.loose.get(added[j]!)!)) return;
  }

  private sortedLoose(): string[] {
    return (this.looseSorted ??= [...this.loose.keys()].sort());
  }

  /** Position of `key` among the frozen terms, or -1. */
  private frozenAt(key: string): number {
    const { terms } = this.frozen;
    const at = firstAtLeast(terms, key);
    return terms[at] === key ? at : -1;
  }

  /** The frozen posting at a position: its single id, or a view of its ids. */
  private frozenPosting(at: number): number | Int32Array {
    const { codes, ids, starts } = this.frozen;
    const code = codes[at]!;
    return code > 0 ? code : ids.subarray(starts[-code - 1]!, starts[-code]!);
  }

  /** The ids of the frozen posting at a position, as an array of their own. */
  private frozenIds(at: number): number[] {
    const posting = this.frozenPosting(at);
    return typeof posting === 'number' ? [posting] : Array.from(posting);
  }
}

/** The frozen form of sorted terms and their postings (`total`: the ids of postings of several). */
function freeze(terms: string[], postings: readonly (number | ArrayLike<number>)[], total: number): Frozen {
  const codes = new Int32Array(terms.length);
  const ids = new Int32Array(total);
  const starts: number[] = [0];
  for (let i = 0; i < postings.length; i++) {
    const posting = postings[i]!;
    if (typeof posting === 'number') codes[i] = posting;
    else if (posting.length === 1) codes[i] = posting[0]!;
    else {
      const at = starts[starts.length - 1]!;
      ids.set(posting, at);
      starts.push(at + posting.length);
      codes[i] = -(starts.length - 1);
    }
  }
  return { terms, codes, ids, starts: Int32Array.from(starts) };
}

/** Position of the first of the sorted `terms` ≥ `key` (binary search). */
function firstAtLeast(terms: readonly string[], key: string): number {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function mark(id: number, seen: Uint8Array, out: number[]): void {
  if (seen[id] === 0) {
    seen[id] = 1;
    out.push(id);
  }
}

/**
 * The plain term index {@link TermIndex} is held to (a property test): a set
 * of ids per term, prefixes found by scanning every term. Not for use.
 */
export class PlainTermIndex {
  private readonly postings = new Map<string, Set<number>>();

  add(terms: Iterable<string>, id: number): void {
    for (const term of terms) this.postings.set(term, (this.postings.get(term) ?? new Set<number>()).add(id));
  }

  remove(terms: Iterable<string>, id: number): void {
    for (const term of terms) {
      const ids = this.postings.get(term);
      ids?.delete(id);
      if (ids?.size === 0) this.postings.delete(term);
    }
  }

  lookup(term: string, prefix: boolean): Set<number> {
    const out = new Set<number>();
    for (const [t, ids] of this.postings) if (prefix ? t.startsWith(term) : t === term) for (const id of ids) out.add(id);
    return out;
  }

  /** Number of distinct terms. */
  get terms(): number {
    return this.postings.size;
  }
}

/** Intersection of two sets (iterates the smaller). */
export function intersect(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<number>();
  for (const key of small) if (large.has(key)) out.add(key);
  return out;
}

/**
 * Ids matching every query word (each looked up with `lookup`), or undefined
 * when there are no words. Stops early on an empty intersection.
 */
export function matchAll(words: readonly string[], lookup: (word: string) => Set<number>): Set<number> | undefined {
  let result: Set<number> | undefined;
  for (const word of words) {
    const found = lookup(word);
    result = result ? intersect(result, found) : found;
    if (result.size === 0) break;
  }
  return result;
}
