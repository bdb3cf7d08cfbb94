import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deliverOnce } from '../../src/scheduler/deliver';
import { deliveryNonce } from '../../src/scheduler/nonce';
import type { PostOutcome } from '../../src/scheduler/outcome';
import type { ChannelMessage } from '../../src/scheduler/poster';
import { createSqliteStore, type StoreWithFeeds } from '../../src/store';
import { RecordingPoster } from '../feeds/helpers';
import { tempDir } from '../store/helpers';
import { FakePoster } from './helpers';

const CHANNEL = '200000000000000001';
const ARTICLES = [['Arabic', 'feed1-بيان'], ['English', 'feed1-statement'], ['French', 'feed1-déclaration']] as const;

describe('deliverOnce and the owner of a pending post', () => {
  const opened: StoreWithFeeds[] = [];
  let cleanup = (): void => undefined;
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    cleanup();
  });

  /** Two stores on one file, as two instances would be (the instance lock that forbids it in the bot is bypassed here). */
  const twoInstances = (): [StoreWithFeeds, StoreWithFeeds] => {
    const temp = tempDir('briefing-deliver-');
    cleanup = temp.cleanup;
    const path = join(temp.dir, 'store.db');
    const [a, b] = [createSqliteStore(path, { exclusive: false, checkEveryMs: 0 }), createSqliteStore(path, { exclusive: false, checkEveryMs: 0 })];
    opened.push(a, b);
    return [a, b];
  };
  const message = (title: string): ChannelMessage => ({ embeds: [{ title }], allowed_mentions: { parse: [] } });

  it.each(ARTICLES)('the %s post in flight in another instance is not sent again; once adopted it is, with its first nonce', async (_lang, articleId) => {
    const [first, second] = twoInstances();
    expect(first.deliveries.begin(CHANNEL, articleId, null, deliveryNonce(CHANNEL, articleId), 1).owner).toBe(first.deliveries.owner);
    const poster = new RecordingPoster();
    const delivery = { channelId: CHANNEL, articleId, scheduleId: null, render: () => message(articleId) };
    expect(await deliverOnce(delivery, { deliveries: second.deliveries, poster }, 2)).toEqual({ kind: 'done' });
    expect(poster.posts).toEqual([]);
    // The first instance is gone (its lock released): the next one adopts its pending posts and sends them once.
    first.close();
    expect(second.deliveries.adoptPending()).toBe(1);
    expect(await deliverOnce(delivery, { deliveries: second.deliveries, poster }, 3)).toMatchObject({ kind: 'sent' });
    expect(await deliverOnce(delivery, { deliveries: second.deliveries, poster }, 4)).toEqual({ kind: 'done' });
    expect(poster.posts.map((p) => p.nonce)).toEqual([deliveryNonce(CHANNEL, articleId)]);
  });
});

describe('deliverOnce under a lease', () => {
  let temp: ReturnType<typeof tempDir> | undefined;
  const stores: StoreWithFeeds[] = [];
  afterEach(() => {
    for (const store of stores.splice(0)) store.close();
    temp?.cleanup();
  });
  const twoWorkers = (): [StoreWithFeeds, StoreWithFeeds] => {
    temp = tempDir('briefing-lease-');
    const path = join(temp.dir, 'store.db');
    const pair: [StoreWithFeeds, StoreWithFeeds] = [createSqliteStore(path, { exclusive: false, checkEveryMs: 0 }), createSqliteStore(path, { exclusive: false, checkEveryMs: 0 })];
    stores.push(...pair);
    return pair;
  };
  const delivery = (articleId: string) => ({ channelId: CHANNEL, articleId, scheduleId: null, render: () => ({ content: articleId, embeds: [{ title: articleId }], allowed_mentions: { parse: [] as [] } }) });

  it.each(ARTICLES)('%s: a send with no answer gives up before its lease ends, recorded failed (it may have landed), not left pending', async (_lang, articleId) => {
    const [store] = twoWorkers();
    const poster = new FakePoster();
    poster.script(CHANNEL, () => new Promise<PostOutcome>(() => undefined));
    const result = await deliverOnce(delivery(articleId), { deliveries: store.deliveries, poster, leaseMs: 200, sendTimeoutMs: 60_000 }, 1000);
    expect(result).toEqual({ kind: 'failed', reason: 'no answer from Discord within 0.1 s' });
    expect(store.deliveries.get(CHANNEL, articleId)).toMatchObject({ status: 'failed', leaseUntil: null });
  });

  it.each(ARTICLES)('%s: a worker whose lease ran out and was taken over records nothing; the one that took over records the one message', async (_lang, articleId) => {
    const [slow, fast] = twoWorkers();
    const poster = new FakePoster();
    let release = (): void => undefined;
    poster.script(CHANNEL, () => new Promise<PostOutcome>((resolve) => {
      release = () => resolve({ kind: 'ok', messageId: 'ignored' });
    }));
    const first = deliverOnce(delivery(articleId), { deliveries: slow.deliveries, poster, leaseMs: 10_000 }, 1000);
    await vi.waitFor(() => expect(poster.calls).toHaveLength(1));
    expect(await deliverOnce(delivery(articleId), { deliveries: fast.deliveries, poster, leaseMs: 10_000 }, 10_999)).toEqual({ kind: 'done' });
    expect(await deliverOnce(delivery(articleId), { deliveries: fast.deliveries, poster, leaseMs: 10_000 }, 11_000)).toMatchObject({ kind: 'sent' });
    release();
    expect(await first).toEqual({ kind: 'superseded' });
    expect(fast.deliveries.get(CHANNEL, articleId)).toMatchObject({ status: 'sent', owner: fast.deliveries.owner, attempts: 2 });
    expect(poster.created(CHANNEL)).toBe(1);
  });
});
