import { DiscordAPIError, HTTPError } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryNonce, RestPoster, tick, type PostOutcome, type TickDeps } from '../../src/scheduler';
import { ChannelLocks } from '../../src/scheduler/channel-locks';
import type { Store } from '../../src/store';
import { article, CHANNEL_A, CHANNEL_B, CHANNEL_C, FakeLibrary, FakePoster, memoryStore, renderForTest, schedule } from './helpers';
import { memoryReader } from '../../src/library/reader';

let store: Store;
let library: FakeLibrary;
let poster: FakePoster;
let deps: TickDeps;

const at = (iso: string): Date => new Date(iso);
const DAY1 = '2026-01-02T08:00:00Z';

beforeEach(() => {
  store = memoryStore();
  library = new FakeLibrary();
  poster = new FakePoster();
  deps = { store, library: memoryReader(library), poster, render: renderForTest };
});
afterEach(() => store.close());

/** A schedule that has had its first run already. */
function primedSchedule(overrides: Parameters<typeof schedule>[0] = {}): number {
  const created = store.schedules.create(schedule(overrides));
  store.schedules.markPrimed(created.id);
  return created.id;
}

describe('tick: what gets posted', () => {
  it.each([
    ['Arabic', ['بيان-1', 'بيان-2', 'بيان-3']],
    ['English', ['speech-1', 'speech-2', 'speech-3']],
    ['French', ['discours-1', 'discours-2', 'discours-3']],
  ])('a first run posts only the newest %s article and never the older ones', async (_lang, ids) => {
    ids.forEach((id, i) => library.add(article(id, i)));
    const { id } = store.schedules.create(schedule());
    const first = await tick(at(DAY1), deps);
    expect(first.runs[0]).toMatchObject({ scheduleId: id, result: 'ok', posted: [ids[2]], skipped: 0 });
    // The older articles are behind the schedule's start in the stream: no row is written for them.
    expect(store.schedules.get(id)?.position).toEqual({ at: article(ids[2]!, 2).timestamp, id: ids[2] });
    expect([...store.deliveries.statusesForChannel(CHANNEL_A).keys()]).toEqual([ids[2]]);
    library.add(article('later', 100));
    await tick(at('2026-01-03T08:00:00Z'), deps);
    expect(poster.postedTo(CHANNEL_A)).toEqual([ids[2], 'later']);
  });

  it('a first run on an empty library posts nothing, and later articles all come', async () => {
    store.schedules.create(schedule());
    expect((await tick(at(DAY1), deps)).runs[0]).toMatchObject({ result: 'ok', posted: [], detail: 'nothing new' });
    library.add(article('a', 1));
    library.add(article('b', 2));
    await tick(at('2026-01-03T08:00:00Z'), deps);
    expect(poster.postedTo(CHANNEL_A)).toEqual(['a', 'b']);
  });

  it('posts at most 5 per run, oldest first; the rest wait for the next run', async () => {
    for (let i = 11; i >= 0; i--) library.add(article(`a${String(i).padStart(2, '0')}`, i));
    primedSchedule();
    await tick(at(DAY1), deps);
    expect(poster.postedTo(CHANNEL_A)).toEqual(['a00', 'a01', 'a02', 'a03', 'a04']);
    await tick(at('2026-01-03T08:00:00Z'), deps);
    await tick(at('2026-01-04T08:00:00Z'), deps);
    const fourth = await tick(at('2026-01-05T08:00:00Z'), deps);
    expect(poster.postedTo(CHANNEL_A)).toEqual(Array.from({ length: 12 }, (_, i) => `a${String(i).padStart(2, '0')}`));
    expect(fourth.runs[0]).toMatchObject({ posted: [], detail: 'nothing new' });
  });

  it('nothing new means no post, and the run is still recorded ok', async () => {
    const id = primedSchedule();
    const report = await tick(at(DAY1), deps);
    expect(poster.calls).toHaveLength(0);
    expect(report.runs[0]?.result).toBe('ok');
    expect(store.schedules.get(id)).toMatchObject({ lastResult: 'ok', lastDetail: 'nothing new', lastRunAt: at(DAY1).getTime() });
  });

  it('posts each article once per channel even with two schedules on it', async () => {
    library.add(article('x', 1));
    primedSchedule();
    primedSchedule({ when: '0 */6 * * *', pattern: '0 */6 * * *' });
    await tick(at(DAY1), deps);
    await tick(at('2026-01-02T12:00:00Z'), deps);
    expect(poster.calls).toHaveLength(1);
  });

  it('a new schedule on a channel that already got the newest article posts nothing', async () => {
    library.add(article('old', 1));
    library.add(article('new', 2));
    primedSchedule();
    await tick(at(DAY1), deps);
    store.schedules.create(schedule({ nextRunAt: at('2026-01-02T09:00:00Z').getTime() }));
    const report = await tick(at('2026-01-02T09:00:00Z'), deps);
    expect(report.runs[0]?.posted).toEqual([]);
    expect(poster.postedTo(CHANNEL_A)).toEqual(['old', 'new']);
  });

  it('sends a deterministic nonce of at most 25 characters per channel and article', async () => {
    library.add(article('a', 1));
    primedSchedule();
    primedSchedule({ channelId: CHANNEL_B });
    await tick(at(DAY1), deps);
    const [first, second] = poster.calls;
    expect(first?.nonce).toBe(deliveryNonce(CHANNEL_A, 'a'));
    expect(second?.nonce).toBe(deliveryNonce(CHANNEL_B, 'a'));
    expect(first?.nonce).not.toBe(second?.nonce);
    expect(first?.nonce.length).toBeLessThanOrEqual(25);
  });
});

