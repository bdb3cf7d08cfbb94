import {
  ActionRowBuilder, ButtonBuilder, ButtonStyle, ChannelType, Client, DiscordAPIError, EmbedBuilder, Events,
  GatewayIntentBits, type Interaction, type TextChannel,
} from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { assertAllValid, collectProblems, validateRequest } from './discord-spec';
import { startFakeDiscord, type FakeDiscord } from './fake-discord';

type Handler = (i: Interaction) => Promise<void>;

let fake: FakeDiscord;
let client: Client;
let handler: Handler = async () => undefined;
const handlerErrors: unknown[] = [];

function newClient(f: FakeDiscord): Client {
  return new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: f.apiUrl }, allowedMentions: { parse: [] } });
}

async function login(c: Client, f: FakeDiscord): Promise<void> {
  const ready = new Promise<void>((resolve) => c.once(Events.ClientReady, () => resolve()));
  await c.login(f.token);
  await ready;
}

beforeAll(async () => {
  fake = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  client = newClient(fake);
  client.on(Events.InteractionCreate, (i) => { handler(i).catch((e: unknown) => handlerErrors.push(e)); });
  await login(client, fake);
});

afterAll(async () => {
  await client.destroy();
  await fake.close();
});

afterEach(() => {
  expect(handlerErrors).toEqual([]);
  expect(fake.handlerErrors).toEqual([]);
  handler = async () => undefined;
});

async function textChannel(id: string): Promise<TextChannel> {
  return (await client.channels.fetch(id)) as TextChannel;
}

