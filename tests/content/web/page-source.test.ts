import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidArticleId } from '../../../src/content/read-article';
import { WebPageError } from '../../../src/content/web/errors';
import { createFetcher, type SafeFetcher } from '../../../src/content/web/fetcher';
import { createWebPageSource, fetchWebArticle, metaOf, webArticleId } from '../../../src/content/web/page-source';
import { NotAnArticleError } from '../../../src/extraction';
import { feedBytes, pageBytes } from '../../support/web-fixtures';
import { send, startWebServer, type TestWebServer } from '../../support/web-server';

const ARABIC_PAGE = `<html><head><title>المجلس يقر ميزانية النقل</title></head><body><article>
<p>وافق المجلس البلدي يوم الثلاثاء على ميزانية النقل الجديدة بعد نقاش استمر أكثر من ست ساعات داخل القاعة الرئيسية.</p>
<p>وقال رئيس البلدية للصحفيين بعد التصويت إن «هذه خطة عادلة لكل الأحياء في المدينة دون استثناء».</p>
<p>وقال المعارضون إن الخطة سترفع أسعار التذاكر على الركاب ووعدوا بالطعن فيها خلال الاجتماع المقبل للمجلس.</p></article></body></html>`;

/** windows-1256 bytes of a string (Arabic letters and ASCII only). */
function windows1256(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Uint8Array.from([...text].map((char) => table.get(char) ?? 0x3f));
}

let site: TestWebServer;
let fetcher: SafeFetcher;
let version = 1;

