import { MAX_HEADLINE_LENGTH, type Quote, type Section } from './schema';
import { truncateAtWord } from './truncate';

/** Most quotes in a briefing. */
export const MAX_QUOTES = 25;
/** Longest quote text, in characters. */
export const MAX_QUOTE_LENGTH = 1000;
/** Most sections in a briefing. */
export const MAX_SECTIONS = 50;
/** Longest speaker or role, in characters. */
const MAX_SPEAKER_LENGTH = 200;

/**
 * Keep quotes within bounds: at most {@link MAX_QUOTES}, text cut to
 * {@link MAX_QUOTE_LENGTH} (a cut quote is `partial`), empty ones dropped.
 */
export function boundQuotes(quotes: readonly Quote[], paragraphCount: number): Quote[] {
  const out: Quote[] = [];
  for (const quote of quotes) {
    if (out.length >= MAX_QUOTES) break;
    const text = quote.text.trim();
    if (text === '' || !Number.isInteger(quote.paragraph) || quote.paragraph < 0) continue;
    const cut = truncateAtWord(text, MAX_QUOTE_LENGTH);
    const speaker = quote.speaker?.trim() ? truncateAtWord(quote.speaker.trim(), MAX_SPEAKER_LENGTH) : null;
    const role = quote.speakerRole?.trim() ? truncateAtWord(quote.speakerRole.trim(), MAX_SPEAKER_LENGTH) : undefined;
    out.push({
      text: cut,
      speaker,
      ...(role ? { speakerRole: role } : {}),
      paragraph: Math.min(quote.paragraph, Math.max(0, paragraphCount - 1)),
      partial: quote.partial || cut !== text,
    });
  }
  return out;
}

/** Sections from heading paragraphs, bounded in number and length. */
export function sectionsOf(paragraphs: readonly string[], kinds: readonly string[]): Section[] {
  const sections: Section[] = [];
  for (let i = 0; i < paragraphs.length && sections.length < MAX_SECTIONS; i++) {
    if (kinds[i] === 'heading') sections.push({ heading: truncateAtWord(paragraphs[i]!, MAX_HEADLINE_LENGTH), paragraph: i });
  }
  return sections;
}
