import { InteractionResponseType, MessageFlags, Routes, type AnySelectMenuInteraction, type ButtonInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction } from 'discord.js';
import { API_CODES, apiErrorCode, apiErrorStatus } from './api-errors';
import { toEditOptions, toReplyOptions, type MessageBody } from './message';

const isEphemeral = (body: MessageBody): boolean => ((body.flags ?? 0) & MessageFlags.Ephemeral) !== 0;

/** The callback JSON of a reply, serialised once per body (a briefing's body is shared by every /brief of that article). */
const replyJson = new WeakMap<MessageBody, string>();

function replyCallback(body: MessageBody): string {
  let json = replyJson.get(body);
  if (json === undefined) {
    json = JSON.stringify({ type: InteractionResponseType.ChannelMessageWithSource, data: { ...body, components: body.components ?? [] } });
    replyJson.set(body, json);
  }
  return json;
}

/** An interaction the bot answers with a message: a slash command, a component (button, select menu) or a form. */
export type AnswerableInteraction = ChatInputCommandInteraction | ButtonInteraction | AnySelectMenuInteraction | ModalSubmitInteraction;

/**
 * Answers one command or button interaction exactly once, whichever way fits:
 * a direct reply/update when the answer is ready in time, or a deferral
 * followed by an edit. An ephemeral answer after a public deferral replaces
 * the "thinking…" message with an ephemeral follow-up.
 */
export class Responder {
  private deferred: Promise<unknown> | undefined;
  /** True when the deferral was ephemeral: the answer is then an edit, whatever its flags. */
  private deferredEphemeral = false;

  constructor(private readonly interaction: AnswerableInteraction) {}

  /**
   * Acknowledge now; the answer comes later. Idempotent; never throws (the
   * error surfaces on send). A deferral refused with 40060 "already
   * acknowledged" is a retry (after a lost answer: network reset, 5xx) whose
   * first attempt landed: the interaction is deferred, the edit goes ahead.
   * `ephemeral` (commands only) shows "thinking…" to the user alone.
   */
  defer(ephemeral = false): Promise<unknown> {
    if (this.deferred || this.interaction.replied || this.interaction.deferred) return this.deferred ?? Promise.resolve();
    const i = this.interaction;
    this.deferredEphemeral = ephemeral && !i.isButton();
    this.deferred = (i.isButton() ? i.deferUpdate() : i.deferReply(this.deferredEphemeral ? { flags: MessageFlags.Ephemeral } : {})).then(
      () => undefined,
      (error: unknown) => {
        if (apiErrorCode(error) !== API_CODES.alreadyAcknowledged) return error;
        i.deferred = true;
        return undefined;
      },
    );
    return this.deferred;
  }

  /** True once a deferral was started. */
  get isDeferred(): boolean {
    return this.deferred !== undefined;
  }

  /** Send the answer. */
  async send(body: MessageBody): Promise<void> {
    const i = this.interaction;
    if (this.deferred) {
      const failure = await this.deferred;
      if (failure instanceof Error) throw failure;
      if (isEphemeral(body) && !this.deferredEphemeral) {
        if (!i.isButton()) await i.deleteReply().catch(() => undefined);
        await i.followUp(toReplyOptions(body));
      } else {
        await i.editReply(toEditOptions(body));
      }
      return;
    }
    if (i.isButton() && !isEphemeral(body)) await i.update(toEditOptions(body));
    else if (i.replied || i.deferred) await i.reply(toReplyOptions(body)); // discord.js throws its usual error
    else await this.replyDirect(body);
  }

  /**
   * The common case, a reply ready at once: POST the callback ourselves with
   * the body already in Discord's JSON (and serialised once per body), which
   * skips discord.js's per-reply payload building (a large part of the bot's
   * cost per interaction). Same request as `interaction.reply()`.
   */
  private async replyDirect(body: MessageBody): Promise<void> {
    const i = this.interaction;
    try {
      await i.client.rest.post(Routes.interactionCallback(i.id, i.token), {
        body: replyCallback(body),
        passThroughBody: true,
        headers: { 'Content-Type': 'application/json' },
        auth: false,
      });
    } catch (error) {
      // 40060: a retry (after a lost answer) whose first attempt landed; the reply is there. Keep discord.js's state true, report it.
      if (apiErrorCode(error) === API_CODES.alreadyAcknowledged) {
        this.markReplied(body);
        throw error;
      }
      // 400: the callback was refused, so the interaction is still unanswered: let discord.js build and send the same reply.
      if (apiErrorStatus(error) !== 400) throw error;
      await i.reply(toReplyOptions(body));
      return;
    }
    this.markReplied(body);
  }

  /** What `interaction.reply()` records after a reply: later calls (edit, follow-up) then see the true state. */
  private markReplied(body: MessageBody): void {
    this.interaction.replied = true;
    this.interaction.ephemeral = isEphemeral(body);
  }
}