describe('tick: timing', () => {
  it('makes up runs missed during downtime once, and schedules the next from now', async () => {
    library.add(article('a', 1));
    const id = primedSchedule({ nextRunAt: at('2026-01-02T08:00:00Z').getTime() });
    const now = at('2026-01-05T15:30:00Z'); // three missed daily runs
    const report = await tick(now, deps);
    expect(report.runs).toHaveLength(1);
    expect(store.schedules.get(id)!.nextRunAt).toBe(at('2026-01-06T08:00:00Z').getTime());
    expect((await tick(now, deps)).due).toBe(0);
    expect(poster.calls).toHaveLength(1);
  });

  it('takes nothing before its time', async () => {
    primedSchedule({ nextRunAt: at(DAY1).getTime() });
    expect((await tick(new Date(at(DAY1).getTime() - 1), deps)).due).toBe(0);
    expect((await tick(at(DAY1), deps)).due).toBe(1);
  });

  it.each([
    ['Europe/Paris', '2026-03-28T08:00:00Z', '2026-03-29T07:00:00Z'],
    ['America/New_York', '2026-10-31T13:00:00Z', '2026-11-01T14:00:00Z'],
    ['Asia/Riyadh', '2026-03-28T06:00:00Z', '2026-03-29T06:00:00Z'],
    ['Pacific/Auckland', '2026-04-03T20:00:00Z', '2026-04-04T21:00:00Z'],
  ])('a daily 09:00 in %s due at %s comes back at %s across DST', async (timezone, due, next) => {
    const id = primedSchedule({ when: '09:00', pattern: '0 9 * * *', timezone, nextRunAt: at(due).getTime() });
    await tick(at(due), deps);
    expect(new Date(store.schedules.get(id)!.nextRunAt).toISOString()).toBe(at(next).toISOString());
  });

  it('leaves paused schedules alone', async () => {
    library.add(article('a', 1));
    const id = primedSchedule();
    store.schedules.pause(id, 'paused by a moderator', 0);
    expect((await tick(at(DAY1), deps)).due).toBe(0);
    expect(poster.calls).toHaveLength(0);
  });
});

