import { REST } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderBriefingMessage } from '../../src/discord/message';
import { RestPoster, tick, type TickDeps } from '../../src/scheduler';
import { scheduleList } from '../../src/scheduler/list-format';
import type { Store } from '../../src/store';
import { assertAllValid } from '../support/discord-spec';
import { Perm, startFakeDiscord, type FakeDiscord } from '../support/fake-discord';
import { article, FakeLibrary, memoryStore, schedule } from './helpers';
import { memoryReader } from '../../src/library/reader';

const POST_ROUTE = { method: 'POST', route: '/channels/{channel_id}/messages' };
const LOST_ANSWER = { status: 502, message: '502: Bad Gateway', afterHandling: true };
const instant = async (): Promise<void> => {};

let fake: FakeDiscord;
let rest: REST;
let store: Store;
let library: FakeLibrary;

beforeEach(async () => {
  // Discord's nonce window at zero: nothing is folded, so only reconciliation can prevent a duplicate.
  fake = await startFakeDiscord({ nonceWindowMs: 0 });
  rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
  store = memoryStore();
  library = new FakeLibrary();
});
afterEach(async () => {
  store.close();
  await fake.close();
});

const ARTICLES = [
  ['Arabic', article('بيان-الوزارة', 1, 'الوزير: «الخطة ستبدأ الشهر المقبل»')],
  ['English', article('council-plan', 1, 'Council approves the transport plan')],
  ['French', article('plan-conseil', 1, 'Le conseil adopte le plan de transport, a déclaré la maire')],
] as const;

function primed(channelId: string, nextRunAt: number): number {
  const created = store.schedules.create(schedule({ channelId, nextRunAt }));
  store.schedules.markPrimed(created.id);
  return created.id;
}

function deps(poster: RestPoster, extra: Partial<TickDeps> = {}): TickDeps {
  return { store, library: memoryReader(library), poster, render: renderBriefingMessage, nonceWindowMs: 0, ...extra };
}

const DAY1 = new Date('2026-01-02T08:00:00Z');
const DAY2 = new Date('2026-01-03T08:00:00Z');

