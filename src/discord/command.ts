import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { Config } from '../config';
import type { Fetcher } from '../content/web/fetch-types';
import type { ExtractFn } from '../content/web/page-source';
import type { Library, ReaderView, Suggestion } from '../library';
import type { QuotePages } from '../library/quote-pages';
import type { Logger } from '../logger';
import type { MessageBody } from './message';

/**
 * What every command handler gets: the bot's services. Colleagues adding a
 * service (the scheduler, the store) add an optional field here and set it in
 * `src/app.ts`; a command that needs it checks it is present.
 */
export interface CommandContext {
  /** The folder library this process loads and briefs; absent on a `ROLE=web` or `ROLE=scheduler` replica that reads articles from Postgres. Commands read articles through {@link libraryOf}. */
  library?: Library;
  logger: Logger;
  config: Config;
  /** The kept /quote searches behind Previous/Next (15-minute expiry), in the store every process shares; absent where no interaction is served (ROLE=ingest). */
  pages?: QuotePages;
  /** Current time, epoch ms (tests pass a fake clock). */
  now(): number;
  /** Services registered by other modules (e.g. `scheduler`), by name. */
  services: Record<string, unknown>;
  /** The one way the bot reaches the web (address checks, caps); absent where the web is off (some tests). */
  fetcher?: Fetcher;
  /** Article extraction off the event loop (a worker thread with a time limit); in this thread when absent. */
  extract?: ExtractFn;
  /** What a server sees (the library plus its own feed articles, in memory; or read from Postgres on a replica). Read it through {@link libraryOf}. */
  libraryFor: (guildId: string | null) => ReaderView;
}

/** The articles a command used in `guildId` (null in DMs) may see: the operator's library, plus that server's own. */
export function libraryOf(ctx: Pick<CommandContext, 'libraryFor'>, guildId: string | null): ReaderView {
  return ctx.libraryFor(guildId);
}

/**
 * What a handler may do before it has its answer. A handler that must call
 * Discord's REST before answering (each call may take seconds) defers first,
 * so the acknowledgement never misses Discord's 3 s window.
 */
export interface Acknowledger {
  /**
   * Acknowledge the interaction now; the answer follows as an edit. Idempotent
   * and never throws (a failed deferral surfaces when the answer is sent).
   * `ephemeral` shows the "thinking…" state to the user only: use it when the
   * answer will be ephemeral (the answer then stays ephemeral).
   */
  defer(options?: { ephemeral?: boolean }): Promise<unknown>;
}

/**
 * One slash command, as each `commands/*.ts` module exports it (named exports
 * `data`, `execute` and optionally `autocomplete` and `button`, or the same as
 * a default export).
 *
 * Handlers return the message to show and let the router send it: the router
 * acknowledges within Discord's 3 s (deferring when a handler is slow; a
 * handler that must call Discord's REST first defers at once with `ack`), turns a
 * thrown `UserError` into a one-line ephemeral reply and anything else into a
 * logged generic reply. A handler may instead answer the interaction itself
 * and return nothing.
 */
export interface Command {
  /** Registration JSON (`PUT /applications/{id}/commands`). */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** Run the command; `ack` defers when the handler must call Discord before it can answer (the router passes it). */
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext, ack?: Acknowledger): Promise<MessageBody | void>;
  /** Suggestions for the focused option (at most 25; the router trims and validates). */
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<Suggestion[]>;
  /**
   * A click on one of this command's buttons: their `custom_id` starts with
   * `<command name>:`. Returns the updated message (the clicked message is
   * edited in place) or, with `ephemeral` set, a separate ephemeral reply.
   */
  button?(interaction: ButtonInteraction, ctx: CommandContext): Promise<MessageBody | void>;
  /** Defer right away (the work is known to be slow), always or for some invocations (e.g. a URL to fetch); by default the router defers only when the handler takes over a second. */
  deferImmediately?: boolean | ((interaction: ChatInputCommandInteraction) => boolean);
}
