import type { AutocompleteInteraction, ChatInputCommandInteraction, Interaction } from 'discord.js';
import { code, UserError } from '../errors';
import type { Suggestion } from '../library';
import type { Logger } from '../logger';
import { apiErrorStatus, isExpectedInteractionFailure } from './api-errors';
import type { Acknowledger, Command, CommandContext } from './command';
import { labelsFor, localizedLabel } from './labels';
import { languageOfInteraction } from './user-language';
import { LIMITS } from './limits';
import { incompleteCommandError } from './option-errors';
import { ephemeralText, toReplyOptions, type MessageBody } from './message';
import { Responder, type AnswerableInteraction } from './responder';

/** Options of {@link createRouter}. */
export interface RouterOptions {
  commands: ReadonlyMap<string, Command>;
  ctx: CommandContext;
  logger: Logger;
  /** Defer a command whose handler has not answered after this many ms (default 1000, well inside Discord's 3 s). */
  deferAfterMs?: number;
  /**
   * Resolves once handlers can run (the library has loaded). Commands and
   * buttons wait for it (deferred after `deferAfterMs` meanwhile);
   * autocomplete waits at most `autocompleteWaitMs`, then offers nothing.
   */
  ready?: Promise<unknown>;
  /** Longest wait for `ready` in an autocomplete (default 2000: its answer must leave within 3 s). */
  autocompleteWaitMs?: number;
}

/**
 * The `interactionCreate` handler: routes slash commands, autocomplete and
 * buttons to their command; a select menu or form (the bot sends none) gets
 * the one-line "expired" answer, any other answerable interaction (a context
 * menu, say) the one-line "not supported". Never throws and never rejects: a failing
 * handler is answered (one-line ephemeral message for a `UserError`, in the
 * user's language, a generic one otherwise, logged with the interaction id and command).
 */
