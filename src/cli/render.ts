import type { Briefing, Language } from '../briefing/schema';

/** The `--json` output: exactly these keys. */
export interface BriefJson {
  id: string;
  headline: string;
  language: Language;
  direction: 'rtl' | 'ltr';
  quotes: { text: string; speaker: string | null }[];
  summary: string[];
  sections: string[];
  /** The article's address, when known (a web page, or a front matter `url`). */
  url?: string;
  /** The text the engine briefed: paragraphs separated by a blank line. */
  text?: string;
}

/** Shape a briefing as the CLI's JSON object. */
export function toBriefJson(id: string, briefing: Briefing, extra: { url?: string; text?: string } = {}): BriefJson {
  return {
    id,
    headline: briefing.headline,
    language: briefing.language,
    direction: briefing.direction,
    quotes: briefing.quotes.map((q) => ({ text: q.text, speaker: q.speaker })),
    summary: briefing.summary,
    sections: briefing.sections.map((s) => s.heading),
    ...(extra.url ? { url: extra.url } : {}),
    ...(extra.text !== undefined ? { text: extra.text } : {}),
  };
}

const STYLE = { bold: '\u001b[1m', dim: '\u001b[2m', cyan: '\u001b[36m', yellow: '\u001b[33m', reset: '\u001b[0m' } as const;

/** Labels of the terminal briefing, per language. */
const LABELS: Record<'ar' | 'fr' | 'en', { summary: string; quotes: string; sections: string; unknown: string }> = {
  ar: { summary: 'الملخص', quotes: 'اقتباسات', sections: 'الأقسام', unknown: 'متحدث غير معروف' },
  fr: { summary: 'Résumé', quotes: 'Citations', sections: 'Sections', unknown: 'source inconnue' },
  en: { summary: 'Summary', quotes: 'Quotes', sections: 'Sections', unknown: 'unknown speaker' },
};

/** Remove terminal control characters (article text must not drive the terminal). */
export function safeText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, ' ');
}

function quoteMarks(language: Language, text: string): string {
  if (language === 'ar') return `«${text}»`;
  if (language === 'fr') return `« ${text} »`;
  return `“${text}”`;
}

/**
 * Render a briefing for the terminal: headline, metadata, summary bullets,
 * quotes with their speakers, sections. Text is printed in logical order (a
 * terminal with bidi support shows Arabic right to left); ANSI styles only
 * when `color` is true.
 */
export function renderBriefing(briefing: Briefing, options: { color: boolean; url?: string }): string {
  const paint = (style: keyof typeof STYLE, text: string): string => (options.color ? `${STYLE[style]}${text}${STYLE.reset}` : text);
  const labels = LABELS[briefing.language === 'ar' || briefing.language === 'fr' ? briefing.language : 'en'];
  const lines: string[] = [paint('bold', safeText(briefing.headline))];
  const meta = [briefing.language, briefing.direction, briefing.byline, briefing.dateline].filter((x): x is string => Boolean(x));
  lines.push(paint('dim', safeText(meta.join(' · '))));
  if (options.url) lines.push(paint('dim', safeText(options.url)));
  lines.push('');
  if (briefing.summary.length > 0) {
    lines.push(paint('cyan', labels.summary));
    for (const sentence of briefing.summary) lines.push(`  • ${safeText(sentence)}`);
    lines.push('');
  }
  if (briefing.quotes.length > 0) {
    lines.push(paint('cyan', labels.quotes));
    for (const quote of briefing.quotes) {
      const who = quote.speaker ?? labels.unknown;
      const role = quote.speakerRole && quote.speakerRole !== quote.speaker ? ` (${quote.speakerRole})` : '';
      lines.push(`  ${safeText(quoteMarks(briefing.language, quote.text))}`, `    — ${paint('yellow', safeText(who + role))}`);
    }
    lines.push('');
  }
  if (briefing.sections.length > 0) {
    lines.push(paint('cyan', labels.sections));
    for (const section of briefing.sections) lines.push(`  • ${safeText(section.heading)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
