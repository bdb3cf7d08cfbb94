/**
 * Hostile web pages from a local server: cut, body-less, script-only,
 * mislabelled, oversized, compressed into bombs, redirected to private
 * addresses. Each gives an article or one clear `UserError` line (ar/en/fr),
 * never another throw; and real ar/en/fr pages mutated anyhow do the same.
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefingSchema, buildBriefing } from '../../../src/briefing';
import { UserError } from '../../../src/errors';
import { createFetcher, type SafeFetcher } from '../../../src/content/web/fetcher';
import { fetchWebArticle } from '../../../src/content/web/page-source';
import { pageBytes } from '../../support/web-fixtures';
import { redirect, send, startWebServer, type TestWebServer } from '../../support/web-server';

const MAX_BYTES = 300_000;
const AR_TEXT = [
  'وافق المجلس البلدي يوم الثلاثاء على ميزانية النقل الجديدة بعد نقاش استمر أكثر من ست ساعات داخل القاعة الرئيسية.',
  'وقال رئيس البلدية للصحفيين بعد التصويت إن «هذه خطة عادلة لكل الأحياء في المدينة دون استثناء».',
  'وقال المعارضون إن الخطة سترفع أسعار التذاكر على الركاب ووعدوا بالطعن فيها خلال الاجتماع المقبل للمجلس.',
].join('</p><p>');
const html = (body: string, head = '<title>المجلس يقر الميزانية</title>'): string => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

let site: TestWebServer;
let fetcher: SafeFetcher;
/** What the `/current` route answers (set by the property for each run). */
let current: { body: Uint8Array | string; headers: Record<string, string> } = { body: '', headers: {} };

/** Table: path, what it serves, and what must come of it: an article, or the error's English text. */
const CASES: ReadonlyArray<readonly [string, string, ReturnType<typeof send>, RegExp | 'article']> = [
  ['a page cut inside a tag', '/cut', send(html(`<article><p>${AR_TEXT}</p><p>${AR_TEXT}</p><img src="x" alt="قال`).slice(0, -5)), 'article'],
  ['a page without <body>', '/no-body', send(`<html><head><title>T</title></head><p>${AR_TEXT}</p><p>${AR_TEXT}</p></html>`), 'article'],
  ['a fragment with no <html> at all', '/fragment', send(`<p>${AR_TEXT}</p><p>${AR_TEXT}</p>`), 'article'],
  ['script only', '/script', send(html('<script>document.write("hello")</script><noscript>Enable JavaScript</noscript>')), /too little text/],
  ['an empty 200', '/empty', send('', { 'content-type': 'text/html' }), /too little text/],
  ['a meta refresh and nothing else', '/refresh', send(html('', '<meta http-equiv="refresh" content="0; url=http://127.0.0.2/">')), /too little text/],
  ['a giant attribute', '/giant-attr', send(html(`<div data-x="${'x'.repeat(200_000)}"><p>${AR_TEXT}</p><p>${AR_TEXT}</p></div>`)), 'article'],
  ['a UTF-8 page whose header says windows-1256', '/mislabelled', send(Buffer.from(html(`<p>${AR_TEXT}</p><p>${AR_TEXT}</p>`)), { 'content-type': 'text/html; charset=windows-1256' }), 'article'],
  ['a page whose header names an unknown charset', '/bogus-charset', send(html(`<p>${AR_TEXT}</p><p>${AR_TEXT}</p>`), { 'content-type': 'text/html; charset=x-klingon' }), 'article'],
  ['a PDF', '/pdf', send(Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj'), { 'content-type': 'application/pdf' }), /not a web page \(application\/pdf\)/],
  ['an image', '/png', send(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0, 0, 0), { 'content-type': 'image/png' }), /not a web page \(image\/png\)/],
  ['bytes labelled octet-stream', '/octets', send(Uint8Array.of(0, 1, 2, 3), { 'content-type': 'application/octet-stream' }), /not a web page/],
  ['plain text', '/plain', send(AR_TEXT, { 'content-type': 'text/plain; charset=utf-8' }), /not a web page \(text\/plain\)/],
  ['a gzip bomb', '/bomb', send(gzipSync(Buffer.alloc(20_000_000, 0x20)), { 'content-type': 'text/html', 'content-encoding': 'gzip' }), /over the 300,000-byte limit/],
  ['a body over the cap, declared', '/huge', send(Buffer.alloc(MAX_BYTES + 1, 0x61), { 'content-type': 'text/html' }), /over the 300,000-byte limit/],
  ['a body that says gzip but is not', '/fake-gzip', send(html(`<p>${AR_TEXT}</p>`), { 'content-type': 'text/html', 'content-encoding': 'gzip' }), /sent a damaged answer: its compressed body could not be unpacked/],
  ['a body that says br but is not', '/fake-br', send(html(`<p>${AR_TEXT}</p>`), { 'content-type': 'text/html', 'content-encoding': 'br' }), /sent a damaged answer/],
  ['a gzip body cut short', '/cut-gzip', send(gzipSync(html(`<p>${AR_TEXT}</p>`)).subarray(0, 60), { 'content-type': 'text/html', 'content-encoding': 'gzip' }), /sent a damaged answer/],
  ['a redirect to another loopback address', '/to-private', redirect('http://127.0.0.2/admin'), /Refused: 127\.0\.0\.2 is a local or private address/],
  ['a redirect to the cloud metadata address', '/to-metadata', redirect('http://169.254.169.254/latest/meta-data/'), /Refused: 169\.254\.169\.254/],
  ['a redirect to a private network', '/to-lan', redirect('http://[::ffff:10.0.0.1]/'), /Refused: .*is a local or private address/],
  ['a redirect to a file: URL', '/to-file', redirect('file:///etc/passwd'), /Not a web link/],
  ['a redirect loop', '/loop', redirect('/loop'), /redirects too many times/],
  ['an HTTP 500', '/error', send('oops', { 'content-type': 'text/html' }, 500), /answered HTTP 500 Internal Server Error/],
  ['a connection cut mid-body', '/hangup', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
    res.write('<html><body><p>');
    setTimeout(() => res.destroy(), 20);
  }, /^Could not reach 127\.0\.0\.1:\d+: connection closed\.$/],
];

