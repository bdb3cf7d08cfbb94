import { describe, expect, it } from 'vitest';
import { FaultQueue, faultResponse } from './fake-discord/faults';
import { messageLimitErrors } from './fake-discord/limits';
import { resolveMentions } from './fake-discord/messages';
import { channelPermissions, Perm, type PermissionContext } from './fake-discord/permissions';
import { matchRoute } from './fake-discord/routes';
import { rateLimitHeaders, UNKNOWN_FIELD, withUnknownFields } from './fake-discord/variants';

const U = '110000000000000002';
const R = '110000000000000012';

describe('resolveMentions: who Discord would notify', () => {
  it.each([
    ['@everyone with no allowed_mentions pings', 'عاجل @everyone', undefined, true],
    ['@everyone with parse [] does not', 'urgent @everyone', { parse: [] }, false],
    ['a user mention with no allowed_mentions pings', `salut <@${U}>`, undefined, true],
    ['a user mention with parse [] does not', `salut <@!${U}>`, { parse: [] }, false],
    ['a user listed explicitly pings', `hi <@${U}>`, { parse: [], users: [U] }, true],
    ['a role mention with parse ["users"] does not', `hi <@&${R}>`, { parse: ['users'] }, false],
    ['a role mention with parse ["roles"] pings', `hi <@&${R}>`, { parse: ['roles'] }, true],
    ['plain text never pings', 'قال الوزير «لا تعليق»', undefined, false],
  ])('%s', (_what, content, allowed, pings) => {
    const m = resolveMentions(content, allowed);
    expect(m.everyone || m.users.length > 0 || m.roles.length > 0).toBe(pings);
  });
});

describe('channelPermissions: Discord\'s overwrite order', () => {
  const guildId = '1';
  const ctx: PermissionContext = {
    guildId, ownerId: '99',
    rolePermissions: new Map([[guildId, Perm.ViewChannel | Perm.SendMessages], ['r1', Perm.EmbedLinks], ['admin', Perm.Administrator]]),
  };
  const deny = (id: string, type: 0 | 1, perm: bigint) => ({ id, type, allow: '0', deny: perm.toString() });
  const allow = (id: string, type: 0 | 1, perm: bigint) => ({ id, type, allow: perm.toString(), deny: '0' });
  it.each([
    ['no overwrites: base permissions', ['r1'], [], Perm.SendMessages, true],
    ['@everyone deny removes the bit', ['r1'], [deny(guildId, 0, Perm.SendMessages)], Perm.SendMessages, false],
    ['a role allow beats the @everyone deny', ['r1'], [deny(guildId, 0, Perm.SendMessages), allow('r1', 0, Perm.SendMessages)], Perm.SendMessages, true],
    ['a member deny beats a role allow', ['r1'], [allow('r1', 0, Perm.SendMessages), deny('u', 1, Perm.SendMessages)], Perm.SendMessages, false],
    ['no VIEW_CHANNEL means nothing', ['r1'], [deny(guildId, 0, Perm.ViewChannel)], Perm.EmbedLinks, false],
    ['administrator ignores overwrites', ['admin'], [deny('u', 1, Perm.ViewChannel)], Perm.SendMessages, true],
  ] as const)('%s', (_what, roles, overwrites, perm, has) => {
    expect((channelPermissions(ctx, 'u', roles, overwrites) & perm) === perm).toBe(has);
  });
});

describe('messageLimitErrors: Discord\'s server-side limits', () => {
  it.each([
    ['an Arabic embed within limits', { embeds: [{ title: 'ع'.repeat(256), description: 'ب'.repeat(4096) }] }, []],
    ['emoji count as one character each', { embeds: [{ title: '😀'.repeat(256) }] }, []],
    ['a 257-character title', { embeds: [{ title: 'é'.repeat(257) }] }, ['embeds.0.title: Must be 256 or fewer in length.']],
    ['content over 2000', { content: 'x'.repeat(2001) }, ['content: Must be 2000 or fewer in length.']],
    ['an empty field value', { embeds: [{ fields: [{ name: 'n', value: '' }] }] }, ['embeds.0.fields.0.value: This field is required']],
    ['an empty message', {}, ['Cannot send an empty message']],
  ])('%s', (_what, body, expected) => {
    expect(messageLimitErrors(body, true)).toEqual(expected);
  });

  it('counts the 6000 total across embeds', () => {
    const body = { embeds: [{ description: 'a'.repeat(4000) }, { description: 'b'.repeat(2001) }] };
    expect(messageLimitErrors(body, true)).toEqual(['embeds: Embed size exceeds maximum size of 6000 (6001).']);
  });
});

