import type { APIEmbed } from 'discord.js';

/**
 * Characters of an embed that count toward Discord's 6000 total: title,
 * description, field names and values, footer text and author name.
 */
export function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Total counted characters over all the embeds of one message. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}
