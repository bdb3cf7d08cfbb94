import type { Interaction } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { appPermissionsOf, normalizeInteraction } from '../../src/discord/interaction-compat';

const complete = { id: '900', channel_id: '31', guild_id: '7', channel: { id: '31', type: 0 }, entitlements: [], app_permissions: '3072' };

describe('normalizeInteraction', () => {
  it.each([
    ['a complete interaction is left alone', {}, [], { channel: { id: '31', type: 0 }, entitlements: [] }],
    ['no entitlements: an empty list', { entitlements: undefined }, ['entitlements'], { entitlements: [] }],
    ['no channel object in a server: a text channel from channel_id', { channel: undefined }, ['channel'], { channel: { id: '31', type: 0 } }],
    ['no channel object in a DM: a DM channel from channel_id', { channel: undefined, guild_id: undefined }, ['channel'], { channel: { id: '31', type: 1 } }],
    ['no app_permissions: noted, not filled', { app_permissions: undefined }, ['app_permissions'], { app_permissions: undefined }],
  ])('%s', (_name, change, missing, expected) => {
    const d: Record<string, unknown> = { ...complete, ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined) delete d[k];
    expect(normalizeInteraction(d)).toEqual(missing);
    expect(d).toMatchObject(Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined)));
    if ('app_permissions' in expected) expect(d.app_permissions).toBeUndefined();
  });
});

describe('appPermissionsOf', () => {
  const interaction = (id: string, bitfield: bigint): Interaction => ({ id, appPermissions: { bitfield } }) as unknown as Interaction;

  it('is what Discord sent when it sent it', () => {
    normalizeInteraction({ ...complete, id: '901' });
    expect(appPermissionsOf(interaction('901', 3072n))).toBe(3072n);
  });

  it('is null (unknown, not none) when the interaction came without app_permissions', () => {
    const { app_permissions: _dropped, ...without } = { ...complete, id: '902' };
    normalizeInteraction(without);
    expect(appPermissionsOf(interaction('902', 0n))).toBeNull();
  });
});
