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
  for (let s = 0; s < tokens.length; s++) {
    const sentence = tokens[s]!;
    const all = new Int32Array(sentence.length);
    for (let k = 0; k < sentence.length; k++) {
      const token = sentence[k]!;
      let id = vocabulary.get(token);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(token, id);
      }
      all[k] = id;
    }
    all.sort();
    let distinct = 0;
    for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[k - 1]) distinct++;
    const ids = new Int32Array(distinct);
    const counts = new Int32Array(distinct);
    let d = -1;
    for (let k = 0; k < all.length; k++) {
      if (k === 0 || all[k] !== all[k - 1]) ids[++d] = all[k]!;
      counts[d]! += 1;
    }
    terms[s] = { ids, counts };
  }
  return { terms, vocabulary };
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
  const df = new Float64Array(size);
  for (const { ids } of terms) for (const id of ids) df[id]! += 1;
  const idf = df.map((count) => Math.log((n + 1) / count));
  const centroid = new Float64Array(size);
  const vectors: SparseVector[] = terms.map(({ ids, counts }) => {
    const weights = new Float64Array(ids.length);
    let norm = 0;
    for (let k = 0; k < ids.length; k++) {
      const weight = counts[k]! * idf[ids[k]!]!;
      weights[k] = weight;
      centroid[ids[k]!]! += weight;
      norm += weight * weight;
    }
    return { ids, weights, norm: Math.sqrt(norm) };
  });
  const centroidScores = vectors.map(({ ids, weights }) => {
    let sum = 0;
    let used = 0;
    for (let k = 0; k < ids.length; k++) {
      if (weights[k]! <= 0) continue;
      sum += centroid[ids[k]!]!;
      used++;
    }
    return used === 0 ? 0 : sum / Math.sqrt(used + 4);
  });
  const central = normalise(centroidScores);
  const order = [...central.keys()].sort((a, b) => central[b]! - central[a]! || a - b).slice(0, GRAPH_SIZE);
  const graph = new Array<number>(n).fill(0);
  const ranks = lexRank(order.map((i) => vectors[i]!));
  order.forEach((i, k) => {
    graph[i] = ranks[k]!;
  });
  const graphScores = normalise(graph);
  const scores = central.map((c, i) => W_CENTROID * c + W_GRAPH * graphScores[i]! + W_POSITION * positionPrior(positions[i]!, i));
  return { scores, vectors };
}

/** Lead-heavy prior: the first sentences of a news article carry the most. */
function positionPrior(relative: number, index: number): number {
  return 0.6 / (1 + index * 0.5) + 0.4 * (1 - relative);
}

/** LexRank: PageRank over the cosine-similarity graph (weighted, thresholded). */
function lexRank(vectors: readonly SparseVector[]): number[] {
  const n = vectors.length;
  if (n === 0) return [];
  const links: number[][] = Array.from({ length: n }, () => []);
  const weights: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const sim = cosine(vectors[i]!, vectors[j]!);
      if (sim < LINK_THRESHOLD) continue;
      links[i]!.push(j);
      weights[i]!.push(sim);
      links[j]!.push(i);
      weights[j]!.push(sim);
    }
  }
  const degree = weights.map((w) => w.reduce((a, b) => a + b, 0));
  let rank = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < ITERATIONS; iter++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (degree[i] === 0) dangling += rank[i]!;
    const next = new Array<number>(n).fill((1 - DAMPING) / n + (DAMPING * dangling) / n);
    for (let i = 0; i < n; i++) {
      if (degree[i] === 0) continue;
      const share = (DAMPING * rank[i]!) / degree[i]!;
      const out = links[i]!;
      const w = weights[i]!;
      for (let k = 0; k < out.length; k++) next[out[k]!]! += share * w[k]!;
    }
    rank = next;
  }
  return rank;
}

function normalise(values: readonly number[]): number[] {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max > 0 ? values.map((v) => v / max) : values.map(() => 0);
}
