import { InteractionResponseType, InteractionType } from 'discord.js';
import { labelsFor, languageOfLocale, type Labels } from '../discord/labels';
import { ephemeralText } from '../discord/message';
import type { RawInteraction } from './server';

/** Interaction types a message answers (a command, a component, a form): Discord accepts an ephemeral reply to each. */
const ANSWERED_BY_MESSAGE = new Set<number>([InteractionType.ApplicationCommand, InteractionType.MessageComponent, InteractionType.ModalSubmit]);

/** True for the interaction types this endpoint knows: PING, commands, components, autocomplete and forms. */
export function isKnownInteractionType(type: number): boolean {
  return type === InteractionType.Ping || type === InteractionType.ApplicationCommandAutocomplete || ANSWERED_BY_MESSAGE.has(type);
}

/**
 * The callback JSON that answers an interaction the router left unanswered
 * (it failed, or took too long to even defer): `pick`'s one-line ephemeral
 * message in the user's language (from `locale`), or no choices for an
 * autocomplete. Undefined for a type no callback is known to fit.
 */
export function fallbackAnswer(raw: RawInteraction, pick: (labels: Labels) => string): string | undefined {
  if (raw.type === InteractionType.ApplicationCommandAutocomplete) {
    return JSON.stringify({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } });
  }
  if (!ANSWERED_BY_MESSAGE.has(raw.type)) return undefined;
  const locale = typeof raw.locale === 'string' ? raw.locale : undefined;
  return JSON.stringify({ type: InteractionResponseType.ChannelMessageWithSource, data: ephemeralText(pick(labelsFor(languageOfLocale(locale)))) });
}