beforeAll(async () => {
  site = await startWebServer({
    '/bbc': send(pageBytes('en-bbc-1'), { 'content-type': 'text/html' }),
    '/lemonde': send(pageBytes('fr-lemonde-1'), { 'content-type': 'text/html; charset=utf-8' }),
    '/arabic-1256': send(windows1256(ARABIC_PAGE), { 'content-type': 'text/html; charset=windows-1256' }),
    '/feed': send(feedBytes('rss2-iso-8859-1-jn.rss'), { 'content-type': 'application/rss+xml' }),
    '/feed-as-xml': send(feedBytes('built-rss2-ar-windows-1256-ant.xml'), { 'content-type': 'text/xml' }),
    '/image': send(Uint8Array.of(0x89, 0x50, 0x4e, 0x47), { 'content-type': 'image/png' }),
    '/gone': send('gone', { 'content-type': 'text/html' }, 410),
    '/thin': send('<html><body><p>Nothing here.</p></body></html>', { 'content-type': 'text/html' }),
    '/changing': (req, res) => {
      const etag = `"v${version}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
      const html = ARABIC_PAGE.replace('ست ساعات', version === 1 ? 'ست ساعات' : 'سبع ساعات');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag }).end(html);
    },
  });
  fetcher = createFetcher({ allowAddresses: ['127.0.0.1'] });
});

afterAll(async () => {
  await fetcher.close();
  await site.close();
});

describe('fetchWebArticle', () => {
  it('fetches and extracts a real English page, with its metadata as the library keeps it', async () => {
    const web = await fetchWebArticle(`${site.origin}/bbc`, { fetcher });
    expect(web.source.format).toBe('html');
    expect(web.source.meta).toMatchObject({
      title: "Obama admits US gun laws are his 'biggest frustration'",
      url: `${site.origin}/bbc`,
      author: 'BBC News',
      source: 'BBC News',
      published: '2015-07-24T04:36:09.000Z',
      language: 'en',
    });
    expect(web.source.body.startsWith('President Barack Obama has admitted')).toBe(true);
    expect(isValidArticleId(web.source.id)).toBe(true);
  });

  it('fetches a real French page', async () => {
    const web = await fetchWebArticle(`${site.origin}/lemonde`, { fetcher });
    expect(web.source.meta.language).toBe('fr');
    expect(web.source.body).toContain('Les députés ont, sans surprise, adopté');
  });

  it('decodes an Arabic page served in windows-1256', async () => {
    const web = await fetchWebArticle(`${site.origin}/arabic-1256`, { fetcher });
    expect(web.source.meta.title).toBe('المجلس يقر ميزانية النقل');
    expect(web.source.meta.language).toBe('ar');
    expect(web.article.direction).toBe('rtl');
    expect(web.source.body).toContain('«هذه خطة عادلة لكل الأحياء في المدينة دون استثناء»');
  });

  it.each([
    ['a feed served as RSS', '/feed', NotAnArticleError, 'feed'],
    ['a feed served as text/xml', '/feed-as-xml', NotAnArticleError, 'feed'],
    ['an image', '/image', NotAnArticleError, 'not-html'],
    ['a page with too little text', '/thin', NotAnArticleError, 'too-little-text'],
    ['a 410 Gone', '/gone', WebPageError, 'http-status'],
    ['a 404', '/missing', WebPageError, 'http-status'],
  ])('refuses %s with a one-line error in three languages', async (_name, path, type, reason) => {
    const error = await fetchWebArticle(`${site.origin}${path}`, { fetcher }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as { reason: string }).reason).toBe(reason);
    const userError = error as WebPageError;
    for (const language of ['en', 'ar', 'fr']) {
      expect(userError.messageIn(language)).not.toMatch(/\n/);
      expect(userError.messageIn(language)).toContain('127.0.0.1');
    }
    expect(userError.messageIn('ar')).toMatch(/[\u0600-\u06ff]/);
  });

  it.each([
    ['refused-address', 'http://10.0.0.1/page', /local or private address/],
    ['bad-url', 'file:///etc/passwd', /Not a web link/],
  ])('turns a %s fetch failure into a user error', async (reason, url, message) => {
    const error = (await fetchWebArticle(url, { fetcher }).catch((e: unknown) => e)) as WebPageError;
    expect(error).toBeInstanceOf(WebPageError);
    expect(error.reason).toBe(reason);
    expect(error.message).toMatch(message);
    expect(error.messageIn('fr')).not.toBe(error.message);
  });

  it('says the page is over the size cap', async () => {
    const error = (await fetchWebArticle(`${site.origin}/bbc`, { fetcher, maxBytes: 10_000 }).catch((e: unknown) => e)) as WebPageError;
    expect(error.reason).toBe('too-large');
    expect(error.message).toBe('The page at 127.0.0.1:' + site.port + ' is over the 10 KB limit.');
  });
});

describe('createWebPageSource', () => {
  it('lists pages with a version that changes only when the article text does', async () => {
    version = 1;
    const source = createWebPageSource([`${site.origin}/changing`], { fetcher });
    const [first] = await source.list();
    const again = await source.list();
    expect(again[0]!.version).toBe(first!.version);
    const seen = site.requests.filter((r) => r.path === '/changing');
    expect(seen.at(-1)!.headers['if-none-match']).toBe('"v1"');
    version = 2;
    const [changed] = await source.list();
    expect(changed!.version).not.toBe(first!.version);
    const article = await source.read(first!.id);
    expect(article.source.body).toContain('سبع ساعات');
  });

  it('says an unknown id is not there', async () => {
    const source = createWebPageSource([], { fetcher });
    await expect(source.read('nowhere-123')).rejects.toThrow(/No article named/);
  });
});

describe('webArticleId and metaOf', () => {
  it.each([
    'https://www.bbc.com/news/world-us-canada-33646704',
    'https://xn--mgbh0fb.example/مقال?id=1',
    `https://${'a'.repeat(200)}.example/`,
    'not a url',
  ])('%s gets a valid, stable id', (url) => {
    expect(isValidArticleId(webArticleId(url))).toBe(true);
    expect(webArticleId(url)).toBe(webArticleId(url));
  });

  it('different pages get different ids', () => {
    expect(webArticleId('https://news.example/a')).not.toBe(webArticleId('https://news.example/b'));
  });

  it('keeps only metadata the library accepts', () => {
    const meta = metaOf({ url: 'https://news.example/a', title: 'T'.repeat(1200), byline: 'B'.repeat(300), siteName: 'Site', published: 'yesterday', language: 'x!', direction: 'ltr', text: 'text' });
    expect(meta.title).toHaveLength(1000);
    expect(meta.author).toHaveLength(200);
    expect(meta).not.toHaveProperty('published');
    expect(meta).not.toHaveProperty('language');
    expect(meta.source).toBe('Site');
  });
});
