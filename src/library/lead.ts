/**
 * What autocomplete matches in an article besides its title: the words of
 * its lead (the first paragraph under the headline, where news names who,
 * what and where) and its quotes' speakers.
 */
import { normalizeArabic, stripArabicPrefixes } from '../briefing/arabic';
import type { Briefing } from '../briefing/schema';
import { ARABIC_STOPWORDS, ENGLISH_STOPWORDS, FRENCH_STOPWORDS } from '../briefing/stopwords';
import { hasTerm, joinTerms, type TermList } from './term-list';
import { foldForSearch, termSet } from './normalize';

/** Longest lead kept, in characters: the first sentence or two of the story. */
export const LEAD_MAX = 200;
/** Characters of the body searched for the lead: it is near the top. */
const HEAD_CHARS = 4000;
/**
 * Fewest words of a lead: shorter lines at the top of a story are its title,
 * byline, dateline, labels, ad markers or links, not its lead.
 */
const MIN_LEAD_WORDS = 8;
/** Line starts that make a line markup, not prose: headings, quotes, images, links, tags, tables. */
const MARKUP_START = /^[#>!<|[]/;

/** Function words of the three languages, folded as index terms are: a reader types names and places, not these. */
const STOPWORDS: ReadonlySet<string> = new Set([...ARABIC_STOPWORDS, ...ENGLISH_STOPWORDS, ...FRENCH_STOPWORDS].map(foldForSearch));

/**
 * The lead of an article's body: its first line of prose (at least
 * {@link MIN_LEAD_WORDS} words, not markup) that does not merely repeat the
 * headline, cut at a word to at most {@link LEAD_MAX} characters; empty when
 * there is none. A plain scan of the top of the text rather than the
 * engine's full cleaning: it runs for every article of a first load, where
 * the engine's cleaning would add a sixth to the briefing time.
 */
export function leadOf(body: string, headline: string): string {
  const folded = withoutTrailingMarks(lightFold(headline));
  const end = Math.min(body.length, HEAD_CHARS);
  for (let start = 0; start < end; ) {
    const lineEnd = body.indexOf('\n', start);
    const stop = lineEnd < 0 || lineEnd > end ? end : lineEnd;
    // Enough of the line for the lead and for the headline test (a headline has at most 256 characters).
    const text = body.slice(start, Math.min(stop, start + 2 * LEAD_MAX + 64)).replace(/\s+/g, ' ').trim();
    start = stop + 1;
    if (MARKUP_START.test(text) || wordCount(text) < MIN_LEAD_WORDS) continue;
    // Only the start of a line can repeat the headline: fold no more of it.
    if (repeats(lightFold(text.slice(0, headline.length + 8)), folded)) continue;
    return cutAtWord(text, LEAD_MAX);
  }
  return '';
}

/** Enough folding to see a headline repeated (Arabic diacritics and letter forms, case, spaces); cheaper than the search folding. */
function lightFold(text: string): string {
  return normalizeArabic(text).toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Number of space-separated words of one-line text, counting no further than needed. */
function wordCount(text: string): number {
  if (text === '') return 0;
  let words = 1;
  for (let at = text.indexOf(' '); at >= 0 && words < MIN_LEAD_WORDS; at = text.indexOf(' ', at + 1)) words++;
  return words;
}

/**
 * The index terms autocomplete matches besides the title: those of the lead
 * and of every quote's speaker name and role, function words and the terms
 * of `titleTerms` (matched with the title already) left out. An Arabic word
 * behind a prefix of two letters or more is kept in its bare form only
 * (`والحكومة` as `حكومه`; a query word is looked up bare too), which keeps
 * the list short (it is kept for every article); behind a one-letter prefix
 * it is kept whole too, as the letter may be the name's own (`بوتين`, `فرنسا`).
 */
export function searchTermsOf(lead: string, briefing: Pick<Briefing, 'quotes'>, titleTerms: TermList = joinTerms([])): TermList {
  let text = lead;
  for (const quote of briefing.quotes) text += ` ${quote.speaker ?? ''} ${quote.speakerRole ?? ''}`;
  return joinTerms(termSet(text).filter((term) => term.length - stripArabicPrefixes(term).length <= 1 && !STOPWORDS.has(term) && !hasTerm(titleTerms, term, false)));
}

/** True when a folded paragraph is the folded headline, or starts with it, or is its start (a standfirst taken as headline). */
function repeats(paragraph: string, headline: string): boolean {
  if (!headline) return false;
  const bare = withoutTrailingMarks(paragraph);
  return bare.startsWith(headline) || (bare.length > 0 && headline.startsWith(bare));
}

/** Text without its closing punctuation and spaces (a headline cut with "…", a paragraph's final stop). */
function withoutTrailingMarks(text: string): string {
  return text.replace(/[\s\p{P}]+$/u, '');
}

/** `text` cut to at most `max` characters at the last space before the limit (no ellipsis: the lead is only searched). */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const space = text.lastIndexOf(' ', max);
  return text.slice(0, space > max / 2 ? space : max);
}
