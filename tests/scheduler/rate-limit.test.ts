import { REST } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { honourBodyRetryAfter } from '../../src/discord/rest-compat';
import { RestPoster } from '../../src/scheduler/poster';
import { pacedRest, requestPacer } from '../../src/scheduler/rate-limit';
import { singleAttemptRest } from '../../src/scheduler/rest';
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../support/fake-discord';

const ROUTE = '/channels/{channel_id}/messages';

/** How many of `requests` arrived in each whole second counted from the first one. */
function perSecond(requests: RecordedRequest[]): number[] {
  const first = Math.min(...requests.map((r) => r.time));
  const counts: number[] = [];
  for (const request of requests) {
    const second = Math.floor((request.time - first) / 1000);
    counts[second] = (counts[second] ?? 0) + 1;
  }
  return Array.from(counts, (count) => count ?? 0);
}

describe('requestPacer', () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s requests per second', (rate) => {
    expect(() => requestPacer(rate)).toThrow(RangeError);
  });

  it('settles with the request\'s own result or error', async () => {
    const pacer = requestPacer(1000);
    await expect(pacer.run(async () => 'خبر')).resolves.toBe('خبر');
    await expect(pacer.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });
});

describe('posts through a paced REST at the fake Discord', () => {
  let fake: FakeDiscord;
  let rest: REST;
  const texts = { ar: 'موجز الأخبار', en: 'News briefing', fr: 'Revue de presse' };

  beforeAll(async () => {
    fake = await startFakeDiscord();
    rest = singleAttemptRest(new REST({ api: fake.apiUrl, makeRequest: honourBodyRetryAfter() }), fake.token);
  });

  afterAll(async () => {
    await fake.close();
  });

  beforeEach(() => {
    fake.clearRecords();
  });

  /** Post `count` messages at once through `posters` (round robin), each with its own nonce; the fake's POST records. */
  async function burst(posters: RestPoster[], count: number, label: string): Promise<RecordedRequest[]> {
    const langs = Object.values(texts);
    const outcomes = await Promise.all(Array.from({ length: count }, (_, i) =>
      posters[i % posters.length]!.post(fake.channels.text, { embeds: [{ title: `${langs[i % 3]} ${label} ${i}` }] }, `${label}-${i}`)));
    expect(outcomes.every((outcome) => outcome.kind === 'ok')).toBe(true);
    return fake.requests.filter((r) => r.method === 'POST' && r.route === ROUTE);
  }

  it('spreads a burst of 18 posts at 50 × 0.1 = 5/s over at least 4 seconds, at most 5 (+1 at a window edge) in any second', async () => {
    const poster = new RestPoster(pacedRest(rest, requestPacer(50 * 0.1)));
    const counts = perSecond(await burst([poster], 18, 'paced'));
    expect(counts.length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...counts)).toBeLessThanOrEqual(6);
    expect(counts.reduce((a, b) => a + b)).toBe(18);
  });

  it('paces the scheduler\'s and the feed poller\'s posts together when they share one pacer', async () => {
    const pacer = requestPacer(5);
    const posters = [new RestPoster(pacedRest(rest, pacer)), new RestPoster(pacedRest(rest, pacer))];
    const counts = perSecond(await burst(posters, 12, 'shared'));
    expect(counts.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...counts)).toBeLessThanOrEqual(6);
  });

  it('without a pace (the control), the same burst lands in one second', async () => {
    const poster = new RestPoster(rest);
    const counts = perSecond(await burst([poster], 16, 'unpaced'));
    expect(counts).toEqual([16]);
  });

  it('a global 429 in the middle of a paced burst holds every post of the process (both REST clients) for its retry_after, then posts each message exactly once', async () => {
    fake.failNext({ method: 'POST', route: ROUTE }, { status: 429, retryAfter: 0.4, scope: 'global' }, 1);
    const pacer = requestPacer(20);
    // The scheduler's and the feed poller's REST clients: each knows only its own 429s; the shared pacer holds both.
    const other = singleAttemptRest(new REST({ api: fake.apiUrl, makeRequest: honourBodyRetryAfter() }), fake.token);
    const requests = await burst([new RestPoster(pacedRest(rest, pacer)), new RestPoster(pacedRest(other, pacer))], 10, 'limited');
    const limited = requests.filter((r) => r.status === 429);
    expect(limited).toHaveLength(1);
    // A lower bound only: at most the one request already on its way arrives within the wait Discord asked for.
    const during = requests.filter((r) => r.time > limited[0]!.time && r.time < limited[0]!.time + 380);
    expect(during.length).toBeLessThanOrEqual(1);
    const nonces = fake.messages(fake.channels.text).map((m) => (m as { nonce?: string }).nonce).filter((n) => n?.startsWith('limited-'));
    expect(new Set(nonces).size).toBe(10);
    expect(nonces).toHaveLength(10);
    expect(fake.pendingFaults).toBe(0);
  });
});

describe('singleAttemptRest', () => {
  it('makes one attempt per request, hands 429s back for pacedRest and sweeps idle per-channel handlers every 5 minutes, keeping the other options', () => {
    const base = new REST({ api: 'http://127.0.0.1:9/api', timeout: 7000 });
    const own = singleAttemptRest(base, undefined);
    expect(own.options).toMatchObject({ api: 'http://127.0.0.1:9/api', timeout: 7000, retries: 0, handlerSweepInterval: 300_000 });
    expect(typeof own.options.rejectOnRateLimit).toBe('function');
  });
});
