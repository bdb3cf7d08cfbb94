import { ApplicationCommandOptionType, type RESTPostAPIChatInputApplicationCommandsJSONBody, type AutocompleteInteraction, type ButtonInteraction, type ChatInputCommandInteraction } from 'discord.js';
import { libraryOf, type CommandContext } from '../src/discord/command';
import { labelsFor, languageOfLocale } from '../src/discord/labels';
import { languageOfInteraction } from '../src/discord/user-language';
import { ephemeralText, type MessageBody } from '../src/discord/message';
import { articlesOfPage, parsePageCustomId, renderQuotePage } from '../src/discord/quote-results';
import { resolveArticle } from '../src/discord/resolve-article';
import { code, InvalidOptionError } from '../src/errors';
import type { QuoteHit, ReaderView, Suggestion } from '../src/library';
import type { QuoteSearch } from '../src/library/quote-pages';

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

/** The search's quotes, in the order the library ranks them (the same each time it runs, in any process). */
async function quotesOf(library: ReaderView, search: Pick<QuoteSearch, 'query' | 'speaker' | 'articleId'>): Promise<QuoteHit[]> {
  return library.search.searchQuotes({ query: search.query ?? undefined, speaker: search.speaker ?? undefined, articleId: search.articleId ?? undefined });
}

/** Where the searches behind the buttons are kept (set by the composition root wherever interactions are served). */
function pagesOf(ctx: CommandContext): NonNullable<CommandContext['pages']> {
  if (!ctx.pages) throw new Error('no store for /quote pages in this process');
  return ctx.pages;
}

/** Reply with the first page of matching quotes, or a friendly ephemeral note when there are none. */
export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<MessageBody> {
  const query = option(interaction, 'query') ?? null;
  const speaker = option(interaction, 'speaker') ?? null;
  const articleOption = interaction.options.getString('article')?.trim() || undefined;
  const library = libraryOf(ctx, interaction.guildId);
  // No options: the main quotes of the newest article that has any (kept by id, so its pages stay that article's).
  const articleId = articleOption !== undefined ? (await resolveArticle(library, articleOption)).id
    : query || speaker ? null : (await library.newestQuoted())?.id;
  const language = languageOfInteraction(interaction);
  if (articleId === undefined) return ephemeralText(labelsFor(language).noResults);
  const search: QuoteSearch = { query, speaker, articleId, guildId: interaction.guildId, userId: interaction.user.id, language };
  const hits = await quotesOf(library, search);
  if (hits.length === 0) return ephemeralText(labelsFor(language).noResults);
  // Only the search is kept, not its results: any process (another HTTP replica) runs it again for another page.
  const token = await pagesOf(ctx).put(search, ctx.now());
  return renderQuotePage(hits, 0, token, language, await articlesOfPage(hits, 0, library));
}

/**
 * Previous/Next: run the search again and show another page, for 15 minutes,
 * in the server it was made in, to the user who made it (anyone else gets a
 * private line; a click from another server finds nothing: "expired").
 */
export async function button(interaction: ButtonInteraction, ctx: CommandContext): Promise<MessageBody> {
  const labels = labelsFor(languageOfLocale(interaction.locale));
  const parsed = parsePageCustomId(interaction.customId);
  const search = parsed ? await pagesOf(ctx).get(parsed.token, interaction.guildId, ctx.now()) : undefined;
  if (!parsed || !search) return ephemeralText(labels.expired);
  if (search.userId !== interaction.user.id) return ephemeralText(labels.notYourPages);
  const library = libraryOf(ctx, search.guildId);
  const hits = await quotesOf(library, search);
  // The articles went away meanwhile.
  if (hits.length === 0) return ephemeralText(labelsFor(search.language).noResults);
  return renderQuotePage(hits, parsed.page, parsed.token, search.language, await articlesOfPage(hits, parsed.page, library));
}

/** Speakers or articles matching what is typed. */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Suggestion[]> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
  if (focused.name === 'speaker') return libraryOf(ctx, interaction.guildId).search.suggestSpeakers(typed);
  if (focused.name === 'article') return libraryOf(ctx, interaction.guildId).search.suggestArticles(typed);
  return [];
}