describe('fake Discord: login and guild', () => {
  it('lets a real discord.js client log in and caches the guild with its channels', () => {
    const guild = client.guilds.cache.get(fake.guildId);
    expect(guild?.available).toBe(true);
    expect(guild?.channels.cache.get(fake.channels.text)?.type).toBe(ChannelType.GuildText);
    expect(guild?.channels.cache.get(fake.channels.announcement)?.type).toBe(ChannelType.GuildAnnouncement);
    expect(client.user?.id).toBe(fake.botUserId);
    expect(client.application?.id).toBe(fake.applicationId);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', route: '/gateway/bot', auth: 'ok', status: 200 });
    expect(fake.gatewayFrames.find((f) => f.op === 2)?.d).toMatchObject({ token: '[token ok]' });
  });

  it.each([
    ['text', true, true],
    ['announcement', true, true],
    ['noSend', true, false],
    ['noView', false, false],
  ] as const)('gives the bot the right overwrites in the %s channel (view %s, post %s)', (name, view, post) => {
    const channel = client.guilds.cache.get(fake.guildId)!.channels.cache.get(fake.channels[name])!;
    const perms = channel.permissionsFor(fake.botUserId)!;
    expect(perms.has('ViewChannel')).toBe(view);
    expect(perms.has(['ViewChannel', 'SendMessages', 'EmbedLinks'])).toBe(post);
  });

  it('refuses a wrong token with 401 and records an unknown route as a 404 with route null', async () => {
    const fake = await startFakeDiscord();
    onTestFinished(() => fake.close());
    const bad = await fetch(`${fake.apiUrl}/v10/users/@me`, { headers: { authorization: 'Bot nope' } });
    expect(bad.status).toBe(401);
    const unknown = await fetch(`${fake.apiUrl}/v10/nowhere/else`, { headers: { authorization: `Bot ${fake.token}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 0, message: '404: Not Found' });
    expect(fake.requests.at(-1)).toMatchObject({ route: null, status: 404 });
    expect(JSON.stringify(fake.requests)).not.toContain(fake.token);
    expect(collectProblems({ requests: [fake.requests.at(-1)!] })[0]).toMatch(/route unknown/);
  });
});

describe('fake Discord: interactions', () => {
  it.each([
    ['ar', 'موجز الأخبار', 'قال الوزير «نحن مستعدون»'],
    ['en', 'News briefing', 'The minister said "we are ready"'],
    ['fr', 'Le point du jour', 'Le ministre a déclaré « nous sommes prêts »'],
  ])('records a %s embed reply with allowed_mentions, and it validates', async (locale, title, quote) => {
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ embeds: [new EmbedBuilder().setTitle(title).addFields({ name: i.locale, value: quote })] });
    };
    const h = fake.dispatchCommand('brief', { article: 'lavrov' }, { locale });
    const cb = await h.response();
    expect(cb.status).toBe(200);
    expect(cb.type).toBe(4);
    expect(cb.data).toMatchObject({ embeds: [{ title, fields: [{ name: locale, value: quote }] }], allowed_mentions: { parse: [] } });
    expect(cb.latencyMs).toBeGreaterThan(0);
    expect(() => assertAllValid(fake)).not.toThrow();
  });

  it('tracks a deferral, the edit of the original and a follow-up', async () => {
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: 'Ephemeral' });
      await i.editReply({ content: 'done' });
      await i.followUp({ content: 'more' });
    };
    const h = fake.dispatchCommand('brief');
    expect((await h.response()).type).toBe(5);
    expect(await h.visible()).toMatchObject({ content: 'done' });
    expect(await h.waitForFollowUp(1)).toMatchObject({ content: 'more' });
    expect(h.edits()).toHaveLength(1);
  });

  it('answers autocomplete with the focused option and records the choices', async () => {
    handler = async (i) => {
      if (!i.isAutocomplete()) return;
      const focused = i.options.getFocused(true);
      await i.respond([{ name: `${focused.name}=${focused.value}`, value: 'x' }]);
    };
    const h = fake.dispatchAutocomplete('brief', 'article', 'لافروف');
    const cb = await h.response();
    expect(cb.type).toBe(8);
    expect(cb.data).toEqual({ choices: [{ name: 'article=لافروف', value: 'x' }] });
  });

  it('types options from the deployed commands and resolves channel options in subcommands', async () => {
    await client.application!.commands.set([{
      name: 'schedule', description: 'Schedules', defaultMemberPermissions: 'ManageGuild',
      options: [{ type: 1, name: 'add', description: 'Add', options: [
        { type: 7, name: 'channel', description: 'Where', required: true, channelTypes: [0, 5] },
        { type: 3, name: 'when', description: 'When', required: true },
      ] }],
    }], fake.guildId);
    expect(fake.commands(fake.guildId).map((c) => c.name)).toEqual(['schedule']);
    handler = async (i) => {
      if (!i.isChatInputCommand()) return;
      const channel = i.options.getChannel('channel', true);
      await i.reply({ content: `${i.options.getSubcommand()} ${channel.type} ${i.options.getString('when')} ${i.memberPermissions?.has('ManageGuild')}` });
    };
    const h = fake.dispatchSubcommand('schedule', 'add', { channel: fake.channels.announcement, when: '08:00' });
    expect((await h.response()).data).toMatchObject({ content: 'add 5 08:00 true' });
    expect(h.payload).toMatchObject({ data: { id: fake.commands(fake.guildId)[0]!.id, resolved: { channels: { [fake.channels.announcement]: { type: 5 } } } } });
    expect(() => assertAllValid(fake)).not.toThrow();
  });

  it.each([
    ['admin', true],
    ['member', false],
  ] as const)('gives the %s invoker Manage Server: %s', async (member, manage) => {
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: String(i.memberPermissions?.has('ManageGuild')) });
    };
    const h = fake.dispatchCommand('brief', {}, { member, locale: 'fr' });
    expect((await h.response()).data).toMatchObject({ content: String(manage) });
    expect(h.payload).toMatchObject({ locale: 'fr', guild_locale: 'en-US', context: 0, version: 1, entitlements: [] });
  });

  it('dispatches a button click on the message the bot sent and records the update', async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary));
        await i.reply({ content: 'page 1', components: [row] });
      } else if (i.isButton()) {
        await i.update({ content: `clicked ${i.customId} on ${i.message.id}` });
      }
    };
    const first = fake.dispatchCommand('quote');
    await first.response();
    const messageId = first.record.originalMessageId!;
    const click = fake.dispatchButton('page:2', { messageId });
    const cb = await click.response();
    expect(cb.type).toBe(7);
    expect(cb.data).toMatchObject({ content: `clicked page:2 on ${messageId}` });
  });

  it('handles a select menu with a deferred update, then an edit of the clicked message', async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) {
        await i.reply({ content: 'choose', withResponse: true }).then((r) => { replyId = r.resource?.message?.id; });
      } else if (i.isStringSelectMenu()) {
        await i.deferUpdate();
        await i.editReply({ content: `chose ${i.values.join(',')}` });
      }
    };
    let replyId: string | undefined;
    const first = fake.dispatchCommand('quote');
    await first.response();
    await expect.poll(() => replyId).toBe(first.record.originalMessageId);
    const pick = fake.dispatchSelect('speaker', ['لافروف'], { messageId: replyId! });
    expect((await pick.response()).type).toBe(6);
    expect(await pick.waitForEdit(1)).toMatchObject({ content: 'chose لافروف' });
    expect(fake.allMessages(fake.channels.text).find((m) => m.message.id === replyId)?.message.content).toBe('chose لافروف');
  });

  it('refuses a follow-up before the interaction is acknowledged', async () => {
    const h = fake.dispatchCommand('nobody-answers');
    const res = await fetch(`${fake.apiUrl}/v10/webhooks/${fake.applicationId}/${h.token}?wait=true`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ content: 'x' }),
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 10015 });
    fake.requests.pop();
  });

  it('refuses a second callback with 40060 and a late one with 10062', async () => {
    const errors: number[] = [];
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'one' });
    };
    // discord.js refuses the second reply itself (InteractionAlreadyReplied), so send it raw.
    const h = fake.dispatchCommand('brief');
    await h.response();
    const again = await fetch(`${fake.apiUrl}/v10/interactions/${h.id}/${h.token}/callback`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ type: 4, data: { content: 'x' } }),
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: 40060 });

    const slow = await startFakeDiscord({ interactionAckTimeoutMs: 20 });
    try {
      const s = newClient(slow);
      s.on(Events.InteractionCreate, (i) => {
        if (!i.isChatInputCommand()) return;
        setTimeout(() => { i.reply({ content: 'late' }).catch((e: unknown) => errors.push(Number((e as DiscordAPIError).code))); }, 300);
      });
      await login(s, slow);
      const late = await slow.dispatchCommand('brief').response();
      expect(late.status).toBe(404);
      await expect.poll(() => errors).toEqual([10062]);
      await s.destroy();
    } finally {
      await slow.close();
    }
  });
});

describe('fake Discord: channel posts and faults', () => {
  it('makes discord.js wait and retry on a 429, and the message is posted once', async () => {
    const before = fake.messages(fake.channels.text).length;
    fake.failNext({ method: 'POST', route: '/channels/{channel_id}/messages' }, { status: 429, retryAfter: 0.05 });
    const channel = await textChannel(fake.channels.text);
    await channel.send({ content: 'after rate limit' });
    const posts = fake.requests.filter((r) => r.method === 'POST' && r.route === '/channels/{channel_id}/messages' && (r.body as { content?: string }).content === 'after rate limit');
    expect(posts.map((r) => [r.status, r.injected])).toEqual([[429, true], [200, false]]);
    expect(fake.messages(fake.channels.text)).toHaveLength(before + 1);
  });

  it('lets discord.js retry a 500 and posts once', async () => {
    fake.failNext({ method: 'POST', path: /\/messages$/ }, { status: 500 });
    const channel = await textChannel(fake.channels.text);
    const m = await channel.send({ content: 'after 500' });
    expect(fake.messages(fake.channels.text).filter((x) => x.content === 'after 500')).toEqual([expect.objectContaining({ id: m.id })]);
    expect(fake.pendingFaults).toBe(0);
  });

  it('deduplicates posts with the same nonce and enforce_nonce', async () => {
    const channel = await textChannel(fake.channels.announcement);
    const a = await channel.send({ content: 'موجز', nonce: 'brief-42-ch', enforceNonce: true });
    const b = await channel.send({ content: 'موجز', nonce: 'brief-42-ch', enforceNonce: true });
    expect(b.id).toBe(a.id);
    expect(fake.messages(fake.channels.announcement).filter((m) => m.nonce === 'brief-42-ch')).toHaveLength(1);
  });

  it.each([
    ['noSend', 403, 50013],
    ['noView', 403, 50001],
  ] as const)('refuses a post to the %s channel with %d %d', async (name, status, code) => {
    const err = await client.rest.post(`/channels/${fake.channels[name]}/messages`, { body: { content: 'x', allowed_mentions: { parse: [] } } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect(err).toMatchObject({ status, code });
  });

  it('answers 404 10003 for an unknown or deleted channel', async () => {
    fake.addChannel({ id: '1100000000000000099', name: 'doomed' });
    fake.deleteChannel('1100000000000000099');
    const err = await client.rest.post('/channels/1100000000000000099/messages', { body: { content: 'x' } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 404, code: 10003 });
  });

  it('injects a 403 with the given code and reports whether a mention would ping', async () => {
    fake.failNext({ route: '/channels/{channel_id}/messages' }, { status: 403, code: 50001 });
    const err = await client.rest.post(`/channels/${fake.channels.text}/messages`, { body: { content: 'x' } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 403, code: 50001, message: 'Missing Access' });
    await client.rest.post(`/channels/${fake.channels.text}/messages`, { body: { content: 'hey @everyone' } });
    await client.rest.post(`/channels/${fake.channels.text}/messages`, { body: { content: 'hey @everyone', allowed_mentions: { parse: [] } } });
    const last = fake.allMessages(fake.channels.text).slice(-2).map((m) => m.wouldPing);
    expect(last).toEqual([true, false]);
    expect(collectProblems({ requests: fake.requests.slice(-2) })).toEqual([
      expect.stringContaining('message without allowed_mentions'),
    ]);
  });

  it('lets discord.js retry after a connection reset, and the message is posted once', async () => {
    fake.failNext({ method: 'POST', route: '/channels/{channel_id}/messages' }, { status: 0, reset: true });
    const channel = await textChannel(fake.channels.text);
    const m = await channel.send({ content: 'after reset' });
    const tries = fake.requests.filter((r) => (r.body as { content?: string } | undefined)?.content === 'after reset');
    expect(tries.map((r) => [r.status, r.injected])).toEqual([[0, true], [200, false]]);
    expect(fake.messages(fake.channels.text).filter((x) => x.id === m.id)).toHaveLength(1);
  });

  it('reads payload_json from multipart bodies and records the file names', async () => {
    const channel = await textChannel(fake.channels.text);
    await channel.send({ content: 'ملف', files: [{ attachment: Buffer.from('hello'), name: 'briefing.txt' }] });
    const r = await fake.waitFor((x) => Array.isArray(x.files));
    expect(r.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(r.body).toMatchObject({ content: 'ملف', attachments: [{ id: '0' }] });
    expect(r.files).toEqual(['briefing.txt']);
    expect(validateRequest(r.method, r.path, r.body)).toEqual([]);
  });

  it('deduplicates a nonce per channel only', async () => {
    const a = await (await textChannel(fake.channels.text)).send({ content: 'x', nonce: 'same-nonce', enforceNonce: true });
    const b = await (await textChannel(fake.channels.announcement)).send({ content: 'x', nonce: 'same-nonce', enforceNonce: true });
    expect(a.id).not.toBe(b.id);
  });

  it('refuses a message over Discord limits with 400 50035', async () => {
    const err = await client.rest.post(`/channels/${fake.channels.text}/messages`, {
      body: { embeds: [{ title: 't'.repeat(257) }], allowed_mentions: { parse: [] } },
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 400, code: 50035 });
    fake.requests.pop();
  });
});

describe('fake Discord: gateway', () => {
  it('resumes after a dropped connection, replays a missed interaction, and keeps handling', async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: `pong ${i.commandName}` });
    };
    const resumes = fake.gatewayStats.resumes;
    fake.dropGateway({ code: 4000 });
    const missed = fake.dispatchCommand('during-drop');
    await fake.waitForResumed(resumes + 1);
    expect((await missed.response()).data).toMatchObject({ content: 'pong during-drop' });
    const after = fake.dispatchCommand('after-resume');
    expect((await after.response()).data).toMatchObject({ content: 'pong after-resume' });
    expect(fake.gatewayFrames.filter((f) => f.op === 6).at(-1)?.d).toMatchObject({ token: '[token ok]' });
  });

  it('sends an invalid session when the session cannot be resumed, and the bot re-identifies', async () => {
    handler = async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'still here' });
    };
    const identifies = fake.gatewayStats.identifies;
    fake.dropGateway({ abrupt: true, resumable: false });
    await fake.waitForIdentify(identifies + 1);
    expect(fake.gatewayStats.invalidSessions).toBeGreaterThan(0);
    expect((await fake.dispatchCommand('brief').response()).data).toMatchObject({ content: 'still here' });
  });

  it('resumes when it asks the bot to reconnect (op 7)', async () => {
    const resumes = fake.gatewayStats.resumes;
    fake.requestReconnect();
    await fake.waitForResumed(resumes + 1);
    expect(fake.gatewayStats.connected).toBe(true);
  });

  it('answers heartbeats and records a clean 1000 close on client.destroy()', async () => {
    const f = await startFakeDiscord({ heartbeatIntervalMs: 200 });
    try {
      const c = newClient(f);
      await login(c, f);
      await expect.poll(() => f.gatewayFrames.some((fr) => fr.op === 1), { timeout: 5000 }).toBe(true);
      await c.destroy();
      const close = await f.waitForClose((x) => x.by === 'client');
      expect(close.code).toBe(1000);
      // The ended session cannot be resumed: a later event waits for the next IDENTIFY.
      f.dispatchCommand('after-shutdown');
      const again = newClient(f);
      const seen = new Promise<string>((resolve) => again.on(Events.InteractionCreate, (i) => {
        if (i.isChatInputCommand()) resolve(i.commandName);
      }));
      await login(again, f);
      expect(await seen).toBe('after-shutdown');
      await again.destroy();
    } finally {
      await f.close();
    }
  });
});
