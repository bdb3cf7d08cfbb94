import { afterAll, describe, expect, it } from 'vitest';
import { createIsolatedExtractor } from '../../../src/content/web/isolated-extractor';
import { decodeText } from '../../../src/content/web/charset';
import { extractArticle, NotAnArticleError } from '../../../src/extraction';
import { pageBytes } from '../../support/web-fixtures';

/** Elements nested 1,500 deep after a paragraph: Readability on linkedom takes minutes on it (quadratic in the depth; 200 s measured). */
const HOSTILE = `<html><body><article><p>${'word '.repeat(80)}.</p>${'<div>'.repeat(1500)}end${'</div>'.repeat(1500)}</article></body></html>`;

/**
 * The bot's own limit (10 s), for every page here: a cold worker's first page
 * took over a second on a loaded 2-core machine, so the tighter limit this
 * file had (1.5 s) could refuse a good page as too complex on a slow CI run.
 * HOSTILE takes minutes, far past it.
 */
const extractor = createIsolatedExtractor();
afterAll(() => extractor.close());

describe('createIsolatedExtractor', () => {
  it.each([['en-bbc-1' as const], ['fr-lemonde-1' as const], ['ar-cnnarabic-2013' as const]])('gives the same article as in-process extraction for %s', async (id) => {
    const html = decodeText(pageBytes(id)).text;
    expect(await extractor.extract(html, `https://news.example/${id}`)).toEqual(extractArticle(html, `https://news.example/${id}`));
  });

  it('passes on why a page has no article', async () => {
    const error = await extractor.extract('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', 'https://news.example/feed').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotAnArticleError);
    expect((error as NotAnArticleError).reason).toBe('feed');
  });

  it('stops a page that takes too long, refuses it as too complex, and reads the next page with a new worker', async () => {
    const slow = extractor.extract(HOSTILE, 'https://hostile.example/');
    const after = extractor.extract(decodeText(pageBytes('en-cnn')).text, 'https://news.example/cnn');
    const error = (await slow.catch((e: unknown) => e)) as NotAnArticleError;
    expect(error).toBeInstanceOf(NotAnArticleError);
    expect(error.reason).toBe('too-complex');
    expect(error.message).toBe('The page at hostile.example is too complex to read (its markup takes too long to take apart).');
    expect((await after).title).toBe("The 'birth lottery' and economic mobility");
  }, 60_000);

  it('refuses work once closed', async () => {
    const closing = createIsolatedExtractor();
    await closing.close();
    await expect(closing.extract('<p>x</p>', 'https://news.example/')).rejects.toThrow(/closed/);
  });

  it('fails every waiting page when its worker cannot start', async () => {
    const broken = createIsolatedExtractor({ entry: new URL('./no-such-worker.ts', import.meta.url) });
    try {
      await expect(broken.extract('<p>x</p>', 'https://news.example/')).rejects.toThrow();
    } finally {
      await broken.close();
    }
  });
});
