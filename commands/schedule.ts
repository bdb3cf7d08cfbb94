import { ApplicationCommandOptionType, InteractionContextType, type AutocompleteInteraction, type ChatInputCommandInteraction, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Acknowledger, CommandContext } from '../src/discord/command';
import { buildMessage, type MessageBody } from '../src/discord/message';
import { appPermissionsOf } from '../src/discord/interaction-compat';
import { code, textIn, UserError } from '../src/errors';
import type { Suggestion } from '../src/library';
import { addSchedule, findSchedule, pauseSchedule, removeSchedule, resumeSchedule } from '../src/scheduler/actions';
import { checkBotCanPost, SCHEDULABLE_CHANNEL_TYPES, type PostCheck } from '../src/scheduler/channel-check';
import { languageOfInteraction } from '../src/discord/user-language';
import { discordTime, scheduleChoiceName, scheduleList } from '../src/scheduler/list-format';
import { scheduleReplies as say } from '../src/scheduler/messages';
import { schedulingFrom } from '../src/scheduler/scheduling';
import { suggestTimeZones } from '../src/scheduler/timezones';

const idOption = (verb: string) => ({
  type: ApplicationCommandOptionType.String as const,
  name: 'id',
  description: `The schedule to ${verb}.`,
  required: true,
  autocomplete: true,
  max_length: 12,
});

