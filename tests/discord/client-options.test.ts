import { describe, expect, it } from 'vitest';
import { shardingOptions } from '../../src/discord/client-options';

describe('shardingOptions', () => {
  it.each([
    ['no setting: one unsharded connection', undefined, {}],
    ['auto: Discord\'s recommended count', 'auto' as const, { shards: 'auto' }],
    ['one shard', 1, { shards: [0], shardCount: 1 }],
    ['four shards, all in this process', 4, { shards: [0, 1, 2, 3], shardCount: 4 }],
  ])('%s', (_name, setting, expected) => {
    expect(shardingOptions(setting)).toEqual(expected);
  });
});
