import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { libraryOf, type CommandContext } from '../src/discord/command';
import { labelsFor, languageOfLocale } from '../src/discord/labels';
import { languageOfInteraction } from '../src/discord/user-language';
import { ephemeralText, type MessageBody } from '../src/discord/message';
import type { PageStore } from '../src/discord/pages';
import { articlesOfPage, parsePageCustomId, renderQuotePage } from '../src/discord/quote-results';
import { resolveArticle } from '../src/discord/resolve-article';
import { code, InvalidOptionError } from '../src/errors';
import type { QuoteHit, Suggestion } from '../src/library';

/** `/quote query? speaker? article?`: search the key quotes of the whole library. */
export const data = {
  name: 'quote',
  description: 'Find who said what across every article.',
  description_localizations: { fr: 'Trouver qui a dit quoi dans tous les articles.' },
  options: [
    { type: ApplicationCommandOptionType.String, name: 'query', description: 'Words the quote contains.', description_localizations: { fr: 'Mots contenus dans la citation.' }, required: false, max_length: 100 },
    { type: ApplicationCommandOptionType.String, name: 'speaker', description: 'Who said it.', description_localizations: { fr: 'Qui l’a dit.' }, required: false, autocomplete: true, max_length: 100 },
    { type: ApplicationCommandOptionType.String, name: 'article', description: 'Only this article.', description_localizations: { fr: 'Seulement cet article.' }, required: false, autocomplete: true, max_length: 100 },
  ],
} satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const MAX_OPTION = 100;

function option(interaction: ChatInputCommandInteraction, name: string): string | undefined {
  const value = interaction.options.getString(name)?.trim();
  if (!value) return undefined;
  if (value.length > MAX_OPTION) {
    throw new InvalidOptionError(name, {
      en: `at most ${MAX_OPTION} characters`,
      ar: `يقبل الخيار ${code(name)} ${MAX_OPTION} حرف على الأكثر.`,
      fr: `L’option ${code(name)} accepte ${MAX_OPTION} caractères au plus.`,
    });
  }
  return value;
}

/** Reply with the first page of matching quotes, or a friendly ephemeral note when there are none. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<MessageBody> {
  const query = option(interaction, 'query');
  const speaker = option(interaction, 'speaker');
  const articleOption = interaction.options.getString('article')?.trim() || undefined;
  const library = libraryOf(ctx, interaction.guildId);
  const articleId = articleOption === undefined ? undefined : (await resolveArticle(library, articleOption)).id;
  const language = languageOfInteraction(interaction);

  let hits: QuoteHit[];
  if (query || speaker || articleId) {
    hits = await library.search.searchQuotes({ query, speaker, articleId });
  } else {
    // No options: the main quotes of the newest article that has any.
    const newest = await library.newestQuoted();
    hits = newest ? await library.search.searchQuotes({ articleId: newest.id }) : [];
  }
  if (hits.length === 0) return ephemeralText(labelsFor(language).noResults);
  const pages = ctx.pages as PageStore<QuoteHit>;
  const token = pages.put(hits, language, ctx.now(), interaction.user.id);
  return renderQuotePage(hits, 0, token, language, await articlesOfPage(hits, 0, library));
}

/** Previous/Next: show another page of the same results, for 15 minutes, to the user who searched (anyone else gets a private line). */
export async function button(interaction: ButtonInteraction, ctx: CommandContext): Promise<MessageBody> {
  const parsed = parsePageCustomId(interaction.customId);
  const state = parsed ? (ctx.pages as PageStore<QuoteHit>).get(parsed.token, ctx.now()) : undefined;
  if (!parsed || !state) return ephemeralText(labelsFor(languageOfLocale(interaction.locale)).expired);
  if (state.owner !== undefined && state.owner !== interaction.user.id) return ephemeralText(labelsFor(languageOfLocale(interaction.locale)).notYourPages);
  const articles = await articlesOfPage(state.items, parsed.page, libraryOf(ctx, interaction.guildId));
  return renderQuotePage(state.items, parsed.page, parsed.token, state.language, articles);
}

/** Speakers or articles matching what is typed. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Suggestion[]> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  if (focused.name === 'speaker') return libraryOf(ctx, interaction.guildId).search.suggestSpeakers(typed);
  if (focused.name === 'article') return libraryOf(ctx, interaction.guildId).search.suggestArticles(typed);
  return [];
}