export function createRouter(options: RouterOptions): (interaction: Interaction) => Promise<void> {
  const { commands, ctx } = options;
  const log = options.logger.child({ component: 'router' });
  const deferAfterMs = options.deferAfterMs ?? 1000;
  let isReady = options.ready === undefined;
  const ready = (options.ready ?? Promise.resolve()).then(() => {
    isReady = true;
  });
  /** Wait for `ready` at most `ms`; true when ready. */
  const readyWithin = async (ms: number): Promise<boolean> => {
    if (isReady) return true;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    await Promise.race([ready, late]);
    clearTimeout(timer);
    return isReady;
  };

  const answer = async (
    interaction: AnswerableInteraction,
    commandName: string,
    run: (ack: Acknowledger) => Promise<MessageBody | void>,
    deferNow: boolean,
  ): Promise<void> => {
    const responder = new Responder(interaction);
    const ack: Acknowledger = { defer: (deferOptions) => responder.defer(deferOptions?.ephemeral === true) };
    const started = Date.now();
    const timer = deferNow ? undefined : setTimeout(() => void responder.defer(), deferAfterMs);
    let body: MessageBody | void;
    try {
      if (deferNow) await responder.defer();
      if (!isReady) await ready;
      body = await run(ack);
    } catch (error) {
      body = failureBody(error, interaction, commandName);
    } finally {
      clearTimeout(timer);
    }
    if (!body) return;
    try {
      await responder.send(body);
      log.debug({ interactionId: interaction.id, command: commandName, ms: Date.now() - started, deferred: responder.isDeferred }, 'interaction answered');
    } catch (error) {
      const fields = { err: error, interactionId: interaction.id, command: commandName };
      // Expired (10062), already answered (40060), token gone: normal on Discord, nothing to fix.
      if (isExpectedInteractionFailure(error)) log.warn(fields, 'could not answer the interaction');
      else log.error(fields, 'could not answer the interaction');
      // A 400 means Discord refused that answer and nothing changed: the user still gets a one-line message.
      if (apiErrorStatus(error) === 400 && !isExpectedInteractionFailure(error)) {
        await responder.send(ephemeralText(labelsFor(languageOfInteraction(interaction)).genericError)).catch((again: unknown) => {
          log.warn({ err: again, interactionId: interaction.id, command: commandName }, 'could not send the generic error either');
        });
      }
    }
  };

  const failureBody = (error: unknown, interaction: Interaction, commandName: string): MessageBody => {
    const incomplete = incompleteCommandError(error);
    if (incomplete) {
      // Nothing the user can fix: the registered commands and this bot disagree (npm run deploy), or the request was forged.
      log.warn({ interactionId: interaction.id, command: commandName, problem: (error as Error).message }, 'an interaction did not fit its command’s options (commands out of date? run npm run deploy)');
      return ephemeralText(incomplete.messageIn(languageOfInteraction(interaction)));
    }
    if (error instanceof UserError) return ephemeralText(error.messageIn(languageOfInteraction(interaction)).split('\n')[0]!);
    log.error({ err: error, interactionId: interaction.id, command: commandName }, 'command failed');
    return ephemeralText(labelsFor(languageOfInteraction(interaction)).genericError);
  };

  const autocomplete = async (interaction: AutocompleteInteraction): Promise<void> => {
    const command = commands.get(interaction.commandName);
    let choices: Suggestion[] = [];
    try {
      const canRun = await readyWithin(options.autocompleteWaitMs ?? 2000);
      if (command?.autocomplete && canRun) choices = sanitizeChoices(await command.autocomplete(interaction, ctx));
    } catch (error) {
      log.error({ err: error, interactionId: interaction.id, command: interaction.commandName }, 'autocomplete failed');
      choices = [];
    }
    try {
      await interaction.respond(choices);
    } catch (error) {
      log.warn({ err: error, interactionId: interaction.id, command: interaction.commandName }, 'could not answer the autocomplete');
    }
  };

  return async (interaction) => {
    try {
      if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        await answer(interaction, interaction.commandName, async (ack) => {
          if (!command) throw unknownCommand(interaction.commandName);
          return command.execute(interaction, ctx, ack);
        }, deferNow(command, interaction));
      } else if (interaction.isAutocomplete()) {
        await autocomplete(interaction);
      } else if (interaction.isButton()) {
        const name = interaction.customId.split(':', 1)[0] ?? '';
        const command = commands.get(name);
        await answer(interaction, `${name}:button`, async () => {
          if (!command?.button) throw new UserError(localizedLabel((labels) => labels.expired));
          return command.button(interaction, ctx);
        }, false);
      } else if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
        // A select menu or a form: this bot sends none, so it comes from another version of the bot, or is forged.
        await answer(interaction, 'component', async () => {
          throw new UserError(localizedLabel((labels) => labels.expired));
        }, false);
      } else if (interaction.isRepliable()) {
        // A context-menu command, or a kind discord.js knows and this bot offers none of (forged, or a newer feature).
        log.warn({ interactionId: interaction.id, type: interaction.type }, 'interaction of a kind this bot offers none of: answered "not supported"');
        await interaction.reply(toReplyOptions(ephemeralText(labelsFor(languageOfInteraction(interaction)).unsupported)));
      }
    } catch (error) {
      log.error({ err: error, interactionId: interaction.id }, 'interaction handler failed');
    }
  };
}

/** True when `command` asks to defer this invocation at once. */
function deferNow(command: Command | undefined, interaction: ChatInputCommandInteraction): boolean {
  const rule = command?.deferImmediately;
  return typeof rule === 'function' ? rule(interaction) : rule === true;
}

/** A command this bot does not have (deployed commands out of date). */
function unknownCommand(name: string): UserError {
  return new UserError({
    en: `Unknown command /${name}.`,
    ar: `الأمر ${code(`/${name}`)} غير معروف.`,
    fr: `Commande /${name} inconnue.`,
  });
}

/** At most 25 choices, names and values of 1 to 100 characters, no duplicate values. */
export function sanitizeChoices(choices: readonly Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const choice of choices) {
    const name = cutCodePoints(choice.name, LIMITS.choiceName);
    if (!name || !choice.value || choice.value.length > LIMITS.choiceValue || seen.has(choice.value)) continue;
    seen.add(choice.value);
    out.push({ name, value: choice.value });
    if (out.length === LIMITS.autocompleteChoices) break;
  }
  return out;
}

/** At most `max` UTF-16 units of `text`, never ending inside a surrogate pair. */
function cutCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, end);
}
