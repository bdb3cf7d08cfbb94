import { DiscordjsErrorCodes } from 'discord.js';
import { code, UserError } from '../errors';

/** discord.js's errors for an interaction whose options do not fit its command (missing, of another type, no subcommand). */
const OPTION_MISMATCH_CODES: ReadonlySet<string> = new Set([
  DiscordjsErrorCodes.CommandInteractionOptionNotFound,
  DiscordjsErrorCodes.CommandInteractionOptionType,
  DiscordjsErrorCodes.CommandInteractionOptionEmpty,
  DiscordjsErrorCodes.CommandInteractionOptionNoSubcommand,
  DiscordjsErrorCodes.CommandInteractionOptionNoSubcommandGroup,
]);

/** The option an option error names (discord.js quotes it first in its message), if any. */
function optionNamed(message: string): string | undefined {
  return /"([^"]{1,32})"/.exec(message)?.[1];
}

/**
 * The user's one line for an interaction that arrived without an option its
 * command requires, or with one of another type, or without a subcommand (the
 * commands registered with Discord are older or newer than this bot, or the
 * request was forged); undefined for any other error. Naming the option, in
 * the user's language.
 */
export function incompleteCommandError(error: unknown): UserError | undefined {
  const errorCode = (error as { code?: unknown } | null)?.code;
  if (typeof errorCode !== 'string' || !OPTION_MISMATCH_CODES.has(errorCode)) return undefined;
  const option = optionNamed(error instanceof Error ? error.message : '');
  const what = option
    ? { en: `option ${code(option)}`, ar: `الخيار ${code(option)}`, fr: `option ${code(option)}` }
    : { en: 'subcommand', ar: 'الأمر الفرعي', fr: 'sous-commande' };
  return new UserError({
    en: `This command arrived without a valid ${what.en}: the bot’s commands may be out of date. Try again once they are updated.`,
    ar: `وصل هذا الأمر ناقصًا أو غير صالح (${what.ar})؛ ربما أوامر البوت غير محدّثة. أعد المحاولة بعد تحديثها.`,
    fr: `Cette commande est arrivée sans ${what.fr} valide : les commandes du bot ne sont peut-être pas à jour. Réessayez une fois qu’elles le seront.`,
  });
}
