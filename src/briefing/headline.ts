import type { CleanedArticle } from './clean';
import { AD_MARKER, normalizeText } from './normalize';
import { MAX_HEADLINE_LENGTH, type Language } from './schema';
import { splitSentences } from './segment';
import { truncateAtWord } from './truncate';

/** Longest standalone first paragraph that may serve as a headline (a standfirst). */
const MAX_STANDFIRST = 200;

/**
 * The chosen headline. A standfirst or first sentence used as the headline
 * stays in the body (quotes and sections keep their paragraph numbers); the
 * summary leaves that sentence out, as the reader has just read it.
 */
export interface HeadlineChoice {
  headline: string;
  /** Index of the paragraph used whole as the headline (a one-sentence standfirst). */
  standfirst?: number;
  /** The body sentence the headline was taken from (standfirst or first sentence), as segmented. */
  fromBody?: string;
  /** True when the headline shows only the start of {@link fromBody} (cut to the headline length). */
  cut?: boolean;
}

/** Fallback headline when the text has none: "بدون عنوان" for Arabic, "Untitled" otherwise. */
export function untitled(language: Language): string {
  return language === 'ar' ? 'بدون عنوان' : 'Untitled';
}

/**
 * Choose the headline: the given title, else a title-like first line, else a
 * one-sentence standfirst paragraph, else the first sentence of the body,
 * else the first run of text; cut at a word boundary to 256 characters.
 * Never empty.
 */
export function chooseHeadline(article: CleanedArticle, language: Language, title?: string): HeadlineChoice {
  const given = title === undefined ? '' : tidy(title);
  if (given !== '') return { headline: fit(given) };
  if (article.title) return { headline: fit(tidy(article.title)) };
  const first = article.kinds.indexOf('body');
  if (first >= 0) {
    const paragraph = article.paragraphs[first]!;
    const sentences = splitSentences(paragraph.length > 4 * MAX_HEADLINE_LENGTH ? paragraph.slice(0, 4 * MAX_HEADLINE_LENGTH) : paragraph, language);
    const hasMore = article.kinds.some((kind, i) => i > first && kind === 'body');
    if (sentences.length === 1 && paragraph.length <= MAX_STANDFIRST && hasMore) {
      return { headline: fit(dropFinalPeriod(paragraph)), standfirst: first, fromBody: sentences[0] };
    }
    const sentence = tidy(sentences[0] ?? '');
    if (sentence !== '') return { headline: fit(dropFinalPeriod(sentence)), fromBody: sentences[0], cut: dropFinalPeriod(sentence).length > MAX_HEADLINE_LENGTH };
  }
  const anyText = article.paragraphs.find((p) => /[\p{L}\p{N}]/u.test(p));
  if (anyText) return { headline: fit(tidy(anyText)) };
  return { headline: untitled(language) };
}

function tidy(text: string): string {
  return normalizeText(text.length > 10_000 ? text.slice(0, 10_000) : text).replace(AD_MARKER, ' ').replace(/\s+/g, ' ').trim();
}

function dropFinalPeriod(text: string): string {
  return text.replace(/(?<!\.)\.\s*$/u, '').trim();
}

function fit(text: string): string {
  const cut = truncateAtWord(text, MAX_HEADLINE_LENGTH);
  return /[\p{L}\p{N}]/u.test(cut) ? cut : cut.trim() || 'Untitled';
}
