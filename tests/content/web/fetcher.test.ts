import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FetchError } from '../../../src/content/web/fetch-types';
import { createFetcher, MAX_REDIRECTS, userAgent, type SafeFetcher } from '../../../src/content/web/fetcher';
import { createAddressPolicy } from '../../../src/content/web/address-policy';
import { guardedConnector, RefusedAddressError, type Resolver } from '../../../src/content/web/guarded-connect';
import { redirect, send, startWebServer, type TestWebServer } from '../../support/web-server';

let site: TestWebServer;
let internal: TestWebServer;
let fetcher: SafeFetcher;

/** Test DNS: *.test names point where the table says; anything else does not exist. */
const names: Record<string, string> = { 'news.test': '127.0.0.1', 'intranet.test': '127.0.0.2', 'metadata.test': '169.254.169.254', 'mixed.test': '127.0.0.2' };
const resolver: Resolver = async (hostname) => {
  const address = names[hostname];
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
  return [{ address, family: 4 }];
};

const page = '<html><head><title>Hello</title></head><body><p>Body</p></body></html>';

beforeAll(async () => {
  internal = await startWebServer({ '/secret': send('internal data') }, '127.0.0.2');
  site = await startWebServer({
    '/page': send(page, { 'content-type': 'text/html; charset=utf-8', etag: '"v1"', 'x-multi': 'a' }),
    '/moved': redirect('/moved-again', 301),
    '/moved-again': redirect('/page', 308),
    '/temporary-then-moved': redirect('/moved', 302),
    '/relative': redirect('page', 307),
    '/to-internal-real': (_req, res) => void res.writeHead(302, { location: `${internal.origin}/secret` }).end(),
    '/loop': redirect('/loop'),
    '/to-file': redirect('file:///etc/passwd'),
    '/conditional': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
      else res.writeHead(200, { etag: '"v1"', 'last-modified': 'Wed, 01 May 2024 08:00:00 GMT' }).end('fresh');
    },
    '/big-declared': send('x'.repeat(5000), { 'content-type': 'text/plain', 'content-length': '5000' }),
    '/big-streamed': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 50; i++) res.write('y'.repeat(1000));
      res.end();
    },
    '/gzip': send(gzipSync('compressed ' + 'z'.repeat(100)), { 'content-type': 'text/plain', 'content-encoding': 'gzip' }),
    '/gzip-bomb': send(gzipSync(Buffer.alloc(2_000_000)), { 'content-type': 'text/plain', 'content-encoding': 'gzip' }),
    '/never': () => undefined,
    '/slow': (_req, res) => {
      setTimeout(() => res.writeHead(200).end('ok'), 30);
    },
    '/headers': (req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(req.headers)),
  });
  fetcher = createFetcher({ allowAddresses: ['127.0.0.1'], resolver, timeoutMs: 5000 });
});

afterAll(async () => {
  await fetcher.close();
  await site.close();
  await internal.close();
});

