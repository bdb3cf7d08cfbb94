import { splitTerms, type TermList } from './match';

/** Most term lists kept waiting to be filed together (see {@link TermIndex.addList}); larger batches made V8 grow its young generation (+10 MB RSS) for no speed. */
const FILING_BATCH = 1024;

/** Ids of one term: a bare number for the (very common) single id, else an array. */
type Posting = number | number[];

/**
 * An inverted index from terms to numeric ids, with prefix lookup through a
 * sorted term list (rebuilt lazily, or eagerly by {@link TermIndex.prepare}).
 * Postings are compact (a bare number for a single id); removal is linear in
 * the posting's length, which live updates can afford.
 */
export class TermIndex {
  private readonly postings = new Map<string, Posting>();
  private sorted: string[] | undefined;
  /** Largest id ever added (ids are small increasing integers), to size the marks of {@link TermIndex.collect}. */
  private largest = 0;

  /**
   * Terms whose posting array grew since the last {@link TermIndex.prepare}:
   * a pushed-to array keeps up to half its length plus 16 slots spare (a
   * posting of 3 ids held 20 slots), so `prepare` copies it to its exact size.
   */
  private grown = new Set<string>();

  /** Term lists not filed yet (see {@link TermIndex.addList}), and their ids. */
  private pendingLists: TermList[] = [];
  private pendingIds: number[] = [];

  /** Index `id` under each of `terms` (duplicates ignored by the caller). */
  add(terms: Iterable<string>, id: number): void {
    this.fileAll();
    this.file(terms, id);
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
    for (let i = 0; i < lists.length; i++) this.file(splitTerms(lists[i]!), ids[i]!);
  }

  private file(terms: Iterable<string>, id: number): void {
    if (id > this.largest) this.largest = id;
    for (const term of terms) {
      const posting = this.postings.get(term);
      if (posting === undefined) {
        this.postings.set(term, id);
        this.sorted = undefined;
      } else if (typeof posting === 'number') this.postings.set(term, [posting, id]);
      else {
        posting.push(id);
        this.grown.add(term);
      }
    }
  }

  /** Give the spare slots of the posting arrays that grew back (see {@link TermIndex.grown}). */
  private trim(): void {
    for (const term of this.grown) {
      const posting = this.postings.get(term);
      if (typeof posting === 'object') this.postings.set(term, posting.slice());
    }
    this.grown.clear();
  }

  /** Remove `id` from each of `terms`. */
  remove(terms: Iterable<string>, id: number): void {
    this.fileAll();
    for (const term of terms) {
      const posting = this.postings.get(term);
      if (posting === undefined) continue;
      if (typeof posting === 'number') {
        if (posting !== id) continue;
        this.postings.delete(term);
        this.sorted = undefined;
        continue;
      }
      const at = posting.indexOf(id);
      if (at >= 0) posting.splice(at, 1);
      if (posting.length === 1) this.postings.set(term, posting[0]!);
    }
  }

  /** Sort the term list now, so that the first prefix query does not pay for it, and trim the postings that grew. */
  prepare(): void {
    this.fileAll();
    if (this.grown.size > 0) this.trim();
    this.sorted ??= [...this.postings.keys()].sort();
  }

  /** Ids indexed under `term` exactly, or under any term starting with it when `prefix` is set. */
  lookup(term: string, prefix: boolean): Set<number> {
    this.fileAll();
    const out = new Set<number>();
    if (!prefix) {
      addPosting(out, this.postings.get(term));
      return out;
    }
    const terms = this.sortedTerms();
    for (let i = this.firstAtLeast(term); i < terms.length && terms[i]!.startsWith(term); i++) addPosting(out, this.postings.get(terms[i]!));
    return out;
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
    this.fileAll();
    if (!prefix) {
      collectPosting(this.postings.get(term), seen, out);
      return;
    }
    const terms = this.sortedTerms();
    for (let i = this.firstAtLeast(term); i < terms.length && terms[i]!.startsWith(term); i++) collectPosting(this.postings.get(terms[i]!), seen, out);
  }

  /**
   * How many ids {@link TermIndex.lookup} would visit (an upper bound on its
   * size), counting no further than `cap`: picks the most selective word of
   * a query without building its set.
   */
  count(term: string, prefix: boolean, cap = Number.POSITIVE_INFINITY): number {
    this.fileAll();
    if (!prefix) return postingSize(this.postings.get(term));
    const terms = this.sortedTerms();
    let total = 0;
    for (let i = this.firstAtLeast(term); i < terms.length && total < cap && terms[i]!.startsWith(term); i++) total += postingSize(this.postings.get(terms[i]!));
    return total;
  }

  private sortedTerms(): string[] {
    this.prepare();
    return this.sorted!;
  }

  /** Position of the first sorted term ≥ `term` (binary search). */
  private firstAtLeast(term: string): number {
    const terms = this.sortedTerms();
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Number of distinct terms. */
  get terms(): number {
    this.fileAll();
    return this.postings.size;
  }
}

function postingSize(posting: Posting | undefined): number {
  return posting === undefined ? 0 : typeof posting === 'number' ? 1 : posting.length;
}

function collectPosting(posting: Posting | undefined, seen: Uint8Array, out: number[]): void {
  if (posting === undefined) return;
  if (typeof posting === 'number') {
    if (seen[posting] === 0) {
      seen[posting] = 1;
      out.push(posting);
    }
    return;
  }
  for (const id of posting) {
    if (seen[id] === 0) {
      seen[id] = 1;
      out.push(id);
    }
  }
}

function addPosting(out: Set<number>, posting: Posting | undefined): void {
  if (posting === undefined) return;
  if (typeof posting === 'number') out.add(posting);
  else for (const id of posting) out.add(id);
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
