import { describe, expect, it } from 'vitest';
import { assertAllValid, collectProblems, embedTotalErrors, specRouteOf, validatePayload, validateRequest } from './discord-spec';
import type { RecordedRequest } from './fake-discord';

const embed = (title: string, description: string, fields: { name: string; value: string }[] = []) =>
  ({ title, description, color: 0x2b6cb0, fields, footer: { text: 'source · 2026-11-29 · ar' } });

const AR = embed('لافروف: روسيا تدعم كوريا الشمالية', 'قال وزير الخارجية الروسي إن بلاده…', [{ name: 'سيرغي لافروف', value: '«نحن مستعدون»' }]);
const EN = embed('Minister backs talks', 'The minister said the talks would resume.', [{ name: 'The minister', value: '"We are ready"' }]);
const FR = embed('Le ministre soutient les pourparlers', 'Le ministre a déclaré que les discussions reprendraient.', [{ name: 'Le ministre', value: '« Nous sommes prêts »' }]);

describe('validatePayload accepts well-formed bodies', () => {
  it.each([
    ['RichEmbed', AR],
    ['RichEmbed', EN],
    ['RichEmbed', FR],
    ['MessageCreateRequest', { embeds: [AR], allowed_mentions: { parse: [] }, nonce: 'brief-1-2', enforce_nonce: true }],
    ['CreateMessageInteractionCallbackRequest', { type: 4, data: { embeds: [EN], allowed_mentions: { parse: [] }, flags: 64 } }],
    ['InteractionCallbackRequest', { type: 5, data: { flags: 64 } }],
    ['InteractionCallbackRequest', { type: 7, data: { content: 'page 2', components: [] } }],
    ['ApplicationCommandAutocompleteCallbackRequest', { type: 8, data: { choices: [{ name: 'مقال عن لافروف', value: 'lavrov' }] } }],
    ['IncomingWebhookUpdateRequestPartial', { embeds: [FR], allowed_mentions: { parse: [] } }],
    ['IncomingWebhookRequestPartial', { content: 'suite', allowed_mentions: { parse: [] } }],
    ['ApplicationCommandBulkOverwriteRequest', [{ name: 'schedule', description: 'Schedules', default_member_permissions: '32',
      options: [{ type: 1, name: 'add', description: 'Add', options: [{ type: 7, name: 'channel', description: 'Where', required: true, channel_types: [0, 5] }] }] }]],
  ])('%s: %j', (schema, body) => {
    expect(validatePayload(schema, body)).toEqual([]);
  });
});

describe('validatePayload rejects what Discord would refuse', () => {
  it.each([
    ['an embed title of 300 characters', 'RichEmbed', { title: 'ع'.repeat(300) }, /title must NOT have more than 256/],
    ['a description over 4096', 'RichEmbed', { description: 'x'.repeat(4097) }, /description must NOT have more than 4096/],
    ['a colour given as a string', 'RichEmbed', { color: '#ff0000' }, /color must be integer/],
    ['26 fields', 'RichEmbed', { fields: Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: 'v' })) }, /fields must NOT have more than 25/],
    ['a field value over 1024', 'RichEmbed', { fields: [{ name: 'Le ministre', value: 'é'.repeat(1025) }] }, /value must NOT have more than 1024/],
    ['a 7000-character embed total', 'MessageCreateRequest', { embeds: [embed('t', 'd'.repeat(4000)), embed('t', 'd'.repeat(3000))] }, /total of 7050 characters exceeds 6000/],
    ['11 embeds', 'MessageCreateRequest', { embeds: Array.from({ length: 11 }, () => EN) }, /embeds must NOT have more than 10/],
    ['a nonce over 25 characters', 'MessageCreateRequest', { content: 'x', nonce: 'n'.repeat(26) }, /nonce/],
    ['an unknown callback type', 'InteractionCallbackRequest', { type: 42, data: {} }, /type must be equal to one of the allowed values/],
    ['an autocomplete without choices data', 'InteractionCallbackRequest', { type: 8 }, /required property 'data'/],
    ['more than 25 autocomplete choices', 'ApplicationCommandAutocompleteCallbackRequest',
      { type: 8, data: { choices: Array.from({ length: 26 }, (_, i) => ({ name: `c${i}`, value: `${i}` })) } }, /choices must NOT have more than 25/],
    ['a choice name over 100 characters', 'ApplicationCommandAutocompleteCallbackRequest',
      { type: 8, data: { choices: [{ name: 'ل'.repeat(101), value: 'a' }] } }, /name must NOT have more than 100/],
    ['a command name over 32 characters', 'ApplicationCommandBulkOverwriteRequest', [{ name: 'b'.repeat(33), description: 'd' }], /name must NOT have more than 32/],
    ['non-numeric default_member_permissions', 'ApplicationCommandBulkOverwriteRequest', [{ name: 'x', description: 'd', default_member_permissions: 'ManageGuild' }], /default_member_permissions must be integer/],
  ])('%s', (_what, schema, body, expected) => {
    const errors = validatePayload(schema, body);
    expect(errors.join('\n')).toMatch(expected);
  });

  it('throws on a schema name the spec does not have', () => {
    expect(() => validatePayload('NoSuchSchema', {})).toThrow(/no schema named NoSuchSchema/);
  });
});

