import { isBoilerplateLine } from './boilerplate';
import type { CleanedArticle } from './clean';
import { cosine, intern, rankTerms, type SparseVector, type Terms } from './rank';
import type { Language } from './schema';
import { normalizeArabic } from './arabic';
import { findQuoteSpans } from './quote-spans';
import { splitSentences } from './segment';
import { arabicSpeechWord, PRONOUNS } from './speech-verbs';
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
/** Most words outside the quotation marks of a bare quotation (`he added`, `وأضاف`). */
const MAX_BARE_WORDS = 2;
const ARABIC_LETTER = /\p{Script=Arabic}/u;
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

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
 * very short sentences are never chosen; bare quotations (whose speaker is
 * named in another sentence, if at all) only when nothing else fits, as the
 * briefing shows the key quotes with their speakers beside the summary.
 */
export function summarize(article: CleanedArticle, language: Language, budget: SummaryBudget, context: SummaryContext = {}): string[] {
  const all = collectCandidates(article, language);
  if (all.length === 0) return [];
  const { terms, vocabulary } = intern(all.map((c) => c.tokens));
  const keep = headlineFilter(all, terms, vocabulary, language, context);
  const candidates = keep === undefined ? all : all.filter((_, i) => keep[i]);
  const kept = keep === undefined ? terms : terms.filter((_, i) => keep[i]);
  const positions = candidates.map((_, i) => (candidates.length === 1 ? 0 : i / (candidates.length - 1)));
  const { scores, vectors } = rankTerms(kept, vocabulary.size, positions);
  const order = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b);
  const limit = budget.words === undefined ? clampCount(budget.sentences) : MAX_SUMMARY_SENTENCES;
  const chosen = select(candidates, vectors, order, limit, budget.words ?? Number.POSITIVE_INFINITY);
  return chosen.sort((a, b) => a - b).map((i) => candidates[i]!.text);
}

/**
 * Take candidates in rank order while they fit the sentence limit and the
 * word budget and repeat none already taken; bare quotations only after
 * every other sentence. At least one sentence (the best that is not a bare
 * quotation, if any) even when none fits.
 */
function select(candidates: readonly Candidate[], vectors: readonly SparseVector[], order: readonly number[], limit: number, words: number): number[] {
  const chosen: number[] = [];
  const bare = new Set<number>();
  let wordsLeft = words;
  const take = (i: number): void => {
    const candidate = candidates[i]!;
    if (candidate.words > wordsLeft) return;
    if (chosen.some((j) => cosine(vectors[i]!, vectors[j]!) > REDUNDANT || sameContent(vectors[i]!, vectors[j]!))) return;
    chosen.push(i);
    wordsLeft -= candidate.words;
  };
  for (const i of order) {
    if (chosen.length >= limit) return chosen;
    if (isBareQuote(candidates[i]!.text)) bare.add(i); // checked only for the sentences reached
    else take(i);
  }
  for (const i of bare) {
    if (chosen.length >= limit) return chosen;
    take(i);
  }
  if (chosen.length === 0) chosen.push(order.find((i) => !bare.has(i)) ?? order[0]!);
  return chosen;
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
      if (words >= MIN_WORDS && isWholeStatement(text) && !introducesMore(text)) good.push(candidate);
      // The fallback only serves when no sentence is good: once one is, it is not filled any more.
      else if (good.length === 0 && fallback.length < MAX_CANDIDATES && LETTER_OR_DIGIT.test(text)) fallback.push(candidate);
    }
  }
  const pool = good.length > 0 ? good : fallback.slice(0, MAX_CANDIDATES);
  for (const candidate of pool) candidate.tokens = contentTokens(candidate.text, language);
  return pool;
}

/**
 * Which candidates to keep: not the sentence the headline was taken from,
 * nor sentences that only repeat the headline (nearly all their distinct
 * content words are in it). Undefined when all are kept; never drops all.
 */
