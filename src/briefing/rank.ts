/**
 * Sentence salience: a centroid score (TF-IDF weight of the document's
 * central terms) blended with LexRank centrality over the strongest
 * candidates, and a lead-heavy position prior. Terms are interned to integer
 * ids and vectors are sorted id arrays, so similarity is a linear merge.
 */

/** Candidates scored by the graph method (the rest keep their centroid score). */
const GRAPH_SIZE = 40;
/** Cosine similarity above which two sentences are linked in the graph. */
const LINK_THRESHOLD = 0.08;
const DAMPING = 0.85;
const ITERATIONS = 25;

/** Weights of the blend (tuned on EASC against the LEAD baseline). */
const W_CENTROID = 0.2;
const W_GRAPH = 0.1;
const W_POSITION = 0.7;

/** Sparse TF-IDF vector: term ids in increasing order, their weights, and the Euclidean norm. */
export interface SparseVector {
  ids: Int32Array;
  weights: Float64Array;
  norm: number;
}

/** Cosine similarity of two sparse vectors (linear merge of their sorted ids). */
export function cosine(a: SparseVector, b: SparseVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let i = 0;
  let j = 0;
  let dot = 0;
  const ai = a.ids;
  const bi = b.ids;
  while (i < ai.length && j < bi.length) {
    const x = ai[i]!;
    const y = bi[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/** Scores and vectors of the candidate sentences (vectors are reused for redundancy checks). */
export interface Ranking {
  scores: number[];
  vectors: SparseVector[];
}

/** A sentence's distinct terms: interned ids in increasing order and their counts. */
export interface Terms {
  ids: Int32Array;
  counts: Int32Array;
}

/** Sentences as interned terms, with the vocabulary that maps tokens to ids. */
export interface Interned {
  terms: Terms[];
  vocabulary: Map<string, number>;
}

/** Intern every sentence's tokens to integer ids (one vocabulary for all). */
export function intern(tokens: readonly (readonly string[])[]): Interned {
  const vocabulary = new Map<string, number>();
  const terms: Terms[] = new Array<Terms>(tokens.length);
  let all = new Int32Array(64); // one scratch buffer for every sentence's ids, grown when needed
  for (let s = 0; s < tokens.length; s++) {
    const sentence = tokens[s]!;
    const length = sentence.length;
    if (length > all.length) all = new Int32Array(2 * length);
    for (let k = 0; k < length; k++) {
      const token = sentence[k]!;
      let id = vocabulary.get(token);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(token, id);
      }
      all[k] = id;
    }
    sortPrefix(all, length);
    let distinct = 0;
    for (let k = 0; k < length; k++) if (k === 0 || all[k] !== all[k - 1]) distinct++;
    const ids = new Int32Array(distinct);
    const counts = new Int32Array(distinct);
    let d = -1;
    for (let k = 0; k < length; k++) {
      if (k === 0 || all[k] !== all[k - 1]) ids[++d] = all[k]!;
      counts[d]! += 1;
    }
    terms[s] = { ids, counts };
  }
  return { terms, vocabulary };
}

/** Sort `ids[0, length)` in place: insertion sort for a sentence's few terms (cheaper than a typed-array `sort` call), the built-in beyond. */
function sortPrefix(ids: Int32Array, length: number): void {
  if (length > 64) {
    ids.subarray(0, length).sort();
    return;
  }
  for (let k = 1; k < length; k++) {
    const id = ids[k]!;
    let m = k - 1;
    for (; m >= 0 && ids[m]! > id; m--) ids[m + 1] = ids[m]!;
    ids[m + 1] = id;
  }
}

/**
 * Score candidate sentences given their content tokens and their relative
 * position in the article (0 = first sentence, 1 = last).
 */
export function rankSentences(tokens: readonly (readonly string[])[], positions: readonly number[]): Ranking {
  const { terms, vocabulary } = intern(tokens);
  return rankTerms(terms, vocabulary.size, positions);
}

/**
 * Score sentences given as interned terms (ids below `size`) and their
 * relative positions in the article.
 */
export function rankTerms(terms: readonly Terms[], size: number, positions: readonly number[]): Ranking {
  const n = terms.length;
  const idf = inverseFrequencies(terms, size);
  const centroid = new Float64Array(size);
  const vectors: SparseVector[] = new Array<SparseVector>(n);
  for (let s = 0; s < n; s++) {
    const { ids, counts } = terms[s]!;
    const weights = new Float64Array(ids.length);
    let norm = 0;
    for (let k = 0; k < ids.length; k++) {
      const weight = counts[k]! * idf[ids[k]!]!;
      weights[k] = weight;
      centroid[ids[k]!]! += weight;
      norm += weight * weight;
    }
    vectors[s] = { ids, weights, norm: Math.sqrt(norm) };
  }
  const central = normalise(centroidScores(vectors, centroid));
  const order = [...central.keys()].sort((a, b) => central[b]! - central[a]! || a - b).slice(0, GRAPH_SIZE);
  const graph = new Array<number>(n).fill(0);
  const ranks = lexRank(order.map((i) => vectors[i]!));
  for (let k = 0; k < order.length; k++) graph[order[k]!] = ranks[k]!;
  const graphScores = normalise(graph);
  const scores = new Array<number>(n);
  for (let i = 0; i < n; i++) scores[i] = W_CENTROID * central[i]! + W_GRAPH * graphScores[i]! + W_POSITION * positionPrior(positions[i]!, i);
  return { scores, vectors };
}

/** Inverse document frequency of each term id, the sentences being the documents. */
function inverseFrequencies(terms: readonly Terms[], size: number): Float64Array {
  const df = new Float64Array(size);
  for (const { ids } of terms) for (let k = 0; k < ids.length; k++) df[ids[k]!]! += 1;
  const n = terms.length;
  for (let id = 0; id < size; id++) df[id] = Math.log((n + 1) / df[id]!);
  return df;
}

/** Each sentence's centroid score: the centroid weights of its terms, damped by its length. */
function centroidScores(vectors: readonly SparseVector[], centroid: Float64Array): number[] {
  const scores = new Array<number>(vectors.length);
  for (let s = 0; s < vectors.length; s++) {
    const { ids, weights } = vectors[s]!;
    let sum = 0;
    let used = 0;
    for (let k = 0; k < ids.length; k++) {
      if (weights[k]! <= 0) continue;
      sum += centroid[ids[k]!]!;
      used++;
    }
    scores[s] = used === 0 ? 0 : sum / Math.sqrt(used + 4);
  }
  return scores;
}

/** Lead-heavy prior: the first sentences of a news article carry the most. */
function positionPrior(relative: number, index: number): number {
  return 0.6 / (1 + index * 0.5) + 0.4 * (1 - relative);
}

/** The similarity graph: each node's links in increasing node order, as flat arrays (`start[i]` to `start[i + 1]`). */
interface Graph {
  start: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Sum of each node's link weights. */
  degree: Float64Array;
}

/** LexRank: PageRank over the cosine-similarity graph (weighted, thresholded). */
function lexRank(vectors: readonly SparseVector[]): Float64Array {
  const n = vectors.length;
  const { start, targets, weights, degree } = similarityGraph(vectors);
  let rank = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  for (let iter = 0; iter < ITERATIONS; iter++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (degree[i] === 0) dangling += rank[i]!;
    next.fill((1 - DAMPING) / n + (DAMPING * dangling) / n);
    for (let i = 0; i < n; i++) {
      if (degree[i] === 0) continue;
      const share = (DAMPING * rank[i]!) / degree[i]!;
      for (let k = start[i]!; k < start[i + 1]!; k++) next[targets[k]!]! += share * weights[k]!;
    }
    [rank, next] = [next, rank];
  }
  return rank;
}

/** Link every two sentences whose cosine similarity reaches {@link LINK_THRESHOLD}. */
function similarityGraph(vectors: readonly SparseVector[]): Graph {
  const n = vectors.length;
  const similarity = new Float64Array(n * n); // 0 where not linked
  const dense = new Float64Array(maxId(vectors) + 1);
  let links = 0;
  for (let i = 0; i < n; i++) {
    const a = vectors[i]!;
    spread(dense, a, a.weights);
    for (let j = i + 1; j < n; j++) {
      const sim = denseCosine(dense, a, vectors[j]!);
      if (sim < LINK_THRESHOLD) continue;
      similarity[i * n + j] = sim;
      similarity[j * n + i] = sim;
      links += 2;
    }
    spread(dense, a, undefined);
  }
  const start = new Int32Array(n + 1);
  const targets = new Int32Array(links);
  const weights = new Float64Array(links);
  const degree = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    start[i] = k;
    for (let j = 0; j < n; j++) {
      const sim = similarity[i * n + j]!;
      if (sim === 0) continue;
      targets[k] = j;
      weights[k++] = sim;
      degree[i]! += sim;
    }
  }
  start[n] = k;
  return { start, targets, weights, degree };
}

/** Largest term id in the vectors (ids are sorted, so each vector's last). */
function maxId(vectors: readonly SparseVector[]): number {
  let max = -1;
  for (const { ids } of vectors) if (ids.length > 0 && ids[ids.length - 1]! > max) max = ids[ids.length - 1]!;
  return max;
}

/** Write a vector's weights into the dense array at its ids, or zeros back when `weights` is undefined. */
function spread(dense: Float64Array, vector: SparseVector, weights: Float64Array | undefined): void {
  const { ids } = vector;
  for (let k = 0; k < ids.length; k++) dense[ids[k]!] = weights === undefined ? 0 : weights[k]!;
}

/**
 * {@link cosine} of `a` (spread in `dense`) and `b`: one pass over b's ids
 * instead of a merge. Same products summed in the same (increasing id) order,
 * the ids b lacks in a adding exact zeros, so the result is bit-identical.
 */
function denseCosine(dense: Float64Array, a: SparseVector, b: SparseVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  const { ids, weights } = b;
  for (let k = 0; k < ids.length; k++) dot += dense[ids[k]!]! * weights[k]!;
  return dot / (a.norm * b.norm);
}

/**
 * Values divided by their maximum (all 0 when none is positive). Always a
 * Float64Array: an array of small-integer zeros has another hidden class than
 * one of doubles, and that difference sent `rankTerms` into a
 * deoptimise/reoptimise loop (hundreds of recompilations per 3000 articles).
 */
function normalise(values: readonly number[]): Float64Array {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  const out = new Float64Array(values.length);
  if (max > 0) for (let i = 0; i < values.length; i++) out[i] = values[i]! / max;
  return out;
}
