import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/main';
import { createFetcher, type SafeFetcher } from '../../src/content/web/fetcher';
import type { Resolver } from '../../src/content/web/guarded-connect';
import { feedBytes, pageBytes } from '../support/web-fixtures';
import { redirect, send, startWebServer, type TestWebServer } from '../support/web-server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'brief-cli-web-'));

let site: TestWebServer;
let internal: TestWebServer;
let fetcher: SafeFetcher;
const resolver: Resolver = async (hostname) => {
  const table: Record<string, string> = { 'news.test': '127.0.0.1', 'intranet.test': '127.0.0.2' };
  if (!table[hostname]) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  return [{ address: table[hostname]!, family: 4 }];
};

beforeAll(async () => {
  internal = await startWebServer({ '/': send('internal') }, '127.0.0.2');
  site = await startWebServer({
    '/en/bbc': send(pageBytes('en-bbc-1'), { 'content-type': 'text/html' }),
    '/fr/lemonde': send(pageBytes('fr-lemonde-1'), { 'content-type': 'text/html; charset=utf-8' }),
    '/ar/cnn': send(pageBytes('ar-cnnarabic-2013'), { 'content-type': 'text/html' }),
    '/moved': redirect('/en/bbc', 301),
    '/to-internal': (_req, res) => void res.writeHead(302, { location: `${internal.origin}/` }).end(),
    '/feed.rss': send(feedBytes('rss2-iso-8859-1-jn.rss'), { 'content-type': 'application/rss+xml' }),
    '/thin': send('<html><body><p>Subscribe.</p></body></html>'),
    '/error': send('oops', { 'content-type': 'text/html' }, 500),
  });
  fetcher = createFetcher({ allowAddresses: ['127.0.0.1'], resolver });
});

afterAll(async () => {
  await fetcher.close();
  await site.close();
  await internal.close();
  rmSync(scratch, { recursive: true, force: true });
});

afterEach(() => {
  expect(internal.requests).toEqual([]);
});

async function run(argv: string[], overrides: Partial<CliIO> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), color: false, contentDir: join(ROOT, 'content'), fetcher, ...overrides });
  return { code, out, err };
}

interface Json {
  id: string;
  headline: string;
  language: string;
  direction: string;
  url?: string;
  text: string;
  summary: string[];
  quotes: { text: string; speaker: string | null }[];
}

