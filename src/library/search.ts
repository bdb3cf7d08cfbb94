import type { Quote } from '../briefing/schema';
import { addToGroup, groupOf, removeFromGroup, type Groups } from '../groups';
import type { LibraryArticle } from './types';
import { articleIndexEntry, articleNames, suggestKeyOf, type ArticleIndexEntry, type QuoteIndexEntry } from './index-entry';
import { constraint, planMatch, satisfies, unionOf, type Constraint, type MatchPlan } from './match';
import { hasTerm, NO_TERMS, type TermList } from './term-list';
import { foldForSearch, nameKey, wordsOf } from './normalize';
import { TermIndex } from './term-index';

/** One key quote found by a search. */
export interface QuoteHit {
  articleId: string;
  /** Position of the quote among the article's key quotes. */
  index: number;
  quote: Quote;
}

/** A search over the key quotes of the library. Every part is optional. */
export interface QuoteQuery {
  /** Words that must all occur in the quote (Arabic-insensitive, case- and accent-insensitive, prefix match). */
  query?: string;
  /** Words of the speaker's name or role (same matching). */
  speaker?: string;
  /** Only this article. */
  articleId?: string;
  /** Most hits returned (default 500). */
  limit?: number;
}

/** One autocomplete suggestion. */
export interface Suggestion {
  name: string;
  value: string;
}

/**
 * One indexed quote. What only its removal needs (its speaker's suggestion
 * key, its article's names) is not kept: it is found again from the quote
 * and the article's title, by the functions that made it.
 */
interface QuoteEntry {
  articleId: string;
  index: number;
  quote: Quote;
  /** Index terms of the quote's text, and of its speaker's name and role. */
  textTerms: TermList;
  speakerTerms: TermList;
}

interface ArticleEntry {
  num: number;
  id: string;
  title: string;
  timestamp: number;
  quoteKeys: number[];
  /** Index terms of the title and id. */
  terms: TermList;
  /** Index terms of the lead and the speakers (see `LibraryArticle.searchTerms`). */
  leadTerms: TermList;
}

interface SpeakerEntry {
  num: number;
  name: string;
  count: number;
  latest: number;
  terms: TermList;
}

/** Most suggestions of one autocomplete. */
export const MAX_SUGGESTIONS = 25;
const MAX_CHOICE = 100;
/** Quote words at least this long also match longer words they start. */
export const MIN_PREFIX = 3;
/** Typed text shorter than this (one character) matches titles (or names) only; it is matched by scanning the newest-first list (it stops after 25 matches). */
export const MIN_INDEXED_TYPED = 2;
/** Hits of a quote search when the query sets no limit. */
export const DEFAULT_QUOTE_LIMIT = 500;
/** Matches up to this many are sorted; beyond, the newest-first list is walked until the page is full. */
const SORT_AT_MOST = 2000;

/**
 * In-memory search index of the library, updated per article: inverted
 * indexes (term → ids) for quote words, speaker words, article titles and
 * ids, and speaker names, all folded once at load (Arabic normalisation,
 * accents, case) with Arabic light prefixes stripped. A query looks up its
 * most selective word and tests the others on each candidate's stored terms;
 * it never rescans the text, and stops once a page limit is reached.
 */
export class SearchIndex {
  private nextKey = 1;
  private readonly quotes = new Map<number, QuoteEntry>();
  private readonly quoteText = new TermIndex();
  private readonly quoteSpeakers = new TermIndex();
  private nextArticle = 1;
  private readonly articles = new Map<string, ArticleEntry>();
  private readonly articleByNum = new Map<number, ArticleEntry>();
  private readonly titleTerms = new TermIndex();
  /** Article lead and speaker terms (article nums), matched after the titles. */
  private readonly leadTerms = new TermIndex();
  private readonly titleOrLead = unionOf(this.titleTerms, this.leadTerms);
  /** Folded id or title → article ids (for ids typed without autocomplete). */
  private readonly byName: Groups = new Map();
  private newest: ArticleEntry[] | undefined;
  private rank: Map<string, number> | undefined;
  private nextSpeaker = 1;
  private readonly speakers = new Map<string, SpeakerEntry>();
  private readonly speakerByNum = new Map<number, SpeakerEntry>();
  private readonly speakerNames = new TermIndex();
  private speakersSorted: SpeakerEntry[] | undefined;

