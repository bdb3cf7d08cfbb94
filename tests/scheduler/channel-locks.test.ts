import { describe, expect, it } from 'vitest';
import { ChannelLocks } from '../../src/scheduler/channel-locks';
import { CHANNEL_A, CHANNEL_B } from './helpers';

describe('ChannelLocks in one process', () => {
  it('two takers asking at once never both get a channel; another channel is free; a release frees it', async () => {
    const channels = new ChannelLocks();
    expect(await Promise.all([channels.take(CHANNEL_A), channels.take(CHANNEL_A)])).toEqual([undefined, 'here']);
    expect(await channels.take(CHANNEL_B)).toBeUndefined();
    channels.release(CHANNEL_A);
    expect(channels.holds(CHANNEL_A)).toBe(false);
    expect(await channels.take(CHANNEL_A)).toBeUndefined();
  });

  it.each([
    ['freed while waiting', 30, true],
    ['still held at the end of the wait', undefined, false],
  ])('waitFor: %s', async (_case, freeAfterMs, taken) => {
    const channels = new ChannelLocks();
    await channels.take(CHANNEL_A);
    if (freeAfterMs !== undefined) setTimeout(() => channels.release(CHANNEL_A), freeAfterMs);
    expect(await channels.waitFor(CHANNEL_A, { waitMs: freeAfterMs === undefined ? 60 : 60_000, pollMs: 10 })).toBe(taken);
  });

  it('waitFor gives up at once when stopped (shutdown)', async () => {
    const channels = new ChannelLocks();
    await channels.take(CHANNEL_A);
    const stop = new AbortController();
    stop.abort();
    expect(await channels.waitFor(CHANNEL_A, { waitMs: 60_000, signal: stop.signal })).toBe(false);
  });
});
