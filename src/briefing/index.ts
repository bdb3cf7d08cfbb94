import { BriefingSchema, MAX_HEADLINE_LENGTH, type Briefing, type BriefingOptions, type Language } from './schema';
import { splitSentences } from './segment';

export * from './schema';

/**
 * Turn an article's text into a briefing. Pure; never throws on any string.
 * (Interim version: headline and lead summary; the full engine follows.)
 */
export function createBriefing(text: string, options: BriefingOptions = {}): Briefing {
  const cleaned = text.normalize('NFC').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\[ad_\d+\]/g, '');
  const paragraphs = cleaned.split('\n').map((line) => line.trim()).filter((line) => line !== '' && line !== 'المصدر');
  const arabic = (cleaned.match(/[\u0600-\u06ff]/g)?.length ?? 0) > cleaned.length / 4;
  const language: Language = arabic ? 'ar' : 'en';
  const sentences = paragraphs.flatMap((p) => splitSentences(p, language));
  const headline = (options.title ?? paragraphs[0] ?? (arabic ? 'بدون عنوان' : 'Untitled')).slice(0, MAX_HEADLINE_LENGTH).trim() || 'Untitled';
  return BriefingSchema.parse({
    headline,
    language,
    direction: arabic ? 'rtl' : 'ltr',
    sections: [],
    quotes: [],
    summary: sentences.slice(0, options.sentences ?? 3),
  });
}