describe('faults', () => {
  it('consumes a fault only for matching requests, the given number of times', () => {
    const q = new FaultQueue();
    q.add({ method: 'post', route: '/channels/{channel_id}/messages' }, { status: 500 }, 2);
    expect(q.take('GET', '/channels/1/messages', '/channels/{channel_id}/messages')).toBeNull();
    expect(q.take('POST', '/channels/1/messages', '/channels/{channel_id}/messages')).toEqual({ status: 500 });
    expect(q.take('POST', '/channels/1/messages', '/channels/{channel_id}/messages')).toEqual({ status: 500 });
    expect(q.take('POST', '/channels/1/messages', '/channels/{channel_id}/messages')).toBeNull();
    expect(q.size).toBe(0);
  });

  it.each([
    [{ status: 429, retryAfter: 0.25 }, 429, { retry_after: 0.25, global: false }, { 'retry-after': '0.25', 'x-ratelimit-scope': 'user', 'x-ratelimit-remaining': '0' }],
    [{ status: 429, scope: 'global' as const }, 429, { global: true }, { 'x-ratelimit-global': 'true' }],
    [{ status: 403 }, 403, { code: 50013, message: 'Missing Permissions' }, {}],
    [{ status: 403, code: 50001 }, 403, { code: 50001, message: 'Missing Access' }, {}],
    [{ status: 404 }, 404, { code: 10003, message: 'Unknown Channel' }, {}],
    [{ status: 502 }, 502, { code: 0 }, {}],
  ])('answers %j like Discord', (spec, status, body, headers) => {
    const r = faultResponse(spec);
    expect(r.status).toBe(status);
    expect(r.body).toMatchObject(body);
    expect(r.headers).toMatchObject(headers);
  });
});

describe('routes', () => {
  it.each([
    ['PATCH', '/webhooks/1/tok/messages/@original', '/webhooks/{webhook_id}/{webhook_token}/messages/@original'],
    ['PATCH', '/webhooks/1/tok/messages/22', '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}'],
    ['GET', '/users/@me', '/users/@me'],
    ['GET', '/users/5', '/users/{user_id}'],
    ['POST', '/interactions/1/a.b-c/callback', '/interactions/{interaction_id}/{interaction_token}/callback'],
  ])('%s %s → %s', (method, path, template) => {
    expect(matchRoute(method, path)?.route.template).toBe(template);
  });

  it('knows no route for an unknown path or method', () => {
    expect(matchRoute('GET', '/../../etc/passwd')).toBeNull();
    expect(matchRoute('DELETE', '/guilds/1')).toBeNull();
  });
});

describe('variants: legal answers the fake can switch to', () => {
  it('adds an unknown field to every object, not to maps keyed by ids or to empty objects', () => {
    const out = withUnknownFields({
      id: '1', member: { user: { id: '2' } }, embeds: [{ title: 'x' }], flags: 0, nothing: {},
      data: { resolved: { users: { '123': { id: '123' } } } }, authorizing_integration_owners: { '0': '9' },
    });
    const at = (...path: Array<string | number>): unknown => path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], out);
    for (const path of [[], ['member'], ['member', 'user'], ['embeds', 0], ['data', 'resolved', 'users', '123']]) {
      expect(at(...path, UNKNOWN_FIELD), path.join('.')).toBeDefined();
    }
    expect(Object.keys(at('data', 'resolved', 'users') as object)).toEqual(['123']);
    expect(at('authorizing_integration_owners')).toEqual({ '0': '9' });
    expect(at('nothing')).toEqual({});
  });

  it.each([
    ['none', []],
    ['bucket', ['x-ratelimit-bucket']],
    ['full', ['x-ratelimit-bucket', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-reset-after']],
  ] as const)('rate-limit headers %s', (variant, names) => {
    expect(Object.keys(rateLimitHeaders(variant, '/channels/{channel_id}/messages')).sort()).toEqual([...names].sort());
  });

  it.each([
    ['both', true, true],
    ['body', false, true],
    ['header', true, false],
  ] as const)('a 429 with its wait in %s', (where, header, body) => {
    const r = faultResponse({ status: 429, retryAfter: 0.5, retryAfterIn: where });
    expect('retry-after' in r.headers).toBe(header);
    expect('retry_after' in (r.body as object)).toBe(body);
  });
});
