import type { LibraryArticle } from '../src/library/types';

/** The queries of the library benchmark. */
export interface LibraryQueries {
  /** `/quote query:` texts: whole words and prefixes taken from quotes. */
  quoteWords: string[];
  /** `/quote speaker:` texts: speaker names and name prefixes. */
  speakers: string[];
  /** Autocomplete inputs: title prefixes as typed, letter by letter. */
  typed: string[];
}

/** Common words of Arabic news searched for in any case. */
const COMMON = ['ترامب', 'روسيا', 'الحكومة', 'سوريا', 'الرئيس', 'مصر', 'إيران', 'الأمم المتحدة', 'السلام', 'الاقتصاد'];

/** Every `step`-th element of a list, at most `count` of them. */
function every<T>(list: readonly T[], count: number): T[] {
  if (list.length <= count) return [...list];
  const step = list.length / count;
  return Array.from({ length: count }, (_, i) => list[Math.floor(i * step)]!);
}

/**
 * Realistic queries drawn deterministically from the loaded library: words
 * (≥ 4 letters) and 3–5-letter prefixes from its quotes, speaker names and
 * their prefixes, and title prefixes of 1–12 characters as a user types them.
 */
export function buildQueries(articles: readonly LibraryArticle[], perKind = 300): LibraryQueries {
  const words: string[] = [];
  const speakers: string[] = [];
  const titles: string[] = [];
  for (const article of articles) {
    for (const quote of article.briefing.quotes) {
      const ws = quote.text.match(/\p{L}{4,}/gu) ?? [];
      if (ws.length > 0) words.push(ws[Math.floor(ws.length / 2)]!);
      if (quote.speaker) speakers.push(quote.speaker);
    }
    titles.push(article.meta.title ?? article.briefing.headline);
  }
  const quoteWords = [...COMMON, ...every(words, perKind - COMMON.length).map((w, i) => (i % 3 === 2 ? w.slice(0, 3 + (i % 3)) : w))];
  const speakerList = every([...new Set(speakers)], perKind).map((s, i) => (i % 2 === 1 ? s.slice(0, Math.min(s.length, 4)) : s));
  const typed: string[] = [''];
  for (const title of every(titles, Math.ceil(perKind / 4))) {
    for (const n of [1, 3, 6, 12]) typed.push(title.slice(0, n));
  }
  return { quoteWords, speakers: speakerList, typed: typed.slice(0, perKind) };
}
