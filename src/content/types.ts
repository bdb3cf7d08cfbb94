import { z } from 'zod';

/** File formats the library accepts. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md'] as const;
/** `html`: a web page (fetched, or a saved .html file), extracted to text. */
export type ArticleFormat = 'txt' | 'md' | 'html';

/** Longest front matter title, in characters. */
export const MAX_TITLE_LENGTH = 1000;
/** Longest front matter source or author, in characters. */
export const MAX_NAME_LENGTH = 200;
/** A language code: `ar`, `en`, `fr`, `pt-BR`… */
export const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** Schemes of the front matter's `url` (as `URL.protocol` gives them, without the colon). */
export const URL_PROTOCOL = /^https?$/;
/** Options of the front matter's `published` date-time. */
export const PUBLISHED_DATETIME = { offset: true, local: true } as const;

/** Front matter of a Markdown article. Every field is optional. */
export const ArticleMetaSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(MAX_TITLE_LENGTH, `is longer than ${MAX_TITLE_LENGTH} characters`),
    source: z.string().trim().min(1, 'must not be empty').max(MAX_NAME_LENGTH, `is longer than ${MAX_NAME_LENGTH} characters`),
    url: z.url({ protocol: URL_PROTOCOL, message: 'must be an http(s) URL' }),
    // One message for the union: zod's own for a failed union is a bare "Invalid input".
    published: z.union([z.iso.datetime(PUBLISHED_DATETIME), z.iso.date()], { error: 'must be an ISO date such as 2024-05-01 or 2024-05-01T08:30:00Z' }),
    language: z.string().trim().regex(LANGUAGE_CODE, 'must be a language code such as ar, en or fr'),
    author: z.string().trim().min(1, 'must not be empty').max(MAX_NAME_LENGTH, `is longer than ${MAX_NAME_LENGTH} characters`),
  })
  .partial()
  .strict();

/** Validated front matter. */
export type ArticleMeta = z.infer<typeof ArticleMetaSchema>;

/** An article file read and decoded, before any briefing work. */
export interface ArticleSource {
  /** File name without extension: the article's id everywhere. */
  id: string;
  format: ArticleFormat;
  /** Front matter (empty for .txt). */
  meta: ArticleMeta;
  /** The article text without front matter, decoded from UTF-8 (BOM removed). */
  body: string;
}
