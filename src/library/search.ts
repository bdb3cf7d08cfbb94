import type { Quote } from '../briefing/schema';
import type { LibraryArticle } from './types';
import { foldForSearch, termsOf, wordsOf } from './normalize';

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
  /** Part of the speaker's name or role. */
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

interface QuoteEntry {
  key: number;
  articleId: string;
  index: number;
  quote: Quote;
  /** Folded "name (role)", for the speaker filter. */
  speakerKey: string;
  /** Folded name (or role when there is no name), for speaker suggestions. */
  suggestKey: string;
  timestamp: number;
}

interface TitleEntry {
  id: string;
  title: string;
  folded: string;
  timestamp: number;
}

interface SpeakerEntry {
  name: string;
  folded: string;
  count: number;
  latest: number;
}

const MAX_SUGGESTIONS = 25;
const MAX_CHOICE = 100;
const MIN_PREFIX = 3;

/**
 * In-memory search index of the library: an inverted index (term → quote keys)
 * over folded quote words, a sorted term list for prefix matching, speakers
 * and article titles folded once at load. Updated per article as the library
 * changes; queries never rescan the text.
 */
export class SearchIndex {
  private nextKey = 1;
  private readonly quotes = new Map<number, QuoteEntry>();
  private readonly byArticle = new Map<string, number[]>();
  private readonly postings = new Map<string, Set<number>>();
  private sortedTerms: string[] | undefined;
  private readonly titles = new Map<string, TitleEntry>();
  private titlesNewestFirst: TitleEntry[] | undefined;
  private readonly speakers = new Map<string, SpeakerEntry>();
  private speakersSorted: SpeakerEntry[] | undefined;

  /** Add or replace an article. */
  upsert(article: LibraryArticle): void {
    this.remove(article.id);
    const keys: number[] = [];
    article.briefing.quotes.forEach((quote, index) => {
      const key = this.nextKey++;
      const speakerName = displaySpeaker(quote);
      const shortName = (quote.speaker ?? quote.speakerRole ?? '').replace(/\s+/g, ' ').trim();
      const entry: QuoteEntry = {
        key, articleId: article.id, index, quote, speakerKey: foldForSearch(speakerName), suggestKey: foldForSearch(shortName), timestamp: article.timestamp,
      };
      this.quotes.set(key, entry);
      keys.push(key);
      const terms = new Set(wordsOf(foldForSearch(quote.text)).flatMap(termsOf));
      for (const term of terms) this.post(term, key);
      if (shortName) this.addSpeaker(shortName, entry.suggestKey, article.timestamp);
    });
    this.byArticle.set(article.id, keys);
    const title = article.meta.title ?? article.briefing.headline;
    this.titles.set(article.id, { id: article.id, title, folded: `${foldForSearch(title)}\u0000${foldForSearch(article.id)}`, timestamp: article.timestamp });
    this.titlesNewestFirst = undefined;
  }

  /** Remove an article and its quotes. */
  remove(articleId: string): void {
    const keys = this.byArticle.get(articleId);
    if (keys) {
      for (const key of keys) {
        const entry = this.quotes.get(key);
        if (!entry) continue;
        this.quotes.delete(key);
        for (const term of new Set(wordsOf(foldForSearch(entry.quote.text)).flatMap(termsOf))) this.unpost(term, key);
        this.removeSpeaker(entry.suggestKey);
      }
      this.byArticle.delete(articleId);
    }
    if (this.titles.delete(articleId)) this.titlesNewestFirst = undefined;
  }