function headlineFilter(candidates: readonly Candidate[], terms: readonly Terms[], vocabulary: ReadonlyMap<string, number>, language: Language, context: SummaryContext): boolean[] | undefined {
  if (context.headline === undefined && context.fromBody === undefined) return undefined;
  const headline = new Set<number>();
  for (const token of context.headline === undefined ? [] : contentTokens(context.headline, language)) {
    const id = vocabulary.get(token);
    if (id !== undefined) headline.add(id);
  }
  let dropped = 0;
  const keep = candidates.map((c, i) => {
    const ids = terms[i]!.ids;
    let shared = 0;
    if (headline.size > 0) for (let k = 0; k < ids.length; k++) if (headline.has(ids[k]!)) shared++;
    const repeats = c.text === context.fromBody || (ids.length > 0 && shared >= HEADLINE_REPEAT * ids.length);
    if (repeats) dropped++;
    return !repeats;
  });
  return dropped === 0 || dropped === candidates.length ? undefined : keep;
}

/** Two sentences that say the same: the shorter one's content words (distinct term ids) are nearly all in the other. */
function sameContent(a: SparseVector, b: SparseVector): boolean {
  const [short, long] = a.ids.length <= b.ids.length ? [a.ids, b.ids] : [b.ids, a.ids];
  if (short.length < 4) return false;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < short.length && j < long.length) {
    const x = short[i]!;
    const y = long[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared >= NEAR_DUPLICATE * short.length;
}

/** A sentence ending in a colon introduces a list or a quotation that follows: it says nothing alone. */
function introducesMore(sentence: string): boolean {
  const last = sentence.charCodeAt(sentence.length - 1);
  return last === 0x3a || last === 0xff1a;
}

/**
 * False for quote fragments: a sentence whose quotation marks do not balance
 * (the rest of the quote is in another sentence).
 */
export function isWholeStatement(sentence: string): boolean {
  let guillemetsOpen = 0;
  let guillemetsClose = 0;
  let opens = 0;
  let closes = 0;
  let low = 0;
  let straight = 0;
  for (let i = 0; i < sentence.length; i++) {
    switch (sentence.charCodeAt(i)) {
      case 0xab: guillemetsOpen++; break; // «
      case 0xbb: guillemetsClose++; break; // »
      case 0x201c: opens++; break; // “
      case 0x201d: closes++; break; // ”
      case 0x201e: low++; break; // „
      case 0x22: straight++; break; // "
      default:
    }
  }
  if (guillemetsOpen !== guillemetsClose) return false;
  if (opens !== closes && !(opens > 0 && closes === 0 && low === opens)) return false;
  return straight % 2 === 0;
}

/**
 * A bare quotation: the sentence is quotations but for at most two words
 * that name no one (`"We are adding capacity."`, `He added: "…"`,
 * `وأضاف: «…»`, `وتابع قائلا: «…»`), so its speaker is named in another
 * sentence, if at all. Outside the marks, an Arabic word names no one when it
 * is a speech word or a pronoun (`وكتب ترامب: «…»` is attributed), a Latin
 * one when it is lower case or a pronoun (`"…," said Smith` is attributed).
 */
export function isBareQuote(sentence: string): boolean {
  const spans = findQuoteSpans(sentence);
  if (spans.length === 0) return false;
  spans.sort((a, b) => a.start - b.start);
  let outside = '';
  let reached = 0;
  for (const { start, end } of spans) {
    if (start > reached) outside += ` ${sentence.slice(reached, start)}`;
    reached = Math.max(reached, end);
  }
  outside += ` ${sentence.slice(reached)}`;
  const words = outside.match(WORD) ?? [];
  return words.length <= MAX_BARE_WORDS && words.every(namesNoOne);
}

function namesNoOne(word: string): boolean {
  if (ARABIC_LETTER.test(word)) {
    const folded = normalizeArabic(word);
    return arabicSpeechWord(folded) !== null || PRONOUNS.has(folded);
  }
  return word.toLowerCase() === word || PRONOUNS.has(word.toLowerCase());
}
