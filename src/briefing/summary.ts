import { isBoilerplateLine } from './boilerplate';
import type { CleanedArticle } from './clean';
import { cosine, rankSentences } from './rank';
import type { Language } from './schema';
import { splitSentences } from './segment';
import { contentTokens, countWords } from './tokens';

/** Default number of summary sentences. */
export const DEFAULT_SUMMARY_SENTENCES = 3;
/** Most summary sentences ever returned. */
export const MAX_SUMMARY_SENTENCES = 20;
/** Candidate sentences considered (news summaries come from the first part of an article). */
const MAX_CANDIDATES = 150;
/** Sentences looked at, at most (huge articles: the rest is never summary material). */
const MAX_SCANNED = 5 * MAX_CANDIDATES;
/** Characters of one paragraph looked at for summary sentences. */
const MAX_PARAGRAPH = 50_000;
/** Shortest sentence worth a summary slot, in words. */
const MIN_WORDS = 5;
/** Longest sentence accepted in a summary, in characters (longer ones are run-on scrap). */
const MAX_CHARS = 1200;
/** Similarity above which a sentence repeats one already chosen. */
const REDUNDANT = 0.65;

/** Share of a sentence's content words found in the headline above which it only repeats the headline. */
const HEADLINE_REPEAT = 0.75;
/** Share of the shorter sentence's content words found in the other above which two sentences say the same. */
const NEAR_DUPLICATE = 0.8;

/** How long the summary may be. */
export interface SummaryBudget {
  sentences?: number;
  words?: number;
}

/** What the reader sees above the summary, which the summary should not repeat. */
export interface SummaryContext {
  /** The briefing's headline. */
  headline?: string;
  /** The body sentence the headline was taken from, left out of the summary. */
  fromBody?: string;
}

interface Candidate {
  text: string;
  order: number;
  words: number;
  tokens: string[];
}

/**
 * Extractive summary: rank the body's sentences (centroid + LexRank +
 * position prior) and return the best ones in article order, within the
 * sentence count or word budget. Headings, list items, quote fragments and
 * very short sentences are never chosen.
 */
export function summarize(article: CleanedArticle, language: Language, budget: SummaryBudget, context: SummaryContext = {}): string[] {
  const candidates = withoutHeadline(collectCandidates(article, language), language, context);
  if (candidates.length === 0) return [];
  const positions = candidates.map((_, i) => (candidates.length === 1 ? 0 : i / (candidates.length - 1)));
  const { scores, vectors } = rankSentences(candidates.map((c) => c.tokens), positions);
  const order = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b);
  const chosen: number[] = [];
  const limit = budget.words === undefined ? clampCount(budget.sentences) : MAX_SUMMARY_SENTENCES;
  let wordsLeft = budget.words ?? Number.POSITIVE_INFINITY;
  for (const i of order) {
    if (chosen.length >= limit) break;
    const candidate = candidates[i]!;
    if (candidate.words > wordsLeft) continue;
    if (chosen.some((j) => cosine(vectors[i]!, vectors[j]!) > REDUNDANT || sameContent(candidate.tokens, candidates[j]!.tokens))) continue;
    chosen.push(i);
    wordsLeft -= candidate.words;
  }
  if (chosen.length === 0) chosen.push(order[0]!);
  return chosen.sort((a, b) => a - b).map((i) => candidates[i]!.text);
}

function clampCount(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_SUMMARY_SENTENCES;
  return Math.max(1, Math.min(MAX_SUMMARY_SENTENCES, Math.floor(requested)));
}

function collectCandidates(article: CleanedArticle, language: Language): Candidate[] {
  const good: Candidate[] = [];
  const fallback: Candidate[] = [];
  let order = 0;
  for (let p = 0; p < article.paragraphs.length && good.length < MAX_CANDIDATES && order < MAX_SCANNED; p++) {
    if (article.kinds[p] !== 'body') continue;
    const paragraph = article.paragraphs[p]!;
    const sentences = splitSentences(paragraph.length > MAX_PARAGRAPH ? paragraph.slice(0, MAX_PARAGRAPH) : paragraph, language);
    if (paragraph.length > MAX_PARAGRAPH) sentences.pop(); // the last one was cut
    for (const text of sentences) {
      if (text.length > MAX_CHARS) continue;
      const words = countWords(text);
      const candidate = { text, order: order++, words, tokens: [] as string[] };
      if (isBoilerplateLine(text)) continue; // `شاهد هذا الفيديو …`, `Read more: …` inside a paragraph
      if (words >= MIN_WORDS && isWholeStatement(text)) good.push(candidate);
      else if (fallback.length < MAX_CANDIDATES && /[\p{L}\p{N}]/u.test(text)) fallback.push(candidate);
    }
  }
  const pool = good.length > 0 ? good : fallback.slice(0, MAX_CANDIDATES);
  for (const candidate of pool) candidate.tokens = contentTokens(candidate.text, language);
  return pool;
}

/**
 * Leave out the sentence the headline was taken from, and sentences that
 * only repeat the headline (nearly all their content words are in it).
 * Keeps every candidate rather than none.
 */
function withoutHeadline(candidates: Candidate[], language: Language, context: SummaryContext): Candidate[] {
  if (candidates.length === 0 || (context.headline === undefined && context.fromBody === undefined)) return candidates;
  const headline = new Set(context.headline === undefined ? [] : contentTokens(context.headline, language));
  const kept = candidates.filter((c) => c.text !== context.fromBody && !(headline.size > 0 && containedIn(c.tokens, headline) >= HEADLINE_REPEAT));
  return kept.length > 0 ? kept : candidates;
}

/** Share of the distinct tokens of `tokens` that are in `set` (0 for no tokens). */
function containedIn(tokens: readonly string[], set: ReadonlySet<string>): number {
  const distinct = new Set(tokens);
  if (distinct.size === 0) return 0;
  let shared = 0;
  for (const token of distinct) if (set.has(token)) shared++;
  return shared / distinct.size;
}

/** Two sentences that say the same: the shorter one's content words are nearly all in the other. */
function sameContent(a: readonly string[], b: readonly string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (new Set(short).size < 4) return false;
  return containedIn(short, new Set(long)) >= NEAR_DUPLICATE;
}

/**
 * False for quote fragments: a sentence whose quotation marks do not balance
 * (the rest of the quote is in another sentence).
 */
export function isWholeStatement(sentence: string): boolean {
  const count = (re: RegExp): number => sentence.match(re)?.length ?? 0;
  if (count(/«/g) !== count(/»/g)) return false;
  const opens = count(/“/g);
  const closes = count(/”/g);
  if (opens !== closes && !(opens > 0 && closes === 0 && count(/„/g) === opens)) return false;
  return count(/"/g) % 2 === 0;
}