beforeAll(async () => {
  site = await startWebServer({
    ...Object.fromEntries(CASES.map(([, path, route]) => [path, route])),
    '/current': (_req, res) => void res.writeHead(200, current.headers).end(current.body),
  });
  fetcher = createFetcher({ allowAddresses: ['127.0.0.1'] });
});

afterAll(async () => {
  await fetcher.close();
  await site.close();
});

/** Fetch a page: its article (checked: text to brief, a valid briefing), or the one-line UserError it gives. */
async function outcome(path: string): Promise<'article' | UserError> {
  try {
    const web = await fetchWebArticle(`${site.origin}${path}`, { fetcher, maxBytes: MAX_BYTES, timeoutMs: 5_000 });
    expect(web.source.body).toMatch(/[\p{L}\p{N}]/u);
    expect(BriefingSchema.safeParse(buildBriefing(web.source.body, { title: web.source.meta.title })).success).toBe(true);
    return 'article';
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const user = error as UserError;
    for (const text of Object.values(user.text)) expect(text).not.toMatch(/\n|\bat .+:\d+:\d+/);
    expect(user.text.ar).not.toBe(user.text.en);
    expect(user.text.fr).not.toBe(user.text.en);
    return user;
  }
}

describe('hostile web pages', () => {
  it.each(CASES.map(([what, path, , want]) => [what, path, want] as const))('%s: an article or one clear line', async (_what, path, want) => {
    const result = await outcome(path);
    if (want === 'article') expect(result).toBe('article');
    else expect(result === 'article' ? 'article' : result.message).toMatch(want);
  });

  const PAGES = ['ar-cnnarabic-2013', 'en-bbc-1', 'fr-lemonde-1', 'rtl-1-synthetic'] as const;
  const mutation = fc.oneof(
    fc.double({ min: 0, max: 1, noNaN: true }).map((cut) => (page: Buffer) => page.subarray(0, Math.floor(page.length * cut))),
    fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('<script>', '<!--', '<![CDATA[', '<style>', '</html>', '<body>', '\u0000', '<textarea>', '<svg><foreignObject>', '<p dir="rtl">', '<meta charset="utf-16">'))
      .map(([at, piece]) => (page: Buffer) => Buffer.concat([page.subarray(0, Math.floor(page.length * at)), Buffer.from(piece), page.subarray(Math.floor(page.length * at))])),
    fc.constant((page: Buffer) => Buffer.from(page.toString('latin1').replace(/<\/?body[^>]*>/gi, ''), 'latin1')),
    fc.constant((page: Buffer) => Buffer.from(page.toString('latin1').replace(/<(p|div|article)\b/gi, '<script'), 'latin1')),
  );
  const served = fc.record({
    page: fc.constantFrom(...PAGES),
    steps: fc.array(mutation, { minLength: 1, maxLength: 3 }),
    type: fc.constantFrom('text/html', 'text/html; charset=utf-8', 'text/html; charset=windows-1256', 'text/html; charset=iso-8859-1', 'application/xhtml+xml', 'text/xml', ''),
  });

  it('gives an article or one clear line for mutated ar/en/fr pages, whatever their declared type', async () => {
    await fc.assert(
      fc.asyncProperty(served, async ({ page, steps, type }) => {
        current = { body: steps.reduce((bytes, step) => step(bytes), pageBytes(page)), headers: type ? { 'content-type': type } : {} };
        await outcome('/current');
      }),
      { numRuns: 12 },
    );
  });
});
