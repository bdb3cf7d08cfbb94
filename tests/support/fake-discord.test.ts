import { ActionRowBuilder, ButtonBuilder, ButtonStyle, ChannelType, type Client, type DiscordAPIError, EmbedBuilder, Events } from 'discord.js';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { assertAllValid, collectProblems } from './discord-spec';
import { login, newClient, useFakeWithClient } from './fake-client';
import { startFakeDiscord, type FakeDiscord } from './fake-discord';

const t = useFakeWithClient();
let fake: FakeDiscord;
let client: Client;
beforeAll(() => {
  fake = t.fake;
  client = t.client;
});

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

  it('answers a gateway member request (op 8) with a GUILD_MEMBERS_CHUNK', async () => {
    const guild = client.guilds.cache.get(fake.guildId)!;
    const found = await guild.members.fetch({ user: [fake.users.member.id] });
    expect([...found.keys()]).toEqual([fake.users.member.id]);
    expect(fake.gatewayFrames.some((f) => f.op === 8)).toBe(true);
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
    t.onInteraction(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.reply({ embeds: [new EmbedBuilder().setTitle(title).addFields({ name: i.locale, value: quote })] });
    });
    const h = fake.dispatchCommand('brief', { article: 'lavrov' }, { locale });
    const cb = await h.response();
    expect(cb.status).toBe(200);
    expect(cb.type).toBe(4);
    expect(cb.data).toMatchObject({ embeds: [{ title, fields: [{ name: locale, value: quote }] }], allowed_mentions: { parse: [] } });
    expect(cb.latencyMs).toBeGreaterThan(0);
    expect(() => assertAllValid(fake)).not.toThrow();
  });

  it('tracks a deferral, the edit of the original and a follow-up', async () => {
    t.onInteraction(async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply({ flags: 'Ephemeral' });
      await i.editReply({ content: 'done' });
      await i.followUp({ content: 'more' });
    });
    const h = fake.dispatchCommand('brief');
    expect((await h.response()).type).toBe(5);
    expect(await h.visible()).toMatchObject({ content: 'done' });
    expect(await h.waitForFollowUp(1)).toMatchObject({ content: 'more' });
    expect(h.edits()).toHaveLength(1);
  });

  it('answers autocomplete with the focused option and records the choices', async () => {
    t.onInteraction(async (i) => {
      if (!i.isAutocomplete()) return;
      const focused = i.options.getFocused(true);
      await i.respond([{ name: `${focused.name}=${focused.value}`, value: 'x' }]);
    });
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
    t.onInteraction(async (i) => {
      if (!i.isChatInputCommand()) return;
      const channel = i.options.getChannel('channel', true);
      await i.reply({ content: `${i.options.getSubcommand()} ${channel.type} ${i.options.getString('when')} ${i.memberPermissions?.has('ManageGuild')}` });
    });
    const h = fake.dispatchSubcommand('schedule', 'add', { channel: fake.channels.announcement, when: '08:00' });
    expect((await h.response()).data).toMatchObject({ content: 'add 5 08:00 true' });
    expect(h.payload).toMatchObject({ data: { id: fake.commands(fake.guildId)[0]!.id, resolved: { channels: { [fake.channels.announcement]: { type: 5 } } } } });
    expect(() => assertAllValid(fake)).not.toThrow();
  });

  it.each([
    ['admin', true],
    ['member', false],
  ] as const)('gives the %s invoker Manage Server: %s', async (member, manage) => {
    t.onInteraction(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: String(i.memberPermissions?.has('ManageGuild')) });
    });
    const h = fake.dispatchCommand('brief', {}, { member, locale: 'fr' });
    expect((await h.response()).data).toMatchObject({ content: String(manage) });
    expect(h.payload).toMatchObject({ locale: 'fr', guild_locale: 'en-US', context: 0, version: 1, entitlements: [] });
  });

  it('dispatches a button click on the message the bot sent and records the update', async () => {
    t.onInteraction(async (i) => {
      if (i.isChatInputCommand()) {
        const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('page:2').setLabel('Next').setStyle(ButtonStyle.Primary));
        await i.reply({ content: 'page 1', components: [row] });
      } else if (i.isButton()) {
        await i.update({ content: `clicked ${i.customId} on ${i.message.id}` });
      }
    });
    const first = fake.dispatchCommand('quote');
    await first.response();
    const messageId = first.record.originalMessageId!;
    const click = fake.dispatchButton('page:2', { messageId });
    const cb = await click.response();
    expect(cb.type).toBe(7);
    expect(cb.data).toMatchObject({ content: `clicked page:2 on ${messageId}` });
  });

  it('handles a select menu with a deferred update, then an edit of the clicked message', async () => {
    t.onInteraction(async (i) => {
      if (i.isChatInputCommand()) {
        await i.reply({ content: 'choose', withResponse: true }).then((r) => { replyId = r.resource?.message?.id; });
      } else if (i.isStringSelectMenu()) {
        await i.deferUpdate();
        await i.editReply({ content: `chose ${i.values.join(',')}` });
      }
    });
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
    t.onInteraction(async (i) => {
      if (i.isChatInputCommand()) await i.reply({ content: 'one' });
    });
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
