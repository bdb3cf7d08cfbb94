import { MessageFlags, type APIActionRowComponent, type APIComponentInMessageActionRow, type APIEmbed, type InteractionReplyOptions, type InteractionEditReplyOptions, type InteractionUpdateOptions } from 'discord.js';
import type { LibraryArticle } from '../library/types';
import { renderBriefing, type RenderBriefingOptions } from './embeds';
import { LIMITS } from './limits';
import { truncate } from './text';

/** No pings, ever: every message the bot sends carries this. */
export const NO_MENTIONS = { parse: [] as [] };

/** The body of one outgoing message as Discord's API JSON (`MessageCreateRequest` and friends). */
export interface MessageBody {
  content?: string;
  embeds: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowed_mentions: { parse: []; replied_user?: boolean };
  flags?: number;
}

/** What goes into a message, before the bot's invariants are applied. */
export interface MessageParts {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Only the user who ran the command sees it (interaction replies only). */
  ephemeral?: boolean;
}

/**
 * The one place that builds outgoing message bodies: sets
 * `allowed_mentions: { parse: [] }` (and `replied_user: false`), caps content
 * and the embed count. Every command and the scheduler send through this.
 */
export function buildMessage(parts: MessageParts): MessageBody {
  const body: MessageBody = {
    embeds: (parts.embeds ?? []).slice(0, LIMITS.embedsPerMessage),
    allowed_mentions: { parse: [], replied_user: false },
  };
  if (parts.content) body.content = truncate(parts.content, LIMITS.content);
  if (parts.components) body.components = parts.components;
  if (parts.ephemeral) body.flags = MessageFlags.Ephemeral;
  return body;
}

const briefingBodies = new WeakMap<LibraryArticle, MessageBody>();

/**
 * The message body of an article's briefing with default options, rendered
 * once per article version (the library replaces the object when the file
 * changes) and shared: callers must not mutate it.
 */
export function briefingBody(article: LibraryArticle): MessageBody {
  let body = briefingBodies.get(article);
  if (!body) {
    body = buildMessage(renderBriefing(article));
    briefingBodies.set(article, body);
  }
  return body;
}

/**
 * A channel message with the briefing of an article (API JSON valid against
 * `MessageCreateRequest`), for the scheduler: POST it to
 * `/channels/{id}/messages`, adding `nonce` and `enforce_nonce`.
 */
export function renderBriefingMessage(article: LibraryArticle, options?: RenderBriefingOptions): Pick<MessageBody, 'embeds' | 'allowed_mentions'> {
  const { embeds, allowed_mentions } = options ? buildMessage(renderBriefing(article, options)) : briefingBody(article);
  return { embeds, allowed_mentions };
}

/** discord.js options for `interaction.reply()` from a message body. */
export function toReplyOptions(body: MessageBody): InteractionReplyOptions & { flags?: number } {
  return {
    content: body.content,
    embeds: body.embeds,
    components: body.components ?? [],
    allowedMentions: { parse: [], repliedUser: false },
    ...(body.flags ? { flags: body.flags } : {}),
  } as InteractionReplyOptions & { flags?: number };
}

/** discord.js options for `interaction.editReply()` / `followUp()` / `update()` from a message body. */
export function toEditOptions(body: MessageBody): InteractionEditReplyOptions & InteractionUpdateOptions {
  return {
    content: body.content ?? null,
    embeds: body.embeds,
    components: body.components ?? [],
    allowedMentions: { parse: [], repliedUser: false },
  };
}

/** A one-line ephemeral text reply (errors, "nothing found"). */
export function ephemeralText(text: string): MessageBody {
  return buildMessage({ content: text, ephemeral: true });
}