  /**
   * Add or replace an article. `entry`: its index entry when already computed
   * (by the worker that briefed it); else it is computed here.
   */
  upsert(article: LibraryArticle, entry: ArticleIndexEntry = articleIndexEntry(article)): void {
    this.remove(article.id);
    // Mapped, not pushed: the array is its exact size (a pushed-to array keeps 16 slots spare).
    const quoteKeys = article.briefing.quotes.map((quote, index) => {
      const key = this.nextKey++;
      const terms = entry.quotes[index]!;
      this.quotes.set(key, { articleId: article.id, index, quote, textTerms: terms.textTerms, speakerTerms: terms.speakerTerms });
      this.quoteText.addList(terms.textTerms, key);
      this.quoteSpeakers.addList(terms.speakerTerms, key);
      if (terms.shortName) this.addSpeaker(terms, article.timestamp);
      return key;
    });
    const leadTerms = article.searchTerms ?? NO_TERMS;
    const articleEntry: ArticleEntry = { num: this.nextArticle++, id: article.id, title: sameString(entry.title, article.meta.title ?? article.briefing.headline), timestamp: article.timestamp, quoteKeys, terms: entry.titleTerms, leadTerms };
    this.articles.set(article.id, articleEntry);
    this.articleByNum.set(articleEntry.num, articleEntry);
    this.titleTerms.addList(entry.titleTerms, articleEntry.num);
    this.leadTerms.addList(leadTerms, articleEntry.num);
    for (const name of entry.names) addToGroup(this.byName, name, article.id);
    this.newest = undefined;
    this.rank = undefined;
  }

  /** Remove an article and its quotes. */
  remove(articleId: string): void {
    const entry = this.articles.get(articleId);
    if (!entry) return;
    for (const key of entry.quoteKeys) {
      const quote = this.quotes.get(key);
      if (!quote) continue;
      this.quotes.delete(key);
      this.quoteText.removeList(quote.textTerms, key);
      this.quoteSpeakers.removeList(quote.speakerTerms, key);
      this.removeSpeaker(suggestKeyOf(quote.quote));
    }
    this.articles.delete(articleId);
    this.articleByNum.delete(entry.num);
    this.titleTerms.removeList(entry.terms, entry.num);
    this.leadTerms.removeList(entry.leadTerms, entry.num);
    for (const name of articleNames(entry.id, entry.title)) removeFromGroup(this.byName, name, entry.id);
    this.newest = undefined;
    this.rank = undefined;
  }

  /** Quotes matching every given criterion, newest article first, then in the article's order. */
  searchQuotes(q: QuoteQuery): QuoteHit[] {
    const limit = q.limit ?? DEFAULT_QUOTE_LIMIT;
    if (q.articleId && !this.articles.has(q.articleId)) return [];
    const textOf = (key: number): TermList => this.quotes.get(key)!.textTerms;
    const speakerOf = (key: number): TermList => this.quotes.get(key)!.speakerTerms;
    const constraints: Constraint[] = [
      ...(q.query ? wordsOf(foldForSearch(q.query)) : []).map((w) => constraint(w, MIN_PREFIX, this.quoteText, textOf)),
      ...(q.speaker ? wordsOf(foldForSearch(q.speaker)) : []).map((w) => constraint(w, 1, this.quoteSpeakers, speakerOf)),
    ];
    let keys: number[];
    if (q.articleId) {
      // One article: test its few quotes directly.
      keys = this.articles.get(q.articleId)!.quoteKeys.filter((key) => constraints.every((c) => satisfies(c, key))).slice(0, limit);
    } else {
      const plan = planMatch(constraints);
      if (plan && plan.ids.length <= SORT_AT_MOST) {
        const rank = this.ranks();
        const order = (key: number): number => {
          const e = this.quotes.get(key)!;
          return (rank.get(e.articleId) ?? 0) * 65_536 + Math.min(e.index, 65_535);
        };
        keys = plan.ids.filter(plan.passes).map((key) => ({ key, order: order(key) })).sort((a, b) => a.order - b.order).slice(0, limit).map((k) => k.key);
      } else {
        // Many candidates (or none asked for): the newest-first walk stops once the page limit is reached.
        keys = [];
        walk: for (const article of this.newestArticles()) {
          for (const key of article.quoteKeys) {
            if (plan && !(plan.has(key) && plan.passes(key))) continue;
            keys.push(key);
            if (keys.length >= limit) break walk;
          }
        }
      }
    }
    return keys.map((key) => {
      const { articleId, index, quote } = this.quotes.get(key)!;
      return { articleId, index, quote };
    });
  }