  /** Quotes matching every given criterion, newest article first, then in the article's order. */
  searchQuotes(q: QuoteQuery): QuoteHit[] {
    const limit = q.limit ?? 500;
    const words = q.query ? wordsOf(foldForSearch(q.query)) : [];
    const speaker = q.speaker ? foldForSearch(q.speaker) : '';
    let candidates: Iterable<QuoteEntry>;
    if (words.length > 0) {
      let keys: Set<number> | undefined;
      for (const word of words) {
        const matching = this.keysForWord(word);
        keys = keys ? intersect(keys, matching) : matching;
        if (keys.size === 0) return [];
      }
      candidates = [...(keys ?? [])].map((key) => this.quotes.get(key)!);
    } else if (q.articleId) {
      candidates = (this.byArticle.get(q.articleId) ?? []).map((key) => this.quotes.get(key)!);
    } else {
      candidates = this.quotes.values();
    }
    const hits: QuoteEntry[] = [];
    for (const entry of candidates) {
      if (q.articleId && entry.articleId !== q.articleId) continue;
      if (speaker && !entry.speakerKey.includes(speaker)) continue;
      hits.push(entry);
    }
    hits.sort((a, b) => b.timestamp - a.timestamp || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : a.index - b.index));
    return hits.slice(0, limit).map(({ articleId, index, quote }) => ({ articleId, index, quote }));
  }

  /** Articles whose title or id contains the typed text, newest first, at most 25, names ≤ 100 characters. */
  suggestArticles(typed: string): Suggestion[] {
    const needle = foldForSearch(typed);
    const out: Suggestion[] = [];
    for (const entry of this.newestTitles()) {
      if (needle && !entry.folded.includes(needle)) continue;
      out.push({ name: choiceText(entry.title.replace(/\s+/g, ' ').trim() || entry.id), value: entry.id });
      if (out.length === MAX_SUGGESTIONS) break;
    }
    return out;
  }

  /** Speakers whose name or role contains the typed text, most recently quoted first, at most 25. */
  suggestSpeakers(typed: string): Suggestion[] {
    const needle = foldForSearch(typed);
    const out: Suggestion[] = [];
    for (const entry of this.sortedSpeakers()) {
      if (needle && !entry.folded.includes(needle)) continue;
      out.push({ name: choiceText(entry.name), value: cutAtGrapheme(entry.name, MAX_CHOICE) });
      if (out.length === MAX_SUGGESTIONS) break;
    }
    return out;
  }

  /** Number of indexed quotes. */
  get size(): number {
    return this.quotes.size;
  }

  /** Quote keys for one query word: its terms matched exactly, or as prefixes when at least 3 letters long. */
  private keysForWord(word: string): Set<number> {
    const out = new Set<number>();
    for (const term of termsOf(word)) {
      const indexedTerms = term.length >= MIN_PREFIX ? this.termsWithPrefix(term) : [term];
      for (const indexed of indexedTerms) for (const key of this.postings.get(indexed) ?? []) out.add(key);
    }
    return out;
  }

  private termsWithPrefix(prefix: string): string[] {
    const terms = (this.sortedTerms ??= [...this.postings.keys()].sort());
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (terms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < terms.length && terms[i]!.startsWith(prefix); i++) out.push(terms[i]!);
    return out;
  }

  private post(term: string, key: number): void {
    let set = this.postings.get(term);
    if (!set) {
      set = new Set();
      this.postings.set(term, set);
      this.sortedTerms = undefined;
    }
    set.add(key);
  }

  private unpost(term: string, key: number): void {
    const set = this.postings.get(term);
    if (!set) return;
    set.delete(key);
    if (set.size === 0) {
      this.postings.delete(term);
      this.sortedTerms = undefined;
    }
  }

  private addSpeaker(name: string, folded: string, timestamp: number): void {
    const entry = this.speakers.get(folded);
    if (entry) {
      entry.count++;
      entry.latest = Math.max(entry.latest, timestamp);
    } else {
      this.speakers.set(folded, { name, folded, count: 1, latest: timestamp });
    }
    this.speakersSorted = undefined;
  }

  private removeSpeaker(folded: string): void {
    const entry = this.speakers.get(folded);
    if (!entry) return;
    if (--entry.count <= 0) this.speakers.delete(folded);
    this.speakersSorted = undefined;
  }

  private newestTitles(): TitleEntry[] {
    return (this.titlesNewestFirst ??= [...this.titles.values()].sort((a, b) => b.timestamp - a.timestamp || (a.id < b.id ? 1 : -1)));
  }

  private sortedSpeakers(): SpeakerEntry[] {
    return (this.speakersSorted ??= [...this.speakers.values()].sort((a, b) => b.latest - a.latest || b.count - a.count));
  }
}

/** "Name, role" for search and suggestions; empty when the quote has neither. */
export function displaySpeaker(quote: Pick<Quote, 'speaker' | 'speakerRole'>): string {
  const speaker = quote.speaker?.replace(/\s+/g, ' ').trim() ?? '';
  const role = quote.speakerRole?.replace(/\s+/g, ' ').trim() ?? '';
  return speaker && role ? `${speaker} (${role})` : speaker || role;
}

function intersect(a: Set<number>, b: Set<number>): Set<number> {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<number>();
  for (const key of small) if (large.has(key)) out.add(key);
  return out;
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