/** `/schedule add|list|remove|pause|resume`: post new briefings to a channel on a schedule. Manage Server by default; guilds only. */
export const data = {
  name: 'schedule',
  description: 'Post new briefings to a channel on a schedule.',
  description_localizations: { fr: 'Publier les nouveaux briefings dans un salon selon un horaire.' },
  default_member_permissions: '32', // Manage Server (0x20)
  dm_permission: false,
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'add',
      description: 'Post new briefings to a channel at set times.',
      options: [
        { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Text or announcement channel.', required: true, channel_types: [...SCHEDULABLE_CHANNEL_TYPES] },
        { type: ApplicationCommandOptionType.String, name: 'when', description: 'HH:MM daily, or cron: "0 8 * * 1-5" (5 fields, or 6 with seconds).', required: true, max_length: 100 },
        { type: ApplicationCommandOptionType.String, name: 'timezone', description: 'IANA time zone, e.g. Asia/Riyadh (UTC by default).', required: false, autocomplete: true, max_length: 64 },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: 'This server’s schedules, next runs and last results.' },
    { type: ApplicationCommandOptionType.Subcommand, name: 'remove', description: 'Delete a schedule.', options: [idOption('remove')] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'pause', description: 'Stop a schedule from posting until resumed.', options: [idOption('pause')] },
    { type: ApplicationCommandOptionType.Subcommand, name: 'resume', description: 'Resume a paused schedule.', options: [idOption('resume')] },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const reply = (content: string): MessageBody => buildMessage({ content, ephemeral: true });

/** The server the command was used in (cached or not: an unavailable guild is still a guild). @throws UserError in DMs. */
function guildIdOf(interaction: ChatInputCommandInteraction): string {
  if (!interaction.guildId) {
    throw new UserError({
      en: 'Schedules belong to a server: use /schedule in a server channel.',
      ar: `جداول النشر خاصة بالخوادم: استخدم ${code('/schedule')} في قناة داخل خادم.`,
      fr: 'Les programmations appartiennent à un serveur : utilisez /schedule dans un salon de serveur.',
    });
  }
  return interaction.guildId;
}

/** The channel option as the interaction gives it: id, type and, when known, the server it belongs to. */
interface ChannelOption {
  id: string;
  type?: number;
  guildId?: string;
}

/** The `channel` option of `/schedule add`, with the server it belongs to (discord.js's `guildId`, or the raw `guild_id`). */
function channelOption(interaction: ChatInputCommandInteraction): ChannelOption {
  const channel: object & { id: string; type: number } = interaction.options.getChannel('channel', true);
  const guildId = 'guildId' in channel ? channel.guildId : 'guild_id' in channel ? channel.guild_id : undefined;
  return { id: channel.id, type: channel.type, guildId: typeof guildId === 'string' ? guildId : undefined };
}

/**
 * Check the bot can post in the channel, from what the interaction says and
 * what Discord answers; the interaction is deferred (ephemerally) before any
 * call to Discord, which may take seconds.
 */
function checkChannel(interaction: ChatInputCommandInteraction, guildId: string, channel: ChannelOption, ack: Acknowledger | undefined): Promise<PostCheck> {
  return checkBotCanPost({
    client: interaction.client,
    guildId,
    guild: interaction.guild,
    channelId: channel.id,
    channelType: channel.type,
    channelGuildId: channel.guildId,
    here: { channelId: interaction.channelId, permissions: appPermissionsOf(interaction) },
    beforeDiscord: () => void ack?.defer({ ephemeral: true }),
  });
}

/** Run a subcommand; every answer is ephemeral (only the moderator sees it). */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext, ack?: Acknowledger): Promise<MessageBody> {
  const { store, wake } = schedulingFrom(ctx.services);
  const guildId = guildIdOf(interaction);
  const now = new Date(ctx.now());
  const language = languageOfInteraction(interaction);
  switch (interaction.options.getSubcommand(true)) {
    case 'add': {
      const channel = channelOption(interaction);
      const checked = await checkChannel(interaction, guildId, channel, ack);
      const created = await addSchedule(store, {
        guildId,
        channelId: channel.id,
        when: interaction.options.getString('when', true),
        timezone: interaction.options.getString('timezone'),
        userId: interaction.user.id,
        now,
        minIntervalSeconds: ctx.config.scheduleMinIntervalSeconds,
        spreadSeconds: ctx.config.scheduleSpreadSeconds,
      });
      wake();
      return reply(textIn(say.added(created, discordTime(created.nextRunAt), checked === 'unchecked'), language));
    }
    case 'list': {
      const schedules = await store.schedules.listByGuild(guildId);
      if (!schedules.length) return reply(textIn(say.noSchedules(), language));
      const uncertain = new Map<string, number>();
      for (const channelId of new Set(schedules.map((s) => s.channelId))) uncertain.set(channelId, await store.deliveries.countWithStatus(channelId, 'uncertain'));
      const description = scheduleList(schedules, (channelId) => uncertain.get(channelId) ?? 0, language);
      return buildMessage({ embeds: [{ title: textIn(say.listTitle(schedules.length), language), description, color: 0x2b6cb0 }], ephemeral: true });
    }
    case 'remove': {
      const removed = await removeSchedule(store, guildId, interaction.options.getString('id', true));
      wake();
      return reply(textIn(say.removed(removed.id, removed.channelId), language));
    }
    case 'pause': {
      const paused = await pauseSchedule(store, guildId, interaction.options.getString('id', true), now);
      wake();
      return reply(textIn(say.paused(paused.id), language));
    }
    case 'resume': {
      const target = await findSchedule(store, guildId, interaction.options.getString('id', true));
      const checked = await checkChannel(interaction, guildId, { id: target.channelId }, ack);
      const resumed = await resumeSchedule(store, guildId, target.id, now, ctx.config.scheduleSpreadSeconds);
      wake();
      return reply(textIn(say.resumed(resumed.id, discordTime(resumed.nextRunAt), checked === 'unchecked'), language));
    }
    default:
      throw new UserError({
        en: 'Unknown /schedule subcommand.',
        ar: `أمر فرعي غير معروف للأمر ${code('/schedule')}.`,
        fr: 'Sous-commande de /schedule inconnue.',
      });
  }
}

/** Time zones for `timezone`; this guild's schedules for `id`. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Suggestion[]> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'timezone') return suggestTimeZones(String(focused.value)).map((zone) => ({ name: zone, value: zone }));
  if (focused.name !== 'id' || !interaction.guildId) return [];
  const { store } = schedulingFrom(ctx.services);
  const typed = String(focused.value).trim().replace(/^#/, '').toLowerCase();
  const sub = interaction.options.getSubcommand(false);
  const language = languageOfInteraction(interaction);
  return (await store.schedules.listByGuild(interaction.guildId))
    .filter((s) => (sub === 'resume' ? s.pausedReason !== null : sub === 'pause' ? s.pausedReason === null : true))
    .map((s) => ({ name: scheduleChoiceName(s, interaction.guild?.channels.cache.get(s.channelId)?.name, language), value: String(s.id) }))
    .filter((choice) => !typed || choice.name.toLowerCase().includes(typed))
    .slice(0, 25);
}