describe('brief CLI on web pages', () => {
  it.each([
    ['en', '/en/bbc', "Obama admits US gun laws are his 'biggest frustration'", 'ltr', 'President Barack Obama has admitted'],
    ['fr', '/fr/lemonde', "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée", 'ltr', 'Les députés ont, sans surprise'],
    ['ar', '/ar/cnn', 'معارضون يسيطرون على مخازن للصواريخ بريف دمشق', 'rtl', 'دمشق، سوريا (CNN) --'],
  ])('briefs a %s article URL: headline from the page, url and text in --json', async (language, path, headline, direction, start) => {
    const url = `${site.origin}${path}`;
    const { code, out, err } = await run([url, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(json).toMatchObject({ headline, language, direction, url });
    expect(json.text.startsWith(start)).toBe(true);
    expect(json.text).toMatch(/\n\n/);
    expect(json.summary.length).toBeGreaterThan(0);
  });

  it('reaches a page through a DNS name and a permanent redirect; the URL is the page that answered', async () => {
    const { code, out } = await run([`http://news.test:${site.port}/moved`, '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(out) as Json).url).toBe(`http://news.test:${site.port}/en/bbc`);
  });

  it('prints the page address under the headline by default', async () => {
    const { code, out } = await run([`${site.origin}/en/bbc`]);
    expect(code).toBe(0);
    expect(out.split('\n')[2]).toBe(`${site.origin}/en/bbc`);
  });

  it.each([
    ['a redirect to an internal address', () => [`${site.origin}/to-internal`], /^Refused: 127\.0\.0\.2 is a local or private address/],
    ['an internal literal IP', () => [`${internal.origin}/`], /^Refused: 127\.0\.0\.2 is a local or private address/],
    ['a name resolving to an internal address', () => [`http://intranet.test:${internal.port}/`], /^Refused: intranet\.test is a local or private address/],
    ['the cloud metadata address', () => ['http://169.254.169.254/latest/meta-data/'], /^Refused: 169\.254\.169\.254/],
    ['a feed', () => [`${site.origin}/feed.rss`], /is a news feed, not an article page/],
    ['a page without an article', () => [`${site.origin}/thin`], /^No article found at 127\.0\.0\.1:\d+/],
    ['a server error', () => [`${site.origin}/error`], /answered HTTP 500 Internal Server Error/],
    ['a page over the size cap', () => [`${site.origin}/en/bbc`, '--max-bytes', '5000'], /is over the 5 KB limit/],
    ['an unknown host', () => ['http://nowhere.test/'], /^Could not reach nowhere\.test: no such host/],
  ])('refuses %s: one line on stderr, exit 2', async (_name, argv, message) => {
    const { code, out, err } = await run(argv());
    expect(out).toBe('');
    expect(code).toBe(2);
    expect(err).toMatch(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('brief CLI on saved .html files', () => {
  it.each([
    ['en-cnn.html', 'en-cnn' as const, "The 'birth lottery' and economic mobility", 'The U.S. has long been heralded'],
    ['fr-liberation.htm', 'fr-liberation-1' as const, 'Un troisième Français mort dans le séisme au Népal', 'Un troisième Français a été tué'],
    ['ar-cnn.HTML', 'ar-cnnarabic-2013' as const, 'معارضون يسيطرون على مخازن للصواريخ بريف دمشق', 'دمشق، سوريا (CNN)'],
  ])('extracts %s like a fetched page', async (name, id, headline, start) => {
    const path = join(scratch, name);
    writeFileSync(path, pageBytes(id));
    const { code, out, err } = await run([path, '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out) as Json;
    expect(json.headline).toBe(headline);
    expect(json.text.startsWith(start)).toBe(true);
    expect(json.id).toBe(name.replace(/\.[^.]+$/, ''));
    expect(json).not.toHaveProperty('url');
  });

  it.each([
    ['a page without article', 'empty.html', '<html><body><nav>Home</nav></body></html>', [], /^No article found at empty\.html/],
    ['a page over the cap', 'big.html', `<html><body>${'<p>word</p>'.repeat(100)}</body></html>`, ['--max-bytes', '200'], /big\.html is [\d,]+ bytes, over the 200-byte limit/],
  ])('refuses %s with exit 2', async (_name, file, html, flags, message) => {
    const path = join(scratch, file);
    writeFileSync(path, html);
    const { code, err } = await run([path, ...flags]);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });
});

describe('brief CLI on a URL, as npm run brief (child process, configuration from the environment)', () => {
  const exec = promisify(execFile);
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');

  it('fetches from an address listed in FETCH_ALLOW_ADDRESSES', { timeout: 60_000 }, async () => {
    const env = { ...process.env, NO_COLOR: '1', FETCH_ALLOW_ADDRESSES: '127.0.0.1' };
    const { stdout, stderr } = await exec(tsx, ['src/cli/brief.ts', `${site.origin}/fr/lemonde`, '--json'], { cwd: ROOT, env });
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({ language: 'fr', url: `${site.origin}/fr/lemonde` });
  });

  it('refuses 127.0.0.1 by default, with one line and exit 2', { timeout: 60_000 }, async () => {
    const env = { ...process.env, NO_COLOR: '1', FETCH_ALLOW_ADDRESSES: '' };
    const before = site.requests.length;
    const failure = await exec(tsx, ['src/cli/brief.ts', `${site.origin}/fr/lemonde`], { cwd: ROOT, env }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr.trimEnd().split('\n')).toEqual(['Refused: 127.0.0.1 is a local or private address, which the bot never fetches.']);
    expect(site.requests.length).toBe(before);
  });
});
