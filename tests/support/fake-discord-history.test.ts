import { DiscordAPIError, REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertAllValid } from './discord-spec';
import { Perm, startFakeDiscord, type FakeDiscord } from './fake-discord';

type Message = { id: string; content: string; nonce?: unknown };

let fake: FakeDiscord;
let rest: REST;
const ids: string[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord();
  rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
  for (const content of ['أول', 'second', 'troisième', 'fourth', 'fifth']) {
    const created = (await rest.post(`/channels/${fake.channels.text}/messages`, { body: { content, nonce: `n-${content}`, allowed_mentions: { parse: [] } } })) as Message;
    ids.push(created.id);
  }
});
afterAll(async () => {
  await fake.close();
});

const history = (query: Record<string, string>, channel = fake.channels.text): Promise<Message[]> =>
  rest.get(`/channels/${channel}/messages`, { query: new URLSearchParams(query) }) as Promise<Message[]>;

describe('fake Discord: GET /channels/{channel_id}/messages', () => {
  it.each([
    ['newest first, default limit', {}, [4, 3, 2, 1, 0]],
    ['limit', { limit: '2' }, [4, 3]],
    ['before an id', { before: '$3', limit: '100' }, [2, 1, 0]],
    ['after an id', { after: '$1' }, [4, 3, 2]],
  ])('%s', async (_label, query, expected) => {
    const resolved = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, v.startsWith('$') ? ids[Number(v.slice(1))]! : v]));
    const messages = await history(resolved);
    expect(messages.map((m) => m.id)).toEqual(expected.map((i) => ids[i]));
  });

  it('does not return the nonce a message was created with', async () => {
    expect((await history({})).every((m) => !('nonce' in m))).toBe(true);
  });

  it.each([['0'], ['101'], ['abc']])('refuses limit=%s with 400 50035', async (limit) => {
    await expect(history({ limit })).rejects.toMatchObject({ status: 400, code: 50035 });
  });

  it('without Read Message History returns no messages (an empty list, as Discord documents), without View Channel 403 50001', async () => {
    fake.setOverwrites(fake.channels.text, [{ id: fake.botUserId, type: 1, allow: '0', deny: String(Perm.ReadMessageHistory) }]);
    expect(await history({})).toEqual([]);
    const refused = await history({}, fake.channels.noView).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    expect(refused).toMatchObject({ status: 403, code: 50001 });
  });

  it('every request but the deliberately bad limits was valid against Discord’s OpenAPI spec', () => {
    assertAllValid({ requests: fake.requests.filter((r) => !(r.status === 400 && r.query.limit !== undefined)) });
  });
});
