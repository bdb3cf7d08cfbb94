import { cleanArticle } from './clean';
import { chooseHeadline } from './headline';
import { detectLanguage, languageFromCode } from './language';
import type { BriefingOptions } from './schema';
import { summarize } from './summary';
import { countWords } from './tokens';

/**
 * What a reader of the briefing reads as an extract of the article, within
 * one word budget: the body sentence the headline was taken from (a
 * standfirst or the lead, when the article has no title), then the summary,
 * which never repeats it. An article with a title gives its summary alone.
 * This is what extractive references (EASC) should be compared with: the
 * summary alone would be penalised for not repeating the headline.
 */
export function readerExtract(text: string, words: number, options: Pick<BriefingOptions, 'title' | 'language'> = {}): string[] {
  const article = cleanArticle(text);
  const sample = article.paragraphs.join('\n');
  const language = languageFromCode(options.language) ?? detectLanguage(sample === '' ? text : sample);
  const { headline, fromBody } = chooseHeadline(article, language, options.title);
  const budget = Math.max(1, Math.floor(words));
  if (fromBody === undefined) return summarize(article, language, { words: budget }, { headline });
  const left = budget - countWords(fromBody);
  if (left < 1) return [fromBody];
  const rest = summarize(article, language, { words: left }, { headline, fromBody });
  // The summary gives one sentence even when none fits: keep the extract within the budget.
  return countWords(rest.join(' ')) <= left ? [fromBody, ...rest] : [fromBody];
}