describe('an answer lost on the way back (the message was created, the bot saw a 502), nonce window at zero', () => {
  it.each(ARTICLES)('%s: the retry inside the run finds the message in the history: exactly one message', async (_language, item) => {
    library.add(item);
    primed(fake.channels.text, DAY1.getTime());
    fake.failNext(POST_ROUTE, LOST_ANSWER);
    const report = await tick(DAY1, deps(new RestPoster(rest, { nonceWindowMs: 0, sleep: instant })));
    expect(report.runs[0]).toMatchObject({ result: 'ok', posted: [item.id] });
    const messages = fake.messages(fake.channels.text);
    expect(messages).toHaveLength(1);
    expect(store.deliveries.get(fake.channels.text, item.id)).toMatchObject({ status: 'sent', messageId: messages[0]!.id });
    assertAllValid(fake);
  });

  it('control: with reconciliation off, the same lost answer makes a duplicate (so the test above can fail)', async () => {
    library.add(ARTICLES[1][1]);
    primed(fake.channels.text, DAY1.getTime());
    fake.failNext(POST_ROUTE, LOST_ANSWER);
    await tick(DAY1, deps(new RestPoster(rest, { nonceWindowMs: Infinity, sleep: instant }), { reconcile: false }));
    expect(fake.messages(fake.channels.text)).toHaveLength(2);
  });

  it.each([
    ['reconciled', true, 1],
    ['control, not reconciled', false, 2],
  ])('across runs (the run gave up; the next one retries): %s → %i message(s)', async (_label, reconcile, count) => {
    library.add(ARTICLES[0][1]);
    primed(fake.channels.text, DAY1.getTime());
    fake.failNext(POST_ROUTE, LOST_ANSWER);
    const poster = new RestPoster(rest, { retries: 0, nonceWindowMs: 0, sleep: instant });
    expect((await tick(DAY1, deps(poster, { reconcile }))).runs[0]).toMatchObject({ result: 'failed' });
    expect((await tick(DAY2, deps(poster, { reconcile }))).runs[0]).toMatchObject({ result: 'ok' });
    expect(fake.messages(fake.channels.text)).toHaveLength(count);
    expect(store.deliveries.get(fake.channels.text, ARTICLES[0][1].id)?.status).toBe('sent');
  });

  it('a post that did not land (502 before Discord created it) is looked for, not found, and posted once', async () => {
    library.add(ARTICLES[2][1]);
    primed(fake.channels.text, DAY1.getTime());
    fake.failNext(POST_ROUTE, { status: 502, message: '502: Bad Gateway' });
    const poster = new RestPoster(rest, { retries: 0, nonceWindowMs: 0, sleep: instant, canReadHistory: () => true });
    await tick(DAY1, deps(poster));
    expect(fake.messages(fake.channels.text)).toHaveLength(0);
    await tick(DAY2, deps(poster));
    expect(fake.messages(fake.channels.text)).toHaveLength(1);
    expect(fake.requests.some((r) => r.method === 'GET' && r.route === '/channels/{channel_id}/messages')).toBe(true);
    assertAllValid(fake);
  });

  it('pages back through the history with `before` when 150 newer messages came after the lost one', async () => {
    library.add(ARTICLES[1][1]);
    primed(fake.channels.text, DAY1.getTime());
    fake.failNext(POST_ROUTE, LOST_ANSWER);
    const poster = new RestPoster(rest, { retries: 0, nonceWindowMs: 0, sleep: instant });
    await tick(DAY1, deps(poster));
    for (let i = 0; i < 150; i++) await rest.post(`/channels/${fake.channels.text}/messages`, { body: { content: `chatter ${i}`, allowed_mentions: { parse: [] } } });
    await tick(DAY2, deps(poster));
    const history = fake.requests.filter((r) => r.method === 'GET' && r.route === '/channels/{channel_id}/messages');
    expect(history.map((r) => r.query.before !== undefined)).toEqual([false, true]);
    expect(fake.messages(fake.channels.text).filter((m) => (m.embeds as unknown[]).length > 0)).toHaveLength(1);
    assertAllValid(fake);
  });

  it('an empty history when the bot does not know whether it may read it: uncertain, not posted blind (Discord shows no history without the permission)', async () => {
    library.add(ARTICLES[2][1]);
    primed(fake.channels.text, DAY1.getTime());
    fake.failNext(POST_ROUTE, { status: 502, message: '502: Bad Gateway' });
    const poster = new RestPoster(rest, { retries: 0, nonceWindowMs: 0, sleep: instant });
    await tick(DAY1, deps(poster));
    expect((await tick(DAY2, deps(poster))).runs[0]).toMatchObject({ uncertain: [ARTICLES[2][1].id] });
    expect(fake.messages(fake.channels.text)).toHaveLength(0);
  });

  it.each([
    ['known from the cache (no history request)', false, 0],
    ['unknown (Discord answers an empty history, asked again by each run)', undefined, 2],
  ])('without Read Message History, %s: marked uncertain, never posted blind, and /schedule list says so', async (_label, readable, historyRequests) => {
    library.add(ARTICLES[0][1]);
    const channel = fake.channels.text;
    primed(channel, DAY1.getTime());
    fake.setOverwrites(channel, [{ id: fake.botUserId, type: 1, allow: '0', deny: String(Perm.ReadMessageHistory) }]);
    fake.failNext(POST_ROUTE, LOST_ANSWER);
    const poster = new RestPoster(rest, { retries: 0, nonceWindowMs: 0, sleep: instant, canReadHistory: () => readable });
    await tick(DAY1, deps(poster));
    const second = await tick(DAY2, deps(poster));
    expect(second.runs[0]).toMatchObject({ result: 'ok', uncertain: [ARTICLES[0][1].id] });
    expect(second.runs[0]!.detail).toMatch(/1 uncertain/);
    await tick(new Date('2026-01-04T08:00:00Z'), deps(poster));
    expect(fake.messages(channel)).toHaveLength(1);
    expect(store.deliveries.get(channel, ARTICLES[0][1].id)).toMatchObject({ status: 'uncertain', error: expect.stringMatching(/Read Message History/) });
    expect(fake.requests.filter((r) => r.method === 'GET' && r.route === '/channels/{channel_id}/messages')).toHaveLength(historyRequests);
    const list = scheduleList(store.schedules.listByGuild(schedule().guildId), (id) => store.deliveries.countWithStatus(id, 'uncertain'));
    expect(list).toMatch(/1 post uncertain/);
  });
});
