import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore, type Store } from '../../src/store';
import { newSchedule } from './helpers';

let store: Store;
let scheduleId: number;
const CHANNEL = '200000000000000001';

beforeEach(() => {
  store = createSqliteStore(':memory:');
  scheduleId = store.schedules.create(newSchedule({ channelId: CHANNEL })).id;
});
afterEach(() => store.close());

describe('SqliteDeliveryStore', () => {
  it.each([
    ['an Arabic id', 'بيان-الوزارة'],
    ['an English id', 'mayor-speech'],
    ['a French id', 'déclaration-élysée'],
  ])('begin records %s as pending with its nonce, before any send', (_label, articleId) => {
    const row = store.deliveries.begin(CHANNEL, articleId, scheduleId, 'n1', 10);
    expect(row).toMatchObject({ status: 'pending', nonce: 'n1', attempts: 1, scheduleId });
    expect(store.deliveries.channelsWithPending()).toEqual([CHANNEL]);
  });

  it('a retry keeps the first nonce and counts the attempt', () => {
    store.deliveries.begin(CHANNEL, 'a', scheduleId, 'first', 10);
    store.deliveries.markFailed(CHANNEL, 'a', 'failed', 'HTTP 502', 11);
    const retry = store.deliveries.begin(CHANNEL, 'a', scheduleId, 'second', 12);
    expect(retry).toMatchObject({ status: 'pending', nonce: 'first', attempts: 2 });
  });

  it.each(['sent', 'skipped', 'rejected'] as const)('begin on a %s delivery changes nothing', (status) => {
    if (status === 'skipped') store.deliveries.skip(CHANNEL, [{ id: 'a' }], scheduleId, 1);
    else {
      store.deliveries.begin(CHANNEL, 'a', scheduleId, 'n', 1);
      if (status === 'sent') store.deliveries.markSent(CHANNEL, 'a', '900000000000000001', 2);
      else store.deliveries.markFailed(CHANNEL, 'a', 'rejected', 'Invalid Form Body', 2);
    }
    expect(store.deliveries.begin(CHANNEL, 'a', scheduleId, 'other', 3).status).toBe(status);
  });

  it('one row per channel and article: the same article to another channel is separate', () => {
    store.deliveries.begin(CHANNEL, 'a', scheduleId, 'n', 1);
    store.deliveries.begin('200000000000000009', 'a', scheduleId, 'm', 1);
    store.deliveries.begin(CHANNEL, 'a', scheduleId, 'n', 2);
    expect(store.deliveries.statusesForChannel(CHANNEL)).toEqual(new Map([['a', 'pending']]));
    expect(store.deliveries.statusesForChannel('200000000000000009').size).toBe(1);
  });

  it('skip leaves existing rows alone and counts only new ones', () => {
    store.deliveries.begin(CHANNEL, 'a', scheduleId, 'n', 1);
    store.deliveries.markSent(CHANNEL, 'a', '900000000000000001', 2);
    expect(store.deliveries.skip(CHANNEL, [{ id: 'a' }, { id: 'b' }, { id: 'c' }], scheduleId, 3)).toBe(2);
    expect(store.deliveries.statusesForChannel(CHANNEL)).toEqual(new Map([['a', 'sent'], ['b', 'skipped'], ['c', 'skipped']]));
  });

  it('rejects a nonce longer than Discord allows (25)', () => {
    expect(() => store.deliveries.begin(CHANNEL, 'a', scheduleId, 'x'.repeat(26), 1)).toThrow(/CHECK/);
  });

  it('removing a schedule keeps its deliveries (the channel still received them)', () => {
    store.deliveries.begin(CHANNEL, 'a', scheduleId, 'n', 1);
    store.deliveries.markSent(CHANNEL, 'a', '900000000000000001', 2);
    store.schedules.remove('100000000000000001', scheduleId);
    expect(store.deliveries.get(CHANNEL, 'a')).toMatchObject({ status: 'sent', scheduleId: null });
  });
});
