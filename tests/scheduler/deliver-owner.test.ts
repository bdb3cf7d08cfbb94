import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverOnce } from '../../src/scheduler/deliver';
import { deliveryNonce } from '../../src/scheduler/nonce';
import type { ChannelMessage } from '../../src/scheduler/poster';
import { createSqliteStore, type StoreWithFeeds } from '../../src/store';
import { RecordingPoster } from '../feeds/helpers';
import { tempDir } from '../store/helpers';

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
