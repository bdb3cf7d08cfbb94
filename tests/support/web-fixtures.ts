import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** tests/fixtures/web (see its README.md for sources and licences). */
export const WEB_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'web');

/** Ids of the real pages copied from ../shared/web/pages. */
export const PAGE_IDS = [
  'ar-cnnarabic-2013',
  'en-bbc-1',
  'en-bbc-2026',
  'en-cbcnews-2024',
  'en-cnn',
  'en-nytimes-1',
  'en-wapo-1',
  'fr-lemonde-1',
  'fr-lemonde-2023',
  'fr-liberation-1',
  'rtl-1-synthetic',
  'rtl-4-synthetic',
] as const;

export type PageId = (typeof PAGE_IDS)[number];

/** The page's bytes as served (stored gzipped to keep the fixtures small). */
export function pageBytes(id: PageId): Buffer {
  return gunzipSync(readFileSync(join(WEB_FIXTURES, 'pages', `${id}.html.gz`)));
}

/** A feed file's bytes, unchanged. */
export function feedBytes(name: string): Buffer {
  return readFileSync(join(WEB_FIXTURES, 'feeds', name));
}
