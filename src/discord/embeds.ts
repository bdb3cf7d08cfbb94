import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { Language, Quote } from '../briefing/schema';
import { speakerLabel } from '../briefing/speaker-label';
import type { LibraryArticle } from '../library/types';
import { embedLength } from './embed-size';
import { labelsFor, type Labels } from './labels';
import { LIMITS } from './limits';
import { escapeMarkdown, oneLine, RLM, truncate } from './text';

/** Options of {@link renderBriefing}. */
export interface RenderBriefingOptions {
  /** Most quotes shown as fields (default 10, at most 25). */
  maxQuotes?: number;
}

/** Embeds of one message, ready to send (API JSON). */
export interface EmbedPayload {
  embeds: APIEmbed[];
}

/** Embed colour per article language. */
export const LANGUAGE_COLOURS: Record<Language, number> = { ar: 0x1f8b4c, en: 0x2b6cb0, fr: 0x6b46c1, other: 0x718096 };

/** Longest footer we write (Discord allows 2048; a footer is one line). */
const FOOTER_MAX = 256;
/** When the 6000 total is hit, quote values are first shrunk to this… */
const SHRUNK_VALUE = 600;
/** …and quotes are dropped down to this many before the summary is shortened. */
const MIN_QUOTES = 3;

/**
 * Render the briefing of an article as one Discord embed: the headline as
 * title (linked to the article's url), the summary as bullets in the
 * description, the key quotes as fields (speaker, then the quote in the
 * language's quotation marks), and a footer with source, date and language.
 * Labels follow the article's language. Every Discord limit holds, the 6000
 * total included: quotes are shortened and dropped, then the summary is cut.
 * Pure: no I/O.
 */
export function renderBriefing(article: LibraryArticle, options: RenderBriefingOptions = {}): EmbedPayload {
  const { briefing, meta } = article;
  const labels = labelsFor(briefing.language);
  const rtl = briefing.direction === 'rtl' || briefing.language === 'ar';
  const maxQuotes = Math.max(0, Math.min(options.maxQuotes ?? 10, LIMITS.embedFields));

  const embed: APIEmbed = {
    title: truncate(escapeMarkdown(oneLine(briefing.headline)) || article.id, LIMITS.embedTitle),
    color: LANGUAGE_COLOURS[briefing.language],
    timestamp: new Date(article.timestamp).toISOString(),
    footer: { text: truncate(footerText(article, labels), FOOTER_MAX) },
  };
  if (meta.url && meta.url.length <= 2048) embed.url = meta.url;
  if (meta.author) embed.author = { name: truncate(oneLine(meta.author), LIMITS.authorName) };

  let fields = briefing.quotes.slice(0, maxQuotes).map((quote) => quoteField(quote, labels, rtl, LIMITS.fieldValue));
  const fixed = embedLength(embed);
  const fieldsLength = (): number => fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0);
  let description = summaryDescription(briefing.summary, labels, rtl, fields.length > 0, LIMITS.embedDescription);

  if (fixed + description.length + fieldsLength() > LIMITS.embedTotal) {
    fields = briefing.quotes.slice(0, maxQuotes).map((quote) => quoteField(quote, labels, rtl, SHRUNK_VALUE));
    while (fields.length > MIN_QUOTES && fixed + description.length + fieldsLength() > LIMITS.embedTotal) fields.pop();
    const room = LIMITS.embedTotal - fixed - fieldsLength();
    if (description.length > room) description = summaryDescription(briefing.summary, labels, rtl, fields.length > 0, room);
  }
  if (description) embed.description = description;
  if (fields.length > 0) embed.fields = fields;
  return { embeds: [embed] };
}

/** One quote as an embed field: speaker (and role) as name, the quote in quotation marks as value. */
export function quoteField(quote: Quote, labels: Labels, rtl: boolean, maxValue: number = LIMITS.fieldValue): APIEmbedField {
  const mark = rtl ? RLM : '';
  const [open, close] = labels.quoteMarks;
  const text = escapeMarkdown(oneLine(quote.text));
  const room = maxValue - mark.length - open.length - close.length;
  const value = `${mark}${open}${truncate(text, room)}${close}`;
  return { name: truncate(`${mark}${speakerName(quote, labels)}`, LIMITS.fieldName), value };
}

/** "Name (role)" with each once (see {@link speakerLabel}), or the unknown-speaker label; escaped, one line. */
export function speakerName(quote: Pick<Quote, 'speaker' | 'speakerRole'>, labels: Labels): string {
  return escapeMarkdown(speakerLabel(quote) ?? labels.unknownSpeaker);
}

/**
 * The description: a bold "Summary" label, one bullet per summary sentence
 * and, when quotes follow as fields, a bold "Key quotes" label at the end.
 * At most `max` characters; the summary is cut, never the trailing label.
 */
function summaryDescription(summary: readonly string[], labels: Labels, rtl: boolean, withQuotes: boolean, max: number): string {
  const mark = rtl ? RLM : '';
  const suffix = withQuotes ? `\n\n${mark}**${labels.keyQuotes}**` : `\n\n${mark}*${labels.noQuotes}*`;
  const body = [`${mark}**${labels.summary}**`, ...summary.map((s) => `${mark}• ${escapeMarkdown(oneLine(s))}`)].join('\n');
  if (body.length + suffix.length <= max) return body + suffix;
  if (max <= suffix.length + 16) return truncate(body, Math.max(0, max));
  return truncate(body, max - suffix.length) + suffix;
}

/** "Source · 2024-05-01 · Arabic", skipping what the article does not have. */
function footerText(article: LibraryArticle, labels: Labels): string {
  const parts: string[] = [];
  if (article.meta.source) parts.push(oneLine(article.meta.source));
  if (article.meta.published) parts.push(article.meta.published.slice(0, 10));
  parts.push(labels.languageName[article.briefing.language]);
  return parts.join(' · ');
}
