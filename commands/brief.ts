import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody, type AutocompleteInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { libraryOf, type CommandContext } from '../src/discord/command';
import { localizedLabel } from '../src/discord/labels';
import { briefingBody, type MessageBody } from '../src/discord/message';
import { resolveArticle } from '../src/discord/resolve-article';
import { UserError } from '../src/errors';
import type { Suggestion } from '../src/library';

/** `/brief article?`: the briefing of an article (the newest when none is given) as embeds. */
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
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Reply with the briefing embeds. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<MessageBody> {
  const requested = interaction.options.getString('article')?.trim();
  const library = libraryOf(ctx, interaction.guildId);
  const article = requested ? resolveArticle(library, requested) : library.newest();
  if (!article) throw new UserError(localizedLabel((labels) => labels.emptyLibrary));
  return briefingBody(article);
}

/** Article titles and ids matching what is typed, newest first. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Suggestion[]> {
  return libraryOf(ctx, interaction.guildId).search.suggestArticles(String(interaction.options.getFocused()));
}
