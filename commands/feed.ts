import { ApplicationCommandOptionType, InteractionContextType, type AutocompleteInteraction, type ChatInputCommandInteraction, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { CommandContext } from '../src/discord/command';
import { buildMessage, type MessageBody } from '../src/discord/message';
import { appPermissionsOf } from '../src/discord/interaction-compat';
import { textIn, UserError } from '../src/errors';
import { findFeed, subscribe } from '../src/feeds/actions';
import { feedChoiceName, feedList } from '../src/feeds/list-format';
import { feedName } from '../src/feeds/messages';
import { feedMessages as say } from '../src/feeds/user-messages';
import { feedsFrom } from '../src/feeds/wire';
import type { Suggestion } from '../src/library';
import { languageOfInteraction } from '../src/discord/user-language';
import { checkBotCanPost, SCHEDULABLE_CHANNEL_TYPES } from '../src/scheduler/channel-check';
import { discordTime } from '../src/scheduler/list-format';

const feedOption = (verb: string) => ({
  type: ApplicationCommandOptionType.String as const,
  name: 'feed',
  description: `The feed to ${verb}.`,
  required: true,
  autocomplete: true,
  max_length: 12,
});

/** `/feed add|list|remove|pause|resume`: post a feed's new items to a channel. Manage Server by default; guilds only. */
export const data = {
  name: 'feed',
  description: 'Post the news of an RSS, Atom or JSON feed to a channel.',
  description_localizations: { fr: 'Publier les nouvelles d’un flux RSS, Atom ou JSON dans un salon.' },
  default_member_permissions: '32', // Manage Server (0x20)
  dm_permission: false,
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'Subscribe a channel to a feed (or to the feed a page announces).',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'url', description: 'The feed’s address, or a page that links its feed.', required: true, max_length: 2048 },
        { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Text or announcement channel.', required: true, channel_types: [...SCHEDULABLE_CHANNEL_TYPES] },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'This server’s feeds, their checks and status.' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'remove', description: 'Unsubscribe from a feed.', options: [feedOption('remove')] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'pause', description: 'Stop posting a feed until resumed.', options: [feedOption('pause')] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'resume', description: 'Resume a paused feed (checked at once).', options: [feedOption('resume')] },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Subscribing fetches the feed: deferred at once. */
export const deferImmediately = true;

const reply = (content: string): MessageBody => buildMessage({ content, ephemeral: true });

function guildIdOf(interaction: ChatInputCommandInteraction): string {
  if (!interaction.guildId) throw new UserError(say.guildOnly());
  return interaction.guildId;
}

/** Run a subcommand; every answer is ephemeral (only the moderator sees it). */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<MessageBody> {
  const feeds = feedsFrom(ctx.services);
  const { store } = feeds;
  const guildId = guildIdOf(interaction);
  const now = ctx.now();
  const language = languageOfInteraction(interaction);
  switch (interaction.options.getSubcommand(true)) {
    case 'add': {
      const channel = interaction.options.getChannel('channel', true);
      if ('guildId' in channel && typeof channel.guildId === 'string' && channel.guildId !== guildId) throw new UserError(say.otherGuildChannel());
      await checkBotCanPost({ client: interaction.client, guildId, guild: interaction.guild, channelId: channel.id, channelType: channel.type, here: { channelId: interaction.channelId, permissions: appPermissionsOf(interaction) } });
      const added = await subscribe({ guildId, channelId: channel.id, url: interaction.options.getString('url', true), userId: interaction.user.id }, feeds.deps, now);
      feeds.wake();
      const named = { id: added.feed.id, name: feedName(added.feed), channelId: added.feed.channelId };
      return reply(textIn(say.added(named, added.itemCount, added.posted.length > 0, discordTime(added.feed.nextCheckAt)), language));
    }
    case 'list': {
      const list = await store.feeds.listByGuild(guildId);
      if (!list.length) return reply(textIn(say.noFeeds(), language));
      const uncertain = new Map<string, number>();
      for (const channelId of new Set(list.map((f) => f.channelId))) uncertain.set(channelId, await store.deliveries.countWithStatus(channelId, 'uncertain'));
      return buildMessage({ embeds: [{ title: textIn(say.listTitle(list.length), language), description: feedList(list, (channelId) => uncertain.get(channelId) ?? 0, language), color: 0x2b6cb0 }], ephemeral: true });
    }
    case 'remove': {
      const feed = await findFeed(store.feeds, guildId, interaction.options.getString('feed', true));
      await store.feeds.remove(guildId, feed.id);
      feeds.articles.feedRemoved(guildId, feed.id);
      feeds.wake();
      return reply(textIn(say.removed({ id: feed.id, name: feedName(feed) }), language));
    }
    case 'pause': {
      const feed = await findFeed(store.feeds, guildId, interaction.options.getString('feed', true));
      await store.feeds.pause(feed.id, "paused by a moderator", now);
      feeds.wake();
      return reply(textIn(say.paused(feed.id), language));
    }
    default: {
      const feed = await findFeed(store.feeds, guildId, interaction.options.getString('feed', true));
      await store.feeds.resume(feed.id, now);
      feeds.wake();
      return reply(textIn(say.resumed({ id: feed.id, name: feedName(feed) }), language));
    }
  }
}

/** This server's feeds for `feed` (paused ones for resume, active ones for pause). */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Suggestion[]> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'feed' || !interaction.guildId) return [];
  const { store } = feedsFrom(ctx.services);
  const typed = String(focused.value).trim().replace(/^#/, '').toLowerCase();
  const sub = interaction.options.getSubcommand(false);
  const language = languageOfInteraction(interaction);
  return (await store.feeds.listByGuild(interaction.guildId))
    .filter((f) => (sub === 'resume' ? f.pausedReason !== null : sub === 'pause' ? f.pausedReason === null : true))
    .map((f) => ({ name: feedChoiceName(f, language), value: String(f.id) }))
    .filter((choice) => !typed || choice.name.toLowerCase().includes(typed))
    .slice(0, 25);
}
