import { splitTerms, type TermList } from './term-list';

/** Most term lists kept waiting to be filed together (see {@link TermIndex.addList}); larger batches made V8 grow its young generation (+10 MB RSS) for no speed. */
const FILING_BATCH = 1024;

/**
 * Ids of one term: a bare number for the (very common) single id, an array
 * while the posting grows, or, once packed (see {@link TermIndex.prepare}),
 * `-(slot + 1)`: ids `packedIds[packedStarts[slot] … packedStarts[slot + 1])`.
 */
type Posting = number | number[];

/** The run of packed ids of a negative {@link Posting}. */
interface Packed {
  ids: Int32Array;
  /** Where each slot's ids start in `ids`, and one more entry: the end. */
  starts: Int32Array;
}

const NO_IDS = new Int32Array(0);

/**
 * An inverted index from terms to numeric ids, with prefix lookup through a
 * sorted term list (rebuilt lazily, or eagerly by {@link TermIndex.prepare}).
 * Postings are compact: a bare number for a single id; `prepare` packs the
 * others into one array of 32-bit ids (4 bytes an id, where a JS array of
 * its own per term cost 48 bytes plus 8 an id, plus up to half again spare
 * as it grew: 13 MB for the 10,000-article bench library, 5 MB packed). A
 * packed posting that changes becomes an array again until the next
 * `prepare`; removal is linear in the posting's length, which live updates
 * can afford. Ids are positive integers (a negative posting is a packed one).
 * {@link PlainTermIndex} is the plain reference it is tested against.
 */
export class TermIndex {
  private readonly postings = new Map<string, Posting>();
  private sorted: string[] | undefined;
  /** Largest id ever added (ids are small increasing integers), to size the marks of {@link TermIndex.collect}. */
  private largest = 0;
  private packed: Packed = { ids: NO_IDS, starts: new Int32Array(1) };
  /** True when some posting is an array (grown, or unpacked by a change) since the last {@link TermIndex.prepare}. */
  private loose = false;

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
      } else if (typeof posting === 'object') posting.push(id);
      else {
        const grown = posting > 0 ? [posting] : this.unpacked(posting);
        grown.push(id);
        this.postings.set(term, grown);
        this.loose = true;
      }
    }
  }

  /** The ids of a packed posting, as an array of their own. */
  private unpacked(posting: number): number[] {
    const { ids, starts } = this.packed;
    const slot = -posting - 1;
    return Array.from(ids.subarray(starts[slot]!, starts[slot + 1]!));
  }

  /** Remove `id` from each of `terms`. */
  remove(terms: Iterable<string>, id: number): void {
    this.fileAll();
    for (const term of terms) {
      let posting = this.postings.get(term);
      if (posting === undefined) continue;
      if (typeof posting === 'number' && posting > 0) {
        if (posting !== id) continue;
        this.postings.delete(term);
        this.sorted = undefined;
        continue;
      }
      if (typeof posting === 'number') {
        if (!this.packedHas(posting, id)) continue;
        posting = this.unpacked(posting);
        this.postings.set(term, posting);
        this.loose = true;
      }
      const at = posting.indexOf(id);
      if (at >= 0) posting.splice(at, 1);
      if (posting.length === 1) this.postings.set(term, posting[0]!);
    }
  }

  private packedHas(posting: number, id: number): boolean {
    const { ids, starts } = this.packed;
    const slot = -posting - 1;
    for (let i = starts[slot]!; i < starts[slot + 1]!; i++) if (ids[i] === id) return true;
    return false;
  }

  /** Pack the postings (see {@link TermIndex}) and sort the term list now, so that the first prefix query does not pay for it. */
  prepare(): void {
    this.fileAll();
    if (this.loose) this.pack();
    this.sortedTerms();
  }

  /** Every posting of several ids into one array of ids, in slots (see {@link Posting}). */
  private pack(): void {
    let total = 0;
    let slots = 0;
    for (const posting of this.postings.values()) {
      if (typeof posting === 'number' && posting > 0) continue;
      total += postingSize(posting, this.packed);
      slots++;
    }
    const ids = new Int32Array(total);
    const starts = new Int32Array(slots + 1);
    let slot = 0;
    let at = 0;
    for (const [term, posting] of this.postings) {
      if (typeof posting === 'number' && posting > 0) continue;
      starts[slot] = at;
      if (typeof posting === 'object') {
        ids.set(posting, at);
        at += posting.length;
      } else {
        const old = -posting - 1;
        ids.set(this.packed.ids.subarray(this.packed.starts[old]!, this.packed.starts[old + 1]!), at);
        at += this.packed.starts[old + 1]! - this.packed.starts[old]!;
      }
      this.postings.set(term, -++slot);
    }
    starts[slot] = at;
    this.packed = { ids, starts };
    this.loose = false;
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
    this.fileAll();
    if (!prefix) {
      collectPosting(this.postings.get(term), this.packed, seen, out);
      return;
    }
    const terms = this.sortedTerms();
    for (let i = this.firstAtLeast(term); i < terms.length && terms[i]!.startsWith(term); i++) collectPosting(this.postings.get(terms[i]!), this.packed, seen, out);
  }

  /**
   * How many ids {@link TermIndex.lookup} would visit (an upper bound on its
   * size), counting no further than `cap`: picks the most selective word of
   * a query without building its set.
   */
  count(term: string, prefix: boolean, cap = Number.POSITIVE_INFINITY): number {
    this.fileAll();
    if (!prefix) return postingSize(this.postings.get(term), this.packed);
    const terms = this.sortedTerms();
    let total = 0;
    for (let i = this.firstAtLeast(term); i < terms.length && total < cap && terms[i]!.startsWith(term); i++) total += postingSize(this.postings.get(terms[i]!), this.packed);
    return total;
  }

  private sortedTerms(): string[] {
    this.fileAll();
    return (this.sorted ??= [...this.postings.keys()].sort());
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

function postingSize(posting: Posting | undefined, packed: Packed): number {
  if (posting === undefined) return 0;
  if (typeof posting === 'object') return posting.length;
  if (posting > 0) return 1;
  const slot = -posting - 1;
  return packed.starts[slot + 1]! - packed.starts[slot]!;
}

function mark(id: number, seen: Uint8Array, out: number[]): void {
  if (seen[id] === 0) {
    seen[id] = 1;
    out.push(id);
  }
}

function collectPosting(posting: Posting | undefined, packed: Packed, seen: Uint8Array, out: number[]): void {
  if (posting === undefined) return;
  if (typeof posting === 'object') {
    for (const id of posting) mark(id, seen, out);
  } else if (posting > 0) mark(posting, seen, out);
  else {
    const slot = -posting - 1;
    const { ids, starts } = packed;
    for (let i = starts[slot]!; i < starts[slot + 1]!; i++) mark(ids[i]!, seen, out);
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
