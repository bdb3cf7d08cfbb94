import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from './fake-discord';

/** The fake's second guild (the bot in two servers) and its request-side latency, through plain HTTP. */
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await startFakeDiscord({ secondGuild: true, interactionAckTimeoutMs: 100 });
});

afterAll(async () => {
  await fake.close();
});

const rest = async (method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
  const response = await fetch(`${fake.apiUrl}/v10${path}`, {
    method,
    headers: { authorization: `Bot ${fake.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
};

describe('fake Discord: a second guild', () => {
  it('has its own id and channels, distinct from the main guild’s', () => {
    const second = fake.secondGuild!;
    expect(second.guildId).not.toBe(fake.guildId);
    expect(Object.values(second.channels).some((id) => Object.values(fake.channels).includes(id))).toBe(false);
  });

  it.each([
    ['the main guild', () => fake.guildId, () => fake.channels.text],
    ['the second guild', () => fake.secondGuild!.guildId, () => fake.secondGuild!.channels.text],
  ])('answers for %s: the guild, its channels, the bot’s member, a channel with its guild_id, a post', async (_name, guildId, channelId) => {
    expect((await rest('GET', `/guilds/${guildId()}`)).json.id).toBe(guildId());
    expect(((await rest('GET', `/guilds/${guildId()}/channels`)).json as unknown as unknown[]).length).toBeGreaterThan(0);
    expect((await rest('GET', `/guilds/${guildId()}/members/${fake.botUserId}`)).status).toBe(200);
    expect((await rest('GET', `/channels/${channelId()}`)).json.guild_id).toBe(guildId());
    expect((await rest('POST', `/channels/${channelId()}/messages`, { content: 'hello' })).status).toBe(200);
    expect(fake.messages(channelId())).toHaveLength(1);
  });

  it('resolves a channel option of the second guild with that guild’s id (interactions still come from the main guild)', () => {
    const foreign = fake.secondGuild!.channels.text;
    const handle = fake.dispatchCommand('test', { channel: { type: 7, value: foreign } });
    const data = handle.payload.data as { resolved: { channels: Record<string, { guild_id: string }> } };
    expect(data.resolved.channels[foreign]!.guild_id).toBe(fake.secondGuild!.guildId);
    expect(handle.payload.guild_id).toBe(fake.guildId);
  });
});

describe('fake Discord: request latency', () => {
  it('makes a callback sent at once arrive after the acknowledgement window', async () => {
    fake.setRequestLatency(300);
    try {
      const handle = fake.dispatchCommand('test');
      const answered = await rest('POST', `/interactions/${handle.id}/${handle.token}/callback`, { type: 5 });
      expect(answered.json.code).toBe(10062);
    } finally {
      fake.setRequestLatency(0);
    }
  });
});
