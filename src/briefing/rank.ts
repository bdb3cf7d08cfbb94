/**
 * Sentence salience: a centroid score (TF-IDF weight of the document's
 * central terms) blended with LexRank centrality over the strongest
 * candidates, and a position prior.
 */

/** Candidates scored by the graph method (the rest keep their centroid score). */
const GRAPH_SIZE = 40;
/** Cosine similarity above which two sentences are linked in the graph. */
const LINK_THRESHOLD = 0.08;
const DAMPING = 0.85;
const ITERATIONS = 25;

/** Weights of the blend. */
const W_CENTROID = 0.2;
const W_GRAPH = 0.1;
const W_POSITION = 0.7;

/** Sparse TF-IDF vector of one sentence. */
type Vector = Map<string, number>;

/** Inverse document frequency over sentences. */
export function inverseFrequencies(sentences: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const tokens of sentences) for (const token of new Set(tokens)) df.set(token, (df.get(token) ?? 0) + 1);
  const n = sentences.length;
  const idf = new Map<string, number>();
  for (const [token, count] of df) idf.set(token, Math.log((n + 1) / count));
  return idf;
}

function vectorOf(tokens: readonly string[], idf: ReadonlyMap<string, number>): { vector: Vector; norm: number } {
  const tf = new Map<string, number>();
  for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + 1);
  let norm = 0;
  const vector: Vector = new Map();
  for (const [token, count] of tf) {
    const weight = count * (idf.get(token) ?? 0);
    if (weight <= 0) continue;
    vector.set(token, weight);
    norm += weight * weight;
  }
  return { vector, norm: Math.sqrt(norm) };
}

/** Cosine similarity of two sparse vectors. */
export function cosine(a: { vector: Vector; norm: number }, b: { vector: Vector; norm: number }): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.vector.size <= b.vector.size ? [a.vector, b.vector] : [b.vector, a.vector];
  let dot = 0;
  for (const [token, weight] of small) {
    const other = large.get(token);
    if (other !== undefined) dot += weight * other;
  }
  return dot / (a.norm * b.norm);
}

/** Scores and vectors of the candidate sentences (vectors are reused for redundancy checks). */
export interface Ranking {
  scores: number[];
  vectors: { vector: Vector; norm: number }[];
}

/**
 * Score candidate sentences given their content tokens and their relative
 * position in the article (0 = first sentence, 1 = last).
 */
export function rankSentences(tokens: readonly (readonly string[])[], positions: readonly number[]): Ranking {
  const n = tokens.length;
  const idf = inverseFrequencies(tokens);
  const vectors = tokens.map((t) => vectorOf(t, idf));
  const centroid = new Map<string, number>();
  for (const { vector } of vectors) for (const [token, weight] of vector) centroid.set(token, (centroid.get(token) ?? 0) + weight);
  const centroidScores = vectors.map(({ vector }) => {
    let sum = 0;
    for (const token of vector.keys()) sum += centroid.get(token) ?? 0;
    return vector.size === 0 ? 0 : sum / Math.sqrt(vector.size + 4);
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

function lexRank(vectors: readonly { vector: Vector; norm: number }[]): number[] {
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
