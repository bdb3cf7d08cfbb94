import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { libraryOf, type CommandContext } from '../src/discord/command';
import { localizedLabel } from '../src/discord/labels';
import { briefingBody, type MessageBody } from '../src/discord/message';
import { resolveArticle } from '../src/discord/resolve-article';
import { UserError } from '../src/errors';
import type { Suggestion } from '../src/library';
import { briefWebPage } from '../src/library/web-article';

/** Longest `url` accepted. */
const MAX_URL_LENGTH = 2000;

/** `/brief article? url?`: the briefing of an article of the library (the newest when none is given) or of a web page, as embeds. */
export const data = {
  name: 'brief',
  description: 'Brief a news article: headline, key quotes and summary.',
  description_localizations: { fr: 'Résumer un article : titre, citations clés et résumé.' },
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'article',
      description: 'The article (newest when empty).',
      description_localizations: { fr: 'L’article (le plus récent si vide).' },
      required: false,
      autocomplete: true,
      max_length: 100,
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'url',
      description: 'A link to a news article on the web (http or https).',
      description_localizations: { fr: 'Le lien d’un article d’actualité sur le web (http ou https).' },
      required: false,
      max_length: MAX_URL_LENGTH,
    },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** A page to fetch takes a while: defer at once (the answer is public; a refusal replaces it with a private line). */
export const deferImmediately = (interaction: ChatInputCommandInteraction): boolean => Boolean(interaction.options.getString('url')?.trim());

/** Reply with the briefing embeds. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<MessageBody> {
  const url = interaction.options.getString('url')?.trim();
  const requested = interaction.options.getString('article')?.trim();
  if (url) {
    if (requested) throw new UserError(BOTH_GIVEN);
    if (!ctx.fetcher) throw new UserError(WEB_OFF);
    try {
      return briefingBody(await briefWebPage(url, { fetcher: ctx.fetcher, extract: ctx.extract, maxBytes: ctx.config.fetchMaxBytes, timeoutMs: ctx.config.fetchTimeoutMs, now: ctx.now }));
    } catch (error) {
      if (error instanceof UserError) ctx.logger.info({ interactionId: interaction.id, reason: error.name, detail: error.message }, '/brief url refused');
      throw error;
    }
  }
  const library = libraryOf(ctx, interaction.guildId);
  const article = requested ? await resolveArticle(library, requested) : await library.newest();
  if (!article) throw new UserError(localizedLabel((labels) => labels.emptyLibrary));
  return briefingBody(article);
}

/** Article titles and ids matching what is typed, newest first. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Suggestion[]> {
  return libraryOf(ctx, interaction.guildId).search.suggestArticles(String(interaction.options.getFocused()));
}

const BOTH_GIVEN = {
  en: 'Give either an article or a url, not both.',
  ar: 'اختر مقالًا من المكتبة أو رابطًا، لا الاثنين معًا.',
  fr: 'Donnez soit un article, soit un lien, pas les deux.',
};

const WEB_OFF = {
  en: 'Briefing web links is not available on this bot.',
  ar: 'تلخيص روابط الويب غير متاح في هذا البوت.',
  fr: 'Le résumé de liens web n’est pas disponible sur ce bot.',
};