  /**
   * Articles whose title or id words start with the typed words, newest
   * first; then, below them, those whose lead or quote speakers have the
   * typed words (a title word may match one, the lead another), newest
   * first. At most 25, names ≤ 100 characters. A single typed character
   * matches titles only.
   */
  suggestArticles(typed: string): Suggestion[] {
    const folded = foldForSearch(typed);
    const words = wordsOf(folded);
    const newest = this.newestArticles();
    let picked: ArticleEntry[];
    if (words.length === 0) picked = newest.slice(0, MAX_SUGGESTIONS);
    else if (folded.length < MIN_INDEXED_TYPED) picked = firstMatching(newest, (a) => hasTerm(a.terms, words[0]!, true));
    else {
      const titleOf = (num: number): TermList => this.articleByNum.get(num)!.terms;
      picked = this.inNewestOrder(planMatch(words.map((w) => constraint(w, 0, this.titleTerms, titleOf, false)))!);
      if (picked.length < MAX_SUGGESTIONS) {
        const leadOf = (num: number): TermList => this.articleByNum.get(num)!.leadTerms;
        // Lead terms are bare (no Arabic light prefix): each query word is looked up bare too.
        const plan = planMatch(words.map((w) => ({ ...constraint(w, 0, this.titleOrLead, titleOf), moreTerms: leadOf })))!;
        const byTitle = new Set(picked);
        picked = [...picked, ...this.inNewestOrder(plan, MAX_SUGGESTIONS - picked.length, (a) => !byTitle.has(a))];
      }
    }
    return picked.map((a) => articleChoice(a.title, a.id));
  }

  /** Speakers whose name (or role) words start with the typed words, most recently quoted first, at most 25. */
  suggestSpeakers(typed: string): Suggestion[] {
    const folded = foldForSearch(typed);
    const words = wordsOf(folded);
    const all = this.sortedSpeakers();
    let picked: SpeakerEntry[];
    if (words.length === 0) picked = all.slice(0, MAX_SUGGESTIONS);
    else if (folded.length < MIN_INDEXED_TYPED) picked = firstMatching(all, (s) => hasTerm(s.terms, words[0]!, true));
    else {
      const termsOfNum = (num: number): TermList => this.speakerByNum.get(num)!.terms;
      const plan = planMatch(words.map((w) => constraint(w, 0, this.speakerNames, termsOfNum, false)))!;
      picked = plan.ids.filter(plan.passes).map((n) => this.speakerByNum.get(n)!).sort(bySpeakerOrder).slice(0, MAX_SUGGESTIONS);
    }
    return picked.map((s) => speakerChoice(s.name));
  }

  /**
   * The article a user means by `typed` when it is not an exact id: the one
   * whose id or title is the same once folded (case, accents, Arabic forms),
   * the newest when several are. Undefined when none is.
   */
  resolveName(typed: string): string | undefined {
    const ids = groupOf(this.byName, nameKey(typed));
    if (ids.length === 0) return undefined;
    return ids.map((id) => this.articles.get(id)!).sort(byNewest)[0]!.id;
  }

  /** Build the lazy parts (sorted term lists, newest-first orders) now, so that no query pays for them. */
  prepare(): void {
    this.quoteText.prepare();
    this.quoteSpeakers.prepare();
    this.titleTerms.prepare();
    this.leadTerms.prepare();
    this.speakerNames.prepare();
    this.ranks();
    this.sortedSpeakers();
  }

