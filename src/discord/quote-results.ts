import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed } from 'discord.js';
import type { ArticleReader, LibraryArticle, QuoteHit } from '../library';
import { LANGUAGE_COLOURS, speakerName } from './embeds';
import { embedsLength } from './embed-size';
import { labelsFor } from './labels';
import { LIMITS } from './limits';
import { buildMessage, type MessageBody } from './message';
import { escapeMarkdown, oneLine, RLM, truncate } from './text';

/** Quotes shown per page. */
export const QUOTES_PER_PAGE = 5;

/** Custom id of a /quote page button: `quote:<token>:<page>` (page is 0-based). */
export function pageCustomId(token: string, page: number | 'i'): string {
  return `quote:${token}:${page}`;
}

/** Parse a /quote button custom id; undefined when it is not one. */
export function parsePageCustomId(customId: string): { token: string; page: number } | undefined {
  const match = /^quote:([\w-]{1,40}):(\d{1,5})$/.exec(customId);
  return match ? { token: match[1]!, page: Number(match[2]) } : undefined;
}

/** The articles of one page's quotes, by id: what {@link renderQuotePage} shows them with. */
export type PageArticles = Pick<ReadonlyMap<string, LibraryArticle>, 'get'>;

/** Which page `page` shows (clamped to the pages there are), how many pages there are, and that page's hits. */
function pageOf<T>(hits: readonly T[], page: number): { current: number; pages: number; slice: readonly T[] } {
  const pages = Math.max(1, Math.ceil(hits.length / QUOTES_PER_PAGE));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { current, pages, slice: hits.slice(current * QUOTES_PER_PAGE, (current + 1) * QUOTES_PER_PAGE) };
}

/** Read the articles the quotes of page `page` come from (at most {@link QUOTES_PER_PAGE}, read at once). */
export async function articlesOfPage(hits: readonly QuoteHit[], page: number, reader: Pick<ArticleReader, 'get'>): Promise<PageArticles> {
  const ids = [...new Set(pageOf(hits, page).slice.map((hit) => hit.articleId))];
  const articles = await Promise.all(ids.map((id) => reader.get(id)));
  return new Map(articles.filter((article) => article !== undefined).map((article) => [article.id, article]));
}

/**
 * One page of /quote results: an embed per quote (speaker as author, the
 * quote in the article's quotation marks, the article's headline as a title
 * linked to its url), a page footer, and Previous/Next buttons when there is
 * more than one page. UI labels are in `language`; quotation marks follow each
 * article's language. Within every Discord limit, the 6000 total included.
 */
export function renderQuotePage(hits: readonly QuoteHit[], page: number, token: string, language: string, articles: PageArticles): MessageBody {
  const labels = labelsFor(language);
  const { current, pages, slice } = pageOf(hits, page);
  const footer = truncate(`${labels.quoteResults} · ${labels.page(current + 1, pages)} · ${hits.length}`, 200);
  // Equal share of the 6000 total per embed; the page footer goes on the last one.
  const share = Math.floor((LIMITS.embedTotal - footer.length) / Math.max(1, slice.length));

  const embeds: APIEmbed[] = slice.map((hit) => {
    const article = articles.get(hit.articleId);
    const articleLabels = labelsFor(article?.briefing.language);
    const rtl = article?.briefing.language === 'ar';
    const mark = rtl ? RLM : '';
    const [open, close] = articleLabels.quoteMarks;
    const author = truncate(`${mark}${speakerName(hit.quote, articleLabels)}`, Math.min(LIMITS.authorName, 150));
    const title = truncate(escapeMarkdown(oneLine(article?.briefing.headline ?? hit.articleId)), Math.min(LIMITS.embedTitle, 200));
    const room = Math.min(LIMITS.embedDescription, share - author.length - title.length) - mark.length - open.length - close.length;
    const embed: APIEmbed = {
      author: { name: author },
      title,
      description: `${mark}${open}${truncate(escapeMarkdown(oneLine(hit.quote.text)), Math.max(1, room))}${close}`,
      color: LANGUAGE_COLOURS[article?.briefing.language ?? 'other'],
    };
    if (article?.meta.url && article.meta.url.length <= 2048) embed.url = article.meta.url;
    return embed;
  });
  const last = embeds[embeds.length - 1];
  if (last) last.footer = { text: footer };
  if (embedsLength(embeds) > LIMITS.embedTotal) throw new Error('quote page over the 6000-character total');

  const components: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  if (pages > 1) {
    components.push({
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: truncate(labels.previous, LIMITS.buttonLabel), custom_id: pageCustomId(token, Math.max(0, current - 1)), disabled: current === 0 },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: `${current + 1} / ${pages}`, custom_id: pageCustomId(token, 'i'), disabled: true },
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: truncate(labels.next, LIMITS.buttonLabel), custom_id: pageCustomId(token, Math.min(pages - 1, current + 1)), disabled: current === pages - 1 },
      ],
    });
  }
  return buildMessage({ embeds, components });
}
