import { z } from 'zod';

/** File formats the library accepts. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md'] as const;
export type ArticleFormat = 'txt' | 'md';

/** Front matter of a Markdown article. Every field is optional. */
export const ArticleMetaSchema = z
  .object({
    title: z.string().trim().min(1, 'must not be empty').max(1000, 'is longer than 1000 characters'),
    source: z.string().trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters'),
    url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
    published: z.iso.datetime({ offset: true, local: true, message: 'must be an ISO date' }).or(z.iso.date({ message: 'must be an ISO date (YYYY-MM-DD)' })),
    language: z.string().trim().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language code such as ar, en or fr'),
    author: z.string().trim().min(1, 'must not be empty').max(200, 'is longer than 200 characters'),
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
