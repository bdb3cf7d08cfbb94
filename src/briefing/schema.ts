import { z } from 'zod';

/** Languages the engine knows; anything else is `other`. */
export const LanguageSchema = z.enum(['ar', 'en', 'fr', 'other']);
export type Language = z.infer<typeof LanguageSchema>;

/** Text direction of the article's script. */
export const DirectionSchema = z.enum(['rtl', 'ltr']);
export type Direction = z.infer<typeof DirectionSchema>;

/** Longest headline, in characters (Discord's embed title limit). */
export const MAX_HEADLINE_LENGTH = 256;

/** A direct quotation and who said it. */
export const QuoteSchema = z.object({
  /** The quoted words, without the quotation marks. */
  text: z.string().min(1),
  /** The person (or body) who said it, by name where the article gives one; null when unknown. */
  speaker: z.string().min(1).nullable(),
  /** Role or title, e.g. `الرئيس الروسي`, "the mayor". */
  speakerRole: z.string().min(1).optional(),
  /** Index of the paragraph (in the cleaned body) the quote comes from. */
  paragraph: z.number().int().nonnegative(),
  /** True when the quote is a fragment inside a sentence rather than a whole statement, or its marks are unbalanced. */
  partial: z.boolean(),
});
export type Quote = z.infer<typeof QuoteSchema>;

/** A section heading found in the body, and the paragraph it starts at. */
export const SectionSchema = z.object({
  heading: z.string().min(1),
  paragraph: z.number().int().nonnegative(),
});
export type Section = z.infer<typeof SectionSchema>;

/** The briefing of one article. */
export const BriefingSchema = z.object({
  headline: z.string().min(1).max(MAX_HEADLINE_LENGTH),
  language: LanguageSchema,
  direction: DirectionSchema,
  /** "By …" line, kept as metadata. */
  byline: z.string().min(1).optional(),
  /** Dateline such as `(CNN) --` or `PARIS —`, kept as metadata. */
  dateline: z.string().min(1).optional(),
  sections: z.array(SectionSchema),
  /** Key quotes, most worth reading first. */
  quotes: z.array(QuoteSchema),
  /** Summary sentences in article order. */
  summary: z.array(z.string().min(1)),
});
export type Briefing = z.infer<typeof BriefingSchema>;

/** Options of `createBriefing`. */
export interface BriefingOptions {
  /** Number of summary sentences (default 3). */
  sentences?: number;
  /** Word budget for the summary; when set, as many sentences as fit. */
  words?: number;
  /** Headline to use (e.g. front-matter title). */
  title?: string;
  /** Language to assume instead of detecting it (`ar`, `en`, `fr`, …). */
  language?: string;
  /**
   * Compute the summary (default true). False leaves `summary` empty and
   * skips its cost, for a caller that only needs the rest now (the library's
   * first start indexes quotes and headlines, and fills summaries in later);
   * every other part of the briefing is the same either way.
   */
  summary?: boolean;
  /**
   * Extract the key quotes (default true). False leaves `quotes` empty and
   * skips their cost, for a caller that only wants the summary (the library
   * filling in a summary it left out); every other part is the same either way.
   */
  quotes?: boolean;
}