afterEach(() => {
  expect(internal.requests).toEqual([]);
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  const fetchError = error as FetchError;
  expect(fetchError.message).not.toMatch(/\n|\sat \S+ \(/);
  return fetchError;
}

describe('fetcher: answers', () => {
  it('returns status, lower-case headers and the raw bytes', async () => {
    const result = await fetcher({ url: `${site.origin}/page` });
    expect(result.status).toBe(200);
    expect(result.url).toBe(`${site.origin}/page`);
    expect(result.permanentUrl).toBe(`${site.origin}/page`);
    expect(result.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(result.headers.etag).toBe('"v1"');
    expect(new TextDecoder().decode(result.body)).toBe(page);
  });

  it('reaches a DNS name that resolves to an allowed address', async () => {
    const result = await fetcher({ url: `http://news.test:${site.port}/page` });
    expect(result.status).toBe(200);
  });

  it('says who it is: an honest User-Agent, the Accept asked for, compression offered', async () => {
    const result = await fetcher({ url: `${site.origin}/headers`, accept: 'application/rss+xml' });
    const headers = JSON.parse(new TextDecoder().decode(result.body)) as Record<string, string>;
    expect(headers['user-agent']).toBe(userAgent());
    expect(headers['user-agent']).toMatch(/^Briefing\/\d+\.\d+\.\d+ \(/);
    expect(headers.accept).toBe('application/rss+xml');
    expect(headers['accept-encoding']).toContain('gzip');
  });

  it('names the operator contact in the User-Agent when configured', () => {
    expect(userAgent('https://example.org/bot')).toMatch(/; \+https:\/\/example\.org\/bot\)$/);
  });

  it('decompresses gzip bodies', async () => {
    const result = await fetcher({ url: `${site.origin}/gzip` });
    expect(new TextDecoder().decode(result.body)).toBe('compressed ' + 'z'.repeat(100));
  });

  it('sends conditional GET headers and returns a 304 with an empty body', async () => {
    const first = await fetcher({ url: `${site.origin}/conditional` });
    expect(first.status).toBe(200);
    const second = await fetcher({ url: `${site.origin}/conditional`, etag: first.headers.etag, lastModified: first.headers['last-modified'] });
    expect(second.status).toBe(304);
    expect(second.body.length).toBe(0);
    const seen = site.requests.filter((r) => r.path === '/conditional').at(-1)!;
    expect(seen.headers['if-modified-since']).toBe('Wed, 01 May 2024 08:00:00 GMT');
  });

  it('returns error statuses as answers, not failures', async () => {
    const result = await fetcher({ url: `${site.origin}/missing` });
    expect(result.status).toBe(404);
  });
});

describe('fetcher: redirects', () => {
  it.each([
    ['301 then 308: the final URL is permanent', '/moved', '/page', '/page'],
    ['302 then 301: only the first URL is permanent', '/temporary-then-moved', '/page', '/temporary-then-moved'],
    ['a relative Location', '/relative', '/page', '/relative'],
  ])('%s', async (_name, start, final, permanent) => {
    const result = await fetcher({ url: `${site.origin}${start}` });
    expect(result.status).toBe(200);
    expect(result.url).toBe(`${site.origin}${final}`);
    expect(result.permanentUrl).toBe(`${site.origin}${permanent}`);
  });

  it(`gives up after ${MAX_REDIRECTS} redirects`, async () => {
    const error = await failure(fetcher({ url: `${site.origin}/loop` }));
    expect(error.reason).toBe('too-many-redirects');
  });

  it('refuses a redirect to a file: URL', async () => {
    const error = await failure(fetcher({ url: `${site.origin}/to-file` }));
    expect(error.reason).toBe('bad-url');
  });
});

describe('fetcher: refusals (the internal server on 127.0.0.2 never gets a request)', () => {
  it.each([
    ['a literal internal IP', () => `${internal.origin}/secret`],
    ['a redirect to the internal server', () => `${site.origin}/to-internal-real`],
    ['a DNS name resolving to the internal server', () => `http://intranet.test:${internal.port}/secret`],
    ['an IPv4-mapped IPv6 literal', () => `http://[::ffff:127.0.0.2]:${internal.port}/secret`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['a name resolving to the metadata address', () => 'http://metadata.test/latest/meta-data/'],
    ['the AWS IPv6 metadata address', () => 'http://[fd00:ec2::254]/latest/meta-data/'],
    ['a private network address', () => 'http://10.0.0.1/'],
  ])('%s', async (_name, url) => {
    const error = await failure(fetcher({ url: url() }));
    expect(error.reason).toBe('refused-address');
    expect(error.message).toMatch(/^Refused: .+ is a local or private address$/);
  });

  it('refuses 127.0.0.1 too when it is not in the allow-list', async () => {
    const strict = createFetcher({ resolver });
    try {
      const before = site.requests.length;
      const error = await failure(strict({ url: `http://news.test:${site.port}/page` }));
      expect(error.reason).toBe('refused-address');
      expect(site.requests.length).toBe(before);
    } finally {
      await strict.close();
    }
  });

  it.each([
    ['file:///etc/passwd', /not file/],
    ['ftp://example.org/x', /not ftp/],
    ['javascript:alert(1)', /not javascript/],
    ['gopher://127.0.0.2:70/', /not gopher/],
    ['not a url', /Not a web address/],
    ['http://user:pass@news.test/', /user name or password/],
  ])('refuses %s as a bad URL', async (url, message) => {
    const error = await failure(fetcher({ url }));
    expect(error.reason).toBe('bad-url');
    expect(error.message).toMatch(message);
  });
});

describe('fetcher: caps and failures', () => {
  it.each([
    ['a declared Content-Length over the cap', '/big-declared'],
    ['a streamed body over the cap', '/big-streamed'],
    ['a gzip bomb (counted after decompression)', '/gzip-bomb'],
  ])('%s is too large', async (_name, path) => {
    const error = await failure(fetcher({ url: `${site.origin}${path}`, maxBytes: 4000 }));
    expect(error.reason).toBe('too-large');
    expect(error.message).toMatch(/larger than 4 KB/);
  });

  it('times out on a server that never answers', async () => {
    const error = await failure(fetcher({ url: `${site.origin}/never`, timeoutMs: 200 }));
    expect(error.reason).toBe('timeout');
    expect(error.message).toMatch(/did not answer within 0\.2 s/);
  });

  it('reports an unknown host as a network failure', async () => {
    const error = await failure(fetcher({ url: 'http://nowhere.test/' }));
    expect(error.reason).toBe('network');
    expect(error.message).toBe('Could not reach nowhere.test: no such host');
  });

  it('reports a refused connection as a network failure', async () => {
    const closed = await startWebServer({});
    const url = `${closed.origin}/`;
    await closed.close();
    const error = await failure(fetcher({ url }));
    expect(error.reason).toBe('network');
    expect(error.message).toMatch(/connection refused/);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = fetcher({ url: `${site.origin}/never`, signal: controller.signal });
    controller.abort();
    const error = await failure(pending);
    expect(error.reason).toBe('network');
  });
});

describe('fetcher: politeness', () => {
  it('opens at most 2 connections to one host', async () => {
    const polite = await startWebServer({ '/slow': (_req, res) => void setTimeout(() => res.writeHead(200).end('ok'), 20) });
    const own = createFetcher({ allowAddresses: ['127.0.0.1'] });
    try {
      await Promise.all(Array.from({ length: 8 }, () => own({ url: `${polite.origin}/slow` })));
      expect(polite.requests.length).toBe(8);
      expect(polite.maxInFlight).toBeLessThanOrEqual(2);
      expect(polite.connections).toBeLessThanOrEqual(2);
    } finally {
      await own.close();
      await polite.close();
    }
  });
});

describe('guardedConnector', () => {
  it('checks the address actually connected to, even for a literal IP that skips DNS', async () => {
    const connect = guardedConnector(createAddressPolicy([]), resolver);
    const before = site.requests.length;
    const error = await new Promise<Error | null>((resolve) => {
      connect({ hostname: '127.0.0.1', host: `127.0.0.1:${site.port}`, protocol: 'http:', port: String(site.port) } as Parameters<typeof connect>[0], (err, socket) => {
        socket?.destroy();
        resolve(err);
      });
    });
    expect(error).toBeInstanceOf(RefusedAddressError);
    expect(site.requests.length).toBe(before);
  });

  it('lets an allowed literal IP through', async () => {
    const connect = guardedConnector(createAddressPolicy(['127.0.0.1']), resolver);
    const error = await new Promise<Error | null>((resolve) => {
      connect({ hostname: '127.0.0.1', host: `127.0.0.1:${site.port}`, protocol: 'http:', port: String(site.port) } as Parameters<typeof connect>[0], (err, socket) => {
        socket?.destroy();
        resolve(err);
      });
    });
    expect(error).toBeNull();
  });
});