  /** Number of indexed quotes. */
  get size(): number {
    return this.quotes.size;
  }

  /** The articles a plan matches (and `keep` keeps), newest first, at most `limit`. */
  private inNewestOrder(plan: MatchPlan, limit = MAX_SUGGESTIONS, keep: (a: ArticleEntry) => boolean = () => true): ArticleEntry[] {
    if (plan.ids.length > SORT_AT_MOST) {
      // Many matches: walking the newest-first list finds 25 quickly.
      return firstMatching(this.newestArticles(), (a) => plan.has(a.num) && keep(a) && plan.passes(a.num), limit);
    }
    return plan.ids.filter(plan.passes).map((n) => this.articleByNum.get(n)!).filter(keep).sort(byNewest).slice(0, limit);
  }

  private newestArticles(): ArticleEntry[] {
    return (this.newest ??= [...this.articles.values()].sort(byNewest));
  }

  private ranks(): Map<string, number> {
    return (this.rank ??= new Map(this.newestArticles().map((a, i) => [a.id, i])));
  }

  private addSpeaker(quote: QuoteIndexEntry, timestamp: number): void {
    const entry = this.speakers.get(quote.suggestKey);
    if (entry) {
      entry.count++;
      entry.latest = Math.max(entry.latest, timestamp);
    } else {
      const created: SpeakerEntry = { num: this.nextSpeaker++, name: quote.shortName, count: 1, latest: timestamp, terms: quote.nameTerms };
      this.speakers.set(quote.suggestKey, created);
      this.speakerByNum.set(created.num, created);
      this.speakerNames.addList(quote.nameTerms, created.num);
    }
    this.speakersSorted = undefined;
  }

  private removeSpeaker(folded: string): void {
    const entry = this.speakers.get(folded);
    if (!entry) return;
    if (--entry.count <= 0) {
      this.speakers.delete(folded);
      this.speakerByNum.delete(entry.num);
      this.speakerNames.removeList(entry.terms, entry.num);
    }
    this.speakersSorted = undefined;
  }

  private sortedSpeakers(): SpeakerEntry[] {
    return (this.speakersSorted ??= [...this.speakers.values()].sort(bySpeakerOrder));
  }
}

/** `copy`, or `original` when they are equal: an index entry made in a worker thread holds copies of the article's strings. */
function sameString(copy: string, original: string): string {
  return copy === original ? original : copy;
}

function firstMatching<T>(list: readonly T[], test: (item: T) => boolean, limit = MAX_SUGGESTIONS): T[] {
  const out: T[] = [];
  if (limit <= 0) return out;
  for (const item of list) {
    if (!test(item)) continue;
    out.push(item);
    if (out.length === limit) break;
  }
  return out;
}

function byNewest(a: ArticleEntry, b: ArticleEntry): number {
  return b.timestamp - a.timestamp || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function bySpeakerOrder(a: SpeakerEntry, b: SpeakerEntry): number {
  return b.latest - a.latest || b.count - a.count || (a.name < b.name ? -1 : 1);
}

/** The autocomplete choice of an article: its title (cut to fit), its id as the value. */
export function articleChoice(title: string, id: string): Suggestion {
  return { name: choiceText(title), value: id };
}

/** The autocomplete choice of a speaker: the name, cut to fit. */
export function speakerChoice(name: string): Suggestion {
  return { name: choiceText(name), value: cutAtGrapheme(name, MAX_CHOICE) };
}

/** Text cut to a choice's 100 characters at a grapheme boundary, with "…" when cut. */
function choiceText(text: string): string {
  return text.length <= MAX_CHOICE ? text : `${cutAtGrapheme(text, MAX_CHOICE - 1)}…`;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The longest prefix of `text` of at most `max` UTF-16 units that ends on a grapheme boundary. */
function cutAtGrapheme(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { index } of graphemes.segment(text.slice(0, max + 1))) {
    if (index > max) break;
    end = index;
  }
  return text.slice(0, end);
}