describe('validateRequest finds the schema from the route', () => {
  it.each([
    ['POST', '/channels/123/messages', '/channels/{channel_id}/messages'],
    ['PATCH', '/webhooks/1/tok/messages/@original', '/webhooks/{webhook_id}/{webhook_token}/messages/@original'],
    ['PATCH', '/webhooks/1/tok/messages/456', '/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}'],
    ['PUT', '/applications/1/guilds/2/commands', '/applications/{application_id}/guilds/{guild_id}/commands'],
    ['POST', '/interactions/1/tok/callback', '/interactions/{interaction_id}/{interaction_token}/callback'],
  ])('%s %s → %s', (method, path, template) => {
    expect(specRouteOf(method, path)).toBe(template);
  });

  it.each([
    ['POST', '/api/v10/channels/1/messages', { content: 'مرحبا', allowed_mentions: { parse: [] } }, 0],
    ['POST', '/channels/1/messages', { embeds: [{ title: 'x'.repeat(257) }] }, 1],
    ['POST', '/interactions/1/tok/callback', { type: 4, data: { embeds: [{ url: 'not a url' }] } }, 1],
    ['PATCH', '/webhooks/1/tok/messages/@original', { embeds: [{ fields: [{ name: 'n' }] }] }, 1],
    ['POST', '/no/such/route', {}, 1],
  ])('%s %s → %d problem(s) or more', (method, path, body, atLeast) => {
    const errors = validateRequest(method, path, body);
    if (atLeast === 0) expect(errors).toEqual([]);
    else expect(errors.length).toBeGreaterThanOrEqual(atLeast);
  });

  it('counts the embed total across every embed of a callback', () => {
    expect(embedTotalErrors({ type: 4, data: { embeds: [embed('a', 'b'.repeat(3000)), embed('c', 'd'.repeat(3000))] } })[0]).toMatch(/exceeds 6000/);
    expect(embedTotalErrors({ embeds: [embed('a', 'b'.repeat(2000))] })).toEqual([]);
  });
});

describe('assertAllValid', () => {
  const req = (method: string, path: string, route: string | null, body: unknown, status = 200): RecordedRequest =>
    ({ method, path, route, body, status, query: {}, headers: {}, auth: 'ok', injected: false, time: 0 });
  const good = req('POST', '/channels/1/messages', '/channels/{channel_id}/messages', { embeds: [AR], allowed_mentions: { parse: [] } });

  it('passes a clean record', () => {
    expect(() => assertAllValid({ requests: [good, req('GET', '/gateway/bot', '/gateway/bot', undefined)] })).not.toThrow();
  });

  it.each([
    ['an invalid embed', req('POST', '/channels/1/messages', '/channels/{channel_id}/messages', { embeds: [{ title: 'x'.repeat(300) }], allowed_mentions: { parse: [] } }), /title must NOT have more than 256/],
    ['a missing allowed_mentions', req('POST', '/interactions/1/t/callback', '/interactions/{interaction_id}/{interaction_token}/callback', { type: 4, data: { content: '@everyone' } }), /without allowed_mentions/],
    ['an unknown route', req('GET', '/nowhere', null, undefined, 404), /route unknown to the fake/],
    ['a 400 from the fake', req('POST', '/channels/1/messages', '/channels/{channel_id}/messages', { content: '', allowed_mentions: { parse: [] } }, 400), /refused with 400/],
  ])('throws a readable list for %s', (_what, bad, expected) => {
    expect(() => assertAllValid({ requests: [good, bad] })).toThrow(expected);
    expect(collectProblems({ requests: [good, bad] })[0]).toMatch(/^#1 /);
  });

  it('can skip the allowed_mentions rule', () => {
    const bare = req('POST', '/channels/1/messages', '/channels/{channel_id}/messages', { content: 'hi' });
    expect(collectProblems({ requests: [bare] }, { requireAllowedMentions: false })).toEqual([]);
  });
});