describe('tick: refusals and failures', () => {
  const refusal = (status: number, code: number, text: string): DiscordAPIError =>
    new DiscordAPIError({ code, message: text }, code, status, 'POST', '/channels/x/messages', { body: {} });

  it.each([
    ['403 Missing Permissions', refusal(403, 50013, 'Missing Permissions'), /Missing Permissions \(50013\)/],
    ['403 Missing Access', refusal(403, 50001, 'Missing Access'), /Missing Access \(50001\)/],
    ['404 Unknown Channel', refusal(404, 10003, 'Unknown Channel'), /Unknown Channel \(10003\)/],
  ])('%s pauses the schedule with the reason, and it is not retried', async (_label, error, reason) => {
    library.add(article('a', 1));
    const id = primedSchedule();
    let calls = 0;
    const rest = { post: async () => { calls++; throw error; } };
    deps.poster = new RestPoster(rest, { sleep: async () => {} });
    const report = await tick(at(DAY1), deps);
    expect(report.runs[0]).toMatchObject({ result: 'paused' });
    expect(store.schedules.get(id)).toMatchObject({ lastResult: 'paused' });
    expect(store.schedules.get(id)!.pausedReason).toMatch(reason);
    for (const day of ['03', '04', '05']) await tick(at(`2026-01-${day}T08:00:00Z`), deps);
    expect(calls).toBe(1);
    // Refused, so it did not land: failed, marked as not sent (after resume it is posted without a look in the history).
    expect(store.deliveries.get(CHANNEL_A, 'a')).toMatchObject({ status: 'failed', error: expect.stringMatching(/^not sent: /) });
  });

  it('after resume, a refused delivery is retried with the same nonce and posted once', async () => {
    library.add(article('a', 1));
    const id = primedSchedule();
    poster.script(CHANNEL_A, { kind: 'pause', reason: 'Missing Permissions (50013)' });
    await tick(at(DAY1), deps);
    store.schedules.resume(id, at('2026-01-03T08:00:00Z').getTime());
    await tick(at('2026-01-03T08:00:00Z'), deps);
    expect(poster.calls.map((c) => c.nonce)).toEqual([deliveryNonce(CHANNEL_A, 'a'), deliveryNonce(CHANNEL_A, 'a')]);
    expect(store.deliveries.get(CHANNEL_A, 'a')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('5xx: gives up for this run, keeps order, retries next run, nothing lost', async () => {
    ['a', 'b', 'c'].forEach((id, i) => library.add(article(id, i)));
    const id = primedSchedule();
    let failures = 3;
    deps.poster = new RestPoster(
      { post: async (_route, { body }) => {
        if (failures-- > 0) throw new HTTPError(503, 'Service Unavailable', 'POST', '/x', { body: {} });
        return { id: `9000000000000000${(body as { nonce: string }).nonce.length}` };
      } },
      { retries: 2, sleep: async () => {} },
    );
    const first = await tick(at(DAY1), deps);
    expect(first.runs[0]).toMatchObject({ result: 'failed', posted: [] });
    expect(store.schedules.get(id)).toMatchObject({ lastResult: 'failed', pausedReason: null });
    expect(store.schedules.get(id)!.lastDetail).toMatch(/503/);
    expect(store.deliveries.get(CHANNEL_A, 'a')?.status).toBe('failed');
    expect(store.deliveries.get(CHANNEL_A, 'b')).toBeUndefined();
    const second = await tick(at('2026-01-03T08:00:00Z'), deps);
    expect(second.runs[0]).toMatchObject({ result: 'ok', posted: ['a', 'b', 'c'] });
  });

  it('a payload Discord rejects is recorded and the next article still goes', async () => {
    ['a', 'b'].forEach((id, i) => library.add(article(id, i)));
    primedSchedule();
    poster.script(CHANNEL_A, { kind: 'reject', reason: 'HTTP 400 (50035): Invalid Form Body' });
    const report = await tick(at(DAY1), deps);
    expect(report.runs[0]).toMatchObject({ result: 'ok', posted: ['b'], rejected: ['a'] });
    await tick(at('2026-01-03T08:00:00Z'), deps);
    expect(poster.calls).toHaveLength(2);
  });

  it('one failing or hanging schedule never stops the others', async () => {
    library.add(article('a', 1));
    primedSchedule({ channelId: CHANNEL_A });
    primedSchedule({ channelId: CHANNEL_B });
    primedSchedule({ channelId: CHANNEL_C });
    poster.script(CHANNEL_A, () => new Promise<PostOutcome>(() => {})); // never answers
    poster.script(CHANNEL_B, { kind: 'retry', reason: 'HTTP 500' });
    const report = await tick(at(DAY1), { ...deps, runTimeoutMs: 50, concurrency: 2 });
    const byChannel = Object.fromEntries(report.runs.map((r) => [r.channelId, r.result]));
    expect(byChannel).toEqual({ [CHANNEL_A]: 'failed', [CHANNEL_B]: 'failed', [CHANNEL_C]: 'ok' });
    expect(poster.postedTo(CHANNEL_C)).toEqual(['a']);
  });

  it('posts the article with its summary when the library still lists it without one (a large first load fills summaries in later)', async () => {
    const full = article('بيان-1', 1);
    const pending = { ...full, briefing: { ...full.briefing, summary: [] }, summaryPending: true };
    const listed = new FakeLibrary([pending]);
    listed.get = (id) => (id === full.id ? full : undefined);
    primedSchedule();
    const rendered: string[][] = [];
    await tick(at(DAY1), { ...deps, library: memoryReader(listed), render: (a) => (rendered.push(a.briefing.summary), renderForTest(a)) });
    expect(rendered).toEqual([full.briefing.summary]);
  });

  it('a render that throws is contained to its article', async () => {
    ['bad', 'good'].forEach((id, i) => library.add(article(id, i)));
    primedSchedule();
    deps.render = (a) => {
      if (a.id === 'bad') throw new Error('cannot render');
      return renderForTest(a);
    };
    const report = await tick(at(DAY1), deps);
    expect(report.runs[0]).toMatchObject({ posted: ['good'], rejected: ['bad'] });
  });

  it.each([
    ['in this process (a second schedule of the channel in the same tick)', undefined, 'here'],
    ['in another process (the channel\'s lock held elsewhere)', 'locked', 'in another process'],
  ])('a run whose channel is busy %s is given back, due again 2 s later, and then runs once', async (_case, lockState, where) => {
    library.add(article('a', 1));
    const first = primedSchedule();
    const second = lockState ? first : primedSchedule({ when: '0 9 * * *', pattern: '0 9 * * *' });
    const held = new Set(lockState ? [`channel:${CHANNEL_A}`] : []);
    const locks = { tryLock: async (name: string) => !held.has(name), unlock: async () => undefined, onLost: () => undefined, close: async () => undefined };
    const withLocks: TickDeps = { ...deps, store: Object.assign(Object.create(store) as Store, { locks }) };
    let armed = 0;
    const report = await tick(at(DAY1), { ...withLocks, onClaimed: () => armed++ });
    expect(armed).toBe(2); // once claimed, once given back (due again in 2 s: the timer must know)
    const busy = report.runs.find((r) => r.result === 'busy')!;
    expect(busy).toMatchObject({ scheduleId: second, detail: `a run for this channel is still in flight ${where}; due again at 2026-01-02T08:00:02.000Z` });
    expect(store.schedules.get(second)!.nextRunAt).toBe(at('2026-01-02T08:00:02Z').getTime());
    held.clear();
    const retry = await tick(at('2026-01-02T08:00:02Z'), withLocks);
    expect(retry.runs).toEqual([expect.objectContaining({ scheduleId: second, result: 'ok' })]);
    expect(poster.postedTo(CHANNEL_A)).toEqual(['a']);
  });

  it('a channel with a run still in flight is not posted to by a second tick; the run in flight is not claimed again', async () => {
    library.add(article('a', 1));
    const running = primedSchedule({ pattern: '*/2 * * * * *', when: '*/2 * * * * *', nextRunAt: at(DAY1).getTime() });
    const other = primedSchedule({ pattern: '*/2 * * * * *', when: '*/2 * * * * *', nextRunAt: at('2026-01-02T08:00:02Z').getTime() });
    let release!: (o: PostOutcome) => void;
    poster.script(CHANNEL_A, () => new Promise<PostOutcome>((resolve) => (release = resolve)));
    const channels = new ChannelLocks();
    const first = tick(at(DAY1), { ...deps, channels });
    // The first run is in flight (its post is waiting for Discord) when the second tick comes.
    while (poster.calls.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const second = await tick(at('2026-01-02T08:00:02Z'), { ...deps, channels });
    // The schedule running is held by its lease (its next run, 08:00:02, waits for it to finish); the other one is given back.
    expect(second.runs).toEqual([expect.objectContaining({ scheduleId: other, result: 'busy' })]);
    expect(store.schedules.get(running)!.leaseUntil).not.toBeNull();
    await new Promise((resolve) => setImmediate(resolve));
    release({ kind: 'ok', messageId: '900000000000000001' });
    expect((await first).runs[0]?.posted).toEqual(['a']);
    expect(poster.calls).toHaveLength(1);
    expect(store.schedules.get(running)).toMatchObject({ leaseUntil: null, nextRunAt: at('2026-01-02T08:00:02Z').getTime() });
  });
});
